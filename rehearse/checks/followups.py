"""The follow-up questions an interviewer would ask where the answer was thin. Each rule
reads what the analysis and the checks found, and says why it asks (the evidence):

- the story does not answer the question (relevance fails): ask for one that does;
- no clear Result: "How did it turn out? Can you put a number on it?";
- no clear Action (missing, or unclear in an answer not told with "we"): "What exactly did
  you do? Walk me through your steps.";
- "we" in the Action (the "I" vs "we" check does not pass): "What did you do yourself?";
- a Result without a number: "Can you put a number on that?";
- numbers in the Result with no baseline (none is a change, a percentage or a multiple)
  that state a level or a rate (not a scene's number, a duration that says when, time
  gained or lost on a plan, a difference, a count of what was done, nor one the sentence,
  a budget, or a time the story says it took before or was planned, already sets against
  something): "From what, to what?";
- no lesson ("learned", "next time", "differently"...): "What would you do differently?".

At most MAX_FOLLOW_UPS, in that order: the first is the one a mock interview asks. Each
says what a good short answer to it holds (`expects`), so a spoken follow-up can be
judged on that and not on STAR length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.analysis.answer import Analysis
from rehearse.analysis.metrics import NUMBER_IN_WORDS, RATE, TIME_UNIT, find_metrics
from rehearse.analysis.pronouns import count_pronouns
from rehearse.analysis.star import PAST_VERB
from rehearse.checks.base import CheckResult, quote
from rehearse.checks.i_vs_we import said_times

MAX_FOLLOW_UPS = 3
ORDER = ("off_topic", "specific", "result", "own_actions", "number", "baseline", "lesson")
# How a lesson is said: the guide asks for "lessons learned or how you'd approach it differently".
LESSON = re.compile(r"\b(?:learn(?:ed|t|ing)|i learn (?:that|to|how)|lessons?|takeaways?|taught me|next time|differently|"
                    r"in hindsight|looking back|since then|from then on|i now|now i|(?:what )?i took (?:from|away)|took away|"
                    r"reinforced for me|showed me (?:that|how)|made me (?:realise|realize|see|understand)|"
                    r"i (?:realised|realized) (?:that|how)|"
                    # a regret owned and the habit it left: "What I regret is that I optimized for
                    # the 30 jobs we had... Now before I build anything in-house I write down..."
                    # (a new user's, asked "What did you learn?" after saying so)
                    r"what i regret|i regret (?:that|not|it)|(?:^|(?<=\band )|(?<=, ))now,? (?:before|when|whenever|every time|each time) i "
                    # ... a habit now, not the story going on ("Now, when I got to the dock, ...": a review's)
                    r"(?!(?:" + PAST_VERB + r"|was|were|had|got|could|did|would|went|came|saw|said|told|took|made|found|left|felt|knew)\b)|"
                    r"if i (?:did|had|were|was) (?:to )?(?:do )?(?:it|that|this) "
                    r"(?:again|over)|if i had to do (?:it|that) again|(?:doing|do) it again,? i(?:'d| would))\b", re.I)
RELATIVE_KINDS = ("change", "percent", "multiplier")
# Words that set a number against another: "from 40 to 80", "instead of two days". An
# answer to "compared with what?" may also say "before" (BASELINE).
_BASELINE_WORDS = (r"\bfrom\b.{1,40}\bto\b|\bcompared (?:to|with)\b|\bdown from\b|\bup from\b|\binstead of\b|"
                   r"\bused to\b")
# A change to an amount that needs no baseline: "down to zero", "cut by a third", "in half".
_NEEDS_NO_BASELINE = re.compile(r"\b(?:zero|none|nothing|half|by)\b", re.I)


def _compares(metric) -> bool:
    """Whether a number says what it is measured against: "went up to 80 people" leaves
    "from what?" open; "from 40 to 80", "down from three", "instead of two days" do not."""
    return metric.kind in RELATIVE_KINDS and (metric.kind != "change" or bool(
        BASELINE.search(metric.text) or _NEEDS_NO_BASELINE.search(metric.text)))


# Words just before a number that already say it is a difference: "saved about fifteen
# hours a week", "two extra shifts" ("more than 40" is an amount, not a difference).
_SAYS_A_DIFFERENCE = re.compile(r"\b(?:sav(?:ed|es|ing)|cut|reduced|freed(?: up)?|gained|added|extra|additional)"
                                r"\b\W*(?:\w+\W+){0,2}$", re.I)
# ... or inside it: "40 fewer calls a day".
_A_DIFFERENCE = re.compile(r"\b(?:fewer|less|more)\b(?!\s+than)|\b(?:extra|additional)\b", re.I)
# A level reached: "cut the wait to ten minutes" asks "from what?" as much as "ten minutes" does.
_REACHED = re.compile(r"\bto\s+$", re.I)
# A duration that places the story in time ("after eight months", "six months later",
# "three weeks before the holidays") rather than measuring the work ("it takes ten minutes").
# ("the first time in four years" sets it against those years already; a tryout's.)
_PLACES_BEFORE = re.compile(r"\b(?:after|within|for|over|during|by|since|(?:in|over|for)\s+the\s+(?:next|following|first|last|"
                            r"past)|(?:first|only)\s+time\s+in(?:\s+(?:over|nearly|almost|about))?)\s+$", re.I)
_PLACES_AFTER = re.compile(r"\s*(?:later|ago|earlier|before|after|into|on|since)\b", re.I)
# Time gained or lost on a plan ("three hours late", "a week early") is a difference already.
# (And a margin: "on the quayside with four hours to spare"; a tryout's.)
_EARLY_OR_LATE = re.compile(r"\b(?:early|late|ahead|behind|sooner|to\s+spare)\b", re.I)
# A baseline the Result sentence gives itself ("went from taking me four hours to ten
# minutes", "eight months instead of six"; "before Christmas" is none).
# A record or a best sets the number against every time before ("176 registrations, which
# was our record": a third tryout was asked "compared with what?").
_OWN_BASELINE = re.compile(_BASELINE_WORDS + r"|\brather than\b|\b(?:a|our|the|new|all-time|club|school|site|store)\s+record\b"
                           r"|\b(?:the\s+)?(?:highest|lowest|best|fastest|most|fewest)\b[^.]{0,40}\b(?:ever|yet|in\s+(?:the|our|its|their|years))\b",
                           re.I)
# A sum the story sets the Result's money against: "a budget of five thousand pounds".
_A_SUM_TO_BEAT = re.compile(r"\b(?:budget|budgeted|quote|quoted|estimate|estimated|target|goal|aimed|planned|expected|"
                            r"forecast)\b", re.I)
_RATE_AT_END = re.compile(RATE + r"$", re.I)
# Words that make a time one to compare with: what it took before, or what was planned.
# (And what it was measured at before the steps: "I asked him to time it. It ran for twenty
# six minutes", then "down to eight minutes", was asked "compared with what?"; a tryout's.)
_SETS_A_TIME = re.compile(r"\b(?:used to(?: take)?|usually(?: took| takes)?|normally|typically|would take|was taking|"
                          r"(?:it|they|that|this|the \w+) (?:ran|lasted) (?:for )?|timed (?:it|them) at|"
                          r"were taking|times? (?:was|were)|average(?: was)?|target(?: was| of)?|planned|plan|deadline|"
                          r"expected|ahead of|behind|instead of|against)\b", re.I)
_TIME_WORD = re.compile(r"\b" + TIME_UNIT + r"\b", re.I)
_A_LEVEL = re.compile(r"\b(?:had|have|has|got|reached|hit|hitting|was|were|is|are|at|to|now|only|just)"
                      r"\b\W*(?:\w+\W+){0,1}$", re.I)


def _a_time(metric) -> bool:
    """A duration, or a change to one ("came down to eight minutes")."""
    return metric.kind == "duration" or metric.kind == "change" and bool(_TIME_WORD.search(metric.text))


def _set_as_a_baseline(analysis: Analysis, m) -> bool:
    """Whether a number is said as what it took before or what was planned, in the five words
    before it or in its own words ("used to take about an hour", "a fortnight ahead of plan")."""
    before = analysis.sentences[m.sentence].text[:m.metric.start].split()[-5:]
    return bool(_SETS_A_TIME.search(" ".join(before) + " " + m.metric.text))


_NUMBER_WORD = re.compile(NUMBER_IN_WORDS)


def _counted(text: str) -> str:
    """What a count counts, singular and without its rate: "accident" for "zero forklift
    accidents", "complaint" for "40 complaints a week" ("" for a bare number)."""
    words = re.findall(r"[a-z][a-z'-]*", re.sub(RATE + r"$", "", text, flags=re.I).lower())
    noun = words[-1] if words and not _NUMBER_WORD.fullmatch(words[-1]) else ""
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _counted_elsewhere(analysis: Analysis, sentence: int) -> set[str]:
    """What the story's other sentences count, scene numbers included."""
    return {_counted(found.text) for s in analysis.sentences if s.index != sentence
            for found in find_metrics(s.text, descriptive=True) if found.kind == "count"} - {""}


def _levels(analysis: Analysis, result_metrics) -> list:
    """The Result's numbers that state a level with nothing to compare it with: not a
    number the story set its scene with ("150 guests" in the situation, "all 150 guests"
    in the result), not a duration that says when ("after eight months"), not a
    difference already ("saved about fifteen hours a week"), not a count of what was done
    ("she trained two new servers")."""
    scene = {m.metric.text.lower() for m in analysis.metrics if analysis.labels[m.sentence].label != "result"}
    levels = []
    for m in result_metrics:
        sentence, metric = analysis.sentences[m.sentence].text, m.metric
        before, after = sentence[:metric.start], sentence[metric.end:]
        # The sentence gives its own baseline ("went from taking me four hours every Monday to
        # about ten minutes", "about eight months instead of six"), or the story another
        # amount of money to set it against ("a budget of five thousand pounds").
        if metric.text.lower() in scene or _OWN_BASELINE.search(sentence) or (
                metric.kind == "money" and any(o.metric.kind == "money" and
                                               _A_SUM_TO_BEAT.search(analysis.sentences[o.sentence].text)
                                               for o in analysis.metrics)):
            continue
        if metric.kind == "duration" and (_PLACES_BEFORE.search(before) or _PLACES_AFTER.match(after)
                                          or _EARLY_OR_LATE.search(metric.text) or _EARLY_OR_LATE.match(after.lstrip())):
            continue
        # A time the story already sets against another it tells: the comparison is there,
        # if not in one sentence. Only a time said as what it took before or what was
        # planned, right where it is said ("used to take about an hour", "handle time was
        # around twelve minutes", "a fortnight ahead of plan"); "I built it over four weeks"
        # or "two weeks before the audit" compares nothing.
        if _a_time(metric) and any(_a_time(o.metric) and o.metric.text.lower() != metric.text.lower()
                                   and _set_as_a_baseline(analysis, o) for o in analysis.metrics):
            continue
        if not _REACHED.search(before) and (_SAYS_A_DIFFERENCE.search(before) or _A_DIFFERENCE.search(metric.text)):
            continue
        # A count of what the story counted before ("Our site had four forklift accidents in
        # one quarter", a scene, then "zero forklift accidents"): the comparison is there,
        # across sentences.
        if metric.kind == "count" and _counted(metric.text) in _counted_elsewhere(analysis, m.sentence):
            continue
        # A count or sum of what was done ("she trained two new servers", "we raised $5,000")
        # is an achievement; a rate or a level reached ("40 calls a day", "we had 12
        # complaints", "reached 500 sign-ups") is what "compared with what?" asks about.
        if metric.kind in ("count", "money") and not (_RATE_AT_END.search(metric.text) or _A_LEVEL.search(before)):
            continue
        levels.append(metric)
    return levels


# Which number a "put a number on it" answer is quoted by: the one that measures the outcome
# most plainly. "Within three months it went from forty comments to five" answers with the
# change; the duration only says when.
# Every kind the metric finder gives is here (a test holds it): a kind left out would stop
# the follow-up check.
TELLING_KINDS = ("change", "percent", "multiplier", "money", "count", "number", "duration")
# Kinds of number that tell how something changed, whoever did it.
OUTCOME_KINDS = ("change", "percent", "multiplier", "money")


@dataclass(frozen=True)
class FollowUp:
    id: str  # off_topic | specific | result | own_actions | number | baseline | lesson
    question: str  # what the interviewer asks
    because: str  # what in the answer made them ask
    expects: str  # what a good short answer holds: story | specific | outcome | number | i | baseline | lesson


def follow_ups(analysis: Analysis, results: list[CheckResult]) -> list[FollowUp]:
    status = {r.id: r.status for r in results}
    found: list[FollowUp] = []
    relevance = analysis.relevance
    if relevance is not None and status.get("relevance") == "fail":
        # Name what the story is about only when the check does (the cues or a model clear
        # about it): a story far from every question leans a little to one at random.
        said = "That's a story about" if relevance.about_by_cues else "That sounds more like a story about"
        asked = (f"{said} {_about(relevance)}. Can you tell me about a time that was about "
                 f"{relevance.competency.asks}?" if relevance.leans and relevance.about
                 else f"Can you tell me about a time that was clearly about {relevance.competency.asks}?")
        found.append(FollowUp("off_topic", asked,
                              f"the question asks about {relevance.competency.asks}", "story"))
    if analysis.story.talks_in_general:
        # Habits and "would"s: an interviewer asks for the one time first; how it turned
        # out, its numbers and its lesson come with that story.
        general = analysis.sentences[analysis.story.generic[0]].text
        found.append(FollowUp("specific", "Can you tell me about one specific time that happened? What was going on, "
                              "and what did you do?", f'talks in general: "{quote(general, 60)}"', "specific"))
        return found[:MAX_FOLLOW_UPS]
    star = analysis.star
    if "result" in star.missing or "result" in star.unsure:
        found.append(FollowUp("result", "How did it turn out? Can you put a number on it?",
                              "no clear Result", "outcome"))
    we_heavy = status.get("i_vs_we") in ("warn", "fail")
    if "action" in star.missing or "action" in star.unsure and not we_heavy:
        # No step told at all: the interviewer asks for the steps (with no Action, "I" vs
        # "we" counts the whole answer, and asking "what did you do yourself?" of a story
        # that tells no doing misses the point). An Action only unclear in an answer told
        # with "we" is the labeler's doubt about "we" steps: that answer is asked who did them.
        found.append(FollowUp("own_actions", "What exactly did you do? Walk me through your steps.",
                              "no clear Action", "i"))
    elif we_heavy:
        counts = analysis.checked_pronouns
        found.append(FollowUp("own_actions", "What did you do yourself?",
                              f'"we" {said_times(counts.we)} and "I" {said_times(counts.i)} in what was done', "i"))
    result_metrics = [m for m in analysis.metrics if analysis.labels[m.sentence].label == "result"]
    in_result = [m.metric for m in result_metrics]
    has_result = star.present.get("result", False)
    if has_result and not in_result:
        outcome = next(s.text for s, lab in zip(analysis.sentences, analysis.labels) if lab.label == "result")
        found.append(FollowUp("number", "Can you put a number on that? How much better, how much faster, how many?",
                              f'a Result with no number: "{quote(outcome, 60)}"', "number"))
    elif in_result and not any(_compares(m) for m in in_result) and (outcome := _levels(analysis, result_metrics)):
        asked_about = min(outcome, key=lambda m: TELLING_KINDS.index(m.kind))  # the plainest measure
        found.append(FollowUp("baseline", f'You said "{asked_about.text}". Compared with what: from what, to what?',
                              "numbers in the Result with nothing to compare them with", "baseline"))
    if not any(LESSON.search(s.text) for s in analysis.sentences):
        last = analysis.sentences[-1].text if analysis.sentences else ""
        found.append(FollowUp("lesson", "What did you learn from it? What would you do differently next time?",
                              f'no lesson; the answer ends "{quote(last, 60)}"', "lesson"))
    return found[:MAX_FOLLOW_UPS]


def _about(relevance) -> str:
    from rehearse.analysis.relevance import COMPETENCIES

    return COMPETENCIES[relevance.about.question_id].about


# -- judging a spoken answer to a follow-up ----------------------------------------------

FOLLOW_UP_CHECK = "follow_up"
# A follow-up answer is short by nature: past this it is a second story, not an answer.
FOLLOW_UP_LONG_S = 60
# ("before" as a comparison: "than before", "Before the new rota it took three days"; not a
# time said before a moment, "twelve hours before the meeting", which passed a tryout's
# "compared with what?"; a review's.)
BASELINE = re.compile(_BASELINE_WORDS + r"|(?<!\bhours )(?<!\bhour )(?<!\bdays )(?<!\bday )(?<!\bweeks )(?<!\bweek )"
                      r"(?<!\bminutes )(?<!\bmonths )(?<!\bmonth )(?<!\byears )(?<!\byear )\bbefore\b"
                      r"|\b(?:minutes|hours|days|weeks|months|years)\s+before\s*(?:[,.;!?]|$)", re.I)


def judge_follow_up(analysis: Analysis, follow_up: FollowUp) -> CheckResult:
    """Did the spoken answer give what the probe asked for (a number, "I", a lesson, a
    baseline, a story that fits)? Judged on that, never on STAR length."""
    tip_more = f'The probe was: "{follow_up.question}"'
    text = analysis.transcript.text
    if follow_up.expects == "outcome":
        return _judge_outcome(analysis, tip_more)
    if follow_up.expects == "number":
        if analysis.metrics:
            telling = min(analysis.metrics, key=lambda m: TELLING_KINDS.index(m.metric.kind))
            return _answered(f'You gave a number: "{telling.metric.text}".', analysis)
        return _missed("No number in the answer.", f"Say how much, how many or how fast, even roughly. {tip_more}")
    if follow_up.expects == "baseline":
        change = [m.metric.text for m in analysis.metrics if m.metric.kind == "change" and _compares(m.metric)]
        said = change[0] if change else (BASELINE.search(text).group(0) if BASELINE.search(text) else None)
        if said:
            return _answered(f'You gave something to compare with: "{said}".', analysis)
        return _missed("Nothing to compare the number with.", f'Say where it started: "from X to Y". {tip_more}')
    if follow_up.expects == "i":
        counts = analysis.pronouns
        said = f'"I" words (I, me, my...) {said_times(counts.i)}, "we" words {said_times(counts.we)}'
        if counts.i >= 2 and (counts.i_ratio or 0) >= 0.7:
            mine = next(s.text for s in analysis.sentences if count_pronouns(s.text).i)
            return _answered(f'{said}: your own part comes through ("{quote(mine, 60)}").', analysis)
        return _missed(f"{said}.", f'Name what you did yourself, with "I". {tip_more}')
    if follow_up.expects == "specific":
        story = analysis.story
        if story.past and not story.talks_in_general:
            return _answered("You told what happened, one time.", analysis)
        return _missed("Still talk in general, not one time.",
                       f"Start with when and where it was: \"Last spring, at...\". {tip_more}")
    if follow_up.expects == "lesson":
        lesson = LESSON.search(text)
        if lesson:
            return _answered(f'A lesson: "...{lesson.group(0)}...".', analysis)
        return _missed("No lesson in the answer.", f"Say what you learned, or what you would do differently. {tip_more}")
    relevance = analysis.relevance
    if relevance is not None and relevance.verdict == "fits":
        return _answered(f"This story fits: it is about {relevance.competency.asks}.", analysis)
    return _missed("This story does not fit the question either.", f"Tell a time that answers it. {tip_more}")


def _judge_outcome(analysis: Analysis, tip_more: str) -> CheckResult:
    """"How did it turn out? Can you put a number on it?" is answered by how it ended, with
    its number: any number is not enough (a tryout's "I met him every Monday for eight
    weeks" passed, though it told a step, not an outcome)."""
    # A one-sentence reply is labeled unreliably ("Eleven of the nineteen passed." reads as a
    # step): a number counts unless it is plainly in the speaker's own step, an "I" sentence
    # that counts or times what was done ("I met him every Monday for eight weeks").
    told = [m for m in analysis.metrics if analysis.labels[m.sentence].label == "result"
            or m.metric.kind in OUTCOME_KINDS or not _own_step(analysis, m.sentence)]
    if told:
        telling = min(told, key=lambda m: TELLING_KINDS.index(m.metric.kind))
        return _answered(f'How it turned out, with a number: "{telling.metric.text}".', analysis)
    ending = next((s for s, lab in zip(analysis.sentences, analysis.labels) if lab.label == "result"), None)
    if analysis.metrics:
        step = analysis.metrics[0]
        return _missed(f'A number, but in what you did, not in how it turned out: "{step.metric.text}".',
                       f"Say what was different at the end, and by how much. {tip_more}")
    if ending is not None:
        return _missed(f'How it turned out ("{quote(ending.text, 60)}"), but no number.',
                       f"Put a number on it, even roughly: how much, how many, how fast. {tip_more}")
    return _missed("Neither how it turned out nor a number.",
                   f"Say what was different at the end, and by how much. {tip_more}")


def _own_step(analysis: Analysis, index: int) -> bool:
    """A sentence that tells what the speaker did: "I" first, read as a step."""
    words = analysis.sentences[index].text.split()
    return analysis.labels[index].label == "action" and bool(words) and words[0].strip(",").lower() in ("i", "i'd", "i've")


# A follow-up answer is short by nature: the panel asks for 20-40 seconds.
SHORT_ANSWER_S = 40


def _answered(message: str, analysis: Analysis) -> CheckResult:
    # "Keep it that short" only to an answer that is (a tryout's 42-second one was told so).
    long = analysis.length.duration_s > SHORT_ANSWER_S
    tip = ("That answers the probe; say it in 20-40 seconds: the probe asks for one thing." if long
           else "That answers the probe: keep it that short.")
    return CheckResult(FOLLOW_UP_CHECK, "pass", message, tip, 0, 0)


def _missed(message: str, tip: str) -> CheckResult:
    return CheckResult(FOLLOW_UP_CHECK, "fail", f"Not yet an answer to the probe: {message[0].lower()}{message[1:]}", tip, 0, 0)
