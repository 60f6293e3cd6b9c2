"""What every check returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckResult:
    id: str
    status: str  # pass | warn | fail
    message: str  # what was found
    tip: str  # what to do next time, in the guide's terms
    points: float  # this check's part of the score
    max_points: float
    # What other findings follow from, so it is the one thing to change even as a warning
    # (a result that is not clear comes before "put a number on the result").
    comes_first: bool = False
    # The answer tells no story at all ("I always..."): telling one comes before saying more.
    no_story: bool = False

    @property
    def lost(self) -> float:
        return self.max_points - self.points


def quote(text: str, limit: int) -> str:
    """A sentence of the answer, shortened to `limit` characters to be quoted in a finding."""
    # (A sentence cut at a clause keeps no dangling comma: "...got an A minus".)
    text = text.rstrip(",;:")
    return text if len(text) <= limit else text[:limit - 3].rstrip(" ,;:") + "..."
