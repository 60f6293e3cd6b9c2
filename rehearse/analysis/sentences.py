"""Split a transcript into sentences that keep their words' timings.

Whisper punctuates most sentence ends, but spoken answers run on ("...and then I...")
and Whisper sometimes drops a full stop at a pause. So a sentence also ends at a long
pause, and a very long run-on sentence is cut at a clause boundary, so that each STAR
label covers one thought.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehearse.analysis.transcript import Word

# A pause this long between words ends a sentence even without punctuation.
PAUSE_BREAK_S = 0.8
# Whisper capitalizes a sentence's first word even when it leaves out the full stop
# before it ("...confusing customers We needed to..."), often with no gap at all in its
# word timings. A capitalized function word never starts a name, so it starts a sentence.
_SENTENCE_STARTERS = {
    "we", "so", "then", "and", "but", "in", "after", "afterwards", "the", "our", "my", "it",
    "that", "this", "there", "when", "what", "as", "by", "first", "next", "finally", "looking",
    "since", "once", "at", "one", "she", "he", "they", "everyone", "nobody", "now", "today",
}
# Sentences longer than this are cut at a clause boundary.
MAX_WORDS = 22
# Words that open a new clause in speech when they follow a comma (or stand after "and").
_CLAUSE_OPENERS = {"so", "then", "but", "and", "after", "afterwards", "because", "which", "once"}
_SUBJECTS = {"i", "we", "my", "our", "he", "she", "they", "it", "that", "the"}


@dataclass(frozen=True)
class Sentence:
    index: int
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def start(self) -> float | None:
        return self.words[0].start

    @property
    def end(self) -> float | None:
        return self.words[-1].end

    @property
    def duration_s(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return max(0.0, self.end - self.start)


# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = {"vs.", "e.g.", "i.e.", "etc.", "approx.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "inc.", "jr.", "sr."}


def ends_sentence(word: Word, before: Word | None = None, after: Word | None = None) -> bool:
    """Whether `word` ends its sentence; the words around it, when known, tell "No. 5" from
    "...kept saying no. I wrote...", and "Ms. Patel" from "...dropped to 250 ms. The error
    rate..." (a tryout's sentences were joined at both)."""
    lower = word.text.lower()
    # (A capital after it: "we became the no. one supplier" and "from 900 ms. to 250 ms."
    # go on; a review's.)
    opens = after is not None and after.text.lstrip("\"'(“‘")[:1].isupper()
    if lower == "no." and opens:
        return True
    if lower == "ms." and before is not None and before.text[:1].isdigit() and opens:
        return True
    if lower in _ABBREVIATIONS:
        return False
    return word.text.rstrip("\"')]”’").endswith((".", "?", "!"))


def _bare(word: Word) -> str:
    return word.text.strip(".,;:!?\"'()[]“”‘’").lower()


# "so that" + someone + one of these says what for: "so that the next person would not...".
_PURPOSE_SUBJECTS = {"i", "we", "he", "she", "they", "it", "you", "the", "our", "my", "their", "his", "her", "a", "an",
                     "each", "every", "everyone", "nobody", "no", "people", "new", "next", "any"}
_PURPOSE_VERBS = {"would", "could", "can", "will", "might", "should", "wouldn't", "couldn't", "can't", "won't", "did",
                  "didn't"}
# An aside opened after a comma, closed by its comma within this many words.
_ASIDE_OPENERS = {"which", "who", "whom", "whose"}
ASIDE_CLOSES_WITHIN = 10


def _says_what_for(words: list[Word], i: int) -> bool:
    """Does "so that" at word i say what for (a purpose), not start a new clause?"""
    if _bare(words[i]) != "so" or i + 2 >= len(words) or _bare(words[i + 1]) != "that":
        return False
    return _bare(words[i + 2]) in _PURPOSE_SUBJECTS and any(_bare(w) in _PURPOSE_VERBS for w in words[i + 3:i + 8])


def _in_aside(words: list[Word], i: int) -> bool:
    """Is word i inside an aside not yet closed by its comma? "My task, which I set myself
    and then agreed with the supervisor, was to..." is one thought: cut at its "and then",
    both halves lost the task (a tryout's answer was told "no task")."""
    j = i - 1
    while j >= 0 and not words[j].text.endswith((",", ";", ":")):
        j -= 1
    if not (j >= 0 and j + 1 < i and _bare(words[j + 1]) in _ASIDE_OPENERS):
        return False
    # Still the aside: "and then" + its verb (no new subject: "and then I decided" starts the
    # main clause again), closed by its comma within a few words (speech often leaves the
    # closing comma out: then it is no aside to keep whole).
    after = [_bare(w) for w in words[i + 1:i + 3]]
    if after[:1] != ["then"] or after[1:2] and after[1] in _SUBJECTS:
        return False
    return any(w.text.endswith(",") for w in words[i + 1:i + ASIDE_CLOSES_WITHIN])


def _split_long(words: list[Word]) -> list[list[Word]]:
    if len(words) <= MAX_WORDS:
        return [words]
    # Cut at the clause boundary nearest the middle: after a comma or semicolon, before a
    # connective or a subject ("..., so I", "..., and then we", "...; I").
    middle = len(words) / 2
    best = None
    for i in range(4, len(words) - 4):
        prev, word = words[i - 1].text, _bare(words[i])
        # ("..., so that the next person would not have to..." says what for: one thought with
        # the clause before it, as a tryout's task was cut; "..., so that cut our failures"
        # is a new clause.)
        if prev.endswith((",", ";", ":")) and (word in _CLAUSE_OPENERS or word in _SUBJECTS) \
                and not _says_what_for(words, i):
            if best is None or abs(i - middle) < abs(best - middle):
                best = i
        elif word == "and" and _bare(words[i + 1]) in {"then", "i", "we", "so"} and not _in_aside(words, i):
            if best is None or abs(i - middle) < abs(best - middle):
                best = i
    if best is None:
        return [words]
    return _split_long(words[:best]) + _split_long(words[best:])


# "By 10 p.m.", "On the 3rd at 6 a.m.": a clock time after a preposition that opens the
# piece, with no verb, opens the sentence that follows it.
CLOCK_OPENERS = frozenset({"by", "at", "on", "around", "until", "till", "before", "after", "from", "about", "since"})
CLOCK_OPENER_WORDS = 6


def split_sentences(words: tuple[Word, ...] | list[Word]) -> list[Sentence]:
    pieces: list[list[Word]] = []
    current: list[Word] = []
    for i, word in enumerate(words):
        current.append(word)
        nxt = words[i + 1] if i + 1 < len(words) else None
        pause_break = False
        if nxt is not None and word.end is not None and nxt.start is not None and len(current) >= 3:
            gap = nxt.start - word.end
            starter = nxt.text[:1].isupper() and _bare(nxt) in _SENTENCE_STARTERS
            pause_break = gap >= PAUSE_BREAK_S or starter
        # "at 10 p.m. cutoff": a clock's "a.m."/"p.m." ends a sentence only before a capital (or
        # a quote that opens with one). A number after it goes on only an opener's sentence
        # ("By 10 p.m. 40 orders were out"), not a told one ("We launched at 9 a.m. 100 users...").
        following = nxt.text.lstrip("\"'(\u201c\u2018")[:1] if nxt is not None else ""
        opener = _bare(current[0]) in CLOCK_OPENERS and len(current) <= CLOCK_OPENER_WORDS
        clock = word.text.lower().rstrip(",") in ("a.m.", "p.m.") and nxt is not None and (
            following.islower() or following.isdigit() and opener)
        if nxt is None or (ends_sentence(word, words[i - 1] if i else None, nxt) and not clock) or pause_break:
            pieces.extend(_split_long(current))
            current = []
    return [Sentence(index=i, words=tuple(p)) for i, p in enumerate(pieces)]


def sentence_of_words(sentences: list[Sentence]) -> list[int]:
    """For each word of the answer, the index of the sentence it is in (sentences cover
    the words in order)."""
    return [sentence.index for sentence in sentences for _ in sentence.words]


# Spoken sentences run 10-25 words; a transcript with fewer ends than one per this many
# words has lost its punctuation (tiny.en, unprompted, wrote two of our four samples with
# one full stop or none: 170 and 100 words).
WORDS_PER_END_AT_MOST = 40
MIN_WORDS_FOR_PUNCTUATION = 20


def unpunctuated(words: list[Word]) -> bool:
    """Whisper sometimes writes a whole answer without full stops; its sentences then run
    together into a few long ones, which the STAR labeler cannot tell apart."""
    ends = sum(w.text.endswith((".", "?", "!")) for w in words)
    return len(words) >= MIN_WORDS_FOR_PUNCTUATION and ends * WORDS_PER_END_AT_MOST < len(words)
