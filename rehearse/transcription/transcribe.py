"""Speech to words with timings, with faster-whisper on the CPU (int8).

This is the only module that imports faster_whisper, and only when something is
transcribed, so `rehearse --help` stays instant. With --engine openai-whisper the words
come from rehearse/transcription/openai_engine.py instead, and everything after them is shared.
"""

from __future__ import annotations

import os
import time
from functools import lru_cache
from pathlib import Path

from rehearse.analysis.delivery import heard_filled_pauses
from rehearse.analysis.transcript import Transcript, Word
from rehearse.audio.files import load_audio
from rehearse.audio.signal import SAMPLE_RATE, frame_rms, voiced_spans
from rehearse.errors import ModelError, NoSpeechError
from rehearse.transcription.models import DEFAULT_ENGINE, ENGINES, ModelChoice, download, resolve

ENGINE = DEFAULT_ENGINE  # this module's; openai-whisper is optional (rehearse/transcription/openai_engine.py)
COMPUTE_TYPE = "int8"
# Beam 5 made fewer errors than greedy decoding on the strong sample (WER 3.0% vs 4.2%)
# for 1.1 s more on 2 cores; benchmarks/bench.py measures both.
BEAM_SIZE = 5
# The features of a whole recording are computed at once; long recordings are cut into
# windows of at most this length (at the quietest moment near the end) so memory stays
# bounded however long the answer is.
WINDOW_S = 240
CUT_SEARCH_S = 10
# Mean log-probability below this means Whisper could not make sense of the speech:
# usually another language than English. Measured with tiny.en: piper English samples
# -0.13 to -0.28, espeak-ng English -0.49, espeak-ng German -0.96, French lower still.
MIN_AVG_LOGPROB = -0.8


@lru_cache(maxsize=2)
def _load_model(path: str):
    # One load per process and model: loading costs more than transcribing a short answer.
    from faster_whisper import WhisperModel

    threads = min(4, os.cpu_count() or 1)
    try:
        return WhisperModel(path, device="cpu", compute_type=COMPUTE_TYPE, cpu_threads=threads)
    except Exception as exc:
        raise ModelError(f"cannot load the model in {path} ({exc}); reinstall it or pick another with --model") from exc


def model_for(choice: ModelChoice):
    path = choice.path or download(choice)
    return _load_model(path)


def _cut_points(audio) -> list[int]:
    import numpy as np

    window = WINDOW_S * SAMPLE_RATE
    search = CUT_SEARCH_S * SAMPLE_RATE
    frame = SAMPLE_RATE // 50
    cuts, start = [0], 0
    while len(audio) - start > window:
        lo = start + window - search
        start = lo + int(np.argmin(frame_rms(audio[lo:start + window], frame / SAMPLE_RATE))) * frame
        cuts.append(start)
    cuts.append(len(audio))
    return cuts


# Whisper leaves out "um" and "uh" unless the context has them: a disfluent prompt keeps
# them (measured in eval/fillers_eval.py; the README has the figures).
DISFLUENT_PROMPT = "Umm, let me think, uh... So, um, I was like, you know, uh, working on it. Hmm."


def _gather(segments, offset: float, words: list[Word], logprobs: list[tuple[float, int]]) -> None:
    for segment in segments:
        logprobs.append((segment.avg_logprob, len(segment.words or ())))
        for w in segment.words or ():
            text = w.word.strip()
            if not text:
                continue
            start, end = round(float(w.start) + offset, 3), round(float(w.end) + offset, 3)
            if words and not w.word.startswith(" "):
                # A piece without a leading space belongs to the word before ("5" + "%").
                words[-1] = Word(words[-1].text + text, words[-1].start, end)
            else:
                words.append(Word(text, start, end))


def transcription_settings(beam_size: int, initial_prompt: str | None, logprobs: list[tuple[float, int]],
                           compute_type: str = COMPUTE_TYPE, **extra) -> dict:
    """What the report records of how the words were made; the mean log-probability is
    weighted by each segment's words."""
    settings = {
        "compute_type": compute_type,
        "beam_size": beam_size,
        "language": "en",
        "word_timestamps": True,
        **extra,
        "initial_prompt": "disfluent" if initial_prompt == DISFLUENT_PROMPT else initial_prompt,
    }
    total = sum(n for _, n in logprobs)
    if total:
        settings["avg_logprob"] = round(sum(lp * n for lp, n in logprobs) / total, 3)
    return settings


def transcribe_audio(audio, choice: ModelChoice, beam_size: int = BEAM_SIZE,
                     initial_prompt: str | None = DISFLUENT_PROMPT) -> tuple[list[Word], dict]:
    model = model_for(choice)
    words: list[Word] = []
    logprobs: list[tuple[float, int]] = []
    cuts = _cut_points(audio)
    for lo, hi in zip(cuts, cuts[1:]):
        segments, _info = model.transcribe(
            audio[lo:hi],
            language="en",
            beam_size=beam_size,
            word_timestamps=True,
            initial_prompt=initial_prompt,
        )
        _gather(segments, lo / SAMPLE_RATE, words, logprobs)
    return words, transcription_settings(beam_size, initial_prompt, logprobs, windows=len(cuts) - 1)


def transcribe_chunk(audio, choice: ModelChoice, beam_size: int = BEAM_SIZE,
                     initial_prompt: str | None = DISFLUENT_PROMPT) -> tuple[list[Word], dict]:
    """A piece of under 30 s (incremental transcription), decoded in one pass.

    `transcribe_audio` would often encode a short piece twice: after the first pass it
    moves to the last word's end and runs the encoder again on the remaining fraction of
    a second, doubling the cost (0.5 s per pass for tiny.en on 2 cores). The batched
    pipeline encodes and decodes the piece once.
    """
    from faster_whisper import BatchedInferencePipeline

    segments, _info = BatchedInferencePipeline(model_for(choice)).transcribe(
        audio, language="en", beam_size=beam_size, word_timestamps=True, initial_prompt=initial_prompt,
        batch_size=1, without_timestamps=True,
    )
    words: list[Word] = []
    logprobs: list[tuple[float, int]] = []
    _gather(segments, 0.0, words, logprobs)
    return words, transcription_settings(beam_size, initial_prompt, logprobs)


def transcribe_file(path: Path, model_name: str | None = None, engine: str = ENGINE) -> tuple[Transcript, dict[str, float]]:
    """Transcribe an audio file; also return how long each stage took."""
    if engine not in ENGINES:
        raise ModelError(f"unknown engine {engine!r}; use one of: {', '.join(ENGINES)}")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if engine == ENGINE:
        choice = resolve(model_name)
        model_label, load, run = choice.name, (lambda: model_for(choice)), (lambda a: transcribe_audio(a, choice))
    else:
        from rehearse.transcription import openai_engine

        model_label, target = openai_engine.checkpoint_for(model_name)
        load, run = (lambda: openai_engine.load(target)), (lambda a: transcribe_with_openai(a, target))
    audio = load_audio(path)
    timings["decode_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    load()
    timings["model_load_s"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    words, settings = run(audio)
    timings["transcribe_s"] = time.perf_counter() - t2
    return finish_transcript(audio, words, settings, model_label, path, engine), timings


def transcribe_with_openai(audio, target: str, beam_size: int = BEAM_SIZE,
                           initial_prompt: str | None = DISFLUENT_PROMPT) -> tuple[list[Word], dict]:
    """The same words and settings as transcribe_audio(), from openai-whisper (float32 on the CPU)."""
    from rehearse.transcription import openai_engine

    words: list[Word] = []
    logprobs: list[tuple[float, int]] = []
    _gather(openai_engine.transcribe(audio, target, beam_size, initial_prompt), 0.0, words, logprobs)
    return words, transcription_settings(beam_size, initial_prompt, logprobs, compute_type="float32")


def finish_transcript(audio, words: list[Word], settings: dict, model_label: str, path: Path,
                      engine: str = ENGINE) -> Transcript:
    """From Whisper's words to the transcript the analysis reads, refusing what is not
    usable English speech. Shared by whole-file and incremental transcription."""
    duration = len(audio) / SAMPLE_RATE
    if not words:
        raise NoSpeechError(f"no English speech found in {path}; answer in English, close to the microphone, and record again")
    if settings.get("avg_logprob", 0.0) < MIN_AVG_LOGPROB:
        raise NoSpeechError(
            f"the speech in {path} could not be transcribed reliably; rehearse coaches answers in "
            "English: record the answer in English, clearly and close to the microphone"
        )
    voiced = voiced_spans(audio)
    # Prompted to keep fillers, Whisper now and then writes one over silence (most often
    # at the very end): keep only those with sound under them.
    words, filled_pauses = heard_filled_pauses(words, voiced, duration)
    return Transcript(
        words=tuple(words),
        kind="audio",
        engine=engine,
        model=model_label,
        audio_duration_s=round(duration, 2),
        voiced=voiced,
        filled_pauses=filled_pauses,
        settings=settings,
    )
