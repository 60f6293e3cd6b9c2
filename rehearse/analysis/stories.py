"""Which takes tell the same story. The guide says "Prepare 5-7 core stories that can
answer multiple questions": a person tells the same few stories, in other words and to
other questions, all week.

A retold story keeps what makes it that story: its people, systems, numbers and nouns
("Dana", "billing", "module", "holidays", "eight a month"), while its wording changes. So
two takes are compared on their content words, weighted by how rare each word is
(TF-IDF, with the guide's 25 example answers and the person's own takes as the
background: "team", "customers" and "service" weigh little), and a take joins the story
it is most similar to when the cosine similarity reaches SAME_STORY; otherwise it starts
a new story. Takes are grouped in the order they were saved; a take placed by hand
(merge, split) stays where it was put. Pure and deterministic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

# Set on the shipped samples told again in other words (eval/stories/retellings.json)
# against 55 other answers (eval/relevance/dev.json and the guide's): python -m eval.stories_eval.
SAME_STORY = 0.38

# Words that say nothing about which story it is: function words, and the words every
# behavioral answer uses.
_COMMON = set("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves one two got get make made really lot thing
things way time times first next last went going go come came took take asked told said say says think thought
know knew wanted want needed need let lets like us back well much many still even ever every something anything
everyone everybody someone nobody nothing kind sure end result results team teams work worked working job role
company current previous able started start decided help helped also made new old
""".split())


def _stem(word: str) -> str:
    """A light stem, so "prototypes" and "prototyped" meet "prototype"."""
    for suffix in ("ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def content_words(text: str) -> Counter:
    words = re.findall(r"[a-z][a-z'-]*[a-z]|\d+", text.lower())
    return Counter(_stem(w) for w in words if w not in _COMMON and (len(w) > 2 or w.isdigit()))


@dataclass(frozen=True)
class Background:
    """Document frequencies: how many of `documents` texts hold each word."""
    documents: int
    frequency: Counter

    @classmethod
    def of(cls, texts: list[str]) -> "Background":
        frequency: Counter = Counter()
        for text in texts:
            frequency.update(set(content_words(text)))
        return cls(len(texts), frequency)

    def weight(self, word: str) -> float:
        return math.log((1 + self.documents) / (1 + self.frequency[word])) + 1


def _vector(words: Counter, background: Background) -> dict[str, float]:
    vector = {w: (1 + math.log(n)) * background.weight(w) for w, n in words.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def similarity(a: str, b: str, background: Background) -> float:
    va, vb = _vector(content_words(a), background), _vector(content_words(b), background)
    return sum(v * vb.get(w, 0.0) for w, v in va.items())


def group(texts: dict[int, str], background_texts: list[str], placed: dict[int, int] | None = None) -> dict[int, int]:
    """{take id: story number}: each take, in id order, joins the story it is most
    similar to (its most similar take) when that reaches SAME_STORY, else starts the next
    story. `placed` {take id: story number} are takes put by hand: they keep their story
    and others may join it."""
    placed = dict(placed or {})
    background = Background.of(background_texts + list(texts.values()))
    vectors = {take: _vector(content_words(text), background) for take, text in texts.items()}
    stories: dict[int, int] = {take: story for take, story in placed.items() if take in texts}
    next_story = max(placed.values(), default=0) + 1
    for take in sorted(texts):
        if take in placed:
            continue
        best, best_story = 0.0, None
        for other, story in sorted(stories.items()):
            score = sum(v * vectors[other].get(w, 0.0) for w, v in vectors[take].items())
            if score > best:
                best, best_story = score, story
        if best_story is not None and best >= SAME_STORY:
            stories[take] = best_story
        else:
            stories[take] = next_story
            next_story += 1
    return stories
