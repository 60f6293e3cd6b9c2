"""Transcription while the answer is being spoken, so the report follows the stop at once.

The recorder hands every block it writes to `feed()`. Audio is cut into chunks at pauses
(at least MIN_CHUNK_S long, a silence of PAUSE_S or more; or at the quietest moment once a
chunk reaches MAX_CHUNK_S), and one background thread transcribes each finished chunk
while the person keeps talking: one thread, because a model must be used from one thread
at a time. At the stop, only the audio since the last cut is left to transcribe.
Word times are shifted onto the whole answer's clock.
"""

from __future__ import annotations

import queue
import threading
import time

from rehearse.audiofile import SAMPLE_RATE, SILENCE_RMS
from rehearse.models import ModelChoice
from rehearse.transcript import Word

MIN_CHUNK_S = 4.0
MAX_CHUNK_S = 25.0
PAUSE_S = 0.4
# A block is silent below this share of the loudest block so far (about -20 dB).
SILENT_SHARE = 0.1
_DONE = object()


class IncrementalTranscriber:
    def __init__(self, choice: ModelChoice):
        import numpy as np

        self._np = np
        self.choice = choice
        self._blocks: list = []  # audio since the last cut
        self._pending = 0  # samples in _blocks
        self._cut_at = 0  # samples before _blocks, on the whole answer's clock
        self._silent = 0  # samples of silence at the end of _blocks
        self._loudest = 0.0
        self._all: list = []  # the whole answer, for the voiced spans at the end
        self._jobs: queue.Queue = queue.Queue()
        self._words: list[Word] = []
        self._logprobs: list[tuple[float, int]] = []
        self._error: BaseException | None = None
        self.chunks = 0
        self.busy_s = 0.0  # time the worker spent transcribing
        self._worker = threading.Thread(target=self._work, name="transcriber", daemon=True)
        self._worker.start()

    # -- the recorder's side -------------------------------------------------------------

    def feed(self, block) -> None:
        """One block of 16 kHz mono audio, as written to the recording."""
        np = self._np
        samples = np.asarray(block, dtype=np.float32).reshape(-1)
        self._blocks.append(samples)
        self._all.append(samples)
        self._pending += len(samples)
        rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
        self._loudest = max(self._loudest, rms)
        quiet = rms < max(SILENCE_RMS, SILENT_SHARE * self._loudest)
        self._silent = self._silent + len(samples) if quiet else 0
        seconds = self._pending / SAMPLE_RATE
        if seconds >= MIN_CHUNK_S and self._silent >= PAUSE_S * SAMPLE_RATE:
            self._cut(self._pending - self._silent // 2)  # in the middle of the pause
        elif seconds >= MAX_CHUNK_S:
            self._cut(self._quietest_point())

    def _quietest_point(self) -> int:
        np = self._np
        audio = np.concatenate(self._blocks)
        frame = SAMPLE_RATE // 50
        lo = len(audio) // 2  # only in the second half, so chunks stay long enough
        region = audio[lo:len(audio) // frame * frame]
        usable = len(region) // frame * frame
        energy = (region[:usable].reshape(-1, frame) ** 2).mean(axis=1)
        return lo + int(np.argmin(energy)) * frame

    def _cut(self, at: int) -> None:
        np = self._np
        audio = np.concatenate(self._blocks)
        self._jobs.put((audio[:at], self._cut_at))
        self.chunks += 1
        rest = audio[at:]
        self._blocks = [rest]
        self._pending = len(rest)
        self._cut_at += at
        self._silent = min(self._silent, len(rest))

    def finish(self) -> tuple[list[Word], dict, object]:
        """Transcribe what is left, wait for the worker; the words, the settings and the
        whole answer's audio."""
        np = self._np
        if self._pending:
            self._jobs.put((np.concatenate(self._blocks), self._cut_at))
            self.chunks += 1
        self._jobs.put(_DONE)
        self._worker.join()
        if self._error is not None:
            raise self._error
        audio = np.concatenate(self._all) if self._all else np.zeros(0, np.float32)
        from rehearse.transcribe import BEAM_SIZE, COMPUTE_TYPE

        settings = {"compute_type": COMPUTE_TYPE, "beam_size": BEAM_SIZE, "language": "en", "word_timestamps": True,
                    "initial_prompt": "disfluent", "incremental": True, "chunks": self.chunks}
        total = sum(n for _, n in self._logprobs)
        if total:
            settings["avg_logprob"] = round(sum(lp * n for lp, n in self._logprobs) / total, 3)
        return self._words, settings, audio

    def cancel(self) -> None:
        self._jobs.put(_DONE)

    # -- the worker's side ---------------------------------------------------------------

    def _work(self) -> None:
        from rehearse.transcribe import model_for, transcribe_audio

        try:
            model_for(self.choice)  # load while the person starts talking
        except BaseException as exc:  # reported by finish()
            self._error = exc
            return
        while True:
            job = self._jobs.get()
            if job is _DONE:
                return
            audio, offset = job
            if len(audio) < SAMPLE_RATE // 10:
                continue
            started = time.perf_counter()
            try:
                words, settings = transcribe_audio(audio, self.choice)
            except BaseException as exc:
                self._error = exc
                return
            self.busy_s += time.perf_counter() - started
            shift = offset / SAMPLE_RATE
            self._words.extend(Word(w.text, round(w.start + shift, 3), round(w.end + shift, 3)) for w in words)
            if "avg_logprob" in settings:
                self._logprobs.append((settings["avg_logprob"], len(words)))
