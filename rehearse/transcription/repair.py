"""Whisper's words checked against the audio they came from.

Whisper is a language model over sound: where the sound is unclear it may skip a stretch
of speech (its timings then jump over it), repeat itself in a loop, or write words over
silence and noise ("Thank you." at the end is the best known). Every check downstream
stands on these words, so before the analysis sees them:

- **invented words are removed**: copies of a looping phrase, and words with no speech
  under them (Silero VAD, transcription.speech). The report counts them and shows them.
- **dropped speech is decoded again**: a stretch of speech of MIN_UNCOVERED_S or more that
  no word reaches is decoded on its own, in a window that starts at it. What still yields
  no words is reported as untranscribed, with its times, so nobody is told their answer
  was shorter or thinner than it was.
- **filled pauses are found without costing words**: Whisper keeps "um" and "uh" only when
  prompted with them, and that prompt makes it drop words of fluent speech (on the real
  phone prompts 142 deletions against 50). So the words come from a plain decoding. Only
  when they show a sign of a hidden filled pause (a gap between words with speech-like
  sound in it, or a word stretched over sound far longer than it takes to say) is the
  answer decoded again with the prompt, and only the filled pauses of that decoding are
  kept, put among the plain words. Fluent speech costs nothing and loses nothing.

Pure functions over words and speech probabilities; decoding is passed in (`Decode`), so
this module never loads a model itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from rehearse.analysis.fillers import FILLED_PAUSES, normalize
from rehearse.analysis.transcript import Removed, Word
from rehearse.transcription.speech import SPEECH, Speech

# Decode(start_s, end_s, prompt) -> the words heard between two times of the recording, on
# its clock; prompt None is plain decoding.
Decode = Callable[[float, float, "str | None"], list[Word]]

# Issue 12 asks that every stretch of speech of 1.5 s or more be covered by words.
MIN_UNCOVERED_S = 1.5
# Word timings are approximate (0.1-0.4 s off at pause edges): speech this close to a word
# is taken as that word's.
WORD_REACH_S = 0.3
# Speech pieces closer than this are one stretch (a word's reach on both sides is wider).
JOIN_S = 0.5
# Silero's probability under a word (and WORD_REACH_S around it) below which nothing was
# said there: far under its 0.5 speech threshold, so quiet or whispered words are kept.
NO_SPEECH = 0.15
# A phrase of 4-16 words said three times in a row, of 2-3 words four times, or one word
# six times, is a loop: people repeat a word ("words words words") or restart ("I think,
# I think"), but do not say a sentence three times over.
LOOP_PHRASE_REPEATS = 3
LOOP_SHORT_REPEATS = 4
LOOP_WORD_REPEATS = 6
MAX_LOOP_PHRASE = 16
LOOP_SLACK = 2  # words that may come between two copies of a looping phrase ...
LONG_PHRASE = 4  # ... of at least this many words
# Where a loop was removed, speech this likely (Silero) means something was said there.
LOST_SPEECH = 0.3
REDECODE_MAX_S = 30.0  # one Whisper window
# A phrase of this many words or more written twice, apart, is Whisper's, not the
# speaker's: it skips a stretch, then times a sentence it already wrote over the speech
# it skipped (a teacher's tryout: "First I checked a sample of the books myself, so I had
# facts..." written again over "I asked her what would help, and we agreed...", 7 s of
# the answer's actions lost with no warning). People restate a point, rarely eight words
# of it word for word; and the stretch is decoded again, so a real repeat is heard again.
ECHO_WORDS = 8
# A gap between words may hold a filled pause when it is at least this long and this much
# of it is speech-like sound (a breath is not).
FILLER_GAP_S = 0.25
FILLER_SPEECH_S = 0.2
WORD_EDGE_S = 0.15
# A word stretched over a filled pause: longer than this, and than its letters take, with
# this much speech-like sound under it.
STRETCHED_MIN_S = 0.6
STRETCHED_PER_LETTER_S = 0.07
STRETCHED_BASE_S = 0.45
STRETCHED_SPEECH_S = 0.5
MIN_WORD_S = 0.05  # what a word shortened to make room for a filled pause keeps at least
SAME_FILLER_S = 0.5
MIN_WINDOW_S = 5.0
# Windows decoded again start and end in a pause between words this long: Whisper started
# mid-sentence mishears the first words, and the filled pauses among them.
PAUSE_S = 0.3
DISFLUENT_PROMPT = "Umm, let me think, uh... So, um, I was like, you know, uh, working on it. Hmm."


@dataclass(frozen=True)
class Repaired:
    words: tuple[Word, ...]
    removed: tuple[Removed, ...]
    untranscribed: tuple[tuple[float, float], ...]  # speech still without words
    redecoded: int  # stretches decoded again
    filler_windows: int  # windows decoded again, with the prompt, for filled pauses


def is_filled_pause(word: Word) -> bool:
    return normalize(word.text) in FILLED_PAUSES


# A loop inside one word: a piece of 2 to 8 characters, not all one character, written six
# times or more in a row ("2,000,000,000,000,...", 483 characters over 35 s of an 8 kHz take
# a tryout fed in; not "hmmmmmmmmmmmm" nor "100000000000000": a review's).
_LOOP_IN_A_WORD = re.compile(r"(.{2,8}?)\1{5,}")


def _loops_in_itself(text: str) -> bool:
    return any(len(set(m.group(1))) > 1 for m in _LOOP_IN_A_WORD.finditer(text))


def looped(words: list[Word]) -> set[int]:
    """The indices of words in a loop: a phrase said again and again (a word or two may
    come between the copies), first saying included: when Whisper loops, its first
    saying is as invented as the copies."""
    keys = [normalize(w.text) for w in words]
    found: set[int] = {i for i, w in enumerate(words) if _loops_in_itself(w.text)}
    i = 0
    while i < len(keys):
        for n in range(MAX_LOOP_PHRASE, 0, -1):
            phrase = keys[i:i + n]
            # "uh uh uh uh uh uh" is a person searching for a word, not a loop.
            if len(phrase) < n or all(k in FILLED_PAUSES for k in phrase):
                continue
            starts = [i]
            while True:
                after = starts[-1] + n
                # Words between copies only for long phrases: "and then I went, and
                # then I called, and then I left" is a person telling a story.
                slack = LOOP_SLACK if n >= LONG_PHRASE else 0
                nxt = next((j for j in range(after, min(after + slack + 1, len(keys) - n + 1)) if keys[j:j + n] == phrase), None)
                if nxt is None:
                    break
                starts.append(nxt)
            if len(starts) >= (LOOP_WORD_REPEATS if n == 1 else LOOP_SHORT_REPEATS if n <= 3 else LOOP_PHRASE_REPEATS):
                end = starts[-1] + n
                # A loop often ends in part of its phrase ("... do, and" x5, then "... do.").
                while end < len(keys) and end - starts[-1] < 2 * n and keys[end] == phrase[(end - starts[-1]) % n]:
                    end += 1
                found.update(range(i, end))
                i = end - 1
                break
        i += 1
    return found


def unheard(words: list[Word], speech: Speech) -> set[int]:
    """The indices of words with no speech under them or near them."""
    return {i for i, w in enumerate(words)
            if speech.peak(w.start - WORD_REACH_S, w.end + WORD_REACH_S) < NO_SPEECH}


def remove_invented(words: list[Word], speech: Speech) -> tuple[list[Word], list[Removed]]:
    loop = looped(words)
    silent = unheard(words, speech)
    kept, removed = [], []
    for i, w in enumerate(words):
        if i in loop or i in silent:
            removed.append(Removed(w.text, w.start, w.end, "loop" if i in loop else "no speech"))
        else:
            kept.append(w)
    return kept, removed


def _spans(removed: list[Removed], reason: str) -> list[tuple[float, float]]:
    """The stretches removed words of one kind covered, joined where they touch."""
    return _join([(r.start, r.end) for r in removed if r.reason == reason])


def _said_in(w: Word) -> float:
    """About the longest a word takes to say, drawn out: its letters' time."""
    return max(STRETCHED_MIN_S, STRETCHED_PER_LETTER_S * sum(c.isalnum() for c in w.text) + STRETCHED_BASE_S)


def _stretched(w: Word, last: bool = False) -> bool:
    """Is the word's timing stretched over speech it did not write? Inside an answer, when
    it is long enough to hide a stretch worth decoding again; as the answer's last word,
    already at twice its time: Whisper ends its last window on a word drawn out over what
    it left unwritten (a tryout's "the" over 1.8 s of "...half termly meeting is still on
    the school calendar", the Result, with no warning)."""
    said = _said_in(w)
    return w.end - w.start > (2 * said if last else 2 * said + MIN_UNCOVERED_S)


def _sound_of(w: Word, last: bool = False) -> list[tuple[float, float]]:
    """Where a word's sound can be. Whisper sometimes stretches a word's timing over
    speech it skipped ("and" from 23.2 s to 30.0 s, over a whole sentence it never
    wrote): such a word is said at one end of its span, not all through it, so only its
    ends count as heard and the middle is decoded again like any stretch without words.
    The answer's last word is said at its start (nothing follows it to be said before)."""
    if not _stretched(w, last):
        return [(w.start, w.end)]
    if last:
        return [(w.start, w.start + _said_in(w))]
    return [(w.start, w.start + _said_in(w)), (w.end - _said_in(w), w.end)]


def _is_last(words: list[Word], i: int) -> bool:
    return i == len(words) - 1


def uncovered(words: list[Word], speech: Speech, min_s: float = MIN_UNCOVERED_S,
              stretched_heard_at_ends: bool = True) -> list[tuple[float, float]]:
    """Stretches of speech of `min_s` or more that no word reaches. A stretched word reaches
    only its ends (to decode its middle again), or, once that yielded nothing, all its span:
    it may be stretched over a filled pause, which a plain decoding leaves out."""
    reach = [(a - WORD_REACH_S, b + WORD_REACH_S) for i, w in enumerate(words)
             for a, b in (_sound_of(w, _is_last(words, i)) if stretched_heard_at_ends else [(w.start, w.end)])]
    pieces: list[list[float]] = []
    for a, b in speech.regions():
        parts = [[a, b]]
        for c0, c1 in reach:
            if c1 <= a or c0 >= b:
                continue
            parts = [q for p in parts for q in ([p[0], min(p[1], c0)], [max(p[0], c1), p[1]]) if q[1] > q[0]]
        for p in parts:
            if pieces and p[0] - pieces[-1][1] < JOIN_S:
                pieces[-1][1] = p[1]
            else:
                pieces.append(p)
    return [(round(a, 2), round(b, 2)) for a, b in pieces if b - a >= min_s]


def _placed(words: list[Word], heard: list[Word]) -> tuple[list[Word], list[Word]]:
    """Stretched words that new words were found inside, cut back to the end they were said
    at: the last, when the new words start right where the word's timing did (the word came
    after what Whisper skipped), else the first. New words that overlap the end kept are
    the word itself, heard again, and are left out."""
    placed = []
    for i, w in enumerate(words):
        inside = [h for h in heard if w.start <= h.start and h.end <= w.end]
        if not _stretched(w, _is_last(words, i)) or not inside:
            placed.append(w)
            continue
        said = _said_in(w)
        # The word heard again tells its end best; else the new words' start does.
        again = [h for h in inside if normalize(h.text) == normalize(w.text)]
        if _is_last(words, i):
            # Said at its start: it ends where it is heard again there, or where the new
            # words begin (a "the" heard again later is another "the").
            again = [h for h in again if h.start < w.start + said]
            end = again[0].end if again else min(w.start + said, min(h.start for h in inside))
            w = replace(w, end=round(max(end, w.start + MIN_WORD_S), 2))
        else:
            at_start = (again[0].start < w.start + said) if again else min(h.start for h in inside) >= w.start + said
            w = replace(w, end=round(w.start + said, 2)) if at_start else replace(w, start=round(w.end - said, 2))
        heard = [h for h in heard if not (w.start < h.end and h.start < w.end)]
        placed.append(w)
    return placed, heard


def _merge(words: list[Word], new: list[Word]) -> list[Word]:
    return sorted(words + new, key=lambda w: (w.start, w.end))


def _join(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    joined: list[list[float]] = []
    for a, b in sorted(spans):
        if joined and a - joined[-1][1] < JOIN_S:
            joined[-1][1] = max(joined[-1][1], b)
        else:
            joined.append([a, b])
    return [(round(a, 2), round(b, 2)) for a, b in joined]


def redecode(words: list[Word], speech: Speech, decode: Decode, duration: float, loops: list[tuple[float, float]]
             ) -> tuple[list[Word], list[Removed], list[tuple[float, float]], int]:
    """Decode again, in windows that start at them, each stretch of speech no word reaches
    and each stretch a loop was removed from (Whisper skips speech, or loops, when a
    window's earlier text leads it astray). Return the words, what was removed from the
    new ones, the stretches still without words, and how many were decoded again."""
    removed: list[Removed] = []
    stretches = _join(uncovered(words, speech) + loops)
    for a, b in stretches:
        # Inside a stretched word, its whole span: the word may have been said at either end.
        for i, k in enumerate(words):
            if _stretched(k, _is_last(words, i)) and k.start < b and a < k.end:
                a, b = min(a, k.start), max(b, k.end)
        lo = max(0.0, a - 0.2)
        while lo < min(duration, b + 0.3) - 0.1:
            hi = min(duration, max(b + 0.3, lo + 1.0), lo + REDECODE_MAX_S)
            heard = [w for w in decode(lo, hi, None) if a - WORD_REACH_S <= (w.start + w.end) / 2 <= b + WORD_REACH_S]
            # Only where nothing was heard before: a window reaches into known words.
            # (A stretched word's span is open to them: _placed says where it was said.)
            heard = [w for w in heard if not any(k.start < w.end and w.start < k.end
                                                 for i, k in enumerate(words) if not _stretched(k, _is_last(words, i)))]
            heard, dropped = remove_invented(heard, speech)
            removed += dropped
            words, heard = _placed(words, heard)
            words = _merge(words, heard)
            lo = hi
    # A loop over speech-like sound that still yields no words is speech we could not
    # transcribe; over silence or plain noise it was only invented.
    lost = [(a, b) for a, b in loops if speech.peak(a, b) >= LOST_SPEECH
            and not any(a <= (w.start + w.end) / 2 <= b for w in words)]
    return words, removed, _join(uncovered(words, speech, stretched_heard_at_ends=False) + lost), len(stretches)


def filler_suspects(words: list[Word], speech: Speech) -> list[tuple[float, float]]:
    """Where a filled pause may hide in a plain transcript: a gap between words that holds
    speech-like sound (a breath is not), or a word that lasts far longer than it takes to
    say, because Whisper stretched its timing over the "um" it left out."""
    found = []
    for before, after in zip(words, words[1:]):
        a, b = before.end, after.start
        # Away from the words' edges, which Whisper times loosely.
        if b - a >= FILLER_GAP_S and speech.seconds(a + WORD_EDGE_S, b - WORD_EDGE_S) >= FILLER_SPEECH_S:
            found.append((a, b))
    for w in words:
        letters = sum(c.isalnum() for c in w.text)
        # Stretched over sound, not over a silence before it (first words and words after
        # a pause often start early).
        if w.end - w.start >= max(STRETCHED_MIN_S, STRETCHED_PER_LETTER_S * letters + STRETCHED_BASE_S) \
                and speech.seconds(w.start, w.end) >= STRETCHED_SPEECH_S:
            found.append((w.start, w.end))
    return sorted(found)


def _anchor(heard: list[Word], k: int, words: list[Word]) -> int:
    """Where the filled pause heard[k] goes among the plain words: before the word that
    follows it in the prompted decoding, found among the plain words by its text near its
    time (the two decodings time words differently), else by time."""
    middle = (heard[k].start + heard[k].end) / 2
    following = next((h for h in heard[k + 1:] if not is_filled_pause(h)), None)
    if following is not None:
        same = [i for i, w in enumerate(words) if normalize(w.text) == normalize(following.text) and abs(w.start - following.start) < 1.5]
        if same:
            return min(same, key=lambda i: abs(words[i].start - following.start))
    return next((i for i, w in enumerate(words) if w.start >= middle), len(words))


def _insert(words: list[Word], at: int, filler: Word) -> list[Word]:
    """The filled pause between words[at - 1] and words[at], timed as the prompted decoding
    heard it: a neighbour whose timing covers it (Whisper stretched it over the sound it
    left out) is shortened to make room."""
    before = words[at - 1] if at > 0 else None
    after = words[at] if at < len(words) else None
    start = max(filler.start, before.start + MIN_WORD_S) if before else filler.start
    end = max(filler.end, start)
    if after is not None:
        end = min(end, after.end - MIN_WORD_S)
        start = min(start, end)
    words = list(words)
    if after is not None and after.start < end:
        words[at] = replace(after, start=end)
    if before is not None and before.end > start:
        words[at - 1] = replace(before, end=max(before.start, start))
    return words[:at] + [replace(filler, start=round(start, 3), end=round(end, 3))] + words[at:]


def _pause_before(words: list[Word], t: float) -> float:
    """The middle of the last pause between words before time t (0 when there is none)."""
    gaps = [(x.end + y.start) / 2 for x, y in zip(words, words[1:]) if y.start - x.end >= PAUSE_S and (x.end + y.start) / 2 <= t]
    return max(gaps, default=0.0)


def find_filled_pauses(words: list[Word], speech: Speech, decode: Decode, end: float, start: float = 0.0
                       ) -> tuple[list[Word], int]:
    """The words of the stretch from `start` to `end` with the filled pauses said among
    them added, and how many windows were decoded again with the disfluent prompt.

    Only when the plain words show a sign of one (filler_suspects): fluent speech costs
    nothing. Then the stretch is decoded again with the prompt, in windows that start and
    end in pauses, and every filled pause heard in it is put among the plain words (with
    one sign, others are likely: people who say "um" say it often, and Whisper hides most
    of them without leaving a sign)."""
    if not words or not filler_suspects(words, speech):
        return words, 0
    windows = 0
    lo = start
    while lo < end - 0.1:
        hi = _pause_before(words, lo + REDECODE_MAX_S) if lo + REDECODE_MAX_S < end else end
        if hi <= lo + MIN_WINDOW_S:
            hi = min(end, lo + REDECODE_MAX_S)
        heard = decode(lo, hi, DISFLUENT_PROMPT)
        windows += 1
        for k, w in enumerate(heard):
            middle = (w.start + w.end) / 2
            # Inside this stretch, and not one the plain decoding already wrote.
            if not is_filled_pause(w) or not start <= middle <= end or \
                    any(is_filled_pause(p) and abs((p.start + p.end) / 2 - middle) < SAME_FILLER_S for p in words):
                continue
            at = _anchor(heard, k, words)
            placed = _insert(words, at, w)
            # Kept only with speech-like sound around it: in noise the prompt makes
            # Whisper hear "uh" everywhere. (Before the first word, where a lone "uh" is
            # all there is, Silero reads real ones as low as 0.18: there it only has to
            # be more than nothing.)
            gap_lo = placed[at - 1].end if at > 0 else placed[at].start
            gap_hi = placed[at + 1].start if at + 1 < len(placed) else end
            if speech.peak(gap_lo - 0.1, gap_hi + 0.1) >= (SPEECH if at > 0 else NO_SPEECH):
                words = placed
        lo = hi
    return words, windows


def echoed(words: list[Word], fresh: set[int]) -> set[int]:
    """The indices of words that write again, apart from it, a phrase of ECHO_WORDS or
    more words written elsewhere, where one copy was just decoded again on its own
    (`fresh`, a stretch Whisper had skipped) and the other was not: the other copy, to
    drop. The stretch decoded on its own was heard where it was said; the older copy was
    timed over the speech skipped. (Two copies from one decoding are left alone: a phone
    prompt of the real voices says one sentence twice, and Whisper wrote it so.)"""
    keys = [normalize(w.text) for w in words]
    first_at: dict[tuple[str, ...], int] = {}
    drop: set[int] = set()
    for q in range(len(keys) - ECHO_WORDS + 1):
        phrase = tuple(keys[q:q + ECHO_WORDS])
        p = first_at.setdefault(phrase, q)
        if p + ECHO_WORDS > q or all(k in FILLED_PAUSES for k in phrase):
            continue
        p_fresh, q_fresh = p in fresh, q in fresh
        if p_fresh == q_fresh:
            continue
        start = p if q_fresh else q
        # (Only a copy wholly outside what was decoded again: a window of a sentence said
        # three times can run from one copy into the next; a review's.)
        if any(i in fresh for i in range(start, start + ECHO_WORDS)):
            continue
        drop.update(range(start, start + ECHO_WORDS))
    # The copy's sentence goes with it: the two copies part where the speech it was timed
    # over comes through ("...so I had facts, and not only complained" over "...instead of
    # writing long"). Never into what was decoded again.
    for i in sorted(drop):
        if i + 1 not in drop and not words[i].text.rstrip('"\'').endswith((".", "?", "!")):
            end = next((j for j in range(i + 1, min(len(words), i + 1 + ECHO_WORDS))
                        if j in fresh or words[j].text.rstrip('"\'').endswith((".", "?", "!"))), None)
            if end is not None and end not in fresh:
                drop.update(range(i + 1, end + 1))
    return drop


def _drop_echoes(words: list[Word], fresh: set[int]) -> tuple[list[Word], list[Removed]]:
    echo = echoed(words, fresh)
    return ([w for i, w in enumerate(words) if i not in echo],
            [Removed(w.text, w.start, w.end, "repeat") for i, w in enumerate(words) if i in echo])


def repair(words: list[Word], speech: Speech, decode: Decode, duration: float, find_fillers: bool = True) -> Repaired:
    words, removed = remove_invented(list(words), speech)
    first = set(words)
    words, also_removed, untranscribed, redecoded = redecode(words, speech, decode, duration, _spans(removed, "loop"))
    # A sentence written twice: the copy timed over other speech goes, and its stretch is
    # decoded again on its own. Heard there again, the speaker said it twice (a phone
    # prompt of the real voices says "to remove the participant who most recently joined
    # the conference" twice): a window decoded on its own is not led by text written
    # elsewhere, so it keeps what it hears. Speech there that yields no words is reported.
    words, repeats = _drop_echoes(words, {i for i, w in enumerate(words) if w not in first})
    if repeats:
        earlier = untranscribed
        words, more_removed, untranscribed, again = redecode(words, speech, decode, duration, _spans(repeats, "repeat"))
        heard_again = [r for r in repeats if any(normalize(w.text) == normalize(r.text) and w.start < r.end and r.start < w.end
                                                 for w in words)]
        also_removed += [r for r in repeats if r not in heard_again] + more_removed
        redecoded += again
        lost = [(a, b) for a, b in _spans(repeats, "repeat") if speech.peak(a, b) >= LOST_SPEECH
                and not any(a <= (w.start + w.end) / 2 <= b for w in words)]
        # (What the first decoding again left without words stays reported.)
        untranscribed = _join(untranscribed + lost + [(a, b) for a, b in earlier
                                                      if not any(a <= (w.start + w.end) / 2 <= b for w in words)])
    words, windows = find_filled_pauses(words, speech, decode, duration) if find_fillers else (words, 0)
    return Repaired(tuple(words), tuple(removed + also_removed), tuple(untranscribed), redecoded, windows)
