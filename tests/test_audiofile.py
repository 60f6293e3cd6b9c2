"""Every container the CLI promises decodes: the sample re-encoded with PyAV (the
decoder faster-whisper uses), then read back and transcribed."""

from pathlib import Path

import pytest

from rehearse.audio.files import load_audio
from rehearse.audio.signal import SAMPLE_RATE
from tests.conftest import SAMPLES, slow

FORMATS = {  # suffix: (container, codec)
    "mp3": ("mp3", "libmp3lame"),
    "m4a": ("mp4", "aac"),
    "webm": ("webm", "libopus"),
    "ogg": ("ogg", "libopus"),
    "wav": ("wav", "pcm_s16le"),
}
SECONDS = 6


def encode(samples, rate: int, target: Path, container: str, codec: str) -> None:
    import av
    from av.audio.resampler import AudioResampler

    with av.open(str(target), "w", format=container) as out:
        stream = out.add_stream(codec, rate=48000 if "opus" in codec else rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = rate
        resampler = AudioResampler(format=stream.format.name, layout="mono", rate=stream.rate)
        for chunk in [*resampler.resample(frame), *resampler.resample(None), None]:
            for packet in stream.encode(chunk):
                out.mux(packet)


@pytest.fixture(scope="module")
def opening(tmp_path_factory):
    import soundfile as sf

    audio, rate = sf.read(SAMPLES / "strong-q4.flac", dtype="float32")
    return audio[: rate * SECONDS], rate, tmp_path_factory.mktemp("formats")


@pytest.mark.parametrize("suffix", FORMATS)
def test_each_promised_format_decodes_to_16k_mono(opening, suffix):
    samples, rate, folder = opening
    target = folder / f"answer.{suffix}"
    encode(samples, rate, target, *FORMATS[suffix])
    audio = load_audio(target)
    assert audio.dtype.name == "float32" and audio.ndim == 1
    assert len(audio) / SAMPLE_RATE == pytest.approx(SECONDS, abs=0.15)


@slow
def test_a_compressed_answer_is_transcribed(opening):
    from rehearse.transcription.transcribe import transcribe_file

    samples, rate, folder = opening
    target = folder / "answer-for-words.m4a"
    encode(samples, rate, target, *FORMATS["m4a"])
    transcript, _ = transcribe_file(target)
    text = transcript.text.lower()
    assert "backend engineer" in text and "payments" in text
