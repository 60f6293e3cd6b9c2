"""From a file to a report: read or transcribe, analyze, check, score."""

from __future__ import annotations

import time
from contextlib import nullcontext
from pathlib import Path

from rehearse import prompts
from rehearse.analysis.answer import analyze_transcript
from rehearse.audio.files import TEXT_SUFFIXES, check_path
from rehearse.checks import run_checks
from rehearse.errors import AudioError, NoSpeechError
from rehearse.transcription.models import DEFAULT_ENGINE
from rehearse.report import build_report
from rehearse.analysis.transcript import Transcript, from_text


def read_text_answer(path: Path) -> Transcript:
    check_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AudioError(f"{path} is not UTF-8 text; save it as plain UTF-8 text and try again") from exc
    transcript = from_text(text)
    if not transcript.words:
        raise NoSpeechError(f"{path} holds no words; type the answer and try again")
    return transcript


def analyze_path(path: Path, *, question_id: str | None = None, model_name: str | None = None,
                 engine: str = DEFAULT_ENGINE, status=None) -> dict:
    """The full report for one answer file. `status` is a rich Console for progress, or None."""
    question = prompts.question(question_id) if question_id else None
    timings: dict[str, float] = {}
    if path.suffix.lower() in TEXT_SUFFIXES:
        transcript = read_text_answer(path)
    else:
        from rehearse.transcription.transcribe import transcribe_file

        # load_audio checks the path before anything is decoded.
        progress = status.status(f"Transcribing {path.name} with {model_name or 'tiny.en'} ({engine})...") if status else nullcontext()
        with progress:
            transcript, timings = transcribe_file(path, model_name, engine)
    return report_for(transcript, question, path, timings)


def report_for(transcript: Transcript, question, path: Path, timings: dict[str, float]) -> dict:
    """Analyze, check and score a transcript, however it was made."""
    t0 = time.perf_counter()
    analysis = analyze_transcript(transcript)
    results = run_checks(analysis)
    timings["analyze_s"] = time.perf_counter() - t0
    return build_report(analysis, results, question=question, source_path=str(path), timings=timings)


def keep_take(history, report: dict, answer_path: Path | None) -> int:
    """Save a take, first noting what changed since the previous take of its question, so
    the stored report is exactly the one printed."""
    from rehearse.history.store import key_figures, question_of
    from rehearse.history.progress import change_line

    previous = history.latest(question_of(report))
    if previous is not None:
        report["previous_take"] = {"id": previous.id, "change": change_line(previous.figures, key_figures(report))}
    return history.save(report, answer_path)
