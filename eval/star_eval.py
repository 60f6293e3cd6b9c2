"""Score STAR labeling against labeled answers.

Usage: python -m eval.star_eval [--verbose] [--guide PATH]

Prints, per set (the guide's 25 report-style answers, the spoken-style answers used for
tuning, and the held-out spoken-style answers never used for tuning): word-level label
accuracy, the share of answers whose `star.missing` is exactly right, and the time to
label a 3-minute answer.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.star import STAR, label_sentences
from rehearse.analysis.transcript import from_text

LETTERS = {"S": "situation", "T": "task", "A": "action", "R": "result", "O": "other"}
DEFAULT_GUIDE = ROOT.parent / "shared" / "data" / "guide-answers.json"


@dataclass
class Answer:
    id: str
    set: str
    lines: list[tuple[str, str]]  # (label, text)


def load_spoken(path: Path = ROOT / "eval" / "spoken_answers.txt") -> list[Answer]:
    answers: list[Answer] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            ident, _question, set_name, *_ = line[3:].split()
            answers.append(Answer(ident, f"spoken-{set_name}", []))
        elif line and not line.startswith("#"):
            letter, text = line.split(":", 1)
            answers[-1].lines.append((LETTERS[letter.strip()], text.strip()))
    return answers


def load_guide(path: Path) -> list[Answer]:
    answers = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        lines = [(s["label"], text) for s in item["sections"] for text in s["lines"]]
        answers.append(Answer(item["id"], "guide", lines))
    return answers


def score_answer(answer: Answer) -> tuple[int, int, bool, list[tuple[str, str, str, tuple]]]:
    gold_words: list[str] = []
    for label, text in answer.lines:
        gold_words += [label] * len(from_text(text).words)
    transcript = from_text("\n".join(text for _, text in answer.lines))
    assert len(transcript.words) == len(gold_words), answer.id
    sentences = split_sentences(transcript.words)
    labels = label_sentences(sentences)
    predicted_words = [lab.label for s, lab in zip(sentences, labels) for _ in s.words]
    correct = sum(g == p for g, p in zip(gold_words, predicted_words))
    gold_missing = [s for s in STAR if s not in gold_words]
    predicted_missing = [s for s in STAR if s not in predicted_words]
    details, offset = [], 0
    for s, lab in zip(sentences, labels):
        gold = max(set(gold_words[offset:offset + len(s.words)]), key=gold_words[offset:offset + len(s.words)].count)
        details.append((gold, lab.label, s.text, lab.cues))
        offset += len(s.words)
    return correct, len(gold_words), gold_missing == predicted_missing, details


def three_minute_answer(answers: list[Answer]) -> str:
    """About 450 words (3 minutes at 150 words a minute) of real answer text."""
    words: list[str] = []
    for a in answers:
        for _, text in a.lines:
            words += text.split()
        if len(words) >= 450:
            break
    return " ".join(words[:450])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every sentence that was labeled wrong")
    parser.add_argument("--guide", type=Path, default=DEFAULT_GUIDE)
    args = parser.parse_args()

    answers = load_guide(args.guide) if args.guide.exists() else []
    answers += load_spoken()
    sets: dict[str, list] = {}
    for answer in answers:
        correct, total, missing_ok, details = score_answer(answer)
        sets.setdefault(answer.set, []).append((correct, total, missing_ok))
        if args.verbose and (not missing_ok or correct < total):
            print(f"-- {answer.id} ({answer.set}) {correct}/{total} words, missing {'ok' if missing_ok else 'WRONG'}")
            for gold, predicted, text, cues in details:
                if gold != predicted:
                    print(f"   {gold[:3]} -> {predicted[:3]} {text[:90]!r} {cues}")

    print(f"{'set':<16} {'answers':>7} {'word accuracy':>14} {'missing exact':>14}")
    for name in ("guide", "spoken-dev", "spoken-heldout"):
        rows = sets.get(name)
        if not rows:
            continue
        accuracy = sum(r[0] for r in rows) / sum(r[1] for r in rows)
        exact = sum(r[2] for r in rows) / len(rows)
        print(f"{name:<16} {len(rows):>7} {accuracy:>13.1%} {exact:>13.1%}")

    text = three_minute_answer(answers)
    print(f"labeling a 3-minute answer ({len(text.split())} words): median {labeling_ms(text):.1f} ms")
    return 0


def labeling_ms(text: str, runs: int = 20) -> float:
    """Median time to split and label `text`, in milliseconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        label_sentences(split_sentences(from_text(text).words))
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    sys.exit(main())
