"""Score ways of finding filled pauses ("um", "uh") against audio where we know where they are.

Usage: python -m eval.fillers_eval [--base]

Sets: eval/delivery/d01-d03 (dev: looked at while choosing), d04-d05 (held out: written
and generated before any method was chosen). Each filled pause was spliced in by
scripts/make_delivery_audio.py, so its time is exact. A found filler is right when it
starts within 0.5 s of a true one (each true one matched once).

Methods:
  plain   the default transcription; fillers are the words Whisper writes as um/uh
  prompt  the same with a disfluent initial_prompt, which makes Whisper keep fillers
  gap     plain, plus voiced sound inside a gap between transcribed words (>= 0.25 s
          voiced in a gap of >= 0.35 s) counted as a filled pause
  placed  prompt, then each filler placed on the voiced sound between its neighbours and
          dropped when there is none (rehearse.analysis.delivery.place_filled_pauses):
          what rehearse does

Also: how the prompt changes the word error rate and false fillers on the four fluent
samples (samples/*.flac, which contain no filled pauses).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

from rehearse.analysis.delivery import place_filled_pauses
from rehearse.analysis.fillers import FILLED_PAUSES
from rehearse.audio.files import load_audio
from rehearse.audio.signal import SAMPLE_RATE, voiced_spans
from rehearse.transcription.models import resolve
from rehearse.transcription.transcribe import DISFLUENT_PROMPT, transcribe_audio

DELIVERY = ROOT / "eval" / "delivery"
# d04-d05 were held out until the first run; their errors shaped "placed", so they are dev
# data now. d06-d07 were generated before "placed" existed.
SETS = {"dev": ["d01-q4", "d02-q13", "d03-q20", "d04-q1", "d05-q9"], "heldout": ["d06-q2", "d07-q16"]}
MATCH_S = 0.5
GAP_MIN_S = 0.35
VOICED_MIN_S = 0.25
FRAME_S = 0.02


def is_filled_pause(text: str) -> bool:
    return text.lower().strip(",.!?;:-") in FILLED_PAUSES


def voiced_in_gaps(words, audio) -> list[float]:
    """Start times of voiced stretches inside gaps between words (the 'gap' method)."""
    frame = int(FRAME_S * SAMPLE_RATE)
    usable = len(audio) // frame * frame
    rms = np.sqrt(np.mean(audio[:usable].reshape(-1, frame) ** 2, axis=1))
    inside = [rms[int(w.start / FRAME_S): int(w.end / FRAME_S) + 1] for w in words]
    speech_level = float(np.median(np.concatenate(inside))) if inside else 0.0
    threshold = 0.25 * speech_level
    found = []
    for a, b in zip(words, words[1:]):
        if b.start - a.end < GAP_MIN_S:
            continue
        lo, hi = int(a.end / FRAME_S), int(b.start / FRAME_S)
        run = best = 0
        best_start = start = lo
        for i in range(lo, hi):
            if rms[i] > threshold:
                if run == 0:
                    start = i
                run += 1
                if run > best:
                    best, best_start = run, start
            else:
                run = 0
        if best * FRAME_S >= VOICED_MIN_S:
            found.append(best_start * FRAME_S)
    return found


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
    from eval.wer import wer

    models = ["tiny.en"] + (["base"] if args.base else [])
    for model in models:
        choice = resolve(model)
        for set_name, names in SETS.items():
            totals = {m: [0, 0, 0] for m in ("plain", "prompt", "gap", "placed")}
            for name in names:
                audio = load_audio(DELIVERY / f"{name}.flac")
                truth = [f["start"] for f in json.loads((DELIVERY / f"{name}.json").read_text())["filled_pauses"]]
                plain, _ = transcribe_audio(audio, choice, initial_prompt=None)
                prompted, _ = transcribe_audio(audio, choice, initial_prompt=DISFLUENT_PROMPT)
                found = {
                    "plain": [w.start for w in plain if is_filled_pause(w.text)],
                    "prompt": [w.start for w in prompted if is_filled_pause(w.text)],
                }
                found["gap"] = sorted(found["plain"] + voiced_in_gaps(plain, audio))
                placed = place_filled_pauses(prompted, voiced_spans(audio), len(audio) / SAMPLE_RATE)
                found["placed"] = [f.start for f in placed]
                for method, times in found.items():
                    for i, n in enumerate(score(times, truth)):
                        totals[method][i] += n
            fillers = sum(len(json.loads((DELIVERY / f"{n}.json").read_text())["filled_pauses"]) for n in names)
            print(f"{model} {set_name} ({len(names)} answers, {fillers} filled pauses)")
            for method, (tp, fp, fn) in totals.items():
                print(f"  {method:<7} {pr(tp, fp, fn)}")
        plain_wer, prompt_wer, false_fillers, words = [], [], 0, 0
        for flac in sorted((ROOT / "samples").glob("*.flac")):
            audio = load_audio(flac)
            reference = flac.with_suffix(".txt").read_text()
            plain, _ = transcribe_audio(audio, choice, initial_prompt=None)
            prompted, _ = transcribe_audio(audio, choice, initial_prompt=DISFLUENT_PROMPT)
            plain_wer.append(wer(reference, " ".join(w.text for w in plain)))
            prompt_wer.append(wer(reference, " ".join(w.text for w in prompted if not is_filled_pause(w.text))))
            false_fillers += sum(is_filled_pause(w.text) for w in prompted)
            words += len(prompted)
        print(f"{model} fluent samples (4 answers, {words} words, no filled pauses): WER plain {np.mean(plain_wer):.1%}, "
              f"with the prompt {np.mean(prompt_wer):.1%}; fillers the prompt invented: {false_fillers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
