import pytest

from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.transcript import Word, from_text


def timed(text: str, gaps: dict[int, float] | None = None) -> list[Word]:
    words, clock = [], 0.0
    for i, token in enumerate(text.split()):
        clock += (gaps or {}).get(i, 0.0)
        words.append(Word(token, clock, clock + 0.3))
        clock += 0.3
    return words


def test_sentences_cover_every_word_in_order():
    transcript = from_text("I built it. Then I shipped it! Did it work? Yes.")
    sentences = split_sentences(transcript.words)
    assert [s.text for s in sentences] == ["I built it.", "Then I shipped it!", "Did it work?", "Yes."]
    assert " ".join(s.text for s in sentences) == transcript.text


def test_sentences_keep_word_timings():
    sentences = split_sentences(timed("I built it. Then I shipped it."))
    assert sentences[1].start == sentences[1].words[0].start == pytest.approx(0.9)
    assert sentences[1].end == pytest.approx(2.1)


def test_a_long_pause_ends_a_sentence_without_punctuation():
    sentences = split_sentences(timed("so I profiled the service and found a slow query latency dropped a lot", {10: 1.2}))
    assert [s.text for s in sentences] == ["so I profiled the service and found a slow query", "latency dropped a lot"]


def test_a_capitalized_function_word_starts_a_sentence_whisper_left_unpunctuated():
    sentences = split_sentences(timed("the old page was confusing customers We needed to ship it"))
    assert [s.text for s in sentences] == ["the old page was confusing customers", "We needed to ship it"]


def test_names_do_not_start_sentences_and_abbreviations_do_not_end_them():
    sentences = split_sentences(from_text("I asked Dana about it. It took 6 weeks vs. 12 weeks.").words)
    assert [s.text for s in sentences] == ["I asked Dana about it.", "It took 6 weeks vs. 12 weeks."]


@pytest.mark.parametrize("text,sentences", [
    # a tryout's: "no." and "ms." end a sentence where they are no abbreviation
    ("Finance kept saying no. I wrote a one-page risk note.", ["Finance kept saying no.", "I wrote a one-page risk note."]),
    ("Latency dropped to 250 ms. Errors fell to 0.1%.", ["Latency dropped to 250 ms.", "Errors fell to 0.1%."]),
    ("We moved to No. 5 Grange Road.", ["We moved to No. 5 Grange Road."]),
    ("I asked Ms. Patel to check it.", ["I asked Ms. Patel to check it."]),
    # (a review's) no capital after them: the sentence goes on
    ("We became the no. one supplier in the region.", ["We became the no. one supplier in the region."]),
    ("It went from 900 ms. to 250 ms. overnight.", ["It went from 900 ms. to 250 ms. overnight."]),
])
def test_no_and_ms_end_a_sentence_unless_they_are_a_number_or_a_title(text, sentences):
    assert [s.text for s in split_sentences(from_text(text).words)] == sentences


def test_a_clocks_pm_ends_a_sentence_only_before_a_capital():
    sentences = split_sentences(from_text("It was missing its 10 p.m. cutoff. We shipped at 9 p.m. Then I slept.").words)
    assert [s.text for s in sentences] == ["It was missing its 10 p.m. cutoff.", "We shipped at 9 p.m.", "Then I slept."]
    for opener in ("By 10 p.m.", "By about 10 p.m.", "On the 3rd at 6 a.m."):
        sentences = split_sentences(from_text(f"{opener} 40 orders were out. Then I slept.").words)
        assert [s.text for s in sentences] == [f"{opener} 40 orders were out.", "Then I slept."]
    sentences = split_sentences(from_text('We launched at 9 a.m. 100 users signed up. We went live at 6 p.m. "Never again," '
                                          "my manager said.").words)
    assert [s.text for s in sentences] == ["We launched at 9 a.m.", "100 users signed up.", "We went live at 6 p.m.",
                                           '"Never again," my manager said.']


def test_a_run_on_sentence_is_cut_at_a_clause_boundary():
    text = ("I set up a meeting with the whole team and the product manager to go through the plan, "
            "and then I wrote the migration script and ran it on staging first for two days.")
    sentences = split_sentences(from_text(text).words)
    assert len(sentences) == 2
    assert sentences[1].text.startswith("and then I wrote")


def test_a_long_sentence_is_not_cut_inside_an_aside():
    # A tryout's "My task, which I set myself and then agreed with..., was to..." was cut at
    # "and then", and neither half held the task.
    text = ("My task, which I set myself and then agreed with the shift supervisor on the Monday, was to stop the "
            "queue so that we made the last van every evening.")
    assert [s.text for s in split_sentences(from_text(text).words)] == [text]
    # Outside an aside the same words still cut a run-on sentence.
    run_on = ("I set myself a target of stopping the queue by the end of the first week of July, and then I agreed it "
              "with the shift supervisor on the Monday morning before the first van.")
    assert len(split_sentences(from_text(run_on).words)) == 2


def test_a_long_sentence_is_not_cut_before_so_that():
    # A tryout's task was quoted as its second half, "so that the next person would not...".
    text = ("In my second year I decided to write a proper handbook for the role of exams officer, so that the next "
            "person would not have to learn it all the hard way like I did.")
    assert [s.text for s in split_sentences(from_text(text).words)] == [text]
    # "so that" starting a new clause ("so that cut...", a review's) is still a boundary.
    result = ("I rewrote the release checker over two weeks and added every edge case we had seen that year, so that "
              "cut our failed releases from eight a quarter to one.")
    assert len(split_sentences(from_text(result).words)) == 2


def test_a_main_clause_after_an_aside_left_open_is_still_cut():
    # Speech often leaves an aside's closing comma out: "and then I decided" is the main clause.
    text = ("We had a big client in Leeds, who was unhappy with the late deliveries and the missing paperwork on every "
            "order and then I decided to call their buyer every morning to go through the list with her.")
    assert len(split_sentences(from_text(text).words)) == 2


def test_typed_markdown_bullets_become_sentences():
    transcript = from_text("## Action\n- Wrote the runbook\n- **Trained** the team")
    assert [s.text for s in split_sentences(transcript.words)] == ["Action.", "Wrote the runbook.", "Trained the team."]
