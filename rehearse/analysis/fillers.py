"""Filler words, hedges and repetitions in the words of an answer: pure text rules.

A filler is a word that carries no meaning ("um", "like" used as a pause, "you know").
A hedge weakens ownership ("I think", "kind of", "I tried to", "helped with"): the guide
wants clear, owned actions. A repetition is the same word or phrase said twice in a row
("the the", "and then and then").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.analysis.star import PAST_TENSE

# Sounds Whisper writes for filled pauses (it leaves most of them out unless prompted).
FILLED_PAUSES = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm", "mhm"})
# Words that are fillers wherever they stand.
FILLER_WORDS = frozenset({"basically", "literally", "actually"})
FILLER_PHRASES = (("you", "know"), ("i", "mean"))
# "like" is a verb or a preposition after these words, not a filler.
LIKE_NOT_FILLER_AFTER = frozenset({
    "i", "you", "we", "they", "he", "she", "people", "would", "i'd", "you'd", "we'd", "they'd", "don't",
    "didn't", "look", "looks", "looked", "looking", "seem", "seems", "seemed", "sound", "sounds", "sounded",
    "feel", "feels", "felt", "just", "much", "more", "something", "anything", "nothing", "things", "stuff",
    "tools", "ones", "companies", "teams", "services", "languages", "is", "was", "not",
})
# (And "would like": "the information that you would like, so..."; a tryout's.)
_WOULD = frozenset({"would", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd"})
_LIKE_ENDS_A_CLAUSE_AFTER = frozenset({"look", "looks", "looked", "looking", "seem", "seems", "seemed", "sound", "sounds",
                                       "sounded", "feel", "feels", "felt"}) | _WOULD
# Before these, "like" is a filler wherever it stands ("she was like really smart"), as it
# is when commas mark it off ("she was, like, smart") or a number follows ("like 20").
LIKE_FILLER_BEFORE = frozenset({"really", "so", "very", "totally", "um", "uh", "literally", "basically"})
HEDGES = (
    ("i", "think"), ("i", "guess"), ("i", "believe"), ("maybe",), ("kind", "of"), ("sort", "of"), ("just",),
    ("hopefully",), ("probably",), ("i", "tried", "to"), ("helped", "with"), ("a", "little", "bit"), ("somewhat",),
    ("i", "suppose"), ("i'd", "say"),
    # ("the trucks left on time, more or less": a tryout's result, told nothing)
    ("more", "or", "less"),
)
# What "more or less" rounds off when it stands before it (elsewhere, only at a clause's end).
MORE_OR_LESS_ROUNDS_OFF = frozenset({"the", "on", "finished", "done", "ready", "right", "fine", "okay", "ok", "over",
                                     "sorted", "fixed", "working", "back", "there", "what", "all", "everything"})
# "what kind of system", "the sort of problem": a kind of thing, not a softener. After
# "that", "this", "which" or "all" it is one only before a thing: "that kind of problem",
# but "that kind of helped" softens.
KIND_OF_IS_A_KIND_AFTER = frozenset({"what", "these", "those", "the", "a", "any", "some", "every", "each", "same", "one", "no",
                                     "what's", "different", "right", "wrong"})
KIND_OF_IS_A_KIND_BEFORE_A_THING_AFTER = frozenset({"that", "this", "which", "all"})
# Doubled words that are grammatical ("that that", "had had").
GRAMMATICAL_DOUBLES = frozenset({"that", "had"})
# Words a year said in words follows: "in twenty twenty", "since twenty twenty".
YEAR_BEFORE = frozenset({"in", "since", "of", "by", "until", "during", "back", "from", "early", "late", "mid", "around",
                         "spring", "summer", "autumn", "fall", "winter", "january", "february", "march", "april", "may",
                         "june", "july", "august", "september", "october", "november", "december", "so", "and", "it",
                         "was", "that"})
MAX_REPEAT_WORDS = 3
# Words that end one clause and start the next across a comma.
# ("someone above you, you bring the evidence": a tryout's.)
OBJECT_THEN_SUBJECT = frozenset({"it", "that", "this", "them", "there", "you"})
# Digits said as words: a time, a code or a number read out ("oh six hundred, zero zero
# hours", "nine nine nine"), not a stumble (a tryout's "zero zero" became the one thing to
# change on a 100/100 answer).
DIGIT_WORDS = frozenset({"zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
# ... but after these the first word opens a clause: "and it, it was broken" is a stutter.
CLAUSE_OPENERS = frozenset({"and", "so", "but", "because", "then", "when", "if", "since", "while", "um", "uh", "or",
                            "that", "where", "though", "although", "once", "until"})

_WORD = re.compile(r"[a-z0-9']+")


def normalize(text: str) -> str:
    return text.lower().replace("’", "'").strip(" ,.!?;:\"()-")


@dataclass(frozen=True)
class Mark:
    """A filler, hedge or repetition: its text, kind, and where it is (word indexes, end
    exclusive, into the answer's words)."""

    text: str
    kind: str
    first: int
    last: int


def _tokens(words: list[str]) -> list[str]:
    return [normalize(w) for w in words]


def _ends_sentence(word: str, marks: tuple[str, ...] = (".", "?", "!")) -> bool:
    """Does this word (as transcribed, punctuation attached) end a sentence, quotes aside?"""
    return word.rstrip("\"')").endswith(marks)


def _comma_after(words: list[str], i: int) -> bool:
    return words[i].rstrip().endswith(",")


def find_fillers(words: list[str], sentence_starts: set[int] | frozenset = frozenset(),
                 after_pause: set[int] | frozenset = frozenset(), timed: bool = False) -> list[Mark]:
    """Fillers in the answer's words (as transcribed, punctuation attached).

    `sentence_starts` holds the index of each sentence's first word, `after_pause` of each
    word said after a pause: "so" there counts as a filler (an opener that says nothing),
    but not right after a comma with no pause ("...three months, so I set up a check in"
    is a clause that says why, even where the sentence splitter cut it). In a recording
    (`timed`), a "so" said with no pause before it goes on from what came before, whatever
    the punctuation; in typed text, one that opens a sentence is a filler.
    """
    tokens = _tokens(words)
    marks = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        phrase = next((p for p in FILLER_PHRASES if tuple(tokens[i:i + len(p)]) == p), None)
        if phrase and _phrase_is_filler(words, tokens, i, phrase):
            marks.append(Mark(" ".join(phrase), "filler", i, i + len(phrase)))
            i += len(phrase)
            continue
        if token in FILLED_PAUSES:
            marks.append(Mark(token, "filled_pause", i, i + 1))
        elif token == "em" and words[i].strip(",.") in ("em", "Em") and _comma_after(words, i) and (
                i == 0 or i in sentence_starts or i > 0 and _comma_after(words, i - 1)):
            # Scotland's and Ireland's "um", said alone between commas ("Em, so the panel...",
            # "a fault, em, on zone four"; a tryout's was never counted); not "tell 'em",
            # "tell em, look", nor "I worked in EM, mostly nights" (a review's).
            marks.append(Mark(token, "filled_pause", i, i + 1))
        elif token in FILLER_WORDS:
            marks.append(Mark(token, "filler", i, i + 1))
        elif token == "like" and _like_is_filler(words, tokens, i):
            marks.append(Mark(token, "filler", i, i + 1))
        elif token == "so" and _so_is_filler(words, i, sentence_starts, after_pause, timed):
            marks.append(Mark(token, "filler", i, i + 1))
        elif token in OPENING_MARKERS and i in sentence_starts and (
                _comma_after(words, i) or i + 1 < len(tokens) and tokens[i + 1] == "so"):
            # "Right, so three years ago...", "Okay so": an opener that says nothing, a
            # speaker's habit (a tryout's was never named). Not "Right after the launch".
            said = 2 if i + 1 < len(tokens) and tokens[i + 1] == "so" else 1
            marks.append(Mark(" ".join(tokens[i:i + said]), "filler", i, i + said))
            i += said
            continue
        i += 1
    return marks


# Openers that say nothing when they start a sentence marked off by a comma or with "so".
OPENING_MARKERS = frozenset({"right", "okay", "ok", "alright"})


def _so_is_filler(words: list[str], i: int, sentence_starts, after_pause, timed: bool) -> bool:
    if i in after_pause:
        return True
    if timed and i > 0 and not _comma_after(words, i):
        # Heard with no pause before it, "So she could build a mental model" goes on from the
        # sentence before: a full stop Whisper wrote there is no pause (a tryout's fast
        # speaker was told to replace five such "so"s, gaps of 0.14-0.36 s, as fillers; typed,
        # the same words had none). "So, ..." still opens on nothing.
        return False
    return i in sentence_starts and not (i > 0 and _comma_after(words, i - 1))


def _phrase_is_filler(words: list[str], tokens: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    end = i + len(phrase)
    following = tokens[end] if end < len(tokens) else ""
    if phrase == ("you", "know"):
        # "you know what I did" / "you know the answer" are questions or statements, not fillers;
        # nor is "go back to what you know" (a second tryout's).
        # ("who, you know, smelled like a fryer": commas mark it off, a filler.)
        if i > 0 and tokens[i - 1] in {"what", "everything", "whatever", "anything", "something"} \
                and not _comma_after(words, i - 1) and not _comma_after(words, end - 1):
            return False
        return following not in {"what", "how", "why", "that", "the", "it", "him", "her", "them", "about", "when", "where"} \
            or _comma_after(words, end - 1)
    if phrase == ("i", "mean"):
        return following not in {"it", "that", "to", "what"} or _comma_after(words, end - 1)
    return True


def _like_is_filler(words: list[str], tokens: list[str], i: int) -> bool:
    before = tokens[i - 1] if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    # (Not a clause that ends on the verb's "like": "what a normal week looked like, and...".)
    # (Nor "like" as "such as", after a comma only, before examples: "small tasks, like
    # fixing the footer", "the reason, like traffic or loading problems": a third tryout's.)
    if i > 0 and _comma_after(words, i - 1) and not _comma_after(words, i) and before not in _NO_EXAMPLES_AFTER \
            and _gives_examples(tokens[i + 1:i + 6], before):
        return False
    if (i > 0 and _comma_after(words, i - 1)) or _comma_after(words, i) and before not in _LIKE_ENDS_A_CLAUSE_AFTER:
        return True
    if before in _WOULD:  # "that you would like, so I...": the verb (commas around it aside)
        return False
    if after in LIKE_FILLER_BEFORE or after.isdigit():
        return True
    if before in LIKE_NOT_FILLER_AFTER or after == "to":
        return False
    # "wanted to like rewrite": between "to" and the verb it introduces.
    return before == "to"


# Words that end no list of things a "like" could give examples of ("I was, like fixing it").
_NO_EXAMPLES_AFTER = frozenset({"was", "were", "is", "am", "are", "be", "been", "i", "we", "you", "he", "she", "they", "it",
                                "and", "so", "then", "but", "just", "um", "uh", "really", "or", "because", "that"})


_AMOUNT_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "half",
    "under", "over", "about", "around", "almost", "nearly", "maybe", "dozens", "hundreds", "thousands"})


_STRONGER = frozenset({"really", "so", "very", "totally", "super", "way", "completely", "literally", "actually",
                       "proper", "properly", "absolutely", "seriously", "crazy", "insanely", "just", "quite", "pretty"})
_VAGUE_TAGS = ("and everything", "and stuff", "and that", "or whatever", "or something", "and all")
# "like a week", "like an hour late", "like a couple of days", "like a lot of them": an
# amount hedged, a filler (a review's).
_HEDGED_AMOUNTS = frozenset({"couple", "few", "lot", "bit", "dozen", "hundred", "thousand", "million", "good", "whole",
                             "minute", "hour", "day", "week", "month", "year", "fortnight", "second", "ton", "load"})


# Words ending in "s" that are no plural a list of examples could follow.
_NOT_PLURAL = frozenset({"was", "as", "yes", "its", "has", "does", "guys", "chaos"})
# ... nor do these endings ("nervous", "a mess", "the crisis", "this", "thus": a review's).
_NOT_PLURAL_ENDINGS = ("ous", "ss", "is", "us")


def _gives_examples(following: list[str], before: str = "") -> bool:
    """Whether the words after "like" read as examples: a task ("fixing the footer") or a
    list ("traffic or loading problems"), not a clause ("we went back"). `before` is the
    word before the comma."""
    if not following:
        return False
    first = following[0]
    # ("like three hundred rooms", "like under a percent" hedge an amount: fillers, as "like 20" is;
    # so is "like" before a word that only makes the last one stronger, "angry, like really
    # angry and shouting", or a vague tag, "like crying and everything": a review's.)
    if first[:1].isdigit() or first.split("-")[0] in _AMOUNT_WORDS or first in _STRONGER:
        return False
    if " ".join(following[1:]).startswith(_VAGUE_TAGS) or any(" ".join(following[i:i + 2]) in _VAGUE_TAGS
                                                             for i in range(1, len(following))):
        return False
    # (An example said as one thing: "the same exceptions, like a pallet scanned to the wrong
    # location", "certificates, like a project management qualification": a second tryout's.)
    if first in ("a", "an") and len(following) > 1 and following[1] not in _STRONGER \
            and following[1] not in _AMOUNT_WORDS and following[1] not in _HEDGED_AMOUNTS:
        return True
    # (A rule said as what is not done, after the things it is one of: "we agreed some ground
    # rules, like no interrupting": a nurse's tryout.)
    if first in ("no", "not", "never") and len(following) > 1 and following[1] not in _AMOUNT_WORDS \
            and before.endswith("s") and before not in _NOT_PLURAL and not before.endswith(_NOT_PLURAL_ENDINGS):
        return True
    listed = "or" in following[1:] or "and" in following[1:]
    # ("important things, like the fluid balance and the pending bloods": a list of the
    # things just named, a tryout's; "the" after no plural opens a clause, "like the whole
    # thing fell over".)
    if first == "the" and listed and before.endswith("s") and before not in _NOT_PLURAL \
            and not before.endswith(_NOT_PLURAL_ENDINGS):
        return True
    return (first.endswith("ing") and first not in ("thing", "something", "nothing", "anything", "everything")) \
        or listed and first not in (
            "i", "we", "you", "he", "she", "they", "it", "the", "that", "this", "there", "so", "and", "then")


# An opinion about how things are in general softens no claim of the speaker's own: "I
# believe that feedback is a gift", "I think it is important to ask" (a teacher's tryout:
# both counted as hedges). Its subject is a thing in general, its verb in the present;
# "I think it was about 20%", "I think the team is happier now" still soften.
OPINION_ABOUT = frozenset({"important", "key", "essential", "vital", "crucial", "necessary", "good", "better", "best",
                           "right", "useful", "valuable", "normal", "natural", "healthy", "worth"})
# ... but a claim about how the story came out, said of a thing, still softens: "I think
# customers are happier now", "I believe turnover is down by half" (a review's).
CLAIMS_AN_OUTCOME = frozenset({"up", "down", "now", "still", "more", "less", "fewer", "better", "worse", "happier",
                               "faster", "slower", "higher", "lower", "cheaper", "quicker", "since", "already"})
OPINION_VERBS = frozenset({"is", "are", "makes", "make", "helps", "help", "matters", "matter", "works", "work",
                           "needs", "need", "should", "can", "must", "builds", "build", "comes", "come"})
NOT_A_THING_IN_GENERAL = frozenset({"i", "we", "he", "she", "they", "the", "this", "these", "those", "my", "our", "his",
                                    "her", "their", "your", "you", "there", "maybe", "probably", "about", "around",
                                    "we'd", "i'd", "it", "that", "what", "but", "and", "so", "um", "uh", "like", "both",
                                    "all", "half", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                    "ten", "twenty", "hundred"})


def _states_an_opinion(after: list[str]) -> bool:
    """Whether the words after "I think"/"I believe" state an opinion in general."""
    if after[:1] == ["that"] and len(after) > 1 and (after[1] in OPINION_VERBS or after[1].endswith("s")):
        return False  # "that" is the subject: "I think that shows I can handle it"
    rest = after[1:] if after[:1] == ["that"] else after
    if rest[:1] == ["it's"]:
        rest = ["it", "is"] + rest[1:]
    if rest[:2] == ["it", "is"]:  # "it is (really) important to..."
        said = [w for w in rest[2:4] if w not in ("really", "very", "so", "always", "more", "most")]
        return bool(said) and said[0] in OPINION_ABOUT
    if not rest or rest[0] in NOT_A_THING_IN_GENERAL or rest[0][:1].isdigit() or PAST_TENSE.fullmatch(rest[0]):
        return False
    return any(w in OPINION_VERBS for w in rest[1:4]) and not any(PAST_TENSE.fullmatch(w) for w in rest[:4]) \
        and not any(w in CLAIMS_AN_OUTCOME or w[:1].isdigit() or w.endswith("ier") for w in rest[:7])


def find_hedges(words: list[str]) -> list[Mark]:
    tokens = _tokens(words)
    marks = []
    for i in range(len(tokens)):
        for hedge in HEDGES:
            if tuple(tokens[i:i + len(hedge)]) == hedge:
                if hedge == ("just",) and not _just_softens(words, tokens, i):
                    break
                if hedge in (("kind", "of"), ("sort", "of")) and i > 0 and (
                        tokens[i - 1] in KIND_OF_IS_A_KIND_AFTER or tokens[i - 1] in KIND_OF_IS_A_KIND_BEFORE_A_THING_AFTER
                        and i + 2 < len(tokens) and not PAST_TENSE.fullmatch(tokens[i + 2])):
                    break
                if hedge in (("i", "think"), ("i", "believe")) and _states_an_opinion(tokens[i + 2:i + 8]):
                    break
                # "more or less" rounds off what was said ("on time, more or less", "more or less
                # finished"), not a choice between amounts ("needed more or less stock"; a review's).
                if hedge == ("more", "or", "less") and i + 3 < len(tokens) and not _comma_after(words, i + 2) \
                        and not words[i + 2].rstrip("\"')").endswith((".", "!", "?", ";")) \
                        and tokens[i + 3] not in MORE_OR_LESS_ROUNDS_OFF:
                    break
                # "a little bit of JavaScript": an amount of a thing ("a little bit nervous" softens).
                if hedge == ("a", "little", "bit") and i + 3 < len(tokens) and tokens[i + 3] == "of":
                    break
                marks.append(Mark(" ".join(hedge), "hedge", i, i + len(hedge)))
                break
    return marks


# "just" softens after a subject ("I just tried", "we just fixed it"); before these words it
# means "only" or "exactly" ("replacing just that module", "just two days", "just in time").
JUST_MEANS_ONLY_BEFORE = frozenset({
    "that", "this", "those", "these", "the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "a", "an", "before", "after", "in", "as", "like", "enough", "about", "under", "over", "once", "twice",
    "for", "because", "when", "what", "how", "right", "now", "then", "days", "weeks", "hours", "minutes", "ones",
})
# The speaker (or the speaker's team) as the subject "just" softens, looked for this many
# words back; another subject nearer means the step is someone else's.
SPEAKER = frozenset({"i", "we", "i'd", "we'd", "i'm", "we're", "i'll", "we'll", "me", "us"})
OTHER_SUBJECTS = frozenset({"they", "he", "she", "you", "who", "who'd", "they'd", "he'd", "she'd", "there"})
# Words between a clause's subject and its "just" ("I met them first and just listened").
JUST_LINKS = frozenset({"and", "then", "or", "but", "so", "mostly", "basically", "also", "really", "actually", "simply",
                        "to", "than", "by", "was", "were", "am", "had", "would", "could", "will", "can", "um", "uh",
                        "like", "often", "sometimes", "always", "first", "instead"})
JUST_SUBJECT_WITHIN = 12
# "now you just tick the box": how simple it is, not the speaker playing down a step.
JUST_MEANS_SIMPLY_AFTER = frozenset({"you", "you'd", "you'll",
                                     # "I couldn't just move it" (a second tryout's)
                                     "couldn't", "can't", "cannot", "wouldn't", "won't", "shouldn't", "mustn't"})
# After a "not", "just" means "only": "I didn't just announce it" (I did more).
JUST_MEANS_ONLY_AFTER = frozenset({"not", "didn't", "don't", "doesn't", "wasn't", "weren't", "never", "isn't", "aren't"})


# After these "just" means "a moment ago" ("we had just raised our round"): it tells when,
# and softens nothing. After "was"/"were" only before the start of something ("I was just
# starting out"): "I was just trying to help" softens.
JUST_MEANS_RECENTLY_AFTER = frozenset({"had", "has", "have", "i've", "we've"})
JUST_STARTING = frozenset({"starting", "beginning", "about", "getting", "leaving", "finishing", "coming", "back"})


def _just_softens(words: list[str], tokens: list[str], i: int) -> bool:
    before = tokens[i - 1] if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if before in JUST_MEANS_RECENTLY_AFTER or before in JUST_MEANS_ONLY_AFTER or before in JUST_MEANS_SIMPLY_AFTER or (
            before in {"was", "were"} and after in JUST_STARTING) or (
            before in {"i'd", "we'd", "she'd", "he'd", "they'd"} and (
                PAST_TENSE.fullmatch(after) or after in {"got", "gotten", "been", "gone", "come", "begun", "become"})):
        # "we'd just launched", "we'd just got the new scanners": a moment before
        return False
    # "called back just to say thanks", "just so no one missed it": what for, not softened.
    if after in ("to", "so"):
        return False
    # An amount after it ("just 10%", "just $40k") is "only" too.
    if after in JUST_MEANS_ONLY_BEFORE or after[:1].isdigit() or after[:1] in "$€£":
        return False
    # It plays down the speaker's own step only: "I just asked him", "I mostly just listened",
    # "...a pull request and just kind of shut down". Another's ("they just disagreed", "the
    # truck just wouldn't show", "suppliers just picked any time": a tryout's) is the story.
    # A sentence that starts with it leaves its subject, the speaker, unsaid: "Just asked him."
    if i == 0 or _ends_sentence(words[i - 1]):
        return True
    # Right after a noun or another's pronoun, it is theirs; after a link ("and just",
    # "mostly just"), a comma ("I sat in on five calls, just listening") or an adverb ("I
    # honestly just asked"), the clause's subject says, looked for back to the sentence's start.
    if before not in SPEAKER and before not in JUST_LINKS and not words[i - 1].endswith(",") \
            and not before.endswith("ly"):
        return False
    for j in range(i - 1, max(-1, i - 1 - JUST_SUBJECT_WITHIN), -1):
        if j < i - 1 and _ends_sentence(words[j]):
            return False  # the sentence began after it, with no subject of the speaker's
        if tokens[j] in SPEAKER:
            return True
        if tokens[j] in OTHER_SUBJECTS:
            return False
    return False


def find_repetitions(words: list[str]) -> list[Mark]:
    """A word or phrase of up to three words said twice in a row."""
    tokens = _tokens(words)
    marks = []
    i = 0
    while i < len(tokens):
        for n in range(MAX_REPEAT_WORDS, 0, -1):
            first, second = tokens[i:i + n], tokens[i + n:i + 2 * n]
            if len(second) == n and first == second and all(first):
                if n == 1 and first[0] in GRAMMATICAL_DOUBLES | DIGIT_WORDS:
                    continue
                # "twenty twenty": a year said in words, not a stumble (a tryout's).
                if n == 1 and first[0] == "twenty" and (i == 0 or tokens[i - 1] in YEAR_BEFORE
                                                        or _ends_sentence(words[i - 1], (".", "?", "!", ","))):
                    continue
                # "connected to it, it could have caught fire": one clause ends on the word the
                # next starts with ("I, I think" is still a stutter).
                if n == 1 and first[0] in OBJECT_THEN_SUBJECT and words[i].endswith(",") and i > 0 \
                        and tokens[i - 1] not in CLAUSE_OPENERS and not words[i - 1].endswith((",", ".", "?", "!")):
                    continue
                # "...could not log in. In the end": a sentence ended between them ("I... I
                # think", a stutter, is still one).
                end = words[i + n - 1].rstrip("\"')")
                if end.endswith((".", "?", "!")) and not end.endswith("..."):
                    continue
                marks.append(Mark(" ".join(words[j].strip(",.") for j in range(i, i + 2 * n)), "repetition", i, i + 2 * n))
                i += 2 * n - 1
                break
        i += 1
    return marks
