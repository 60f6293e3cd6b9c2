"""fillers: how often do "um", "uh", "like", "you know" fill the silence?

What it checks: filled pauses (um, uh, er, ah), "like" used as a filler (not "I'd like" or
"looks like"), "you know", "I mean", "basically", "actually", "literally", and "so"
opening a sentence; as a count and a rate per minute of speaking. Also words or phrases
said twice in a row ("the the", "and then and then"). Whisper is prompted to keep filled
pauses, and each is checked against the sound in the audio (see the README for the
measured recall and precision).

Why it matters: a few fillers are human; many make an answer sound unprepared. A silent
pause sounds more confident than "um".

Example: 6 fillers in a 90-second answer (4 a minute) gets a warning with where they are.
"""

from __future__ import annotations

from collections import Counter

from rehearse.analysis.answer import Analysis
from rehearse.checks.base import CheckResult

ID = "fillers"
MAX_POINTS = 0
NEEDS_AUDIO = False
# Fillers per minute of speaking: at or under PASS_AT is natural speech.
PASS_AT = 2.0


def run(analysis: Analysis) -> CheckResult:
    delivery = analysis.delivery
    count = len(delivery.fillers)
    rate = delivery.fillers_per_minute
    repeats = delivery.repetitions
    if count == 0:
        found = "No filler words."
    else:
        common = Counter(m.text for m in delivery.fillers).most_common(3)
        listed = ", ".join(f'"{text}" x{n}' if n > 1 else f'"{text}"' for text, n in common)
        found = f"{count} filler{'s' if count != 1 else ''} ({rate:.1f} a minute): {listed}."
    if repeats:
        found += " Repeated: " + ", ".join(f'"{m.text}"' for m in repeats[:3]) + "."
    if rate is not None and rate > PASS_AT:
        return CheckResult(ID, "warn", found, "Replace fillers with a short silent pause: it sounds more confident than \"um\".", 0, 0)
    if len(repeats) >= 2:
        return CheckResult(ID, "warn", found, "Slow down where you restart a phrase; finish the thought before you speak.", 0, 0)
    return CheckResult(ID, "pass", found, "Clean delivery." if count == 0 else "A few fillers are natural.", 0, 0)
