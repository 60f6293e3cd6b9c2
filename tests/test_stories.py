"""The story bank on real SQLite histories: the four shipped samples told again in other
words and to other questions (eval/stories/retellings.json) are grouped exactly; merge
and split are kept by hand and survive a migration; different stories stay apart."""

from __future__ import annotations

import json
import sqlite3

import pytest

from eval.stories_eval import guide_background
from rehearse.analysis.stories import group
from rehearse.history import store as store_module
from rehearse.history.store import History
from rehearse.history.stories import merge, split, story_bank
from rehearse.pipeline import analyze_path
from tests.conftest import ROOT, SAMPLES, run_cli, slow

RETOLD = json.loads((ROOT / "eval" / "stories" / "retellings.json").read_text())["stories"]


def takes_of_four_stories(tmp_path) -> dict[str, list[int]]:
    """12 takes, saved story by story interleaved, as a week of practice would: {story: [take ids]}."""
    answers = []
    for story in RETOLD:
        answers.append((story["story"], SAMPLES / f"{story['sample']}.txt", story["sample_question"]))
        for i, retelling in enumerate(story["retellings"]):
            path = tmp_path / f"{story['story']}-{i}.txt"
            path.write_text(retelling["text"])
            answers.append((story["story"], path, retelling["question"]))
    order = [answers[i] for i in (0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11)]  # one telling of each story per day
    takes: dict[str, list[int]] = {}
    with History() as store:
        for story, path, question in order:
            takes.setdefault(story, []).append(store.save(analyze_path(path, question_id=question), path))
    return takes


def stories_of(bank: dict) -> list[list[int]]:
    return sorted(sorted(s["takes"]) for s in bank["stories"])


@slow
def test_twelve_takes_of_four_stories_are_grouped_exactly(rehearse_home, tmp_path):
    takes = takes_of_four_stories(tmp_path)
    result = run_cli("stories", "--json")
    assert result.returncode == 0, result.stderr
    bank = json.loads(result.stdout)
    assert stories_of(bank) == sorted(sorted(ids) for ids in takes.values())
    billing = next(s for s in bank["stories"] if takes["billing"][0] in s["takes"])
    assert billing["questions"] == ["Q4", "Q7", "Q21"] and billing["title"].startswith("At my last company")
    answered = {q for s in bank["stories"] for q in s["questions"]}
    assert {u["question_id"] for u in bank["uncovered"]} == {f"Q{i}" for i in range(1, 26)} - answered
    assert "Handling Production Incidents" in bank["categories_uncovered"]
    shown = run_cli("stories")
    assert "4 stories" in shown.stdout and "none fits: prepare a new story" in shown.stdout


@slow
def test_merge_and_split_are_kept_and_survive_a_migration(rehearse_home, tmp_path, monkeypatch):
    takes = takes_of_four_stories(tmp_path)
    with History() as store:
        bank = story_bank(store)
        story = {name: next(s["id"] for s in bank["stories"] if ids[0] in s["takes"]) for name, ids in takes.items()}
        merge(store, story["billing"], story["queue"])  # a person who sees them as one story
        loner = split(store, takes["mentoring"][2])
    assert run_cli("stories", "merge", str(story["billing"]), str(story["billing"])).stderr.startswith("error: ")
    assert run_cli("stories", "merge", "1", "99").stderr.startswith("error: there is no story 99")
    assert run_cli("stories", "split", str(takes["pricing"][0]), "--help").returncode == 0
    # A later release adds a migration: the stories placed by hand are still there.
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS + ["CREATE TABLE later (x INTEGER)"])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(store_module.MIGRATIONS))
    with History() as store:
        assert sqlite3.connect(store.path).execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION
        # A new telling of the billing story joins the merged story, not a new one.
        retold = tmp_path / "billing-again.txt"
        retold.write_text(RETOLD[0]["retellings"][1]["text"])
        again = store.save(analyze_path(retold, question_id="Q8"), retold)
        after = stories_of(story_bank(store))
    assert sorted(takes["billing"] + takes["queue"] + [again]) in after
    assert [takes["mentoring"][2]] in after and sorted(takes["mentoring"][:2]) in after
    assert loner not in (story["billing"], story["mentoring"])


def test_different_stories_stay_apart_and_a_retelling_joins_its_own():
    dev = json.loads((ROOT / "eval" / "relevance" / "dev.json").read_text())["answers"]
    texts = {i: answer["text"] for i, answer in enumerate(dev)}
    assert len(set(group(texts, guide_background()).values())) == len(dev)
    texts[len(dev)] = (SAMPLES / "strong-q4.txt").read_text()
    texts[len(dev) + 1] = RETOLD[0]["retellings"][0]["text"]
    grouped = group(texts, guide_background())
    assert grouped[len(dev)] == grouped[len(dev) + 1] and len(set(grouped.values())) == len(dev) + 1


def test_a_take_placed_by_hand_keeps_its_story():
    texts = {1: (SAMPLES / "strong-q4.txt").read_text(), 2: RETOLD[0]["retellings"][0]["text"]}
    assert group(texts, guide_background(), placed={2: 7}) == {1: 7, 2: 7}
    assert group(texts, guide_background(), placed={1: 3, 2: 5}) == {1: 3, 2: 5}


@slow
def test_an_empty_history_says_how_to_start(rehearse_home):
    result = run_cli("stories")
    assert result.returncode == 0 and "No takes yet" in result.stdout
    assert json.loads(run_cli("stories", "--json").stdout)["stories"] == []


@pytest.mark.parametrize("args", [("stories", "split", "0"), ("stories", "merge", "1")])
@slow
def test_stories_misused_is_a_usage_error(rehearse_home, args):
    assert run_cli(*args).returncode == 2


def test_a_story_told_for_a_question_it_does_not_answer_leaves_that_question_uncovered(rehearse_home):
    strong = SAMPLES / "strong-q4.txt"
    with History() as store:
        store.save(analyze_path(strong, question_id="Q4"), strong)
        store.save(analyze_path(strong, question_id="Q13"), strong)  # a disagreement, told for mentoring
        bank = story_bank(store)
    [story] = bank["stories"]
    assert story["questions"] == ["Q4"] and story["off_topic"] == ["Q13"]
    assert "Q13" in {u["question_id"] for u in bank["uncovered"]}
    shown = run_cli("stories", env={"COLUMNS": "200"})
    assert "Q4 (told for Q13, which it does not answer)" in shown.stdout


def test_a_question_answered_only_in_general_terms_stays_uncovered(rehearse_home, tmp_path):
    """A tryout's "I usually sit with new starters..." answer to the documentation question
    was listed as a story that answered it; no one time was told."""
    general = tmp_path / "general.txt"
    general.write_text("Whenever someone new joins the team, I usually sit with them for their first week. I always "
                       "write down the questions they ask and I add the answers to our wiki. I think a good knowledge "
                       "base saves everyone time. I'm the person people come to when they cannot find something.")
    with History() as store:
        report = analyze_path(general, question_id="Q14")
        assert next(c for c in report["checks"] if c["id"] == "story")["status"] == "warn"
        store.save(report, general)
        bank = story_bank(store)
    [story] = bank["stories"]
    assert story["questions"] == [] and story["in_general"] == ["Q14"]
    assert "Q14" in {u["question_id"] for u in bank["uncovered"]}
    # ... nor is it a story to retell for another question (a second tryout's was suggested).
    assert all(u["best_story"] != story["id"] for u in bank["uncovered"])
    shown = " ".join(run_cli("stories", env={"COLUMNS": "200"}).stdout.split())
    assert "Q14 answered in general terms: tell one time" in shown


def test_an_answer_too_short_to_be_a_story_is_not_called_general(rehearse_home, tmp_path):
    """A tryout's 17-word take was listed as "answered in general terms: tell one time",
    where its report said "Too little to be a story yet"."""
    brief = tmp_path / "brief.txt"
    brief.write_text("I stayed calm, I called the doctor and the patient was fine in the end.\n")
    with History() as store:
        report = analyze_path(brief, question_id="Q1")
        assert next(c for c in report["checks"] if c["id"] == "story")["message"].startswith("Too little to be a story")
        store.save(report, brief)
        bank = story_bank(store)
    [story] = bank["stories"]
    assert story["questions"] == [] and story["in_general"] == [] and story["too_little"] == ["Q1"]
    assert all(u["best_story"] != story["id"] for u in bank["uncovered"])
    shown = " ".join(run_cli("stories", env={"COLUMNS": "200"}).stdout.split())
    assert "Q1 told in too few words to count: tell the whole story" in shown and "general terms" not in shown


# Written for this test: a mentoring story that holds the comfort-zone question's cue words
# (a newcomer who "had never worked a press", "nervous", "rehearsed").
MENTOR = ("Last spring a new apprentice, Tomas, joined our print shop, and he had never worked a press before. "
          "He was nervous and kept asking the others to run his jobs for him. My manager asked me to mentor him "
          "for his first two months. I paired with him every morning on the small press and let him run the jobs "
          "while I watched. I wrote him a one-page checklist for the setup and we rehearsed the colour changes "
          "together. Each Friday we looked at his spoiled sheets and what caused them. By the end of the two months "
          "he ran the small press on his own, his waste went from about one sheet in ten to one in fifty, and "
          "now he trains the newer apprentices himself.")


def bank_sentences(path):
    return analyze_path(path)["sentences"]


def test_a_story_is_suggested_only_for_a_question_it_is_as_much_about(rehearse_home, tmp_path):
    """A new user's mentoring story was suggested for "stepped outside your comfort zone" on
    a newcomer's nerves: the cues fit it, the model reads it as mentoring (0.996 to 0.003)."""
    mentor = tmp_path / "mentor.txt"
    mentor.write_text(MENTOR)
    with History() as store:
        store.save(analyze_path(mentor, question_id="Q13"), mentor)
        bank = story_bank(store)
    [story] = bank["stories"]
    from rehearse.analysis.relevance import assess

    assert assess([s["text"] for s in bank_sentences(mentor)], "Q24").verdict == "fits"  # the cues fit it...
    suggested = {u["question_id"] for u in bank["uncovered"] if u["best_story"] == story["id"]}
    assert "Q24" not in suggested  # ... but it is no comfort-zone story
