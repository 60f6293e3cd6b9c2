"""How well the relevance check tells a story that fits the question from one that does not.

Every answer is crossed with all 25 questions:
- on topic: the question it was written for (shown alone too), and those it `also_fits`;
  it should fit;
- off topic: questions of another category that it does not also fit; it should be
  caught (verdict off_topic); "flagged" also counts unsure;
- near: other questions of its own category; not judged (a Q5 feedback story may well
  answer Q23), only shown.

Sets: `dev` (eval/relevance/dev.json and the guide's 25 answers, read from ../shared when
it is there): the thresholds were set on it. `heldout` (eval/relevance/heldout.json):
written before the check, scored once, then seen; `dev+seen` is both, what the second
round of cues was tuned on. `heldout2` (eval/relevance/heldout2.json): written after the
first was seen and before the second round, scored once; `dev+seen2` is all three, what
the third round was tuned on. `heldout3` (eval/relevance/heldout3.json): written by a helper
who had seen neither the check nor the other sets, before the third round; scored once.
`dev+seen3` is all four, which the learned model (analysis/relevance_model.py) first
trained on with the helpers' training answers; `--cv` reads each writer's answers with a
model trained without them, which is how its thresholds were chosen. `heldout4`: written by a
helper who had seen neither the check, its training answers nor the other sets, before
the learned model; scored once. `dev+seen4` adds it: the model trains on it since.
`heldout5`: 50 answers by another such helper, written before the model's second round
(five more helpers' answers, ten in all; a feature weighs for a question once three
writers used it there); scored once. `dev+seen5` adds it; `heldout6`, by another such helper, was written
before the third round (the off-topic rule chosen again on the larger seen pool); scored
once. `dev+seen6` adds it: the fourth round's thresholds were chosen on it,
cross-validated, and the model trains on it with two more helpers' answers; `heldout7`,
by another such helper, was written before the fourth round and scored once. `dev+seen7`
adds it: the fifth round was chosen on it, cross-validated, and trains on it with two
more helpers' answers; `heldout8`, by another such helper, was written before the fifth
round and scored once. `dev+seen8` adds it: the sixth round trains on it with two more
helpers' answers, from trades, care work and hospitality (a new user's on-topic stories
from a kitchen, a food bank and a plumber's van were failed as off topic); `heldout9`, by
another such helper and mostly from work outside software and offices, was written before
the sixth round and scored once. `dev+seen9` adds it; `heldout10`, by another such helper
(two thirds from work outside software and offices), was written before the next
session's changes (none of them to the relevance check) and scored once. `dev+seen10` adds
it; `heldout11`, by another such helper (36 of 50 from work outside software and offices,
30 told without the question's own words), was written before the session after and
scored once at its end. `dev+seen11` adds it; `heldout12`, by another such helper, was
written before the next session's changes and scored once at its end. `dev+seen12` adds
it; `heldout13`, by another such helper (49 of 50 from work outside software), was written
before the next session's changes and scored once in it. `dev+seen13` adds it;
`heldout14`, by another such helper (36 of 50 from work outside offices, none with its
question's key words), was written before the next session's changes and scored once at
its end. `dev+seen14` adds it; `heldout15`, by another such helper (36 of 50 from work
outside offices and software, none with its question's key words), was written before the
next session's changes and scored once at its end. `dev+seen15` adds it; `heldout16`, by
another such helper (36 of 50 from work outside offices and software, none with its
question's key words), was written before the next session's changes and scored once at
its end. `dev+seen16` adds it; `heldout17`, by another such helper (41 of 50 from work
outside offices and software, none with its question's key words), was written before the
next session's changes and scored once at its end. `dev+seen17` adds it; `heldout18`, by
another such helper (46 of 50 from work outside offices and software, none with its
question's key words), was written before the next session's changes and scored once at
its end. `dev+seen18` adds it; `heldout19`, by another such helper (mostly from work
outside offices and software, none with its question's key words), was written before
the next session's changes and scored once at its end. `dev+seen19` adds it; `heldout20`,
by another such helper (44 of 50 from work outside offices and software, none with its
question's key words), was written before the next session's changes and scored once at
its end. `dev+seen20` adds it.

    python -m eval.relevance_eval            # dev
    python -m eval.relevance_eval --set heldout
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

from rehearse import prompts
from rehearse.analysis.relevance import assess
from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.transcript import from_text

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT.parent / "shared" / "data" / "guide-answers.json"


@dataclass
class Item:
    id: str
    question: str
    also_fits: tuple[str, ...]
    text: str
    writer: str = ""  # the set it comes from (one writer each), or "guide"


def load(name: str) -> list[Item]:
    if name == "dev+seen":  # the first held-out set was seen when it was scored: it is development data now
        return load("dev") + load("heldout")
    if name == "dev+seen2":  # and so was the second
        return load("dev+seen") + load("heldout2")
    if name == "dev+seen3":  # and the third: what the learned model was chosen on
        return load("dev+seen2") + load("heldout3")
    if name == "dev+seen4":  # and the fourth: what the model's second round trained on
        return load("dev+seen3") + load("heldout4")
    if name == "dev+seen5":  # and the fifth: what the third round was chosen on
        return load("dev+seen4") + load("heldout5")
    if name == "dev+seen6":  # and the sixth: what the fourth round trained on
        return load("dev+seen5") + load("heldout6")
    if name == "dev+seen7":  # and the seventh: what the fifth round was chosen on
        return load("dev+seen6") + load("heldout7")
    if name == "dev+seen8":  # and the eighth: what the sixth round was chosen on
        return load("dev+seen7") + load("heldout8")
    if name == "dev+seen9":  # and the ninth, scored once at the end of the sixth round
        return load("dev+seen8") + load("heldout9")
    if name == "dev+seen10":  # and the tenth, scored once at the end of the next session
        return load("dev+seen9") + load("heldout10")
    if name == "dev+seen11":  # and the eleventh, scored once at the end of the session after
        return load("dev+seen10") + load("heldout11")
    if name == "dev+seen12":  # and the twelfth, scored once at the end of the session after
        return load("dev+seen11") + load("heldout12")
    if name == "dev+seen13":  # and the thirteenth, scored once in the session after
        return load("dev+seen12") + load("heldout13")
    if name == "dev+seen14":  # and the fourteenth, scored once at the end of the session after
        return load("dev+seen13") + load("heldout14")
    if name == "dev+seen15":  # and the fifteenth, scored once at the end of the session after
        return load("dev+seen14") + load("heldout15")
    if name == "dev+seen16":  # and the sixteenth, scored once at the end of the session after
        return load("dev+seen15") + load("heldout16")
    if name == "dev+seen17":  # and the seventeenth, scored once at the end of the session after
        return load("dev+seen16") + load("heldout17")
    if name == "dev+seen18":  # and the eighteenth, scored once at the end of the session after
        return load("dev+seen17") + load("heldout18")
    if name == "dev+seen19":  # and the nineteenth, scored once at the end of the session after
        return load("dev+seen18") + load("heldout19")
    if name == "dev+seen20":  # and the twentieth, scored once at the end of the session after
        return load("dev+seen19") + load("heldout20")
    data = json.loads((ROOT / "eval" / "relevance" / f"{name}.json").read_text())
    items = [Item(a["id"], a["question"], tuple(a["also_fits"]), a["text"], name) for a in data["answers"]]
    if name == "dev" and GUIDE.exists():
        for answer in json.loads(GUIDE.read_text()):
            text = " ".join(line.rstrip(".") + "." for section in answer["sections"] for line in section["lines"])
            items.append(Item(f"guide-{answer['id']}", answer["id"], (), text, "guide"))
    elif name == "dev":
        # Without ../shared (a fresh clone), the guide's examples as prompts/ holds them:
        # the same answers, 5 of 25 worded slightly differently.
        from rehearse import prompts

        for question in prompts.questions():
            items.append(Item(f"guide-{question.id}", question.id, (), prompts.example_text(question.id), "guide"))
    return items


def cross_validated(items: list[Item]) -> dict[str, object]:
    """For each answer, a learned model trained without its writer's answers (the shipped
    one trained on them all): what the model makes of a writer it has not read."""
    from rehearse import prompts
    from scripts.train_relevance import cue_matrix, examples, fit

    questions = [q.id for q in prompts.questions()]
    pool = examples()
    cues = cue_matrix(pool, questions)
    models: dict[str, object] = {}
    by_writer: dict[str, object] = {}
    for item in items:
        if item.writer not in by_writer:
            keep = [k for k, e in enumerate(pool) if e.writer != item.writer]
            by_writer[item.writer] = fit([pool[k] for k in keep], questions, cues[keep])
        models[item.id] = by_writer[item.writer]
    return models


def sentences_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(from_text(text).words)]


def score(items: list[Item], verbose: bool = False, models: dict | None = None) -> dict:
    category = {q.id: q.category for q in prompts.questions()}
    on = {"n": 0, "fits": 0, "off_topic": 0}
    own = {"n": 0, "fits": 0, "off_topic": 0}
    off = {"n": 0, "off_topic": 0, "unsure": 0}
    misses, false_alarms, seconds = [], [], []
    assess(["warm up"], "Q1")  # the first call compiles the cues: not part of an answer's time
    for item in items:
        sentences = sentences_of(item.text)
        for question in category:
            started = time.perf_counter()
            result = assess(sentences, question, (models or {}).get(item.id))
            seconds.append(time.perf_counter() - started)
            if question == item.question:
                own["n"] += 1
                own[result.verdict] = own.get(result.verdict, 0) + 1
            if question == item.question or question in item.also_fits:
                on["n"] += 1
                on[result.verdict] = on.get(result.verdict, 0) + 1
                if result.verdict != "fits":
                    false_alarms.append((item.id, question, result.verdict, result.asked.score, result.asked.words,
                                         result.about.question_id if result.about else None))
            elif category[question] != category[item.question]:
                off["n"] += 1
                off[result.verdict] = off.get(result.verdict, 0) + 1
                if result.verdict == "fits":
                    misses.append((item.id, question, result.asked.score, result.asked.words))
    figures = {
        "answers": len(items),
        "on_topic_pairs": on["n"], "on_topic_fits": on.get("fits", 0) / on["n"],
        "on_topic_called_off_topic": on.get("off_topic", 0) / on["n"],
        "own_question_pairs": own["n"], "own_question_fits": own.get("fits", 0) / own["n"],
        "own_question_called_off_topic": own.get("off_topic", 0) / own["n"],
        "off_topic_pairs": off["n"], "off_topic_caught": off["off_topic"] / off["n"],
        "off_topic_flagged": (off["off_topic"] + off["unsure"]) / off["n"],
        "ms_per_question_max": max(seconds) * 1000,
    }
    if verbose:
        for row in false_alarms:
            print("ON-TOPIC NOT FITS", row)
        for row in misses[:60]:
            print("OFF-TOPIC FITS", row)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="dev", choices=("dev", "heldout", "dev+seen", "heldout2", "dev+seen2", "heldout3",
                                                        "dev+seen3", "heldout4", "dev+seen4", "heldout5",
                                                        "dev+seen5", "heldout6", "dev+seen6", "heldout7",
                                                        "dev+seen7", "heldout8", "dev+seen8", "heldout9",
                                                        "dev+seen9", "heldout10", "dev+seen10", "heldout11",
                                                        "dev+seen11", "heldout12",
                                                        "dev+seen12", "heldout13", "dev+seen13",
                                                        "heldout14", "dev+seen14",
                                                        "heldout15", "dev+seen15",
                                                        "heldout16", "dev+seen16",
                                                        "heldout17", "dev+seen17",
                                                        "heldout18", "dev+seen18",
                                                        "heldout19", "dev+seen19",
                                                        "heldout20", "dev+seen20"))
    parser.add_argument("--cv", action="store_true",
                        help="read each writer's answers with a learned model trained without them")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    items = load(args.set)
    figures = score(items, args.verbose, cross_validated(items) if args.cv else None)
    print(f"{args.set}{' (cross-validated by writer)' if args.cv else ''}: {figures['answers']} answers x 25 questions")
    print(f"  its own question: {figures['own_question_fits']:.1%} fit of {figures['own_question_pairs']} "
          f"({figures['own_question_called_off_topic']:.1%} called off topic)")
    print(f"  on topic (own and also fits):  {figures['on_topic_fits']:.1%} fit of {figures['on_topic_pairs']} pairs "
          f"({figures['on_topic_called_off_topic']:.1%} called off topic)")
    print(f"  off topic: {figures['off_topic_caught']:.1%} caught of {figures['off_topic_pairs']} pairs "
          f"({figures['off_topic_flagged']:.1%} caught or unsure)")
    print(f"  slowest: {figures['ms_per_question_max']:.1f} ms for one answer against one question (all 25 are compared)")


if __name__ == "__main__":
    main()
