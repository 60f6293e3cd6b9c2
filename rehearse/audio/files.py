"""Read an answer's audio file into 16 kHz mono samples, refusing what cannot be used."""

from __future__ import annotations

from pathlib import Path

from rehearse.errors import AudioError, NoSpeechError

SAMPLE_RATE = 16000
AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".mp4", ".webm", ".aac")
TEXT_SUFFIXES = (".txt", ".md")
MIN_SECONDS = 2.0
# Longer recordings are refused before decoding: memory stays bounded (30 min of
# 16 kHz float32 is 115 MB) and no interview answer is that long.
MAX_SECONDS = 30 * 60
# Loudest 50 ms frame below this RMS (about -50 dBFS) means nothing was said.
SILENCE_RMS = 0.003


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
