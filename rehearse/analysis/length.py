"""How long the answer is, against the guide's "1-3 minutes, aim for 90 seconds"."""

from __future__ import annotations

from dataclasses import dataclass

TARGET_S = 90
TOO_SHORT_BELOW_S = 60
LONG_ABOVE_S = 120
TOO_LONG_ABOVE_S = 180
# Typed transcripts have no clock: estimate at a typical speaking pace.
ESTIMATE_WPM = 150


@dataclass(frozen=True)
class Length:
    duration_s: float
    estimated: bool
    word_count: int
    wpm: float | None
    verdict: str


def clock(seconds: float | None) -> str:
    """Seconds as m:ss, the way the guide talks about length ("aim for 1:30"); "-" for none."""
    if seconds is None:
        return "-"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def verdict_for(duration_s: float) -> str:
    if duration_s < TOO_SHORT_BELOW_S:
        return "too_short"
    if duration_s <= LONG_ABOVE_S:
        return "good"
    if duration_s <= TOO_LONG_ABOVE_S:
        return "long"
    return "too_long"


def measure_length(word_count: int, spoken_s: float | None) -> Length:
    """`spoken_s` is the time from the first word's start to the last word's end; None for text.

    Silence before the first word and after the last is not part of the answer, so a
    recording started early or stopped late is not judged longer than it was.
    """
    if spoken_s is None:
        duration = word_count * 60.0 / ESTIMATE_WPM
        return Length(round(duration, 1), True, word_count, None, verdict_for(duration))
    wpm = word_count / (spoken_s / 60.0) if spoken_s > 0 else None
    return Length(round(spoken_s, 1), False, word_count, None if wpm is None else round(wpm, 1), verdict_for(spoken_s))
