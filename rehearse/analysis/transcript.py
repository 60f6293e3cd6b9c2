"""What was said: words with their times, from speech or from a typed transcript."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rehearse.analysis.delivery import FilledPause


@dataclass(frozen=True)
class Word:
    """One spoken or typed word, with its punctuation attached as written.

    `start`/`end` are seconds from the start of the audio; None for typed text.
    """

    text: str
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True)
class Transcript:
    words: tuple[Word, ...]
    kind: str  # "audio" or "text"
    engine: str | None = None
    model: str | None = None
    # Length of the audio in seconds (None for typed text).
    audio_duration_s: float | None = None
    # The settings that produced this transcript, so a take can be reproduced.
    settings: dict = field(default_factory=dict)
    # Where the audio has sound, as (start, end) seconds, measured from the audio itself:
    # pauses and filled pauses are placed by these, not by Whisper's word times alone.
    voiced: tuple[tuple[float, float], ...] = ()
    # The filled pauses ("um", "uh") among `words`, placed on the sound under them when the
    # words were transcribed (analysis.delivery.heard_filled_pauses); empty for typed text.
    filled_pauses: tuple["FilledPause", ...] = ()

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def timed(self) -> bool:
        return self.kind == "audio"


_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")


def from_text(text: str) -> Transcript:
    """A typed transcript. Markdown headings, bullets and emphasis are dropped."""
    lines = []
    for line in text.splitlines():
        line = _MARKDOWN.sub("", line).replace("**", "").replace("__", "").strip()
        if line:
            # A bullet or line without end punctuation is still a thought of its own.
            if line[-1] not in ".?!:;,":
                line += "."
            lines.append(line)
    words = tuple(Word(token) for token in " ".join(lines).split())
    return Transcript(words=words, kind="text")
