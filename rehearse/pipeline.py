"""From an answer to a complete report: read or transcribe, analyze, check, score, and keep
the take. Each command makes its report through one function here.

Progress goes through a callback, so the library never draws: `progress("Transcribing...")`
when a slow stage starts, `progress("Transcribing...", 0.42)` as it gets on (when it can
tell how far), `progress(None)` when it ends.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from rehearse import prompts
from rehearse.analysis.answer import analyze_transcript
from rehearse.analysis.transcript import MIN_ANSWER_WORDS, Transcript, from_text, real_words
from rehearse.audio.files import TEXT_SUFFIXES, check_path, is_stream, spooled
from rehearse.checks import DELIVERY_CHECKS, applies, run_checks
from rehearse.checks.followups import FollowUp, judge_follow_up
from rehearse.errors import AudioError, NoSpeechError, RehearseError
from rehearse.report import (add_previous_take, add_recording, add_timings, build_report, make_follow_up,
                             mark_same_recording, question_of)
from rehearse.transcription.models import DEFAULT_ENGINE, DEFAULT_MODEL

Progress = Callable[..., None]  # (what: str | None, fraction: float | None = None)


# Windows-1250 letters read as Windows-1252: "ł" as "³", "ą" as "¹", "ż" as "¿", "Ą" as "¥"
# between letters, or ending a word of two letters or more ("Pawe³"); not "20 m³", "5 cm³",
# "¿Qué?"; nor "£" before a letter ("£thousands" switched a UK file; a review's).
_CENTRAL_EUROPEAN = re.compile(r"(?<=[^\W\d_])[³¹¿¥](?=[^\W\d_])"
                               r"|(?<=[^\W\d_]{2})(?<!cm)(?<!km)(?<!mm)(?<!dm)[³¹¿¥](?![^\W\d_])")


@contextmanager
def _stage(progress: Progress | None, what: str) -> Iterator[None]:
    if progress is None:
        yield
        return
    progress(what)
    try:
        yield
    finally:
        progress(None)


# A spoken answer is 1-3 minutes (150-450 words). A typed one is held to what a recording
# may be (audio.files.MAX_SECONDS, 30 minutes) at a calm 150 words a minute: a tryout's
# 19,360 pasted words took 32 s, printed 1,200 lines and scored 80 at a length of 129:04.
MAX_TYPED_WORDS = 4_500


# A character UTF-8 writes in two to four bytes: its lead byte and a continuation byte.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
# A text that is neither UTF-8 nor Windows-1252 is still text with a stray byte or two; with
# more bytes that are no UTF-8 than this, and this share of its characters, it is not.
MAX_BYTES_REPLACED = 10
MAX_SHARE_REPLACED = 0.02


# What a file that is not text starts with: a recording or a document saved under a text
# name (a tryout's WAV named .txt was called "3,555 KB of text").
_NOT_TEXT = ((b"RIFF", "a WAV recording", "rename it to .wav and analyze it"),
             (b"fLaC", "a FLAC recording", "rename it to .flac and analyze it"),
             (b"OggS", "an Ogg recording", "rename it to .ogg and analyze it"),
             (b"ID3", "an MP3 recording", "rename it to .mp3 and analyze it"),
             (b"\x1aE\xdf\xa3", "a WebM recording", "rename it to .webm and analyze it"),
             (b"PK\x03\x04", "a Word document or another zip file", "save the answer as plain text (.txt) and try again"),
             (b"%PDF", "a PDF", "copy the answer into a plain text file (.txt) and try again"))


def _not_text(data: bytes) -> tuple[str, str] | None:
    """What a file is when its first bytes say it is no text: (what it is, what to do)."""
    for magic, what, todo in _NOT_TEXT:
        if data.startswith(magic):
            return what, todo
    if data[4:8] == b"ftyp":  # MP4 and M4A
        return "an MP4 or M4A recording", "rename it to .m4a and analyze it"
    return None


def read_text_answer(path: Path) -> Transcript:
    check_path(path)
    with path.open("rb") as head:
        sniffed = _not_text(head.read(12))
    if sniffed:
        raise AudioError(f"{path} is {sniffed[0]}, not text; {sniffed[1]}")
    # About 10 bytes a word: a larger file is refused before it is read.
    size = path.stat().st_size
    if size > MAX_TYPED_WORDS * 10 * 4:
        raise AudioError(f"{path} is {size / 1000:,.0f} KB of text, far over {MAX_TYPED_WORDS:,} "
                         "words; give one answer (a spoken answer is 150-450 words, 1-3 minutes)")
    data = path.read_bytes()
    # Windows editors save "Unicode" text as UTF-16 with a byte order mark.
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    read_as: dict = {}  # how the text was read, when not as written (the report warns of it)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        # Word and Notepad on Windows save "ANSI" text: Windows-1252, where a £ or a curly
        # quote is one byte that is no UTF-8 (a tryout's answer from Word was refused). What
        # it cannot decode either (five bytes are unused) is no text.
        # A UTF-8 file with a stray byte or two (text pasted from elsewhere) stays UTF-8: read
        # as Windows-1252 its every accent and curly quote would be garbled (a review's).
        if _UTF8_SEQUENCE.search(data):
            text = data.decode("utf-8", "replace")
            replaced = text.count("\ufffd")
            read_as = {"encoding": "utf-8", "bytes_replaced": replaced}
            # More bytes that are no UTF-8 than characters that are: Windows-1252 whose "caf\xe9\x92s"
            # looks like UTF-8 (a review's), or no text at all: random bytes hold such a pair by
            # chance (a tryout's 3,000 bytes of /dev/urandom saved as .txt were read with their
            # letters and scored 68, "'I' 22 times"), and five bytes are no Windows-1252.
            if replaced > sum(1 for c in text if ord(c) > 127 and c != "\ufffd"):
                try:
                    text, read_as = data.decode("cp1252"), {"encoding": "windows-1252"}
                except UnicodeDecodeError:
                    if replaced > MAX_BYTES_REPLACED and replaced > MAX_SHARE_REPLACED * len(text):
                        raise AudioError(f"{path} is not text ({replaced:,} of its bytes are no UTF-8); "
                                         "save it as plain UTF-8 text and try again") from exc
        else:
            try:
                text, read_as = data.decode("cp1252"), {"encoding": "windows-1252"}
            except UnicodeDecodeError:
                raise AudioError(f"{path} is not UTF-8 text; save it as plain UTF-8 text and try again") from exc
    if read_as.get("encoding") == "windows-1252" and _CENTRAL_EUROPEAN.search(text):
        # Polish or Czech Windows saves "ANSI" as Windows-1250: read as 1252, "Łódź, Paweł"
        # came out "£ódŸ, Pawe³" (a tryout's). Its letters ³ ¹ ¿ ¥ inside a word are no
        # Windows-1252 text.
        try:
            text, read_as = data.decode("cp1250"), {"encoding": "windows-1250"}
        except UnicodeDecodeError:
            pass
    words = len(text.split())
    if words > MAX_TYPED_WORDS:
        raise AudioError(f"{path} has {words:,} words, about {words // 150} minutes spoken, over the {MAX_TYPED_WORDS:,} "
                         "rehearse takes; give one answer (a spoken answer is 150-450 words, 1-3 minutes)")
    transcript = from_text(text)
    if read_as:
        transcript = replace(transcript, settings={**transcript.settings, **read_as})
    words = real_words(transcript.words)
    if not words:
        raise NoSpeechError(f"{path} holds no words; type the answer and try again")
    if len(words) < MIN_ANSWER_WORDS:
        raise NoSpeechError(f"{path} holds only {len(words)} word{'s' if len(words) != 1 else ''}; "
                            "type the whole answer (a spoken answer is 150-450 words)")
    return transcript


@contextmanager
def answer_file(path: Path) -> Iterator[Path]:
    """The file to read an answer from: the path itself, or for `-` (standard input), a pipe
    or a device, a private temporary copy named by what it holds. Errors about the copy name
    the path the person gave."""
    if not is_stream(path):
        yield path
        return
    with spooled(path) as copy:
        try:
            yield copy
        except RehearseError as exc:
            raise type(exc)(str(exc).replace(str(copy), str(path))) from exc


def analyze_path(path: Path, *, question_id: str | None = None, model_name: str | None = None,
                 engine: str = DEFAULT_ENGINE, progress: Progress | None = None, shown_as: Path | None = None) -> dict:
    """The full report for one answer file (audio or typed); `shown_as` is the name the
    person gave, when `path` is a copy of a stream (see answer_file)."""
    started = time.perf_counter()
    question = _question(question_id)
    timings: dict[str, float] = {}
    if path.suffix.lower() in TEXT_SUFFIXES:
        transcript = read_text_answer(path)
    else:
        from rehearse.transcription.transcribe import transcribe_file

        # load_audio checks the path before anything is decoded.
        what = f"Transcribing {(shown_as or path).name} with {model_name or DEFAULT_MODEL} ({engine})..."
        with _stage(progress, what):
            transcript, timings = transcribe_file(path, model_name, engine,
                                                  on_progress=None if progress is None else lambda f: progress(what, f),
                                                  asked=None if question is None else question.text)
    return report_for(transcript, question, shown_as or path, timings, started)


def analyze_recording(path: Path, question_id: str | None, *, model_name: str | None = None, engine: str = DEFAULT_ENGINE,
                      progress: Progress | None = None, recording=None, transcriber=None,
                      follow_up: dict | None = None, of_take: int | None = None) -> dict:
    """The report for a recording: one just made (`recording`, an audio.recorder.Recording,
    and the IncrementalTranscriber that heard it as it was recorded, if any), or one cut
    short by a crash. Every error says where the recording is kept. With `follow_up` (one of
    a report's follow_ups), it is a spoken answer to that probe, judged on it (`of_take`:
    the take that was probed)."""
    started = time.perf_counter()
    question = _question(question_id)
    try:
        if transcriber is None:
            from rehearse.transcription.transcribe import transcribe_file

            what = f"Transcribing {path.name} with {model_name or DEFAULT_MODEL} ({engine})..."
            with _stage(progress, what):
                # A spoken follow-up answer may be a couple of words: "Thirty percent."
                asked = follow_up["question"] if follow_up is not None else None if question is None else question.text
                transcript, timings = transcribe_file(path, model_name, engine,
                                                      on_progress=None if progress is None else lambda f: progress(what, f),
                                                      min_words=1 if follow_up is not None else MIN_ANSWER_WORDS,
                                                      asked=asked)
        else:
            # Only the audio since the transcriber's last cut is left to transcribe.
            with _stage(progress, "Transcribing the last words..."):
                transcript, timings = transcriber.transcript(path)
        report = report_for(transcript, question, path, timings, started, follow_up=follow_up)
    except RehearseError as exc:
        if str(path) in str(exc):  # the message names the file already: say it is kept
            raise type(exc)(f"{exc} (the recording is kept)") from exc
        raise type(exc)(f"{exc} (the recording is kept in {path})") from exc
    if follow_up is not None:
        make_follow_up(report, follow_up, of_take)
    if recording is not None:
        add_recording(report, recording, transcribed_while_recording=transcriber is not None, now=time.monotonic())
    return report


def _question(question_id: str | None) -> prompts.Question | None:
    return prompts.question(question_id) if question_id else None


def report_for(transcript: Transcript, question, path: Path, timings: dict[str, float], started: float,
               follow_up: dict | None = None) -> dict:
    """Analyze, check and score a transcript, however it was made; `started` is when the
    work on this answer began (time.perf_counter()). An answer to a `follow_up` is judged
    on the probe and on delivery, never on STAR length."""
    t0 = time.perf_counter()
    analysis = analyze_transcript(transcript, question_id=None if question is None else question.id)
    if follow_up is None:
        results = run_checks(analysis)
    else:
        probe = FollowUp(follow_up["id"], follow_up["question"], follow_up.get("because", ""), follow_up["expects"])
        results = [judge_follow_up(analysis, probe)] + [check.run(analysis) for check in DELIVERY_CHECKS
                                                        if applies(check, analysis)]
    timings["analyze_s"] = time.perf_counter() - t0
    report = build_report(analysis, results, question=question, source_path=str(path), timings=timings)
    add_timings(report, {"total_s": time.perf_counter() - started})
    return report


def keep_new_take(history, report: dict, answer_path: Path, shown_as: Path | None = None) -> int | None:
    """Save a take analyzed from a file, unless a take of its question already holds the
    very same file (then the report says which, and None is returned)."""
    earlier = history.same_recording(question_of(report), answer_path)
    if earlier is not None:
        mark_same_recording(report, earlier.id)
        return None
    return keep_take(history, report, answer_path, shown_as)


def keep_take(history, report: dict, answer_path: Path | None, shown_as: Path | None = None,
              session_id: int | None = None) -> int:
    """Save a take, first noting what changed since the previous take of its question (of
    the same story when there is one), so the stored report is exactly the one printed
    (`session_id`: the mock interview it answered)."""
    from rehearse.history.figures import key_figures
    from rehearse.history.progress import change_line, take_to_compare

    if not report.get("cut_short"):
        current = {**key_figures(report), "estimated": bool(report["length"].get("estimated"))}
        previous, same_story = take_to_compare(history.comparable(question_of(report)), report["transcript"]["text"])
        if previous is not None and current["off_topic"]:
            # Its score says how well another story was told, not how this answer has come on.
            add_previous_take(report, previous.id, "not compared: this story does not answer the question", same_story)
        elif previous is not None:
            change = change_line({**previous.figures, "estimated": previous.estimated}, current)
            add_previous_take(report, previous.id, change if same_story else f"another story; {change}", same_story)
    return history.save(report, answer_path, original=None if shown_as is None else str(shown_as), session_id=session_id)
