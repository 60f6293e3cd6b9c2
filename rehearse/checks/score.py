"""The score (0-100) and the one thing to change in the next take.

score = the sum of the checks' points: STAR 40 (8 per part present, 4 per part that may
be there but is unclear, 4 for the right order, 4 for Action the largest), length 20,
"I" vs "we" in the Action 20, metrics 20; relevance, story and the delivery checks coach
without points. A story that does not answer the question (the relevance check fails it)
scores at most OFF_TOPIC_CAP, whatever its telling: a mentoring question answered with a
well-told disagreement scored 100, and an interviewer gives such an answer nothing. The
telling's own score stays in the report (`telling_score`). The README states the same
formula.
"""

from __future__ import annotations

from rehearse.checks import CHECKS
from rehearse.checks.base import CheckResult

MAX_SCORE = sum(check.MAX_POINTS for check in CHECKS)


# In the red band of the score (under 50), so it never reads as a good answer. The
# relevance check calls a story off topic only when sure: the shipped model called 2 of
# held-out 14 to 16's 150 answers off topic for their own question, both stories that fit
# the question it named as well (README, "Does the story answer the question?").
OFF_TOPIC_CAP = 40


def telling_score(results: list[CheckResult]) -> int:
    """How well the story was told, whatever the question: the checks' points."""
    total = int(round(100 * sum(r.points for r in results) / MAX_SCORE))
    # 100 is for an answer that lost nothing: a 2:03 answer (0.4 points off) showed
    # "Score 100/100" beside its length warning (a review's).
    return 99 if total == 100 and any(r.points < r.max_points for r in results) else total


def score(results: list[CheckResult]) -> int:
    """The answer's score: its telling's, capped when the story does not answer the question."""
    told = telling_score(results)
    off_topic = any(r.id == "relevance" and r.status == "fail" for r in results)
    return min(told, OFF_TOPIC_CAP) if off_topic else told


# A loss under this many points (a 2:03 answer loses 0.4) is too small to lead the checks
# that say something worth more: it comes after the checks without points.
SMALL_LOSS = 2.0


# The guide's order, for ties: the question asked, the structure, a specific story, the
# length, "I", the numbers; then how it is said.
PRIORITY = ("relevance", "star", "story", "length", "i_vs_we", "metrics", "hedging", "fillers", "pace", "pauses")


def next_step(results: list[CheckResult]) -> CheckResult | None:
    """What to change first; None when every check passes.

    A story that does not answer the question comes first, whatever else it does well
    (every other figure is about the wrong story); then an answer that tells no story at
    all ("I always..."); then an answer too short to hold a story (under 30 s: an
    18-second answer told to "add the situation" was told the least of it); then a STAR
    part that is missing, or a Result or Action that is not clear, since the other checks'
    losses follow from it (no clear Result, so no number in the Result). Then the check
    that loses the most points, ties in the guide's order: a 0% "I" answer losing 20
    points is told to say "I" before it is told to say more, which loses 16.
    Then the checks without points, a failure before a warning, in the guide's order; then
    a check that loses under SMALL_LOSS points (a 2:03 answer with thirteen hedges is told
    about the hedges, not to trim 3 seconds)."""
    open_checks = [r for r in results if r.status != "pass"]
    if not open_checks:
        return None
    rank = {check_id: i for i, check_id in enumerate(PRIORITY)}
    first = ("relevance", "star")

    def leads(r: CheckResult) -> bool:
        return r.comes_first or (r.id in first and r.status == "fail")

    def lead_order(r: CheckResult) -> int:
        if not leads(r):
            return 0
        if r.id == "relevance":
            return -3
        if r.no_story:
            return -2
        return -1 if r.id == "length" else rank.get(r.id, len(rank))

    def loss(r: CheckResult) -> float:
        return r.lost if r.lost >= SMALL_LOSS else 0.0

    return min(open_checks, key=lambda r: (not leads(r), lead_order(r), -loss(r), 0 < r.lost < SMALL_LOSS,
                                           r.status != "fail", rank.get(r.id, len(rank))))
