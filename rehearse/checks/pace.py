"""pace: are you speaking at a pace an interviewer can follow and take notes to?

What it checks: words per minute of speaking time (long pauses left out), from the word
timestamps, against a band of 120-170 wpm; and single sentences over 200 wpm and 30%
faster than the whole answer (rushing), or under 100 wpm and 30% slower (dragging). Needs audio: skipped for a typed answer.

Why it matters: everyday conversation runs at about 120-150 wpm and well-received talks
at up to 165-170 (sources in rehearse/analysis/delivery.py). Nerves speed people up; an
interviewer who is writing notes loses the Action if it comes at 200 wpm.

Example: an answer at 185 wpm gets a warning to slow down and let the Result land; one
at 150 wpm passes.
"""

from __future__ import annotations

from rehearse.analysis.answer import Analysis
from rehearse.analysis.delivery import PACE_FAST_ABOVE, PACE_SLOW_BELOW, STRETCH_DRAG_BELOW, STRETCH_RUSH_ABOVE
from rehearse.checks.base import CheckResult

ID = "pace"
MAX_POINTS = 0  # delivery is coached, not scored: scores stay comparable across takes
NEEDS_AUDIO = True


def run(analysis: Analysis) -> CheckResult:
    delivery = analysis.delivery
    wpm = delivery.wpm
    rushed = [s for s in delivery.stretches if s.kind == "rush"]
    dragged = [s for s in delivery.stretches if s.kind == "drag"]
    found = f"{wpm:.0f} words a minute (aim for {PACE_SLOW_BELOW}-{PACE_FAST_ABOVE})" if wpm else "no pace could be measured"
    notes = []
    if rushed:
        notes.append(f"{len(rushed)} sentence{'s' if len(rushed) > 1 else ''} rushed (over {STRETCH_RUSH_ABOVE} and far above your pace)")
    if dragged:
        notes.append(f"{len(dragged)} dragged (under {STRETCH_DRAG_BELOW} and far below your pace)")
    if notes:
        found += "; " + ", ".join(notes)
    found += "."
    if delivery.pace_verdict == "fast":
        return CheckResult(ID, "warn", found, "Slow down: take a breath between the STAR parts and let the Result land.", 0, 0)
    if delivery.pace_verdict == "slow":
        return CheckResult(ID, "warn", found, "Pick up the pace a little: know the next beat of your story before you start.", 0, 0)
    if rushed or dragged:
        return CheckResult(ID, "warn", found, "Keep an even pace: the marked sentences ran much faster or slower than the rest.", 0, 0)
    return CheckResult(ID, "pass", found, "A pace that is easy to follow.", 0, 0)
