"""Play a take back through the speakers, so a person hears the sentence the report speaks
of instead of reading that it was rushed. sounddevice's OutputStream pulls blocks from the
samples in its own thread; the caller watches the position go by (`on_tick`) and can stop
it at any time. Like recording, this is the only other place sounddevice is used.
"""

from __future__ import annotations

import threading
from typing import Callable

import numpy as np

from rehearse.audio.recorder import RecordingError, StopSignal, _device_arg, load_sounddevice

NO_SPEAKER = ("no speaker found (PortAudio sees no output device); connect or enable one, or open the "
              "recording in any player (`rehearse show TAKE --json` names it: source.path)")
TICK_S = 0.1


def speaker_problem(device: str | None = None) -> str | None:
    """Why nothing can be played through `device` (the system's speaker when None), in a
    few words, or None when it can."""
    try:
        sd = load_sounddevice()
    except RecordingError as exc:
        return str(exc)
    try:
        sd.query_devices(_device_arg(device), kind="output")
    except (sd.PortAudioError, ValueError):
        return "no speaker found (PortAudio sees no output device)" if device is None else f"no output device {device!r}"
    return None


def _output_rate(sd, device, wanted: int) -> int:
    """`wanted` when the device takes it, else the device's own rate."""
    try:
        info = sd.query_devices(device, kind="output")
    except (sd.PortAudioError, ValueError) as exc:
        raise RecordingError(NO_SPEAKER if device is None else f"no output device {device!r}: {exc}") from exc
    try:
        sd.check_output_settings(device, channels=1, dtype="float32", samplerate=wanted)
        return wanted
    except (sd.PortAudioError, ValueError):
        return int(info["default_samplerate"])


def _resampled(samples: np.ndarray, rate: int, to: int) -> np.ndarray:
    """Linear resampling: enough for listening back to speech."""
    if rate == to or len(samples) == 0:
        return samples
    count = int(round(len(samples) * to / rate))
    return np.interp(np.arange(count) * rate / to, np.arange(len(samples)), samples).astype(np.float32)


def play(samples: np.ndarray, rate: int, *, start_s: float = 0.0, end_s: float | None = None, device: str | None = None,
         on_tick: Callable[[float], None] | None = None, stop: StopSignal | None = None) -> float:
    """Play samples[start_s:end_s] (mono float32 at `rate`); returns where it stopped, in
    seconds of the take. `on_tick(seconds)` hears the position about 10 times a second."""
    sd = load_sounddevice()
    device = _device_arg(device)
    out_rate = _output_rate(sd, device, rate)
    first = max(0, int(start_s * rate))
    last = len(samples) if end_s is None else min(len(samples), int(end_s * rate))
    data = _resampled(np.asarray(samples[first:last], dtype=np.float32), rate, out_rate)
    played = [0]
    finished = threading.Event()

    def callback(outdata, frames, _time, _status):
        chunk = data[played[0]:played[0] + frames]
        outdata[:len(chunk), 0] = chunk
        outdata[len(chunk):, 0] = 0.0
        played[0] += len(chunk)
        if len(chunk) < frames:
            raise sd.CallbackStop

    try:  # opening or starting fails when the device is busy or was unplugged
        with sd.OutputStream(device=device, samplerate=out_rate, channels=1, dtype="float32", callback=callback,
                             finished_callback=finished.set):
            while not finished.wait(TICK_S):
                if stop is not None and stop.is_set():
                    break
                if on_tick is not None:
                    on_tick(start_s + played[0] / out_rate)
    except sd.PortAudioError as exc:
        raise RecordingError(f"cannot play through the speaker ({exc}); check it with your system's sound settings") from exc
    return start_s + played[0] / out_rate
