"""Labeled STAR answers, loaded from every set we score and train on.

Sets:
- `external`: public answers labeled by their own sources (../shared/data/star-external-dev.json).
  Third-party text: read from ../shared at run time, never copied into the repository.
- `external-weak`: weak public answers with the source's critique (same file).
- `guide`: the guide's 25 answers (../shared/data/guide-answers.json).
- `spoken-dev`, `spoken-heldout`: our spoken-style answers (eval/spoken_answers.txt).
- `heldout2`, `heldout2-weak`: answers written for issue 13 before the labeler changed
  (eval/star_answers_heldout.txt); only scored, never trained or tuned on.
- `heldout3`, `heldout3-weak`: the same, written by a helper before the labeler's second
  round (eval/star_answers_heldout3.txt).
- `heldout4`, `heldout4-weak`: the same, written by a helper before the labeler's third
  round (eval/star_answers_heldout4.txt).
- `heldout5`, `heldout5-weak`: the same, written by a helper before the labeler's fourth
  round (eval/star_answers_heldout5.txt).
- `heldout6`, `heldout6-weak`: the same, written by a helper before the labeler's fifth
  round (eval/star_answers_heldout6.txt).
- `heldout7`, `heldout7-weak`: the same, written by a helper before the labeler's sixth
  round (eval/star_answers_heldout7.txt).
- `heldout8`, `heldout8-weak`: the same, written by a helper before the labeler's seventh
  round (eval/star_answers_heldout8.txt).
- `heldout9`, `heldout9-weak`: the same, written by a helper before the labeler's eighth
  round (eval/star_answers_heldout9.txt).
- `heldout10`, `heldout10-weak`: the same, written by a helper before the labeler's ninth
  round (eval/star_answers_heldout10.txt).
- `heldout11`, `heldout11-weak`: the same, written by a helper before the labeler's tenth
  round (eval/star_answers_heldout11.txt).
- `heldout12`, `heldout12-weak`: the same, written by a helper before the labeler's eleventh
  round (eval/star_answers_heldout12.txt).
- `heldout13`, `heldout13-weak`: the same, written by a helper before the labeler's twelfth
  round (eval/star_answers_heldout13.txt).
- `heldout14`, `heldout14-weak`: the same, written by a helper before the labeler's thirteenth
  round (eval/star_answers_heldout14.txt).
- `heldout15`, `heldout15-weak`: the same, written by a helper before the labeler's fourteenth
  round (eval/star_answers_heldout15.txt).
- `heldout16`, `heldout16-weak`: the same, written by a helper before the labeler's fifteenth
  round (eval/star_answers_heldout16.txt).
- `heldout17`, `heldout17-weak`: the same, written by a helper before the labeler's sixteenth
  round (eval/star_answers_heldout17.txt).
- `heldout18`, `heldout18-weak`: the same, written by a helper before the labeler's seventeenth
  round (eval/star_answers_heldout18.txt).
- `train`: labeled answers helpers wrote to train on (eval/star_train/*.txt, one source
  each); never scored.

Every answer has a `source`: answers from one source are never split between training
and testing (the same site or repository writes its answers alike).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EXTERNAL = SHARED / "star-external-dev.json"
GUIDE = SHARED / "guide-answers.json"
SPOKEN = ROOT / "eval" / "spoken_answers.txt"
HELDOUT2 = ROOT / "eval" / "star_answers_heldout.txt"
HELDOUT3 = ROOT / "eval" / "star_answers_heldout3.txt"
HELDOUT4 = ROOT / "eval" / "star_answers_heldout4.txt"
HELDOUT5 = ROOT / "eval" / "star_answers_heldout5.txt"
HELDOUT6 = ROOT / "eval" / "star_answers_heldout6.txt"
HELDOUT7 = ROOT / "eval" / "star_answers_heldout7.txt"
HELDOUT8 = ROOT / "eval" / "star_answers_heldout8.txt"
HELDOUT9 = ROOT / "eval" / "star_answers_heldout9.txt"
HELDOUT10 = ROOT / "eval" / "star_answers_heldout10.txt"
HELDOUT11 = ROOT / "eval" / "star_answers_heldout11.txt"
HELDOUT12 = ROOT / "eval" / "star_answers_heldout12.txt"
HELDOUT13 = ROOT / "eval" / "star_answers_heldout13.txt"
HELDOUT14 = ROOT / "eval" / "star_answers_heldout14.txt"
HELDOUT15 = ROOT / "eval" / "star_answers_heldout15.txt"
HELDOUT16 = ROOT / "eval" / "star_answers_heldout16.txt"
HELDOUT17 = ROOT / "eval" / "star_answers_heldout17.txt"
HELDOUT18 = ROOT / "eval" / "star_answers_heldout18.txt"
TRAIN = ROOT / "eval" / "star_train"

LETTERS = {"S": "situation", "T": "task", "A": "action", "R": "result", "O": "other"}


@dataclass
class Answer:
    id: str
    set: str
    source: str
    lines: list[tuple[str, str]]  # (label, text); label "" for an unlabeled weak answer
    question: str | None = None
    # For weak answers, what the critique says: missing parts, "generic", "we_heavy",
    # "no_metrics", "too_short".
    expect: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)

    @property
    def parts(self) -> set[str]:
        return {label for label, _ in self.lines if label}


def source_of(url: str) -> str:
    """One source per site, or per repository on GitHub: a site's answers share a writer."""
    parsed = urlparse(url)
    if parsed.netloc.endswith("github.com"):
        owner_repo = parsed.path.strip("/").split("/")[:2]
        return "github.com/" + "/".join(owner_repo)
    return parsed.netloc.removeprefix("www.")


def load_external(path: Path = EXTERNAL) -> tuple[list[Answer], list[Answer]]:
    """The complete public answers and the weak ones; both empty when the file is absent."""
    if not path.exists():
        return [], []
    data = json.loads(path.read_text(encoding="utf-8"))
    answers = [
        Answer(item["id"], "external", source_of(item["source"]),
               [(LETTERS[p["label"]], p["text"]) for p in item["parts"]], item.get("question_text"))
        for item in data["answers"]
    ]
    weak = []
    for item in data["weak"]:
        expect = {"missing": item.get("expect_missing") or []}
        for key in ("we_heavy", "no_metrics", "too_short"):
            if item.get(f"expect_{key}"):
                expect[key] = True
        weak.append(Answer(item["id"], "external-weak", source_of(item["source"]),
                           [("", item["text"])], item.get("question_text"), expect))
    return answers, weak


def load_guide(path: Path = GUIDE) -> list[Answer]:
    if not path.exists():
        return []
    return [
        Answer(item["id"], "guide", "guide", [(s["label"], text) for s in item["sections"] for text in s["lines"]])
        for item in json.loads(path.read_text(encoding="utf-8"))
    ]


def load_labeled_text(path: Path, source: str) -> list[Answer]:
    """Answers in the spoken_answers.txt format: "## ID QUESTION SET kind [EXPECT...]",
    then "L: sentence" lines. A weak answer's EXPECT words are "missing=task,result",
    "generic", "we_heavy", "no_metrics", "too_short"."""
    answers: list[Answer] = []
    if not path.exists():
        return answers
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            ident, question, set_name, kind, *expects = line[3:].split()
            expect: dict = {}
            for item in expects:
                key, _, value = item.partition("=")
                expect[key] = [LETTERS[v[0].upper()] for v in value.split(",")] if value else True
            if kind == "weak":
                expect.setdefault("missing", [])
            # heldout2 to heldout18: the held-out files; train: the helpers' training answers;
            # dev and heldout: spoken_answers.txt's two halves.
            name = set_name if (set_name.startswith("heldout") and set_name != "heldout") or set_name == "train" \
                else f"spoken-{set_name}"
            if kind == "weak":
                name += "-weak"
            answers.append(Answer(ident, name, source, [], question, expect))
        elif line and not line.startswith("#"):
            letter, text = line.split(":", 1)
            answers[-1].lines.append((LETTERS[letter.strip()], text.strip()))
    return answers


def load_all() -> list[Answer]:
    external, weak = load_external()
    train = [a for path in sorted(TRAIN.glob("*.txt")) for a in load_labeled_text(path, f"rehearse-train-{path.stem}")]
    return (external + weak + load_guide() + load_labeled_text(SPOKEN, "rehearse-spoken") + train
            + load_labeled_text(HELDOUT2, "rehearse-heldout2") + load_labeled_text(HELDOUT3, "rehearse-heldout3")
            + load_labeled_text(HELDOUT4, "rehearse-heldout4") + load_labeled_text(HELDOUT5, "rehearse-heldout5")
            + load_labeled_text(HELDOUT6, "rehearse-heldout6")
            + load_labeled_text(HELDOUT7, "rehearse-heldout7")
            + load_labeled_text(HELDOUT8, "rehearse-heldout8")
            + load_labeled_text(HELDOUT9, "rehearse-heldout9")
            + load_labeled_text(HELDOUT10, "rehearse-heldout10")
            + load_labeled_text(HELDOUT11, "rehearse-heldout11")
            + load_labeled_text(HELDOUT12, "rehearse-heldout12")
            + load_labeled_text(HELDOUT13, "rehearse-heldout13")
            + load_labeled_text(HELDOUT14, "rehearse-heldout14")
            + load_labeled_text(HELDOUT15, "rehearse-heldout15")
            + load_labeled_text(HELDOUT16, "rehearse-heldout16")
            + load_labeled_text(HELDOUT17, "rehearse-heldout17")
            + load_labeled_text(HELDOUT18, "rehearse-heldout18"))
