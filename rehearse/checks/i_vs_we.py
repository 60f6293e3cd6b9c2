"""i_vs_we: does the answer say what *you* did, not what the team did?

What it checks: the share of "I" words (I, me, my, ...) among all "I" and "we" words.

Why it matters: the guide says 'Use "I" not "we": interviewers want to know YOUR specific
actions'. "We built it" hides your part; "I built the rollback" shows it.

Example: "We met with sales and we built a prototype" (0% I) fails; "I met with sales
and I built a prototype with two teammates" passes.
"""

from __future__ import annotations

from rehearse.analysis.answer import Analysis
from rehearse.checks.base import CheckResult
from rehearse.prompts import guide_quote

ID = "i_vs_we"
MAX_POINTS = 20
GOOD_RATIO = 0.7  # at or above: pass, full points
FAIL_BELOW = 0.4  # below: fail
NO_PRONOUN_POINTS = 10


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def run(analysis: Analysis) -> CheckResult:
    counts = analysis.pronouns
    ratio = counts.i_ratio
    guide = guide_quote(ID)
    if ratio is None:
        return CheckResult(ID, "warn", 'Neither "I" nor "we" was said: it is unclear who did what.',
                           f"Say what you did, in the first person. {guide}", NO_PRONOUN_POINTS, MAX_POINTS)
    found = f'"I" {_times(counts.i)}, "we" {_times(counts.we)} ({ratio:.0%} I).'
    points = round(MAX_POINTS * min(1.0, ratio / GOOD_RATIO), 1)
    if ratio >= GOOD_RATIO:
        return CheckResult(ID, "pass", found, f"Your own actions come through. {guide}", points, MAX_POINTS)
    status = "warn" if ratio >= FAIL_BELOW else "fail"
    return CheckResult(ID, status, found,
                       f'Turn "we did" into "I did" in your action steps, and name what others did separately. {guide}',
                       points, MAX_POINTS)
