"""The guide's questions, STAR definitions and tips, read from the prompts/ data files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rehearse.errors import QuestionError


def prompts_dir() -> Path:
    # Installed wheels carry prompts/ inside the package; a source checkout (or an
    # editable install) reads the top-level prompts/ folder.
    packaged = Path(__file__).parent / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class Question:
    id: str
    category: str
    text: str


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    return json.loads((prompts_dir() / name).read_text(encoding="utf-8"))


def questions(category: str | None = None) -> list[Question]:
    """All questions, or those whose category contains `category` (case-insensitive)."""
    found = [Question(**q) for q in _load("questions.json")["questions"]]
    if category:
        needle = category.casefold()
        found = [q for q in found if needle in q.category.casefold()]
        if not found:
            raise QuestionError(
                f"no question category matches {category!r}; "
                f"categories are: {', '.join(categories())}"
            )
    return found


def categories() -> list[str]:
    seen: dict[str, None] = {}
    for q in questions():
        seen.setdefault(q.category)
    return list(seen)


def question(question_id: str) -> Question:
    wanted = question_id.strip().upper()
    number = re.fullmatch(r"Q?0*(\d+)", wanted)
    if number:  # "4", "q4" and "Q04" are Q4
        wanted = f"Q{number.group(1)}"
    for q in questions():
        if q.id == wanted:
            return q
    ids = [q.id for q in questions()]
    raise QuestionError(
        f"unknown question {question_id!r}; use an id from {ids[0]} to {ids[-1]} "
        "(run `rehearse questions` to see them)"
    )


def example(question_id: str) -> list[dict]:
    """The guide's example answer for a question, part by part: [{part, kind, lines}]
    (part: situation|task|action|result; kind as the guide heads it, e.g. "Key Takeaway")."""
    return [dict(part) for part in _load("guide.json")["examples"][question(question_id).id]]


def example_text(question_id: str) -> str:
    """The guide's example answer as one text, each of its lines a sentence (its bulleted
    actions have no full stops)."""
    return " ".join(line.rstrip(".") + "." for part in example(question_id) for line in part["lines"])


def order(question_id: str | None) -> tuple:
    """A sort key that puts question ids in the guide's order (Q2 before Q10), and takes
    without a question last."""
    if question_id is None:
        return (1, 0)
    return (0, int(question_id[1:]) if question_id[1:].isdigit() else 0)


def star_definitions() -> dict[str, str]:
    return dict(_load("guide.json")["star"])


def check_tip(check_id: str) -> str:
    """The guide's tip that a check teaches."""
    return _load("guide.json")["check_tips"][check_id]


def guide_quote(check_id: str) -> str:
    """The tip a check teaches, quoted as the guide words it."""
    return f'The guide: "{check_tip(check_id)}."'
