"""The audio every layer shares: 16 kHz mono float samples, how loud they are, and where
they have sound. The one home of the sample rate and the silence level."""

from __future__ import annotations

# What Whisper takes, what the recorder asks the microphone for, and what files are decoded to.
SAMPLE_RATE = 16000
# Below this RMS (about -50 dBFS) there is nothing said: a file whose loudest 50 ms frame is
# under it is silent, a recorded block under it counts toward "is the microphone muted?".
SILENCE_RMS = 0.003


def frame_rms(audio, frame_s: float):
    """The loudness (RMS) of each whole frame of `frame_s` seconds of 16 kHz audio."""
    import numpy as np

    frame = int(round(frame_s * SAMPLE_RATE))
    usable = len(audio) // frame * frame
    return np.sqrt(np.mean(audio[:usable].reshape(-1, frame).astype(np.float64) ** 2, axis=1))


# Voiced-span detection: 20 ms frames; a frame has sound when its RMS is above this share
# of the loud end of the recording (95th percentile), so it adapts to the microphone level.
FRAME_S = 0.02
VOICED_SHARE = 0.05
MIN_VOICED_S = 0.06  # shorter blips (clicks) are not speech
BRIDGE_S = 0.1  # shorter silences inside a word are not pauses


def voiced_spans(audio) -> tuple[tuple[float, float], ...]:
    """The stretches of a 16 kHz recording that have sound in them, as (start, end) seconds."""
    import numpy as np

    rms = frame_rms(audio, FRAME_S)
    if len(rms) == 0:
        return ()
    threshold = max(SILENCE_RMS, VOICED_SHARE * float(np.percentile(rms, 95)))
    loud = np.concatenate([[False], rms > threshold, [False]])
    edges = np.flatnonzero(loud[1:] != loud[:-1])
    spans: list[list[float]] = []
    for start, end in zip(edges[::2], edges[1::2]):
        a, b = start * FRAME_S, end * FRAME_S
        if spans and a - spans[-1][1] < BRIDGE_S:
            spans[-1][1] = b
        else:
            spans.append([a, b])
    return tuple((round(float(a), 2), round(float(b), 2)) for a, b in spans if b - a >= MIN_VOICED_S)


class ToSampleRate:
    """Blocks recorded at another rate (a microphone that refuses 16 kHz records at its
    own, often 44.1 or 48 kHz), turned into 16 kHz blocks as they arrive, so an answer can
    be transcribed while it is spoken whatever the device. FFmpeg's resampler (PyAV, which
    faster-whisper brings) keeps its state from block to block; the result matches the
    whole file decoded at once (audio.files.load_audio) to within 16-bit rounding."""

    def __init__(self, rate: int):
        import av

        self.rate = rate
        self._resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)

    def __call__(self, block):
        """The 16 kHz samples this block completes (a few may wait for the next one)."""
        import av
        import numpy as np

        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block, dtype=np.float32).reshape(1, -1),
                                           format="flt", layout="mono")
        frame.sample_rate = self.rate
        return self._samples(self._resampler.resample(frame))

    def flush(self):
        """The samples still held by the resampler, at the end of the recording."""
        return self._samples(self._resampler.resample(None))

    @staticmethod
    def _samples(frames):
        import numpy as np

        if not frames:
            return np.zeros(0, np.float32)
        return np.concatenate([f.to_ndarray().reshape(-1) for f in frames]).astype(np.float32, copy=False)
