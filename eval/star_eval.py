"""Score the STAR feedback against labeled answers, per set.

Usage: python -m eval.star_eval [--sets external,guide,...] [--verbose]

Per set it prints:
- word accuracy, and precision and recall per part (a word is labeled as its sentence);
- `missing` exactly right on complete answers;
- `missing` exactly right on each drop-one variant (the answer with every sentence of
  one part taken out: then exactly that part must be reported missing);
- how often a part the answer has is wrongly called missing (complete and drop-one);
- agreement with the weak answers' critiques: every expectation met (a named missing
  part is reported missing, or for the situation, the story finding says the answer
  talks in general; "generic" gets the story finding or a missing situation; "we_heavy"
  does not pass "I" vs "we"; "no_metrics" fails metrics; "too_short" is too short);
- the time to label a 3-minute answer.

The training sets are scored by leave-one-source-out cross-validation: each source's
answers are labeled by a model trained without that source (spoken-heldout too, which
shares its writer with spoken-dev); the held-out sets (heldout2 to heldout18) by the shipped
model, which never saw them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass

from eval.star_cv import calibrate, fold_models, with_threshold
from eval.star_data import Answer, load_all
from rehearse.analysis.answer import analyze_transcript
from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.star import STAR, label_sentences, load_model
from rehearse.analysis.transcript import from_text
from rehearse.checks import run_checks
from scripts.train_star import TRAIN_SETS, drop_one

SET_ORDER = ("external", "external-weak", "guide", "spoken-dev", "spoken-heldout", "heldout2", "heldout2-weak",
             "heldout3", "heldout3-weak", "heldout4", "heldout4-weak", "heldout5", "heldout5-weak",
             "heldout6", "heldout6-weak", "heldout7", "heldout7-weak", "heldout8", "heldout8-weak",
             "heldout9", "heldout9-weak",
             "heldout10", "heldout10-weak",
             "heldout11", "heldout11-weak",
             "heldout12", "heldout12-weak",
             "heldout13", "heldout13-weak",
             "heldout14", "heldout14-weak",
             "heldout15", "heldout15-weak",
             "heldout16", "heldout16-weak",
             "heldout17", "heldout17-weak",
             "heldout18", "heldout18-weak")


@dataclass
class Scored:
    gold: list[str]  # per word
    predicted: list[str]
    missing: list[str]
    unsure: list[str]
    checks: dict[str, str]  # check id -> status
    verdict: str
    sentences: list[tuple[str, str, str, tuple[str, ...]]]  # gold, predicted, text, evidence


def analyze(answer: Answer, model=None) -> Scored:
    gold: list[str] = []
    for label, text in answer.lines:
        gold += [label or "?"] * len(from_text(text).words)
    transcript = from_text(answer.text)
    assert len(transcript.words) == len(gold), answer.id
    analysis = analyze_transcript(transcript, star_model=model)
    predicted = [lab.label for s, lab in zip(analysis.sentences, analysis.labels) for _ in s.words]
    details, offset = [], 0
    for s, lab in zip(analysis.sentences, analysis.labels):
        span = gold[offset:offset + len(s.words)]
        details.append((max(sorted(set(span)), key=span.count), lab.label, s.text, lab.cues))
        offset += len(s.words)
    checks = {r.id: r.status for r in run_checks(analysis)}
    return Scored(gold, predicted, list(analysis.star.missing), list(analysis.star.unsure), checks,
                  analysis.length.verdict, details)


def critique_agrees(answer: Answer, scored: Scored) -> bool:
    expect = answer.expect
    # "No specific situation" is what the story finding says of a generic answer.
    talks_in_general = scored.checks.get("story", "pass") != "pass"
    ok = all(part in scored.missing or (part == "situation" and talks_in_general) for part in expect.get("missing", []))
    if expect.get("generic"):
        ok &= talks_in_general or "situation" in scored.missing
    if expect.get("we_heavy"):
        ok &= scored.checks.get("i_vs_we") != "pass"
    if expect.get("no_metrics"):
        ok &= scored.checks.get("metrics") == "fail"
    if expect.get("too_short"):
        ok &= scored.verdict == "too_short"
    return ok


@dataclass
class SetFigures:
    name: str
    answers: int
    word_accuracy: float | None = None
    precision: dict | None = None
    recall: dict | None = None
    complete_exact: float | None = None
    drop_exact: dict | None = None
    wrongly_missing: float | None = None
    unsure_parts: int = 0
    critique_agreement: float | None = None


def score_set(name: str, answers: list[Answer], labeler, verbose: bool = False) -> SetFigures:
    """`labeler(answer) -> Scored`, so that a cross-validated model can label each answer."""
    figures = SetFigures(name, len(answers))
    if name.endswith("weak"):
        agree = 0
        for answer in answers:
            scored = labeler(answer)
            agreed = critique_agrees(answer, scored)
            agree += agreed
            if verbose and not agreed:
                print(f"-- {answer.id}: expected {answer.expect}; missing {scored.missing}, unsure {scored.unsure}, "
                      f"checks {scored.checks}, length {scored.verdict}")
        figures.critique_agreement = agree / len(answers)
        return figures

    correct = total = 0
    hits: Counter = Counter()
    gold_n: Counter = Counter()
    pred_n: Counter = Counter()
    exact = 0
    drop_ok: Counter = Counter()
    drop_n: Counter = Counter()
    wrong = present_pairs = 0
    for answer in answers:
        scored = labeler(answer)
        for g, p in zip(scored.gold, scored.predicted):
            correct += g == p
            total += 1
            gold_n[g] += 1
            pred_n[p] += 1
            hits[g] += g == p
        if answer.parts >= set(STAR):
            exact += scored.missing == []
            figures.unsure_parts += len(scored.unsure)
            wrong += len(scored.missing)
            present_pairs += 4
            if verbose and (scored.missing or any(g != p for g, p, *_ in scored.sentences)):
                print(f"-- {answer.id} ({answer.source}) missing {scored.missing} unsure {scored.unsure}")
                for g, p, text, cues in scored.sentences:
                    if g != p:
                        print(f"   {g[:3]} -> {p[:3]} {text[:90]!r} {cues}")
            for part in STAR:
                variant = labeler(drop_one(answer, part))
                drop_n[part] += 1
                drop_ok[part] += variant.missing == [part]
                wrong += len([m for m in variant.missing if m != part])
                present_pairs += 3
                if verbose and variant.missing != [part]:
                    print(f"   without {part}: missing {variant.missing} unsure {variant.unsure}")
    complete = sum(1 for a in answers if a.parts >= set(STAR))
    figures.word_accuracy = correct / total if total else None
    figures.precision = {p: hits[p] / pred_n[p] if pred_n[p] else None for p in STAR}
    figures.recall = {p: hits[p] / gold_n[p] if gold_n[p] else None for p in STAR}
    if complete:
        figures.complete_exact = exact / complete
        figures.drop_exact = {p: drop_ok[p] / drop_n[p] for p in STAR}
        figures.wrongly_missing = wrong / present_pairs
    return figures


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def print_table(rows: list[SetFigures]) -> None:
    print(f"{'set':<15} {'n':>3} {'words':>6} {'complete':>8} {'no S':>6} {'no T':>6} {'no A':>6} {'no R':>6} "
          f"{'wrong miss':>10} {'unsure':>6} {'critique':>8}")
    for f in rows:
        drop = f.drop_exact or {}
        print(f"{f.name:<15} {f.answers:>3} {_pct(f.word_accuracy):>6} {_pct(f.complete_exact):>8} "
              + " ".join(f"{_pct(drop.get(p)):>6}" for p in STAR)
              + f" {_pct(f.wrongly_missing):>10} {f.unsure_parts if f.complete_exact is not None else '-':>6}"
              + f" {_pct(f.critique_agreement):>8}")
    print()
    print(f"{'set':<15} " + " ".join(f"{p[:3] + ' P/R':>13}" for p in STAR))
    for f in rows:
        if f.precision is None:
            continue
        print(f"{f.name:<15} " + " ".join(f"{_pct(f.precision[p]):>6}/{_pct(f.recall[p]):<6}" for p in STAR))


def three_minute_answer(answers: list[Answer]) -> str:
    """About 450 words (3 minutes at 150 words a minute) of real answer text."""
    words: list[str] = []
    for a in answers:
        words += a.text.split()
        if len(words) >= 450:
            break
    return " ".join(words[:450])


def labeling_ms(text: str, runs: int = 20) -> float:
    """Median time to split and label `text`, in milliseconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        label_sentences(split_sentences(from_text(text).words))
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(s for s in SET_ORDER if not s.startswith("heldout")),
                        help="comma-separated sets to score; each held-out set is scored once, at the end")
    parser.add_argument("--verbose", action="store_true", help="print every wrong sentence and missing list")
    args = parser.parse_args()
    wanted = args.sets.split(",")
    answers = load_all()
    training = [a for a in answers if a.set in TRAIN_SETS]
    shipped = load_model()
    models = fold_models(training) if training else {}
    threshold = calibrate(training, models) if training else shipped.missing_below
    models = with_threshold(models, threshold)
    print(f"leave-one-source-out: {len(models)} models, each trained without one of the {len(models)} sources")
    print(f"missing below {threshold}" + ("" if threshold == shipped.missing_below else
                                          f" (the shipped model has {shipped.missing_below}: train it again)") + "\n")

    def labeler(answer: Answer) -> Scored:
        # A source the shipped model was trained on is labeled by the model trained without it.
        return analyze(answer, models.get(answer.source, shipped))

    rows = []
    for name in SET_ORDER:
        chosen = [a for a in answers if a.set == name]
        if name in wanted and chosen:
            rows.append(score_set(name, chosen, labeler, args.verbose))
    print_table(rows)
    text = three_minute_answer([a for a in answers if a.set in ("guide", "spoken-dev")])
    print(f"\nlabeling a 3-minute answer ({len(text.split())} words): median {labeling_ms(text):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
