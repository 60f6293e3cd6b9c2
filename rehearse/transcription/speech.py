"""Where a recording holds speech, from the audio itself, so the words Whisper writes can
be checked against it: speech with no words under it was dropped, words with no speech
under them were invented.

Loudness alone (audio.signal.voiced_spans) cannot tell a voice from a fan: in a noisy room
everything is loud. Silero VAD, which faster-whisper ships as an ONNX model, gives each
32 ms window a probability of speech. It costs about 0.2 s per 90 s of audio on 2 cores;
each window is judged nearly on its own (64 samples of context), so the incremental
transcriber computes it chunk by chunk while the person talks, and gets the same figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from rehearse.audio.signal import SAMPLE_RATE, frame_rms

WINDOW = 512  # samples: Silero's window at 16 kHz (32 ms)
WINDOW_S = WINDOW / SAMPLE_RATE
# Silero's own default: above this a window is speech.
SPEECH = 0.5
# Speech this close together is one stretch (a breath between sentences is not a gap).
BRIDGE_S = 0.3
MIN_SPEECH_S = 0.1
# The loud end of a recording (95th percentile of 32 ms levels) is raised to this before
# Silero judges it (-20 dBFS: a normal microphone at a normal distance), by at most MAX_GAIN.
LEVEL = 0.1
MAX_GAIN = 1000.0


def gain_for(audio) -> float:
    """How much to raise a quiet recording before Silero judges it. Silero reads level as
    well as voice: a real answer recorded 30 dB too quietly read as no speech at all, and
    its every word would have been removed as invented. Never lowered."""
    loud = frame_rms(np.asarray(audio, dtype=np.float32).reshape(-1), WINDOW_S)
    if not len(loud):
        return 1.0
    return float(min(max(LEVEL / max(float(np.percentile(loud, 95)), 1e-6), 1.0), MAX_GAIN))


def probabilities(audio, gain: float | None = None) -> np.ndarray:
    """The probability of speech in each 32 ms window (the last window padded with
    silence), after raising a quiet recording by `gain` (gain_for(audio) when None)."""
    from faster_whisper.vad import get_vad_model

    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    if not len(audio):
        return np.zeros(0, np.float32)
    gain = gain_for(audio) if gain is None else gain
    padded = np.pad(np.clip(audio * gain, -1.0, 1.0), (0, -len(audio) % WINDOW))
    return np.asarray(get_vad_model()(padded), dtype=np.float32).reshape(-1)


@dataclass(frozen=True)
class Speech:
    """Speech probabilities over a whole recording, one per 32 ms window."""

    probs: np.ndarray

    @classmethod
    def of(cls, audio) -> "Speech":
        return cls(probabilities(audio))

    def _windows(self, start: float, end: float) -> slice:
        """The windows that overlap the time from `start` to `end`."""
        lo = min(max(int(math.floor(start / WINDOW_S)), 0), len(self.probs))
        hi = min(max(int(math.ceil(end / WINDOW_S)), lo), len(self.probs))
        return slice(lo, hi)

    def peak(self, start: float, end: float) -> float:
        """The highest probability of speech between two times (0 where there is no audio)."""
        probs = self.probs[self._windows(start, end)]
        return float(probs.max()) if len(probs) else 0.0

    def seconds(self, start: float, end: float) -> float:
        """How much of the time between two moments is speech, in whole windows."""
        return float((self.probs[self._windows(start, end)] >= SPEECH).sum()) * WINDOW_S

    def regions(self) -> list[tuple[float, float]]:
        """The stretches of speech, as (start, end) seconds."""
        speaking = np.concatenate([[False], self.probs >= SPEECH, [False]])
        edges = np.flatnonzero(speaking[1:] != speaking[:-1])
        spans: list[list[float]] = []
        for a, b in zip(edges[::2] * WINDOW_S, edges[1::2] * WINDOW_S):
            if spans and a - spans[-1][1] < BRIDGE_S:
                spans[-1][1] = b
            else:
                spans.append([a, b])
        return [(round(float(a), 2), round(float(b), 2)) for a, b in spans if b - a >= MIN_SPEECH_S]
