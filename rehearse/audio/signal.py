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
