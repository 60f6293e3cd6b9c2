import json

import pytest

from rehearse import prompts
from rehearse.errors import QuestionError
from tests.conftest import ROOT


def test_all_25_questions_with_ids_categories_and_text():
    questions = prompts.questions()
    assert [q.id for q in questions] == [f"Q{i}" for i in range(1, 26)]
    assert all(q.text.endswith((".", "?")) and q.category for q in questions)
    assert len(prompts.categories()) == 10


def test_question_lookup_is_case_insensitive_and_accepts_a_number():
    assert prompts.question("q4").id == "Q4"
    assert prompts.question("7").id == "Q7"
    assert prompts.question("Q04").id == "Q4" and prompts.question("025").id == "Q25"  # a new user's "Q04"
    assert "disagreement" in prompts.question("Q4").text


@pytest.mark.parametrize("bad", ["Q0", "Q26", "Q00", "hello", "", "Q4a"])
def test_unknown_question_names_the_valid_range(bad):
    with pytest.raises(QuestionError, match="Q1 to Q25"):
        prompts.question(bad)


def test_category_filter_and_unknown_category():
    assert [q.id for q in prompts.questions("conflict")] == ["Q4", "Q5", "Q6"]
    with pytest.raises(QuestionError, match="categories are"):
        prompts.questions("astronomy")


def test_star_definitions_and_check_tips_quote_the_guide():
    definitions = prompts.star_definitions()
    assert definitions["action"].startswith("Explain the specific steps you took")
    assert prompts.check_tip("length") == "Keep responses 1-3 minutes (aim for 90 seconds)"


@pytest.mark.skipif(not (ROOT.parent / "shared" / "guide").exists(), reason="the guide is not beside the project")
def test_prompts_are_up_to_date_with_the_guide(tmp_path):
    from scripts import build_prompts

    guide = (ROOT.parent / "shared" / "guide" / "behavioral-interview-guide.md").read_text(encoding="utf-8")
    questions, guide_data = build_prompts.parse_guide(guide)
    committed = json.loads((ROOT / "prompts" / "questions.json").read_text(encoding="utf-8"))
    assert committed["questions"] == questions
    assert json.loads((ROOT / "prompts" / "guide.json").read_text(encoding="utf-8"))["check_tips"] == guide_data["check_tips"]
