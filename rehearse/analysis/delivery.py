"""How the answer was spoken: pace, pauses, filled pauses placed on the audio's clock.

Pure functions of the transcript's timed words and the voiced spans measured from the
audio (Transcript.voiced). Whisper's word times drift by a few tenths of a second around
silences and fillers; the voiced spans do not, so pauses and filled pauses are placed by
them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rehearse.analysis.fillers import FILLED_PAUSES, find_fillers, find_hedges, find_repetitions, normalize
from rehearse.analysis.sentences import sentence_of_words
from rehearse.analysis.transcript import Word

# Pace band, words per minute of speaking time. Everyday conversation runs at about
# 120-150 wpm and well-received talks at up to 165-170 (sennhauser.com/rate-of-speech,
# which measured two popular TED talks at 165 and 170; oneperfectspeech.com puts the
# average American at about 150). Under 120 drags; over 170 rushes an interviewer who is
# taking notes.
PACE_SLOW_BELOW = 120
PACE_FAST_ABOVE = 170
# A stretch (a sentence of at least STRETCH_MIN_WORDS words) is flagged beyond these, and
# only when it also differs from the speaker's own pace by STRETCH_OWN_PACE: a sentence
# is always a little faster than the answer, which includes the breaths between them.
STRETCH_RUSH_ABOVE = 200
STRETCH_DRAG_BELOW = 100
STRETCH_OWN_PACE = 0.3
STRETCH_MIN_WORDS = 8
# Pauses: silence between words. 0.5-2 s is a pause (fine, counted); over 2 s is long.
PAUSE_MIN_S = 0.5
LONG_PAUSE_S = 2.0
# Silence before the first word longer than this is dead air at the start.
DEAD_AIR_S = 2.0
# A filled pause Whisper wrote over less voiced sound than this was invented by it.
FILLED_PAUSE_MIN_VOICED_S = 0.1


@dataclass(frozen=True)
class Pause:
    start: float
    end: float
    after_word: int  # index of the word before it

    @property
    def seconds(self) -> float:
        return round(self.end - self.start, 2)


@dataclass(frozen=True)
class FilledPause:
    word: int  # index into the words
    text: str
    start: float
    end: float


def _silences_between(voiced: tuple[tuple[float, float], ...], lo: float, hi: float) -> list[tuple[float, float]]:
    """The silent stretches inside [lo, hi], from the voiced spans."""
    out = []
    cursor = lo
    i = max(0, bisect.bisect_left(voiced, (lo, lo)) - 1)
    while i < len(voiced) and voiced[i][0] < hi:
        start, end = voiced[i]
        if end > cursor:
            if start > cursor:
                out.append((cursor, min(start, hi)))
            cursor = max(cursor, end)
        i += 1
    if cursor < hi:
        out.append((cursor, hi))
    return [(a, b) for a, b in out if b > a]


def _voiced_between(voiced, lo: float, hi: float) -> list[tuple[float, float]]:
    return [(max(a, lo), min(b, hi)) for a, b in voiced if b > lo and a < hi]


def find_pauses(words: list[Word], voiced: tuple[tuple[float, float], ...]) -> list[Pause]:
    """Silences of PAUSE_MIN_S or more between two words.

    The silence is looked for from the start of the word before to the end of the word
    after, so a word time stretched into the silence does not shorten the pause.
    """
    pauses = []
    for i, (a, b) in enumerate(zip(words, words[1:])):
        if voiced:
            silences = _silences_between(voiced, a.start, b.end)
            if not silences:
                continue
            start, end = max(silences, key=lambda s: s[1] - s[0])
        else:
            start, end = a.end, b.start
        if end - start >= PAUSE_MIN_S:
            pauses.append(Pause(round(start, 2), round(end, 2), i))
    return pauses


def place_filled_pauses(words: list[Word], voiced: tuple[tuple[float, float], ...], audio_end: float) -> list[FilledPause]:
    """Filled pauses ("um", "uh") placed on the voiced sound between their neighbours.

    One written over silence is dropped: Whisper, prompted to keep fillers, sometimes
    adds one at the end of a recording.
    """
    found = []
    for i, w in enumerate(words):
        if normalize(w.text) not in FILLED_PAUSES:
            continue
        lo = words[i - 1].end if i > 0 else 0.0
        hi = words[i + 1].start if i + 1 < len(words) else audio_end
        if not voiced:
            found.append(FilledPause(i, normalize(w.text), w.start, w.end))
            continue
        sound = _voiced_between(voiced, min(lo, w.start), max(hi, w.end)) if hi > lo else []
        if sum(b - a for a, b in sound) < FILLED_PAUSE_MIN_VOICED_S:
            continue
        start, end = sound[0]
        found.append(FilledPause(i, normalize(w.text), round(start, 2), round(end, 2)))
    return found


def heard_filled_pauses(words: list[Word], voiced: tuple[tuple[float, float], ...],
                        audio_end: float) -> tuple[list[Word], tuple[FilledPause, ...]]:
    """The one place filled pauses are judged against the sound: the words without the
    filled pauses Whisper wrote over silence, and each kept one placed on its sound.

    Placed again after dropping: a kept one's neighbours may have changed."""
    kept = {f.word for f in place_filled_pauses(words, voiced, audio_end)}
    words = [w for i, w in enumerate(words) if normalize(w.text) not in FILLED_PAUSES or i in kept]
    return words, tuple(place_filled_pauses(words, voiced, audio_end))


_DIGITS = re.compile(r"\d")


def spoken_words(text: str) -> int:
    """How many words a transcribed token stands for: "$2" is "two dollars", "40%" is
    "forty percent", "3,000" is "three thousand"."""
    count = 1
    if "$" in text:
        count += 1
    if "%" in text:
        count += 1
    digits = re.sub(r"[^\d]", "", text)
    if digits and (len(digits) >= 4 or "," in text):
        count += 1
    return count


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(text: str) -> int:
    """About how many syllables a transcribed token is said in: its vowel groups, less a
    silent final "e" ("made", not "table"); a number, two per word it stands for."""
    if any(c.isdigit() for c in text):
        return 2 * spoken_words(text)
    word = re.sub(r"[^a-z]", "", text.lower())
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def speaking_time(words: list[Word], long_pauses: list[Pause]) -> float:
    """From the first word to the last, less the long pauses: the time spent talking."""
    if not words:
        return 0.0
    lo, hi = words[0].start, words[-1].end
    # Only the part of a long pause inside this stretch: a word's end time may reach into it.
    inside = sum(max(0.0, min(hi, p.end) - max(lo, p.start)) for p in long_pauses)
    return max(0.0, hi - lo - inside)


def _said(words: list[Word]) -> list[Word]:
    """The words that carry the answer: filled pauses are sounds, not words."""
    return [w for w in words if normalize(w.text) not in FILLED_PAUSES]


def _syllables_per_word(words: list[Word]) -> float:
    spoken = sum(spoken_words(w.text) for w in words)
    return sum(syllables(w.text) for w in words) / spoken if spoken else 0.0


def pace_wpm(words: list[Word], long_pauses: list[Pause]) -> float | None:
    counted = _said(words)
    seconds = speaking_time(words, long_pauses)
    if seconds <= 0 or not counted:
        return None
    return round(sum(spoken_words(w.text) for w in counted) / seconds * 60, 1)


def pace_verdict(wpm: float | None) -> str | None:
    if wpm is None:
        return None
    if wpm < PACE_SLOW_BELOW:
        return "slow"
    if wpm > PACE_FAST_ABOVE:
        return "fast"
    return "good"


@dataclass(frozen=True)
class Stretch:
    """A sentence spoken much faster or slower than the band."""

    sentence: int
    wpm: float
    kind: str  # "rush" or "drag"


@dataclass(frozen=True)
class SectionPace:
    start: float
    end: float
    wpm: float | None


@dataclass(frozen=True)
class Delivery:
    timed: bool
    wpm: float | None
    pace_verdict: str | None
    sections: dict  # STAR label -> SectionPace (timed answers only)
    stretches: list[Stretch]
    pauses: list[Pause]  # every pause of PAUSE_MIN_S or more
    start_silence_s: float | None
    filled_pauses: list[FilledPause]
    fillers: list  # fillers.Mark, filled pauses included
    hedges: list  # fillers.Mark
    repetitions: list  # fillers.Mark
    minutes: float  # speaking time (or estimated) in minutes, for rates

    @property
    def long_pauses(self) -> list[Pause]:
        return [p for p in self.pauses if p.seconds > LONG_PAUSE_S]

    @property
    def fillers_per_minute(self) -> float | None:
        return round(len(self.fillers) / self.minutes, 1) if self.minutes > 0 else None


def analyze_delivery(words: list[Word], sentences, labels, voiced: tuple[tuple[float, float], ...],
                     timed: bool, filled_pauses: tuple[FilledPause, ...], estimated_s: float) -> Delivery:
    """Everything about how the answer was said. `sentences` cover `words` in order;
    `filled_pauses` are the ones heard_filled_pauses() placed when the words were transcribed."""

    texts = [w.text for w in words]
    of = sentence_of_words(sentences)
    starts = {i for i in range(len(of)) if i == 0 or of[i] != of[i - 1]}
    after_pause = {i for i in range(1, len(words)) if timed and words[i].start - words[i - 1].end >= PAUSE_MIN_S}
    marks = find_fillers(texts, starts, after_pause, timed)
    hedges = find_hedges(texts)
    repetitions = find_repetitions(texts)
    if not timed:
        return Delivery(False, None, None, {}, [], [], None, [], marks, hedges, repetitions, estimated_s / 60)

    pauses = find_pauses(words, voiced)
    long_pauses = [p for p in pauses if p.seconds > LONG_PAUSE_S]
    placed = list(filled_pauses)
    kept = {f.word for f in placed}
    # A filled pause with no sound under it is not one (see heard_filled_pauses).
    marks = [m for m in marks if m.kind != "filled_pause" or m.first in kept]
    wpm = pace_wpm(words, long_pauses)
    sections, stretches = {}, []
    by_label: dict[str, list] = {}
    answer_syllables = _syllables_per_word(_said(words))
    for sentence, label in zip(sentences, labels):
        by_label.setdefault(label.label, []).append(sentence)
        rate = pace_wpm(list(sentence.words), long_pauses)
        said = _said(list(sentence.words))
        if rate is not None and len(said) >= STRETCH_MIN_WORDS:
            # A sentence of short words has more words a second at the same speed: it is
            # rushed (or dragged) only when it is so in syllables too, its words weighed by
            # their length against the answer's (a tryout's steady synthetic voice had "we
            # wrote a plan for when the scanners go down" marked rushed, at fewer syllables a
            # second than two sentences that were not).
            weighed = rate * _syllables_per_word(said) / answer_syllables if answer_syllables else rate
            if min(rate, weighed) > max(STRETCH_RUSH_ABOVE, (wpm or 0) * (1 + STRETCH_OWN_PACE)):
                stretches.append(Stretch(sentence.index, rate, "rush"))
            elif max(rate, weighed) < min(STRETCH_DRAG_BELOW, (wpm or 0) * (1 - STRETCH_OWN_PACE)):
                stretches.append(Stretch(sentence.index, rate, "drag"))
    for label, group in by_label.items():
        # A section's pace over its own sentences, without the time between them.
        seconds = sum(speaking_time(list(s.words), long_pauses) for s in group)
        count = sum(spoken_words(w.text) for s in group for w in _said(list(s.words)))
        sections[label] = SectionPace(round(group[0].start, 2), round(group[-1].end, 2),
                                      round(count / seconds * 60, 1) if seconds > 0 else None)
    start_silence = voiced[0][0] if voiced else (words[0].start if words else None)
    minutes = speaking_time(words, long_pauses) / 60
    return Delivery(True, wpm, pace_verdict(wpm), sections, stretches, pauses,
                    None if start_silence is None else round(start_silence, 2), placed, marks, hedges, repetitions, minutes)
