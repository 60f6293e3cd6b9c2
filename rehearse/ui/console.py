"""The terminal: consoles for stdout and stderr, and progress shown as a spinner.

The library reports progress through a callback (pipeline.Progress); this is the
terminal's side of it."""

from __future__ import annotations

from rich.console import Console


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


def spinner(on: Console):
    """A pipeline progress callback: a spinner with the stage's text, gone when it ends."""
    current = None

    def progress(what: str | None) -> None:
        nonlocal current
        if current is not None:
            current.stop()
            current = None
        if what is not None:
            current = on.status(what)
            current.start()

    return progress
