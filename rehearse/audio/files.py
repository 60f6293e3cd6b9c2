"""Read an answer's audio file into 16 kHz mono samples, refusing what cannot be used."""

from __future__ import annotations

import math

import os
import stat
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from rehearse.audio.signal import SAMPLE_RATE, SILENCE_RMS, frame_rms
from rehearse.errors import AudioError, NoSpeechError

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".mp4", ".webm", ".aac")
TEXT_SUFFIXES = (".txt", ".md")
MIN_SECONDS = 2.0
# Longer recordings are refused before decoding: memory stays bounded (30 min of
# 16 kHz float32 is 115 MB) and no interview answer is that long.
MAX_SECONDS = 30 * 60


# A piped answer is copied to a temporary file first: 30 minutes of 48 kHz stereo
# 16-bit WAV is 330 MB, so anything over 400 MB is not one answer.
MAX_STREAM_BYTES = 400 * 1024 * 1024
# How a piped answer says what it is: the first bytes of each audio container we decode.
_AUDIO_MAGIC = ((b"RIFF", ".wav"), (b"fLaC", ".flac"), (b"OggS", ".ogg"), (b"ID3", ".mp3"), (b"\xff\xfb", ".mp3"),
                (b"\xff\xf3", ".mp3"), (b"\xff\xf2", ".mp3"), (b"\x1aE\xdf\xa3", ".webm"), (b"\xff\xf1", ".aac"),
                (b"\xff\xf9", ".aac"))


def is_stream(path: Path) -> bool:
    """`-` (standard input), a pipe or a device: something read once, with no size or name
    that says what it holds. A regular file without a suffix (`/dev/stdin` redirected from
    a file) is read the same way, so its content says what it is."""
    if str(path) == "-":
        return True
    if path.suffix == "" and path.is_file():
        return True
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _suffix_of(head: bytes) -> str:
    for magic, suffix in _AUDIO_MAGIC:
        if head.startswith(magic):
            return suffix
    if head[4:8] == b"ftyp":
        return ".m4a"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 text with its byte order mark
        return ".txt"
    if b"\x00" in head:  # not audio we know, and not text either (/dev/zero)
        return ""
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the head
            return ""  # neither: the decoder will say it cannot read it as audio
    return ".txt"


def _holds_text(path: Path) -> bool:
    """Whether the file's first bytes read as text (and it is not empty)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return bool(head.strip()) and _suffix_of(head) == ".txt"


@contextmanager
def spooled(path: Path) -> Iterator[Path]:
    """A stream's content in a private temporary file (0600, removed afterwards) named with
    the suffix its first bytes show, so it is read like any answer file."""
    if str(path) == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise AudioError("`-` reads the answer from standard input, which is a terminal here; "
                             "pipe it in: rehearse analyze - < answer.txt")
        source, close = sys.stdin.buffer, False
    else:
        try:
            source, close = open(path, "rb"), True
        except OSError as exc:
            raise AudioError(f"cannot read {path} ({exc.strerror or exc}); give an audio file or a .txt transcript") from exc
    _remove_stale_copies()
    temp = None
    try:
        handle, name = tempfile.mkstemp(prefix=SPOOL_PREFIX)
        temp = Path(name)
        size, head = 0, b""
        with os.fdopen(handle, "wb") as out:
            while chunk := source.read(1 << 20):
                size += len(chunk)
                if size > MAX_STREAM_BYTES:
                    raise AudioError(f"{path} gave over {MAX_STREAM_BYTES // 2**20} MB, more than one answer; "
                                     "give a recording of up to 30 minutes")
                if not head:  # refuse what is neither audio nor text at once, not after 400 MB
                    head = chunk[:64]
                    if _suffix_of(head) == "":
                        raise AudioError(f"cannot read {path} as audio or text; give a recording (wav, flac, "
                                         "ogg, mp3, m4a, webm) or UTF-8 text")
                out.write(chunk)
        if size == 0:
            raise AudioError(f"{path} gave no data (it was at its end); pipe the answer in, "
                             "for example: rehearse analyze - < answer.txt")
        typed = temp.with_name(temp.name + _suffix_of(head))
        temp = temp.rename(typed)
    except BaseException as exc:
        if temp is not None:  # nothing half-copied is left behind
            temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AudioError(f"cannot keep what {path} gives in {tempfile.gettempdir()} ({exc.strerror or exc}); "
                             "save the answer to a file and give its path") from exc
        raise
    finally:
        if close:
            source.close()
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


SPOOL_PREFIX = "rehearse-answer-"
# A copy older than this belongs to a process that was killed before it could remove it.
STALE_COPY_S = 3600


def _remove_stale_copies() -> None:
    """Copies of piped answers that a killed process left in the temporary folder: a
    person's answer does not stay behind."""
    folder = Path(tempfile.gettempdir())
    now = time.time()
    for stale in folder.glob(SPOOL_PREFIX + "*"):
        try:
            if stale.is_file() and stale.stat().st_uid == os.getuid() and now - stale.stat().st_mtime > STALE_COPY_S:
                stale.unlink()
        except OSError:
            pass


def check_path(path: Path) -> None:
    if path.is_symlink() and not path.exists():
        raise AudioError(f"{path} is a link to a file that does not exist ({os.readlink(path)}); give the file itself")
    if not path.exists():
        raise AudioError(f"no such file: {path}; check the path (audio: {', '.join(s[1:] for s in AUDIO_SUFFIXES)}; "
                         "text: txt, md)")
    if path.is_dir():
        raise AudioError(f"{path} is a folder; give one audio file or a .txt/.md transcript")
    if path.stat().st_size == 0:
        again = "type the answer and try again" if path.suffix.lower() in TEXT_SUFFIXES else "record the answer again"
        raise AudioError(f"{path} is empty (0 bytes); {again}")


# Word processors' and page layout files: text inside, but not plain text.
DOCUMENT_SUFFIXES = (".docx", ".doc", ".rtf", ".odt", ".pages", ".pdf", ".wpd")


def probe_duration(path: Path) -> float | None:
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(f"{path} has no audio track; give an audio recording of the answer")
            stream = container.streams.audio[0]
            if stream.duration is not None and stream.time_base is not None:
                return float(stream.duration * stream.time_base)
            if container.duration is not None:
                return container.duration / 1_000_000
    except AudioError:
        raise
    except Exception as exc:  # PyAV raises one class per FFmpeg error code
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            # A word processor's file: say what it is and how to get text out of it, not
            # the decoder's error (a tryout's .docx and .rtf read "InvalidDataError").
            raise AudioError(f"{path} is a document ({path.suffix.lower()}), not plain text; in your editor use "
                             "Save As (or Download as) Plain Text (.txt) and give that file") from exc
        if path.suffix and path.suffix.lower() not in AUDIO_SUFFIXES:
            # Another file that is neither audio nor text.
            raise AudioError(f"cannot read {path} as audio ({type(exc).__name__}); give a recording "
                             f"({', '.join(s[1:] for s in AUDIO_SUFFIXES)}) or a typed answer saved as plain text "
                             "(.txt or .md)") from exc
        if _holds_text(path):
            # A typed answer saved under an audio name (a tryout's notes.wav read
            # "InvalidDataError. is it really a WAV recording?").
            raise AudioError(f"{path} holds text, not audio; if it is your typed answer, save it as .txt and give "
                             "that file") from exc
        raise AudioError(f"cannot read {path} as audio ({type(exc).__name__}); is it really {_kind(path)}? "
                         "Convert it to wav or flac and try again") from exc
    return None


def load_audio(path: Path):
    """Decode to a float32 numpy array at 16 kHz mono, after checking it can be used."""
    from faster_whisper.audio import decode_audio

    check_path(path)
    duration = probe_duration(path)
    if duration is not None and duration > MAX_SECONDS:
        raise AudioError(
            f"{path} is {duration / 60:.0f} minutes long; rehearse takes recordings up to "
            f"{MAX_SECONDS // 60} minutes (an answer should be 1-3); trim it and try again"
        )
    _refuse_damaged_samples(path)
    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as exc:
        raise AudioError(f"cannot decode {path} ({type(exc).__name__}); convert it to wav or flac and try again") from exc
    if len(audio) == 0:
        raise AudioError(f"{path} holds no sound that could be decoded ({path.stat().st_size:,} bytes); record the "
                         "answer again, or if it plays elsewhere, convert it to wav or flac")
    seconds = len(audio) / SAMPLE_RATE
    if seconds > MAX_SECONDS:
        raise AudioError(f"{path} is {seconds / 60:.0f} minutes long; rehearse takes up to {MAX_SECONDS // 60} minutes; trim it")
    refuse_unusable(path, audio)
    return audio


def refuse_unusable(path: Path, audio) -> None:
    """Refuse audio too short to be an answer, or silent. Shared by a file read from disk and
    a take transcribed while it was recorded (a take stopped at 0:00 was told "silent; check
    the microphone", and one shorter than a frame crashed)."""
    seconds = len(audio) / SAMPLE_RATE
    if seconds < MIN_SECONDS:
        # (Say the limit it broke, then what an answer should be: a tryout read "at least a
        # minute" as the limit, where the README says 2 s.)
        # (Rounded down: a 1.97 s take read "only 2.0 s long, under the 2 s"; a review's.)
        raise AudioError(f"{path} is only {math.floor(seconds * 10) / 10:.1f} s long, under the {MIN_SECONDS:g} s rehearse needs; record the "
                         "answer again (an answer should run 1-3 minutes, aim for 90 seconds)")
    rms = frame_rms(audio, 0.05)
    if float(rms.max()) < SILENCE_RMS:
        raise NoSpeechError(f"{path} is silent; check that the microphone is on and not muted, then record again")


# A float WAV can hold samples that are not numbers (NaN, infinite); the decoder turns each
# into a full-scale click. A few are a glitch Whisper hears through; more than this share
# means the file is damaged (every 7th sample NaN gave 51 of 259 words and a score of 76).
MAX_DAMAGED_SHARE = 0.001


@contextmanager
def _native_stderr_held() -> Iterator[None]:
    """libmpg123, inside libsndfile, writes its complaint about a file that is no MP3
    ("[src/libmpg123/parse.c:skip_junk()] error: Giving up...") straight to the process's
    stderr, before rehearse's own error line (a tryout got both). Held back while a file is
    probed; rehearse says what is wrong in its own words."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
    finally:
        os.close(saved)


def _refuse_damaged_samples(path: Path) -> None:
    import numpy as np
    import soundfile

    try:
        with _native_stderr_held():
            info = soundfile.info(str(path))
    except Exception:  # not a container libsndfile reads: only float WAV-like files can hold NaN
        return
    if info.subtype not in ("FLOAT", "DOUBLE"):
        return
    damaged = total = 0
    for block in soundfile.blocks(str(path), blocksize=1 << 16, dtype="float32"):
        damaged += int((~np.isfinite(block)).sum())
        total += block.size
    if damaged > MAX_DAMAGED_SHARE * total:
        raise AudioError(f"{path} is damaged: {damaged:,} of its {total:,} samples are not numbers (NaN or "
                         "infinite); export or record it again")


def _kind(path: Path) -> str:
    """ "a .flac file", or "an audio file" when the name has no suffix."""
    return f"a {path.suffix.lower()} file" if path.suffix else "an audio file"
