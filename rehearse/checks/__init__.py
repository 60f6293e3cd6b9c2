"""The checks, in the order the report shows them. Each is a module with ID, MAX_POINTS,
NEEDS_AUDIO, its thresholds, a docstring that `rehearse explain ID` prints, and a pure
`run(analysis)`.

The content checks score what the guide teaches (relevance and story carry no points
yet: they coach until they are calibrated on more answers); the delivery checks (pace, pauses,
fillers, hedging) coach how it is said and have no points, so a score means the same
in every take."""

from __future__ import annotations

from types import ModuleType

from rehearse.analysis.answer import Analysis
from rehearse.checks import fillers, hedging, i_vs_we, length, metrics, pace, pauses, relevance, star, story
from rehearse.checks.base import CheckResult

CONTENT_CHECKS: tuple[ModuleType, ...] = (relevance, length, star, story, i_vs_we, metrics)
DELIVERY_CHECKS: tuple[ModuleType, ...] = (pace, pauses, fillers, hedging)
CHECKS: tuple[ModuleType, ...] = CONTENT_CHECKS + DELIVERY_CHECKS


def applies(check: ModuleType, analysis: Analysis) -> bool:
    """A check that needs audio is skipped, not failed, for a typed answer; one that needs
    the question (relevance) runs only when the question is known."""
    if getattr(check, "NEEDS_QUESTION", False) and analysis.relevance is None:
        return False
    return analysis.transcript.timed or not getattr(check, "NEEDS_AUDIO", False)


def run_checks(analysis: Analysis) -> list[CheckResult]:
    return [check.run(analysis) for check in CHECKS if applies(check, analysis)]


def skipped_checks(analysis: Analysis) -> list[str]:
    """The checks a typed answer skips because they need a recording."""
    return [check.ID for check in CHECKS if getattr(check, "NEEDS_AUDIO", False) and not analysis.transcript.timed]


def by_id(check_id: str) -> ModuleType | None:
    """The check with this id, however it is typed: "STAR", "i-vs-we" and "I_vs_We" are found."""
    wanted = check_id.strip().lower().replace("-", "_").replace(" ", "_")
    return next((c for c in CHECKS if c.ID == wanted), None)
