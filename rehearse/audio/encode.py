"""A take's audio made small enough to embed in a page: Opus in Ogg at a speech bitrate
(24 kbit/s: a 90-second take is about 250 KB), with PyAV, which faster-whisper brings."""

from __future__ import annotations

import io

from rehearse.audio.signal import SAMPLE_RATE

OPUS_BITRATE = 24_000
FRAME = 960  # samples per frame handed to the encoder (60 ms at 16 kHz)


def opus_bytes(samples) -> bytes:
    """16 kHz mono float32 samples as an Ogg Opus file."""
    import av
    import numpy as np

    buffer = io.BytesIO()
    with av.open(buffer, "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=SAMPLE_RATE)
        stream.bit_rate = OPUS_BITRATE
        stream.layout = "mono"
        pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
        for start in range(0, len(pcm), FRAME):
            frame = av.AudioFrame.from_ndarray(pcm[start:start + FRAME].reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = SAMPLE_RATE
            frame.pts = start
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()
