"""Is the recording good enough to trust the feedback on it? Measured on the audio itself,
so a person knows when to record again rather than believe the figures.

Whisper's errors grow with noise: on real speech with pink noise at 10 dB SNR, tiny.en
made 3-10 times the errors it makes on the clean recording (benchmarks/transcripts.py),
while at 30 dB and above it barely changes. A level far below a normal microphone's, or
clipped peaks, also cost words.
"""

from __future__ import annotations

import numpy as np

from rehearse.audio.signal import SAMPLE_RATE

# Speech this many dB above the background or less makes a noisy recording.
NOISY_BELOW_DB = 15.0
# Speech quieter than this (dBFS, RMS of the speech alone) is very low: a normal microphone
# at a normal distance gives -30 to -15.
QUIET_BELOW_DBFS = -40.0
# Samples at the edge of the range (|x| >= CLIP_AT): more than this share of the speech means
# the loudest sounds were cut off.
CLIP_AT = 0.99
CLIPPED_ABOVE = 0.001
SPEECH = 0.5  # a window is speech above this probability (Silero's own threshold)
# Speech with less than this share of its energy above NARROW_ABOVE_HZ was recorded through a
# telephone band or at 8 kHz: our samples, espeak takes and the real recordings hold 0.2-4%
# there, the same takes made 8 kHz 0.004% (a tryout's 8 kHz take came out as "2,000,000,...").
NARROW_ABOVE_HZ = 4200
NARROW_BELOW = 0.0005
BACKGROUND_PERCENTILE = 5


def _db(x: float) -> float:
    return round(20 * float(np.log10(max(x, 1e-5))), 1)  # digital silence reads as -100


def _high_band_share(frames) -> float:
    """The share of the frames' energy above NARROW_ABOVE_HZ (of what is above 80 Hz)."""
    spectrum = np.abs(np.fft.rfft(frames * np.hanning(frames.shape[1]), axis=1)) ** 2
    freqs = np.fft.rfftfreq(frames.shape[1], 1 / SAMPLE_RATE)
    total = float(spectrum[:, freqs > 80].sum())
    return float(spectrum[:, freqs > NARROW_ABOVE_HZ].sum()) / total if total > 0 else 1.0


def measure(audio, speech_probs, window: int) -> dict:
    """The speech and background levels (dBFS), their difference (SNR, dB), the share of
    clipped samples, and a note for each problem found. `speech_probs` gives the
    probability of speech for each `window` samples (transcription.speech)."""
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    probs = np.asarray(speech_probs).reshape(-1)
    n = min(len(probs), len(audio) // window)
    if n == 0:
        return {"notes": []}
    frames = audio[:n * window].reshape(n, window).astype(np.float64)
    rms = np.sqrt(np.mean(frames ** 2, axis=1))
    speech = rms[probs[:n] >= SPEECH]
    if len(speech) == 0:
        return {"notes": []}
    speech_db = _db(float(np.sqrt(np.mean(speech ** 2))))
    # The background is what the quietest moments hold: the pauses, where the room's
    # noise is all there is (Silero's non-speech windows also take in the fading ends of
    # words, which would make a quiet room seem noisy).
    background_db = _db(float(np.percentile(rms, BACKGROUND_PERCENTILE)))
    clipped = float(np.mean(np.abs(frames[probs[:n] >= SPEECH]) >= CLIP_AT))
    quality = {"speech_dbfs": speech_db, "background_dbfs": background_db,
               "snr_db": round(speech_db - background_db, 1), "clipped_share": round(clipped, 4), "notes": []}
    if quality["snr_db"] < NOISY_BELOW_DB:
        quality["notes"].append(
            f"noisy recording (speech only {quality['snr_db']:.0f} dB above the background): the feedback may be "
            "less accurate; record somewhere quieter, or closer to the microphone")
    if speech_db < QUIET_BELOW_DBFS:
        quality["notes"].append(
            f"the level is very low (speech at {speech_db:.0f} dBFS): move closer to the microphone or raise its input volume")
    high = _high_band_share(frames[probs[:n] >= SPEECH])
    quality["high_band_share"] = round(high, 5)
    if high < NARROW_BELOW:
        quality["notes"].append(
            f"narrow band (nothing above {NARROW_ABOVE_HZ // 1000} kHz, as on a telephone or in an 8 kHz file): "
            "Whisper mishears more of it; record with a microphone at 16 kHz or more if you can")
    if clipped > CLIPPED_ABOVE:
        quality["notes"].append(
            f"clipping ({clipped:.1%} of the speech is cut off at full scale): lower the input volume or move back a little")
    return quality

