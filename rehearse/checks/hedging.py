"""hedging: do your actions sound owned, or softened?

What it checks: hedges ("I think", "I guess", "maybe", "kind of", "sort of", "just",
"hopefully", "probably", "I tried to", "helped with") in each sentence, most of all in
Action sentences, where the guide wants clear, owned actions.

Why it matters: the guide says interviewers want YOUR specific actions. "I sort of helped
with the calls" hides what you did; "I called the supplier" shows it.

Example: two hedges in Action sentences get a warning quoting them; a hedge in the
lesson learned ("I think the prototype convinced people") passes.
"""

from __future__ import annotations

from rehearse.analysis.answer import Analysis
from rehearse.analysis.sentences import sentence_of_words
from rehearse.checks.base import CheckResult

ID = "hedging"
MAX_POINTS = 0
NEEDS_AUDIO = False
WARN_IN_ACTION = 2  # hedges in Action sentences
WARN_TOTAL = 4
SHOWN = 4


def _said(text: str) -> str:
    """A hedge as it is said: the rules match lowercase words ("i think" is "I think")."""
    return " ".join("I" + word[1:] if word == "i" or word.startswith("i'") else word for word in text.split())


def run(analysis: Analysis) -> CheckResult:
    hedges = analysis.delivery.hedges
    of = sentence_of_words(analysis.sentences)
    in_action = [m for m in hedges if analysis.labels[of[m.first]].label == "action"]
    if not hedges:
        return CheckResult(ID, "pass", "No hedging: your actions sound owned.", "Keep saying plainly what you did.", 0, 0)
    listed = ", ".join(f'"{_said(m.text)}"' for m in hedges[:SHOWN])
    if len(hedges) > SHOWN:
        listed += f" and {len(hedges) - SHOWN} more"
    found = f"{len(hedges)} hedge{'s' if len(hedges) != 1 else ''} ({listed}), {len(in_action)} in Action sentences."
    if len(in_action) >= WARN_IN_ACTION or len(hedges) >= WARN_TOTAL:
        return CheckResult(ID, "warn", found,
                           'State your actions plainly: "I called the supplier", not "I sort of helped with the calls".', 0, 0)
    return CheckResult(ID, "pass", found, "Mostly owned; keep the Action sentences free of hedges.", 0, 0)
