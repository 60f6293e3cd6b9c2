"""A story told in the present ("So it's a Friday, and we pull the logs..."), read as told
in the past.

People often tell a story in the historical present. The STAR labeler learned its steps
from stories told in the past ("we pulled the logs"), so "we pull the logs" read as
nothing it knew, and a tryout's present-tense answer had every step labeled as its
result. An answer told in the present is read as if told in the past: only for the
labeler's features; the words shown are the person's own (a word the evidence names is
then its past form: "word:needed" for "we need").
"""

from __future__ import annotations

import re

# The irregular verbs a story's steps are told with: present -> past.
_IRREGULAR = dict(pair.split(":") for pair in (
    "be:was am:was is:was are:were 'm:was 're:were have:had has:had do:did does:did go:went goes:went "
    "get:got gets:got make:made makes:made take:took takes:took give:gave gives:gave say:said says:said "
    "tell:told tells:told see:saw sees:saw come:came comes:came know:knew knows:knew think:thought "
    "thinks:thought find:found finds:found bring:brought brings:brought build:built builds:built "
    "buy:bought buys:bought catch:caught catches:caught choose:chose chooses:chose cut:cut cuts:cut "
    "deal:dealt deals:dealt draw:drew draws:drew drive:drove drives:drove feed:fed feeds:fed "
    "feel:felt feels:felt fight:fought fights:fought grow:grew grows:grew hold:held holds:held "
    "hear:heard hears:heard hit:hit hits:hit keep:kept keeps:kept lead:led leads:led leave:left "
    "leaves:left lend:lent lends:lent let:let lets:let lose:lost loses:lost meet:met meets:met "
    "pay:paid pays:paid put:put puts:put run:ran runs:ran ring:rang rings:rang rewrite:rewrote "
    "rewrites:rewrote sit:sat sits:sat sell:sold sells:sold send:sent sends:sent set:set sets:set "
    "show:showed shows:showed spend:spent spends:spent split:split splits:split stand:stood "
    "stands:stood stick:stuck sticks:stuck teach:taught teaches:taught throw:threw throws:threw "
    "write:wrote writes:wrote win:won wins:won begin:began begins:began break:broke breaks:broke "
    "speak:spoke speaks:spoke wake:woke wakes:woke forget:forgot forgets:forgot understand:understood "
    "understands:understood sleep:slept sleeps:slept fall:fell falls:fell rise:rose rises:rose "
    "shut:shut shuts:shut read:read reads:read need:needed needs:needed "
    "want:wanted wants:wanted").split())
_PAST_FORMS = frozenset(_IRREGULAR.values()) | {"was", "were", "had"}
# Words after a pronoun that are no verb told in the present ("I also", "we all", "they just").
_NOT_A_VERB = frozenset({
    "also", "then", "just", "all", "both", "only", "really", "actually", "still", "even", "never", "always",
    "usually", "often", "first", "finally", "and", "or", "but", "so", "too", "myself", "ourselves", "themselves",
    "would", "could", "should", "might", "must", "may", "shall", "did", "didn't", "don't", "doesn't", "won't",
    "can't", "wasn't", "weren't", "hadn't", "had", "was", "were", "'d", "'ll", "'ve", "of", "in", "on", "at",
    "to", "for", "with", "from", "by", "as", "the", "a", "an", "that", "this", "who", "which"})
_ADVERB = r"(?:(?:also|then|just|first|finally|quickly|immediately|actually|really|even|still|all|both)\s+)?"
# A pronoun and the verb after it ("we pull", "she tells", "I'm"), and "it's", "there's". (Not
# "you": "you know" is a way of speaking.)
_TOLD = re.compile(r"\b(i|we|they|he|she)(?:\s+" + _ADVERB + r"([a-z]+)|('m|'re))\b"
                   r"|\b(it|there|that)('s|\s+is|\s+are)\b", re.I)
# A present form's past, for regular verbs: "pulls" -> "pulled", "arrive" -> "arrived",
# "try" -> "tried", "ship" -> "shipped" (a short word that ends consonant, vowel, consonant).
_SIBILANT_ES = re.compile(r"(?:ss|sh|ch|x|zz)es$")


def _regular_past(verb: str) -> str:
    if _SIBILANT_ES.search(verb):
        verb = verb[:-2]
    elif verb.endswith("ies") and len(verb) > 4:
        verb = verb[:-3] + "y"
    elif verb.endswith("s") and not verb.endswith("ss") and len(verb) > 3:
        verb = verb[:-1]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if re.fullmatch(r"[^aeiou][^aeiou]?[aeiou][^aeiouwxy]", verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _past_of(verb: str) -> str | None:
    """The past of a verb told in the present, or None for a word that is no such verb."""
    lower = verb.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower in _NOT_A_VERB or lower.endswith(("ed", "ing", "ly", "n't")) or lower in _PAST_FORMS:
        return None
    return _regular_past(lower)


# An answer is told in the present when at least this many of its verbs after a pronoun are,
# and twice as many as those told in the past.
MIN_PRESENT = 3


# Words said in the story, quoted: their tense is the speaker's then ("I told him: 'I have
# some observations'").
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
# A habit or a "would" is talk in general, present on purpose (analysis.story): it tells
# nothing about the tense a story is told in.
_HABIT = re.compile(r"\b(?:always|usually|generally|normally|typically|tend to|whenever|every time|would|i'd)\b", re.I)


def _told(text: str) -> str:
    """The words of a sentence the speaker tells with, not quotes."""
    return _QUOTED.sub(" ", text.replace("\u2019", "'"))


# Verbs of thinking and feeling tell an opinion, present on purpose ("I think it's key").
_OPINION = frozenset({"think", "thinks", "believe", "believes", "feel", "feels", "guess", "mean", "know", "knows",
                      "hope", "suppose", "reckon", "care", "love", "like", "find", "say"})


def told_in_the_present(texts: list[str]) -> bool:
    """Whether the answer tells its story in the present: its steps after a pronoun ("we pull",
    "she tells") outnumber twice those told in the past, outside quotes, habits and opinions."""
    present = past = 0
    # (Quotes are found in the whole answer: the sentence splitter cuts inside them.)
    told = _told(" \n ".join(text for text in texts if not _HABIT.search(text)))
    for m in _TOLD.finditer(told):
        verb = (m.group(2) or "").lower()
        if verb in _PAST_FORMS or verb.endswith("ed") and verb not in _IRREGULAR:
            past += 1
        elif verb and verb not in _OPINION and _past_of(verb):
            present += 1
    return present >= MIN_PRESENT and present >= 2 * past


def in_the_past(text: str) -> str:
    """The sentence with the verbs after its pronouns put in the past ("we pull the logs" ->
    "we pulled the logs", "it's a Friday" -> "it was a Friday")."""
    def shift(m: re.Match) -> str:
        whole = m.group(0)
        if m.group(4):  # "it's", "there is", "that are"
            return m.group(4) + (" were" if m.group(5).strip() == "are" else " was")
        if m.group(3):  # "I'm", "we're"
            return m.group(1) + (" was" if m.group(3) == "'m" else " were")
        verb = m.group(2)
        past = _past_of(verb)
        return whole if past is None else whole[:len(whole) - len(verb)] + past
    text = text.replace("\u2019", "'")
    # (Quotes are left as said.)
    pieces, at = [], 0
    for quoted in _QUOTED.finditer(text):
        pieces += [_TOLD.sub(shift, text[at:quoted.start()]), quoted.group(0)]
        at = quoted.end()
    return "".join(pieces + [_TOLD.sub(shift, text[at:])])
