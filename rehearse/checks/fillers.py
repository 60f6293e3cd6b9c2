"""fillers: how often do "um", "uh", "like", "you know" fill the silence?

What it checks: filled pauses (um, uh, er, ah), "like" used as a filler (not "I'd like",
"looks like" or "tasks, like fixing the footer"), "you know" (not "what you know"), "I
mean", "basically", "actually", "literally", and "so" opening a sentence; as a count and a
rate per minute of speaking. Also words or phrases said twice in a row ("the the", "and
then and then"). Whisper leaves out most "um"s: where the audio shows a sign of one it
left out (a gap with speech-like sound in it, a word stretched far too long), the answer
is decoded again with a prompt that keeps them, only that decoding's filled pauses are put
among the plain words, and each is checked against the sound in the audio (see the README
for the measured recall and precision).

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
SHOWN_KINDS = 4


def run(analysis: Analysis) -> CheckResult:
    delivery = analysis.delivery
    count = len(delivery.fillers)
    rate = delivery.fillers_per_minute
    repeats = delivery.repetitions
    if count == 0:
        found = "No filler words."
    else:
        kinds = Counter(m.text.lower() for m in delivery.fillers).most_common()
        listed = ", ".join(f'"{text}" x{n}' if n > 1 else f'"{text}"' for text, n in kinds[:SHOWN_KINDS])
        if len(kinds) > SHOWN_KINDS:  # never drop a kind without saying so
            listed += f" and {len(kinds) - SHOWN_KINDS} more kind{'s' if len(kinds) - SHOWN_KINDS > 1 else ''}"
        rate_text = f" ({rate:.1f} a minute)" if rate is not None else ""
        found = f"{count} filler{'s' if count != 1 else ''}{rate_text}: {listed}."
    if repeats:
        found += " Repeated: " + ", ".join(f'"{m.text}"' for m in repeats[:3]) + "."
    if rate is not None and rate > PASS_AT:
        # (The speaker's own commonest filler: a tryout's "like x9, basically x6" was told "um".)
        top = kinds[0][0]
        return CheckResult(ID, "warn", found, f"Replace fillers with a short silent pause: it sounds more confident "
                           f"than \"{top}\".", 0, 0)
    if len(repeats) >= 2:
        return CheckResult(ID, "warn", found, "Slow down where you restart a phrase; finish the thought before you speak.", 0, 0)
    return CheckResult(ID, "pass", found, "Clean delivery." if count == 0 else "A few fillers are natural.", 0, 0)
