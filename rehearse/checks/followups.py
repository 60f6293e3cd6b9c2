"""The follow-up questions an interviewer would ask where the answer was thin. Each rule
reads what the analysis and the checks found, and says why it asks (the evidence):

- the story does not answer the question (relevance fails): ask for one that does;
- no clear Result: "How did it turn out? Can you put a number on it?";
- "we" in the Action (the "I" vs "we" check does not pass): "What did you do yourself?";
- a Result without a number: "Can you put a number on that?";
- numbers in the Result with no baseline (none is a change, a percentage or a multiple):
  "From what, to what?";
- no lesson ("learned", "next time", "differently"...): "What would you do differently?".

At most MAX_FOLLOW_UPS, in that order: the first is the one a mock interview asks. Each
says what a good short answer to it holds (`expects`), so a spoken follow-up can be
judged on that and not on STAR length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.analysis.answer import Analysis
from rehearse.checks.base import CheckResult, quote

MAX_FOLLOW_UPS = 3
ORDER = ("off_topic", "result", "own_actions", "number", "baseline", "lesson")
# How a lesson is said: the guide asks for "lessons learned or how you'd approach it differently".
LESSON = re.compile(r"\b(?:learn(?:ed|t|ing)|lessons?|takeaways?|taught me|next time|differently|in hindsight|"
                    r"looking back|since then|from then on|i now|now i)\b", re.I)
RELATIVE_KINDS = ("change", "percent", "multiplier")


@dataclass(frozen=True)
class FollowUp:
    id: str  # off_topic | result | own_actions | number | baseline | lesson
    question: str  # what the interviewer asks
    because: str  # what in the answer made them ask
    expects: str  # what a good short answer holds: story | number | i | baseline | lesson


def follow_ups(analysis: Analysis, results: list[CheckResult]) -> list[FollowUp]:
    status = {r.id: r.status for r in results}
    found: list[FollowUp] = []
    relevance = analysis.relevance
    if relevance is not None and status.get("relevance") == "fail":
        found.append(FollowUp("off_topic", f"That's a story about {_about(relevance)}. Can you tell me about a time "
                              f"that was about {relevance.competency.asks}?",
                              f"the question asks about {relevance.competency.asks}", "story"))
    star = analysis.star
    if "result" in star.missing or "result" in star.unsure:
        found.append(FollowUp("result", "How did it turn out? Can you put a number on it?",
                              "no clear Result", "number"))
    if status.get("i_vs_we") in ("warn", "fail"):
        counts = analysis.action_pronouns if analysis.action_pronouns.i_ratio is not None else analysis.pronouns
        found.append(FollowUp("own_actions", "What did you do yourself?",
                              f'"we" {counts.we} times and "I" {counts.i} times in what was done', "i"))
    in_result = [m.metric for m in analysis.metrics if analysis.labels[m.sentence].label == "result"]
    has_result = star.present.get("result", False)
    if has_result and not in_result:
        outcome = next(s.text for s, lab in zip(analysis.sentences, analysis.labels) if lab.label == "result")
        found.append(FollowUp("number", "Can you put a number on that? How much better, how much faster, how many?",
                              f'a Result with no number: "{quote(outcome, 60)}"', "number"))
    elif in_result and not any(m.kind in RELATIVE_KINDS for m in in_result):
        found.append(FollowUp("baseline", f'You said "{in_result[0].text}". Compared with what: from what, to what?',
                              "numbers in the Result with nothing to compare them with", "baseline"))
    if not any(LESSON.search(s.text) for s in analysis.sentences):
        last = analysis.sentences[-1].text if analysis.sentences else ""
        found.append(FollowUp("lesson", "What did you learn from it? What would you do differently next time?",
                              f'no lesson; the answer ends "{quote(last, 60)}"', "lesson"))
    return found[:MAX_FOLLOW_UPS]


def _about(relevance) -> str:
    from rehearse.analysis.relevance import COMPETENCIES

    return COMPETENCIES[relevance.about.question_id].about if relevance.about else "something else"
