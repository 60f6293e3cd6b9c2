"""Label each sentence of a spoken answer as situation, task, action, result or other.

Spoken answers never say "Situation:". Each sentence is described by features that name
what the guide means by each part: the cue phrases below (context and time for the
situation, responsibility or a goal for the task, the speaker's own past-tense steps for
the action, change, outcome and lessons for the result), the words it uses, whether it
measures something, and where in the answer it sits. A linear-chain model over the
sentence sequence (a small CRF) weighs them: its weights, and the cost of moving from one
part to the next, are learned from labeled answers by `scripts/train_star.py` and kept in
`star_model.json`. Viterbi picks the best label sequence; the same model gives each part
the probability that the answer has it at all, so "missing" is said only when sure.

Every label keeps the features that chose it, so feedback can explain itself.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rehearse.analysis.metrics import find_metrics
from rehearse.analysis.sentences import Sentence
from rehearse.analysis.tense import in_the_past, told_in_the_present

LABELS = ("situation", "task", "action", "result", "other")
STAR = LABELS[:4]
MODEL_PATH = Path(__file__).with_name("star_model.json")

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
# Words that end in "ed" but tell no past: "I need", "a hundred", "indeed".
NOT_PAST = "need speed feed seed indeed proceed succeed exceed breed bleed heed embed hundred sacred".split()
_PAST = r"(?:(?!(?:" + "|".join(_STATE_VERBS + NOT_PAST) + r")\b)[a-z]{2,}ed|" + "|".join(_IRREGULAR_PAST) + r")"
_ADVERB = r"(?:(?:also|then|just|first|actually|immediately|quickly|finally|personally|eventually|even|basically|really|proactively|initially|later|still|again|carefully|manually|myself|and)\s+)?"
# Verbs that report an outcome; with a metric in the same sentence they mark a result.
_OUTCOME_VERB = re.compile(
    r"\b(?:reduced|increased|improved|cut|dropped|fell|grew|rose|saved|went|came|shrank|lowered|"
    r"decreased|jumped|prevented|restored|delivered|shipped|achieved|completed|secured|retained|"
    r"realized|supported|hit|reached|got|renewed|adopted|caught|stopped|finished|landed|launched|"
    r"migrated|resolved|closed|won|generated|brought|doubled|tripled|halved)\b"
)


@dataclass(frozen=True)
class Cue:
    name: str
    label: str  # the part the cue was written for
    # The hand-set weight from before the labeler was learned (tuned on our own answers;
    # 0 for the cues added since): it feeds the `prior:` features below.
    weight: float
    pattern: re.Pattern[str]


def _cue(name: str, label: str, weight: float, pattern: str) -> Cue:
    return Cue(name, label, weight, re.compile(pattern))


# The cue table: phrases that name what the guide means by each part. Each is one feature.
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
         r"\bmy (?:main |real |first |whole )?(?:job|task|role|goal|responsibility|mission|assignment|challenge|mandate|priority|brief)"
         # ("my job as the nurse in charge was": a tryout's, four words)
         r"(?: (?:that|this|on|for|in|during|at|as|with) (?:\w+ ){0,3}?\w+)?"
         # an aside between ("my task, which I set myself, was to": a tryout's)
         r"(?:, (?:which|that) [^,]{1,80},)? (?:was|is|became|there was)\b"),
    _cue("volunteered_me", "task", 3.5, r"\b(?:decided (?:that )?it (?:would|should) be me|someone had to)\b"),
    _cue("asked_me", "task", 2.0, r"\b(?:asked|wanted|needed|told|tasked|assigned|hired|brought in) me to\b|\bput me in charge\b"
         r"|\bgave me the (?:task|job|responsibility|goal)\b"
         r"|\basked (?:me )?(?:if|whether) i (?:could|would|can|might)\b"),
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
    # (Not an adjective: "at reduced speed", "the increased load" set the scene or a step; a
    # tryout's decision "I decided to take the alternate, at reduced speed" read as its
    # result. "With fewer errors" is a change still: a review's.)
    _cue("change", "result", 1.2,
         r"(?<!\bat )(?<!\bon )(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bwith )(?<!\bunder )"
         r"\b(?:reduced|increased|improved|boosted|lowered|decreased)\b"
         # (Nor a visit: a tryout's step "Then I dropped into her lesson for ten minutes twice a
         # week" read as the result. Only this: "dropped by 60%", "dropped back under one
         # percent" and "the service fell over" are said in the labeled answers as they are.)
         r"|\bdropped\b(?!\s+(?:into|in\s+on)\b)"
         r"|\b(?:fell|grew|rose|saved|doubled|tripled|halved|went (?:up|down|from)|came down|shrank|sped up|"
         r"jumped|prevented|avoided|eliminated|achieved|resulted|led to|recovered|restored|stopped|disappeared|"
         r"got (?:faster|better|smaller)|faster|fewer|less)\b"),
    # (Said as what opens the answer or what "is": "I wrote a short version of the policy",
    # "hurting our bottom line" announce nothing; a review's.)
    _cue("short_version", "result", 2.0,
         r"^(?:so,? |um,? |well,? |okay,? )*(?:the )?(?:short version|bottom line)\b"
         r"|\bthe (?:short version|bottom line) (?:is|was)\b|\b(?:long story short|in short|bluf)\b"),
    _cue("lesson", "result", 2.5,
         r"\b(?:i learned|learned that|what i learned|i've learned|the lesson|lessons? learned|takeaway|taught me|looking back|in hindsight|next time|i would (?:do|approach|have)|i'd (?:do|approach|have)|i realized that|it showed me|made me realize|for me was)\b"),
    _cue("recognition", "result", 1.5,
         r"\b(?:promoted|recognized|praised|thanked|appreciated|renewed|approved|was happy|were happy|were (?:really )?happy|positive feedback|good feedback|told me (?:later|afterwards)|later (?:asked|told)|asked me to (?:share|present|lead)|became the|i'm (?:still )?(?:proud|the person))\b"),
    _cue("success", "result", 1.0,
         r"\b(?:successful(?:ly)?|by (?:week|day|month|the end|the time)|over the (?:next|following) (?:few |couple of )?(?:days|weeks|months|quarters|year|years)|it worked|paid off|worked out|went (?:really |pretty |very )?well|was a success|on time|ahead of schedule|zero data loss|within (?:a|the) (?:day|week|month|deadline)|within a (?:few|couple of) (?:weeks|months)|both landed|never had to)\b"),
    # other: asides to the interviewer
    _cue("aside", "other", 3.0,
         r"^(?:oh,? |um,? |well,? |yeah,? )*(?:that's a (?:great|good|tough) question|great question|good question|sure|yeah|okay|ok|let me think|does that answer|happy to|i hope that|that's (?:it|the story|about it)|so yeah|thank you|thanks|hmm|any questions)\b[^.?!]{0,25}[.?!]?$"),
    # added for issue 13, from the error patterns on public answers
    _cue("my_post", "situation", 0.0,
         r"\bi (?:was|had been) (?:working|employed|volunteering|interning|studying|serving|stationed|a|an|the|one of|part of|in charge of)\b|\bi (?:worked|volunteered|interned|served|studied) (?:part[- ]time |full[- ]time |nights |weekends )?(?:as|at|for|in|on)\b|\bi had (?:just|recently) (?:joined|started|moved|been)\b|\b(?:during|throughout|while) (?:my|i was|university|college|school)\b|\bin my (?:role|job|position|time) as\b"),
    _cue("had_happened", "situation", 0.0,
         r"\b(?:had|have) (?:been |already |recently |just )?(?:gone|grown|risen|dropped|fallen|doubled|become|increased|decreased|started|stopped|slipped|climbed|piled)\b|\b(?:was|were) (?:down|up|behind|over|under|short|late|losing|at risk)\b"),
    _cue("goal_form", "task", 0.0,
         r"^(?:so,? |and,? )?(?:the |my |our )?(?:goal|target|aim|objective|brief|mission|ask|task|job)\s*(?::|was to|is to|was simple|,)|\b(?:in order to|so that (?:we|i|the|our) (?:could|would|can))\b|\b(?:needed|had) to (?:be )?(?:get|make|find|fix|bring|keep|cut|reduce|ensure|deliver|turn|figure)\b"),
    _cue("bare_command", "task", 0.0,
         r"^(?:cut|get|fix|find|make|reduce|bring|keep|ship|build|deliver|ensure|improve|increase|decrease|resolve|calm|convince|train|hire|launch|move|migrate|finish|turn|stop|save|win|recover|handle|lower|raise|double|halve|clear|fill|meet|hit)\b"),
    _cue("the_problem", "task", 0.0,
         r"\b(?:the (?:real )?(?:problem|question|challenge|issue|difficulty) (?:was|became) (?:how|whether|that|to)|how (?:to|could i|could we|do i|do we) \w+|somebody had to|someone needed to)\b"),
    _cue("reaction", "result", 0.0,
         r"\b(?:relieved|grateful|thankful|delighted|thrilled|satisfied|impressed|pleased|happy|glad|proud)\b|\bthanked\b|\b(?:still|later) (?:emails?|calls?|writes?|works?|uses?|talks?|mentions?|thanks?|sends?)\b|\bcame back\b"),
    _cue("it_stuck", "result", 0.0,
         r"\b(?:adopted|went live|kept (?:the|our|their|that) (?:client|customer|account|contract|relationship|business)|became (?:the|a|our|standard|part)|is now|are now|from then on|after that,? (?:we|the team|everyone|nobody|no one)|has been|have been (?:using|running|following)|never (?:missed|happened|came up|had)|(?:a|one|two|three) (?:day|days|week|weeks|month|months) (?:early|ahead))\b"),
    _cue("habit", "other", 0.0,
         r"\bi (?:always|usually|generally|normally|typically|tend to|try to|would|will|like to|believe|think it's|make it a point)\b|\bi'm (?:a |an |very |really |pretty |quite )?(?:good|great|strong|skilled|experienced|someone|the kind|the type|a person|always|comfortable|confident|organized|detail|people)\b|\b(?:whenever|every time) (?:i|there's|someone|a customer)\b|\bif (?:i|there's|someone|a customer) (?:see|have|is|has|gets|were)\b"),
)



_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# A verb in the past tense (a step or an event; states like "was" are left out).
PAST_VERB = _PAST  # a past verb, as a pattern to build others with
PAST_TENSE = re.compile(r"\b" + _PAST + r"\b")
_PRESENT = re.compile(r"\b(?:is|are|am|i'm|we're|it's|do|does|don't|doesn't)\b")
# ("i'd" counts too, although it is as often "I had": the shipped weights were learned so.)
_MODAL = re.compile(r"\b(?:would|could|should|will|might|i'd|we'd|i'll|we'll)\b")
# Spoken openings that say nothing about the part ("so", "um"): skipped to find how a
# sentence really opens.
_FILLER_OPENINGS = {"so", "and", "then", "um", "uh", "well", "but", "also", "now", "okay", "oh", "yeah"}
# Opening words kept as features of their own ("opens:i", "opens:as", "opens:after"): a
# subject, or a word that frames the sentence in time, role or cause. Any other opening
# word is "opens:other", so no rare word becomes a feature.
_OPENING_WORDS = {"i", "we", "my", "our", "the", "they", "he", "she", "it", "this", "that", "there", "as", "when",
                  "after", "in", "at", "during", "by", "since", "what", "one", "first", "finally", "throughout",
                  "while", "once", "because", "to", "over", "within", "thanks", "looking", "not", "everyone"}


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


def cue_hits(text: str) -> list[Cue]:
    """The cues that fire on one sentence, each name once."""
    norm = _normalize(text)
    hits: list[Cue] = []
    for cue in CUES:
        if all(cue.name != hit.name for hit in hits) and cue.pattern.search(norm):
            hits.append(cue)
    return hits


# The hand-set labeler this model grew from: cue weights, where each part usually sits
# (centre, width in relative position 0..1), and a baseline per label. Its score for each
# label is one feature (`prior:situation`...), so the model starts from what was known
# about spoken answers and learns how far to trust it.
POSITION = {"situation": (0.0, 0.3), "task": (0.2, 0.25), "action": (0.55, 0.35), "result": (1.0, 0.25)}
BIAS = {"situation": 0.0, "task": -0.3, "action": 0.5, "result": 0.0, "other": -1.5}
MEASURED_OUTCOME_WEIGHT = 1.5
MEASURED_CHANGE_WEIGHT = 1.0
# The prior's scores (about -2 to 6) brought near the 0-1 range of the other features: the
# scale at which it helped in the one cross-validated trial (external: 86.7% to 88.4% of
# sentences); the learned weights do the rest.
PRIOR_SCALE = 0.3


def prior_scores(hits: list[Cue], measured_outcome: bool, before_after: bool, position: float) -> dict[str, float]:
    scores = dict(BIAS)
    for cue in hits:
        scores[cue.label] += cue.weight
    scores["result"] += MEASURED_OUTCOME_WEIGHT * measured_outcome + MEASURED_CHANGE_WEIGHT * before_after
    for label, (centre, width) in POSITION.items():
        scores[label] += math.exp(-(((position - centre) / width) ** 2))
    return scores


def words_of(text: str) -> list[str]:
    return _WORD.findall(_normalize(text))


def _position_bin(index: int, count: int) -> str:
    if count == 1:
        return "only"
    if index == 0:
        return "first"
    if index == count - 1:
        return "last"
    return ("early", "middle", "late")[min(2, int(3 * index / (count - 1)))]


def sentence_features(text: str, index: int, count: int) -> dict[str, float]:
    """The named features of one sentence at `index` of `count`: what the model weighs.

    Names read as evidence: "cue:had_to", "word:result", "position:last", "measured"...;
    each has the value 1, except the hand-set labeler's scores, `prior:<label>`.
    """
    norm = _normalize(text)
    words = words_of(text)
    features = ["bias", f"position:{_position_bin(index, count)}"]
    hits = cue_hits(text)
    features += [f"cue:{cue.name}" for cue in hits]
    metrics = find_metrics(text, descriptive=True)
    measured_outcome = bool(metrics) and bool(_OUTCOME_VERB.search(norm))
    before_after = any(m.kind in ("change", "multiplier") for m in metrics)
    if metrics:
        features.append("measured")
    if measured_outcome:
        features.append("measured_outcome")
    if before_after:
        features.append("before_after")
    content = [w for w in words if w not in _FILLER_OPENINGS] or words
    if content:
        first = content[0]
        features.append(f"opens:{first if first in _OPENING_WORDS else 'other'}")
    if PAST_TENSE.search(norm):
        features.append("past_tense")
    if _PRESENT.search(norm):
        features.append("present_tense")
    if _MODAL.search(norm):
        features.append("modal")
    if len(words) <= 6:
        features.append("short")
    features += sorted({f"word:{w}" for w in words})
    values = dict.fromkeys(features, 1.0)
    prior = prior_scores(hits, measured_outcome, before_after, 0.5 if count == 1 else index / (count - 1))
    values.update({f"prior:{label}": round(PRIOR_SCALE * score, 4) for label, score in prior.items()})
    return values


def answer_features(texts: list[str]) -> list[dict[str, float]]:
    """The features of each sentence of one answer. A story told in the present is read as
    told in the past (analysis.tense): the model learned its steps from past tenses."""
    if told_in_the_present(texts):
        texts = [in_the_past(text) for text in texts]
    return [sentence_features(text, i, len(texts)) for i, text in enumerate(texts)]


@dataclass(frozen=True)
class StarModel:
    """Weights per feature and label, and the transition scores between labels."""

    weights: dict[str, list[float]]
    transitions: list[list[float]]  # [previous][current]
    start: list[float]
    end: list[float]
    # A part is reported missing only when the answer has it with less than this
    # probability (per part: calibrated by scripts/train_star.py).
    missing_below: dict[str, float]
    def emission(self, features: dict[str, float]) -> list[float]:
        scores = [0.0] * len(LABELS)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        return scores


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> StarModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return StarModel(weights=data["weights"], transitions=data["transitions"], start=data["start"],
                     end=data["end"], missing_below=data["missing_below"])


@dataclass(frozen=True)
class Labeled:
    """A sentence's label, the evidence that chose it, and the score of every label."""

    label: str
    cues: tuple[str, ...]
    scores: dict[str, float]


def first_labeled(labels, part: str) -> int | None:
    """The index of the first sentence labeled `part` ("action": the first step), or None."""
    return next((i for i, lab in enumerate(labels) if lab.label == part), None)


# How many features a label names as its evidence, and the least pull that counts (a
# feature moving the two best labels' scores apart by less explains nothing).
EVIDENCE_SHOWN = 3
EVIDENCE_MIN_PULL = 0.05
# Words that carry weight in the model but explain nothing to a person ("the", "to").
_FUNCTION_WORDS = set(
    "a an the and or but so to of in on at for with by from as that this it its was were is are be been "
    "i we he she they me us him her them my our his their you your there then than".split()
)


def _evidence(model: StarModel, features: dict[str, float], label: str, runner_up: str) -> tuple[str, ...]:
    """The features that most favour `label` over the runner-up label, as names a person
    can read: a cue's name ("had_to"), a word ("word:relieved"), "measured", "position:last"."""
    k, r = LABELS.index(label), LABELS.index(runner_up)
    pull = []
    for name, value in features.items():
        row = model.weights.get(name)
        # The prior's score is made of the cues, which are named themselves.
        if row is None or name == "bias" or name.startswith("prior:") or (
                name.startswith("word:") and name.removeprefix("word:") in _FUNCTION_WORDS):
            continue
        if (row[k] - row[r]) * value > EVIDENCE_MIN_PULL:
            pull.append(((row[k] - row[r]) * value, name.removeprefix("cue:")))
    pull.sort(key=lambda item: (-item[0], item[1]))
    return tuple(name for _, name in pull[:EVIDENCE_SHOWN]) or ("position",)


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top == -math.inf:
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))


def _log_partition(model: StarModel, emissions: list[list[float]], allowed: list[int]) -> float:
    """log of the summed score of every label sequence that uses only `allowed` labels."""
    alpha = {j: model.start[j] + emissions[0][j] for j in allowed}
    for row in emissions[1:]:
        alpha = {j: _logsumexp([alpha[i] + model.transitions[i][j] for i in allowed]) + row[j] for j in allowed}
    return _logsumexp([alpha[j] + model.end[j] for j in allowed])


def _viterbi(model: StarModel, emissions: list[list[float]]) -> list[int]:
    labels = range(len(LABELS))
    best = [model.start[j] + emissions[0][j] for j in labels]
    back: list[list[int]] = []
    for row in emissions[1:]:
        ptr = [max(labels, key=lambda i, j=j: best[i] + model.transitions[i][j]) for j in labels]
        best = [best[ptr[j]] + model.transitions[ptr[j]][j] + row[j] for j in labels]
        back.append(ptr)
    path = [max(labels, key=lambda j: best[j] + model.end[j])]
    for ptr in reversed(back):
        path.append(ptr[path[-1]])
    return path[::-1]


@dataclass(frozen=True)
class StarLabels:
    """The labels of an answer's sentences, and how sure the model is of each part."""

    labels: list[Labeled]
    # Probability that the answer has each part at all (some sentence carries it).
    confidence: dict[str, float]
    # For each part, its likeliest sentence (among those labeled with it, if any), and the
    # probability that this sentence is that part.
    closest: dict[str, tuple[int, float]]
    missing_below: dict[str, float]
    # For each sentence, the probability of each part (what the labels round to 0 or 1).
    probabilities: list[dict[str, float]] = field(default_factory=list)


def _marginals(model: StarModel, emissions: list[list[float]]) -> tuple[list[list[float]], float]:
    """P(sentence i has label j) by forward-backward, and the log partition."""
    n, labels = len(emissions), range(len(LABELS))
    alpha = [[model.start[j] + emissions[0][j] for j in labels]]
    for t in range(1, n):
        alpha.append([_logsumexp([alpha[-1][i] + model.transitions[i][j] for i in labels]) + emissions[t][j]
                      for j in labels])
    beta = [[model.end[j] for j in labels]]
    for t in range(n - 1, 0, -1):
        beta.insert(0, [_logsumexp([model.transitions[i][j] + emissions[t][j] + beta[0][j] for j in labels])
                        for i in labels])
    log_z = _logsumexp([alpha[-1][j] + model.end[j] for j in labels])
    return [[math.exp(alpha[t][j] + beta[t][j] - log_z) for j in labels] for t in range(n)], log_z


def analyze_labels(sentences: list[Sentence], model: StarModel | None = None) -> StarLabels:
    """Label every sentence, and measure how sure the model is that each part is there."""
    model = model or load_model()
    n = len(sentences)
    if n == 0:
        return StarLabels([], {p: 0.0 for p in STAR}, {}, model.missing_below)
    if n == 1:
        # The start and end scores say where each part sits in a story (it opens on the
        # situation, ends on the result); one sentence is both the start and the end, so
        # they would make "I rewrote the module and fixed the crashes." a result. Its words decide.
        model = replace(model, start=[0.0] * len(LABELS), end=[0.0] * len(LABELS))
    features = answer_features([s.text for s in sentences])
    emissions = [model.emission(f) for f in features]
    path = _viterbi(model, emissions)
    everything = list(range(len(LABELS)))
    marginals, log_z = _marginals(model, emissions)
    confidence = {}
    for k, part in enumerate(STAR):
        without = _log_partition(model, emissions, [j for j in everything if j != k])
        confidence[part] = round(max(0.0, 1.0 - math.exp(without - log_z)), 4)
    closest = {}
    for k, part in enumerate(STAR):
        # A part that has sentences: the surest of them; one that has none: the sentence
        # most likely to be it.
        candidates = [i for i in range(n) if path[i] == k] or range(n)
        best = max(candidates, key=lambda i: (marginals[i][k], -i))
        closest[part] = (best, round(marginals[best][k], 4))
    labeled = []
    for i, k in enumerate(path):
        ranked = sorted(range(len(LABELS)), key=lambda j: -emissions[i][j])
        runner_up = ranked[1] if ranked[0] == k else ranked[0]
        labeled.append(Labeled(
            label=LABELS[k],
            cues=_evidence(model, features[i], LABELS[k], LABELS[runner_up]),
            scores={label: round(emissions[i][j], 2) for j, label in enumerate(LABELS)},
        ))
    probabilities = [{label: marginals[i][j] for j, label in enumerate(LABELS)} for i in range(n)]
    return StarLabels(labeled, confidence, closest, model.missing_below, probabilities)


def label_sentences(sentences: list[Sentence], model: StarModel | None = None) -> list[Labeled]:
    """The most likely STAR label sequence for the sentences of one answer."""
    return analyze_labels(sentences, model).labels
