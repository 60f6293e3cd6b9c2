"""Count "I" and "we": the guide wants the speaker's own actions, not the team's."""

from __future__ import annotations

import re
from dataclasses import dataclass

I_WORDS = {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"}
WE_WORDS = {"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"}
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


@dataclass(frozen=True)
class PronounCount:
    i: int
    we: int

    @property
    def i_ratio(self) -> float | None:
        total = self.i + self.we
        return None if total == 0 else self.i / total


def count_pronouns(text: str) -> PronounCount:
    i = we = 0
    for token in _TOKEN.findall(text):
        word = token.lower().replace("’", "'")
        if word in I_WORDS:
            i += 1
        elif word in WE_WORDS:
            we += 1
    return PronounCount(i=i, we=we)


# Who did it: the words that make the speaker or the team the one acting. "At my last job",
# "I fixed our build" and "she asked me" say nothing of who acted, so the Action's count
# leaves out me/my/mine and us/our/ours (the whole answer's count keeps report v1's words).
ACTOR_I_WORDS = {"i", "myself", "i'm", "i've", "i'd", "i'll"}
ACTOR_WE_WORDS = {"we", "ourselves", "we're", "we've", "we'd", "we'll"}


def count_actors(text: str) -> PronounCount:
    i = we = 0
    for token in _TOKEN.findall(text):
        word = token.lower().replace("’", "'")
        i += word in ACTOR_I_WORDS
        we += word in ACTOR_WE_WORDS
    return PronounCount(i=i, we=we)


def count_in_action(sentences, labels) -> PronounCount:
    """Who acted in the Action sentences ("I" against "we"), where the guide wants "I":
    the situation may say "we" about the team, the action should say what you did."""
    return count_actors(" ".join(s.text for s, lab in zip(sentences, labels) if lab.label == "action"))
