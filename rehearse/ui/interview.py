"""A mock interview: the questions asked (aloud when the voice is installed), each answer
recorded with the live panel, the follow-up the analysis found most useful asked after it,
no feedback until the end, then the summary of the whole session.

Recording a question's answer and its follow-up is practice's (ui/practice.py); the plan
and the summary are the history's (history/interview.py). This wires them for a person
at a terminal, in the order a real interview goes.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from rehearse import prompts
from rehearse.analysis.length import clock
from rehearse.errors import AudioError, RehearseError
from rehearse.history.interview import DEFAULT_QUESTIONS, document, plan
from rehearse.ui import practice


@dataclass
class Settings:
    count: int = DEFAULT_QUESTIONS
    question_ids: list[str] = field(default_factory=list)  # asked in this order; else planned
    category: str | None = None
    follow_ups: int = 1
    voice: bool = True
    speaker: str | None = None  # the output device for the voice
    replays: list[Path] = field(default_factory=list)  # one file per expected answer, follow-ups included
    recording: practice.Options = field(default_factory=practice.Options)


class Interviewer:
    """Asks a question: shows it, and says it when the voice can. Once the voice fails (not
    installed, no speaker) it says why once and the session goes on in text."""

    def __init__(self, settings: Settings, console: Console):
        self.console = console
        self.speaker = settings.speaker
        self.speaking = settings.voice
        if self.speaking:
            from rehearse.audio import voice
            from rehearse.audio.player import speaker_problem

            problem = voice.missing() or speaker_problem(self.speaker)
            if problem:
                self._stop_speaking(problem)

    def _stop_speaking(self, why: str) -> None:
        self.speaking = False
        self.console.print(Text(f"note: {why}; the questions are shown as text (add --no-voice to skip this note)",
                                style="yellow"), soft_wrap=True)

    def ask(self, card: Panel, text: str) -> None:
        self.console.print(card)
        if not self.speaking:
            return
        from rehearse.audio import voice

        try:
            # Returns once the speaker has played it all: recording starts only after, so
            # the voice never records itself.
            with self.console.status(Text("The interviewer is asking...")):
                voice.speak(text, device=self.speaker)
        except RehearseError as exc:  # a busy or unplugged device, the voice failing
            self._stop_speaking(str(exc))


def question_card(question: prompts.Question, number: int, total: int) -> Panel:
    body = Group(Text(question.text, style="bold"),
                 Text("Answer as you would in the interview. Press Enter when you are done.", style="dim"))
    return Panel(body, title=f"Question {number} of {total} · {question.category}", title_align="left")


def run(settings: Settings, console: Console) -> dict:
    """The whole session; returns its document (history/interview.document)."""
    from rehearse.history.store import History
    from rehearse.transcription.models import check_usable

    # What would fail every answer is said before anything is asked: the model, the
    # microphone, the history.
    check_usable(settings.recording.engine, settings.recording.model)
    if not settings.replays:
        practice.open_source(settings.recording)
    with History() as history:
        if settings.question_ids:
            questions = [prompts.question(q) for q in settings.question_ids]
        else:
            questions = plan(history.takes(), settings.count, settings.category)
            if len(questions) < settings.count:
                console.print(Text(f"note: only {len(questions)} questions match {settings.category!r}: asking those.",
                                   style="yellow"), soft_wrap=True)
        interviewer = Interviewer(settings, console)
        session_id = history.start_session([q.id for q in questions], {
            "follow_ups": settings.follow_ups, "voice": interviewer.speaking})
        ended = "ended early"
        try:
            ended = _interview(questions, settings, interviewer, console, history, session_id)
        except KeyboardInterrupt:
            console.print(Text("Interview stopped (Ctrl-C): the summary covers the answers given.", style="yellow"))
        except RehearseError:  # the microphone or the disk failed: no answer can follow
            console.print(Text(f"The interview ended early; `rehearse show --session {session_id}` shows what was "
                               "answered.", style="yellow"), soft_wrap=True)
            raise
        finally:
            history.end_session(session_id, ended)
        return document(history.session(session_id))


class _NoMoreReplays(Exception):
    """Every replayed answer has been given: the interview ends here, with its summary."""


def _interview(questions: list[prompts.Question], settings: Settings, interviewer: Interviewer, console: Console,
               history, session_id: int) -> str:
    """Ask every question and its follow-ups; how the session ended."""
    replays = deque(settings.replays)

    def next_options() -> practice.Options:
        """The recording options for the next answer (the next replayed file, if any)."""
        if not settings.replays:
            return settings.recording
        if not replays:
            raise _NoMoreReplays
        return dataclasses.replace(settings.recording, replay=replays.popleft())

    asked = 0  # the questions asked so far
    try:
        for number, question in enumerate(questions, 1):
            options = next_options()
            asked = number
            interviewer.ask(question_card(question, number, len(questions)), question.text)
            try:
                report = practice.take_answer(question, practice.open_source(options), options, console, history,
                                              session_id=session_id)
            except AudioError as exc:  # nothing heard: the recording is kept, the interview goes on
                console.print(Text(f"error: {exc}", style="bold red"), soft_wrap=True)
                continue
            probes = (report.get("follow_ups") or [])[:settings.follow_ups]
            kept = f"Answer {number} of {len(questions)} kept ({clock(report['length']['duration_s'])} from your first word to your last)."
            if settings.follow_ups and not probes:
                kept += " No follow-up: nothing in it needs probing."
            console.print(Text(kept, style="dim"))
            for probe in probes:
                options = next_options()
                interviewer.ask(practice.follow_up_card(question, probe, title="The interviewer follows up"),
                                probe["question"])
                try:
                    practice.record_follow_up(question, probe, report, options, console, history)
                except AudioError as exc:
                    console.print(Text(f"error: {exc}", style="bold red"), soft_wrap=True)
    except _NoMoreReplays:
        if asked == len(questions):
            # Every question was asked; only a follow-up had no answer left to replay (a new
            # user's "ended early · 2 of 2 questions answered").
            console.print(Text("No more replayed answers: the last follow-up goes unanswered.", style="yellow"))
            return "finished"
        console.print(Text("No more replayed answers: the interview ends here.", style="yellow"))
        return "ended early"
    return "finished"
