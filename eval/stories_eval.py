"""How well the story bank tells a retold story from a different one.

Same story: each shipped sample and its two retellings (eval/stories/retellings.json),
told to different questions. Different stories: those four, our 30 dev answers
(eval/relevance/dev.json) and the guide's 25 (read from ../shared when there). Prints the
similarity of every same-story pair and the highest of the different-story pairs, and
whether grouping all of them in one history puts each story together and apart.

    python -m eval.stories_eval
    python -m eval.stories_eval --set heldout

`--set heldout` (eval/stories/heldout.json): ten stories by a helper who had seen neither
the grouping nor these sets, each told three times to three questions, several sharing a
setting; with our 30 dev answers as the other stories. Written after SAME_STORY was set,
scored once.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from rehearse.analysis.stories import SAME_STORY, Background, group, similarity
from rehearse.history.stories import guide_texts

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT.parent / "shared" / "data" / "guide-answers.json"


# The guide's example answers, as the tool itself uses them.
guide_background = guide_texts


def load(name: str = "dev") -> list[tuple[str, str]]:
    """(story, text) for every answer; every answer outside the retellings is its own story."""
    items = []
    if name == "heldout":
        for story in json.loads((ROOT / "eval" / "stories" / "heldout.json").read_text())["stories"]:
            items += [(story["story"], telling["text"]) for telling in story["tellings"]]
        for answer in json.loads((ROOT / "eval" / "relevance" / "dev.json").read_text())["answers"]:
            items.append((answer["id"], answer["text"]))
        return items
    for story in json.loads((ROOT / "eval" / "stories" / "retellings.json").read_text())["stories"]:
        items.append((story["story"], (ROOT / "samples" / f"{story['sample']}.txt").read_text()))
        items += [(story["story"], r["text"]) for r in story["retellings"]]
    for answer in json.loads((ROOT / "eval" / "relevance" / "dev.json").read_text())["answers"]:
        items.append((answer["id"], answer["text"]))
    if GUIDE.exists():
        for answer in json.loads(GUIDE.read_text()):
            items.append((f"guide-{answer['id']}", " ".join(line for s in answer["sections"] for line in s["lines"])))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="dev", choices=("dev", "heldout"))
    items = load(parser.parse_args().set)
    background = Background.of(guide_background() + [text for _, text in items])
    same, different = [], []
    for (sa, ta), (sb, tb) in itertools.combinations(items, 2):
        (same if sa == sb else different).append((similarity(ta, tb, background), sa, sb))
    print(f"{len(items)} answers; threshold {SAME_STORY}")
    print(f"same story: {len(same)} pairs, lowest {min(same)[0]:.3f}; mean {sum(s for s, *_ in same) / len(same):.3f}")
    for row in sorted(same)[:4]:
        print(f"   {row[0]:.3f} {row[1]}")
    print(f"different stories: {len(different)} pairs, highest {max(different)[0]:.3f}")
    for row in sorted(different, reverse=True)[:4]:
        print(f"   {row[0]:.3f} {row[1]} / {row[2]}")
    grouped = group({i: text for i, (_, text) in enumerate(items)}, guide_background())
    truth = {}
    for i, (story, _) in enumerate(items):
        truth.setdefault(story, set()).add(grouped[i])
    split = [s for s, found in truth.items() if len(found) > 1]
    by_group = {}
    for i, (story, _) in enumerate(items):
        by_group.setdefault(grouped[i], set()).add(story)
    merged = [sorted(s) for s in by_group.values() if len(s) > 1]
    print(f"grouped into {len(by_group)} stories (truth: {len(truth)}); stories split: {split}; stories merged: {merged}")


if __name__ == "__main__":
    main()
