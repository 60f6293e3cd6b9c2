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
from rehearse.analysis.star import PAST_TENSE, PAST_VERB

# Talk about habits, traits and hypotheticals, in the first person or about "a customer".
# ("I'd" is left out: it is as often "I had" as "I would"; "we would" is often a past habit.)
_GENERIC = re.compile(
    r"\b(?:i|we) (?:always|usually|generally|normally|typically|regularly|routinely|tend to|try to|like to|make it a point)\b"
    # ("...so I would not lose it", "so that I would be ready": a purpose in a story, not a
    # habit; "so I would always check in" still is one.)
    r"|(?<!\bso )(?<!\bso that )\bi would\b(?! have\b)|\bso i would (?:always|usually|often|normally|generally|typically)\b"
    r"|\b(?:usually|generally|normally|typically),? (?:i|we)\b|^(?:(?:so|and|but|yeah),? )*(?:usually|generally|normally|typically)\b"
    r"|\bi(?:'m| am) (?:(?:a|an|very|really|pretty|quite|naturally|always|big|huge|firm|honestly|definitely|just|genuinely|"
    r"more of|a bit of|kind of|sort of)"
    r"\s+){0,3}(?:good|great|strong|skilled|excellent|someone|the kind|the type|a person|comfortable|confident|organized|"
    r"detail|people|team|natural|patient|calm|believer|fan|(?!the\b)[\w-]+ person|adaptable|flexible|reliable|hard-?working|proactive|"
    r"curious|resilient)\b"
    r"|\b(?:the key is|is the key|is key)\b"
    r"|\bi (?:think|believe|feel) (?:that )?(?:it's|that's|it is|that is) (?:really |very |so |always )?(?:important|key|"
    r"crucial|essential|vital|the best|the right)\b|\bi believe in\b|\bi find that\b|\bhow i (?:usually |generally )?approach\b"
    r"|\b(?:whenever|every time|anytime) (?:i|we|you|there's|there is|someone|somebody|anyone|anybody|people|a customer|"
    r"a client|a patient|things)\b"
    # What happens all the time, and being used to it (a tryout's "As a nurse we get feedback
    # all the time..., so I am very used to it", read as a result).
    r"|\b(?:i|we|you) (?:get|do|see|have|hear|deal with|handle|make|give|take) [^.,;]{0,40}?\ball the time\b"
    r"|\bi(?:'m| am) (?:very |really |quite |so |pretty )?used to\b"
    # (a present verb after it: "I think that's how we got through the week" tells a result; a review's)
    r"|\bi (?:think|believe|feel) (?:that )?(?:that's|that is|this is|it's|it is) (?:how|why|what) (?:we|you|people|teams?) "
    r"(?:all |really )?(?:grow|learn|get better|improve|work best|build trust|stay|keep|become|make)\b"
    r"|\bif (?:i|we|there's|there is|someone|a customer|a client|a patient|a colleague) (?:see|sees|have|has|is|are|get|gets|were|need|needs)\b"
    r"|\bmy (?:approach|philosophy|strategy|style) (?:is|has always been)\b"
    r"|\bi(?:'ve| have) always (?:believed|thought|felt|tried|found|been|liked)\b"
    r"|\b(?:in any job|in every job|wherever i(?:'ve| have)? worked)\b"
    r"|\bin general\b|\bgenerally speaking\b"
    # Held-out 6 and 8's weak answers (seen): a habit said with "I'd" and a base verb ("I'd
    # usually observe a lesson"), "what I always do is", how things go most of the time,
    # advice to "you" ("you have to listen", "if you go too deep you get stuck"), "it depends".
    r"|\bi'd (?:usually|always|normally|generally|typically|often) (?!(?:been|had|seen|done|gone|known|taken|given|made|got|"
    r"gotten|found|thought|told|felt|left|kept|brought|become|come|run|spent|heard|met|put|set|said|sent|built|taught|"
    r"caught|held|lost|won|written|spoken|driven|chosen|worn|grown|shown|understood)\b)[a-z]+(?<!ed)\b"
    r"|\bwhat i (?:always|usually|normally|generally|typically|tend to) (?:do|say|try)\b"
    r"|\b(?:most of the time|more often than not|nine times out of ten|as a rule|in my experience)\b"
    r"|\byou(?:'ve got| have got| have| need| want|'ve| ought)? to (?!me\b)[a-z]+|\byou (?:should|must|can't|cannot)\b"
    r"|\bif you\b.*\byou\b|\bit (?:all |really )?depends\b",
)
# A standing ("I'm the person people come to") or an opinion about things in general ("I
# think a good knowledge base saves everyone time") is general, unless it says how things
# stand after the story ("A year later I'm the person who connects marketing and data").
_STANDING = re.compile(
    r"\bi(?:'m| am) (?:usually |always |often )?(?:the|everyone's) (?:person|one|go-to)\b"
    r"|\bi (?:think|believe|feel) (?:that )?(?:a|an|good|great|clear|every|most|people|teams?|managers?|"
    r"customers?|patients?|communication|documentation)\b")
_AFTERWARDS = re.compile(r"\b(?:later|now|still|since|today|these days|ever since|to this day|afterwards)\b")
# "-ed" words that describe, not narrate: "I am very organized", "the shared drive" (as
# past tenses they made a general answer look like a story).
# (An adverb only after an article or a present "be": "I really pushed the supplier" tells
# the past.)
_DESCRIBING_ED = re.compile(r"\b(?:the|a|an|our|my|your|their|his|her|its|am|is|are|be|being|get|gets|stay|stays|feel|"
                            r"feels|keep|keeps|i'm|we're|it's)(?:\s+(?:very|really|so|too|quite|pretty|well))?\s+[a-z]+ed\b")
# Words said to someone in the story, the present of a story told in the present ("I tell
# him, you have to deliver by Friday", "she goes, you need to fix this"): no advice to the
# listener (a review's).
_SAID_TO_YOU = re.compile(r"\b(?:tell|tells|told|say|says|said|goes|go|went|ask|asks|asked|explain|explains|explained|"
                          r"shout|shouts|shouted|warn|warns|warned)\b(?:\s+(?:him|her|them|me|us|everyone|the\s+\w+))?,?\s+"
                          r"(?:that\s+)?you\b.*")
# Past forms that narrate nothing: an infinitive ("my approach is to let them..."), a
# relative clause ("two things that went well"): held-out 8's weak answers (seen) read as
# stories for them.
# ("That calmed him down." and ", which saved us two hours" tell the past: only a relative
# clause right after a noun is left out.)
_NOT_NARRATING = re.compile(r"\bto [a-z]+\b|(?<=[a-z] )(?<!\band )(?<!\bso )(?<!\bbut )(?<!\bthen )(?<!\bbecause )"
                            r"(?:that|which|who) [a-z]+\b")
# A claim about every job or all one's life is general whatever its tense: "In every job
# I've had, I've always been the person people come to".
_ALWAYS_GENERAL = re.compile(r"\bi(?:'ve| have) always (?:believed|thought|felt|tried|found|been|liked)\b"
                             r"|\b(?:in any job|in every job|wherever i(?:'ve| have)? worked)\b")
# No story to tell at all, whatever the tense ("I've never really had a disagreement", "I
# get along with everyone", "I believe most conflicts are misunderstandings").
_NO_STORY = re.compile(
    r"\bi(?:'ve| have) never (?:really |actually |ever )?(?:had|been in|faced|dealt with|experienced|run into)\b"
    r"|\bcan(?:'t|not) (?:really )?(?:think of|remember) (?:a|one|any) (?:specific )?(?:time|example)\b"
    r"|\bi get along with (?:pretty much |almost |just about )?everyone\b"
    r"|\bi (?:think|believe|feel) (?:that )?(?:most|all|many) (?:of )?(?:people|conflicts|problems|issues|disagreements|"
    r"misunderstandings|mistakes|teams|customers|clients|patients|things)(?: \w+){0,3}? (?:are|is|come|do|don't|have|"
    r"get|want|need|just)\b"
)
# ... unless it compares by degree, which a story does: "I've never had a disagreement get
# that heated", "I can't think of a time I was more nervous than..." ("never had a conflict
# before" is no story).
_COMPARES = re.compile(r"\b(?:than|that (?:kind|sort) of|(?:more|less|most|least|that|so) (?:grateful|happy|angry|upset|"
                       r"bad|good|heated|nervous|proud|busy|hard|tough|close|stressful|serious|relieved|scared|excited))\b")
# A clause that tells the past after "and"/"so": "Then I would check each pallet, and I
# found twelve"; "...I'd lose the lunch service, so I called the supplier".
_TOLD_AFTER = re.compile(r"\b(?:and|but|so|then),?\s+(?:i|we)\s+(?:(?:also|then|just|quickly|finally)\s+)?" + PAST_VERB + r"\b")
# A lesson or a change since then is about the future on purpose ("next time I would").
_LESSON = re.compile(r"\b(?:next time|now i|since then|from then on|learned|looking back|in hindsight|going forward|these days)\b")
# "If I disagreed with someone, I would...": a hypothetical, its past tense notwithstanding.
# Only a sentence that opens with "if": "I told him that if he sent it, I would..." reports
# the past, and "if we hadn't, we would have lost it" (or "would've") tells it.
_HYPOTHETICAL = re.compile(r"^(?:(?:so|and|but|well|um|uh|honestly|like|yeah),?\s+)*if\b.*\b(?:i|we)(?: would|'d)\b"
                           r"(?!\s*have\b|'ve\b)(?!\s+\w+\s+have\b)")
# Words that place "I would" in the past: a habit then, told ("back then I would meet her").
# ("I'm used to it" is no past: "used to" only when it is not being accustomed.)
_PAST_MARKER = re.compile(r"\b(?:back then|at the time|in those days|(?<!\bam )(?<!'m )(?<!\bget )(?<!\bgot )(?<!\bam very )"
                          r"(?<!'m very )(?<!\bam quite )(?<!'m quite )used to|when i was|that (?:year|summer|spring|fall|"
                          r"autumn|winter|semester|month|week))\b")
# After a lesson, "I would also..." goes on with it ("Next time I would add an alert. I
# would also write a runbook.").
_WOULD = re.compile(r"\b(?:i|we)(?: would|'d)\b")
# "I would ask", "Then I would bring them together": a sentence that says what one would do
# (not "I would have", nor "the work I would do"; "and I'd ask him at lunch" is as often a
# past habit in a story, so "I'd" counts only in a hypothetical).
_WOULD_NOW = re.compile(r"^(?:(?:and|then|first|next|afterwards|after that|finally|also|honestly|um|uh|well|"
                        r"probably),?\s+)*i would\b(?! have\b)"
                        # ("I would say my proudest moment was...", "I would like to explain": a way of speaking)
                        r"(?! (?:say|like|love|describe|pick|choose|add|guess|argue|think)\b)")
# ... reported, it tells the past: "I told him I would finish by Friday".
_REPORTED = re.compile(r"\b(?:told|said|promised|explained|agreed|decided|knew|thought|realized|realised|assured|"
                       r"warned|wrote|emailed|replied|let \w+ know)\b.*\bi(?: would|'d)\b")
# A past state sets a scene as much as a past step tells one ("I was the only nurse on").
_PAST_STATE = re.compile(r"\b(?:was|were|had)\b")


# The answer as a whole talks in general when at least this many sentences do, and they
# are at least as many as the sentences that tell what happened (one general remark in a
# story is fine), or when some do and nothing that happened is told at all.
MIN_GENERIC = 2


@dataclass(frozen=True)
class Story:
    generic: list[int]  # indexes of sentences that talk in general or hypothetically
    past: int  # sentences that tell something that happened

    @property
    def talks_in_general(self) -> bool:
        """No one story is told: the answer is made of habits, traits and "would"s."""
        return len(self.generic) >= MIN_GENERIC and len(self.generic) >= self.past or (
            bool(self.generic) and self.past == 0)


# An "if" clause the splitter cut from its sentence ("If I had to make a decision without all
# the information," then "I would first gather..."): it is as general as what follows it (a
# tryout's, read as the answer's task).
_IF_CLAUSE = re.compile(r"^(?:(?:so|and|but|well|um|uh|honestly|yeah|basically|actually|okay|ok|like),?\s+)*if\b[^.?!]*,\s*$")
# ... and any piece of a general sentence the splitter cut off before it, telling no past of
# its own: "Actually, at the cafe where I work," then "it is similar, like when there are ten
# orders at once, you have to decide" (a tryout's hypothetical answer; the piece was read
# as its result).
_CUT_OFF = re.compile(r",\s*$")
_A_TIME_OF_ITS_OWN = re.compile(r"\b(?:last|ago|yesterday|once|when i was|in (?:19|20)\d\d)\b")
# (A piece that tells a step of its own, even in the present, is none: "So I go to the owner
# with my notes and I show her," narrates; "where I work" only says where.)
_A_STEP_OF_ITS_OWN = re.compile(r"(?<!\bwhere )(?<!\bthat )(?<!\bwho )(?<!\bwhich )(?<!\bwhen )\b(?:i|we)\s+(?!am\b|'m\b)\w+")


def find_generic(sentences: list[Sentence]) -> Story:
    generic, past = [], 0
    in_lesson = False
    told_sentences: set[int] = set()
    texts = [sentence.text.lower().replace("\u2019", "'") for sentence in sentences]
    for sentence, text in zip(sentences, texts):
        hypothetical = bool(_HYPOTHETICAL.search(text))
        # "If someone was struggling, I'd help them": what the speaker would do, no story
        # ("and if they didn't start we'd lose them" reasons inside one).
        told_after = bool(_TOLD_AFTER.search(text))
        speaker_would = hypothetical and bool(re.search(r"\bi(?: would|'d)\b", text)) and not told_after
        # "I would make sure I stayed neutral": the past inside a "would" is still a would.
        would = bool(_WOULD_NOW.search(text)) and not _PAST_MARKER.search(text) and not _REPORTED.search(text) \
            and not told_after
        told = bool(PAST_TENSE.search(_NOT_NARRATING.sub(" ", _DESCRIBING_ED.sub(" ", text))) or _PAST_STATE.search(text)
                    or _PAST_MARKER.search(text)) and not hypothetical and not would
        in_lesson = in_lesson or bool(_LESSON.search(text))
        lesson = in_lesson and bool(_LESSON.search(text) or _WOULD.search(text))
        # A sentence that tells a past event is narrative even with "usually" in it; a
        # lesson is about the future on purpose (the guide asks for one).
        no_story = bool(_NO_STORY.search(text)) and not _COMPARES.search(text) and not told_after
        # A claim about every job is general, unless the sentence goes on to tell what
        # happened ("I've always been nervous about speaking, and last March my manager asked me").
        rest = _ALWAYS_GENERAL.sub(" ", text).replace("i've had", " ").replace("i have had", " ")
        always = bool(_ALWAYS_GENERAL.search(text)) and not (PAST_TENSE.search(rest) or _PAST_MARKER.search(rest))
        standing = bool(_STANDING.search(text)) and not _AFTERWARDS.search(text)
        if (no_story or speaker_would or would or always or (_GENERIC.search(_SAID_TO_YOU.sub(" ", text)) or standing)
                and not told) \
                and not lesson:
            generic.append(sentence.index)
        elif told:
            past += 1
            told_sentences.add(sentence.index)
    for before, after, text in zip(sentences, sentences[1:], texts):
        if after.index in generic and before.index not in generic and (
                _IF_CLAUSE.search(text) or _CUT_OFF.search(text) and before.index not in told_sentences
                and not _A_TIME_OF_ITS_OWN.search(text) and not _A_STEP_OF_ITS_OWN.search(text)):
            generic.append(before.index)
            past -= before.index in told_sentences
    # ... and the rest of one cut off after it: "I would say that I take every piece of feedback
    # seriously," then "I reflect upon it, and I make changes where changes are needed" (a
    # tryout's lesson-only answer, read as its action).
    for before, after, text, after_text in zip(sentences, sentences[1:], texts, texts[1:]):
        if before.index in generic and after.index not in generic and _CUT_OFF.search(text) \
                and after.index not in told_sentences and not _A_TIME_OF_ITS_OWN.search(after_text):
            generic.append(after.index)
    return Story(generic=sorted(generic), past=past)
