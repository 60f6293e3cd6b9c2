"""Word error rate of incremental transcription (chunks cut at pauses, as in `practice`)
against transcribing each whole file, over the four shipped samples, tiny.en.

Usage: python -m eval.incremental_wer

The one harness for this comparison: tests/test_incremental.py holds the same figures to
the issue's target (chunks within 1 point of the whole files).

The chunks depend only on the audio, not on how fast it arrives, so the samples are fed
as fast as the transcriber takes them; the result is the one a real-speed take gets.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from eval.wer import wer, words_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
NAMES = ("strong-q4", "no-numbers-q7", "no-result-q13", "we-heavy-q20")


def feed_as_recorded(audio, choice=None, *, wait_idle_at: frozenset[int] | set[int] = frozenset()):
    """An IncrementalTranscriber fed `audio` in the recorder's 0.1 s blocks, as fast as it
    takes them (`wait_idle_at`: block numbers before which the worker may catch up)."""
    from rehearse.audio.recorder import BLOCK_S
    from rehearse.audio.signal import SAMPLE_RATE
    from rehearse.transcription.incremental import IncrementalTranscriber
    from rehearse.transcription.models import resolve

    block = int(SAMPLE_RATE * BLOCK_S)  # what the recorder hands over
    transcriber = IncrementalTranscriber(choice or resolve(None))
    for n, start in enumerate(range(0, len(audio), block)):
        if n in wait_idle_at:
            transcriber._idle.wait(60)
        transcriber.feed(audio[start:start + block])
    return transcriber


@dataclass
class Compared:
    """One sample transcribed both ways."""

    name: str
    reference: str
    whole: str  # the whole file's transcript
    chunks: str  # the incremental transcript
    chunk_words: list  # its Words, on the answer's clock
    transcriber: object  # the finished IncrementalTranscriber (cuts, settings)
    audio: object

    @property
    def words(self) -> int:
        return len(words_of(self.reference))


def compare(name: str, whole_text: str | None = None) -> Compared:
    """Transcribe a sample in chunks, and as a whole file unless `whole_text` is given."""
    from rehearse.audio.files import load_audio
    from rehearse.transcription.models import resolve
    from rehearse.transcription.transcribe import transcribe_audio

    path = SAMPLES / f"{name}.flac"
    audio = load_audio(path)
    if whole_text is None:
        # Decoded as the chunks are, without the question (analyze -q decodes an answer
        # that came back unpunctuated a second time, with it: transcribe.decoded_with_question).
        whole_text = " ".join(w.text for w in transcribe_audio(audio, resolve(None))[0])
    transcriber = feed_as_recorded(audio)
    words, _settings, _audio = transcriber.finish()
    return Compared(name, path.with_suffix(".txt").read_text(encoding="utf-8"), whole_text,
                    " ".join(w.text for w in words), words, transcriber, audio)


def pooled(results: list[Compared]) -> tuple[float, float]:
    """(whole-file WER, chunked WER) over all samples, weighted by their words."""
    total = sum(r.words for r in results)
    whole = sum(wer(r.reference, r.whole) * r.words for r in results) / total
    chunks = sum(wer(r.reference, r.chunks) * r.words for r in results) / total
    return whole, chunks


def main() -> int:
    results = []
    print(f"{'sample':<16} {'whole file':>10} {'chunks':>8} {'cuts':>5}")
    for name in NAMES:
        r = compare(name)
        results.append(r)
        print(f"{name:<16} {wer(r.reference, r.whole):>10.1%} {wer(r.reference, r.chunks):>8.1%} {len(r.transcriber.cuts):>5}")
    whole, chunks = pooled(results)
    print(f"{'all (' + str(sum(r.words for r in results)) + ' words)':<16} {whole:>10.1%} {chunks:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
