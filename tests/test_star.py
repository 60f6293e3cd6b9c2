"""STAR labeling: the learned labeler on complete, incomplete and reordered answers, its
evidence, "missing" only when sure, and the figures on the labeled sets."""

import json
import subprocess
import sys

import pytest

from eval import star_eval
from eval.star_data import EXTERNAL, load_all
from rehearse.analysis.answer import analyze_transcript
from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.star import MODEL_PATH, STAR, label_sentences, load_model
from rehearse.analysis.transcript import from_text
from tests.conftest import ROOT

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
    star = analyze_transcript(from_text(COMPLETE)).star
    assert star.missing == [] and star.unsure == []
    assert all(star.confidence[part] > 0.9 for part in STAR)


def test_an_answer_that_stops_after_the_actions_has_no_result():
    without_result = "\n".join(COMPLETE.splitlines()[:-1])
    star = analyze_transcript(from_text(without_result)).star
    assert star.missing == ["result"]
    assert star.confidence["result"] < load_model().missing_below["result"]


def test_an_outcome_told_inside_a_step_is_not_a_missing_result():
    """A third tryout's answer ended on a step with its outcome ("I moved everything to a
    booking tool, and the double bookings stopped completely"), read as a step; the model
    was then sure there was no result, and the report said so. Evidence of an outcome makes
    it "not clear", quoting that sentence."""
    steps = "\n".join(COMPLETE.splitlines()[:-1])
    text = steps + "\nI also moved the release notes into the pipeline, and the Friday failures stopped completely."
    analysis = analyze_transcript(from_text(text))
    star = analysis.star
    assert not star.present["result"] and star.missing == [] and star.unsure == ["result"]
    assert "Friday failures stopped" in analysis.sentences[star.closest["result"][0]].text
    # ... and not for a clause that tells no outcome of the story (the labeled answers' steps
    # hold none of these; `python -m eval.star_eval` moves no figure).
    from rehearse.analysis.answer import _OUTCOME_CLAUSE, _OUTCOME_MOVE, _outcome_told
    for step in ("I wrote a guide with the fix that had worked before.", "I moved my classes first, so I could show what worked.",
                 "Then the form dropped everything into one sheet.", "The staff said they were happy to help."):
        assert not _OUTCOME_CLAUSE.search(step) and not _OUTCOME_MOVE.search(step), step
    # A setback mid-story, more steps after it, is no result (a review's).
    setback = split_sentences(from_text(steps + "\nThe manager cut the budget anyway, and the complaints increased."
                                        "\nSo I proposed a new rota.\nI also wrote up the costs for the director.").words)
    steps_only = [type("L", (), {"label": "action"})()] * len(setback)
    assert _outcome_told(setback, steps_only) is None


def test_an_answer_that_ends_on_a_vague_lesson_has_no_clear_result():
    """A third tryout's answers ended "I learned a lot... it was a very valuable experience"
    and were told "Result found"; a coach asks how it turned out."""
    from rehearse.analysis.answer import VAGUE_LESSON
    from rehearse.checks import star as star_check

    steps = "\n".join(COMPLETE.splitlines()[:-1])
    text = steps + "\nI learned a lot from this experience.\nIt was a very valuable experience for me."
    analysis = analyze_transcript(from_text(text))
    assert not analysis.star.present["result"] and "result" in analysis.star.unsure
    assert [lab.cues for lab in analysis.labels[-2:]] == [(VAGUE_LESSON,)] * 2
    result = star_check.run(analysis)
    assert result.status == "warn" and result.tip.startswith("Your answer ends on a lesson")
    # A lesson after an outcome leaves the result alone.
    assert analyze_transcript(from_text(COMPLETE + "\nI learned a lot from it.")).star.present["result"]
    # Growth said of oneself is no outcome either (a fourth tryout's answer was told "Result found").
    grown = steps + "\nIt was a really valuable experience.\nI think it made me a better manager, and it showed me this is the way I want to go."
    analysis = analyze_transcript(from_text(grown))
    assert not analysis.star.present["result"] and "result" in analysis.star.unsure
    # ...but a lesson said beside the outcome leaves the outcome a result (a review's case).
    told = steps + "\nLate shipments fell from twelve a week to two, and it made me a better manager."
    assert analyze_transcript(from_text(told)).star.present["result"]


def test_an_answer_that_opens_with_the_result_is_out_of_order():
    reordered = ("The short version is that I cut our deploy time from three hours to fifteen minutes.\n"
                 + "\n".join(COMPLETE.splitlines()[:-1]))
    analysis = analyze_transcript(from_text(reordered))
    assert analysis.labels[0].label == "result"
    assert analysis.star.in_order is False
    assert analysis.star.missing == []


def test_my_task_with_an_aside_before_its_verb_is_the_task():
    text = ("One summer I worked in a parcel warehouse on the packing benches.\n"
            "My task, which I set myself and then agreed with the shift supervisor, was to stop the queue at the "
            "printer.\n"
            "I timed the queue for three shifts and moved the spare printer to the middle of the line.\n"
            "After that we made the six o'clock van every day, and the queue went from twelve people to two.")
    analysis = analyze_transcript(from_text(text))
    assert analysis.labels[1].label == "task" and "my_job" in analysis.labels[1].cues
    assert "task" not in analysis.star.missing and "task" not in analysis.star.unsure


def test_gave_me_the_task_is_the_task():
    # A second tryout's answer (an ICU nurse's, written for this project) was "task not clear".
    text = ("In twenty twenty-two, our hospital in Dubai had a JCI accreditation survey, and six weeks before the survey, "
            "our ICU audit showed we were only at sixty percent compliance on medication labelling and patient "
            "identification. My director gave me the task to bring the ICU to at least ninety percent before the "
            "surveyors came. First I looked at the audit results and I picked the three items that failed most often. "
            "Then I made a weekly plan. I did a fifteen-minute huddle at every shift change, where I showed one standard "
            "with a real example from our own unit. I audited ten charts myself every day and I gave feedback to each "
            "nurse the same day, privately. In the end, our compliance went from sixty percent to ninety-six percent in "
            "six weeks, and the ICU passed the survey with no findings on medication safety.")
    analysis = analyze_transcript(from_text(text))
    [given] = [i for i, sentence in enumerate(analysis.sentences) if "gave me the task" in sentence.text]
    assert analysis.labels[given].label == "task" and "task" not in analysis.star.unsure + analysis.star.missing


def test_a_result_said_first_as_a_headline_then_told_in_order_is_in_order():
    # A fourth tryout's answer opened on its result, then told the story to its result
    # again, and was told "Tell it in order".
    headline = "The short version is that I cut our deploy time from three hours to fifteen minutes.\n" + COMPLETE
    analysis = analyze_transcript(from_text(headline))
    assert analysis.labels[0].label == "result" and analysis.labels[-1].label == "result"
    assert analysis.star.in_order is True


# Written for these tests: a result said only as the opening headline.
HEADLINE_ONLY = """I rebuilt our invoice matching, and it cut the month-end close from six days to two.
Every month the finance team matched about four thousand supplier invoices by hand.
It was my job to make the close faster without losing any checks.
I sat with the two clerks for a week and wrote down each step they took.
Then I built a matcher that paired invoices with orders by amount and date.
I added a queue for the cases it could not pair, so a clerk looked at those only."""


def test_a_result_said_only_as_the_headline_is_the_result_told_first():
    # A new user's answer told its outcome only first, and was told "result not clear" and
    # "no number in the result".
    from rehearse.checks import run_checks

    analysis = analyze_transcript(from_text(HEADLINE_ONLY))
    assert analysis.labels[0].label == "result" and analysis.labels[0].cues == ("a measured outcome said first",)
    assert analysis.star.present["result"] and not analysis.star.in_order
    results = {r.id: r for r in run_checks(analysis)}
    assert results["metrics"].status == "pass"
    assert results["star"].tip.startswith('End on the result too: you said it first ("I rebuilt our invoice matching')


# Written for this test: the result announced first, alone before a colon, then told as a
# change the speaker's step brought (a tryout's, typed: "no result" was asserted).
ANNOUNCED_FIRST = """So the result first: our clinic's missed appointments went from about one in six to one in twenty after I brought in text reminders.
This was at a dental practice with three dentists and a lot of no-shows on Mondays.
The practice manager asked me to cut the gaps in the book before the summer.
I looked at two months of missed bookings and rang ten of the patients to ask why.
Then I set up a reminder text two days before each appointment, with a reply to cancel."""


@pytest.mark.parametrize("opening", ["So the result first:", "Okay, the outcome up front -", "The short version:"])
def test_a_result_the_speaker_announces_first_is_the_result(opening):
    from rehearse.checks import run_checks

    analysis = analyze_transcript(from_text(ANNOUNCED_FIRST.replace("So the result first:", opening)))
    announced = [i for i, s in enumerate(analysis.sentences) if "missed appointments" in s.text]
    assert announced and all(analysis.labels[i].label == "result" for i in range(announced[0] + 1))
    assert "result" not in analysis.star.missing and analysis.star.present["result"]
    assert {r.id: r for r in run_checks(analysis)}["star"].tip.startswith("End on the result too")


# Written for this test: what the speaker gained, told in the first person after the steps.
GAINED = """Last year our warehouse moved to a new picking system, and I had never used a scanner gun.
Every picker had to pass the system assessment within a month to keep working the morning shift.
I practised on the training floor after my shifts and asked the shift lead to quiz me.
I wrote my own card of the error codes and kept it in my pocket.
After three weeks, I passed the system assessment on the first attempt.
I was back on the morning shift a week before the deadline."""


def test_what_the_speaker_gained_after_the_steps_is_the_result():
    # A new user's "After seven weeks, I passed the competency assessment" read as a step.
    analysis = analyze_transcript(from_text(GAINED))
    assert [label.label for label in analysis.labels][-2:] == ["result", "result"]
    assert analysis.labels[-2].cues == ("what you gained, after your steps",)



# A task named outright, with more of the scene told after it (a tryout's answer, written
# for us by a helper playing a store manager).
TASK_THEN_SCENE = """We reduced the waste in fresh fruit and vegetables by thirty-five percent in six months, from around nine thousand euros a month to less than six thousand.
This was in 2021, in my store in Madrid.
Our shrink in fruit and vegetables was the highest of the region, and the regional director asked me to bring it down.
My goal was to cut the waste by at least twenty percent before the end of the year.
The bottleneck was in the morning: the fruit arrived at seven, but the team only had time to put the new boxes in front, so the old fruit stayed behind and went bad.
First I spent three mornings on the floor with the team, with a stopwatch, to see where the time went.
I saw that the reception of the delivery took fifty minutes because one person checked every box against the paper.
I changed the process: I asked the supplier to send the delivery note by email the night before, and I trained two people to check only by scanner.
With the time we saved, I made a rule of rotation, first in, first out, and I created a small table for the reduced-price products at the entrance.
At the end of the year we were the third store with less waste in the region, and the reception time went down to twenty minutes."""
GOAL = "My goal was to cut the waste by at least twenty percent before the end of the year."


@pytest.mark.parametrize("task", [
    GOAL,
    "My task was to cut the waste by at least twenty percent before the end of the year.",
    "I was responsible for cutting the waste by at least twenty percent before the end of the year.",
])
def test_a_task_named_outright_is_the_task_with_more_scene_after_it(task):
    analysis = analyze_transcript(from_text(TASK_THEN_SCENE.replace(GOAL, task)))
    assert analysis.labels[3].label == "task"
    assert "task" not in analysis.star.missing and "task" not in analysis.star.unsure


@pytest.mark.parametrize("who", [
    # who one was, not what was to be done (a held-out answer, seen; a review's)
    "I was the only one there who knew the ordering system.",
    "I was responsible for a team of twelve people in the fruit section.",
    "My role at the time was manager of the fresh section.",
])
def test_who_one_was_is_not_named_as_the_task(who):
    told = TASK_THEN_SCENE.replace(GOAL, who)
    labels = analyze_transcript(from_text(told)).labels
    assert labels[3].cues != ("says it is the task",)
    # (the sentence before it, "the regional director asked me to bring it down", is a task
    # given to the speaker: it is read as the task where nothing names it outright)
    assert labels[2].cues == ("says it is the task",)


# Steps told with "we", and no outcome (our own, after a tryout's "we" answer).
WE_STEPS_NO_RESULT = """Last winter our bakery lost its flour supplier two weeks before Christmas.
The shelves were nearly empty and the orders for the holidays were already taken.
The owner told me we had to keep every order for the Christmas week.
So we split the team into two shifts.
We called the other bakeries in town and we borrowed flour from them.
We also found a mill outside the city that could deliver on Saturdays.
We moved two people from the night shift to the mornings.
We worked very hard, everybody was doing extra hours, it was a long week for all of us."""


def test_steps_told_with_we_and_no_outcome_are_the_action_and_the_result_is_missing():
    analysis = analyze_transcript(from_text(WE_STEPS_NO_RESULT))
    assert [lab.label for lab in analysis.labels][3:] == ["action"] * 5
    assert analysis.labels[4].cues == ("a step, not what came of it",)
    assert analysis.star.missing == ["result"]


@pytest.mark.parametrize("ending", [
    # (a review's) a last sentence with a measure, or a goal reached, is the outcome
    "We served over 300 more customers a day than the year before.",
    "We kept the queue under five minutes all December.",
    "We signed up 40 new loyalty members in the first week.",
    "We hit our sales target for the quarter.",
    # (a held-out answer's, seen) what came of the steps, told of someone else first
    "She agreed to wait three days, the flour came in, and we made every cake on the list.\n"
    "And after that, the owner started giving me the Christmas orders to plan.",
])
def test_a_measured_or_reached_ending_after_we_steps_is_no_missing_result(ending):
    told = WE_STEPS_NO_RESULT.rsplit("\n", 1)[0] + "\n" + ending
    assert "result" not in analyze_transcript(from_text(told)).star.missing


def test_an_outcome_after_steps_told_with_we_is_still_the_result():
    told = WE_STEPS_NO_RESULT + "\nEvery Christmas order went out on time, and we sold out by the twenty-third."
    analysis = analyze_transcript(from_text(told))
    assert analysis.labels[-1].label == "result"
    assert analysis.star.missing == []


# An answer that ends on its steps, told with "I" (a tryout's, written for us by a helper
# playing a payments engineer).
I_STEPS_NO_RESULT = """About two years ago I was the on-call lead for the payments platform when we got paged at two in the morning because customers were being charged twice.
A downstream card processor had started timing out, and our charge service retried every timed-out request three times with no backoff, so one slow dependency turned into a retry storm.
My job as incident commander was to stop the double charges first and find the root cause second.
I declared a SEV1, opened the incident channel, and I turned off automatic retries with a feature flag so no new duplicates could be created.
Then I pulled the Kafka events from the charges topic and wrote a query that matched charges by card, amount and order id inside a five minute window.
I found that the retry path generated a new idempotency key on every attempt instead of reusing the original one, so the processor saw each retry as a brand new charge.
I paired with another engineer on a hotfix that reused the key, and I got it reviewed and deployed behind the flag."""


@pytest.mark.parametrize("ending", [
    # (a review's) a goal reached, said plainly, is an outcome
    "We launched on the planned date.", "We hit the deadline.", "We made the launch.",
    "I shipped it on the date we had promised.", "We signed the renewal that month.",
])
def test_a_goal_reached_after_the_steps_is_no_missing_result(ending):
    assert "result" not in analyze_transcript(from_text(I_STEPS_NO_RESULT + "\n" + ending)).star.missing


def test_no_words_have_no_parts():
    assert analyze_transcript(from_text("")).star.missing == list(STAR)


def test_an_answer_that_ends_on_its_steps_has_no_result():
    # A tryout's was told "Your result may be '...I got it reviewed and deployed...'" and scored 86.
    analysis = analyze_transcript(from_text(I_STEPS_NO_RESULT))
    assert analysis.star.missing == ["result"]
    told = I_STEPS_NO_RESULT + "\nThe double charges stopped within the hour, and we refunded every duplicate by morning."
    assert "result" not in analyze_transcript(from_text(told)).star.missing


@pytest.mark.parametrize("step", [
    "Then I passed the error card to the other new pickers.",
    # a review's: an exam word later in the sentence, a contract passed on, leads qualified
    "I passed the test plan and the audit checklist on to QA.",
    "I got the contract to legal by Friday.",
    "I qualified the leads before the call.",
    "I was selected to present the plan to the board.",
])
def test_a_step_that_passes_something_on_is_still_a_step(step):
    handed = GAINED.replace("After three weeks, I passed the system assessment on the first attempt.", step)
    assert analyze_transcript(from_text(handed)).labels[-2].cues != ("what you gained, after your steps",)


@pytest.mark.parametrize("opening", [
    "Checkout errors jumped from one percent to twelve percent after the release.",  # a move: the scene
    "I drove lorries for twelve years, and when my depot brought in a new system I joined the project.",  # a time
    # a review's: what was found, had or given
    "I noticed our refund rate had increased from 2% to 9% in one quarter.",
    "We got a $40,000 budget and three months to rebuild the intake.",
    "When I started, we had reduced headcount by 30%.",
    "In short, the clinic was losing $50,000 a month.",
])
def test_an_opening_that_sets_the_scene_is_no_headline_result(opening):
    analysis = analyze_transcript(from_text(opening + "\n" + HEADLINE_ONLY.split("\n", 1)[1]))
    assert not any(label.cues == ("a measured outcome said first",) for label in analysis.labels)


@pytest.mark.parametrize("line,sentence,label", [
    (1, "My manager asked me to take over the on-call rotation.", "task"),
    (1, "The goal was to cut the wait time in half before the holidays.", "task"),
    (1, "The owner asked me if I could find a better way to track the orders.", "task"),  # a new user's form
    (3, "I sat down with each engineer and I rewrote the alerts.", "action"),
    (5, "What I learned is that data takes the heat out of an argument.", "result"),
    (5, "The customer was so relieved that she wrote to my manager.", "result"),
])
def test_a_sentence_in_an_answer_gets_the_label_of_what_it_says(line, sentence, label):
    lines = COMPLETE.splitlines()
    lines[line] = sentence
    assert labels("\n".join(lines))[line] == label


def test_every_label_names_the_evidence_that_chose_it():
    labeled = label_sentences(split_sentences(from_text(COMPLETE).words))
    assert "on_me" in labeled[1].cues
    assert "i_did" in labeled[3].cues
    assert "outcome" in labeled[-1].cues or "measured_outcome" in labeled[-1].cues
    # Words that explain nothing ("the", "to") are never shown as evidence.
    assert not any(cue in ("word:the", "word:to", "word:and") for lab in labeled for cue in lab.cues)


def test_asides_to_the_interviewer_are_other():
    assert labels("That's a great question.\n" + COMPLETE + "\nDoes that answer your question?")[::7] == ["other", "other"]


def test_share_adds_up_to_at_most_one_and_action_is_largest():
    star = analyze_transcript(from_text(COMPLETE)).star
    assert sum(star.share.values()) == pytest.approx(1.0, abs=0.01)
    assert star.largest == "action"


def test_an_unclear_part_is_a_warning_with_the_closest_sentence_not_missing():
    from rehearse.checks import star as star_check

    # The steps, then a line that may or may not be the outcome.
    text = "\n".join(COMPLETE.splitlines()[:-1]) + "\nMy manager used it for the other teams too."
    analysis = analyze_transcript(from_text(text))
    star = analysis.star
    assert star.unsure == ["result"] and star.missing == [] and not star.present["result"]
    closest = analysis.sentences[star.closest["result"][0]].text
    result = star_check.run(analysis)
    assert result.status == "warn" and f'Your result may be "{closest}"' in result.tip
    assert result.points == star_check.POINTS_PER_PART * 3 + star_check.UNSURE_POINTS + star_check.IN_ORDER_POINTS \
        + star_check.ACTION_LARGEST_POINTS


def test_a_quoted_sentence_whisper_was_unsure_of_says_so():
    """A new user's "oh five forty, forty minutes late" was heard as "0.5 for D for D
    minutes" and quoted with "say the outcome plainly": the words Whisper was unsure of
    are named, so a person listens back before rewriting an answer that was fine."""
    from dataclasses import replace

    from rehearse.checks import star as star_check

    text = "\n".join(COMPLETE.splitlines()[:-1]) + "\nMy manager used it for the other teams too."
    typed = from_text(text)
    last = text.splitlines()[-1].split()
    unsure_from = len(typed.words) - 4  # "for the other teams too." heard with little confidence
    words = tuple(replace(w, start=i * 0.4, end=i * 0.4 + 0.3, probability=0.2 if i >= unsure_from else 0.9)
                  for i, w in enumerate(typed.words))
    heard = replace(typed, words=words, kind="audio", audio_duration_s=len(words) * 0.4)
    result = star_check.run(analyze_transcript(heard))
    assert result.tip.endswith(f"(Whisper was unsure of 4 of its {len(last)} words: if that is not what you said, "
                               "listen back before changing the answer.)")
    assert "Whisper was unsure" not in star_check.run(analyze_transcript(typed)).tip  # typed: nothing was heard


def test_labeling_is_deterministic_and_fast():
    sentences = split_sentences(from_text(" ".join([COMPLETE] * 8)).words)
    first = [(lab.label, lab.cues, lab.scores) for lab in label_sentences(sentences)]
    assert first == [(lab.label, lab.cues, lab.scores) for lab in label_sentences(sentences)]
    answers = [a for a in load_all() if a.set in ("spoken-dev", "guide")]
    # The target is 50 ms (eval.star_eval measures it); the test allows for a busy machine.
    assert star_eval.labeling_ms(star_eval.three_minute_answer(answers), runs=5) <= 100


def test_the_shipped_model_is_data_with_its_provenance():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert "scripts/train_star.py" in data["about"]
    assert set(data["missing_below"]) == set(STAR)
    assert data["labels"] == ["situation", "task", "action", "result", "other"]


def test_figures_on_our_own_spoken_answers_stay_above_the_floor():
    """The shipped model on the spoken sets (dev is in its training data, held-out is not).
    Floors a little under the figures measured when the model was trained."""
    model = load_model()
    answers = load_all()
    floors = {"spoken-dev": (0.95, 0.9), "spoken-heldout": (0.9, 0.85)}
    for name, (words, complete) in floors.items():
        figures = star_eval.score_set(name, [a for a in answers if a.set == name],
                                      lambda answer: star_eval.analyze(answer, model))
        assert figures.word_accuracy >= words, (name, figures)
        assert figures.complete_exact >= complete, (name, figures)


@pytest.mark.slow
@pytest.mark.skipif(not EXTERNAL.exists(), reason="the public labeled answers (../shared/data) are not here")
def test_training_again_gives_the_committed_model():
    """The weights in the repository are what the script makes from the data (it trains
    the model and the 28 cross-validation models: about two minutes on two cores)."""
    result = subprocess.run([sys.executable, "-m", "scripts.train_star", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not EXTERNAL.exists(), reason="the public labeled answers (../shared/data) are not here")
def test_the_second_reader_labeled_every_public_sentence_and_agrees_closely():
    """The ceiling the labeler's word accuracy is read against: a second reader's labels
    cover every sentence as rehearse splits the public answers (a changed splitter would
    leave them pointing at other sentences), and agree with the sources' more often than
    the labeler does (eval/star_agreement.py prints the figures)."""
    result = subprocess.run([sys.executable, "-m", "eval.star_agreement"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    agreement = float(result.stdout.split("words labeled alike: ")[1].split("%")[0])
    assert agreement > 90.0, result.stdout


def test_a_one_sentence_answer_is_labeled_by_its_words_not_by_where_stories_start_and_end():
    # One sentence is both the start and the end of the answer: the start and end scores
    # would make this action a result (the rule was made for a public weak answer of this kind,
    # one sentence of the speaker's own steps, whose source's critique is "no result").
    labels = label_sentences(split_sentences(from_text("I rewrote the module and fixed the crashes.").words))
    assert [lab.label for lab in labels] == ["action"]
    labels = label_sentences(split_sentences(from_text("In the end we cut the wait time in half.").words))
    assert [lab.label for lab in labels] == ["result"]


@pytest.mark.parametrize("sentence", ["My job that night was to keep six patients safely dosed.",
                                      "My role on the project was to run the cutover.", "My job was to fix it.",
                                      # a tryout's, read as the situation: four words of role
                                      "My job as the pharmacist on call was to stop the wrong doses going out."])
def test_the_task_said_as_my_job_with_words_between(sentence):
    from rehearse.analysis.star import cue_hits

    assert "my_job" in [cue.name for cue in cue_hits(sentence)]


def _cues(sentence: str) -> list[str]:
    from rehearse.analysis.star import cue_hits

    return [cue.name for cue in cue_hits(sentence)]


def test_a_change_said_as_an_adjective_is_no_outcome_cue():
    # A tryout's decision, "I decided to take the alternate, at reduced speed", read as its result.
    assert "change" not in _cues("I chose the back road and drove it at reduced speed.")
    assert "change" not in _cues("The increased load meant the pumps ran all night.")
    assert "change" in _cues("That reduced the waiting list to nine people.")
    assert "change" in _cues("We finished the audit with fewer errors than any other ward.")  # (a review's)
    # A tryout's step, read as the result: a move is no change.
    assert "change" not in _cues("Then I dropped into her lesson for ten minutes twice a week.")
    assert "change" in _cues("Late deliveries dropped to two a month.")
    assert "change" in _cues("Complaints dropped by about a third.")


def test_a_short_version_said_as_a_thing_announces_nothing():
    # A review's: a step and a scene.
    assert "short_version" not in _cues("I wrote a short version of the policy for the night staff.")
    assert "short_version" not in _cues("The delays were hurting our bottom line.")
    assert "short_version" in _cues("The bottom line was that nobody lost a shift.")


@pytest.mark.parametrize("sentence", ["Bottom line up front: we moved the whole clinic in one weekend.",
                                      "Short version, we had the sound back in ten minutes."])
def test_a_headline_announced_as_such_is_an_outcome_cue(sentence):
    assert "short_version" in _cues(sentence)


# Written for these tests: what was achieved, said first as a headline, and nothing after
# the steps (a tryout's, whose headline was read as the situation and told "no result").
ACHIEVED_FIRST = """We passed the fire safety audit with no findings for our building, and our drill time went from nine minutes to four.
Two months before the audit, the landlord told us we had failed the last drill.
The facilities manager asked me to lead the work because I was the senior warden.
I walked every floor and listed the exits that were blocked or badly signed.
I ran a short drill with each floor in turn and timed it myself.
I put a chart by the lifts with each floor's time every week."""


def test_what_was_achieved_said_first_with_a_clean_sweep_is_the_result():
    analysis = analyze_transcript(from_text(ACHIEVED_FIRST))
    # (The model read the scene after it as more of the result: it is the scene again.)
    assert [lab.label for lab in analysis.labels[:4]] == ["result", "situation", "task", "action"]
    assert analysis.labels[0].cues == ("what was achieved, said first",)
    assert analysis.star.missing == [] and analysis.star.unsure == []
    # Said in two sentences, both halves are the headline.
    split = analyze_transcript(from_text(ACHIEVED_FIRST.replace(" building, and our", " building. And our"))).labels
    assert [lab.label for lab in split[:2]] == ["result", "result"]


@pytest.mark.parametrize("opening", [
    "We won the contract in 2019, and my job was to deliver it.",
    # (a review's) a sweep word in a later clause is no sweep of what was achieved
    "We won the contract in 2019, and early in 2020 the client changed the whole specification.",
    "We hit every deadline early in the first year, and then the new director cut our budget by half.",
])
def test_what_was_achieved_without_a_sweep_sets_the_scene(opening):
    analysis = analyze_transcript(from_text(opening + "\n" + ACHIEVED_FIRST.split("\n", 1)[1]))
    assert not any(lab.cues == ("what was achieved, said first",) for lab in analysis.labels)
    assert "result" in analysis.star.missing


def test_a_result_said_first_as_the_outcome_is_not_called_missing():
    # A review's: "In the end..." said first, with no measure nor sweep, says it is the outcome.
    opening = "In the end we got every patient moved safely, and the ward reopened the next morning."
    star = analyze_transcript(from_text(opening + "\n" + SCENE_NO_RESULT)).star
    assert "result" not in star.missing


# Written for this test: no result at all, and a scene whose "stopped working" the model
# may take for an outcome (a tryout's "Your result may be 'The drug library on all the pumps
# stopped working'").
SCENE_NO_RESULT = """It was a late shift in spring, and the print room had trouble with the binding machine.
The glue unit on the main binder stopped working after a service, at nine in the evening.
We had two hundred thesis copies due at the library by the morning.
I was the supervisor on the floor, so it was my job to get the copies bound on time.
First I called the engineer and the night manager.
Then I asked two printers to bind the copies with the old hand press, and I checked each one.
I borrowed a second press from the art school next door."""


def test_a_result_that_could_only_be_a_scene_before_the_steps_is_missing():
    star = analyze_transcript(from_text(SCENE_NO_RESULT)).star
    assert star.missing == ["result"] and star.unsure == []


# Written for these tests: a story told in the present, with "we" (a tryout's such answer had
# every step labeled as its result).
TOLD_IN_THE_PRESENT = """We're three weeks from the launch of the new booking app, and the payment page keeps failing for about one in ten users.
We need to find the bug before the marketing campaign starts.
We pull the logs from the last week and we sort the failures by phone model.
We see that almost all of them are older Android phones.
We test on six of those phones and we reproduce it on two.
We rewrite the card form so it doesn't depend on the new browser feature.
We ship the fix four days before the launch.
The failure rate drops to under half a percent, and the launch goes ahead on the planned date."""


def test_a_story_told_in_the_present_is_labeled_as_if_told_in_the_past():
    analysis = analyze_transcript(from_text(TOLD_IN_THE_PRESENT))
    labels = [lab.label for lab in analysis.labels]
    assert labels[:3] == ["situation", "situation", "task"] and labels[3:6] == ["action"] * 3
    assert labels[-1] == "result" and analysis.star.missing == [] and analysis.star.unsure == []
    # The same story told in the past is labeled the same way.
    from rehearse.analysis.tense import in_the_past

    past = analyze_transcript(from_text(in_the_past(TOLD_IN_THE_PRESENT)))
    assert [lab.label for lab in past.labels] == labels


@pytest.mark.parametrize("said,told", [
    ("We pull the logs and she tells me to wait.", "We pulled the logs and she told me to wait."),
    ("So it's a Friday and I'm the only manager.", "So it was a Friday and I was the only manager."),
    ("I also try it and we ship it.", "I also tried it and we shipped it."),
    ("I told him \"I have some notes\" and we go on.", "I told him \"I have some notes\" and we went on."),
    ("We need to fix it.", "We needed to fix it."),
    ("I would say it works.", "I would say it works."),  # no verb told in the present after "I"
])
def test_the_verbs_after_a_pronoun_are_put_in_the_past(said, told):
    from rehearse.analysis.tense import in_the_past

    assert in_the_past(said) == told


def test_only_a_story_told_in_the_present_is_read_as_told_in_the_past():
    from rehearse.analysis.tense import told_in_the_present

    assert told_in_the_present(TOLD_IN_THE_PRESENT.splitlines())
    assert not told_in_the_present(COMPLETE.splitlines())
    # Talk in general and opinions are present on purpose; quotes are as said then.
    assert not told_in_the_present(["I always check the logs first.", "I think testing is key.",
                                    "I usually ask the team.", "I believe we learn a lot."])
    assert not told_in_the_present(['I told her: "I see it, I get it, I fix it."', "Then I rebuilt the form."])


# Written for this test: no step at all, and a scene sentence of people busy doing things,
# before the task and the result (a tryout's "Your action may be 'Teachers were spending eight to ten hours
# a week writing comments'").
NO_ACTION = """In my unit, our incident paperwork was out of hand.
Nurses were spending six to eight hours a week writing reports that nobody read.
I was given the job of bringing in a shorter report form across the three surgical wards, which was about forty nurses.
By the end of the year, report time had fallen to about two hours a week, and in the staff survey, satisfaction with paperwork went from twenty percent to sixty-five percent."""


def test_an_action_that_could_only_be_the_scene_before_the_task_is_missing():
    star = analyze_transcript(from_text(NO_ACTION)).star
    assert "action" in star.missing and "action" not in star.unsure


@pytest.mark.parametrize("charge, is_task", [
    # a tryout's (a retired army sergeant), told "task not clear": a charge held is the task
    ("I was the troop sergeant responsible for the loading plan for all sixty vehicles.", True),
    ("I was the one responsible for the new booking system.", True),
    # ... a charge of people or a place is who one was
    ("I was the sergeant in charge of the night shift, about forty soldiers.", False),
])
def test_a_charge_held_is_the_task_when_none_is_named(charge, is_task):
    text = (f"Two years ago our depot had to move to a new site in a single weekend. {charge} "
            "The date was fixed by the end of the lease and could not move. "
            "I split the drivers into two crews and I walked every route with each crew. "
            "I rang the rack supplier and got two fitters for the Friday night. "
            "In the end every pallet was on its new rack by Sunday evening, and we opened on Monday with no lost stock.")
    analysis = analyze_transcript(from_text(text))
    [held] = [i for i, sentence in enumerate(analysis.sentences) if sentence.text.startswith("I was the")]
    assert (analysis.labels[held].label == "task") is is_task


def test_the_action_is_set_against_the_outcome_not_the_lesson():
    # A tryout's answer, one lesson sentence added as the follow-up asked, was told "the
    # result is longer than the action" and to make the action the longest part.
    from rehearse.checks import star as check

    told = ("Last spring I worked at the campus cafe and the lunch queue was out of the door. "
            "My manager asked me to get the queue down before exams. "
            "I timed the orders for a week and I moved the card reader to the end of the counter. "
            "Then I set up a pre-order sheet for the regulars. "
            "The queue went from fifteen minutes to about five. ")
    lesson = ("What I learned from it is that measuring the problem first, even with just a stopwatch and a notebook, "
              "makes it much easier to convince a manager, and I have done the same in every job and project since then.")
    plain = check.run(analyze_transcript(from_text(told)))
    with_lesson = analyze_transcript(from_text(told + lesson))
    assert with_lesson.star.lesson_share > 0 and with_lesson.star.largest == "result"
    assert check.run(with_lesson).status == plain.status and "longer than the action" not in check.run(with_lesson).message
