"""Audio in: record an answer from a microphone (or replay a file through the same path)
into a crash-safe WAV, reporting the level and the time as it goes.

The input stream's callback only queues blocks; the main thread writes them, as in
sounddevice's own rec_unlimited example, so the audio thread never waits on the disk.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rehearse.audio.signal import SAMPLE_RATE, SILENCE_RMS
from rehearse.audio.takefile import WavWriter
from rehearse.errors import AudioError, RehearseError

BLOCK_S = 0.1
FLUSH_EVERY_S = 1.0
DEFAULT_MAX_S = 180
SILENT_WARNING_S = 5.0
# The level meter's floor.
LEVEL_FLOOR_DB = -60.0


class RecordingError(RehearseError):
    """The microphone or the disk failed; what was recorded stays on disk."""


PORTAUDIO_MISSING = (
    "the PortAudio library is not installed, so rehearse cannot use a microphone; install it "
    "(Debian/Ubuntu: sudo apt install libportaudio2; Fedora: sudo dnf install portaudio; "
    "macOS: brew install portaudio; Windows: pip install --force-reinstall sounddevice), "
    "or analyze a recording with: rehearse analyze FILE"
)
NO_INPUT_DEVICE = (
    "no microphone found (PortAudio sees no input device); connect or enable one, check it with "
    "`rehearse devices`, or analyze a recording with: rehearse analyze FILE"
)


def load_sounddevice():
    """Import sounddevice, turning a missing PortAudio into advice instead of a traceback."""
    try:
        import sounddevice
    except OSError as exc:  # sounddevice raises OSError at import when PortAudio is absent
        raise RecordingError(PORTAUDIO_MISSING) from exc
    return sounddevice


@dataclass(frozen=True)
class Device:
    id: int
    name: str
    channels: int
    default_samplerate: float
    is_default: bool


def input_devices() -> list[Device]:
    sd = load_sounddevice()
    try:
        devices = sd.query_devices()
    except sd.PortAudioError:
        return []
    try:
        default = sd.default.device[0]
    except (TypeError, IndexError):
        default = -1
    if default is None or default < 0:
        try:
            default = sd.query_devices(kind="input")["index"]
        except (sd.PortAudioError, ValueError, KeyError):
            default = -1
    return [
        Device(d["index"], d["name"], d["max_input_channels"], float(d["default_samplerate"]), d["index"] == default)
        for d in devices if d["max_input_channels"] > 0
    ]


def _device_arg(device: str | None):
    if device is None:
        return None
    return int(device) if device.strip().isdigit() else device


class InputSource:
    """Where the audio comes from: `start()` begins calling `callback(indata, frames, time, status)`
    from another thread; `finished` is set when a source runs out (only a replay does)."""

    samplerate: int
    name: str
    finished: threading.Event

    def start(self, callback: Callable) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class MicrophoneSource(InputSource):
    """A sounddevice InputStream, opened at 16 kHz or, if the device refuses, at its own rate
    (the file keeps that rate; transcription resamples)."""

    def __init__(self, device: str | None = None):
        sd = load_sounddevice()
        self._sd = sd
        self._device = _device_arg(device)
        try:
            info = sd.query_devices(self._device, kind="input")
        except (sd.PortAudioError, ValueError) as exc:
            if self._device is None:
                raise RecordingError(NO_INPUT_DEVICE) from exc
            raise RecordingError(f"no input device {device!r}: {exc}; list the microphones with `rehearse devices`") from exc
        self.name = info["name"]
        self._device = info["index"] if self._device is None else self._device
        try:
            sd.check_input_settings(self._device, channels=1, dtype="float32", samplerate=SAMPLE_RATE)
            self.samplerate = SAMPLE_RATE
        except (sd.PortAudioError, ValueError):
            self.samplerate = int(info["default_samplerate"])
        self.finished = threading.Event()
        self._stream = None

    def start(self, callback: Callable) -> None:
        try:
            self._stream = self._sd.InputStream(
                device=self._device, channels=1, dtype="float32", samplerate=self.samplerate,
                blocksize=int(self.samplerate * BLOCK_S), callback=callback,
            )
            self._stream.start()
        except (self._sd.PortAudioError, ValueError) as exc:
            raise RecordingError(f"cannot open the microphone {self.name!r}: {exc}; check it with `rehearse devices`") from exc

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None


class _NoStatus:
    input_overflow = False

    def __bool__(self) -> bool:
        return False


class ReplaySource(InputSource):
    """An audio file played into the recorder's callback in real time (or `speed` times
    faster), block by block from its own thread, as a microphone would deliver it."""

    def __init__(self, path: Path, speed: float = 1.0):
        from rehearse.audio.files import check_path

        check_path(path)
        if speed <= 0:
            raise AudioError("--speed must be more than 0")
        self.speed = speed
        self.name = f"replay of {path.name}" + (f" at {speed:g}x" if speed != 1 else "")
        self.samples, self.samplerate = _read_for_replay(path)
        self.finished = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, callback: Callable) -> None:
        self._thread = threading.Thread(target=self._run, args=(callback,), name="replay", daemon=True)
        self._thread.start()

    def _run(self, callback: Callable) -> None:
        block = int(self.samplerate * BLOCK_S)
        started = time.monotonic()
        for offset in range(0, len(self.samples), block):
            if self._stop.is_set():
                return
            due = started + offset / self.samplerate / self.speed
            delay = due - time.monotonic()
            if delay > 0 and self._stop.wait(delay):
                return
            chunk = self.samples[offset:offset + block]
            callback(chunk, len(chunk), None, _NoStatus())
        self.finished.set()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)


def _read_for_replay(path: Path):
    """The file's samples as a (frames, 1) float32 array at its own rate when soundfile
    reads it; other formats are decoded to 16 kHz."""
    import numpy as np
    import soundfile

    try:
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
        return np.ascontiguousarray(data.mean(axis=1, keepdims=True), dtype=np.float32), int(rate)
    except (soundfile.LibsndfileError, RuntimeError, TypeError):
        from rehearse.audio.files import load_audio

        return load_audio(path).reshape(-1, 1), SAMPLE_RATE


@dataclass
class RecordingState:
    """What the live panel shows; times are audio time, so a faster replay runs the clock faster."""

    elapsed_s: float = 0.0
    level_db: float = LEVEL_FLOOR_DB
    silent_s: float = 0.0
    overflows: int = 0
    max_s: float = DEFAULT_MAX_S
    source: str = ""


@dataclass
class Recording:
    path: Path
    samplerate: int
    frames: int
    stopped_by: str  # "enter", "ctrl-c", "limit", "end"
    overflows: int
    source: str
    header_auto: bool = True
    stopped_at: float = 0.0  # time.monotonic() when the stop was noticed: the feedback's wait starts here
    warnings: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return self.frames / self.samplerate


def _db(rms: float) -> float:
    import math

    return max(LEVEL_FLOOR_DB, 20 * math.log10(rms)) if rms > 0 else LEVEL_FLOOR_DB


class Recorder:
    """Moves blocks from a source's callback to a WavWriter until a stop condition.

    Stop conditions: `stop_event` set (its `reason` attribute says why), the time limit,
    or the source running out. A write error stops the recording and raises
    RecordingError; the file keeps everything written before it.
    """

    def __init__(self, source: InputSource, path: Path, *, max_seconds: float = DEFAULT_MAX_S, details: dict | None = None,
                 keep_marker: bool = False):
        self.source = source
        self.keep_marker = keep_marker  # see WavWriter.close
        self.path = path
        self.max_seconds = max_seconds
        self.details = details or {}
        self.overflows = 0
        self._queue: queue.Queue = queue.Queue()

    def _callback(self, indata, frames, time_info, status) -> None:
        if status and getattr(status, "input_overflow", False):
            self.overflows += 1
        self._queue.put(indata.copy())

    def record(self, stop: "StopSignal", on_tick: Callable[[RecordingState], None] | None = None,
               on_audio: Callable | None = None) -> Recording:
        """Record until a stop condition. `on_audio` receives every block written, in the
        main thread (incremental transcription)."""
        import numpy as np

        rate = self.source.samplerate
        limit = int(self.max_seconds * rate)
        try:
            writer = WavWriter(self.path, rate, {"source": self.source.name, **self.details})
        except Exception as exc:
            raise RecordingError(f"cannot create the recording file {self.path} ({_reason(exc)}); free some disk space or set REHEARSE_HOME to a writable folder") from exc
        state = RecordingState(max_s=self.max_seconds, source=self.source.name)
        last_flush = last_tick = time.monotonic()
        silent_frames = 0
        stopped_by = None
        stopped_at = 0.0

        def write(block) -> None:
            nonlocal silent_frames
            block = block[: max(0, limit - writer.frames)]
            if len(block) == 0:
                return
            writer.write(block)
            if on_audio is not None:
                on_audio(block)
            rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
            silent_frames = silent_frames + len(block) if rms < SILENCE_RMS else 0
            state.level_db = _db(rms)

        try:
            self.source.start(self._callback)
            while stopped_by is None:
                try:
                    write(self._queue.get(timeout=0.05))
                except queue.Empty:
                    pass
                if stop.is_set():
                    stopped_by = stop.reason
                elif writer.frames >= limit:
                    stopped_by = "limit"
                elif self.source.finished.is_set() and self._queue.empty():
                    stopped_by = "end"
                now = time.monotonic()
                if stopped_by:
                    stopped_at = now
                if now - last_flush >= FLUSH_EVERY_S:
                    writer.flush()
                    last_flush = now
                if on_tick and (now - last_tick >= 0.1 or stopped_by):
                    state.elapsed_s = writer.frames / rate
                    state.silent_s = silent_frames / rate
                    state.overflows = self.overflows
                    on_tick(state)
                    last_tick = now
            self.source.stop()
            while not self._queue.empty():
                write(self._queue.get_nowait())
        except (OSError, RuntimeError) as exc:  # soundfile's LibsndfileError is a RuntimeError
            self.source.stop()
            writer.close()
            seconds = _seconds_on_disk(self.path, writer.frames / rate)
            raise RecordingError(
                f"could not write the recording to {self.path} ({_reason(exc)}); free some disk space and try again. "
                f"The first {seconds:.0f} s are kept in that file"
            ) from exc
        except BaseException:
            self.source.stop()
            writer.close()
            raise
        writer.close(keep_marker=self.keep_marker)
        recording = Recording(self.path, rate, writer.frames, stopped_by, self.overflows, self.source.name, writer.header_auto,
                              stopped_at)
        if self.overflows:
            recording.warnings.append(
                f"the input overflowed {self.overflows} time(s): a little audio was dropped (the computer was busy)"
            )
        return recording


def _seconds_on_disk(path: Path, fallback: float) -> float:
    # A failed write may still have put part of its block on disk; say what is really there.
    try:
        import soundfile

        return soundfile.info(str(path)).duration
    except Exception:
        return fallback


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).strip() or type(exc).__name__


class StopSignal:
    """Set from another thread (keyboard) or a signal handler, with the reason it stopped."""

    def __init__(self):
        self._event = threading.Event()
        self.reason = ""

    def set(self, reason: str) -> None:
        if not self._event.is_set():
            self.reason = reason
            self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()
