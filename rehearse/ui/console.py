"""The terminal: consoles for stdout and stderr, and progress shown as a spinner.

The library reports progress through a callback (pipeline.Progress); this is the
terminal's side of it."""

from __future__ import annotations

import os
import sys
import time
from typing import NoReturn

from rich.console import Console
from rich.text import Text


def reader_gone() -> NoReturn:
    """The reader of standard output stopped reading ("rehearse analyze ... | head -2"):
    what it wanted was written, so exit 0, not click's and rich's 1, which the README keeps
    for unusable input (a tryout's script read it so). Standard output goes nowhere from
    here, so the flush at exit cannot fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(0)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        if self.stderr:  # only the messages' reader is gone: the output goes on
            return
        reader_gone()


def console(stderr: bool = False) -> Console:
    return _Console(stderr=stderr, highlight=False)


def spinner(on: Console):
    """A pipeline progress callback: a spinner with the stage's text, gone when it ends;
    when the stage says how far it has got, the share done and the time left."""
    current = None
    started = 0.0
    shown = ""

    def progress(what: str | None, fraction: float | None = None) -> None:
        nonlocal current, started, shown
        if what is not None and current is not None and what == shown and fraction is not None:
            elapsed = time.monotonic() - started
            left = elapsed * (1 - fraction) / fraction if fraction > 0.02 else None
            text = f"{what} {fraction:.0%}" + (f", about {left:.0f} s left" if left is not None else "")
            current.update(Text(text))
            return
        if current is not None:
            current.stop()
            current = None
        if what is not None:
            current, started, shown = on.status(Text(what)), time.monotonic(), what
            current.start()

    return progress
