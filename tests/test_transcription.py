"""Real speech, transcribed with the real default model (tiny.en), end to end."""

import pytest

from tests.conftest import SAMPLES, sample_truth, slow
from tests.test_report import assert_follows_report_v1

pytestmark = slow


def test_strong_sample_is_heard_and_scored(sample_reports):
    report = sample_reports["strong-q4"]
    assert_follows_report_v1(report)
    text = report["transcript"]["text"].lower()
    for phrase in ("billing", "dana", "feature flag", "tech lead", "disagreement"):
        assert phrase in text
    assert report["transcript"]["model"] == "tiny.en" and report["transcript"]["engine"] == "faster-whisper"
    truth = sample_truth("strong-q4")
    assert report["duration_s"] == pytest.approx(truth["duration_s"], abs=0.1)
    # The speech runs from the first sentence's start to the last one's end.
    spoken = truth["sentences"][-1]["end"] - truth["sentences"][0]["start"]
    assert report["length"]["duration_s"] == pytest.approx(spoken, abs=1.0)
    assert report["length"]["verdict"] == "good"
    assert report["star"]["missing"] == [] and report["star"]["in_order"]
    assert max(report["star"]["share"], key=report["star"]["share"].get) == "action"
    assert report["pronouns"]["i_ratio"] > 0.7
    assert report["metrics"]["in_result"]
    assert any(m["kind"] == "change" for m in report["metrics"]["items"])
    assert report["score"] >= 90


def test_word_timings_match_where_the_sentences_were_spoken(sample_reports):
    report = sample_reports["strong-q4"]
    truth = sample_truth("strong-q4")["sentences"]
    words = report["transcript"]["words"]
    assert words[0]["start"] == pytest.approx(truth[0]["start"], abs=0.5)
    assert words[-1]["end"] == pytest.approx(truth[-1]["end"], abs=0.5)
    assert all(a["start"] <= b["start"] for a, b in zip(words, words[1:]))


def test_answer_without_a_result_is_caught(sample_reports):
    report = sample_reports["no-result-q13"]
    assert "result" in report["star"]["missing"]
    assert report["metrics"]["in_result"] is False
    star = next(c for c in report["checks"] if c["id"] == "star")
    assert star["status"] == "fail" and "Add the result" in star["tip"]
    assert report["next_step"]["check"] in ("star", "length")


def test_we_heavy_answer_fails_i_vs_we(sample_reports):
    report = sample_reports["we-heavy-q20"]
    assert report["pronouns"]["we"] >= 10 and report["pronouns"]["i_ratio"] < 0.2
    assert next(c for c in report["checks"] if c["id"] == "i_vs_we")["status"] == "fail"


def test_answer_without_numbers_fails_metrics(sample_reports):
    report = sample_reports["no-numbers-q7"]
    assert report["metrics"]["count"] == 0
    assert next(c for c in report["checks"] if c["id"] == "metrics")["status"] == "fail"
    assert report["star"]["present"]["result"]


@pytest.mark.parametrize("name", ["strong-q4", "no-result-q13", "we-heavy-q20", "no-numbers-q7"])
def test_every_sample_report_follows_the_spec(sample_reports, name):
    report = sample_reports[name]
    assert_follows_report_v1(report)
    assert report["source"]["kind"] == "audio" and report["take"] is None
    assert all(s["start"] is not None and s["start"] <= s["end"] for s in report["sentences"])
    assert report["length"]["wpm"] > 100


@slow
def test_a_long_recording_reports_how_far_its_transcription_has_got():
    """Over 30 s, the progress callback hears the share decoded so far, rising to the end
    (the terminal shows it with the time left); a short clip only gets the spinner."""
    from rehearse.pipeline import analyze_path

    calls = []
    analyze_path(SAMPLES / "strong-q4.flac", question_id="Q4", progress=lambda what, fraction=None: calls.append((what, fraction)))
    fractions = [f for _, f in calls if f is not None]
    assert len(fractions) >= 3 and fractions == sorted(fractions) and fractions[-1] > 0.9
    assert calls[-1] == (None, None) and all(what and what.startswith("Transcribing strong-q4.flac") for what, _ in calls[:-1])


def test_the_spinner_shows_the_share_done_and_the_time_left():
    from rich.console import Console

    from rehearse.ui.console import spinner

    shown = []

    class Status:
        def __init__(self, text):
            shown.append(str(text))

        def start(self):
            pass

        def stop(self):
            shown.append("stopped")

        def update(self, text):
            shown.append(str(text))

    console = Console()
    console.status = Status
    progress = spinner(console)
    progress("Transcribing a.flac...")
    progress("Transcribing a.flac...", 0.5)
    progress(None)
    assert shown[0] == "Transcribing a.flac..." and shown[1].startswith("Transcribing a.flac... 50%, about ")
    assert shown[1].endswith(" s left") and shown[-1] == "stopped"


@pytest.mark.parametrize("name", ["no-numbers-q7", "we-heavy-q20"])
def test_an_answer_heard_without_punctuation_is_decoded_again_with_its_question(sample_reports, name):
    """tiny.en writes these two samples with one full stop or none; with the question as
    its prompt it punctuates them, and the STAR labeler sees their sentences: none is
    told a part it has is missing."""
    from rehearse.transcription.transcribe import transcribe_file, unpunctuated

    plain, _ = transcribe_file(SAMPLES / f"{name}.flac")  # no question: decoded once
    assert unpunctuated(list(plain.words)) and "punctuated_again" not in plain.settings
    report = sample_reports[name]
    assert report["transcript"]["settings"]["punctuated_again"] is True
    truth = sample_truth(name)["sentences"]
    assert len(report["sentences"]) >= len(truth) - 1 and report["star"]["missing"] == []
