"""Is the answer one specific past story, or talk about habits and what one would do?

Behavioral questions ask for one real example ("Tell me about a time..."). Among the most
common critiques of answers on career sites is that they talk in general ("I always make
sure everyone is heard", "I'm a good communicator") or hypothetically ("I would sit down
with them"), so they prove nothing. This finds those sentences, and the sentences that
narrate a past event, so the check can say which kind the answer is made of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.analysis.sentences import Sentence
from rehearse.analysis.star import PAST_TENSE, Labeled

# Talk about habits, traits and hypotheticals, in the first person or about "a customer".
# ("I'd" is left out: it is as often "I had" as "I would"; "we would" is often a past habit.)
_GENERIC = re.compile(
    r"\b(?:i|we) (?:always|usually|generally|normally|typically|tend to|try to|like to|make it a point)\b"
    r"|\bi would\b(?! have\b)"
    r"|\bi(?:'m| am) (?:a |an |very |really |pretty |quite |naturally |always )?(?:good|great|strong|skilled|excellent|"
    r"someone|the kind|the type|a person|comfortable|confident|organized|detail|people|team|natural|patient|calm)\b"
    r"|\b(?:whenever|every time|anytime) (?:i|we|there's|there is|someone|a customer|a client|a patient|things)\b"
    r"|\bif (?:i|we|there's|there is|someone|a customer|a client|a patient|a colleague) (?:see|sees|have|has|is|are|get|gets|were|need|needs)\b"
    r"|\bmy (?:approach|philosophy|strategy|style) (?:is|has always been)\b"
    r"|\bin general\b|\bgenerally speaking\b",
)
# A lesson or a change since then is about the future on purpose ("next time I would").
_LESSON = re.compile(r"\b(?:next time|now i|since then|from then on|learned|looking back|in hindsight|going forward|these days)\b")
# A past state sets a scene as much as a past step tells one ("I was the only nurse on").
_PAST_STATE = re.compile(r"\b(?:was|were|had)\b")


@dataclass(frozen=True)
class Story:
    generic: list[int]  # indexes of sentences that talk in general or hypothetically
    past: int  # sentences that tell something that happened


def find_generic(sentences: list[Sentence], labels: list[Labeled]) -> Story:
    generic, past = [], 0
    for sentence, label in zip(sentences, labels):
        text = sentence.text.lower().replace("\u2019", "'")
        told = bool(PAST_TENSE.search(text) or _PAST_STATE.search(text))
        # A sentence that tells a past event is narrative even with "usually" in it.
        if _GENERIC.search(text) and not told and not (label.label == "result" and _LESSON.search(text)):
            generic.append(sentence.index)
        elif told:
            past += 1
    return Story(generic=generic, past=past)
