"""i_vs_we: does the answer say what you did, not what the team did?

What it checks: in the Action sentences, who acted: "I" (I, I'm, I've, I'd, myself) against
"we" (we, we're, we've, ourselves, and "our developers rewrote..."), leaving out the "we" of
a reason ("because we needed..."), a purpose or a condition ("so we could...", "if we..."),
and of what might have been ("we would have..."); "me", "my", "us" and "our" name no one
acting. When no sentence is an action, or the actions say neither, it counts every "I"
word (I, me, my, ...) and "we" word of the whole answer.

Why it matters: the guide says 'Use "I" not "we": interviewers want to know YOUR specific
actions', and puts it in the Action: 'focus on "I" not "we"'. "We" in the situation is
fine, it describes the team; "we" in the steps hides your part. (Judges of recorded mock
interviews even rated "we" higher overall, Naim et al. 2015: so only the actions count.)

Example: "We met with sales and we built a prototype" (0% I) fails; "I met with sales
and I built a prototype with two teammates" passes.
"""

from __future__ import annotations

import re

from rehearse.analysis.answer import Analysis
from rehearse.analysis.metrics import said_once
from rehearse.analysis.star import cue_hits
from rehearse.checks.base import CheckResult, quote
from rehearse.checks.story import too_little
from rehearse.prompts import guide_quote

ID = "i_vs_we"
MAX_POINTS = 20
GOOD_RATIO = 0.7  # at or above: pass, full points
FAIL_BELOW = 0.4  # below: fail
NO_PRONOUN_POINTS = 10
SHOWN = 2  # team phrases quoted ("our developers rewrote"), at most
QUOTED_CHARS = 40
MIN_ADVICE = 2  # "you" said this often in Action sentences with no "I" or "we": advice, not steps
# "you" as the one who acts, not "you know" (a filler) nor "thank you".
_YOU_ACTING = re.compile(r"\byou\b(?!\s+know\b)(?<!\bthank you)", re.I)
# Words said to someone in the story, quoted or addressed back to the speaker ("Same message
# to both: 'You take turns, and you come to me first'"): a step told, not advice (a review's).
_SAID_TO_SOMEONE = re.compile(r"[\"“”:]|\b(?:me|my)\b", re.I)


def _advice_in_action(analysis: Analysis) -> int:
    """How often the Action sentences say "you" (only read when they say neither "I" nor "we")."""
    return sum(len(_YOU_ACTING.findall(s.text)) for s, lab in zip(analysis.sentences, analysis.labels)
               if lab.label == "action" and not _SAID_TO_SOMEONE.search(s.text))


def said_times(n: int) -> str:
    return {0: "not once", 1: "once", 2: "twice"}.get(n, f"{n} times")


def checked_ratio(analysis: Analysis) -> float | None:
    """The share of "I" the check scores, or None when it scores none: neither word said,
    no step of one's own told, too little told, or steps said as advice. History, progress
    and export show this figure, so they never say "100% I" of an answer the check told
    "no step of your own is told yet" (a tryout's)."""
    ratio = analysis.checked_pronouns.i_ratio
    return None if ratio is None or _unmeasured(analysis, ratio) is not None else ratio


def _points(ratio: float) -> float:
    return round(MAX_POINTS * min(1.0, ratio / GOOD_RATIO), 1)


def _unmeasured(analysis: Analysis, ratio: float) -> CheckResult | None:
    """The finding for an answer whose "I" share measures no steps of its own, or None."""
    in_action = analysis.action_pronouns.i_ratio is not None
    points = _points(ratio)
    guide = guide_quote(ID)
    # An answer in general that tells at most one thing that happened has no steps of its
    # own, whatever was read as its Action ("If something is blocked, I switch to the next
    # thing": a new user's general answer took 20 points for such "I"s).
    steps_in_general = analysis.story.talks_in_general and analysis.story.past <= 1
    if (not in_action or steps_in_general) and analysis.story.talks_in_general and points > NO_PRONOUN_POINTS:
        # "I usually...", "I'm the person people come to": "I" in habits owns no step (a
        # tryout's general answer took all 20 points for them). (A "we" that scores lower
        # keeps its own finding.)
        return CheckResult(ID, "warn", 'No step of your own is told yet: "I" counts in what you did, one time.',
                           f"Tell what you did, in the first person, on one specific occasion. {guide}",
                           NO_PRONOUN_POINTS, MAX_POINTS)
    if too_little(analysis) and points > NO_PRONOUN_POINTS:
        # "I did it." took all 20 points, and a score of 40 (a tryout's): too little to tell
        # who did what.
        return CheckResult(ID, "warn", 'Too little told yet to say who did what.',
                           f"Tell what you did, in the first person, step by step. {guide}",
                           NO_PRONOUN_POINTS, MAX_POINTS)
    advice = _advice_in_action(analysis)
    if not in_action and advice >= MIN_ADVICE and points > NO_PRONOUN_POINTS:
        # Steps said as advice to "you" ("You have to listen to both sides first") say what
        # anyone should do, not what the speaker did: a second tryout's answer took all 20
        # points for the "I" of its opening.
        return CheckResult(ID, "warn", f'In your actions, "you" {said_times(advice)} and no "I": they read as advice, '
                           "not as what you did.",
                           f'Tell your steps as yours: "I listened to each of them first", not "you have to listen". {guide}',
                           NO_PRONOUN_POINTS, MAX_POINTS)
    return None


def run(analysis: Analysis) -> CheckResult:
    in_action = analysis.action_pronouns.i_ratio is not None
    counts = analysis.checked_pronouns
    ratio = counts.i_ratio
    guide = guide_quote(ID)
    if ratio is None:
        return CheckResult(ID, "warn", 'Neither "I" nor "we" was said: it is unclear who did what.',
                           f"Say what you did, in the first person. {guide}", NO_PRONOUN_POINTS, MAX_POINTS)
    unmeasured = _unmeasured(analysis, ratio)
    if unmeasured is not None:
        return unmeasured
    points = _points(ratio)
    where = "In your actions" if in_action else "In the answer"
    # "Our developers rewrote the form" counts as "we" without the word: quote it, or the
    # count names a word the speaker never said.
    said = said_once(counts.team_acted)
    team = ", ".join(f'"{quote(words, QUOTED_CHARS)}"' for words in said[:SHOWN])
    more = f" and {len(said) - SHOWN} more" if len(said) > SHOWN else ""
    team = f", including {team}{more}" if team else ""
    found = f'{where}, "I" {said_times(counts.i)}, "we" {said_times(counts.we)}{team} ({ratio:.0%} I).'
    if ratio >= GOOD_RATIO:
        return CheckResult(ID, "pass", found, f"Your own actions come through. {guide}", points, MAX_POINTS)
    status = "warn" if ratio >= FAIL_BELOW else "fail"
    # Which "we" were counted, when they cost points: a tryout could not tell why a "we"
    # in a reason had counted.
    if in_action and counts.we_said and not team:
        shown = said_once(counts.we_said)
        words = ", ".join(f'"{quote(w, QUOTED_CHARS)}"' for w in shown[:SHOWN])
        more = f" and {len(shown) - SHOWN} more" if len(shown) > SHOWN else ""
        found = found[:-1] + f", as in {words}{more}."
    tip = f'Turn "we did" into "I did" in your action steps, and name what others did separately. {guide}'
    if not analysis.star.present["action"] and not any(
            cue.name == "we_did" for sentence in analysis.sentences for cue in cue_hits(sentence.text)):
        # No step is told at all, by "I" or "we": the "we" counted is the scene's ("we are a
        # big distribution centre", "we have about eighty people"), and "your action steps"
        # are not there to turn (a tryout's answer of background was told to). ("We
        # changed the rota", read as the result, is a step to turn still.)
        tip = f'Tell what you did yourself, step by step, with "I". {guide}'
    return CheckResult(ID, status, found[:-1] + ": say what you did.", tip, points, MAX_POINTS)
