"""Which question a story is about, learned: a logistic regression over the answer's words,
trained by scripts/train_relevance.py on answers written for each of the guide's 25
questions (eval/relevance/). It complements the cue phrases (analysis.relevance), which
know only the wording they were written for: the model has seen each question answered
in many words ("showed the new hire the ropes", "we butted heads").

A feature is a word stem ("mentor" for mentored, mentoring) or two stems side by side
("new hire"), kept only when answers from several writers use it, so no one writer's
phrasing is learned. The answer's score for a question is the sum of its features'
weights for it, plus the cue evidence times a learned factor; the probabilities are their
softmax. Its single words are not shown as evidence (with a few answers per question,
"Friday" can weigh for mentoring); the sentences that add most to a question are.

Pure Python at run time (the weights are a JSON file, read once): no numpy, a few
milliseconds per answer.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("relevance_model.json")

# Words that say nothing about what a story is about.
STOP = frozenset("""
a an the and or but so if then than that this these those there here of to in on at by for from with
about as into onto over under up down out off again also just very really quite too much many more most
some any all each every both either neither no not only own same such other another
i me my mine myself we us our ours ourselves you your yours he him his she her hers they them their theirs
it its itself what which who whom whose when where why how
is am are was were be been being have has had having do does did doing will would shall should can could
may might must get got getting go went gone going make made say said tell told know knew think thought
um uh like well yeah okay ok oh right actually basically kind sort lot thing things something one two
""".split())


def stem(word: str) -> str:
    """A crude stem, enough to join mentor/mentored/mentoring and delay/delays."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + keep
    return word


def features(text: str) -> dict[str, str]:
    """The text's features, each with the words that first made it."""
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())
    found: dict[str, str] = {}
    previous: tuple[str, str] | None = None
    for word in words:
        if word in STOP or len(word) < 3 or "'" in word:
            previous = None
            continue
        root = stem(word)
        found.setdefault(root, word)
        if previous is not None:
            found.setdefault(f"{previous[0]} {root}", f"{previous[1]} {word}")
        previous = (root, word)
    return found


@dataclass(frozen=True)
class TopicModel:
    questions: tuple[str, ...]
    weights: dict[str, dict[str, float]]  # feature -> question -> weight
    bias: dict[str, float]
    cue_factor: float  # times the cue evidence of each question
    scale: str  # how a feature's presence is counted: "sqrt" = 1/sqrt(number of features present)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> TopicModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return TopicModel(tuple(data["questions"]), data["weights"], data["bias"], data["cue_factor"], data["scale"])


@dataclass(frozen=True)
class Reading:
    probabilities: dict[str, float]  # question -> probability the story is about it
    sentences: dict[str, tuple[float, ...]]  # question -> how much each sentence adds to it
    known: int  # how many of the answer's features the model knows


def read(sentences: list[str], cue_scores: dict[str, int], model: TopicModel | None = None) -> Reading:
    model = model or load_model()
    present = [f for f in features(" ".join(sentences)) if f in model.weights]
    value = 1.0 / math.sqrt(len(present)) if present else 0.0
    logits = {q: model.bias[q] + model.cue_factor * cue_scores.get(q, 0) for q in model.questions}
    for feature in present:
        for q, w in model.weights[feature].items():
            logits[q] += w * value
    top = max(logits.values())
    exp = {q: math.exp(v - top) for q, v in logits.items()}
    total = sum(exp.values())
    # Which sentences carry a question: the weights of the features each holds.
    per_sentence = [[f for f in features(sentence) if f in model.weights] for sentence in sentences]
    shares = {q: tuple(round(sum(model.weights[f].get(q, 0.0) for f in found), 3) for found in per_sentence)
              for q in model.questions}
    return Reading({q: exp[q] / total for q in model.questions}, shares, len(present))
