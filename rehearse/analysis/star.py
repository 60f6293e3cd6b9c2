"""Label each sentence of a spoken answer as situation, task, action, result or other.

Spoken answers never say "Situation:". Each sentence is scored per label by weighted
cues that name what the guide means by each part (context and time for the situation,
responsibility for the task, the speaker's own past-tense steps for the action, change,
outcome and lessons for the result), plus a prior for where in the answer that part
usually sits. A Viterbi pass then picks the best label sequence, where moving forward
through S -> T -> A -> R is free and going back costs a penalty: answers are usually in
order but may not be, and a section may be missing altogether.

Every label keeps the names of the cues that chose it, so feedback can explain itself.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rehearse.analysis.metrics import find_metrics
from rehearse.analysis.sentences import Sentence

LABELS = ("situation", "task", "action", "result", "other")
STAR = LABELS[:4]

# Irregular past tenses that narrate a step taken. ("was", "had", "felt", "knew" describe
# a state, not a step, and are left out on purpose.)
_IRREGULAR_PAST = (
    "built bought brought caught chose came cut dealt did drew drove fed fought found gave "
    "went grew held hid hit kept laid led left lent let lost made meant met paid put quit ran "
    "read rode rang rewrote rebuilt rose sat saw said sold sent set shot showed shut slept spoke "
    "spent split stood stuck struck swept swung took taught told threw undid "
    "upheld woke wore won wrote overcame oversaw undertook reran"
).split()
_STATE_VERBS = (
    "was were had needed wanted felt knew thought seemed used liked loved hated hoped "
    "believed wished expected learned realized noticed guessed meant"
).split()
_PAST = r"(?:(?!(?:" + "|".join(_STATE_VERBS) + r")\b)[a-z]{2,}ed|" + "|".join(_IRREGULAR_PAST) + r")"
_ADVERB = r"(?:(?:also|then|just|first|actually|immediately|quickly|finally|personally|eventually|even|basically|really|proactively|initially|later|still|again|carefully|manually|myself|and)\s+)?"
# Verbs that report an outcome; with a metric in the same sentence they mark a result.
_OUTCOME_VERB = re.compile(
    r"\b(?:reduced|increased|improved|cut|dropped|fell|grew|rose|saved|went|came|shrank|lowered|"
    r"decreased|jumped|prevented|restored|delivered|shipped|achieved|completed|secured|retained|"
    r"realized|supported|hit|reached|got|renewed|adopted|caught|stopped|finished|landed|launched|"
    r"migrated|resolved|closed|won|generated|brought|doubled|tripled|halved)\b"
)
MEASURED_OUTCOME_WEIGHT = 1.5
MEASURED_CHANGE_WEIGHT = 1.0


@dataclass(frozen=True)
class Cue:
    name: str
    label: str
    weight: float
    pattern: re.Pattern[str]


def _cue(name: str, label: str, weight: float, pattern: str) -> Cue:
    return Cue(name, label, weight, re.compile(pattern))


# The cue table: every weight the labeler uses is here.
CUES: tuple[Cue, ...] = (
    # situation: where and when, what was going on
    _cue("workplace", "situation", 2.5,
         r"\b(?:at|in|on|with) (?:my|our|a|one of my) (?:previous|last|old|former|current|first|prior|early) (?:\w+ )?(?:company|job|role|team|employer|position|startup|workplace|gig|project)\b"),
    _cue("workplace", "situation", 1.5, r"\b(?:at|in) (?:a|an) (?:\w+ )?(?:startup|company|agency|bank|firm|consultancy)\b"),
    _cue("time_ago", "situation", 2.0,
         r"\b(?:(?:a|an|one|two|three|four|five|a few|a couple of|several|some) (?:years|months|weeks|year|month)(?: or so)? ago|last (?:year|spring|summer|fall|autumn|winter|quarter|month)|back (?:in|when|then)|at the time|this was (?:at|when|during|in|back|a|about|around)|when i (?:joined|started|was|first)|a while (?:ago|back)|early in my|in my (?:first|second|last))\b"),
    _cue("what_happened", "situation", 2.0,
         r"\b(?:what happened was|the (?:problem|issue|context|situation|background|setup|thing) was|here's what happened|so the story)\b"),
    _cue("ongoing_state", "situation", 1.2,
         r"\b(?:was|were|kept|had been) (?:struggling|growing|failing|losing|running|getting|having|experiencing|spending|using|building|launching|dealing|doing|taking|planning|seeing|missing|throwing|waiting|sitting|moving|starting|slowing|breaking|timing|complaining|asking|pushing|burning|degrading|dropping|bleeding|rejecting|hitting|going|shipping|releasing|working on)\b"),
    _cue("there_was", "situation", 1.0, r"\bthere (?:was|were|had been)\b"),
    _cue("background", "situation", 0.8,
         r"\b(?:had been|had never|had no|nobody|no one|everyone|every (?:release|time|incident|week|new|service)|whenever|used to|kept|would get|would sit)\b"),
    _cue("my_role", "situation", 0.8,
         r"\bi was (?:a|an|the|on) (?:\w+ )?(?:engineer|developer|lead|manager|intern|architect|analyst|member|team|call)\b"),
    _cue("scene_subject", "situation", 0.8,
         r"^(?:so,? |um,? |well,? )*(?:our|the|my|their|his|her|one of (?:our|the|my)) (?:[\w-]+ ){0,3}(?:was|were|had|kept|did|didn't|looked|wanted|went|started|took)\b"),
    # task: the speaker's responsibility or the challenge
    _cue("had_to", "task", 2.5,
         r"\bi (?:really |also |still |just )?(?:(?:needed|wanted) (?:us|him|her|them|the team|everyone)|needed|had|wanted|was asked|was tasked|was expected|was supposed|was told|had been asked|felt i had|got asked|was chosen|volunteered|offered|was hired|needed a way) to\b"),
    _cue("my_job", "task", 2.5,
         r"\bmy (?:main |real |first |whole )?(?:job|task|role|goal|responsibility|mission|assignment|challenge|mandate|priority|brief) (?:was|is|became|there was)\b"),
    _cue("volunteered_me", "task", 3.5, r"\b(?:decided (?:that )?it (?:would|should) be me|someone had to)\b"),
    _cue("asked_me", "task", 2.0, r"\b(?:asked|wanted|needed|told|tasked|assigned|hired|brought in) me to\b|\bput me in charge\b"),
    _cue("on_me", "task", 3.0,
         r"\b(?:it was (?:on|up to) me|it was my (?:job|responsibility|call|task)|it fell (?:to|on) me|i took (?:it on|ownership|responsibility)|i was (?:responsible|in charge|accountable|the one who|assigned|tasked|asked|the only one)|i owned|i took it upon|i was the one)\b"),
    _cue("team_goal", "task", 1.5,
         r"\b(?:we|the team) (?:needed|had|wanted|were asked|were supposed) to\b|\bthe (?:goal|challenge|task|ask|priority|deadline|requirement|objective) was\b|\b(?:the|our) (?:goal|challenge) (?:here )?was\b"),
    _cue("as_role", "task", 1.0, r"\bas (?:the|his|her|their|a|an) (?:\w+ ){0,2}(?:lead|engineer|owner|manager|developer|mentor|on-call)\b"),
    _cue("so_my_job", "task", 0.8, r"\b(?:so|which meant) (?:it was|i had|i needed)\b"),
    # action: the speaker's own steps
    _cue("i_did", "action", 2.0, r"\bi " + _ADVERB + _PAST + r"\b"),
    _cue("we_did", "action", 1.0, r"\bwe " + _ADVERB + _PAST + r"\b"),
    _cue("step_order", "action", 1.0,
         r"^(?:so,? |and,? |um,? )*(?:first(?:ly)?|then|next|after that|from there|second(?:ly)?|third(?:ly)?|to start|i started by|i began by|step one|the first thing)\b"),
    _cue("step_verb_first", "action", 1.5, r"^(?:and |also |then )?" + _PAST + r"\b"),
    _cue("i_make_sure", "action", 1.0,
         r"\bi (?:made sure|set up|reached out|sat down|talked to|spoke (?:to|with)|worked with|pushed back|followed up|walked (?:him|her|them|through)|asked (?:him|her|them|for)|proposed|suggested|offered|scheduled|organized|wrote|built|started|tried)\b"),
    _cue("so_i", "action", 0.6, r"^(?:so|and|then|and then|so then),? i\b"),
    # result: what changed, what it led to, what was learned
    _cue("outcome", "result", 2.0,
         r"\b(?:as a result|in the end|ultimately|the (?:result|outcome|impact|upshot|payoff) (?:was|is)|end(?:ed)? up|by the end of|since then|ever since|to this day|which meant that|in total|at the end of (?:the|that)|the next (?:demo|review|release|quarter|one) went)\b"),
    _cue("now", "result", 1.0, r"\b(?:now|today|these days|nowadays|still (?:running|using|in use|use|uses)|is still|are still)\b"),
    _cue("change", "result", 1.2,
         r"\b(?:reduced|increased|improved|dropped|fell|grew|rose|saved|doubled|tripled|halved|went (?:up|down|from)|came down|shrank|sped up|boosted|lowered|decreased|jumped|prevented|avoided|eliminated|achieved|resulted|led to|recovered|restored|stopped|disappeared|got (?:faster|better|smaller)|faster|fewer|less)\b"),
    _cue("short_version", "result", 2.0, r"\b(?:the short version|long story short|the bottom line|in short)\b"),
    _cue("lesson", "result", 2.5,
         r"\b(?:i learned|learned that|what i learned|i've learned|the lesson|lessons? learned|takeaway|taught me|looking back|in hindsight|next time|i would (?:do|approach|have)|i'd (?:do|approach|have)|i realized that|it showed me|made me realize|for me was)\b"),
    _cue("recognition", "result", 1.5,
         r"\b(?:promoted|recognized|praised|thanked|appreciated|renewed|approved|was happy|were happy|were (?:really )?happy|positive feedback|good feedback|told me (?:later|afterwards)|later (?:asked|told)|asked me to (?:share|present|lead)|became the|i'm (?:still )?(?:proud|the person))\b"),
    _cue("success", "result", 1.0,
         r"\b(?:successful(?:ly)?|by (?:week|day|month|the end|the time)|over the (?:next|following) (?:few |couple of )?(?:days|weeks|months|quarters|year|years)|it worked|paid off|worked out|went (?:really |pretty |very )?well|was a success|on time|ahead of schedule|zero data loss|within (?:a|the) (?:day|week|month|deadline)|within a (?:few|couple of) (?:weeks|months)|both landed|never had to)\b"),
    # other: asides to the interviewer
    _cue("aside", "other", 3.0,
         r"^(?:oh,? |um,? |well,? |yeah,? )*(?:that's a (?:great|good|tough) question|great question|good question|sure|yeah|okay|ok|let me think|does that answer|happy to|i hope that|that's (?:it|the story|about it)|so yeah|thank you|thanks|hmm|any questions)\b[^.?!]{0,25}[.?!]?$"),
)

# Where each part usually sits, as (centre, width) in relative position 0..1.
POSITION = {"situation": (0.0, 0.3), "task": (0.2, 0.25), "action": (0.55, 0.35), "result": (1.0, 0.25)}
POSITION_WEIGHT = 1.0
# Baseline per label: with no cue at all, a sentence of a story is most likely a step.
BIAS = {"situation": 0.0, "task": -0.3, "action": 0.5, "result": 0.0, "other": -1.5}
# Cost of going back to an earlier STAR part; moving forward or staying is free.
BACKWARD_PENALTY = 2.5
# Cost of stepping into or out of an aside.
OTHER_SWITCH_PENALTY = 0.3
# Extra cost of changing label at a sentence that continues the previous one (it starts
# in lower case: a run-on cut in two, or a clause after "vs.").
CONTINUATION_PENALTY = 1.5


@dataclass(frozen=True)
class Labeled:
    """A sentence's label, the cues that chose it, and the score of every label."""

    label: str
    cues: tuple[str, ...]
    scores: dict[str, float]


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


def cue_hits(text: str) -> list[Cue]:
    """The cues that fire on one sentence (each cue name counts once per sentence)."""
    norm = _normalize(text)
    hits, seen = [], set()
    for cue in CUES:
        if (cue.name, cue.label) in seen:
            continue
        if cue.pattern.search(norm):
            hits.append(cue)
            seen.add((cue.name, cue.label))
    return hits


def emission_scores(text: str, position: float) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each label's score for one sentence at `position` (0 = first, 1 = last)."""
    scores = dict(BIAS)
    reasons: dict[str, list[str]] = {label: [] for label in LABELS}
    for cue in cue_hits(text):
        scores[cue.label] += cue.weight
        reasons[cue.label].append(cue.name)
    metrics = find_metrics(text)
    if metrics and _OUTCOME_VERB.search(_normalize(text)):
        scores["result"] += MEASURED_OUTCOME_WEIGHT
        reasons["result"].append("measured_outcome")
    if any(m.kind in ("change", "multiplier") for m in metrics):
        scores["result"] += MEASURED_CHANGE_WEIGHT
        reasons["result"].append("before_after")
    for label, (centre, width) in POSITION.items():
        scores[label] += POSITION_WEIGHT * math.exp(-(((position - centre) / width) ** 2))
    return scores, reasons


def _transition(prev: str, cur: str, continuation: bool) -> float:
    if prev == cur:
        return 0.0
    cost = CONTINUATION_PENALTY if continuation else 0.0
    if prev == "other" or cur == "other":
        return -cost - OTHER_SWITCH_PENALTY
    return -cost - (BACKWARD_PENALTY if STAR.index(cur) < STAR.index(prev) else 0.0)


_SUBJECT_PRONOUNS = {"i", "we", "he", "she", "they", "i'd", "we'd", "i'm"}


def _is_continuation(sentence: Sentence) -> bool:
    """A piece that goes on with the previous sentence's clause ("and communicate with
    stakeholders"), not a new clause with its own subject ("so I set up a check-in")."""
    first = sentence.words[0].text.lstrip("\"'“‘(")
    if not first or not first[0].islower():
        return False
    opening = {w.text.strip(",.;:").lower() for w in sentence.words[:3]}
    return not opening & _SUBJECT_PRONOUNS


def label_sentences(sentences: list[Sentence]) -> list[Labeled]:
    """The most likely STAR label sequence for the sentences of one answer."""
    n = len(sentences)
    if n == 0:
        return []
    emissions = []
    for i, sentence in enumerate(sentences):
        position = 0.5 if n == 1 else i / (n - 1)
        emissions.append(emission_scores(sentence.text, position))

    best = [{label: emissions[0][0][label] for label in LABELS}]
    back: list[dict[str, str]] = [{}]
    for i in range(1, n):
        row, ptr = {}, {}
        continuation = _is_continuation(sentences[i])
        for cur in LABELS:
            prev = max(LABELS, key=lambda p: best[i - 1][p] + _transition(p, cur, continuation))
            row[cur] = best[i - 1][prev] + _transition(prev, cur, continuation) + emissions[i][0][cur]
            ptr[cur] = prev
        best.append(row)
        back.append(ptr)

    path = [max(LABELS, key=lambda label: best[-1][label])]
    for i in range(n - 1, 0, -1):
        path.append(back[i][path[-1]])
    path.reverse()

    labeled = []
    for label, (scores, reasons) in zip(path, emissions):
        cues = tuple(reasons[label]) or ("position",)
        labeled.append(Labeled(label=label, cues=cues, scores={k: round(v, 2) for k, v in scores.items()}))
    return labeled
