"""What was said: words with their times, from speech or from a typed transcript."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rehearse.analysis.safetext import strip_controls

if TYPE_CHECKING:
    from rehearse.analysis.delivery import FilledPause


@dataclass(frozen=True)
class Word:
    """One spoken or typed word, with its punctuation attached as written.

    `start`/`end` are seconds from the start of the audio; None for typed text.
    `probability` is how sure Whisper was of the word (0-1); None for typed text.
    """

    text: str
    start: float | None = None
    end: float | None = None
    probability: float | None = None


# A word Whisper gave less than this probability is one it was unsure of: dimmed in the
# reports (a misheard number shows as unsure), and named where a finding quotes it.
UNSURE_BELOW = 0.5
# A word Whisper gave less than this may be misheard: named by a finding that rests on
# what it may hide (a measure, the question's words). Lower than the dimming: Whisper is
# often unsure of a number it heard right. In the measures found on the delivery
# recordings and the phone calls (19 recordings, real transcription), three right words
# were under 0.5 ("40" for "forty" 0.29, "eight" 0.32 and 0.49) and one misheard, "zero
# checkoutages" for "zero checkout outages", at 0.0.
MISHEARD_BELOW = 0.2


def is_misheard(word) -> bool:
    """Whether Whisper may have misheard this word (never a typed one)."""
    return word.probability is not None and word.probability < MISHEARD_BELOW


def misheard(words) -> list[str]:
    """The words Whisper may have misheard, each once, as said (none in typed text)."""
    said: dict[str, str] = {}
    for word in words:
        if is_misheard(word):
            text = word.text.strip(".,;:!?\"'")
            said.setdefault(text.lower(), text)
    return list(said.values())


def unsure_words(words) -> int:
    """How many of these words Whisper was unsure of (none in typed text)."""
    return sum(1 for w in words if w.probability is not None and w.probability < UNSURE_BELOW)


@dataclass(frozen=True)
class Removed:
    """A word Whisper wrote that was taken out as invented, and why: "loop" (a copy of a
    phrase it kept repeating), "no speech" (nothing was said under it) or "repeat" (a
    phrase it had written elsewhere, written again over other speech)."""

    text: str
    start: float
    end: float
    reason: str


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
    # Stretches of speech, as (start, end) seconds, that still have no words after being
    # decoded again: the feedback leaves them out, and says so.
    untranscribed: tuple[tuple[float, float], ...] = ()
    # Words Whisper wrote that were taken out as invented.
    removed: tuple[Removed, ...] = ()
    # How good the recording is (audio.quality.measure): levels, SNR, clipping, and notes
    # that tell a person when to record again rather than trust the figures.
    audio_quality: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def timed(self) -> bool:
        return self.kind == "audio"


# Fewer words than this is not an answer to report on, however it came: noise gives Whisper
# a word or two ("O", "you"), and a typed file can hold only punctuation.
MIN_ANSWER_WORDS = 3


def real_words(words) -> list[str]:
    """The words that hold a letter or a digit (not stray punctuation)."""
    return [w.text.strip() for w in words if any(c.isalnum() for c in w.text)]


_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")


def from_text(text: str) -> Transcript:
    """A typed transcript. Markdown headings, bullets and emphasis are dropped."""
    lines = []
    # Escape sequences and control characters are not words (and must never reach a terminal).
    for line in strip_controls(text).splitlines():
        line = _MARKDOWN.sub("", line).replace("**", "").replace("__", "").strip()
        if line:
            # A bullet or line without end punctuation is still a thought of its own.
            if line[-1] not in ".?!:;,":
                line += "."
            lines.append(line)
    words = tuple(Word(token) for token in " ".join(lines).split())
    return Transcript(words=words, kind="text")
