"""A stand-in for the one thing this machine lacks: a microphone.

It replaces only sounddevice's device layer (query_devices, check_input_settings,
InputStream); rehearse's own code runs unchanged. The stand-in stream calls the callback
from its own thread with real audio frames, in blocks, paced like a device (but faster),
and keeps delivering silence after the sample ends, as a real microphone would.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from tests.conftest import PORTAUDIO_MISSING


class StandInMicrophone:
    def __init__(self, samples: np.ndarray, rate: int, *, accepts_16k: bool = True, overflow_every: int = 0,
                 speed: float = 20.0, index: int = 3, name: str = "Stand-in USB microphone", buffer_s: float = 0.2):
        self.samples = samples.reshape(-1, 1).astype(np.float32)
        self.rate = rate
        self.accepts_16k = accepts_16k
        self.overflow_every = overflow_every
        self.speed = speed
        self.index = index
        self.name = name
        self.opened_with: dict = {}
        self.delivered = 0  # frames handed to the callback
        # Like a device's buffer: a callback that runs this late after its block was due
        # (the process could not get to it, e.g. held up by the GIL) means lost input.
        self.buffer_s = buffer_s
        self.late_s = 0.0  # the latest a callback ran

    def info(self) -> dict:
        return {"name": self.name, "index": self.index, "hostapi": 0, "max_input_channels": 1,
                "max_output_channels": 0, "default_samplerate": float(self.rate)}

    def install(self, monkeypatch) -> "StandInMicrophone":
        # sounddevice itself needs the PortAudio library even when its device layer is replaced.
        if PORTAUDIO_MISSING:
            pytest.skip(PORTAUDIO_MISSING)
        import sounddevice as sd

        mic = self

        def query_devices(device=None, kind=None):
            if device is None and kind is None:
                speaker = {"name": "Stand-in speaker", "index": 0, "hostapi": 0, "max_input_channels": 0,
                           "max_output_channels": 2, "default_samplerate": 48000.0}
                return [speaker, mic.info()]
            if device in (None, mic.index, mic.name) or (isinstance(device, str) and device in mic.name):
                return mic.info()
            raise ValueError(f"No input device matching {device!r}")

        def check_input_settings(device=None, channels=None, dtype=None, extra_settings=None, samplerate=None):
            if samplerate is not None and samplerate != mic.rate and not mic.accepts_16k:
                raise sd.PortAudioError("Error opening InputStream: Invalid sample rate [PaErrorCode -9997]")

        class InputStream:
            def __init__(self, device=None, samplerate=None, blocksize=None, channels=None, dtype=None, callback=None, **_):
                check_input_settings(device, samplerate=samplerate)
                mic.opened_with = {"device": device, "samplerate": samplerate, "channels": channels, "dtype": dtype}
                self.blocksize = blocksize or 1024
                self.callback = callback
                self._stop = threading.Event()
                self._thread = threading.Thread(target=self._run, daemon=True)

            def start(self):
                self._thread.start()

            def _run(self):
                _raise_priority()
                n = 0
                started = time.monotonic()
                while not self._stop.is_set():
                    offset = n * self.blocksize
                    block = mic.samples[offset:offset + self.blocksize]
                    if len(block) < self.blocksize:  # the speaker went quiet; the room did not
                        block = np.concatenate([block, np.zeros((self.blocksize - len(block), 1), np.float32)])
                    flags = sd.CallbackFlags()
                    late = time.monotonic() - (started + n * self.blocksize / mic.rate / mic.speed)
                    mic.late_s = max(mic.late_s, late)
                    if late > mic.buffer_s or (mic.overflow_every and n % mic.overflow_every == mic.overflow_every - 1):
                        flags = sd.CallbackFlags(sd._lib.paInputOverflow)
                    self.callback(block, len(block), None, flags)
                    mic.delivered += len(block)
                    n += 1
                    due = started + n * self.blocksize / mic.rate / mic.speed
                    self._stop.wait(max(0.0, due - time.monotonic()))

            def stop(self):
                self._stop.set()
                if self._thread.is_alive():
                    self._thread.join(timeout=2)

            def close(self):
                self.stop()

        monkeypatch.setattr(sd, "query_devices", query_devices)
        monkeypatch.setattr(sd, "check_input_settings", check_input_settings)
        monkeypatch.setattr(sd, "InputStream", InputStream)
        monkeypatch.setattr(sd.default, "device", [mic.index, 0])
        return self


def _raise_priority() -> None:
    """Run the calling thread at a raised priority, as audio servers (PipeWire, PulseAudio,
    CoreAudio, WASAPI) run the thread that delivers a device's blocks.

    Other processes on a loaded machine then cannot make the stand-in late, while rehearse's
    own threads (the GIL, the transcription worker) still can: lateness is what the
    real-speed test holds against a device buffer. Without the privilege (not root) the
    thread keeps its priority.
    """
    import os

    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), -10)
    except (AttributeError, OSError):
        pass


class StandInSpeaker:
    """A stand-in speaker: sounddevice's OutputStream (and the output side of
    query_devices and check_output_settings) replaced by a device that pulls blocks through
    rehearse's own callback, paced `speed` times faster than real time, and keeps every
    frame it was given (`played`) so a test can compare it with the take."""

    def __init__(self, *, rate: int = 48000, accepts_16k: bool = True, speed: float = 20.0, blocksize: int = 1024):
        self.rate = rate
        self.accepts_16k = accepts_16k
        self.speed = speed
        self.blocksize = blocksize
        self.played: list[np.ndarray] = []
        self.opened_with: dict = {}

    @property
    def samples(self) -> np.ndarray:
        return np.concatenate(self.played)[:, 0] if self.played else np.zeros(0, np.float32)

    def info(self) -> dict:
        return {"name": "Stand-in speaker", "index": 0, "hostapi": 0, "max_input_channels": 0,
                "max_output_channels": 2, "default_samplerate": float(self.rate)}

    def patch(self, sd, setattr_) -> "StandInSpeaker":
        """Put the stand-in in place with `setattr_` (monkeypatch.setattr, or setattr)."""
        speaker = self
        real_query = sd.query_devices

        def query_devices(device=None, kind=None):
            if kind == "output" or device in (0, "Stand-in speaker"):
                return speaker.info()
            return real_query(device, kind)

        def check_output_settings(device=None, channels=None, dtype=None, extra_settings=None, samplerate=None):
            if samplerate is not None and samplerate != speaker.rate and not speaker.accepts_16k:
                raise sd.PortAudioError("Error opening OutputStream: Invalid sample rate [PaErrorCode -9997]")

        class OutputStream:
            def __init__(self, device=None, samplerate=None, channels=None, dtype=None, callback=None,
                         finished_callback=None, **_):
                check_output_settings(device, samplerate=samplerate)
                speaker.opened_with = {"device": device, "samplerate": samplerate, "channels": channels, "dtype": dtype}
                self.callback, self.finished_callback = callback, finished_callback
                self.samplerate = samplerate
                self._stop = threading.Event()
                self._thread = threading.Thread(target=self._run, daemon=True)

            def _run(self):
                n = 0
                started = time.monotonic()
                while not self._stop.is_set():
                    block = np.zeros((speaker.blocksize, 1), np.float32)
                    try:
                        self.callback(block, speaker.blocksize, None, sd.CallbackFlags())
                    except sd.CallbackStop:
                        speaker.played.append(block)
                        break
                    speaker.played.append(block)
                    n += 1
                    due = started + n * speaker.blocksize / self.samplerate / speaker.speed
                    self._stop.wait(max(0.0, due - time.monotonic()))
                if self.finished_callback is not None:
                    self.finished_callback()

            def __enter__(self):
                self._thread.start()
                return self

            def __exit__(self, *exc):
                self._stop.set()
                self._thread.join(timeout=2)

        setattr_(sd, "query_devices", query_devices)
        setattr_(sd, "check_output_settings", check_output_settings)
        setattr_(sd, "OutputStream", OutputStream)
        return self

    def install(self, monkeypatch) -> "StandInSpeaker":
        if PORTAUDIO_MISSING:
            pytest.skip(PORTAUDIO_MISSING)
        import sounddevice as sd

        return self.patch(sd, monkeypatch.setattr)
