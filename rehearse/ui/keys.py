"""The keys: Enter (or space or q) stops a recording, read without echo so the live panel
stays clean; a prompt's answer is one key. Ctrl-C is a signal, handled by the practice
session."""

from __future__ import annotations

import sys
import threading
from typing import Callable

from rehearse.audio.recorder import StopSignal


def watch_keys(stop: StopSignal, stream=None) -> Callable[[], None]:
    """Stop the recording when Enter (or space or q) is pressed; returns a function that
    stops watching and restores the terminal.

    On a terminal the keys are read one at a time without echo, so the live panel stays
    clean. A closed or empty stdin (EOF) is not a key press.
    """
    stream = stream if stream is not None else sys.stdin
    done = threading.Event()
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return done.set
    if sys.platform == "win32":
        return _watch_keys_windows(stop, done)

    import os
    import select

    restore = None
    if os.isatty(fd):
        import termios
        import tty

        saved = termios.tcgetattr(fd)
        # setcbreak discards the keys typed before it (TCSAFLUSH): an Enter pressed after
        # `r` out of habit is not a stop that ends the new take at once.
        tty.setcbreak(fd)
        restore = lambda: termios.tcsetattr(fd, termios.TCSADRAIN, saved)  # noqa: E731

    def run() -> None:
        while not done.is_set():
            try:
                ready, _, _ = select.select([fd], [], [], 0.1)
                if not ready:
                    continue
                data = os.read(fd, 64)
            except (OSError, ValueError):
                return
            if not data:
                return  # EOF: no keyboard here, keep recording
            if any(c in data for c in b"\r\n q"):
                stop.set("enter")
                return

    thread = threading.Thread(target=run, name="keys", daemon=True)
    thread.start()

    def finish() -> None:
        done.set()
        thread.join(timeout=1)
        if restore:
            restore()

    return finish


def _watch_keys_windows(stop: StopSignal, done: threading.Event) -> Callable[[], None]:
    import msvcrt

    def run() -> None:
        while not done.wait(0.1):
            while msvcrt.kbhit():
                if msvcrt.getwch() in "\r\n q":
                    stop.set("enter")
                    return

    threading.Thread(target=run, name="keys", daemon=True).start()
    return done.set


def is_keyboard(stream=None) -> bool:
    """Is the input a terminal, where keys can be read one at a time?"""
    stream = stream if stream is not None else sys.stdin
    try:
        return stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False


def read_key(stream=None) -> str:
    """One key from a terminal, without waiting for Enter. Enter is "\\n"; Ctrl-D (end of
    input) is "". Only for a terminal (`is_keyboard`)."""
    stream = stream if stream is not None else sys.stdin
    if sys.platform == "win32":
        import msvcrt

        key = msvcrt.getwch()
        return "" if key in ("\x04", "\x1a") else ("\n" if key == "\r" else key)

    import os
    import termios
    import tty

    fd = stream.fileno()
    saved = termios.tcgetattr(fd)
    try:
        # Keys pressed before the prompt showed (during the analysis) are discarded, not
        # taken as its answer; Ctrl-C still interrupts (ISIG stays on).
        tty.setcbreak(fd)
        data = os.read(fd, 8)  # an arrow key's whole sequence, so none of it is left for the next read
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    key = data.decode("utf-8", "replace")[:1]
    return "" if key in ("", "\x04") else ("\n" if key == "\r" else key)
