"""Is the recording good enough to trust the feedback on it? Measured on the audio itself,
so a person knows when to record again rather than believe the figures.

Whisper's errors grow with noise: on real speech with pink noise at 10 dB SNR, tiny.en
made 3-10 times the errors it makes on the clean recording (benchmarks/transcripts.py),
while at 30 dB and above it barely changes. A level far below a normal microphone's, or
clipped peaks, also cost words.
"""

from __future__ import annotations

import numpy as np

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
BACKGROUND_PERCENTILE = 5


def _db(x: float) -> float:
    return round(20 * float(np.log10(max(x, 1e-5))), 1)  # digital silence reads as -100


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
    if clipped > CLIPPED_ABOVE:
        quality["notes"].append(
            f"clipping ({clipped:.1%} of the speech is cut off at full scale): lower the input volume or move back a little")
    return quality

