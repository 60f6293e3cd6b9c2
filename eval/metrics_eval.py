"""Score metric detection against labeled sentences.

Usage: python -m eval.metrics_eval [--verbose]

Scores the tuning set (metric_sentences.txt) and the held-out sets in turn
(metric_sentences_heldout*.txt): each was written before a change to the detector and
scored once after it; the README says which have since been used to fix it.

Each labeled metric (an anchor text) must be found inside one detected metric; every
detected metric must cover a labeled one. Prints precision, recall and kind accuracy.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from rehearse.analysis.metrics import find_metrics

SETS = {
    "tuning": ROOT / "eval" / "metric_sentences.txt",
    "held-out": ROOT / "eval" / "metric_sentences_heldout.txt",
    "held-out-2": ROOT / "eval" / "metric_sentences_heldout2.txt",
    # Written for issue 13 before the detector learned amounts in words; scored once.
    "held-out-3": ROOT / "eval" / "metric_sentences_heldout3.txt",
    # Written by a helper who saw neither the detector nor the other sets, while held-out
    # 2 and 3's errors were being fixed; scored once, after.
    "held-out-4": ROOT / "eval" / "metric_sentences_heldout4.txt",
    # Written by a helper who saw neither the detector nor the other sets, before held-out
    # 4's errors were fixed; scored once, after.
    "held-out-5": ROOT / "eval" / "metric_sentences_heldout5.txt",
    # Written by a helper who saw neither the detector nor the other sets, after held-out
    # 5's errors were fixed and before any further change; scored once, then used to fix it.
    "held-out-6": ROOT / "eval" / "metric_sentences_heldout6.txt",
    # Written by a helper who saw neither the detector nor the other sets, before this
    # session's changes to the detector (965f41e); scored once, at the end.
    "held-out-7": ROOT / "eval" / "metric_sentences_heldout7.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the fifth
    # session's changes to the detector (6e84695); scored once, at the end.
    "held-out-8": ROOT / "eval" / "metric_sentences_heldout8.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the sixth
    # session's changes to the detector (cbb65c8); scored once, at the end.
    "held-out-9": ROOT / "eval" / "metric_sentences_heldout9.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # seventh session's changes to the detector (138398a); scored once, at the end.
    "held-out-10": ROOT / "eval" / "metric_sentences_heldout10.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # eighth session's changes to the detector; scored once, at the end.
    "held-out-11": ROOT / "eval" / "metric_sentences_heldout11.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # ninth session's changes to the detector; scored once, at the end.
    "held-out-12": ROOT / "eval" / "metric_sentences_heldout12.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # eleventh round's changes to the detector; scored once, at the end.
    "held-out-13": ROOT / "eval" / "metric_sentences_heldout13.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # twelfth round's changes to the detector; scored once, at the end.
    "held-out-14": ROOT / "eval" / "metric_sentences_heldout14.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # thirteenth round's changes to the detector; scored once, at the end.
    "held-out-15": ROOT / "eval" / "metric_sentences_heldout15.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # fourteenth round's changes to the detector; scored once, at the end.
    "held-out-16": ROOT / "eval" / "metric_sentences_heldout16.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # fifteenth round's changes to the detector; scored once, at the end.
    "held-out-17": ROOT / "eval" / "metric_sentences_heldout17.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # sixteenth round's changes to the detector; scored once, at the end.
    "held-out-18": ROOT / "eval" / "metric_sentences_heldout18.txt",
    # Written by a helper who saw neither the detector nor the other sets, before the
    # seventeenth round's changes to the detector; scored once, at the end.
    "held-out-19": ROOT / "eval" / "metric_sentences_heldout19.txt",
    # Development lists, not held out: two helpers who saw neither the detector nor the
    # other lists wrote 100 sentences each (the second as loose, run-on speech with
    # British, Indian and Australian amounts), and the detector was fixed on them.
    "train-a": ROOT / "eval" / "metric_sentences_train_a.txt",
    "train-b": ROOT / "eval" / "metric_sentences_train_b.txt",
}


def load(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, expected = (part.strip() for part in line.rsplit("=>", 1))
        anchors = []
        if expected != "-":
            for item in expected.split("|"):
                m = re.match(r"^(.*?)\s*\[(\w+)\]$", item.strip())
                anchors.append((m.group(1), m.group(2)))
        rows.append((sentence, anchors))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for name, path in SETS.items():
        score(name, load(path), args.verbose)
    return 0


def score(name: str, rows: list, verbose: bool) -> None:
    tp, fp, fn, kind_ok = count(rows, verbose)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    with_metric = sum(1 for _, a in rows if a)
    print(f"{name}: {len(rows)} sentences ({with_metric} with metrics, {len(rows) - with_metric} without)")
    print(f"  precision {precision:.1%}  recall {recall:.1%}  kind accuracy {kind_ok / max(tp, 1):.1%}  (tp {tp}, fp {fp}, fn {fn})")


def count(rows: list, verbose: bool = False) -> tuple[int, int, int, int]:
    """True positives, false positives, false negatives and right kinds over labeled rows."""
    tp = fp = fn = kind_ok = 0
    for sentence, anchors in rows:
        found = find_metrics(sentence)
        unmatched = list(anchors)
        problems = []
        for metric in found:
            # Correct when the found text contains the labeled anchor, as the data file says.
            hit = next((a for a in unmatched if a[0].lower() in metric.text.lower()), None)
            if hit:
                unmatched.remove(hit)
                tp += 1
                kind_ok += hit[1] == metric.kind
                if hit[1] != metric.kind:
                    problems.append(f"kind {metric.kind} for {metric.text!r}, want {hit[1]}")
            else:
                fp += 1
                problems.append(f"false {metric.kind} {metric.text!r}")
        fn += len(unmatched)
        problems += [f"missed {a!r} [{k}]" for a, k in unmatched]
        if verbose and problems:
            print(f"{sentence}\n    " + "\n    ".join(problems))
    return tp, fp, fn, kind_ok


if __name__ == "__main__":
    sys.exit(main())
