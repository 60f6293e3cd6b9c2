"""Read an answer's audio file into 16 kHz mono samples, refusing what cannot be used."""

from __future__ import annotations

from pathlib import Path

from rehearse.audio.signal import SAMPLE_RATE, SILENCE_RMS, frame_rms
from rehearse.errors import AudioError, NoSpeechError

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".mp4", ".webm", ".aac")
TEXT_SUFFIXES = (".txt", ".md")
MIN_SECONDS = 2.0
# Longer recordings are refused before decoding: memory stays bounded (30 min of
# 16 kHz float32 is 115 MB) and no interview answer is that long.
MAX_SECONDS = 30 * 60


def check_path(path: Path) -> None:
    if not path.exists():
        raise AudioError(f"no such file: {path}; check the path (audio: {', '.join(s[1:] for s in AUDIO_SUFFIXES[:6])}; text: txt, md)")
    if path.is_dir():
        raise AudioError(f"{path} is a folder; give one audio file or a .txt/.md transcript")
    if path.stat().st_size == 0:
        raise AudioError(f"{path} is empty (0 bytes); record the answer again")


def probe_duration(path: Path) -> float | None:
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(f"{path} has no audio track; give an audio recording of the answer")
            stream = container.streams.audio[0]
            if stream.duration is not None and stream.time_base is not None:
                return float(stream.duration * stream.time_base)
            if container.duration is not None:
                return container.duration / 1_000_000
    except AudioError:
        raise
    except Exception as exc:  # PyAV raises one class per FFmpeg error code
        raise AudioError(
            f"cannot read {path} as audio ({type(exc).__name__}); is it really a "
            f"{path.suffix.lstrip('.') or 'sound'} file? Convert it to wav or flac and try again"
        ) from exc
    return None


def load_audio(path: Path):
    """Decode to a float32 numpy array at 16 kHz mono, after checking it can be used."""
    from faster_whisper.audio import decode_audio

    check_path(path)
    duration = probe_duration(path)
    if duration is not None and duration > MAX_SECONDS:
        raise AudioError(
            f"{path} is {duration / 60:.0f} minutes long; rehearse takes recordings up to "
            f"{MAX_SECONDS // 60} minutes (an answer should be 1-3); trim it and try again"
        )
    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as exc:
        raise AudioError(f"cannot decode {path} ({type(exc).__name__}); convert it to wav or flac and try again") from exc
    seconds = len(audio) / SAMPLE_RATE
    if seconds > MAX_SECONDS:
        raise AudioError(f"{path} is {seconds / 60:.0f} minutes long; rehearse takes up to {MAX_SECONDS // 60} minutes; trim it")
    if seconds < MIN_SECONDS:
        raise AudioError(f"{path} is only {seconds:.1f} s long; record an answer of at least a minute (aim for 90 seconds)")
    rms = frame_rms(audio, 0.05)
    if float(rms.max()) < SILENCE_RMS:
        raise NoSpeechError(f"{path} is silent; check that the microphone is on and not muted, then record again")
    return audio
