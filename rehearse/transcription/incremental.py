"""Transcription while the answer is being spoken, so the report follows the stop at once.

The recorder hands every block it writes to `feed()`. One background thread transcribes
while the person keeps talking (one thread, because a model is used from one thread at a
time; CTranslate2 releases the GIL, so the recorder is not held up).

- Chunks: the audio is cut at pauses, once a chunk is CHUNK_S long (or at its quietest
  moment once it reaches MAX_CHUNK_S). Each chunk is transcribed with the last words
  before it as context, so accuracy stays close to transcribing the whole file: Whisper
  alone on a few seconds, without context, makes twice the errors.
- The tail: at every pause, an idle worker also transcribes the audio since the last cut,
  provisionally. People stop talking before they press Enter, so at the stop this
  provisional transcript usually already covers everything said, and only analysis is
  left. If the person spoke again after it, it is dropped and the tail is transcribed
  after the stop, as a last chunk.

Word times are shifted onto the whole answer's clock. A device that records at another
rate (44.1 or 48 kHz) has its blocks resampled to 16 kHz as they come (audio.signal.
ToSampleRate): transcribed after the stop instead, the strong sample at 44.1 kHz had its
feedback 7.2 s after the stop, not 0.5 s.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass

import numpy as np

from rehearse.analysis.transcript import Transcript, Word
from rehearse.audio.signal import SAMPLE_RATE, SILENCE_RMS, ToSampleRate, frame_rms
from rehearse.transcription.models import ModelChoice
from rehearse.transcription.repair import find_filled_pauses
from rehearse.transcription.speech import WINDOW, Speech, gain_for, probabilities
from rehearse.transcription.transcribe import (
    BEAM_SIZE,
    clip_decoder,
    finish_transcript,
    model_for,
    transcribe_chunk,
    transcription_settings,
)

# Shorter chunks make more errors. While tuning, on the four samples (whole files: 4.7%):
# 4 s chunks 7.0%, 6 s 5.6%, without context 9.0%. What ships (8 s) is measured by
# eval/incremental_wer.py: 5.1%.
CHUNK_S = 8.0
MAX_CHUNK_S = 25.0
PAUSE_S = 0.4  # a silence this long is a place to cut
TAIL_PAUSE_S = 0.3  # a silence this long may be the end of the answer
MIN_TAIL_S = 0.5
CONTEXT_WORDS = 40
# A block is silent when none of its 20 ms frames reaches this share of the loudest
# frame so far (-26 dB), close to voiced_spans()'s rule.
SILENT_SHARE = 0.05
# How long a cancel waits for the chunk being decoded (a 25 s chunk takes about 2.5 s).
CANCEL_WAIT_S = 15.0


@dataclass
class _Job:
    audio: object
    offset: int  # samples before it on the whole answer's clock
    final: bool  # a chunk (kept) or the tail (provisional)
    end: int = 0  # for the tail: where the audio it covers ends


@dataclass
class _Tail:
    end: int
    words: list[Word]
    logprob: tuple[float, int] | None


class IncrementalTranscriber:
    def __init__(self, choice: ModelChoice, beam_size: int | None = None, rate: int = SAMPLE_RATE):
        self.choice = choice
        self.beam_size = beam_size or BEAM_SIZE
        # The recorder's rate: blocks at any other are resampled to 16 kHz on arrival.
        self._to_16k = None if rate == SAMPLE_RATE else ToSampleRate(rate)
        self._blocks: list = []  # audio since the last cut
        self._pending = 0  # samples in _blocks
        self._cut_at = 0  # samples before _blocks
        self._silent = 0  # samples of silence at the end of _blocks
        self._loudest = 0.0
        self._all: list = []  # the whole answer, for the voiced spans at the end
        # Speech probabilities (transcription.speech) of the answer so far, computed by the
        # worker as chunks arrive, so the stop does not wait for them.
        self._speech: list = []
        self._speech_samples = 0  # samples they cover: a multiple of speech.WINDOW
        self._jobs: queue.Queue = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._asked_tail_at: int | None = None  # the end of the last tail handed over
        self._tail: _Tail | None = None  # the latest provisional transcript of the tail
        self._words: list[Word] = []
        self._logprobs: list[tuple[float, int]] = []
        self._error: BaseException | None = None
        self.chunks = 0
        self.cuts: list[float] = []  # seconds on the answer's clock
        self.tails = 0
        self.tail_used = False
        self.busy_s = 0.0  # time the worker spent transcribing
        self._cancelled = False
        self._worker = threading.Thread(target=self._work, name="transcriber", daemon=True)
        self._worker.start()

    # -- the recorder's side -------------------------------------------------------------

    def feed(self, block) -> None:
        """One block of mono audio at the recorder's rate, as written to the recording."""
        samples = np.asarray(block, dtype=np.float32).reshape(-1)
        if len(samples) and self._to_16k is not None:  # (the resampler refuses an empty frame)
            samples = self._to_16k(samples)
        self._feed(samples)

    def _feed(self, samples) -> None:
        if not len(samples):
            return
        self._blocks.append(samples)
        self._all.append(samples)
        self._pending += len(samples)
        # Judged on 20 ms frames, as voiced_spans() does: a soft consonant inside a word
        # makes a quiet 100 ms block but not a quiet frame.
        rms = float(frame_rms(samples, 0.02).max()) if len(samples) >= SAMPLE_RATE // 50 else 0.0
        self._loudest = max(self._loudest, rms)
        quiet = rms < max(SILENCE_RMS, SILENT_SHARE * self._loudest)
        self._silent = self._silent + len(samples) if quiet else 0
        if not quiet:
            self._asked_tail_at = None  # the answer goes on: its tail so far is out of date
        seconds = self._pending / SAMPLE_RATE
        if seconds >= CHUNK_S and self._silent >= PAUSE_S * SAMPLE_RATE:
            self._cut(self._quietest_point(self._pending - self._silent))
        elif seconds >= MAX_CHUNK_S:
            self._cut(self._quietest_point(self._pending // 2))  # the second half keeps chunks long
        elif (seconds < CHUNK_S and self._silent >= TAIL_PAUSE_S * SAMPLE_RATE
              and self._pending - self._silent >= MIN_TAIL_S * SAMPLE_RATE
              and self._asked_tail_at is None and self._idle.is_set() and self._jobs.empty()):
            # A longer chunk is cut at this pause instead, which serves as well.
            self._ask_tail()

    def _audio_since_cut(self):
        if len(self._blocks) > 1:
            self._blocks = [np.concatenate(self._blocks)]
        return self._blocks[0]

    def _quietest_point(self, lo: int) -> int:
        # The quietest 20 ms after `lo`: in a pause, it lies clear of the fading end of the
        # word before, which the block-level silence test already counts as quiet.
        frame = SAMPLE_RATE // 50
        return lo + int(np.argmin(frame_rms(self._audio_since_cut()[lo:], frame / SAMPLE_RATE))) * frame

    def _cut(self, at: int) -> None:
        audio = self._audio_since_cut()
        self._jobs.put(_Job(audio[:at], self._cut_at, final=True))
        self.chunks += 1
        rest = audio[at:]
        self._blocks = [rest]
        self._pending = len(rest)
        self._cut_at += at
        self.cuts.append(self._cut_at / SAMPLE_RATE)
        self._silent = min(self._silent, len(rest))
        self._asked_tail_at = None

    def _ask_tail(self) -> None:
        end = self._cut_at + self._pending
        self._asked_tail_at = end
        self.tails += 1
        self._jobs.put(_Job(self._audio_since_cut().copy(), self._cut_at, final=False, end=end))

    def finish(self) -> tuple[list[Word], dict, object]:
        """Wait for the worker and transcribe what is left: the words, the settings and
        the whole answer's audio."""
        if self._to_16k is not None:
            self._feed(self._to_16k.flush())
            self._to_16k = None
        # Nothing is left when only silence came since the last cut, and the provisional
        # tail covers the rest when only silence came after it (the marker is reset by speech).
        left = self._pending > self._silent
        use_tail = left and self._asked_tail_at is not None
        if left and not use_tail:
            self._jobs.put(_Job(self._audio_since_cut(), self._cut_at, final=True))
            self.chunks += 1
        self._jobs.put(None)
        self._worker.join()
        if self._error is not None:
            raise self._error
        if use_tail:
            if self._tail is None or self._tail.end != self._asked_tail_at:
                raise RuntimeError("the provisional tail was not transcribed")  # cannot happen: the worker runs jobs in order
            self._keep(self._tail.words, self._tail.logprob)
            self.tail_used = True
            self.chunks += 1
        audio = self._audio()
        settings = transcription_settings(self.beam_size, "context", self._logprobs, incremental=True,
                                          chunks=self.chunks, tail_ready_at_stop=self.tail_used)
        return self._words, settings, audio

    def _audio(self):
        # A copy of the list: the recorder's thread may append while it is joined.
        blocks = list(self._all)
        return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)

    def _hear_speech(self, audio, upto: int, final: bool = False) -> Speech:
        """Speech probabilities of the answer up to sample `upto`: whole windows while it is
        recorded (a padded part-window would shift every later one off the clock), the rest
        at the stop."""
        end = len(audio) if final else min(upto, len(audio)) // WINDOW * WINDOW
        if end > self._speech_samples:
            # Raised by what the answer so far needs (speech.gain_for), as a whole file is.
            self._speech.append(probabilities(audio[self._speech_samples:end], gain_for(audio[:end])))
            self._speech_samples = end
        return Speech(np.concatenate(self._speech) if self._speech else np.zeros(0, np.float32))

    def transcript(self, path) -> tuple[Transcript, dict[str, float]]:
        """The answer's Transcript once the recording at `path` has stopped, through the same
        seam as a whole file (finish_transcript), and how long transcription took."""
        started = time.perf_counter()
        words, settings, audio = self.finish()
        transcript = finish_transcript(audio, words, settings, self.choice.name, path, speech=self._hear_speech(audio, len(audio), final=True),
                                       decode=clip_decoder(audio, self.choice, self.beam_size), find_fillers=False)
        timings = {"transcribe_after_stop_s": time.perf_counter() - started, "transcribe_while_recording_s": self.busy_s}
        return transcript, timings

    def cancel(self) -> None:
        """Stop the worker and wait for it: a thread still inside the decoder when Python
        exits ends the process with "terminate called" (exit 134), so an error while
        recording (a full disk) would become a native crash."""
        self._cancelled = True
        self._jobs.put(None)
        if self._worker.is_alive():
            self._worker.join(CANCEL_WAIT_S)

    # -- the worker's side ---------------------------------------------------------------

    def _keep(self, words: list[Word], logprob: tuple[float, int] | None) -> None:
        self._words.extend(words)
        if logprob is not None:
            self._logprobs.append(logprob)

    def _with_filled_pauses(self, words: list[Word], start: int, end: int) -> list[Word]:
        """A piece's words with the filled pauses in its gaps, looked for while the person
        talks (transcription.repair.find_filled_pauses), so the stop does not wait for them."""
        if not words:
            return words
        audio = self._audio()
        speech = self._hear_speech(audio, end)
        found, _windows = find_filled_pauses(words, speech, clip_decoder(audio, self.choice, self.beam_size),
                                             end / SAMPLE_RATE, start=start / SAMPLE_RATE)
        return found

    def _work(self) -> None:
        self._idle.clear()
        try:
            model_for(self.choice)  # load while the person starts talking
        except BaseException as exc:  # reported by finish()
            self._error = exc
            return
        while True:
            self._idle.set()
            job = self._jobs.get()
            self._idle.clear()
            if job is None or self._cancelled:
                return
            if len(job.audio) < SAMPLE_RATE // 10:
                continue  # too short to hold a word
            context = " ".join(w.text for w in self._words[-CONTEXT_WORDS:])
            started = time.perf_counter()
            try:
                words, settings = transcribe_chunk(job.audio, self.choice, beam_size=self.beam_size,
                                                   initial_prompt=context or None)
                shift = job.offset / SAMPLE_RATE
                words = [Word(w.text, round(w.start + shift, 3), round(w.end + shift, 3), w.probability) for w in words]
                words = self._with_filled_pauses(words, job.offset, job.offset + len(job.audio))
            except BaseException as exc:
                self._error = exc
                return
            self.busy_s += time.perf_counter() - started
            logprob = (settings["avg_logprob"], len(words)) if "avg_logprob" in settings else None
            if job.final:
                self._keep(words, logprob)
            else:
                self._tail = _Tail(job.end, words, logprob)
