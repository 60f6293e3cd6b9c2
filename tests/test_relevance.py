"""The relevance check: does the story answer the question asked? On our samples, on the
development answers it was tuned on (a guard against regressions; the held-out figures
are in the README), and as the report shows it."""

from __future__ import annotations

import time

import pytest

from eval.relevance_eval import load, score, sentences_of
from rehearse.analysis.answer import analyze_transcript
from rehearse.analysis.relevance import COMPETENCIES, assess, evidence
from rehearse.analysis.transcript import from_text
from rehearse.checks import relevance, run_checks
from rehearse.prompts import questions
from tests.conftest import SAMPLES, slow

STRONG = (SAMPLES / "strong-q4.txt").read_text()
# Written for this test: a day out with friends, told for "a disagreement at work".
OUTING = ("Last summer my friends and I planned a day at the beach. Some of us wanted pizza and some wanted burgers. "
          "I suggested we order pizza to the beach, so everyone could swim and eat together. We had a great day.")


def check(text: str, question_id: str):
    return relevance.run(analyze_transcript(from_text(text), question_id=question_id))


def test_a_disagreement_told_for_the_mentoring_question_fails_and_names_both():
    result = check(STRONG, "Q13")
    assert result.status == "fail" and result.points == result.max_points == 0
    assert "asks about mentoring someone" in result.message and "about a disagreement with a colleague" in result.message
    assert '"disagreement"' in result.message and "say who you helped grow" in result.tip


def test_the_same_story_fits_the_question_it_was_told_for_and_shows_why():
    result = check(STRONG, "Q4")
    assert result.status == "pass" and '"disagreement"' in result.message


def test_a_story_with_nothing_of_the_question_is_unsure_not_off_topic():
    result = check(OUTING, "Q4")
    assert result.status == "warn" and "little in the answer says so" in result.message


def test_a_story_that_holds_some_of_the_question_warns_and_names_what_it_leans_to():
    """The disagreement holds "disagreement" and "argued" of Q6 (mediating others'
    conflict): not nothing, so it is not called off topic; it may be more about Q4."""
    result = check(STRONG, "Q6")
    assert result.status == "warn"
    assert "may be more about a disagreement with a colleague" in result.message
    assert '"disagreement"' in result.message and '(the only words about the question: "disagreement", "argued")' in result.message


def test_a_story_only_just_over_chance_beside_one_plainly_about_another_question_is_unsure():
    # A nurse's tryout: a disagreement with a junior doctor fitted "mentored a junior
    # developer" on the one word "junior" (the model: 0.06 for it, 0.32 for a disagreement).
    told = ("Um, okay, so. Last winter on the surgical ward, I was the nurse in charge on a night shift, and one of the "
            "junior doctors, um, wanted to discharge an elderly patient first thing in the morning. I disagreed, because "
            "her sodium had dropped and she was, you know, more confused than the night before. My job was to keep her "
            "safe and still keep a good working relationship with the doctor. So I asked him to step into the office with "
            "me, away from the patient, and I showed him the trend in her bloods and the falls risk score. I said, look, "
            "I'm not questioning your judgement, I just want us both to see the same picture. He was, um, a bit defensive "
            "at first, so I suggested, sorry, I asked if we could ring the registrar together and let her decide. I stayed "
            "on the call and I gave the handover myself. The registrar kept the patient in for two more days, her sodium "
            "came back up, and she went home safely with no fall. And afterwards the doctor actually thanked me, and we "
            "now have a rule on the ward that anyone can ask for a second review before discharge. Since then, I think "
            "we've had something like fifteen second reviews and no readmissions within seventy-two hours from those.")
    mentoring = analyze_transcript(from_text(told), question_id="Q13").relevance
    assert mentoring.verdict == "unsure" and 1 / 25 <= mentoring.probability < 0.1  # over chance, under 0.1
    assert mentoring.about.question_id == "Q4" and mentoring.leans
    assert analyze_transcript(from_text(told), question_id="Q4").relevance.verdict == "fits"


def test_words_two_cues_match_count_once():
    """"each of them separately" is one defining cue of Q6, not also the cue "separately":
    a story that says it once does not fit the mediation question on that alone."""
    from rehearse.analysis.relevance import evidence

    found = evidence(["We planned a beach day.", "I met each of them separately to plan it."], "Q6")
    assert found.score == 2 and [w for _, w in found.words] == ["each of them separately"]
    assert assess(sentences_of("We planned a beach day. I met each of them separately to plan it. "
                               "Everyone had fun."), "Q6").verdict != "fits"


# Written for these tests, in words the cue phrases do not hold.
HANDOVER = ("On my ward the night shift handed over to the day shift in a hurry, and twice in one month a patient's "
            "medication change got lost between them. I was the senior nurse on nights, and I wanted every change to "
            "survive the handover. So I sat down with two day nurses and we wrote a one-page checklist for the handover, "
            "in the order we walk the beds. I put a laminated copy at each station and a step-by-step version in the shared "
            "folder, with a short section on what to do when a patient is moved between wards. I walked every new starter "
            "through it in their first week. In the next three months we had no lost medication changes, and the day "
            "manager asked for the same page on two other wards.")
BAKERY = ("Last autumn a school leaver joined our bakery. She was quick, but she froze whenever a customer asked about "
          "ingredients, and she kept burning the second batch of bread because she did not dare to ask. I was the head "
          "baker, and I wanted her ready to run the early shift by spring. So for the first two weeks we worked side by "
          "side, and every morning I let her do one more step herself while I only watched. I wrote down the questions "
          "customers ask most and we went over the answers at the counter during quiet hours. When something went wrong "
          "I showed her why the dough behaved like that instead of just fixing it for her. By March she was opening the "
          "shop three days a week, her batches came out right, and she now shows the next school leaver the same routine.")


def test_the_learned_model_knows_a_story_the_cues_barely_hold():
    """One cue ("page") is not enough for the runbook question; the model, which has read
    the question answered in many words, places the handover checklist there."""
    from rehearse.analysis.relevance import FITS_AT, P_FITS

    result = assess(sentences_of(HANDOVER), "Q14")
    assert result.asked.score < FITS_AT and result.probability >= P_FITS and result.verdict == "fits"
    # Told for a disagreement it fails, and names what it reads like: the model is clear
    # that it is documentation (a weak lean is not named: the bakery story below). With
    # one cue word, that is the model's reading, said as one, with the sentence it read
    # (a new user's cost story was said to be "about influencing without authority" on
    # the word "data").
    result = check(HANDOVER, "Q4")
    assert result.status == "fail" and "your answer reads more like a story about writing documentation (most in" \
        in result.message
    from rehearse.checks.followups import follow_ups

    analysis = analyze_transcript(from_text(HANDOVER), question_id="Q4")
    (asked, *_) = follow_ups(analysis, run_checks(analysis))
    assert asked.question.startswith("That sounds more like a story about writing documentation.")


def test_a_story_far_from_software_is_placed_on_what_it_is_about():
    """A mentoring story told in a bakery, in none of the cue words: the model, trained on
    answers from many walks of life, places it on mentoring. Told for a disagreement it
    fails, and says it reads more like mentoring (the tenth round's model, trained on 250
    more answers from outside offices, is clear about it: 0.39; the one before leaned to a
    regretted decision at 0.1, too weak to name); told for automation it is not passed."""
    assert assess(sentences_of(BAKERY), "Q13").verdict == "fits"
    result = assess(sentences_of(BAKERY), "Q4")
    assert result.verdict == "off_topic" and result.leans and result.about.question_id == "Q13"
    assert "reads more like a story about mentoring someone" in check(BAKERY, "Q4").message
    assert assess(sentences_of(BAKERY), "Q10").verdict != "fits"


def test_a_weak_lean_is_not_named():
    # A day at the beach, told for a disagreement at work: far from every question, it
    # leans a little to one at random, and the finding names none.
    result = check(OUTING * 3, "Q4")
    assert result.status != "pass" and "your answer is about" not in result.message
    assert "reads more like" not in result.message


# Written for this test, after a new user's bottleneck story told in front-desk words was
# called "about writing documentation": none of the software words, nor "bottleneck".
FRONT_DESK = (
    "I worked the front desk at a busy dental clinic. Every morning the phones were swamped with people calling "
    "to book or move appointments, and patients at the counter had to wait while we answered. My manager asked me "
    "to find a way to free up the front desk. I tracked every call for two weeks and found that about seventy "
    "percent were just booking changes. I set up online booking with the software we already had, wrote a short "
    "text message with the link, and trained the other two receptionists on it. Within a month calls dropped by "
    "about half, and the wait at the counter went from ten minutes to two.")


def test_a_bottleneck_told_in_front_desk_words_fits_and_shows_them():
    result = check(FRONT_DESK, "Q11")
    assert result.status == "pass" and '"swamped"' in result.message and '"had to wait"' in result.message
    assert check(FRONT_DESK, "Q13").status == "fail"  # still not a mentoring story


# A comfort-zone story told without "comfort zone" or "learned something new" (a tryout's
# first staff training session was failed as "sharing knowledge" once Whisper misheard
# "rehearsed", its only cue). Written for this test.
BRIEFING = ("Last spring my store manager asked me to run the monthly briefing for all forty staff, because she was on "
            "leave. I had never chaired a meeting of more than four people, and the idea of it honestly terrified me. "
            "I had two weeks to get ready. I asked our area trainer to watch me do a run-through, and I cut my notes "
            "down to three cards. On the day I started with a question for the room instead of a speech. Twelve people "
            "stayed behind with ideas, and since then I run the briefing every other month.")


def test_a_first_time_that_scared_the_speaker_fits_the_comfort_zone_question():
    result = check(BRIEFING, "Q24")
    assert result.status == "pass" and '"never chaired"' in result.message and '"terrified"' in result.message


def test_words_that_only_begin_like_fear_are_no_comfort_zone_cue():
    # A review's: "terrif*" had matched "terrific", "dread*" "dreadful", and "never managed to".
    said = ["The team did a terrific job, the dreadful backlog was gone, and I never managed to fix the printer."]
    assert evidence(said, "Q24").score == 0


def test_errors_brought_down_are_no_regretted_decision():
    # A new user's: an error-reduction story ("I had the mistakes down to one order in
    # four hundred") failed a bottleneck question as "about a decision you regretted".
    said = ["Pickers were making mistakes on about one order in fifty.", "I had the mistakes down to one order in four hundred."]
    assert evidence(said, "Q9").score == 0
    assert evidence(["Choosing the cheaper queue was a mistake, and I regret it."], "Q9").score >= 4


def test_a_few_sentences_are_judged_by_the_cues_alone():
    result = assess(sentences_of(OUTING), "Q4")
    assert result.probability == 0.0 and result.verdict == "unsure"


def test_the_verdict_and_figures_are_the_same_every_time():
    first = [assess(sentences_of(HANDOVER), q) for q in COMPETENCIES]
    assert [assess(sentences_of(HANDOVER), q) for q in COMPETENCIES] == first


@slow
def test_the_committed_model_is_what_the_script_trains():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "scripts.train_relevance", "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@slow
def test_the_cross_validated_figures_hold():
    """Each writer's answers read by a model trained without them, as the thresholds were
    chosen (on dev+seen8; this guards the first four sets, which run faster: python -m
    eval.relevance_eval --set dev+seen3 --cv: own question 100%, none of 128 called off
    topic, off topic caught 93.3%, caught or unsure 95.2%)."""
    from eval.relevance_eval import cross_validated

    items = load("dev+seen3")
    if len(items) < 128:
        pytest.skip("the guide's answers (../shared/data) are not beside the repository")
    figures = score(items, models=cross_validated(items))
    assert figures["own_question_fits"] >= 0.98 and figures["own_question_called_off_topic"] <= 0.01
    assert figures["off_topic_caught"] >= 0.92 and figures["off_topic_flagged"] >= 0.94


def test_every_question_has_a_competency_with_defining_cues():
    assert sorted(COMPETENCIES, key=lambda q: int(q[1:])) == [q.id for q in questions()]
    for competency in COMPETENCIES.values():
        assert any(weight == 2 for _, weight in competency.cues) and competency.asks and competency.about


def test_without_a_question_there_is_no_relevance_check():
    analysis = analyze_transcript(from_text(STRONG))
    assert analysis.relevance is None and "relevance" not in [r.id for r in run_checks(analysis)]


def test_a_failed_relevance_is_the_one_thing_to_change():
    from rehearse.checks.score import next_step

    results = run_checks(analyze_transcript(from_text(STRONG), question_id="Q13"))
    assert next_step(results).id == "relevance"


def test_a_three_minute_answer_is_judged_well_within_150_ms():
    sentences = sentences_of(" ".join([STRONG] * 2))  # about 530 words, 3.5 minutes spoken
    assess(sentences, "Q1")  # the first call compiles the cues
    started = time.perf_counter()
    for question in COMPETENCIES:
        assess(sentences, question)
    assert (time.perf_counter() - started) / len(COMPETENCIES) < 0.150


@slow
def test_the_development_figures_hold():
    """The shipped check on answers its cues were tuned on and its model trained on (dev
    and the first three seen held-out sets): a guard against a change that loses the
    figures: own question 100%, none of the on-topic pairs (own and also fits) called off
    topic, off topic caught 95.3%, caught or unsure 96.5% (python -m eval.relevance_eval
    --set dev+seen3)."""
    figures = score(load("dev+seen3"))
    if figures["answers"] < 128:
        pytest.skip("the guide's answers (../shared/data) are not beside the repository")
    assert figures["own_question_fits"] >= 0.98 and figures["on_topic_called_off_topic"] <= 0.03
    assert figures["off_topic_caught"] >= 0.93 and figures["off_topic_flagged"] >= 0.95


def test_skipping_cues_by_their_first_letters_changes_no_verdict():
    """The word-beginning filter is only a shortcut: every cue run on every sentence finds
    the same evidence."""
    from rehearse.analysis import relevance as r

    def slow_evidence(sentences, question_id):
        text = "\n".join(sentences)
        score = 0
        taken, said = [], set()
        for cue, weight, _ in r._compiled(question_id):
            match = next((m for m in cue.finditer(text) if m.group(0).lower() not in said
                          and not any(m.start() < e and s < m.end() for s, e in taken)), None)
            if match:
                taken.append(match.span())
                said.add(match.group(0).lower())
                score += weight
        return score

    for text in (STRONG, OUTING, (SAMPLES / "no-result-q13.txt").read_text(), (SAMPLES / "we-heavy-q20.txt").read_text()):
        sentences = sentences_of(text)
        for question in COMPETENCIES:
            assert r.evidence(sentences, question).score == slow_evidence(sentences, question), question


def test_a_cue_does_not_match_inside_a_longer_word():
    """A new user's answer passed for an automation question on "bot" in "both"."""
    assert evidence(["I timed both of them."], "Q10").score == 0
    assert evidence(["We moved the logistics team."], "Q16").score == 0
    assert [w for _, w in evidence(["The bot read the logs."], "Q10").words] == ["bot"]


def test_the_report_says_which_question_and_quotes_the_closest_sentences():
    from rehearse.report import relevance_report

    analysis = analyze_transcript(from_text(STRONG), question_id="Q13")
    found = relevance_report(analysis)
    assert found["question_id"] == "Q13" and found["verdict"] == "off_topic"
    assert found["closest_text"] == [analysis.sentences[i].text for i in found["closest"]]
    assert found["about"]["closest_text"] and found["about"]["closest_text"][0] in STRONG


def test_cue_words_show_i_as_written():
    # A tryout: the evidence read "i started", lowercased as the cues match it.
    from rehearse.analysis.relevance import Evidence
    from rehearse.checks.relevance import _words

    assert _words(Evidence("Q24", 2, 1, ((0, "i started"), (1, "never done")))) == '"I started", "never done"'


def test_a_balance_transfer_is_no_balancing_of_work():
    # A second tryout: "balance transfers" at a bank named a story "balancing a production
    # issue against features".
    assert evidence(["I handled balance transfers for the bank."], "Q17").score == 0
    assert [w for _, w in evidence(["I had to balance the fix against the sprint."], "Q17").words][:1] == ["balance"]


def test_the_question_said_back_first_is_no_evidence():
    """A second tryout opened a mentoring story with "Okay so, um, mediating." and it passed
    as mediation on that one word; without it, it is the mentoring story it is."""
    from rehearse.analysis.relevance import assess

    story = ["I was looking after a student nurse, Ellie, on her first placement.",
             "She was nervous about calling the doctors, so I sat with her for her first few calls.",
             "Each week I let her do more on her own and we talked through every shift at the end.",
             "By the end of her eight weeks she was calling the doctors on her own, even at night."]
    plain = assess(story, "Q6")
    echoed = assess(["Okay so, um, mediating.", *story], "Q6")
    assert echoed.verdict == plain.verdict != "fits"
    # A first sentence with someone doing something in it is part of the story.
    assert assess(["So I mediated between two nurses.", *story], "Q6").asked.score > 0


def test_new_starters_trained_answer_the_mentoring_question():
    # A warehouse supervisor's tryout: twenty-five new starters trained and followed up,
    # told for "mentored a junior developer or helped someone grow their skills", was
    # "unsure" with no words about the question (outside software the one helped is a new
    # starter or a trainee).
    told = ("For the peak season two years ago, the agency sent us twenty five new starters in one week, and most of "
            "them never worked in a warehouse before. As the night supervisor, I was responsible to make them safe and "
            "productive before Black Friday. First, I wrote a simple plan for the first three nights. I put every new "
            "starter in a pair with one of my experienced pickers. I showed them myself how to build a safe pallet, "
            "heavy on the bottom, light on top, and how to read the label. Every night at the end of the shift, I "
            "checked their pick rate and I spoke with each one for two minutes, what went good and what to change. "
            "In the end, eighteen of the twenty five stayed as permanent staff, their pick rate went from sixty to "
            "about one hundred and ten cases an hour in four weeks, and one of them is now a team leader.")
    fit = analyze_transcript(from_text(told), question_id="Q13").relevance
    assert fit.verdict == "fits" and "new starters" in [word for _, word in fit.asked.words]



# A hotel receptionist's tryout (English her second language; her stories from a parents'
# association and a church): a jumble sale with no disagreement in it fitted "a significant
# disagreement" at 0.065 with no word about it; a card reader suggested to the committee and
# tried at the summer fair was off topic for "introduced a new tool"; three big things in
# one week, the one that could not move done first, was unsure for "several high-priority
# tasks".
JUMBLE_SALE = ('Two years ago I organised the Christmas jumble sale for our church in Reading. Before, the sale '
              'made only about two hundred pounds, and the priest asked me to make it better, because the money'
              ' was for the roof. I made posters and I put them in the school and in the Polish shop. I asked '
              'the parents to bring toys and clothes one week before, and I sorted everything with two '
              'volunteers into tables for children, women, men and books. I put prices on everything so people '
              'did not need to ask. I also organised a cake stall with coffee. On the day we had more than one '
              'hundred and fifty visitors, and we made from two hundred pounds to nearly six hundred pounds. '
              'The priest thanked me in the Sunday mass.')
CARD_READER = ('In the parents association we always had problem with the cash. At every school event we '
              'collected money in a tin, and after we counted it on the kitchen table until midnight, and many '
              'times the numbers was not matching. Also many parents did not have cash anymore, they wanted to '
              'pay with card. I suggested to the committee that we try a card reader, like a small one for the '
              'phone. We looked on the internet together and we compared three readers. We chose the one with '
              'the lowest fee. We tested it at the summer fair. We made a small poster that we take cards. We '
              'also made a simple sheet where we write every payment. It was very good experience for everybody'
              ' and we learned a lot.')
SAME_WEEK = ('In November two years ago I had three big things in the same week. I was treasurer of the '
            'parents association, and the accounts had to go to the auditor on Friday. I was also organising '
            'the Christmas jumble sale on Saturday, and my youngest son was sick at home with a fever. My '
            'goal was to finish the accounts on time and still open the sale on Saturday. First I made a list'
            ' on paper with every task and its deadline. The accounts could not move, but other people could '
            'prepare the sale. So I phoned three mums from the committee and I gave each one a job: '
            'donations, price labels, and tables from the church. I did the accounts in the evenings when my '
            'son was sleeping. On Thursday I checked the bank statement line by line and I found a mistake of'
            ' thirty pounds, and I corrected it. The accounts went to the auditor on Friday morning with no '
            'problems. The sale opened on time and we made four hundred and twenty pounds, about a hundred '
            'more than the year before. I learned to decide first what cannot move, and to ask for help with '
            'the rest.')


def test_a_fit_only_just_over_chance_with_no_word_about_the_question_is_unsure():
    fit = analyze_transcript(from_text(JUMBLE_SALE), question_id="Q4").relevance
    assert fit.verdict == "unsure" and fit.asked.score == 0


def test_a_tool_suggested_and_tried_and_priorities_in_one_week_said_outside_offices():
    tool = analyze_transcript(from_text(CARD_READER), question_id="Q12").relevance
    assert tool.verdict == "fits" and "suggested to the committee that we try" in [w for _, w in tool.asked.words]
    week = analyze_transcript(from_text(SAME_WEEK), question_id="Q19").relevance
    assert week.verdict == "fits" and {"in the same week", "could not move"} <= {w for _, w in week.asked.words}


# A retired army sergeant's tryout: his disagreement with a new lieutenant, argued with the
# incident reports in private ("when you disagree with someone above you, you bring the
# evidence"), was off topic for "feedback to someone more senior" (capped at 40), while his
# story of training forty recruits fitted it on "my more experienced drivers" and was unsure
# for mentoring; being taken aside and told bluntly his briefings were too long was unsure
# for "constructive criticism". Written for this test, in other words and jobs.
THE_CONSULTANT = ('Three years ago I was a staff nurse on a surgical ward, and our consultant wanted every patient '
                  'after a hip operation out of bed on the first day, whatever their pain scores. I thought that was '
                  'unsafe for the frail ones, because we had two falls in a month. My responsibility was the safety '
                  'of my patients, and also to keep a good working relationship with him. So I asked him for five '
                  'minutes after the ward round, away from the juniors, and I showed him the two incident reports and '
                  'the pain charts. I did not say he was wrong. I proposed that for four weeks the nurse in charge '
                  'would decide the first walk with the physio. He agreed to try it. In those four weeks we had no '
                  'falls, and he made it the ward rule. When you question someone above you, bring the facts and do '
                  'it in private.')
THE_APPRENTICES = ('Last year I was the workshop instructor for an intake of twelve new apprentices at the bus '
                   'depot, and most of them had never held a spanner. My task was to get all twelve through their '
                   'first safety assessment in ten weeks. I tested every one in the first week to see who was weak '
                   'on the tools and who was weak on the theory. I paired each of the weaker ones with one of my more '
                   'experienced fitters, and I sat with the slower ones after the shift to go through the checklists '
                   'line by line. After every job I asked them to tell me what had gone wrong before I told them. '
                   'In the end eleven of the twelve passed their assessment first time, and the last one passed a '
                   'week later.')
TAKEN_ASIDE = ('Two years ago I had just become the head receptionist at a busy hotel, and I ran the morning '
               'handover for the desk team. After my first month, the general manager took me aside and told me, '
               'quite plainly, that my handovers were far too long and that the team had stopped listening. I was '
               'not happy to hear it, but I knew she was right. So I asked her to sit in on the next one and time '
               'it. It took twenty minutes. I rewrote the handover on one card, arrivals, problems and who does '
               'what, and I practised it the night before. Within two weeks the handover took six minutes, and the '
               'team could answer every question I asked at the end. The manager later asked me to teach the card '
               'to the other shift leaders.')


def test_a_senior_outside_offices_a_trainer_of_recruits_and_criticism_taken_aside():
    consultant = analyze_transcript(from_text(THE_CONSULTANT), question_id="Q23").relevance
    assert consultant.verdict == "fits" and "someone above you" in [w for _, w in consultant.asked.words]
    apprentices = analyze_transcript(from_text(THE_APPRENTICES), question_id="Q13").relevance
    assert apprentices.verdict == "fits"
    assert analyze_transcript(from_text(THE_APPRENTICES), question_id="Q23").relevance.verdict != "fits"
    aside = analyze_transcript(from_text(TAKEN_ASIDE), question_id="Q22").relevance
    assert aside.verdict == "fits" and "took me aside and told me" in [w for _, w in aside.asked.words]


def test_a_fit_in_doubt_names_the_words_whisper_may_have_misheard():
    # (a tryout's "bottleneck" came out as "matel neck" at 0.2: a story about one was told it
    # "may be more about introducing a new practice", with no word that the question's own
    # word may have been lost)
    from rehearse.analysis.transcript import MISHEARD_BELOW, Transcript, Word
    from rehearse.checks import relevance as check

    text = ("Last year at the bakery the matel neck was the oven loading. I timed every tray for a week and I "
            "moved the glazing to the afternoon shift. The wait for the oven went from forty minutes to ten.")
    words = tuple(Word(t, i * 0.4, i * 0.4 + 0.3, MISHEARD_BELOW / 2 if t == "matel" else 0.9)
                  for i, t in enumerate(text.split()))
    analysis = analyze_transcript(Transcript(words=words, kind="audio", engine="test", model="test",
                                             audio_duration_s=len(words) * 0.4), question_id="Q11")
    result = check.run(analysis)
    assert result.status == "warn"
    assert 'Whisper may have misheard "matel": if the question\'s words were among them' in result.message
    typed = check.run(analyze_transcript(from_text(text), question_id="Q11"))
    assert "misheard" not in typed.message


def test_a_major_problem_a_flat_above_me_and_a_learner_s_instructor_are_no_cues():
    # (a review's: "a major" read as a senior officer, "the instructor sat with the" and
    # "passed the assessment" as mentoring in a story of learning to drive a forklift)
    from rehearse.analysis.relevance import evidence

    assert not evidence(["Last year we had a major problem with our checkout page."], "Q23").words
    assert not evidence(["The flat above me had a leak and I called the landlord."], "Q23").words
    learner = evidence(["I had never driven a forklift.", "The instructor sat with the new drivers and I passed the "
                        "assessment first time."], "Q13")
    assert not {"sat with the", "passed the assessment", "instructor"} & {w for _, w in learner.words}
    # ... where the same words in the speaker's charge are cues
    assert evidence(["I asked my lieutenant for ten minutes."], "Q23").words
    assert evidence(["I sat with them after the shift."], "Q13").words
