"""pauses: does the answer flow, or stall?

What it checks: silences between words, measured on the audio. Pauses of 0.5-2 s are
fine and only counted (a breath between STAR parts helps the listener); pauses over 2 s
are listed with their times; so is dead air of more than 2 s before the first word.
Needs audio: skipped for a typed answer.

Why it matters: a long silence mid-answer sounds like losing the thread of the story.
Knowing the four beats (Situation, Task, Action, Result) keeps you moving.

Example: an answer with a 3-second silence at 0:55 gets a warning naming that moment.
"""

from __future__ import annotations

from rehearse.analysis.answer import Analysis
from rehearse.analysis.delivery import DEAD_AIR_S, LONG_PAUSE_S
from rehearse.analysis.length import clock
from rehearse.checks.base import CheckResult

ID = "pauses"
MAX_POINTS = 0
NEEDS_AUDIO = True


def run(analysis: Analysis) -> CheckResult:
    delivery = analysis.delivery
    long_pauses = delivery.long_pauses
    short = len(delivery.pauses) - len(long_pauses)
    parts = [f"{short} short pause{'s' if short != 1 else ''} (0.5-{LONG_PAUSE_S:.0f} s)"]
    if long_pauses:
        listed = ", ".join(f"{p.seconds:.1f} s at {clock(int(p.start))}" for p in long_pauses)
        parts.append(f"{len(long_pauses)} long: {listed}")
    dead_air = delivery.start_silence_s is not None and delivery.start_silence_s > DEAD_AIR_S
    if dead_air:
        parts.append(f"{delivery.start_silence_s:.1f} s of silence before the first word")
    found = "; ".join(parts) + "."
    if long_pauses or dead_air:
        tip = ("Start speaking within a second or two: open with the Situation in one sentence. " if dead_air else "") + \
              ("Know your next beat (S, T, A, R) so you never stall; a short breath between parts is fine." if long_pauses else "")
        return CheckResult(ID, "warn", found, tip.strip(), 0, 0)
    if short == 0:
        # No pause at all is not "flowing": at a fast pace it is a rush the listener cannot follow.
        return CheckResult(ID, "pass", f"No long pauses{'; no short ones either' if delivery.pauses == [] else ''}.",
                           "A short breath between the parts (S, T, A, R) helps the listener follow.", 0, 0)
    return CheckResult(ID, "pass", found, "No long pauses; short pauses between parts help the listener.", 0, 0)
