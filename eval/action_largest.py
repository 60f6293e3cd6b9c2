"""How often the STAR check says "the X is longer than the action", against the labels of
answers written with the Action the largest part: counted with the labels alone (as the
check did before), with the model's probabilities alone, and both (the check now says it
only when both do).

    python -m eval.action_largest [--sets heldout2,heldout3,...]

The public answers are left out by default: the shipped model learned from them, so its
labels there are near perfect and say little about answers nobody here wrote.
"""

from __future__ import annotations

import argparse
from collections import Counter

from eval.star_data import load_all
from rehearse.analysis.answer import analyze_transcript
from rehearse.analysis.star import STAR
from rehearse.analysis.transcript import from_text
from rehearse.checks.star import action_first

DEFAULT_SETS = "spoken-dev,spoken-heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=DEFAULT_SETS)
    sets = set(parser.parse_args().sets.split(","))
    rows = []
    for answer in load_all():
        if answer.set not in sets or not answer.lines or not all(label for label, _ in answer.lines):
            continue
        words = Counter()
        for label, text in answer.lines:
            words[label] += len(text.split())
        total = sum(words.values())
        truly_first = action_first({p: words[p] / total for p in STAR})
        star = analyze_transcript(from_text(answer.text)).star
        by_labels = star.present["action"] and action_first(star.share)
        by_probabilities = action_first(star.likely_share)
        rows.append((truly_first, not by_labels, not by_probabilities))
    print(f"{len(rows)} labeled answers ({', '.join(sorted(sets))})")
    for name, said in (("labels", lambda r: r[1]), ("probabilities", lambda r: r[2]),
                       ("both (the check)", lambda r: r[1] and r[2])):
        wrong = sum(1 for r in rows if r[0] and said(r))
        right = sum(1 for r in rows if not r[0] and said(r))
        first = sum(1 for r in rows if r[0])
        print(f"  {name:17} 'longer than the action' said wrongly {wrong} of {first}, rightly {right} of {len(rows) - first}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
