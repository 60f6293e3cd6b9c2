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
from typing import Callable

from rehearse.analysis.delivery import heard_filled_pauses
from rehearse.analysis.sentences import unpunctuated
from rehearse.analysis.transcript import MIN_ANSWER_WORDS, Transcript, Word, real_words
from rehearse.audio.files import load_audio, refuse_unusable
from rehearse.audio.quality import measure
from rehearse.audio.signal import SAMPLE_RATE, SILENCE_RMS, frame_rms, voiced_spans
from rehearse.errors import ModelError, NoSpeechError
from rehearse.transcription.models import DEFAULT_ENGINE, ENGINES, ModelChoice, download, resolve
from rehearse.transcription.repair import Decode, repair
from rehearse.transcription.speech import WINDOW, Speech

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


# Decoding is deterministic: one temperature, no fallback. faster-whisper's default falls
# back to sampling at random (temperatures 0.2-1.0) when a window looks bad, and the same
# recording then gave WER 3.0%, 44.9%, 21.6% and 2.1% on four runs. The loops a fallback
# would have broken are removed by transcription.repair and their speech decoded again.
TEMPERATURE = 0.0


def decoding(beam_size: int = BEAM_SIZE, prompt: str | None = None, condition: bool = True) -> dict:
    """faster-whisper's transcribe() options, the same for every pass."""
    return {"language": "en", "beam_size": beam_size, "temperature": TEMPERATURE, "word_timestamps": True,
            "initial_prompt": prompt, "condition_on_previous_text": condition}


def _gather(segments, offset: float, words: list[Word], logprobs: list[tuple[float, int]],
            heard_up_to: Callable[[float], None] | None = None) -> None:
    for segment in segments:
        if heard_up_to is not None:
            heard_up_to(offset + float(segment.end))
        logprobs.append((segment.avg_logprob, len(segment.words or ())))
        for w in segment.words or ():
            text = w.word.strip()
            if not text:
                continue
            start, end = round(float(w.start) + offset, 3), round(float(w.end) + offset, 3)
            probability = round(float(w.probability), 3)
            if words and not w.word.startswith(" "):
                # A piece without a leading space belongs to the word before ("5" + "%").
                last = words[-1]
                words[-1] = Word(last.text + text, last.start, end,
                                 probability if last.probability is None else min(last.probability, probability))
            else:
                words.append(Word(text, start, end, probability))


def transcription_settings(beam_size: int, initial_prompt: str | None, logprobs: list[tuple[float, int]],
                           compute_type: str = COMPUTE_TYPE, **extra) -> dict:
    """What the report records of how the words were made; the mean log-probability is
    weighted by each segment's words."""
    settings = {
        "compute_type": compute_type,
        "beam_size": beam_size,
        "language": "en",
        "word_timestamps": True,
        "temperature": TEMPERATURE,
        **extra,
        "initial_prompt": initial_prompt,
    }
    total = sum(n for _, n in logprobs)
    if total:
        settings["avg_logprob"] = round(sum(lp * n for lp, n in logprobs) / total, 3)
    return settings


def _max_tokens(seconds: float) -> int:
    # A bound on a stretch's text (speech is under 5 words, about 7 tokens, a second), so
    # a decoding that loops stops early instead of filling Whisper's 448 tokens.
    return min(440, int(10 * seconds) + 20)


def _clip_decoder(audio, segments_of) -> Decode:
    """A Decode (transcription.repair) over one recording: each stretch decoded on its own,
    with no earlier text to lead it; `segments_of(clip, prompt, seconds)` is the engine's."""
    def decode(start: float, end: float, prompt: str | None) -> list[Word]:
        lo, hi = int(start * SAMPLE_RATE), int(end * SAMPLE_RATE)
        words: list[Word] = []
        _gather(segments_of(audio[lo:hi], prompt, end - start), lo / SAMPLE_RATE, words, [])
        return words
    return decode


def clip_decoder(audio, choice: ModelChoice, beam_size: int = BEAM_SIZE) -> Decode:
    """faster-whisper's Decode, for dropped speech and filled pauses."""
    def segments_of(clip, prompt: str | None, seconds: float):
        segments, _info = model_for(choice).transcribe(clip, **decoding(beam_size, prompt, condition=False),
                                                       max_new_tokens=_max_tokens(seconds))
        return segments
    return _clip_decoder(audio, segments_of)


# A recording longer than this shows how far its transcription has got (a fraction, 0-1).
SHOW_PROGRESS_AFTER_S = 30.0


def transcribe_audio(audio, choice: ModelChoice, beam_size: int = BEAM_SIZE,
                     on_progress: Callable[[float], None] | None = None,
                     asked: str | None = None) -> tuple[list[Word], dict]:
    """Plain decoding of a whole recording, in windows of at most WINDOW_S; `on_progress`
    hears the share of the audio decoded so far (recordings over SHOW_PROGRESS_AFTER_S).
    `asked`: the question it answers, when known (see decoded_with_question)."""
    return decoded_with_question(lambda prompt: _decoded(audio, choice, beam_size, on_progress, prompt), asked)


# The second decoding must hear about the same words as the first: it is asked for its
# punctuation, not for a different transcript.
SAME_WORDS_WITHIN = 0.15


def decoded_with_question(decode: Callable[[str | None], tuple[list[Word], dict]],
                          asked: str | None) -> tuple[list[Word], dict]:
    """`decode(prompt)` without a prompt; when that comes back without punctuation and the
    question is known, again with the question as the prompt. Whisper reads its prompt as
    what was said before, and a question written with its punctuation makes the answer
    punctuated too. The second decoding is kept only when it came back punctuated and
    with about as many words (a prompt can make Whisper loop or drop a stretch).

    Only then: on a whole 2-minute recording of speech that does not follow from the
    question, the prompt made tiny.en loop ("Bye. Bye. Bye...") and raised the real phone
    prompts' WER from 5.2% to 7.3% (python -m benchmarks.transcripts --asked question,
    with every file prompted). Practice's chunks are not prompted with it: it lowered
    their WER (samples 4.7% to 4.3%) but ran a Task into the next sentence of
    no-result-q13, which was then told its Task is missing."""
    words, settings = decode(None)
    if not asked or not unpunctuated(words):
        return words, settings
    again, again_settings = decode(asked)
    if again and not unpunctuated(again) and abs(len(again) - len(words)) <= SAME_WORDS_WITHIN * len(words):
        again_settings["punctuated_again"] = True
        return again, again_settings
    settings["punctuated_again"] = False
    return words, settings


def _decoded(audio, choice: ModelChoice, beam_size: int, on_progress, prompt: str | None) -> tuple[list[Word], dict]:
    model = model_for(choice)
    words: list[Word] = []
    logprobs: list[tuple[float, int]] = []
    cuts = _cut_points(audio)
    seconds = len(audio) / SAMPLE_RATE
    heard_up_to = None
    if on_progress is not None and seconds > SHOW_PROGRESS_AFTER_S:
        heard_up_to = lambda at: on_progress(min(1.0, at / seconds))  # noqa: E731
    for lo, hi in zip(cuts, cuts[1:]):
        segments, _info = model.transcribe(audio[lo:hi], **decoding(beam_size, prompt))
        _gather(segments, lo / SAMPLE_RATE, words, logprobs, heard_up_to)
    return words, transcription_settings(beam_size, prompt, logprobs, windows=len(cuts) - 1)


def transcribe_chunk(audio, choice: ModelChoice, beam_size: int = BEAM_SIZE,
                     initial_prompt: str | None = None) -> tuple[list[Word], dict]:
    """A piece of under 30 s (incremental transcription), decoded in one pass.

    `transcribe_audio` would often encode a short piece twice: after the first pass it
    moves to the last word's end and runs the encoder again on the remaining fraction of
    a second, doubling the cost (0.5 s per pass for tiny.en on 2 cores). The batched
    pipeline encodes and decodes the piece once.
    """
    from faster_whisper import BatchedInferencePipeline

    segments, _info = BatchedInferencePipeline(model_for(choice)).transcribe(
        audio, language="en", beam_size=beam_size, word_timestamps=True, initial_prompt=initial_prompt,
        temperature=TEMPERATURE, batch_size=1, without_timestamps=True,
    )
    words: list[Word] = []
    logprobs: list[tuple[float, int]] = []
    _gather(segments, 0.0, words, logprobs)
    return words, transcription_settings(beam_size, initial_prompt, logprobs)


def transcribe_file(path: Path, model_name: str | None = None, engine: str = ENGINE,
                    on_progress: Callable[[float], None] | None = None,
                    min_words: int = MIN_ANSWER_WORDS, asked: str | None = None) -> tuple[Transcript, dict[str, float]]:
    """Transcribe an audio file; also return how long each stage took. `on_progress`
    hears how far the decoding has got (faster-whisper, recordings over 30 s); fewer
    than `min_words` words is no answer (a follow-up's "Thirty percent." is one);
    `asked` is the question it answers, when known (see decoded_with_question)."""
    if engine not in ENGINES:
        raise ModelError(f"unknown engine {engine!r}; use one of: {', '.join(ENGINES)}")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if engine == ENGINE:
        choice = resolve(model_name)
        model_label, load = choice.name, (lambda: model_for(choice))
        run, decoder = (lambda a: transcribe_audio(a, choice, on_progress=on_progress, asked=asked)), (lambda a: clip_decoder(a, choice))
    else:
        from rehearse.transcription import openai_engine

        model_label, target = openai_engine.checkpoint_for(model_name)
        load = lambda: openai_engine.load(target)  # noqa: E731
        run, decoder = (lambda a: transcribe_with_openai(a, target, asked=asked)), (lambda a: openai_clip_decoder(a, target))
    audio = load_audio(path)
    timings["decode_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    load()
    timings["model_load_s"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    words, settings = run(audio)
    transcript = finish_transcript(audio, words, settings, model_label, path, engine,
                                   speech=Speech.of(audio), decode=decoder(audio), min_words=min_words)
    timings["transcribe_s"] = time.perf_counter() - t2
    return transcript, timings


def transcribe_with_openai(audio, target: str, beam_size: int = BEAM_SIZE,
                           asked: str | None = None) -> tuple[list[Word], dict]:
    """The same words and settings as transcribe_audio(), from openai-whisper (float32 on the CPU)."""
    from rehearse.transcription import openai_engine

    def decode(prompt: str | None) -> tuple[list[Word], dict]:
        words: list[Word] = []
        logprobs: list[tuple[float, int]] = []
        _gather(openai_engine.transcribe(audio, target, beam_size, prompt), 0.0, words, logprobs)
        return words, transcription_settings(beam_size, prompt, logprobs, compute_type="float32")

    return decoded_with_question(decode, asked)


def openai_clip_decoder(audio, target: str, beam_size: int = BEAM_SIZE) -> Decode:
    """openai-whisper's Decode, for dropped speech and filled pauses."""
    from rehearse.transcription import openai_engine

    return _clip_decoder(audio, lambda clip, prompt, _seconds: openai_engine.transcribe(
        clip, target, beam_size, prompt, condition=False))


def finish_transcript(audio, words: list[Word], settings: dict, model_label: str, path: Path,
                      engine: str = ENGINE, *, speech: Speech, decode: Decode, find_fillers: bool = True,
                      min_words: int = MIN_ANSWER_WORDS) -> Transcript:
    """From Whisper's words to the transcript the analysis reads: checked against the audio
    (transcription.repair), and refused when it is not usable English speech. Shared by
    whole-file and incremental transcription; `find_fillers=False` when the filled pauses
    were already looked for, piece by piece."""
    duration = len(audio) / SAMPLE_RATE
    if not words:
        # Said as a file read from disk is: too short is a take stopped too soon, and silence
        # is the microphone's fault, not the speaker's English. (Nor is noise: "answer in
        # English" told a tryout who had, in her second language, that her English was at fault.)
        refuse_unusable(path, audio)
        raise NoSpeechError(f"no English speech found in {path}; speak close to the microphone, in a quiet room, and record again")
    if settings.get("avg_logprob", 0.0) < MIN_AVG_LOGPROB:
        raise NoSpeechError(
            f"the speech in {path} could not be transcribed reliably; record it again clearly, close to the "
            "microphone, in a quiet room (rehearse coaches answers in English)"
        )
    repaired = repair(words, speech, decode, duration, find_fillers=find_fillers)
    if not repaired.words:
        raise NoSpeechError(f"no English speech found in {path}; speak close to the microphone, in a quiet room, and record again")
    spoken = real_words(repaired.words)
    if not spoken:
        raise NoSpeechError(f"no English speech found in {path}; speak close to the microphone, in a quiet room, and record again")
    if len(spoken) < min_words:
        raise NoSpeechError(f"heard only {len(spoken)} word{'s' if len(spoken) != 1 else ''} (\"{' '.join(spoken)}\") in "
                            f"{duration:.0f} s of {path}; speak close to the microphone, in a quiet room, and record again")
    voiced = voiced_spans(audio)
    # A filled pause needs sound under it; this also places each on its sound.
    words, filled_pauses = heard_filled_pauses(list(repaired.words), voiced, duration)
    settings = {**settings, "checked_against_audio": {
        "removed": len(repaired.removed), "decoded_again": repaired.redecoded, "filler_windows": repaired.filler_windows}}
    return Transcript(
        words=tuple(words),
        kind="audio",
        engine=engine,
        model=model_label,
        audio_duration_s=round(duration, 2),
        voiced=voiced,
        filled_pauses=filled_pauses,
        settings=settings,
        untranscribed=repaired.untranscribed,
        removed=repaired.removed,
        audio_quality=measure(audio, speech.probs, WINDOW),
    )
