"""The JSON report follows spec/report-v1.md."""

from rehearse.pipeline import analyze_path
from tests.conftest import ROOT

LABELS = {"situation", "task", "action", "result", "other"}
KINDS = {"percent", "money", "duration", "multiplier", "count", "change", "number"}


def assert_follows_report_v1(report: dict) -> None:
    assert report["schema_version"] == 1
    assert report["source"]["kind"] in ("audio", "text")
    transcript = report["transcript"]
    assert set(transcript) >= {"text", "engine", "model", "words"}
    # Sentences cover the transcript's words, in order.
    assert " ".join(s["text"] for s in report["sentences"]).split() == transcript["text"].split()
    assert all(s["label"] in LABELS for s in report["sentences"])
    star = report["star"]
    order = ["situation", "task", "action", "result"]
    assert star["missing"] == [p for p in order if not star["present"][p]]
    assert sum(star["share"].values()) <= 1.0 + 1e-9
    assert isinstance(star["in_order"], bool)
    length = report["length"]
    assert length["target_s"] == 90 and length["verdict"] in ("too_short", "good", "long", "too_long")
    pronouns = report["pronouns"]
    if pronouns["i"] + pronouns["we"]:
        assert abs(pronouns["i_ratio"] - pronouns["i"] / (pronouns["i"] + pronouns["we"])) < 0.001
    else:
        assert pronouns["i_ratio"] is None
    metrics = report["metrics"]
    assert metrics["count"] == len(metrics["items"])
    assert all(m["kind"] in KINDS and 0 <= m["sentence"] < len(report["sentences"]) for m in metrics["items"])
    assert metrics["in_result"] == any(report["sentences"][m["sentence"]]["label"] == "result" for m in metrics["items"])
    assert {c["id"] for c in report["checks"]} >= {"length", "star", "story", "i_vs_we", "metrics"}
    assert all(c["status"] in ("pass", "warn", "fail") and c["message"] and c["tip"] for c in report["checks"])
    assert 0 <= report["score"] <= 100
    assert "take" in report


def test_typed_answer_report(tmp_path):
    answer = tmp_path / "answer.md"
    answer.write_text((ROOT / "samples" / "strong-q4.txt").read_text())
    report = analyze_path(answer, question_id="q4")
    assert_follows_report_v1(report)
    assert report["question"]["id"] == "Q4"
    assert report["source"] == {"kind": "text", "path": str(answer)}
    assert report["duration_s"] is None
    assert report["transcript"]["words"] == [] and report["transcript"]["engine"] is None
    assert all(s["start"] is None for s in report["sentences"])
    assert report["length"]["estimated"] is True
    assert report["star"]["missing"] == []
    assert report["take"] is None


def test_a_typed_answer_with_no_sentence_ends_is_warned_about():
    """A new user's typed answer had no full stop: its STAR labels fell apart, unexplained."""
    from rehearse.analysis.transcript import from_text
    from rehearse.report import UNPUNCTUATED_FROM_WORDS, transcript_warnings

    run_on = " ".join(["i told her the shifts mattered and she came in on time after that"] * 4)
    assert len(run_on.split()) >= UNPUNCTUATED_FROM_WORDS
    warnings = transcript_warnings(from_text(run_on))
    assert [w["kind"] for w in warnings] == ["unpunctuated"] and "no sentence ends" in warnings[0]["message"]
    assert transcript_warnings(from_text(run_on.replace(" after that ", " after that. "))) == []
    assert transcript_warnings(from_text(run_on.replace(" after that ", ' after that." '))) == []  # an end in a quote
    # A recording Whisper wrote so (almost no ends) is warned about in its own words: its
    # sentences were cut at the pauses. One end in 40 words or more is enough.
    from dataclasses import replace

    heard = transcript_warnings(replace(from_text(run_on), kind="audio"))
    assert [w["kind"] for w in heard] == ["unpunctuated"] and "cut at your pauses" in heard[0]["message"]
    assert transcript_warnings(replace(from_text(run_on.replace(" after that ", " after that. ", 1)),
                                       kind="audio")) == []


def test_a_recording_with_many_words_whisper_was_unsure_of_says_so():
    # A tryout's misheard "from 600 to 100" was counted as the result's measure with no word
    # of warning: at 12% of the words unsure or more, a note says the transcript may be wrong.
    from dataclasses import replace

    from rehearse.analysis.transcript import from_text
    from rehearse.report import UNSURE_NOTE_SHARE, transcript_warnings

    said = replace(from_text(" ".join(["I moved the close from six hundred to one hundred seconds."] * 5)),
                   kind="audio", model="tiny.en")
    def heard(unsure: int):
        words = tuple(replace(w, start=float(i), end=i + 0.5, probability=0.2 if i < unsure else 0.9)
                      for i, w in enumerate(said.words))
        return [w for w in transcript_warnings(replace(said, words=words)) if w["kind"] == "unsure_words"]

    total = len(said.words)
    enough = -(-int(UNSURE_NOTE_SHARE * 100) * total // 100)  # the share, rounded up
    [note] = heard(enough)
    assert note["message"].startswith(f"Whisper was unsure of {enough} of the {total} words (")
    assert "a larger model (`rehearse models`)" in note["message"]
    assert heard(enough - 1) == []
    # (typed text has no probabilities, and no note)
    assert [w for w in transcript_warnings(from_text(" ".join(["I did it."] * 30))) if w["kind"] == "unsure_words"] == []


def test_full_stops_whisper_wrote_as_words_are_not_shown_as_words_left_out():
    # A tryout's long answer was warned '6 word(s)... were left out: ".", ".", ".", ".", "."'.
    from dataclasses import replace

    from rehearse.analysis.transcript import Removed, from_text
    from rehearse.report import transcript_warnings

    said = from_text("I rewrote the rota and the overtime fell by half.")
    dots = tuple(Removed(".", 40.0 + i, 40.5 + i, "loop") for i in range(5))
    assert transcript_warnings(replace(said, removed=dots)) == []
    [warning] = transcript_warnings(replace(said, removed=dots + (Removed("Thank", 50.0, 50.3, "no speech"),)))
    assert warning["message"].startswith("1 word(s)") and '"Thank"' in warning["message"] and '"."' not in warning["message"]


def test_a_recording_whisper_could_not_make_out_is_told_to_be_recorded_again():
    # A tryout's heavily accented take came out as nonsense, 46% of its words unsure, and
    # was told to "add the action" and asked a follow-up about a story never told.
    from dataclasses import replace

    from rehearse.analysis.transcript import from_text
    from rehearse.pipeline import report_for
    from rehearse.report import UNHEARD_SHARE, UNHEARD_TIP, made_out
    from rehearse.ui.report_view import summary
    from tests.test_star import COMPLETE

    said = replace(from_text(COMPLETE), kind="audio", model="tiny.en", audio_duration_s=90.0)
    total = len(said.words)
    enough = -(-int(UNHEARD_SHARE * 100) * total // 100)  # the share, rounded up

    def report(unsure: int) -> dict:
        words = tuple(replace(w, start=i * 0.5, end=i * 0.5 + 0.4, probability=0.2 if i % 2 == 0 and i < 2 * unsure else 0.9)
                      for i, w in enumerate(said.words))
        return report_for(replace(said, words=words), None, ROOT / "take.wav", {}, 0.0)

    unclear = report(enough)
    assert not made_out(unclear) and unclear["next_step"] == {"check": "transcript", "tip": UNHEARD_TIP}
    assert unclear["follow_ups"] == []
    [note] = [w for w in unclear["warnings"] if w["kind"] == "unsure_words"]
    assert "could not hear most of this recording clearly" in note["message"]
    assert "could not hear most words clearly: this score may be wrong" in summary(unclear).plain
    assert_follows_report_v1(unclear)
    # One word fewer: a note that names may be misheard, and the answer's own next step.
    clearer = report(enough - 1)
    assert made_out(clearer) and clearer["next_step"] != unclear["next_step"]
    assert "could not hear" not in summary(clearer).plain
    # Progress names the recording as what holds the take back, as the report does.
    from rehearse.history.progress import progress_by_question
    from rehearse.history.store import History
    from rehearse.pipeline import keep_take

    unclear["question"] = {"id": "Q4", "text": "", "category": ""}
    with History() as store:
        keep_take(store, unclear, None)
        [entry] = progress_by_question(store)
    assert entry["holding_back"] == {"check": "transcript", "tip": UNHEARD_TIP} and not entry["off_topic"]


def test_a_recording_with_words_in_little_of_its_speech_is_told_to_be_recorded_again():
    # A tryout's take in a heavy accent kept 14 words of 57 s (51 s of speech with no words,
    # 550 invented words taken out): it was scored 42 and told to "say more".
    from dataclasses import replace

    from rehearse.analysis.transcript import from_text
    from rehearse.pipeline import report_for
    from rehearse.report import UNHEARD_TIP, made_out, untranscribed_share

    said = from_text("We send every payment and every receipt. Every month you can check it.")
    words = tuple(replace(w, start=50.0 + i * 0.4, end=50.3 + i * 0.4, probability=0.9) for i, w in enumerate(said.words))
    audio = replace(said, kind="audio", model="tiny.en", audio_duration_s=57.0, words=words, voiced=((0.5, 56.5),))
    lost = replace(audio, untranscribed=((0.5, 30.0), (35.0, 49.5)))
    assert round(untranscribed_share(lost), 2) == round(44.0 / 56.0, 2)
    unclear = report_for(lost, None, ROOT / "take.wav", {}, 0.0)
    assert not made_out(unclear) and unclear["next_step"] == {"check": "transcript", "tip": UNHEARD_TIP}
    assert unclear["follow_ups"] == []
    from rehearse.prompts import question
    assert report_for(lost, question("Q24"), ROOT / "take.wav", {}, 0.0)["example"] is None
    from tests.test_star import COMPLETE
    told = tuple(replace(w, start=i * 0.5, end=i * 0.5 + 0.4, probability=0.9) for i, w in enumerate(from_text(COMPLETE).words))
    story = replace(audio, words=told)
    assert report_for(story, question("Q24"), ROOT / "take.wav", {}, 0.0)["example"] is not None
    [note] = [w for w in unclear["warnings"] if w["kind"] == "untranscribed_most"]
    assert note["message"].startswith("Whisper could not transcribe 44 s of this 57 s recording")
    # A stretch left out of a longer answer is warned of, and the rest still holds: under
    # half the speech, or under ten seconds.
    for dropped in (((0.5, 20.0),), ((0.5, 9.5),)):
        partly = replace(audio, untranscribed=dropped)
        assert made_out(report_for(partly, None, ROOT / "take.wav", {}, 0.0)), dropped
    assert untranscribed_share(replace(audio, untranscribed=((0.5, 9.5),), voiced=((0.5, 12.0),))) == 0.0


def test_a_take_whisper_could_not_hear_is_no_best_first_or_latest_take_nor_a_story():
    # The tryout's unheard take stayed in her progress ("first 42") and was listed as a story
    # of its own, titled with the few words heard.
    from dataclasses import replace

    from rehearse.analysis.transcript import from_text
    from rehearse.history.progress import overall_progress, progress_by_question, unheard_said
    from rehearse.history.store import History
    from rehearse.history.stories import story_bank
    from rehearse.pipeline import keep_take, report_for
    from rehearse.prompts import question
    from tests.test_star import COMPLETE

    said = replace(from_text(COMPLETE), kind="audio", model="tiny.en", audio_duration_s=90.0, voiced=((0.0, 90.0),))
    words = tuple(replace(w, start=i * 0.5, end=i * 0.5 + 0.4, probability=0.9) for i, w in enumerate(said.words))
    heard = report_for(replace(said, words=words), question("Q10"), ROOT / "a.wav", {}, 0.0)
    few = tuple(replace(w, start=80.0 + i * 0.4, end=80.3 + i * 0.4, probability=0.9)
                for i, w in enumerate(from_text("We sent every receipt.").words))
    unheard = report_for(replace(said, words=few, untranscribed=((0.0, 79.0),)), question("Q10"), ROOT / "b.wav", {}, 0.0)
    with History() as store:
        first_id = keep_take(store, heard, None)
        unheard_id = keep_take(store, unheard, None)
        [entry] = progress_by_question(store)
        bank = story_bank(store)
    assert entry["unheard_take_ids"] == [unheard_id] and entry["best_take_id"] == first_id
    assert entry["first_answering_take_id"] == first_id
    assert overall_progress([entry])["mean_latest_score"] == heard["score"]
    assert unheard_said(entry) == f"Whisper could not hear take {unheard_id} clearly: never counted as its best take, nor in the mean scores."
    assert [story["takes"] for story in bank["stories"]] == [[first_id]]
