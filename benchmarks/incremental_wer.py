"""Word error rate of incremental transcription (chunks cut at pauses, as in `practice`)
against transcribing each whole file, over the four shipped samples, tiny.en.

Usage: python benchmarks/incremental_wer.py

The chunks depend only on the audio, not on how fast it arrives, so the samples are fed
as fast as the transcriber takes them; the result is the one a real-speed take gets.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from wer import wer, words_of  # noqa: E402

NAMES = ("strong-q4", "no-numbers-q7", "no-result-q13", "we-heavy-q20")


def main() -> int:
    from rehearse.audio.files import SAMPLE_RATE, load_audio
    from rehearse.transcription.incremental import IncrementalTranscriber
    from rehearse.transcription.models import resolve
    from rehearse.transcription.transcribe import transcribe_audio

    choice = resolve("tiny.en")
    totals = {"whole": 0.0, "chunks": 0.0}
    words_total = 0
    print(f"{'sample':<16} {'whole file':>10} {'chunks':>8} {'cuts':>5}")
    for name in NAMES:
        path = ROOT / "samples" / f"{name}.flac"
        audio = load_audio(path)
        reference = path.with_suffix(".txt").read_text(encoding="utf-8")
        whole, _ = transcribe_audio(audio, choice)
        transcriber = IncrementalTranscriber(choice)
        for start in range(0, len(audio), SAMPLE_RATE // 10):
            transcriber.feed(audio[start:start + SAMPLE_RATE // 10])
        chunked, _, _ = transcriber.finish()
        n = len(words_of(reference))
        rates = {"whole": wer(reference, " ".join(w.text for w in whole)),
                 "chunks": wer(reference, " ".join(w.text for w in chunked))}
        for key in totals:
            totals[key] += rates[key] * n
        words_total += n
        print(f"{name:<16} {rates['whole']:>10.1%} {rates['chunks']:>8.1%} {len(transcriber.cuts):>5}")
    print(f"{'all (' + str(words_total) + ' words)':<16} {totals['whole'] / words_total:>10.1%} {totals['chunks'] / words_total:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
