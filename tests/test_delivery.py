"""Delivery on audio made for it (eval/delivery: piper speech with fillers and pauses
spliced in where the .json says), and the text rules on their own."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from rehearse.analysis.fillers import find_fillers, find_hedges, find_repetitions
from tests.conftest import ROOT, slow

DELIVERY = ROOT / "eval" / "delivery"
NAMES = ["d01-q4", "d02-q13", "d03-q20", "d04-q1", "d05-q9", "d06-q2", "d07-q16"]


@pytest.fixture(scope="session")
def delivered():
    """Each delivery answer's report (real transcription, default model) and its truth."""
    from rehearse.pipeline import analyze_path

    return {name: (analyze_path(DELIVERY / f"{name}.flac"), json.loads((DELIVERY / f"{name}.json").read_text()))
            for name in NAMES}


@slow
@pytest.mark.parametrize("name", NAMES)
def test_long_pauses_are_found_within_a_fifth_of_a_second(delivered, name):
    report, truth = delivered[name]
    found = report["delivery"]["pauses"]["long"]
    assert len(found) == len(truth["long_pauses"])
    for pause, true in zip(found, truth["long_pauses"]):
        assert abs(pause["start"] - true["start"]) <= 0.2 and abs(pause["end"] - true["end"]) <= 0.2


# d03 was 5.7% off while tiny.en, sampling at random and primed with the disfluent prompt,
# wrote 136 words where 129 were said; with deterministic plain decoding it is within 5%.
@slow
@pytest.mark.parametrize("name", NAMES)
def test_pace_is_within_five_percent_of_the_true_words_per_minute(delivered, name):
    report, truth = delivered[name]
    assert report["delivery"]["pace"]["wpm"] == pytest.approx(truth["true_wpm"], rel=0.05)


@slow
@pytest.mark.parametrize("name", NAMES)
def test_speaking_time_is_within_five_percent_of_the_truth(delivered, name):
    """The time side of pace, which rehearse measures itself whatever the words: from the
    first word to the last, less the long pauses (d03 included)."""
    from rehearse.analysis.delivery import Pause, speaking_time
    from rehearse.analysis.transcript import Word

    report, truth = delivered[name]
    words = [Word(w["text"], w["start"], w["end"]) for w in report["transcript"]["words"]]
    long_pauses = [Pause(p["start"], p["end"], 0) for p in report["delivery"]["pauses"]["long"]]
    assert speaking_time(words, long_pauses) == pytest.approx(truth["speaking_s"], rel=0.05)


@slow
@pytest.mark.parametrize("name", NAMES)
def test_dead_air_at_the_start_is_measured(delivered, name):
    report, truth = delivered[name]
    assert report["delivery"]["pauses"]["start_silence_s"] == pytest.approx(truth["lead_s"], abs=0.2)
    pauses = next(c for c in report["checks"] if c["id"] == "pauses")
    assert ("before the first word" in pauses["message"]) == (truth["lead_s"] > 2.0)


@slow
def test_filled_pauses_are_found_where_they_are(delivered):
    """The figures the README states: over all seven answers, found within 0.5 s."""
    true_positive = false_positive = missed = 0
    for report, truth in delivered.values():
        found = [f["start"] for f in report["delivery"]["fillers"]["items"] if f["kind"] == "filled_pause"]
        unmatched = [t["start"] for t in truth["filled_pauses"]]
        for start in found:
            near = [t for t in unmatched if abs(t - start) <= 0.5]
            if near:
                unmatched.remove(near[0])
                true_positive += 1
            else:
                false_positive += 1
        missed += len(unmatched)
    assert true_positive + missed == 33
    assert true_positive / 33 >= 0.95
    assert true_positive / (true_positive + false_positive) >= 0.95


@slow
def test_lexical_fillers_hedges_and_their_places(delivered):
    report, truth = delivered["d01-q4"]
    fillers = {f["text"] for f in report["delivery"]["fillers"]["items"]}
    assert {"like", "you know", "uh", "um"} <= fillers
    hedges = [(h["text"], h["label"]) for h in report["delivery"]["hedges"]["items"]]
    # Both hedge the speaker's view before the steps ("I think a rewrite was kind of too
    # risky"): the scene or the task, whichever the labeler reads it as, never the action.
    assert {label for text, label in hedges if text in ("i think", "kind of")} in ({"situation"}, {"task"})
    assert {"i think", "kind of"} <= {text for text, _ in hedges}
    d03, _ = delivered["d03-q20"]
    assert {"sort of", "helped with", "maybe"} <= {h["text"] for h in d03["delivery"]["hedges"]["items"]}
    assert next(c for c in d03["checks"] if c["id"] == "hedging")["status"] == "warn"


@slow
def test_a_misheard_measure_is_named_and_measures_heard_right_are_not(delivered):
    # d03's "zero checkout outages" is written "zero checkoutages" (probability 0.0), while
    # "eight months" and d05's "eight seconds", heard right, get 0.3-0.5: only the first is
    # doubted (analysis.transcript.MISHEARD_BELOW).
    messages = {name: next(c for c in delivered[name][0]["checks"] if c["id"] == "metrics")["message"]
                for name in NAMES}
    assert 'misheard "checkoutages"' in messages["d03-q20"]
    assert '"eight"' not in messages["d03-q20"].split("misheard")[1]
    assert [name for name, message in messages.items() if "misheard" in message] == ["d03-q20"]


@slow
def test_clear_samples_get_no_note_of_unsure_words(sample_reports):
    # (The note is for transcripts that may be wrong: report.transcript_warnings.)
    for name, report in sample_reports.items():
        assert not any(w["kind"] == "unsure_words" for w in report["warnings"]), name


@slow
def test_fluent_samples_get_no_filled_pauses(sample_reports):
    for name, report in sample_reports.items():
        kinds = [f["kind"] for f in report["delivery"]["fillers"]["items"]]
        assert "filled_pause" not in kinds, name


@slow
def test_the_terminal_report_shows_the_timeline_and_marks(delivered):
    from rehearse.ui.report_view import print_report

    report, _ = delivered["d01-q4"]
    console = Console(record=True, width=110, file=io.StringIO())
    print_report(report, console, verbose=True)
    text = console.export_text()
    assert "Timeline" in text and "Situation" in text and "pace (words/min)" in text
    assert "⏸ 2.6 s" in text and "⏸ 3.1 s" in text
    assert "Delivery: pace" in text and "fillers" in text
    # The compact report marks the same pauses, and the legend names them once.
    console = Console(record=True, width=80, file=io.StringIO())
    print_report(report, console)
    compact = console.export_text()
    assert "⏸2.6s" in compact and "⏸3.1s" in compact and compact.count("⏸ pause") == 1
    assert "Delivery: " in compact and " fillers" in compact


def test_typed_answers_skip_what_needs_audio(tmp_path):
    from rehearse.pipeline import analyze_path

    answer = tmp_path / "answer.txt"
    answer.write_text((DELIVERY / "d02-q13.txt").read_text().replace("{um}", "um").replace("{uh}", "uh")
                      .replace("[", "").replace("]", "").replace("{lead 0.6}", "").replace("{pause 2.2}", ""))
    report = analyze_path(answer, question_id="Q13")
    assert [c["id"] for c in report["skipped_checks"]] == ["pace", "pauses"]
    assert {c["id"] for c in report["checks"]} == {"relevance", "length", "star", "story", "i_vs_we", "metrics", "fillers", "hedging"}
    assert report["delivery"]["timed"] is False and report["delivery"]["pauses"] is None
    assert report["delivery"]["fillers"]["count"] >= 5  # um x2, uh, like, basically, you know, actually, So


# -- the text rules ----------------------------------------------------------------


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("text,fillers", [
    ("She was, like, really smart.", ["like"]),
    ("She was like really smart.", ["like"]),
    ("I wanted to like rewrite it.", ["like"]),
    ("It took like 20 minutes.", ["like"]),
    ("I'd like to add one thing.", []),
    ("It looks like a memory leak.", []),
    ("I showed him what a normal week looked like, and he got it.", []),  # a tryout's
    ("It looked, like, terrible.", ["like"]),
    ("We used tools like Kafka.", []),
    # "like" as "such as", before examples (a third tryout's), and the fillers it is not
    ("I gave him small tasks, like fixing the footer, and reviewed them.", []),
    ("I logged the reason for each delay, like traffic or a loading problem.", []),
    ("I was, like fixing it and stuff.", ["like"]),
    ("So, like we said, it was fine.", ["like"]),
    ("It was a big hotel, like three hundred rooms and a spa.", ["like"]),  # an amount hedged
    ("The client was angry, like really angry and shouting.", ["like"]),  # (a review's) a stronger word
    ("She was upset, like crying and everything.", ["like"]),  # ... a vague tag
    # (a second tryout's) an example said as one thing; "what you know" says what is known
    ("We kept hitting the same errors, like a pallet scanned to the wrong bay.", []),
    ("You can always go back to what you know.", []),
    ("It was my boss, who, you know, I really liked.", ["you know"]),
    ("He turned up late, like an hour late.", ["like"]),  # (a review's) an amount hedged
    # (a fourth tryout's) a list of the things just named, and a clause that is no list
    ("The nurses were missing important things, like the fluid balance and the pending bloods.", []),
    ("It was busy, like the whole ward and the corridor were full.", ["like"]),
    ("I was really nervous, like the whole panel and the manager were staring at me.", ["like"]),  # (a review's)
    ("It was my boss who you know really liked it.", ["you know"]),
    # (a nurse's tryout) a rule said as what is not done, after the things it is one of
    ("We agreed some ground rules, like no interrupting.", []),
    ("It was chaos, like no one knew what to do.", ["like"]),
    ("I like working with designers.", []),
    ("You know, I built it myself.", ["you know"]),
    ("You know what I did?", []),
    ("I mean, it was late.", ["i mean"]),
    ("I mean it when I say thanks.", []),
    ("Um I basically rewrote it, uh, twice.", ["um", "basically", "uh"]),
    # (a Glasgow apprentice's tryout) Scotland's "um", alone; not "tell 'em"
    ("Em, the panel was showing a fault, em, on zone four.", ["em", "em"]),
    ("I told 'em to wait.", []),
    ("Tell em, look, it's late.", []), ("I worked in EM, mostly nights.", []),  # (a review's)
])
def test_filler_rules(text, fillers):
    assert [m.text for m in find_fillers(words(text))] == fillers


def test_so_counts_only_when_it_opens_a_sentence():
    tokens = words("So I did it. It was so slow.")
    assert [m.text for m in find_fillers(tokens, {0, 4})] == ["so"]
    # A clause after a comma says why, even where the sentence splitter cut it there...
    clause = words("She was struggling for the first three months, so I set up a thirty minute check in.")
    assert find_fillers(clause, {0, 8}) == []
    # ...unless a pause comes before it; after a full stop it opens the sentence.
    assert [m.text for m in find_fillers(clause, {0, 8}, after_pause={8})] == ["so"]
    assert [m.text for m in find_fillers(words("It was late. So I stayed."), {0, 3})] == ["so"]
    # Heard with no pause before it, a "so" after a full stop Whisper wrote goes on from the
    # sentence before (a tryout's "So she got the reps without the risk."); after a pause, or
    # marked off by a comma, it opens on nothing.
    said = words("We ran a game day. So she got the reps without the risk. So, we did it again.")
    assert [m.first for m in find_fillers(said, {0, 5, 13}, timed=True)] == [13]
    assert [m.first for m in find_fillers(said, {0, 5, 13}, after_pause={5}, timed=True)] == [5, 13]
    assert [m.first for m in find_fillers(said, {0, 5, 13})] == [5, 13]  # typed: no pauses to tell by


def test_an_opener_like_right_so_is_a_filler_at_a_sentence_start_only():
    # A tryout's habit, "Right, so three years ago...", was never named.
    assert [m.text for m in find_fillers(words("Right, so three years ago I ran it."), {0})] == ["right so"]
    assert [m.text for m in find_fillers(words("Okay, the queue was long."), {0})] == ["okay"]
    assert find_fillers(words("Right after the launch I ran it."), {0}) == []
    assert find_fillers(words("I was sure I was right, so I checked."), {0}) == []


@pytest.mark.parametrize("text,hedged", [
    ("I just tried to fix it.", True),
    ("We just wanted it to work.", True),
    ("It was just a guess on my part.", False),  # "only"
    ("I wrote a proposal that replaced just that module.", False),
    ("We shipped it in just two days.", False),
    ("It cost us just $40k and just 10% of the budget.", False),
    ("It landed just in time for the launch.", False),
    ("Honestly it just works now.", False),  # the tool's doing, not the speaker's step played down
    # Another's step is the story, not the speaker hedging (a tryout's "suppliers just picked").
    ("The suppliers just picked any time they liked.", False),
    ("They just disagreed about testing.", False),
    ("He called back just to say thanks.", False),
    ("I mostly just listened.", True),
    ("I opened the pull request and just kind of shut down.", True),
    ("I honestly just asked him to stop.", True),  # an adverb between (a review's)
    ("Just asked him to stop, really.", True),  # the speaker left unsaid
    ("We had just raised our first round.", False),  # "just" = a moment before
    ("I was just starting out back then.", False),
    ("I've just finished the migration.", False),
    ("We'd just launched the app.", False),
    ("I was just trying to help.", True),  # softens: "was just" tells when only before a start
    ("I am just not sure.", True),
    ("I'd just need a day.", True),
    ("We'd just agreed on the plan.", False),  # "agreed" is a past ("eed" is not what tells it)
    # a second tryout's: "we'd just got" (a moment before), "couldn't just" (simply), "just ones" (only)
    ("We'd just got the new scanners.", False),
    ("I couldn't just move it.", False),
    ("Just ones who'd been transferred.", False),
    # A tryout's: "not just" is "not only", "you just" is "simply".
    ("I didn't just announce it, I walked everyone through it.", False),
    ("Now you just tick the box on the tablet.", False),
])
def test_just_is_a_hedge_only_where_it_softens(text, hedged):
    assert ("just" in [m.text for m in find_hedges(words(text))]) is hedged


@pytest.mark.parametrize("text,hedges", [
    ("We had to decide what kind of system to buy and what sort of problems it would bring.", []),
    ("I kind of rolled it back and I suppose it worked.", ["kind of", "i suppose"]),
    ("I'd say the rollout went well.", ["i'd say"]),
    ("That kind of helped, and that kind of problem is rare.", ["kind of"]),  # a thing after it: a kind
    # A tryout's: a kind after "each", an amount of a thing after "a little bit".
    ("I colour-coded each kind of appointment.", []),
    ("I only knew a little bit of JavaScript, and I was a little bit nervous.", ["a little bit"]),
])
def test_kind_of_softens_only_where_it_is_no_kind(text, hedges):
    assert [m.text for m in find_hedges(words(text))] == hedges


@pytest.mark.parametrize("text,hedges", [
    # A teacher's tryout: an opinion about things in general softens no claim of one's own.
    ("I believe that feedback is a gift, and I think it is important to ask.", []),
    ("I think it's really important to listen, and I think people need time.", []),
    # ... what the speaker did, or how it went, is still softened
    ("I think it was about 20 percent, and I believe we saved two hours.", ["i think", "i believe"]),
    ("I think the team is happier now, and I think five nurses are still using it.", ["i think", "i think"]),
    ("I think that was the right call.", ["i think"]),
    # ... and so is a claim of how the story came out, said of a thing (a review's)
    ("I think customers are happier now, and I believe turnover is down by half.", ["i think", "i believe"]),
    ("I think delivery times are down 30 percent, and I think it's fair to say we saved money.", ["i think", "i think"]),
])
def test_an_opinion_in_general_is_no_hedge(text, hedges):
    assert [m.text for m in find_hedges(words(text))] == hedges


def test_hedges_and_repetitions():
    assert [m.text for m in find_hedges(words("I think I tried to fix it, and I sort of helped with the rollout."))] == [
        "i think", "i tried to", "sort of", "helped with"]
    assert [m.text for m in find_hedges(words("The trucks left on time, more or less."))] == ["more or less"]
    assert find_hedges(words("I worked out whether each store needed more or less stock.")) == []
    assert [m.text for m in find_repetitions(words("I reviewed the the proposal and then and then shipped it."))] == [
        "the the", "and then and then"]
    assert find_repetitions(words("He said that that was fine.")) == []
    # A sentence ended between the two: "log in. In the end" repeats nothing.
    assert find_repetitions(words("Nobody could log in. In the end I restarted it.")) == []
    assert [m.text for m in find_repetitions(words("I... I think we decided."))] == ["I I"]
    # A clause ending on the word the next starts with (a tryout's): no repetition.
    assert find_repetitions(words("If anything was connected to it, it could have caught fire.")) == []
    assert [m.text for m in find_repetitions(words("I, I think we decided."))] == ["I I"]
    # ... but a stutter as Whisper writes it is one (a review).
    assert [m.text for m in find_repetitions(words("And it, it was broken."))] == ["it it"]


def test_a_year_said_in_words_is_no_repetition():
    # A tryout's "In twenty twenty, during COVID," was marked as a stumble.
    from rehearse.analysis.fillers import find_repetitions

    assert find_repetitions(words("In twenty twenty, during COVID, I moved to the ICU.")) == []
    assert find_repetitions(words("It was hard. Twenty twenty was the worst year.")) == []
    assert [m.text for m in find_repetitions(words("We had twenty twenty beds."))] == ["twenty twenty"]


def _said_at(text: str, start: float, seconds_per_syllable: float):
    """The words of `text` timed as a steady voice says them: each syllable the same time."""
    from rehearse.analysis.delivery import syllables
    from rehearse.analysis.transcript import Word

    words, at = [], start
    for token in text.split():
        length = syllables(token) * seconds_per_syllable
        words.append(Word(token, round(at, 3), round(at + length, 3)))
        at += length + 0.05
    return words


def test_a_sentence_of_short_words_is_not_rushed_at_a_steady_pace_and_a_fast_one_is():
    # (a tryout's steady synthetic voice had "we wrote a plan for when the scanners go down"
    # marked rushed: more words a second, not more syllables)
    from rehearse.analysis.answer import analyze_transcript
    from rehearse.analysis.transcript import Transcript

    long_words = ("Eventually the maintenance engineer recommended replacing the hydraulic components entirely. "
                  "Afterwards the operations director authorised additional preventative inspections quarterly. ")
    short_words = "After that we wrote a plan for when the scanners go down and we still use it. "
    def rushed(text: str, fast_from: int | None = None) -> list[int]:
        words, at = [], 0.0
        for i, sentence in enumerate(text.strip().split(". ")):
            pace = 0.06 if i == fast_from else 0.13  # seconds a syllable
            words += _said_at(sentence.strip().rstrip(".") + ".", at, pace)
            at = words[-1].end + 0.3
        transcript = Transcript(words=tuple(words), kind="audio", engine="test", model="test", audio_duration_s=at)
        return [s.sentence for s in analyze_transcript(transcript).delivery.stretches if s.kind == "rush"]

    assert rushed(long_words * 2 + short_words) == []
    assert rushed(long_words * 2 + short_words, fast_from=4) == [4]



def test_the_filler_tip_names_the_speakers_own_filler():
    # A tryout's "like x9, basically x6, you know x4" was told it sounds more confident than "um".
    from rehearse.analysis.answer import analyze_transcript
    from rehearse.analysis.transcript import from_text
    from rehearse.checks import fillers

    said = ("So, like, basically, we were on a job, you know, like, a refurb, and, like, the foreman, like, wanted "
            "us to, like, work live. " * 2)
    result = fillers.run(analyze_transcript(from_text(said)))
    assert result.status == "warn" and result.tip.endswith('more confident than "like".')


@pytest.mark.parametrize("said, fillers, repeats", [
    # a tryout's: an officer's "above you, you bring", a time read out, "would like" (the
    # first two became the one thing to change on a 100/100 answer)
    ("When you disagree with someone above you, you bring the evidence.", [], []),
    ("The checks started at oh six hundred, zero zero hours sharp.", [], []),
    ("I asked for the information that you would like, so I gave it.", [], []),
    # ... and stumbles they still are
    ("And you, you know, it was hard.", ["you know"], ["you you"]),
    ("We we fixed it.", [], ["We we"]),
    ("I would, like, rather not.", ["like"], []),
])
def test_a_clause_ending_on_its_word_a_number_read_out_and_would_like_are_no_stumbles(said, fillers, repeats):
    assert [m.text for m in find_fillers(words(said))] == fillers
    assert [m.text for m in find_repetitions(words(said))] == repeats
