"""STAR labeling: per-label examples, missing and reordered sections, explanations, and
the accuracy floor on the labeled evaluation sets."""


import pytest

from eval import star_eval
from rehearse.analysis.answer import analyze_transcript
from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.star import label_sentences
from rehearse.analysis.transcript import from_text

COMPLETE = """So at my last job our deploys were done by hand and took three hours every Friday.
It was my job to fix that before the holidays.
First I wrote down every step people actually did.
Then I built a pipeline that rolled out one server at a time.
I added an automatic rollback when the health check failed.
In the end deploys went from three hours to fifteen minutes."""


def labels(text: str) -> list[str]:
    return [lab.label for lab in label_sentences(split_sentences(from_text(text).words))]


def test_a_complete_spoken_answer_gets_each_part_in_order():
    assert labels(COMPLETE) == ["situation", "task", "action", "action", "action", "result"]


def test_an_answer_that_stops_after_the_actions_has_no_result():
    without_result = "\n".join(COMPLETE.splitlines()[:-1])
    analysis = analyze_transcript(from_text(without_result))
    assert analysis.star.missing == ["result"]


def test_an_answer_that_opens_with_the_result_is_out_of_order():
    reordered = ("The short version is that I cut our deploy time from three hours to fifteen minutes.\n"
                 + "\n".join(COMPLETE.splitlines()[:-1]))
    analysis = analyze_transcript(from_text(reordered))
    assert analysis.labels[0].label == "result"
    assert analysis.star.in_order is False
    assert analysis.star.missing == []


@pytest.mark.parametrize("sentence,label", [
    ("Back in 2021 I was working at a small fintech startup.", "situation"),
    ("My manager asked me to take over the on-call rotation.", "task"),
    ("I sat down with each engineer and I rewrote the alerts.", "action"),
    ("What I learned is that data takes the heat out of an argument.", "result"),
])
def test_single_cues_pull_their_label(sentence, label):
    scores = label_sentences(split_sentences(from_text(sentence).words))[0].scores
    assert max(scores, key=scores.get) == label


def test_every_label_names_the_cues_that_chose_it():
    labeled = label_sentences(split_sentences(from_text(COMPLETE).words))
    assert "workplace" in labeled[0].cues
    assert "on_me" in labeled[1].cues
    assert "i_did" in labeled[3].cues
    assert {"outcome", "before_after"} <= set(labeled[-1].cues)


def test_asides_to_the_interviewer_are_other():
    assert labels("That's a great question.\n" + COMPLETE + "\nDoes that answer your question?")[::7] == ["other", "other"]


def test_share_adds_up_to_at_most_one_and_action_is_largest():
    star = analyze_transcript(from_text(COMPLETE)).star
    assert sum(star.share.values()) == pytest.approx(1.0, abs=0.01)
    assert star.largest == "action"


def test_accuracy_on_the_labeled_sets_stays_above_the_floor():
    """Floors a little under today's measured figures, so a regression fails loudly."""
    answers = star_eval.load_spoken()
    guide = star_eval.DEFAULT_GUIDE
    if guide.exists():
        answers += star_eval.load_guide(guide)
    by_set: dict[str, list] = {}
    for answer in answers:
        by_set.setdefault(answer.set, []).append(star_eval.score_answer(answer)[:3])
    floors = {"spoken-dev": (0.95, 0.95), "spoken-heldout": (0.92, 0.9), "guide": (0.88, 0.9)}
    for name, rows in by_set.items():
        accuracy = sum(r[0] for r in rows) / sum(r[1] for r in rows)
        exact = sum(r[2] for r in rows) / len(rows)
        assert accuracy >= floors[name][0], name
        assert exact >= floors[name][1], name
