"""The practice session: show a question, record the answer, report, and go again.

This wires the parts (questions, recording, live panel, pipeline, report) for a person at
a terminal; the decisions live in those modules.
"""

from __future__ import annotations

import random
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from rehearse import prompts
from rehearse.analysis.length import clock
from rehearse.audio.recorder import DEFAULT_MAX_S, InputSource, Recorder, Recording, RecordingState, StopSignal
from rehearse.audio.takefile import UnfinishedTake, find_unfinished, new_take_path, release, release_recording
from rehearse.errors import RehearseError
from rehearse.pipeline import analyze_recording, keep_take
from rehearse.transcription.models import DEFAULT_ENGINE
from rehearse.ui.console import spinner
from rehearse.ui.keys import is_keyboard, read_key, watch_keys
from rehearse.ui.live import STAR_REMINDER, recording_panel
from rehearse.ui.report_view import print_answer, print_follow_up, print_report

COUNTDOWN_FROM = 3
STOPPED_BY = {
    "enter": "Enter",  # ("Stopped at 0:12 by Enter", as "by Ctrl-C": "by you pressed Enter" was a tryout's)
    "ctrl-c": "Ctrl-C",
    "limit": "the time limit",
    "end": "the end of the replayed file",
}


@dataclass
class Options:
    max_seconds: float = DEFAULT_MAX_S
    device: str | None = None
    model: str | None = None
    replay: Path | None = None
    speed: float = 1.0
    category: str | None = None
    save: bool = True
    incremental: bool = True
    engine: str = DEFAULT_ENGINE


def pick_question(question_id: str | None, category: str | None, avoid: str | None = None) -> prompts.Question:
    if question_id:
        return prompts.question(question_id)
    pool = prompts.questions(category)
    others = [q for q in pool if q.id != avoid] or pool
    return random.choice(others)


def open_source(options: Options) -> InputSource:
    from rehearse.audio.recorder import MicrophoneSource, ReplaySource

    if options.replay is not None:
        return ReplaySource(options.replay, options.speed)
    return MicrophoneSource(options.device)


def question_card(question: prompts.Question) -> Panel:
    body = Group(Text(question.text, style="bold"), Text(STAR_REMINDER, style="dim"))
    return Panel(body, title=f"{question.id} · {question.category}", title_align="left")


def countdown(console: Console, seconds_each: float) -> None:
    with Live(Text(""), console=console, transient=True, refresh_per_second=20) as live:
        for n in range(COUNTDOWN_FROM, 0, -1):
            live.update(Text(f"Start speaking in {n}...", style="bold"))
            time.sleep(seconds_each)


def record_answer(question: prompts.Question, source: InputSource, options: Options, console: Console,
                  transcriber=None, details: dict | None = None) -> Recording:
    """Record until Enter, Ctrl-C, the time limit or the end of a replay, with the live panel.
    A `transcriber` (IncrementalTranscriber) gets every block as it is written. `details`
    go in the recording's marker, for recovery after a crash (session, follow-up)."""
    path = new_take_path(question.id)
    # The marker stays after the stop until the answer is saved (keep_answer), so a crash or
    # a Ctrl-C while it is analyzed leaves it to `recover`.
    recorder = Recorder(source, path, max_seconds=options.max_seconds, keep_marker=True,
                        details={"question_id": question.id, "model": options.model, **(details or {})})
    stop = StopSignal()
    # Ctrl-C stops the recording like Enter does; the take is kept and analyzed.
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set("ctrl-c"))
    stop_watching = watch_keys(stop)
    try:
        state = RecordingState(max_s=options.max_seconds, source=source.name)
        follow_up = bool(details and details.get("follow_up"))
        with Live(recording_panel(state, follow_up=follow_up), console=console, refresh_per_second=10) as live:
            recording = recorder.record(stop, on_tick=lambda s: live.update(recording_panel(s, follow_up=follow_up)),
                                        on_audio=None if transcriber is None else transcriber.feed)
        if not console.is_terminal:
            console.line()  # Live leaves its last frame without a newline when not on a terminal
    finally:
        stop_watching()
        signal.signal(signal.SIGINT, previous)
    console.print(Text(
        f"Stopped at {clock(recording.seconds)} by {STOPPED_BY.get(recording.stopped_by, recording.stopped_by)}. "
        f"Recording kept in {recording.path}", style="dim"), soft_wrap=True)
    for warning in recording.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    return recording


def ask(console: Console, prompt: str, choices: str, default: str) -> str:
    """One letter from `choices`; the default on Enter or when there is no keyboard (EOF).
    On a terminal one key is enough (a tryout had to press Enter after each); from a pipe
    or a file, a line."""
    if console.is_terminal and is_keyboard():
        while True:
            console.print(Text(prompt, style="bold"), end="")
            key = read_key().lower()
            if key in ("", "\n"):
                console.print()
                return default
            if key in choices:
                console.print(key, highlight=False, markup=False)
                return key
            console.print()
            console.print(Text(f"Press one of: {', '.join(choices)}", style="dim"))
    while True:
        try:
            answer = console.input(Text(prompt, style="bold")).strip().lower()
        except EOFError:
            console.print()
            return default
        if not answer:
            return default
        if answer[0] in choices:
            return answer[0]
        console.print(f"Type one of: {', '.join(choices)}")


def recover_take(take: UnfinishedTake, model: str | None, status: Console, history=None,
                 engine: str = DEFAULT_ENGINE) -> dict:
    """Analyze a recording cut short by a crash, save it where it belongs (a take, in its
    mock interview if it had one, or an answer to a take's follow-up), and mark it as offered."""
    follow_up = take.follow_up if take.of_take is not None else None
    report = analyze_recording(take.path, take.question_id, model_name=model, engine=engine, progress=spinner(status),
                               follow_up=follow_up, of_take=take.of_take)
    # What was kept of an answer cut short is not the answer: the report says so, and it is
    # never "since take N" or the take the next one is compared with.
    report["cut_short"] = True
    if history is not None:
        if follow_up is None:
            keep_take(history, report, take.path, session_id=take.session_id)
        elif history.has_take(take.of_take):
            history.save_follow_up(report, take.of_take, take.path)
        else:
            status.print(Text(f"note: take {take.of_take}, whose follow-up this answers, was deleted: the answer is "
                              f"not saved; its recording stays in {take.path}", style="yellow"), soft_wrap=True)
    release(take)
    return report


def offer_unfinished(takes: list[UnfinishedTake], options: Options, console: Console, history=None) -> str | None:
    """Offer each recording cut short by a crash; returns the question id of the last one analyzed."""
    last = None
    for take in takes:
        what = f"{take.question_id or 'no question'}, {take.seconds:.0f} s, started {take.started_at or 'at an unknown time'}"
        console.print(Text(f"Found a recording that was cut short ({what}); its header is repaired: {take.path}", style="yellow"), soft_wrap=True)
        if ask(console, "Analyze it now? [Y/n] ", "yn", "y") != "y":
            release(take)
            console.print(Text(f"Kept. Analyze it later with: rehearse analyze {take.path}", style="dim"), soft_wrap=True)
            continue
        print_answer(recover_take(take, options.model, console, history, options.engine), console)
        last = take.question_id
    return last


def follow_up_card(question: prompts.Question, probe: dict, title: str | None = None) -> Panel:
    body = Group(Text(probe["question"], style="bold"),
                 Text("A short answer: 20-40 seconds. Press Enter to stop.", style="dim"))
    return Panel(body, title=title or f"Follow-up · {question.id} · {question.category}", title_align="left")


def answer_follow_up(question: prompts.Question, probe: dict, take_report: dict, options: Options, console: Console,
                     history) -> dict:
    """Ask a follow-up, record the spoken answer, judge it on what the probe asked for,
    keep it and show how it did."""
    console.print(follow_up_card(question, probe))
    report = record_follow_up(question, probe, take_report, options, console, history)
    print_follow_up(report, console)
    return report


def record_follow_up(question: prompts.Question, probe: dict, take_report: dict, options: Options, console: Console,
                     history) -> dict:
    """Record the spoken answer to a follow-up, judge it on what the probe asked for, and
    keep it linked to the take it probed (when that take was saved)."""
    source = open_source(options)
    countdown(console, 1.0 / options.speed if options.replay else 1.0)
    of_take = (take_report.get("take") or {}).get("id")
    recording = record_answer(question, source, options, console, details={"follow_up": probe, "of_take": of_take})
    saving = history is not None and of_take is not None
    with ctrl_c_once_saved():
        report = _analyzed(recording, question, options, console, follow_up=probe, of_take=of_take)
        _saved_then_released(recording, (lambda: history.save_follow_up(report, of_take, recording.path))
                             if saving else None)
    return report


def keep_answer(history, report: dict, recording: Recording, session_id: int | None = None) -> None:
    """Save the take (unless `history` is None: not saving), then let its recording go: only
    from now on is the answer safe without the marker."""
    saving = history is not None
    _saved_then_released(recording, (lambda: keep_take(history, report, recording.path, session_id=session_id))
                         if saving else None)


def _saved_then_released(recording: Recording, save: Callable[[], object] | None) -> None:
    try:
        if save is not None:
            save()
    except RehearseError:
        # The save said what happened (a pending save, or analyze again): never offer it twice.
        release_recording(recording.path)
        raise
    release_recording(recording.path)


def _analyzed(recording: Recording, question: prompts.Question, options: Options, console: Console, **how) -> dict:
    """The recording's report; a recording that cannot be analyzed (nothing heard, no model)
    is let go as an ordinary recording, as the error says."""
    try:
        return analyze_recording(recording.path, question.id, model_name=options.model, engine=options.engine,
                                 progress=spinner(console), recording=recording, **how)
    except RehearseError:
        release_recording(recording.path)
        raise


def take_answer(question: prompts.Question, source: InputSource, options: Options, console: Console, history,
                session_id: int | None = None) -> dict:
    """Count down, record the answer with the live panel, analyze it and keep it (in the
    mock interview `session_id`, if any): its report."""
    transcriber = None
    # Chunks are decoded with faster-whisper in one pass each (at any device rate: the
    # blocks are resampled as they come); the other engine transcribes after the stop.
    if options.incremental and options.engine == DEFAULT_ENGINE:
        from rehearse.transcription.incremental import IncrementalTranscriber
        from rehearse.transcription.models import resolve

        transcriber = IncrementalTranscriber(resolve(options.model), rate=source.samplerate)
    countdown(console, 1.0 / options.speed if options.replay else 1.0)
    details = None if session_id is None else {"session_id": session_id}
    try:
        recording = record_answer(question, source, options, console, transcriber, details)
    except BaseException:
        if transcriber is not None:
            transcriber.cancel()
        raise
    with ctrl_c_once_saved():
        report = _analyzed(recording, question, options, console, transcriber=transcriber)
        keep_answer(history, report, recording, session_id=session_id)
    return report


@contextmanager
def ctrl_c_once_saved() -> Iterator[None]:
    """Ctrl-C while an answer is analyzed and saved takes effect once it is saved (then as
    KeyboardInterrupt): stopping midway would leave the answer out of the history, and
    stopping the transcription's native thread can abort the process."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # Started with Ctrl-C ignored (a background job, nohup): it stays ignored.
        yield
        return
    pressed: list[bool] = []
    previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def run(question_id: str | None, options: Options, console: Console) -> None:
    """The whole session, until the person quits."""
    history = None
    if options.save:
        from rehearse.history.store import History

        # Opened before anything is recorded: a history that cannot be used is said first.
        history = History()
    try:
        _session(question_id, options, console, history)
    finally:
        if history is not None:
            history.close()


def _session(question_id: str | None, options: Options, console: Console, history) -> None:
    recovered_question = offer_unfinished(find_unfinished(), options, console, history)
    question = pick_question(question_id or recovered_question, options.category)
    # Open the input before the question shows, so a missing microphone is said at once.
    source = open_source(options)
    while True:
        console.print(question_card(question))
        report = take_answer(question, source, options, console, history)
        print_report(report, console)
        probes = list(report.get("follow_ups") or [])
        while True:
            if probes:
                choice = ask(console, "[f] answer the follow-up aloud  [r] try again  [n] another question  [q] quit: ",
                             "frnq", "q")
            else:
                choice = ask(console, "[r] try again  [n] another question  [q] quit: ", "rnq", "q")
            if choice != "f":
                break
            try:
                answer_follow_up(question, probes.pop(0), report, options, console, history)
            except RehearseError as exc:  # nothing heard, say: the session goes on
                console.print(Text(f"error: {exc}", style="bold red"), soft_wrap=True)
        if choice == "q":
            return
        if choice == "n":
            question = pick_question(None, options.category, avoid=question.id)
        source = open_source(options)
