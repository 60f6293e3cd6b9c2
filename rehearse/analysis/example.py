"""The guide's example answer for a question, measured the way an answer is: its length,
the share of each STAR part and its metrics, so a take can be set beside it ("The guide's
example spends 45% on the Action; you spent 20%"). The parts are the guide's own labels;
the key takeaway counts with the Result, where the guide asks for the lesson."""

from __future__ import annotations

from dataclasses import dataclass

from rehearse import prompts
from rehearse.analysis.length import ESTIMATE_WPM, LONG_ABOVE_S, TOO_LONG_ABOVE_S, TOO_SHORT_BELOW_S, clock
from rehearse.analysis.metrics import find_metrics

STAR = ("situation", "task", "action", "result")
# A difference in a part's share, or in length, smaller than this is not worth a sentence.
SHARE_GAP = 0.15
LENGTH_GAP_S = 30
FEW_METRICS = 2


@dataclass(frozen=True)
class ExampleFigures:
    question_id: str
    words: int
    estimated_s: float  # spoken at the pace typed answers are estimated at
    share: dict[str, float]  # of the words, per STAR part
    metrics: int
    metrics_in_result: int


def example_parts(question_id: str) -> list[dict]:
    """[{part, kind, lines}] as the guide gives them."""
    return prompts.example(question_id)


def example_figures(question_id: str) -> ExampleFigures:
    parts = example_parts(question_id)
    words = {part: 0 for part in STAR}
    metrics = in_result = 0
    for part in parts:
        for line in part["lines"]:
            words[part["part"]] += len(line.split())
            found = len(find_metrics(line))
            metrics += found
            in_result += found if part["part"] == "result" else 0
    total = sum(words.values())
    return ExampleFigures(question_id, total, round(total / ESTIMATE_WPM * 60, 1),
                          {part: round(words[part] / total, 3) for part in STAR}, metrics, in_result)


def comparison(example: ExampleFigures, share: dict[str, float], duration_s: float, metrics: int) -> list[str]:
    """What differs most between a take and the guide's example, in a few sentences: the
    part whose share differs most (by SHARE_GAP or more), the length (by LENGTH_GAP_S or
    more, unless the take is inside the 1-2 minute sweet spot), and the numbers (when the
    take has fewer than FEW_METRICS)."""
    notes = []
    part = max(STAR, key=lambda p: abs(share.get(p, 0.0) - example.share[p]))
    gap = share.get(part, 0.0) - example.share[part]
    if abs(gap) >= SHARE_GAP:
        notes.append(f"The guide's example spends {example.share[part]:.0%} on the {part.capitalize()}; "
                     f"you spent {share.get(part, 0.0):.0%}.")
    # The guide's examples run 1:36-4:04 when spoken: a take inside the guide's own 1-2
    # minute sweet spot is not told to be as long as one of them, and none is set beside
    # one longer than the guide's 3 minutes (a teacher's 0:56 take read "It runs about
    # 3:32": a nervous user learns to talk longer; the length check says how long to aim for).
    if abs(duration_s - example.estimated_s) >= LENGTH_GAP_S and not TOO_SHORT_BELOW_S <= duration_s <= LONG_ABOVE_S \
            and example.estimated_s <= TOO_LONG_ABOVE_S:
        notes.append(f"It runs about {clock(example.estimated_s)}; yours {clock(duration_s)}.")
    # Its numbers are many (6-34); the note is for a take with almost none, not a race to
    # match them: it names the Result's, where the guide wants them ("It gives 33 numbers"
    # read as a count to reach).
    if metrics < FEW_METRICS and example.metrics_in_result:
        numbers = "a number" if example.metrics_in_result == 1 else f"{example.metrics_in_result} numbers"
        notes.append(f"Its Result gives {numbers}; you gave {metrics} in all.")
    if not notes:
        notes.append("Your parts are in proportions close to the guide's example.")
    return notes
