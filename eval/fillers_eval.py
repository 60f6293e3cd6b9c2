"""Score ways of finding filled pauses ("um", "uh") against audio where we know where they are.

Usage: python -m eval.fillers_eval [--base]

Answers: eval/delivery/d01-d07 (piper speech; each filled pause was spliced in by
scripts/make_delivery_audio.py, so its time is exact). A found filler is right when it
starts within 0.5 s of a true one (each true one matched once).

Methods:
  plain     the plain decoding; fillers are the words Whisper writes as um/uh
  prompt    the whole answer decoded with the disfluent prompt (what rehearse did before
            issue 12: it keeps fillers but deletes words of fluent speech)
  rehearse  what rehearse does (transcription.repair.find_filled_pauses, then
            analysis.delivery.heard_filled_pauses): plain words, and the prompted
            decoding only where the plain words show a sign of a hidden filler

Real spontaneous speech is scored by benchmarks/transcripts.py (monologues).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

from rehearse.audio.files import load_audio
from rehearse.audio.signal import SAMPLE_RATE
from rehearse.transcription.models import resolve
from rehearse.transcription.repair import DISFLUENT_PROMPT, is_filled_pause
from rehearse.transcription.transcribe import clip_decoder, transcribe_audio, transcribe_file

DELIVERY = ROOT / "eval" / "delivery"
NAMES = ["d01-q4", "d02-q13", "d03-q20", "d04-q1", "d05-q9", "d06-q2", "d07-q16"]
MATCH_S = 0.5


def score(found: list[float], truth: list[float]) -> tuple[int, int, int]:
    unmatched = list(truth)
    tp = 0
    for t in found:
        near = [u for u in unmatched if abs(u - t) <= MATCH_S]
        if near:
            unmatched.remove(min(near, key=lambda u: abs(u - t)))
            tp += 1
    return tp, len(found) - tp, len(unmatched)


def pr(tp: int, fp: int, fn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"recall {recall:6.1%}  precision {precision:6.1%}  (tp {tp}, fp {fp}, fn {fn})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", action="store_true", help="also score the base model")
    args = parser.parse_args()
    for model in ["tiny.en"] + (["base"] if args.base else []):
        choice = resolve(model)
        totals = {m: [0, 0, 0] for m in ("plain", "prompt", "rehearse")}
        for name in NAMES:
            path = DELIVERY / f"{name}.flac"
            audio = load_audio(path)
            truth = [f["start"] for f in json.loads((DELIVERY / f"{name}.json").read_text())["filled_pauses"]]
            plain, _ = transcribe_audio(audio, choice)
            decode, duration = clip_decoder(audio, choice), len(audio) / SAMPLE_RATE
            prompted = [w for lo in np.arange(0, duration, 30.0) for w in decode(lo, min(duration, lo + 30.0), DISFLUENT_PROMPT)]
            transcript, _ = transcribe_file(path, model)
            found = {
                "plain": [w.start for w in plain if is_filled_pause(w)],
                "prompt": [w.start for w in prompted if is_filled_pause(w)],
                "rehearse": [f.start for f in transcript.filled_pauses],
            }
            for method, times in found.items():
                for i, n in enumerate(score(times, truth)):
                    totals[method][i] += n
        print(f"{model}: {len(NAMES)} answers")
        for method, (tp, fp, fn) in totals.items():
            print(f"  {method:<9} {pr(tp, fp, fn)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
