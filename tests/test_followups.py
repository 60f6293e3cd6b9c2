"""Follow-up questions: each rule with an answer that triggers it and one that does not.
The answers are written for these tests."""

from __future__ import annotations

import pytest

from rehearse.analysis.answer import analyze_transcript
from rehearse.analysis.transcript import from_text
from rehearse.checks import run_checks
from rehearse.checks.followups import MAX_FOLLOW_UPS, ORDER, follow_ups, judge_follow_up
from tests.conftest import SAMPLES
from tests.test_checks import spoken

COMPLETE = (SAMPLES / "strong-q4.txt").read_text()


def asked(text: str, question_id: str | None = "Q4") -> dict[str, object]:
    analysis = analyze_transcript(from_text(text), question_id=question_id)
    return {f.id: f for f in follow_ups(analysis, run_checks(analysis))}


def test_a_complete_answer_with_a_lesson_and_a_change_gets_none():
    assert asked(COMPLETE) == {}


def test_off_topic_asks_for_a_story_about_the_question():
    found = asked(COMPLETE, "Q13")
    assert "off_topic" in found and "mentoring someone" in found["off_topic"].question
    assert found["off_topic"].expects == "story"
    assert "off_topic" not in asked(COMPLETE, "Q4")


def test_off_topic_names_what_the_story_is_about_only_when_the_check_does():
    # A garden story told for the mentoring question: off topic, and the model places it on
    # no other question clearly, so the check names none, and neither does the follow-up.
    # (Told "before the planting day in May", the sixth round's model reads it as a tight
    # deadline, clearly: then both name that.)
    garden = ("Last spring I volunteered at a community garden that had lost half its plots to weeds. The committee "
              "asked me to get the beds ready for the spring. I split the volunteers into pairs, gave "
              "each pair two beds, and I brought compost from the farm down the road every Saturday morning. I also "
              "made a chart on the shed door so everyone could see which beds were done. By planting day all forty "
              "beds were ready, and twelve new families signed up for a plot.")
    analysis = analyze_transcript(from_text(garden), question_id="Q13")
    found = {f.id: f for f in follow_ups(analysis, run_checks(analysis))}
    assert analysis.relevance.verdict == "off_topic" and not analysis.relevance.leans
    assert found["off_topic"].question == ("Can you tell me about a time that was clearly about mentoring someone or "
                                           "helping them grow their skills?")


def test_no_result_asks_how_it_turned_out():
    without = "\n".join(COMPLETE.splitlines()[:-4])  # the story stops after the actions
    assert asked(without)["result"].question == "How did it turn out? Can you put a number on it?"
    assert "result" not in asked(COMPLETE)


def test_we_in_the_action_asks_what_you_did_yourself():
    we = (SAMPLES / "we-heavy-q20.txt").read_text()
    found = asked(we, "Q20")
    assert found["own_actions"].question == "What did you do yourself?" and '"we"' in found["own_actions"].because
    assert "own_actions" not in asked(COMPLETE)


def test_a_result_without_a_number_asks_for_one():
    text = COMPLETE.replace("Billing incidents dropped from about eight a month to one, and we had zero downtime during the peak.",
                            "Billing became much calmer after that.")
    text = text.replace("three weeks before the holidays", "before the holidays")
    found = asked(text)
    assert "number" in found and "baseline" not in found
    assert "number" not in asked(COMPLETE)


def test_a_number_with_nothing_to_compare_asks_from_what_to_what():
    text = COMPLETE.replace("Billing incidents dropped from about eight a month to one, and we had zero downtime during the peak.",
                            "After that we had two billing incidents a month.")
    found = asked(text)
    assert "baseline" in found and found["baseline"].question.startswith('You said "two billing incidents a month"')
    assert "baseline" not in asked(COMPLETE)  # "from about eight a month to one"


@pytest.mark.parametrize("result", [
    "We fed all 150 guests on time.",  # the scene's number, told again
    "After eight months I was running the whole kitchen.",  # a duration says when
    "It saved the team about fifteen hours a week.",  # a difference already
    "We now answer 40 fewer calls a day.",
    "Six months later she trained two new servers for me.",  # a count of what was done
    "The report went from taking me four hours every Monday to about ten minutes.",  # its own baseline
    "We took about twelve thousand pounds in the first month.",  # "took" is no level ("to..." inside it)
    "I still trained twelve new engineers that quarter.",
    # a third tryout's: a record or a best is set against every time before
    "By Friday we had 212 sign-ups, which was our record.",
    "We served 96 covers, the most we had ever done on a Tuesday.",
])
def test_no_compared_with_what_for_numbers_that_need_no_baseline(result):
    # A new user's answers were asked "compared with what?" about each of these.
    text = COMPLETE.replace("Billing incidents dropped from about eight a month to one, and we had zero downtime during the peak.",
                            result).replace("billing handled about two million dollars a day",
                                            "billing handled a wedding for 150 guests")
    text = text.replace("three weeks before the holidays", "before the holidays")
    assert "baseline" not in asked(text)


def test_money_set_against_the_story_s_other_sum_needs_no_baseline():
    # A new user's budget story: "compared with what?" was asked of the sum that came in under it.
    result = "It came in at three thousand eight hundred pounds."
    text = COMPLETE.replace("Billing incidents dropped from about eight a month to one, and we had zero downtime during the peak.",
                            result)
    assert "baseline" in asked(text)  # billing's "two million dollars a day" sets no sum to beat
    budgeted = text.replace(result, "The budget was five thousand pounds. " + result)
    assert "baseline" not in asked(budgeted)


@pytest.mark.parametrize("result", [
    "Now each deploy takes about ten minutes.",  # a duration that measures the work
    "The average response time is now two hours.",
    "We cut the wait to ten minutes.",  # a level reached
    "We still had more than 40 complaints a month.",  # "more than" is an amount
    "We went live before Christmas and had 12 billing incidents a month.",  # "before Christmas" is no baseline
    "The job now runs in ten minutes.",
])
def test_compared_with_what_for_a_level_with_no_baseline(result):
    text = COMPLETE.replace("Billing incidents dropped from about eight a month to one, and we had zero downtime during the peak.",
                            result).replace("three weeks before the holidays", "before the holidays")
    assert "baseline" in asked(text)


def test_the_number_asked_about_is_the_outcome_not_the_scene_told_again():
    # A new user's nurse: "six patients" set the scene in the task and came back in the result.
    text = ("Last winter I was the charge nurse on a night shift when every infusion pump started rejecting heparin "
            "drips. My job that night was to keep six patients safely dosed until biomed could push a fix. I "
            "recalculated each rate by hand and had a second nurse double-check every number. I paged biomed every "
            "hour. By morning the pumps were back, all six patients stayed in range, and we had zero dosing errors.")
    analysis = analyze_transcript(from_text(text), question_id="Q1")
    found = {f.id: f for f in follow_ups(analysis, run_checks(analysis))}
    assert found["baseline"].question.startswith('You said "zero dosing errors"')
    metrics = {r.id: r for r in run_checks(analysis)}["metrics"]
    assert metrics.message.count('"six patients"') == 1 and metrics.message.startswith("2 metrics")
    assert "2 in the result" in metrics.message  # "six patients" and "zero dosing errors", each once


def test_a_change_with_no_old_value_still_asks_compared_with_what():
    text = COMPLETE.replace("Billing incidents dropped from about eight a month to one, and we had zero downtime during the peak.",
                            "Attendance at the billing reviews went up to 80 people.")
    found = asked(text)
    assert "baseline" in found and "went up to 80 people" in found["baseline"].question


def test_talk_in_general_asks_for_one_specific_time_first_and_judges_the_answer():
    habit = ("I'm a really strong communicator. Whenever there's a disagreement on my team, I always get everyone "
             "in a room. I usually find that most conflicts come from people not listening. I would make sure "
             "everyone feels heard.")
    found = asked(habit)
    assert list(found) == ["specific"] and found["specific"].expects == "specific"
    assert found["specific"].because == 'talks in general: "I\'m a really strong communicator."'
    probe = found["specific"]
    told = analyze_transcript(from_text("Last spring two designers on my team stopped talking to each other. I sat "
                                        "them down together and we agreed on one review a week."))
    assert judge_follow_up(told, probe).status == "pass"
    assert judge_follow_up(analyze_transcript(from_text(habit)), probe).status == "fail"


def test_no_lesson_asks_what_you_would_do_differently():
    without = COMPLETE.replace("What I learned is that data takes the heat out of a disagreement.", "")
    found = asked(without)
    assert "differently" in found["lesson"].question and "the answer ends" in found["lesson"].because
    assert "lesson" not in asked(COMPLETE)


def test_at_most_three_in_the_order_of_what_matters_most():
    thin = "We had a problem with the build. We fixed it together. Everyone was happy."
    analysis = analyze_transcript(from_text(thin), question_id="Q4")
    found = [f.id for f in follow_ups(analysis, run_checks(analysis))]
    assert len(found) == MAX_FOLLOW_UPS and found == sorted(found, key=ORDER.index)
    assert "own_actions" in found and "lesson" in found


# -- judging a spoken answer to a follow-up: each expectation, met and not met --------

from rehearse.checks.followups import FollowUp, judge_follow_up  # noqa: E402


def judged(text: str, expects: str, question_id: str = "Q4") -> str:
    probe = FollowUp("x", "the probe", "", expects)
    return judge_follow_up(analyze_transcript(from_text(text), question_id=question_id), probe).status


def test_a_follow_up_answer_is_judged_on_what_the_probe_asked_for():
    assert judged("It cut the failed payments to about forty a week.", "number") == "pass"
    assert judged("It went really well and everyone was happy with it.", "number") == "fail"
    assert judged("Failures went from two hundred a week to forty.", "baseline") == "pass"
    assert judged("We had forty failures a week after it.", "baseline") == "fail"
    assert judged("I wrote the script, I ran the tests and I talked to the client myself.", "i") == "pass"
    assert judged("We wrote the script and we ran the tests together.", "i") == "fail"
    assert judged("I learned to ask for the data first, and next time I would start there.", "lesson") == "pass"
    assert judged("Then we shipped it on a Friday.", "lesson") == "fail"
    story = (SAMPLES / "no-result-q13.txt").read_text()
    assert judged(story, "story", "Q13") == "pass"
    assert judged(COMPLETE, "story", "Q13") == "fail"


@pytest.mark.parametrize("answer, status", [
    # a tryout's "compared with what?" passed on "before" of "twelve hours before the meeting"
    ("I sent the report about twelve hours before the meeting, every week.", "fail"),
    ("It's about twenty hours a week now, much less than before.", "pass"),
    ("Now it's ten minutes. It was forty minutes before.", "pass"),
    ("Before, it took us a whole afternoon.", "pass"),
    ("Before it was three days, now it is one.", "pass"),
    # (a review's: the commonest way to say it)
    ("Before the new rota it took us three days to fill the gaps, and now it takes one.", "pass"),
    ("Before I started, the report took six hours.", "pass"),
])
def test_before_is_a_baseline_only_as_a_comparison(answer, status):
    assert judged(answer, "baseline") == status


def test_how_did_it_turn_out_is_answered_by_the_outcome_with_its_number():
    # A tryout: a step with a number ("every Monday for eight weeks") passed as an outcome.
    probe = FollowUp("result", "How did it turn out? Can you put a number on it?", "no clear Result", "outcome")

    def judge(text: str):
        return judge_follow_up(analyze_transcript(from_text(text), question_id="Q13"), probe)

    passed = judge("By the end of term, eleven of the nineteen passed, more than double the year before.")
    assert passed.status == "pass" and "How it turned out, with a number" in passed.message
    step = judge("I met him every Monday for eight weeks, and I gave him two targets each time.")
    assert step.status == "fail" and "in what you did, not in how it turned out" in step.message
    plain = judge("The queue more or less disappeared and we made the last van every day.")
    assert plain.status == "fail" and "but no number" in plain.message and "The queue more or less" in plain.message
    assert judge("Then I booked a room for the two of them.").status == "fail"
    # One sentence is read unreliably: an outcome said on its own is not taken for a step (a review's).
    for outcome in ("Eleven of the nineteen passed.", "We hit the deadline with two days to spare.",
                    "Response times were under two minutes after that."):
        assert judge(outcome).status == "pass", outcome


def test_keep_it_that_short_is_said_only_to_a_short_follow_up_answer():
    probe = FollowUp("x", "the probe", "", "number")
    short = judge_follow_up(analyze_transcript(spoken("Complaints fell by half within a month.", 12)), probe)
    long = judge_follow_up(analyze_transcript(spoken("Complaints fell by half within a month.", 42)), probe)
    assert short.tip == "That answers the probe: keep it that short."
    assert "keep it that short" not in long.tip and "20-40 seconds" in long.tip


def test_every_kind_of_number_can_answer_a_put_a_number_on_it_probe():
    from rehearse.analysis.metrics import KINDS
    from rehearse.checks.followups import TELLING_KINDS

    assert set(TELLING_KINDS) == set(KINDS)
    # A rating or a rank (kinds added later) answers it too.
    assert judged("Our guests rated us 4.6/5 after that.", "number") == "pass"
    assert judged("I ranked #3 out of 25 agents that quarter.", "number") == "pass"


def test_a_follow_up_answer_is_quoted_by_the_words_that_answer_the_probe():
    def message(text: str, expects: str) -> str:
        return judge_follow_up(analyze_transcript(from_text(text), question_id="Q13"),
                               FollowUp("x", "the probe", "", expects)).message
    # The change measures the outcome; "three months" only says when.
    said = message("Within three months her reviews went from about forty comments to five.", "number")
    assert '"from about forty comments to five"' in said and "three months" not in said
    # "myself" is an "I" word; the message names the kind of word and quotes a sentence with it.
    said = message("I wrote the rollback script myself. We tested it. I ran the release call.", "i")
    assert '"I" words (I, me, my...) 3 times, "we" words once' in said and '"I wrote the rollback script myself."' in said


def test_a_time_the_story_compares_with_elsewhere_is_not_asked_about_again():
    # A tryout: "compared with what?" was asked of "ten minutes" when the situation had
    # said the report used to take about an hour.
    told = ("Last year our weekly stock report used to take about an hour every Monday. My manager asked me to speed "
            "it up. I built a spreadsheet that pulls the till data. I showed the team how to use it. Now the report "
            "takes ten minutes.")
    assert "baseline" not in asked(told)
    assert "baseline" in asked(told.replace("used to take about an hour every Monday", "was done by hand every Monday"))


def test_no_action_asks_what_you_did():
    # A tryout's answer with no step told got only "What did you learn?".
    found = asked("Last spring our cafe kept running out of milk on Saturdays. I had to sort it out before the summer. "
                  "In the end we never ran out again and sales went up by ten percent.")
    assert found["own_actions"].question == "What exactly did you do? Walk me through your steps."


@pytest.mark.parametrize("told", [
    # A second tryout's answers: the time the story set it against, a window after the fix,
    # time lost on a plan.
    "Last month I was a new team lead at a call centre. My handle time was around twelve minutes when the team "
    "average was seven. I had to get it down. I listened to my calls and I wrote short scripts. My handle time "
    "came down to eight minutes. I learned to listen to myself.",
    "At my old job a certificate expired and the site went down for all users. I had to lead the fix. I found the "
    "expired certificate and renewed it. I set up an alert. In the two years since, we have had no certificate "
    "outages. I learned to watch expiry dates.",
    "We had a late delivery problem. I had to fix it. I changed the route plan. The van still got in three hours "
    "late once, but I learned that planning early is key.",
    # A third tryout's: the count the story set the scene with ("had four forklift accidents").
    "Our site had four forklift accidents in one quarter. The safety manager asked me to run refresher training. I "
    "ran short sessions at the start of every night shift. In the next two quarters we had zero forklift accidents. "
    "I learned that short sessions stick.",
    # A fourth tryout's (a retired sergeant): what it was timed at before, a margin, a first
    # time in years.
    "My morning briefings were too long and I had to fix them. I asked my boss to time the next one. It ran for "
    "twenty six minutes. I rewrote it on one sheet and practised it. In the end the briefing came down to eight "
    "minutes. I learned to cut what people can read.",
    "The ship sailed on Friday and I had to get sixty vehicles loaded. I split the troop into three shifts. I checked "
    "every load myself. In the end every vehicle was on the quay with four hours to spare. I learned to plan in shifts.",
    "Our stall kept losing money in winter and I had to turn it round. I moved it next to the station. I added hot "
    "drinks. In the end we made a profit in January for the first time in four years. I learned to follow the crowd.",
])
def test_compared_with_what_is_not_asked_where_the_story_compares(told):
    assert "baseline" not in asked(told)


@pytest.mark.parametrize("lesson", ["I learn that planning early is key.",
                                    "If I did it again I'd get the night staff involved earlier.",  # a second tryout's
                                    "What I took from it is that small steps add up.",
                                    "What that experience reinforced for me is that trust takes time.",
                                    # a new user's regret and the habit it left
                                    "What I regret is that I sized it for the load we had, not the load we were getting.",
                                    "Now before I pick a tool, I ask someone outside the team to argue against it."])
def test_a_lesson_said_in_other_words_is_heard(lesson):
    assert "lesson" not in asked(COMPLETE.replace("What I learned is that data takes the heat out of a disagreement.",
                                                  lesson))


@pytest.mark.parametrize("told", [
    # A review: a time in the action, one that says when, and "learn" as a task are no
    # baseline and no lesson.
    "Our weekly report was slow. My manager asked me to fix it. I took two weeks to build a new spreadsheet. "
    "Now the report takes ten minutes.",
    "Two weeks before the audit my manager asked me to tidy our records. I sorted every file. I trained the team. "
    "Now a search takes ten minutes.",
    "Our till system changed. I had to learn the new till system. I wrote a guide for the team. "
    "Now a refund takes two minutes.",
])
def test_a_time_that_compares_nothing_still_asks_compared_with_what(told):
    found = asked(told)
    assert "baseline" in found and "lesson" in found


@pytest.mark.parametrize("story", ["Now, when I got to the dock, nobody had started a manual plan.",  # a review's
                                   "Now, when I walked in, the line was already down."])
def test_a_story_going_on_with_now_is_no_lesson(story):
    assert "lesson" in asked(COMPLETE.replace("What I learned is that data takes the heat out of a disagreement.", story))
