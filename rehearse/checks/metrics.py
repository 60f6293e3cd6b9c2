"""metrics: does the answer measure its outcome, best of all in the Result?

What it checks: numbers that measure the story (percentages, money, durations,
multipliers, counts of things, before/after changes), and whether one is in a result
sentence. Numbers that measure nothing ("one on one", "Q3", "2019") do not count.

Why it matters: the guide says "Use specific metrics and data when possible" and defines
the result as "the measurable outcome". "It went well" is forgettable; "deploys went
from three hours to fifteen minutes" is not.

Example: "In the end checkout errors dropped from 5% to 0.1%" passes.
"""

from __future__ import annotations

from rehearse.analysis.answer import Analysis
from rehearse.analysis.metrics import said_once
from rehearse.analysis.transcript import is_misheard, misheard
from rehearse.checks.base import CheckResult
from rehearse.prompts import guide_quote

ID = "metrics"
MAX_POINTS = 20
IN_RESULT_POINTS = 20
ELSEWHERE_POINTS = 10
EXAMPLES_SHOWN = 3


def _misheard_words_in(analysis: Analysis, found) -> list[str]:
    """The words of a measure Whisper may have misheard. A misheard number is still a
    number: a teacher's spoken "from 4.2 to 5.1" came out as "up from 4.25.1" and her "142
    of our 180" as "180 year", and the check quoted them as her measures with no word of
    doubt. (Sentence text is its words joined by spaces, so the measure's characters name them.)"""
    sentence = analysis.sentences[found.sentence]
    unsure, at = [], 0
    for word in sentence.words:
        if at < found.metric.end and at + len(word.text) > found.metric.start and is_misheard(word):
            unsure.append(word.text.strip(".,;:!?"))
        at += len(word.text) + 1
    return unsure


def _misheard_in_result(analysis: Analysis) -> str:
    """What to say when the result holds words Whisper may have misheard: a measure there may
    be among them (a tryout's "I got 92 percent" came out as "I got me present", at 0.04,
    and was told "none in the result" with no word of doubt)."""
    words = misheard(word for sentence, label in zip(analysis.sentences, analysis.labels) if label.label == "result"
                     for word in sentence.words)
    if not words:
        return ""
    named = ", ".join(f'"{word}"' for word in words[:EXAMPLES_SHOWN])
    return f" Whisper may have misheard {named} in your result: if you gave a number there, listen back."


def run(analysis: Analysis) -> CheckResult:
    metrics = analysis.metrics
    guide = guide_quote(ID)
    if not metrics:
        return CheckResult(ID, "fail", "No numbers that measure the outcome." + _misheard_in_result(analysis),
                           f"Put a number on the result: a percentage, time saved, money, or a before/after. {guide}",
                           0, MAX_POINTS)
    # The result's measures are named first: a count that sets the scene ("thirty-two
    # beds") ahead of what changed hid the measure the check is about (a nurse's tryout).
    in_result_first = sorted(metrics, key=lambda m: analysis.labels[m.sentence].label != "result")
    texts = said_once(m.metric.text for m in in_result_first)
    shown = ", ".join(f'"{text}"' for text in texts[:EXAMPLES_SHOWN])
    more = f" and {len(texts) - EXAMPLES_SHOWN} more" if len(texts) > EXAMPLES_SHOWN else ""
    found = f"{len(texts)} metric{'s' if len(texts) != 1 else ''}: {shown}{more}"
    # The words named are those of the measures shown, the result's first.
    doubtful = said_once(word for m in in_result_first if m.metric.text in texts[:EXAMPLES_SHOWN]
                         for word in _misheard_words_in(analysis, m))
    named = ", ".join(f'"{word}"' for word in doubtful)
    heard = (f" Whisper may have misheard {named}: if that is not what you said, listen back before you "
             "trust it." if doubtful else "")
    if analysis.metrics_in_result:
        in_result = len(said_once(m.metric.text for m in metrics if analysis.labels[m.sentence].label == "result"))
        how_many = "one" if in_result == 1 else str(in_result)
        well = "Well measured, if the numbers are what you said." if doubtful else "Well measured."
        return CheckResult(ID, "pass", found + f", {how_many} in the result." + heard, f"{well} {guide}",
                           IN_RESULT_POINTS, MAX_POINTS)
    return CheckResult(ID, "warn", found + ", but none in the result." + (heard or _misheard_in_result(analysis)),
                       f"Measure the outcome itself: how much faster, cheaper or better it got. {guide}",
                       ELSEWHERE_POINTS, MAX_POINTS)
