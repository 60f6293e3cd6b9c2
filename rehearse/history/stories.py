"""The story bank: the stories a person's takes tell, the questions each has answered, and
the questions none answers yet ("Prepare 5-7 core stories that can answer multiple
questions", the guide says).

Takes are grouped by analysis.stories (same story, other words) the first time the story
bank is listed after they were saved; a take placed by hand (`merge`, `split`) is never moved again. A story's
id is its number in the history; its title is its first take's first Situation sentence,
cut short.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rehearse import prompts
from rehearse.analysis.relevance import assess_all, echoes_a_question
from rehearse.analysis.stories import group
from rehearse.errors import RehearseError

TITLE_CHARS = 60


def guide_texts() -> list[str]:
    """The guide's example answers: the background that says which words are common."""
    return [" ".join(line for part in prompts.example(q.id) for line in part["lines"]) for q in prompts.questions()]


def grouped(store) -> list[dict]:
    """Every take with its story; takes not grouped yet are grouped now (and the grouping
    saved, when the history can be written)."""
    rows = store.story_rows()
    new = [row for row in rows if row["story_id"] is None]
    if new:
        fixed = {row["id"]: row["story_id"] for row in rows if row["story_id"] is not None}
        stories = group({row["id"]: row["text"] for row in rows}, guide_texts(), placed=fixed)
        assigned = {row["id"]: stories[row["id"]] for row in new}
        if store.writable:
            store.set_stories(assigned)
        for row in new:
            row["story_id"] = assigned[row["id"]]
    return rows


def _title(row: dict) -> str:
    # (Not an opening that only says the question back: "Leading a fix under pressure.")
    sentences = row["sentences"][1:] if echoes_a_question([s["text"] for s in row["sentences"]]) else row["sentences"]
    first = next((s["text"] for s in sentences if s["label"] == "situation"), sentences[0]["text"] if sentences else "")
    # "So, at my last company..." is titled "At my last company...".
    first = re.sub(r"^(?:(?:so|well|um|uh|okay|ok|and|yeah|right)\b[,.]?\s+)+", "", " ".join(first.split()), flags=re.I)
    first = first[:1].upper() + first[1:]
    return first if len(first) <= TITLE_CHARS else first[:TITLE_CHARS - 3].rstrip(" ,;") + "..."


def story_bank(store) -> dict:
    """{"stories": [{id, title, takes, questions, off_topic, in_general, too_little, best_score}], "uncovered":
    [{question_id, category, best_story}], "categories_uncovered": [category]}: each
    question no story has answered, with the story that fits it best (the relevance check
    on the story's latest take) or null: prepare a new story. A question a story was told
    for but does not answer (the relevance check failed) is in its `off_topic`, not its
    `questions`: it is still uncovered; so is one answered only in general terms ("I
    always...", "I would..."), in its `in_general`: no one time was told; and one answered
    in too few words to be a story, in its `too_little`."""
    # (Not a take Whisper could not hear clearly: a tryout's was listed as a story of its
    # own, titled with the few words heard, "I We send every payment...".)
    rows = [row for row in grouped(store) if not row.get("unheard")]
    by_story: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        by_story[row["story_id"]].append(row)
    stories = []
    for story_id in sorted(by_story):
        takes = by_story[story_id]
        questions = sorted({t["question_id"] for t in takes if t["question_id"] and not t["off_topic"]
                            and not t["in_general"] and not t.get("too_little")}, key=prompts.order)
        missed = sorted({t["question_id"] for t in takes if t["question_id"] and t["off_topic"]} - set(questions),
                        key=prompts.order)
        general = sorted({t["question_id"] for t in takes if t["question_id"] and t["in_general"]}
                         - set(questions) - set(missed), key=prompts.order)
        brief = sorted({t["question_id"] for t in takes if t["question_id"] and t.get("too_little")}
                       - set(questions) - set(missed) - set(general), key=prompts.order)
        stories.append({"id": story_id, "title": _title(takes[0]), "takes": [t["id"] for t in takes],
                        "questions": questions, "off_topic": missed, "in_general": general, "too_little": brief,
                        # The bank is about the story: how well it was told, also for a
                        # question it does not answer (a score capped there undersold it).
                        "best_score": max(t["told"] for t in takes)})
    answered = {q for story in stories for q in story["questions"]}
    fits = {story_id: assess_all([s["text"] for s in takes[-1]["sentences"]]) for story_id, takes in by_story.items()}
    uncovered = []
    for question in prompts.questions():
        if question.id in answered:
            continue
        # (Not a story told only in general terms: it is no story to retell, a second tryout's
        # "I would..." answer was suggested for another question.)
        candidates = [(relevance[question.id].asked.score, -story_id, story_id) for story_id, relevance in fits.items()
                      if relevance[question.id].verdict == "fits"
                      and not all(t["in_general"] or t.get("too_little") for t in by_story[story_id])
                      and _as_much_about(relevance, question.id)]
        uncovered.append({"question_id": question.id, "category": question.category,
                          "best_story": max(candidates)[2] if candidates else None})
    covered = {prompts.question(q).category for q in answered}
    return {"stories": stories, "uncovered": uncovered,
            "categories_uncovered": [c for c in prompts.categories() if c not in covered]}


# A story is suggested for a question only when the learned model reads it as at least this
# share as much about that question as about the question it reads it most about: a
# mentoring story (0.96 mentoring) was suggested for "stepped outside your comfort zone"
# (0.04) on cue words of a nervous first week ("never worked", "nervous"), and a
# settlement-pipeline story (0.81 automation) for juggling priorities (0.07), in a new
# user's story bank.
SUGGEST_SHARE = 0.5


def _as_much_about(relevance: dict, question_id: str) -> bool:
    best = max(r.probability for r in relevance.values())
    # (No reading when the story is too short for the model: the cues alone decide.)
    return best == 0.0 or relevance[question_id].probability >= SUGGEST_SHARE * best


def _story_takes(rows: list[dict], story_id: int) -> list[int]:
    takes = [row["id"] for row in rows if row["story_id"] == story_id]
    if not takes:
        raise RehearseError(f"there is no story {story_id}; `rehearse stories` lists them")
    return takes


def merge(store, into: int, other: int) -> list[int]:
    """Put every take of story `other` into story `into`, by hand; returns the takes moved."""
    if into == other:
        raise RehearseError(f"story {into} cannot be merged into itself; give two different stories")
    rows = grouped(store)
    _story_takes(rows, into)
    moved = _story_takes(rows, other)
    store.set_stories({take: into for take in moved}, placed=True)
    return moved


def split(store, take_id: int) -> int:
    """Give a take a story of its own, by hand; returns the new story's id."""
    rows = grouped(store)
    row = next((r for r in rows if r["id"] == take_id), None)
    if row is None:
        raise RehearseError(f"there is no take {take_id}; `rehearse history` lists the saved takes")
    if sum(1 for r in rows if r["story_id"] == row["story_id"]) == 1:
        raise RehearseError(f"take {take_id} is already the only take of story {row['story_id']}")
    new_story = max(r["story_id"] for r in rows) + 1
    store.set_stories({take_id: new_story}, placed=True)
    return new_story
