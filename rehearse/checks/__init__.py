"""The checks, in the order the report shows them. Each is a module with ID, MAX_POINTS,
its thresholds, a docstring that `rehearse explain ID` prints, and a pure `run(analysis)`."""

from __future__ import annotations

from types import ModuleType

from rehearse.analysis.answer import Analysis
from rehearse.checks import i_vs_we, length, metrics, star
from rehearse.checks.base import CheckResult

CHECKS: tuple[ModuleType, ...] = (length, star, i_vs_we, metrics)


def run_checks(analysis: Analysis) -> list[CheckResult]:
    return [check.run(analysis) for check in CHECKS]


def by_id(check_id: str) -> ModuleType | None:
    return next((c for c in CHECKS if c.ID == check_id), None)
