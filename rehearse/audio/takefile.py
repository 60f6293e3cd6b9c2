"""Recording files that survive any crash: a WAV written as the audio arrives.

A take being recorded is a WAV file in `recordings/` with a marker file beside it
(`<name>.wav.recording`, JSON) naming the process that records it. A clean stop removes
the marker. A marker whose process is gone means the recording was cut short (kill -9,
power loss, a closed terminal): the next run repairs the WAV header and offers the take.

Why WAV: a WAV file is readable up to its last complete frame once its header is right;
a FLAC file killed mid-write is not reliably readable (see the engineering notes).
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from rehearse.audio.signal import SAMPLE_RATE
from rehearse.errors import AudioError
from rehearse.paths import data_dir, private_folder, write_json_atomically

MARKER_SUFFIX = ".recording"
SUBTYPE = "PCM_16"
# A recording in progress writes several times a second; a marker whose WAV has not
# changed for this long belongs to a dead recorder even if its process id was reused.
STALE_AFTER_S = 30
# A finished recording whose take is being analyzed and saved (marker "saving") belongs to
# a dead process after this long, even if its process id was reused.
SAVING_STALE_AFTER_S = 600
# libsndfile's SFC_SET_UPDATE_HEADER_AUTO: rewrite the header after every write, so the
# file on disk is always a complete WAV. soundfile does not expose it by name.
_SFC_SET_UPDATE_HEADER_AUTO = 0x1061
# The header libsndfile writes for a 16-bit mono WAV, and the bytes of one frame: enough to
# estimate a cut-short file's length without touching it.
_WAV_HEADER_BYTES = 44
_BYTES_PER_FRAME = 2


def recordings_dir() -> Path:
    return data_dir() / "recordings"


def new_take_path(question_id: str | None, now: datetime | None = None) -> Path:
    now = now or datetime.now(timezone.utc)
    stem = now.strftime("%Y%m%d-%H%M%S") + (f"-{question_id}" if question_id else "")
    path = recordings_dir() / f"{stem}.wav"
    n = 2
    while path.exists() or _marker(path).exists():
        path = recordings_dir() / f"{stem}-{n}.wav"
        n += 1
    return path


def _marker(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


class WavWriter:
    """Writes float blocks to a 16-bit WAV whose header is valid after every write.

    Every error while writing is an OSError or soundfile's LibsndfileError; the caller
    turns it into a message that names the file, which keeps what was written.
    """

    def __init__(self, path: Path, samplerate: int, details: dict):
        import soundfile

        private_folder(path.parent)
        self.path = path
        self.samplerate = samplerate
        self.frames = 0
        self._marker = _marker(path)
        self._details = {"pid": os.getpid(), "samplerate": samplerate,
                         "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), **details}
        write_json_atomically(self._marker, self._details)
        try:
            self._file = soundfile.SoundFile(path, "w", samplerate=samplerate, channels=1, subtype=SUBTYPE, format="WAV")
        except BaseException:
            self._marker.unlink(missing_ok=True)
            raise
        self.header_auto = _enable_header_updates(self._file)

    def write(self, block) -> None:
        try:
            self._file.write(block)
        except RuntimeError as exc:  # LibsndfileError with an empty message: ask libsndfile why
            raise OSError(self._libsndfile_error() or "write failed") from exc
        self.frames += len(block)

    def _libsndfile_error(self) -> str:
        try:
            import soundfile

            text = soundfile._ffi.string(soundfile._snd.sf_strerror(self._file._file)).decode(errors="replace")
        except Exception:
            return ""
        return text.removeprefix("System error :").strip().rstrip(".").lower()

    def flush(self) -> None:
        """Push what was written to the disk itself (fsync), not just the OS cache."""
        self._file.flush()

    def close(self, keep_marker: bool = False) -> None:
        """Close the file. `keep_marker`: the recording is complete but not yet saved as a
        take; its marker stays (marked "saving") until `release_recording`, so a crash or a
        Ctrl-C while it is analyzed leaves it to be recovered, not lost."""
        try:
            if not self._file.closed:
                self._file.close()
        finally:
            # Without automatic header updates, make sure the header is right before the
            # marker goes: after a write error libsndfile may not have written it.
            if not self.header_auto or self.frames == 0:
                try:
                    repair_header(self.path)
                except (OSError, AudioError):
                    pass
            kept = False
            if keep_marker:
                try:
                    write_json_atomically(self._marker, {**self._details, "saving": True})
                    kept = True
                except OSError:  # no room to say so: it is an ordinary recording, as before
                    pass
            if not kept:
                self._marker.unlink(missing_ok=True)


def _enable_header_updates(sound_file) -> bool:
    try:
        import soundfile

        return bool(soundfile._snd.sf_command(sound_file._file, _SFC_SET_UPDATE_HEADER_AUTO, soundfile._ffi.NULL, 1))
    except Exception:  # private API: without it, repair_header() fixes the file on the next run
        return False


def repair_header(path: Path) -> int:
    """Make the RIFF and data chunk sizes match the bytes on disk; return the frame count.

    A WAV cut off mid-write has a header that says 0 frames (or too few). Trailing bytes
    of an incomplete frame are dropped.
    """
    size = path.stat().st_size
    with open(path, "r+b") as f:
        head = f.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise AudioError(f"{path} is not a WAV file; it cannot be repaired")
        block_align = None
        pos = 12
        while pos + 8 <= size:
            f.seek(pos)
            chunk_id = f.read(4)
            chunk_size = int.from_bytes(f.read(4), "little")
            if chunk_id == b"fmt ":
                fmt = f.read(16)
                block_align = int.from_bytes(fmt[12:14], "little")
            elif chunk_id == b"data":
                if not block_align:
                    break
                available = size - (pos + 8)
                available -= available % block_align
                if chunk_size != available:
                    f.seek(pos + 4)
                    f.write(available.to_bytes(4, "little"))
                f.seek(4)
                f.write((pos + 8 + available - 8).to_bytes(4, "little"))
                f.truncate(pos + 8 + available)
                return available // block_align
            pos += 8 + chunk_size + (chunk_size & 1)
    raise AudioError(f"{path} has no audio data chunk; it cannot be repaired")


@dataclass(frozen=True)
class UnfinishedTake:
    """A recording whose recorder died before it could stop cleanly."""

    path: Path
    question_id: str | None
    started_at: str | None
    seconds: float
    # A mock interview's answer names its session; an answer to a follow-up names the
    # probe and the take it probed, so recovery files it where it belongs.
    session_id: int | None = None
    follow_up: dict | None = None
    of_take: int | None = None


def process_alive(pid: int) -> bool:
    if sys.platform == "win32":
        # os.kill on Windows terminates the process; rely on the staleness check there.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_abandoned(marker: Path, details: dict, wav: Path) -> bool:
    pid = details.get("pid")
    if isinstance(pid, int) and pid != os.getpid() and not process_alive(pid):
        return True
    newest = max((p.stat().st_mtime for p in (marker, wav) if p.exists()), default=0)
    # A complete recording waiting for its save changes no more; its analysis can take a while.
    return time.time() - newest > (SAVING_STALE_AFTER_S if details.get("saving") is True else STALE_AFTER_S)


def _abandoned():
    """(marker, wav, details) of every recording whose recorder died, oldest first."""
    folder = recordings_dir()
    if not folder.is_dir():
        return
    for marker in sorted(folder.glob(f"*.wav{MARKER_SUFFIX}")):
        wav = marker.with_name(marker.name[: -len(MARKER_SUFFIX)])
        try:
            details = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            details = {}
        if not isinstance(details, dict):
            details = {}
        if _is_abandoned(marker, details, wav):
            yield marker, wav, details


def list_unfinished() -> list[UnfinishedTake]:
    """Recordings cut short by a crash, for a mention: read only, nothing repaired or deleted
    (their length is estimated from the file size, as the header may say 0 frames)."""
    found = []
    for _marker, wav, details in _abandoned():
        samplerate = details.get("samplerate") or SAMPLE_RATE
        try:
            size = wav.stat().st_size
        except OSError:
            continue
        seconds = max(0, size - _WAV_HEADER_BYTES) / (_BYTES_PER_FRAME * samplerate)
        if seconds > 0:
            found.append(UnfinishedTake(wav, details.get("question_id"), details.get("started_at"), seconds))
    return found


def find_unfinished() -> list[UnfinishedTake]:
    """Recordings cut short by a crash, oldest first, with their headers repaired; one
    killed before its first block is deleted. For `recover` and `practice` only: every
    other command just mentions them (list_unfinished).

    They stay unfinished (marker kept) until `release()`, so every run mentions them
    until the person has been offered each one.
    """
    _remove_stale_marker_copies()
    found = []
    for marker, wav, details in _abandoned():
        try:
            frames = repair_header(wav) if wav.exists() else 0
        except AudioError:
            # Not a WAV that rehearse was writing (someone else's file under that name):
            # never deleted; only rehearse's own marker goes.
            marker.unlink(missing_ok=True)
            continue
        except OSError:
            continue  # not ours to touch now (permissions); try again next run
        if frames == 0:
            # Killed before the first block arrived: there is nothing to keep.
            wav.unlink(missing_ok=True)
            marker.unlink(missing_ok=True)
            continue
        samplerate = details.get("samplerate") or SAMPLE_RATE
        found.append(UnfinishedTake(wav, details.get("question_id"), details.get("started_at"), frames / samplerate,
                                    integer_or_none(details.get("session_id")), _probe(details.get("follow_up")),
                                    integer_or_none(details.get("of_take"))))
    return found


def _remove_stale_marker_copies() -> None:
    """A marker is written whole and renamed into place; a process killed between the two
    leaves "<name>.recording.<pid>.tmp", which nothing else would ever remove."""
    folder = recordings_dir()
    if not folder.is_dir():
        return
    for copy in folder.glob(f"*.wav{MARKER_SUFFIX}.*.tmp"):
        pid = copy.name.rsplit(".", 2)[-2]
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            copy.unlink(missing_ok=True)


def integer_or_none(value) -> int | None:
    """An id read from JSON: an int (not a bool), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _probe(value) -> dict | None:
    """A follow-up as a report lists it, or None when the marker's copy is not one."""
    if isinstance(value, dict) and all(isinstance(value.get(k), str) for k in ("id", "question", "expects")):
        return value
    return None


def release(take: UnfinishedTake) -> None:
    """The person has been offered this take: from now on it is an ordinary recording."""
    release_recording(take.path)


def release_recording(path: Path) -> None:
    """A recording's take is saved (or it was refused, or is not to be saved): from now on
    it is an ordinary recording, never offered for recovery."""
    _marker(path).unlink(missing_ok=True)
