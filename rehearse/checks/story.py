"""story: is it one specific story from your past, not a habit or a "would"?

What it checks: sentences that talk in general or hypothetically ("I always...", "I
usually...", "I would...", "I'm good at...", "whenever a customer...") against sentences
that tell something that happened. It warns when at least two sentences talk in general
and they are at least as many as the ones that tell what happened, or when nothing that
happened is told at all (`Story.talks_in_general`); it shows the sentences that
triggered it. Then the STAR check does not count those sentences as parts of a
story. It also warns when an answer is too little to be a story at all (under 60
words in under 3 sentences: FRAGMENT_WORDS, FRAGMENT_SENTENCES). A lesson at the end
("next time I would...") does not count: the guide asks for one.

Why it matters: behavioral questions ask for a specific past example, and "I always make
sure everyone is heard" proves nothing. Career sites name generic answers among the most
common mistakes. The guide's Situation is "when, where, what was happening".

Example: "I'm a good communicator. I always make sure everyone is heard." warns; "Last
spring two of my teammates stopped talking to each other, so I..." passes.

It carries no points yet: it coaches, like the delivery checks.
"""

from __future__ import annotations

from rehearse.analysis.answer import Analysis
from rehearse.checks.base import CheckResult, quote
from rehearse.prompts import star_definitions

ID = "story"
MAX_POINTS = 0
SHOWN = 2
QUOTED_CHARS = 70
# An answer this short, in fewer sentences than this, is too little to call a story (a
# tryout's "I learned Excel by myself. It was hard but now I am good at it." was told "A
# specific story from your past").
FRAGMENT_WORDS = 60
FRAGMENT_SENTENCES = 3


def _quoted(texts: list[str]) -> str:
    shown = "; ".join(f'"{quote(text, QUOTED_CHARS)}"' for text in texts[:SHOWN])
    return shown + (f" and {len(texts) - SHOWN} more" if len(texts) > SHOWN else "")


# How the two warnings open: the story bank tells an answer in general from one too short
# to be a story by them (a tryout's 17-word take was listed as "answered in general terms").
TALKS_IN_GENERAL = "Talks in general, not about one time"
TOO_LITTLE = "Too little to be a story yet"


def too_little(analysis: Analysis) -> bool:
    """Too few words and sentences to be a story at all ("I did it.")."""
    return too_few(len(analysis.sentences), analysis.length.word_count)


def too_few(sentences: int, words: int) -> bool:
    """too_little, from the counts (a stored report's)."""
    return sentences < FRAGMENT_SENTENCES and words < FRAGMENT_WORDS


def run(analysis: Analysis) -> CheckResult:
    story = analysis.story
    situation = star_definitions()["situation"]
    generic = [analysis.sentences[i].text for i in story.generic]
    keep = f'Keep it about that one time. The guide: "{situation}."'
    if story.talks_in_general:
        return CheckResult(ID, "warn", f"{TALKS_IN_GENERAL}: {_quoted(generic)}",
                           f'Tell one specific time it happened, and what you did then. The guide: "{situation}."',
                           0, MAX_POINTS)
    if generic:
        return CheckResult(ID, "pass", f"A specific story, with {len(generic)} general remark"
                           f"{'s' if len(generic) > 1 else ''}: {_quoted(generic)}", keep, 0, MAX_POINTS)
    sentences = len(analysis.sentences)
    if too_little(analysis):
        return CheckResult(ID, "warn", f"{TOO_LITTLE}: {analysis.length.word_count} words in "
                           f"{sentences} sentence{'s' if sentences != 1 else ''}.",
                           f'Tell one time from the start: where you were, what you did, how it ended. '
                           f'The guide: "{situation}."', 0, MAX_POINTS)
    if story.past == 0:
        # A story told in the present ("so I walk in and the monitor is alarming") is still
        # one time: nothing to warn of, only to anchor (a tryout's was told "nothing that
        # happened is told either").
        return CheckResult(ID, "pass", "No talk in general; told in the present tense.",
                           f'Say when it was ("Last March, on a night shift..."), so it is plainly one time. '
                           f'The guide: "{situation}."', 0, MAX_POINTS)
    return CheckResult(ID, "pass", "A specific story from your past.", keep, 0, MAX_POINTS)
