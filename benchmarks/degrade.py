"""A room, not a studio: the same recording as a laptop might capture it.

Each variant takes 16 kHz float audio and returns 16 kHz float audio on the same clock
(so the clean file's speech times still hold). Noise is mixed at an exact signal-to-noise
ratio against the speech's own level, from a fixed seed, so every run degrades the same
way; reverb and the telephone band come from sox, the lossy formats from PyAV (which
faster-whisper already brings).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

from rehearse.audio.signal import SAMPLE_RATE, voiced_spans

PAD_S = 20.0
SEED = 7


def _noise(kind: str, n: int) -> np.ndarray:
    """Unit-RMS pink (1/f power) or brown (1/f^2) noise."""
    rng = np.random.default_rng(SEED)
    spectrum = np.fft.rfft(rng.standard_normal(n))
    f = np.arange(len(spectrum), dtype=np.float64)
    f[0] = 1.0
    spectrum /= np.sqrt(f) if kind == "pink" else f
    noise = np.fft.irfft(spectrum, n)
    return (noise / np.sqrt(np.mean(noise ** 2))).astype(np.float32)


def speech_rms(audio: np.ndarray) -> float:
    """The level of the speech alone (silences between sentences would lower a plain RMS)."""
    spans = voiced_spans(audio)
    voiced = np.concatenate([audio[int(a * SAMPLE_RATE):int(b * SAMPLE_RATE)] for a, b in spans]) if spans else audio
    return float(np.sqrt(np.mean(voiced.astype(np.float64) ** 2)))


def add_noise(audio: np.ndarray, kind: str, snr_db: float) -> np.ndarray:
    level = speech_rms(audio) / 10 ** (snr_db / 20)
    return np.clip(audio + level * _noise(kind, len(audio)), -1, 1).astype(np.float32)


def _sox(audio: np.ndarray, *effects: str) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.wav", Path(tmp) / "out.wav"
        sf.write(src, audio, SAMPLE_RATE, subtype="FLOAT")
        subprocess.run(["sox", "-V1", str(src), "-b", "32", "-e", "floating-point", str(dst), *effects], check=True)
        out, _ = sf.read(dst, dtype="float32")
    return out if out.ndim == 1 else out.mean(axis=1)


def _sox_file(audio: np.ndarray, suffix: str, *options: str) -> np.ndarray:
    """Through a file in a lossy format sox writes (ogg vorbis), and back."""
    from rehearse.audio.files import load_audio

    with tempfile.TemporaryDirectory() as tmp:
        src, lossy = Path(tmp) / "in.wav", Path(tmp) / f"answer.{suffix}"
        sf.write(src, audio, SAMPLE_RATE, subtype="PCM_16")
        subprocess.run(["sox", "-V1", str(src), *options, str(lossy)], check=True)
        return load_audio(lossy)


def _codec(audio: np.ndarray, container: str, codec: str) -> np.ndarray:
    import av

    from rehearse.audio.files import load_audio

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"answer.{container}"
        with av.open(str(path), "w") as out:
            stream = out.add_stream(codec, rate=SAMPLE_RATE if codec != "aac" else 44100, layout="mono")
            stream.bit_rate = 32000
            resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=stream.rate)
            frame = av.AudioFrame.from_ndarray(audio.reshape(1, -1), format="flt", layout="mono")
            frame.rate = SAMPLE_RATE
            for piece in resampler.resample(frame) + resampler.resample(None):
                for packet in stream.encode(piece):
                    out.mux(packet)
            for packet in stream.encode(None):
                out.mux(packet)
        decoded = load_audio(path)
    # Encoders add a little delay (AAC about 50 ms): find it and keep the clean file's clock.
    probe = audio[:10 * SAMPLE_RATE]
    lags = range(0, min(4000, len(decoded) - len(probe) + 1) if len(decoded) > len(probe) else 1)
    lag = max(lags, key=lambda k: float(np.dot(probe, decoded[k:k + len(probe)])))
    decoded = decoded[lag:]
    return np.pad(decoded, (0, max(0, len(audio) - len(decoded))))[:len(audio)]


def _pad(audio: np.ndarray, noise_db: float | None) -> np.ndarray:
    padded = np.concatenate([audio, np.zeros(int(PAD_S * SAMPLE_RATE), np.float32)])
    if noise_db is None:
        # Even a quiet room is not digital zero: dither at -80 dBFS.
        return padded + 1e-4 * _white(len(padded))
    return add_noise(padded, "pink", noise_db)


def _white(n: int) -> np.ndarray:
    return np.random.default_rng(SEED).standard_normal(n).astype(np.float32)


VARIANTS = {
    "clean": lambda a: a,
    "pad-silence": lambda a: _pad(a, None),
    "pad-noise": lambda a: _pad(a, 40.0),  # a quiet room's hum, 40 dB under the speech
    "pink-20": lambda a: add_noise(a, "pink", 20),
    "pink-10": lambda a: add_noise(a, "pink", 10),
    "brown-20": lambda a: add_noise(a, "brown", 20),
    "brown-10": lambda a: add_noise(a, "brown", 10),
    "reverb": lambda a: _sox(a, "reverb", "40", "50", "30", "100", "0", "0")[:len(a)],
    "phone-8k": lambda a: _sox(a, "sinc", "300-3400", "rate", "8000", "rate", "16000")[:len(a)],
    "quiet-30": lambda a: (a * 10 ** (-30 / 20)).astype(np.float32),
    "clipped": lambda a: np.clip(a * 10 ** (12 / 20), -0.5, 0.5).astype(np.float32) * 2,
    "mp3": lambda a: _codec(a, "mp3", "mp3"),
    "ogg": lambda a: _sox_file(a, "ogg", "-C", "0")[:len(a)],
    "m4a": lambda a: _codec(a, "m4a", "aac"),
}
# The padded variants end in 20 s without speech: a word there was invented.
PADDED = {"pad-silence", "pad-noise"}


def degrade(audio: np.ndarray, variant: str) -> np.ndarray:
    return VARIANTS[variant](np.asarray(audio, dtype=np.float32))
