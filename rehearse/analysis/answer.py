"""The whole analysis of one answer: a transcript in, every finding out. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rehearse.analysis.delivery import Delivery, analyze_delivery
from rehearse.analysis.length import Length, measure_length
from rehearse.analysis.metrics import KINDS, Metric, find_metrics
from rehearse.analysis.pronouns import PronounCount, count_in_action, count_pronouns
from rehearse.analysis.relevance import Relevance
from rehearse.analysis.relevance import assess as assess_relevance
from rehearse.analysis.sentences import Sentence, split_sentences
from rehearse.analysis.star import (CUES, PAST_VERB, STAR, Labeled, StarLabels, StarModel, analyze_labels, cue_hits,
                                     first_labeled)
from rehearse.analysis.story import Story, find_generic
from rehearse.analysis.transcript import Transcript


@dataclass(frozen=True)
class StarSummary:
    present: dict[str, bool]  # some sentence is labeled with the part
    missing: list[str]  # surely absent: no sentence, and the model is sure none is meant
    share: dict[str, float]
    in_order: bool
    # Parts with no sentence of their own that the answer may still have: the check warns
    # with the closest sentence instead of calling them missing.
    unsure: list[str] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)  # P(the answer has the part)
    # part -> (index of its likeliest sentence, the probability that it is that part)
    closest: dict[str, tuple[int, float]] = field(default_factory=dict)
    # Each part's share counted with the model's probabilities instead of the labels: a
    # sentence that is 55% action and 45% result counts for both (the check asserts "the
    # result is longer than the action" only when both ways of counting say so).
    likely_share: dict[str, float] = field(default_factory=dict)
    # The share of the answer its lessons take, told after the result and labeled with it
    # ("What I learned is..."): what "the Action the largest" sets the result against is the
    # outcome, not the lesson the guide also asks for (a tryout's answer, one lesson sentence
    # added, was told to make the action the longest part).
    lesson_share: float = 0.0

    @property
    def largest(self) -> str | None:
        present = [s for s in STAR if self.present[s]]
        return max(present, key=lambda s: self.share[s]) if present else None


@dataclass(frozen=True)
class SentenceMetric:
    metric: Metric
    sentence: int


@dataclass(frozen=True)
class Analysis:
    transcript: Transcript
    sentences: list[Sentence]
    labels: list[Labeled]
    star: StarSummary
    length: Length
    pronouns: PronounCount
    metrics: list[SentenceMetric]
    delivery: Delivery
    action_pronouns: PronounCount  # in the Action sentences only
    story: Story
    relevance: Relevance | None = None  # how the story fits the question, when it is known

    @property
    def checked_pronouns(self) -> PronounCount:
        """The "I" and "we" the check reads: the Action's, or the whole answer's when no
        action says either."""
        return self.action_pronouns if self.action_pronouns.i_ratio is not None else self.pronouns

    @property
    def metrics_in_result(self) -> bool:
        return any(self.labels[m.sentence].label == "result" for m in self.metrics)


# The evidence shown for a sentence that talks in general, in an answer that tells no story.
GENERAL_TALK = "talks in general"


def told_in_general(star_labels: StarLabels, story: Story) -> StarLabels:
    """When the answer tells no one story, its general sentences ("I always...", "I
    would...") are no part of one: they are labeled `other`, as the guide's labeled
    answers and the career sites' critiques count them, whatever part they read as."""
    if not story.talks_in_general:
        return star_labels
    labels = [Labeled("other", (GENERAL_TALK,), lab.scores) if i in story.generic else lab
              for i, lab in enumerate(star_labels.labels)]
    return replace(star_labels, labels=labels)


# An outcome told in a clause of its own, its subject not the speaker, its verb ending the
# clause: "..., and the double bookings stopped completely", "so the complaints dropped by
# half", "and it worked." (Not "the fix that had worked", "what worked", "the form dropped
# everything into one sheet", a step, nor "they were happy to help".)
_OUTCOME_ENDS = (r"(?:stopped|ended|disappeared|went\s+away|worked|passed|succeeded|got\s+better|came\s+back|"
                 r"(?:was|were)\s+(?:solved|fixed|resolved|gone)|never\s+happened|(?:didn't|did\s+not)\s+happen(?:\s+again)?|"
                 r"(?:was|were)\s+(?:happy|pleased|delighted|relieved)(?!\s+to\b))")
_OUTCOME_MOVES = r"(?:dropped|fell|decreased|improved|rose|increased|doubled|halved)"
_OUTCOME_SUBJECT = (r"(?:,|\band\b|\bso\b|\bthen\b|\bafter\s+that\b)\s+(?:the|our|my|all|every|their|it|they|this|everyone|"
                    r"nobody|people|customers|staff|patients|guests|parents|students)\b"
                    r"(?:(?!\b(?:that|which|what|who|had|have|has)\b)[^,.;]){0,40}?\b")
# An end that is an outcome: "stopped completely", "it worked".
_OUTCOME_CLAUSE = re.compile(
    _OUTCOME_SUBJECT + _OUTCOME_ENDS + r"(?=\s*(?:[,.;!?]|$)|\s+(?:completely|entirely|altogether|overnight|right\s+away|"
    r"immediately|straight\s+away|after\s+that|for\s+good|too|again|with)\b)", re.I)
# A move that may be good or bad ("the complaints increased"): an outcome only at the very end.
_OUTCOME_MOVE = re.compile(
    _OUTCOME_SUBJECT + _OUTCOME_MOVES + r"(?=\s*(?:[,.;!?]|$)|\s+(?:a\s+lot|quite\s+a\s+lot|significantly|dramatically|by|to|"
    r"from)\b)", re.I)


def _outcome_told(sentences: list[Sentence], labels: list) -> int | None:
    """A sentence that tells an outcome in a clause of its own where a result is told, after
    the first step: an end that is an outcome in the last three sentences (a lesson or two
    may follow it), a move in the last two (a setback mid-story, "and the complaints
    increased", then more steps, is no result)."""
    first_step = first_labeled(labels, "action")
    if first_step is None:
        return None
    n = len(sentences)
    for i in range(n - 1, max(first_step, n - 4), -1):
        if _OUTCOME_CLAUSE.search(sentences[i].text) or i >= n - 2 and _OUTCOME_MOVE.search(sentences[i].text):
            return i
    return None


# The evidence shown for a vague lesson that is the answer's only "result".
VAGUE_LESSON = "a lesson, no outcome"
# A lesson that says nothing of what happened: "I learned a lot from this experience", "it
# was a very valuable experience", "communication is the key".
_VAGUE_LESSON = re.compile(r"\b(?:learned|learnt|taught me|gained) (?:a lot|so much|many things|a great deal)\b|\b(?:valuable|"
                           r"good|great|useful|important|amazing|rewarding) (?:learning )?experience\b|\bis (?:the )?key\b|"
                           r"\b(?:it is|it's) (?:very |really |so )?important to\b|\bi (?:learned|learnt) that\b|"
                           # growth said of oneself, no outcome: "it made me a better teacher",
                           # "it showed me this is the direction I want to go in" (a fourth tryout's)
                           r"\bmade me (?:a )?(?:better|stronger|more confident)\b|\bi (?:grew|developed) (?:a lot|so much|as an?)\b|"
                           r"\b(?:showed|taught) me (?:that )?(?:this|it) (?:is|was) (?:the|what)\b", re.I)


def _only_a_lesson(text: str) -> bool:
    """A lesson with nothing of the outcome beside it: "Late shipments fell from twelve a
    week to two, and it made me a better manager" tells the outcome first (a review's)."""
    return bool(_VAGUE_LESSON.search(text)) and not find_metrics(text) and not _OUTCOME_CLAUSE.search(text)


def lessons_only(star_labels: StarLabels, sentences: list[Sentence]) -> StarLabels:
    """When every sentence read as the result is a vague lesson ("I learned a lot... it was a
    valuable experience"), the answer says nothing of how it turned out: those sentences
    are no result (a third tryout's two answers were told "Result found"). The model still
    reads them as the result, so the part is "not clear", with the closest sentence quoted,
    never "missing". (No sentence of the 453 labeled answers' results is only this.)"""
    results = [i for i, lab in enumerate(star_labels.labels) if lab.label == "result"]
    if not results or not all(_only_a_lesson(sentences[i].text) for i in results):
        return star_labels
    labels = [Labeled("other", (VAGUE_LESSON,), lab.scores) if i in results else lab
              for i, lab in enumerate(star_labels.labels)]
    return replace(star_labels, labels=labels)


# The evidence shown for a step read as what the speaker gained.
GAINED = "what you gained, after your steps"
# What the speaker gained, said in the first person: "After seven weeks, I passed the
# competency assessment" (a new user's, read as one more step). The exam, the title or the
# prize is what the verb takes, and nothing is passed on: "I passed the test plan on to QA",
# "I got the contract to legal", "I qualified the leads", "I was selected to present" are
# steps (a review's).
_EXAM = r"(?:exams?|assessments?|tests?|competency|certification|audit|inspection|probation|course|modules?)"
_GAINED = re.compile(r"\bi (?:finally |eventually |then |also |even )?(?:"
                     r"passed (?:the|my|all|both|every)\s+(?:[\w-]+\s+){0,2}?" + _EXAM + r"(?=\s*(?:[.,;!?]|$)|\s+(?:on the first|"
                     r"first time|at the first|with|in|within|after|by|and)\b)(?!\s+on\s+to\b)|"
                     r"qualified (?:as|for|in)\b|graduated (?:from|in|with|top)\b|"
                     r"was (?:promoted|certified|signed off|awarded)\b|was (?:offered|accepted|hired|selected) (?:as|for|the|a|an|into|onto)\b|"
                     r"got (?:promoted|certified|signed off|hired)\b|got the (?:job|role|promotion|offer|place)\b|"
                     r"got the contract\b(?!\s+to\b)|won (?:the|a|an|our) (?:award|prize|contract|tender|bid|competition|title|"
                     r"scholarship|account|grant)\b)", re.I)


def gained_result(star_labels: StarLabels, sentences: list[Sentence]) -> StarLabels:
    """A step that tells what the speaker gained ("I passed the competency assessment"),
    after their first step, at the end of the answer or just before its result, is its
    result: the model reads any "I" + past verb as a step."""
    labels = star_labels.labels
    first_step = first_labeled(labels, "action")
    if first_step is None:
        return star_labels
    relabeled = list(labels)
    for i in range(first_step + 1, len(labels)):
        ends_or_leads = i == len(labels) - 1 or labels[i + 1].label == "result"
        if labels[i].label == "action" and ends_or_leads and _GAINED.search(sentences[i].text):
            relabeled[i] = Labeled("result", (GAINED,), labels[i].scores)
    return star_labels if relabeled == list(labels) else replace(star_labels, labels=relabeled)


# The evidence shown for a sentence that says it is the task.
STATED_TASK = "says it is the task"
# Words that name the task outright, with what was to be done: "My task was to...", "my
# goal was getting...", "I was responsible for cutting...", "it was on me to..." (not "I
# was responsible for a team of twelve", "my role at the time was team lead": who one was).
_NAMES_THE_TASK = re.compile(
    r"\bmy (?:main |real |first |whole |only |one )?(?:job|task|goal|aim|mission|assignment|brief|priority|responsibility)"
    r"(?: (?:that|this|on|for|in|during|at|as|with) (?:[\w'’-]+ ){0,3}?[\w'’-]+)? (?:was|is|became) (?:to\b|(?!nothing\b)\w+ing\b)"
    r"|\bi was (?:responsible|accountable) for \w+ing\b|\bi was (?:tasked with|assigned to)\b"
    r"|\bit was (?:on|up to) me to\b|\bit was my (?:job|responsibility|task) to\b|\bit fell (?:to|on) me to\b"
    # (A choice or a fix that fell to the speaker, said after the scene in one breath: "three
    # things happened together, and I had to choose what is first"; a tryout's, told "task
    # not clear". Not "I had to work nights", "I had to wait": what one's days were.)
    # ("I had to manage forty pickers on my own", "I had to cover the phones" are one's days
    # too: only a choice or a fix; a review's.)
    r"|\bi (?:really |suddenly |now |then )?had to (?:quickly )?(?:choose|decide|prioriti[sz]e|figure out|work out|"
    r"sort out|find a way|fix|calm|convince|stop|save|win)\b", re.I)
# A task given by someone else, or said as a must: "My manager asked me to train her so she
# can work alone in six weeks", "I must keep the money safe" (a tryout's, told "task not
# clear" and shown the very sentence; second-language speakers say "must" for "had to").
# Read only where no sentence names the task outright: "the director asked me to bring it
# down. My goal was to cut the waste by twenty percent" names it in the second.
# (Not "told me to": "a drunk customer told me to mind my own business" is no task; a review's.)
# (Or a charge held: "I was the troop sergeant responsible for the loading plan", "I was the
# one responsible for the rollout": a tryout's, told "task not clear"; not a charge of
# people or a place, "responsible for the night shift": who one was.)
_CHARGE_HELD = (r"\bi was (?:the (?:[\w-]+ ){0,3}?)?(?:responsible|accountable|in charge) (?:for|of) (?:the|our|this|that) "
                         r"(?!(?:[\w-]+ )?(?:team|teams|staff|crew|group|department|unit|ward|shop|store|office|site|people|"
                 r"shift|shifts|section|squad|platoon|troop|class|kids|children|students|patients|residents)\b)\w")
_TASK_GIVEN = re.compile(r"\b(?:asked|wanted|needed|tasked|trusted) me (?:to|with)\b|\bi (?:must|needed to|need to)\b|"
                         + _CHARGE_HELD, re.I)



def stated_task(star_labels: StarLabels, sentences: list[Sentence]) -> StarLabels:
    """A sentence that names the task outright ("My task was to cut the waste by at least
    twenty percent"), before the first step, is the task when the model labeled none: more
    scene told after a task ("The bottleneck was in the morning...") makes the model read the
    task as scene too (a tryout's answer was told "no task" twice, the second time after
    adding "My goal was..." as its tip asked)."""
    labels = star_labels.labels
    tasks = [i for i, lab in enumerate(labels) if lab.label == "task"]
    # (A task the model found that names no task, "The date was fixed by the end of the lease
    # and could not move", leaves room for the one that does, said before it.)
    if tasks and any(names_it.search(sentences[i].text) for i in tasks for names_it in (_NAMES_THE_TASK, _TASK_GIVEN)):
        return star_labels
    # Before the first step, and the first "step" too when steps follow it: "I must keep the
    # money safe and also keep the committee working together" was read as the first step (a
    # tryout's).
    steps = [i for i, lab in enumerate(labels) if lab.label == "action"]
    looked_at = len(labels) if not steps else steps[0] + (len(steps) > 1)
    if tasks:
        looked_at = min(looked_at, tasks[0])
    # (A review asked to read only names and charges where the model found a task: a given
    # task, "my manager wanted me to shadow the night supervisor", can be background. On the
    # 813 labeled answers that loses four right tasks to mend two: kept.)
    for names_it in (_NAMES_THE_TASK, _TASK_GIVEN):
        for i in range(looked_at):
            if labels[i].label in ("situation", "action") and names_it.search(sentences[i].text):
                relabeled = list(labels)
                relabeled[i] = Labeled("task", (STATED_TASK,), labels[i].scores)
                return replace(star_labels, labels=relabeled)
    return star_labels


# The evidence shown for a step read as the result in an answer with no step.
STEPS_NOT_RESULT = "a step, not what came of it"
SCENE_BEFORE_STEPS = "the scene, before the first step"
# Cues that say a sentence is something the team did ("I did" is read as a step already;
# told as "we", the model reads steps late in the answer as its result).
_STEP_CUES = ("we_did", "step_order")
_RESULT_CUES = frozenset(cue.name for cue in CUES if cue.label == "result")


# A sentence told of the speaker or the team: "So we...", "I...".
_SPEAKER_FIRST = re.compile(r"^\W*(?:(?:so|and|then|um|uh|well),?\s+)*(?:i|we)\b", re.I)

# A goal reached, said plainly: "We hit the deadline", "we launched on the planned date", "I
# shipped it on the date we had promised", "we signed the renewal" (a review's).
_GOAL_REACHED = re.compile(
    r"\b(?:hit|met|made|beat|exceeded|reached|achieved|smashed)\s+(?:the|our|its|their|my|every|all|each)?\s*"
    r"(?:[\w-]+\s+){0,2}?(?:target|goal|deadline|date|numbers?|budget|launch|quota|sla|cutoff|cut-off|milestone)s?\b"
    r"|\b(?:launched|shipped|delivered|opened|finished|completed|went\s+live|released|handed\s+(?:it\s+)?over)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:on\s+time|early|ahead|on\s+(?:the|our)\s+(?:[\w-]+\s+)?(?:date|day|deadline)|on\s+schedule|"
    r"in\s+time)\b"
    r"|\b(?:signed|won|renewed|closed)\s+(?:the|a|our|their)\s+(?:[\w-]+\s+)?(?:renewal|contract|deal|account|tender|bid)\b",
    re.I)


# The measures that say an outcome wherever they are told (at the end of an answer, any of KINDS).
_MEASURED_CHANGE = ("change", "multiplier", "percent", "money")


def _outcome_said(text: str, measured: tuple[str, ...] = _MEASURED_CHANGE) -> bool:
    """An outcome cue, an outcome clause, a goal reached, or a measure of one of `measured`'s
    kinds."""
    return (any(cue.name in _RESULT_CUES for cue in cue_hits(text)) or bool(_OUTCOME_CLAUSE.search(text))
            or bool(_OUTCOME_MOVE.search(text)) or bool(_GOAL_REACHED.search(text))
            or any(m.kind in measured for m in find_metrics(text)))


def _only_a_step(text: str, cues: tuple[str, ...] = _STEP_CUES, measured: tuple[str, ...] | None = None) -> bool:
    """Something done, with nothing of what came of it."""
    return any(cue.name in cues for cue in cue_hits(text)) and not _outcome_said(text, measured or _MEASURED_CHANGE)


# A clause told of someone or something else, which may be an outcome without outcome words
# ("I let her plan a unit on her own, and the afternoons were calmer").
_OTHERS_CLAUSE = re.compile(r"(?:,\s*|\b)(?:and|so|then)\s+(?:the|their|his|her|she|he|they|it|everyone|everybody|nobody|"
                            r"(?-i:[A-Z][a-z]+))\b", re.I)
# The sentences that end an answer, where a result told without outcome words still
# holds its measure ("and around a hundred and twenty gave again").
ENDING_SENTENCES = 3
# Cues that say a sentence is something done, by the speaker or the team.
_ANY_STEP_CUES = ("i_did", "we_did", "step_order", "so_i", "step_verb_first")


def steps_not_result(star_labels: StarLabels, sentences: list[Sentence]) -> StarLabels:
    """An answer whose steps were all read as its result ("So we organised the team in two
    shifts. We called other stores... We put signs in the aisles..." after the task): the
    steps told before any outcome are its action. A tryout's answer that ends on its steps
    was told "action not clear", never "no result". When every sentence read as the result
    is only a step, the answer tells no result (summarize_star says it is missing)."""
    labels = star_labels.labels
    if any(lab.label == "action" for lab in labels):
        return star_labels
    results = [i for i, lab in enumerate(labels) if lab.label == "result" and not lab.cues[:1] in ((HEADLINE,), (ACHIEVED_FIRST,))]
    relabeled = list(labels)
    stepped = False
    for i in results:
        # The last of them is a step only with no measure at all: "We signed up 40 new
        # members in the first week" ends a story on its outcome (a review's); "So we
        # organised the team in two shifts", told before more steps, is one of them.
        # (A step is told of the speaker or the team: "He agreed to hold the submission for
        # three days, the fix went in, and we passed certification" tells what came of the
        # steps; a held-out answer's, seen.)
        if _SPEAKER_FIRST.match(sentences[i].text) and _only_a_step(
                sentences[i].text, measured=KINDS if i == results[-1] else _MEASURED_CHANGE):
            relabeled[i] = Labeled("action", (STEPS_NOT_RESULT,), labels[i].scores)
            stepped = True
        elif not stepped and not _outcome_said(sentences[i].text) and not _SPEAKER_FIRST.match(sentences[i].text):
            # Before the first step, neither a step nor an outcome, nor told of the speaker:
            # the scene ("The cashiers were worried, because they thought they would lose
            # their jobs"; not "We got together with sales...").
            relabeled[i] = Labeled("situation", (SCENE_BEFORE_STEPS,), labels[i].scores)
        else:
            break
    # (Two steps at least: one sentence read either way is the model's call.)
    if sum(lab.cues == (STEPS_NOT_RESULT,) for lab in relabeled) < 2:
        return star_labels
    return replace(star_labels, labels=relabeled)


# The least run of "result" sentences read as the scene by scene_not_result.
SCENE_RUN = 3


def scene_not_result(star_labels: StarLabels, sentences: list[Sentence]) -> StarLabels:
    """An answer with no step read as one, whose scene was read as its result: the sentences
    from the first "result" up to the first that tells a step or an outcome, when one does,
    are the scene. (A tryout's answer, ten sentences of background and one step at the end,
    "I made a little training for them and it went okay", was labeled 74% result and told
    "Situation, Task and Result found" with 88/100.) A run that no step or outcome ends is
    left to the model: its last sentences may be a result said without outcome words."""
    labels = star_labels.labels
    if any(lab.label == "action" for lab in labels):
        return star_labels
    first = first_labeled(labels, "result")
    if first is None:
        return star_labels
    for end in range(first, len(labels)):
        text = sentences[end].text
        if any(cue.name in _ANY_STEP_CUES for cue in cue_hits(text)) or _outcome_said(text):
            break
    else:
        return star_labels
    # (Three sentences at least: a result of two told without outcome words, "By the summer
    # she was doing handovers by herself and the parents really liked her", then "I'm really
    # proud of her", is one; a held-out answer's, seen.)
    if end - first < SCENE_RUN or any(labels[i].label != "result" for i in range(first, end)):
        return star_labels
    relabeled = list(labels)
    for i in range(first, end):
        relabeled[i] = Labeled("situation", (SCENE_BEFORE_STEPS,), labels[i].scores)
    return replace(star_labels, labels=relabeled)


# A result said first as a headline: at most this many sentences.
HEADLINE_SENTENCES = 2
# The evidence shown for a headline read as the result.
HEADLINE = "a measured outcome said first"
ACHIEVED_FIRST = "what was achieved, said first"
AFTER_HEADLINE = "the scene beside the headline, before the first step"
# A headline's outcome: the speaker's own doing that made something better, said with "I"
# or "we" right before the verb, and its measure after it ("I automated our chargeback
# evidence, and it cut..." is the speaker's doing too: see _HEADLINE_DOING), measured as a
# change, a share or money: not a move alone ("errors jumped from 1% to 12%" sets the
# scene), a time ("I drove lorries for twelve years"), what the speaker found ("I noticed
# our refund rate had increased from 2% to 9%"), nor what was had or given ("we had
# reduced headcount by 30%", "we got a $40,000 budget"; a review's).
_IMPROVED = (r"(?:cut|reduced|saved|doubled|halved|tripled|improved|increased|raised|lowered|won|shortened|sped\s+up|"
             r"(?:brought|got)\s+(?:[\w']+\s+){0,3}?(?:back|down))")
_HEADLINE = re.compile(r"\b(?:i|we)\s+(?:\w+ly\s+)?" + _IMPROVED + r"\b", re.I)
# "I automated X, and it cut...": what the speaker did, and what it did.
_HEADLINE_DOING = re.compile(r"\bi\s+(?:\w+ly\s+)?(?!noticed\b|found\b|joined\b|started\b|saw\b)"
                             + PAST_VERB + r"\b[^.;]*?,?\s+and\s+(?:it|that|this)\s+" + _IMPROVED + r"\b", re.I)
_HEADLINE_MEASURES = ("change", "multiplier", "percent", "money")
# Or what was achieved, said with "I" or "we" and a clean sweep ("We passed the Care Quality
# Commission inspection with no actions for our ward": a tryout's, read as the situation and
# told "no result"). Without the sweep, "We won the contract in 2019, and my job was to
# deliver it" sets a scene.
_ACHIEVED = re.compile(r"\b(?:i|we)\s+(?:\w+ly\s+)?(?:passed (?:the|our|my|an?|every|all)\s+(?:[\w-]+\s+){0,4}?" + _EXAM
                       + r"|won (?:the|a|an|our)\s+(?:[\w-]+\s+){0,2}?(?:award|prize|contract|tender|bid|competition|"
                       r"account|grant|deal|client)s?|(?:hit|met|beat|made) (?:the|our|every)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:target|deadline|goal|quota)s?)\b", re.I)
# (Right after what was achieved, in its own clause: "We won the contract in 2019, and early
# in 2020 the client changed..." sets a scene; a review's.)
_CLEAN_SWEEP = re.compile(r"^\s*(?:[\w'-]+\s+){0,6}?(?:with (?:no|zero|not one|not a single)|without (?:a single|one|any)|"
                          r"(?:the )?first time|first try|on time|early(?!\s+(?:in|on)\b)|ahead of)\b", re.I)
# A headline cut in two by the sentence splitter goes on with "and" ("..., and our
# documentation audit went from sixty two percent to ninety five percent").
_GOES_ON = re.compile(r"^(?:and|with)\b", re.I)
_RESULT_FIRST_WORDS = r"(?:results?|outcome|impact)\s+(?:first|up\s*front)"
_RESULT_FIRST = re.compile(r"\b" + _RESULT_FIRST_WORDS + r"\b", re.I)
# Or the speaker says it is the result, first: "So the result first: my team's code review
# time went from about two days to like half a day after I introduced..." (a tryout's,
# typed: split at the colon, its outcome read as the situation and "no result" asserted).
ANNOUNCED = "said to be the result, first"
_ANNOUNCES_THE_RESULT = re.compile(
    r"^(?:(?:so|okay|ok|well|um|uh|basically|actually|right),?\s+)*(?:(?:the|my)\s+)?"
    r"(?:(?:end\s+)?" + _RESULT_FIRST_WORDS + r"|short\s+version|bottom\s+line|headline|long\s+story\s+short)"
    r"(?:\s+(?:is|was))?\s*(?:[:,.-]?\s*$|[:-]\s*(?=\S))", re.I)


def _headline(text: str) -> str | None:
    """The evidence that a sentence is a headline result, or None."""
    said = _HEADLINE.search(text) or _HEADLINE_DOING.search(text)
    if said and any(m.kind in _HEADLINE_MEASURES for m in find_metrics(text[said.end():])):
        return HEADLINE
    achieved = _ACHIEVED.search(text)
    return ACHIEVED_FIRST if achieved and _CLEAN_SWEEP.search(text[achieved.end():]) else None


def headline_result(star_labels: StarLabels, sentences: list[Sentence]) -> StarLabels:
    """An answer that tells its result only as a headline, first, and none at its end: the
    headline is its result (a new user's "...and it cut the team's manual work from about 25
    hours a week to 3" was told "result not clear" and "no number in the result"). The
    order check still says it was told first only."""
    labels = star_labels.labels
    first_step = first_labeled(labels, "action")
    # A result told after the first step ends the story: the headline adds nothing.
    if any(lab.label == "result" for lab in labels[first_step or 0:]):
        return star_labels
    for i in range(min(HEADLINE_SENTENCES, len(sentences) - 1, len(sentences) if first_step is None else first_step)):
        announced = _ANNOUNCES_THE_RESULT.match(sentences[i].text)
        if announced and not sentences[i].text[announced.end():].strip():  # said alone: the outcome follows
            # ("The short version:" may open the scene, "I was new and nobody trusted the
            # numbers": only "the result first" says what follows; a review's.)
            if i + 1 < len(sentences) and (first_step is None or i + 1 < first_step) and (
                    _RESULT_FIRST.search(sentences[i].text) or _headline(sentences[i + 1].text)):
                return _as_headline(star_labels, {i, i + 1}, ANNOUNCED)
            continue
        evidence = ANNOUNCED if announced and (_RESULT_FIRST.search(sentences[i].text) or _headline(
            sentences[i].text[announced.end():])) else _headline(sentences[i].text)
        if not evidence:
            continue
        told = {i}
        if i + 2 < len(sentences) and _GOES_ON.search(sentences[i + 1].text) and find_metrics(sentences[i + 1].text):
            told.add(i + 1)
        return _as_headline(star_labels, told, evidence)
    return star_labels


def _as_headline(star_labels: StarLabels, told: set[int], evidence: str) -> StarLabels:
    """The sentences `told` labeled the result, on this evidence."""
    relabeled = []
    for j, lab in enumerate(star_labels.labels):
        if j in told:
            relabeled.append(Labeled("result", (evidence,), lab.scores))
        elif lab.label == "result":
            # The scene after a headline, before the first step, read as more of the
            # result (a story that opens on its outcome pulls its next sentences along):
            # it is the likelier of situation and task.
            odds = star_labels.probabilities[j] if star_labels.probabilities else lab.scores
            relabeled.append(Labeled(max(("situation", "task"), key=lambda part: odds[part]), (AFTER_HEADLINE,),
                                     lab.scores))
        else:
            relabeled.append(lab)
    return replace(star_labels, labels=relabeled)


def _ends_on_its_steps(sentences: list[Sentence], star_labels: StarLabels) -> bool:
    """The likeliest result is one of the last steps and says nothing of what came of it, no
    step says any outcome, and the answer's last sentences hold no measure: no result is told
    ("I paired with another engineer on a hotfix, and I got it reviewed and deployed behind
    the flag": a tryout's answer that ends on its steps was told "Your result may be..." and
    scored 86)."""
    labels = star_labels.labels
    if "result" not in star_labels.closest:
        return False
    likeliest = star_labels.closest["result"][0]
    text = sentences[likeliest].text
    first_step = first_labeled(labels, "action")
    return (labels[likeliest].label == "action" and all(lab.label in ("action", "other") for lab in labels[likeliest:])
            and _only_a_step(text, _ANY_STEP_CUES) and not _OTHERS_CLAUSE.search(text)
            and not any(_outcome_said(s.text) for s in sentences[first_step or 0:])
            and not any(find_metrics(s.text) for s in sentences[-ENDING_SENTENCES:]))


def _in_order(labels: list[Labeled]) -> bool:
    """Each part first told after the one before it. A result said first as a headline, when
    the story then goes from its situation to its result again ("the short version is we
    had the line back in forty minutes... I'll back up"), is in order: a common way to
    open, and the story still ends on its result (a fourth tryout was told to "tell it in
    order"). A result told only first is not."""
    told = [(i, lab.label) for i, lab in enumerate(labels) if lab.label in STAR]
    lead = 0
    while lead < len(told) and told[lead][1] == "result":
        lead += 1
    if 0 < lead <= HEADLINE_SENTENCES and any(label == "result" for _, label in told[lead:]):
        told = told[lead:]
    # The task said in the opening sentence, the scene after it ("...three things happened
    # together, and I had to choose what is first. The scanner system went down..."; "The thing
    # I had to figure out was how to tell our product manager no. This was at a startup..."):
    # the question's frame, then the story in order.
    if told and told[0] == (0, "task") and any(label == "situation" for _, label in told[1:]):
        told = told[1:]
    first: dict[str, int] = {}
    for i, label in told:
        first.setdefault(label, i)
    firsts = [first[s] for s in STAR if s in first]
    return firsts == sorted(firsts)


# Cues that say a sentence is the outcome, wherever it is told ("In the end...", "The short
# version is...").
_SAYS_IT_IS_THE_OUTCOME = ("outcome", "short_version")


def _lesson_of_the_result(text: str) -> bool:
    """A lesson told with the result (the lesson cue), with no outcome or measure in it."""
    cues = {cue.name for cue in cue_hits(text)}
    return "lesson" in cues and not (cues & _RESULT_CUES - {"lesson"}) and not find_metrics(text)


def summarize_star(sentences: list[Sentence], star_labels: StarLabels, timed: bool,
                   general: frozenset[int] = frozenset()) -> StarSummary:
    """`general`: the sentences `told_in_general` took out of the story. A part whose
    likeliest sentence is one of them is surely missing, whatever the model's confidence:
    only talk in general could have carried it."""
    labels = star_labels.labels
    present = {s: any(lab.label == s for lab in labels) for s in STAR}
    missing = [s for s in STAR if not present[s] and (
        (general and star_labels.closest[s][0] in general) or star_labels.confidence[s] < star_labels.missing_below[s])]
    if not present["result"] and "result" not in missing and any(lab.cues == (STEPS_NOT_RESULT,) for lab in labels):
        # Every sentence the model read as the result is a step (steps_not_result): the
        # answer ends on its steps.
        missing.append("result")
    closest = dict(star_labels.closest)
    told = _outcome_told(sentences, labels)
    if "result" in missing and told is not None:
        # A step that ends on its outcome ("I moved the bookings to an online tool, and the
        # double bookings stopped completely") is read as a step, and the model is then sure
        # no result is told (a third tryout's answer). An outcome said after the first step
        # is evidence enough not to call it missing: the check asks to make it plain.
        missing.remove("result")
        closest["result"] = (told, star_labels.probabilities[told]["result"] if star_labels.probabilities else 0.0)
    if not present["result"] and "result" not in missing and told is None and _ends_on_its_steps(sentences, star_labels):
        missing.append("result")

    def only_the_scene(part: str, anchor: int | None) -> bool:
        """A part neither found nor surely missing whose likeliest sentence comes before
        `anchor`: a scene, not that part."""
        return not present[part] and part not in missing and anchor is not None and closest[part][0] < anchor

    if told is None and only_the_scene("result", first_labeled(labels, "action")) \
            and not any(cue.name in _SAYS_IT_IS_THE_OUTCOME for cue in cue_hits(sentences[closest["result"][0]].text)):
        # The likeliest result comes before the first step: a scene ("the drug library on all
        # the pumps stopped working", a tryout's, was quoted as what the result may be), not an
        # outcome. A headline said first is labeled a result before this (headline_result);
        # one that says it is the outcome ("In the end we got every patient moved safely")
        # stays unsure (a review's).
        missing.append("result")
    # The task, or failing it the result: what the steps come after.
    after_steps = first_labeled(labels, "task")
    if only_the_scene("action", first_labeled(labels, "result") if after_steps is None else after_steps):
        # The likeliest step comes before the task is even said (or, with no task, before the
        # result): a scene ("Teachers were spending eight to ten hours a week writing
        # comments", a tryout's, was quoted as what the action may be), not a step.
        missing.append("action")
    missing.sort(key=STAR.index)
    unsure = [s for s in STAR if not present[s] and s not in missing]

    def weight(sentence: Sentence) -> float:
        # Speaking time for audio, words for typed text.
        return (sentence.duration_s or 0.0) if timed else float(len(sentence.words))

    if timed and sentences and sentences[0].start is not None and sentences[-1].end is not None:
        total = sentences[-1].end - sentences[0].start
    else:
        total = sum(weight(s) for s in sentences)
    share, likely_share = {}, {}
    for section in STAR:
        part = sum(weight(s) for s, lab in zip(sentences, labels) if lab.label == section)
        share[section] = round(min(1.0, part / total), 3) if total > 0 else 0.0
        # (A sentence told in general is no part, however the model read it.)
        likely = sum(weight(s) * p[section] for i, (s, p) in enumerate(zip(sentences, star_labels.probabilities))
                     if i not in general)
        likely_share[section] = round(min(1.0, likely / total), 3) if total > 0 else 0.0

    # (Only a lesson and nothing else: "The next time the auditors came, we passed with no
    # findings" and "the best part for me was that injuries fell from nine to two" are
    # outcomes; a review's.)
    lessons = [i for i, (s, lab) in enumerate(zip(sentences, labels)) if lab.label == "result" and _lesson_of_the_result(s.text)]
    lesson_share = round(min(share["result"], sum(weight(sentences[i]) for i in lessons) / total), 3) if total > 0 else 0.0
    if lessons and likely_share and star_labels.probabilities:
        likely_lessons = sum(weight(sentences[i]) * star_labels.probabilities[i]["result"] for i in lessons)
        likely_share["result"] = round(max(0.0, likely_share["result"] - likely_lessons / total), 3)
    return StarSummary(present=present, missing=missing, share=share, in_order=_in_order(labels),
                       unsure=unsure, confidence=dict(star_labels.confidence),
                       closest=closest, likely_share=likely_share, lesson_share=lesson_share)


def analyze_transcript(transcript: Transcript, star_model: StarModel | None = None,
                       question_id: str | None = None) -> Analysis:
    """`question_id` is the question answered, when known; `star_model` replaces the
    shipped STAR model (for cross-validation)."""
    sentences = split_sentences(transcript.words)
    learned = analyze_labels(sentences, star_model)
    story = find_generic(sentences)
    star_labels = told_in_general(learned, story)
    # The rules that read what the model cannot: a vague lesson is no result, a headline or
    # what the speaker gained is one, a task named outright is the task, and steps told as
    # the result are steps.
    for rule in (lessons_only, headline_result, gained_result, stated_task, steps_not_result, scene_not_result):
        star_labels = rule(star_labels, sentences)
    labels = star_labels.labels
    words = transcript.words
    spoken_s = None
    if transcript.timed and words:
        spoken_s = max(0.0, words[-1].end - words[0].start)
    metrics = [
        SentenceMetric(metric, sentence.index)
        for sentence in sentences
        for metric in find_metrics(sentence.text)
    ]
    length = measure_length(len(words), spoken_s)
    return Analysis(
        transcript=transcript,
        sentences=sentences,
        labels=labels,
        star=summarize_star(sentences, star_labels, transcript.timed,
                            general=frozenset(story.generic) if story.talks_in_general else frozenset()),
        length=length,
        pronouns=count_pronouns(transcript.text),
        metrics=metrics,
        delivery=analyze_delivery(list(words), sentences, labels, transcript.voiced, transcript.timed,
                                  transcript.filled_pauses, length.duration_s),
        action_pronouns=count_in_action(sentences, labels),
        story=story,
        relevance=None if question_id is None else assess_relevance([s.text for s in sentences], question_id),
    )
