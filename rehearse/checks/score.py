"""The score (0-100) and the one thing to change in the next take.

score = the sum of the checks' points: STAR 40 (8 per part present, 4 per part that may
be there but is unclear, 4 for the right order, 4 for Action the largest), length 20,
"I" vs "we" in the Action 20, metrics 20; relevance, story and the delivery checks coach
without points. The README states the same formula.
"""

from __future__ import annotations

from rehearse.checks import CHECKS, CONTENT_CHECKS
from rehearse.checks.base import CheckResult

MAX_SCORE = sum(check.MAX_POINTS for check in CHECKS)


def score(results: list[CheckResult]) -> int:
    return int(round(100 * sum(r.points for r in results) / MAX_SCORE))


# Which check to work on first when several fail: a story that does not answer the
# question comes first, whatever else it does well. Then the structure, the guide's core:
# fixing it (adding the missing result, say) often fixes the length and metrics too. A
# story told in general comes next although it has no points: every other figure is
# about a story that is not there yet.
# Delivery comes after every content check: what you say matters before how you say it.
PRIORITY = ("relevance", "star", "story", "length", "i_vs_we", "metrics", "hedging", "fillers", "pace", "pauses")


def next_step(results: list[CheckResult]) -> CheckResult | None:
    """What to change first: content before delivery, a failed check before a warning,
    then by PRIORITY; None when every check passes."""
    open_checks = [r for r in results if r.status != "pass"]
    if not open_checks:
        return None
    rank = {check_id: i for i, check_id in enumerate(PRIORITY)}
    content = {check.ID for check in CONTENT_CHECKS}
    return min(open_checks, key=lambda r: (r.id not in content, r.status != "fail", rank.get(r.id, len(rank)), -r.lost))
