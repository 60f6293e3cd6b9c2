"""The checks, in the order the report shows them. Each is a module with ID, MAX_POINTS,
NEEDS_AUDIO, its thresholds, a docstring that `rehearse explain ID` prints, and a pure
`run(analysis)`.

The content checks score what the guide teaches (story carries no points yet: it
coaches until it is calibrated on more answers); the delivery checks (pace, pauses,
fillers, hedging) coach how it is said and have no points, so a score means the same
in every take."""

from __future__ import annotations

from types import ModuleType

from rehearse.analysis.answer import Analysis
from rehearse.checks import fillers, hedging, i_vs_we, length, metrics, pace, pauses, star, story
from rehearse.checks.base import CheckResult

CONTENT_CHECKS: tuple[ModuleType, ...] = (length, star, story, i_vs_we, metrics)
DELIVERY_CHECKS: tuple[ModuleType, ...] = (pace, pauses, fillers, hedging)
CHECKS: tuple[ModuleType, ...] = CONTENT_CHECKS + DELIVERY_CHECKS


def applies(check: ModuleType, analysis: Analysis) -> bool:
    """A check that needs audio is skipped, not failed, for a typed answer."""
    return analysis.transcript.timed or not getattr(check, "NEEDS_AUDIO", False)


def run_checks(analysis: Analysis) -> list[CheckResult]:
    return [check.run(analysis) for check in CHECKS if applies(check, analysis)]


def skipped_checks(analysis: Analysis) -> list[str]:
    return [check.ID for check in CHECKS if not applies(check, analysis)]


def by_id(check_id: str) -> ModuleType | None:
    return next((c for c in CHECKS if c.ID == check_id), None)
