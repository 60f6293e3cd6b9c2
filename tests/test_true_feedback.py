"""Feedback that says only true things (issue "Reports people read"): each case here
printed something misleading before its fix."""

from __future__ import annotations

import time

from rehearse.analysis.answer import analyze_transcript
from rehearse.checks import by_id, fillers, pauses
from rehearse.history.progress import sparkline
from rehearse.history.store import History
from rehearse.ui.history_views import progress_view, when
from tests.conftest import SAMPLES, a_report
from tests.test_checks import spoken


def test_a_trend_too_small_to_matter_is_drawn_flat():
    assert sparkline([83.8, 83.7, 83.7], 10) == "▅▅▅"
    assert sparkline([60, 90, 120], 10) == "▁▅█"  # a real change still shows


def test_times_are_shown_in_the_persons_time_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert when("2026-11-26T16:09:00Z") == "2026-11-27 01:09"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_explain_finds_a_check_however_it_is_typed():
    assert by_id("STAR").ID == "star" and by_id("i-vs-we").ID == "i_vs_we" and by_id("I_vs_We").ID == "i_vs_we"
    assert by_id("nope") is None


def test_the_fillers_line_never_drops_a_kind_silently():
    text = ("So, like, we basically, you know, actually literally fixed it. I mean, it was done. " * 3
            + "I led the work and in the end it was fixed in two days. " * 6)
    result = fillers.run(analyze_transcript(spoken(text, 90)))
    kinds = {m.text.lower() for m in analyze_transcript(spoken(text, 90)).delivery.fillers}
    assert len(kinds) > fillers.SHOWN_KINDS
    assert f"and {len(kinds) - fillers.SHOWN_KINDS} more kind" in result.message


def test_no_pauses_at_a_fast_pace_is_not_called_flowing():
    text = (SAMPLES / "strong-q4.txt").read_text()
    result = pauses.run(analyze_transcript(spoken(text, 80)))  # 263 words in 80 s, evenly: no pause at all
    assert result.status == "pass" and "flows" not in result.message + result.tip
    assert "No long pauses" in result.message


def test_a_fast_pace_is_not_shown_beside_a_good_band():
    # A tryout read "174 words a minute (good: 120-170)" as praise.
    from rehearse.checks import pace

    text = (SAMPLES / "strong-q4.txt").read_text()
    result = pace.run(analyze_transcript(spoken(text, 80)))
    assert result.status == "warn" and "(aim for 120-170)" in result.message and "good" not in result.message


def test_at_100_progress_says_nothing_holds_the_score_back(rehearse_home):
    from rich.console import Console

    from rehearse.history.progress import progress_by_question

    report = a_report()
    assert report["score"] == 100
    report["checks"].append({"id": "pace", "status": "warn", "message": "fast", "tip": "Slow down.", "points": 0,
                             "max_points": 0})
    report["next_step"] = {"check": "pace", "tip": "Slow down."}
    with History() as store:
        store.save(report)
        [entry] = progress_by_question(store)
    assert entry["holding_back"] is None and entry["polish"] == {"check": "pace", "tip": "Slow down."}
    console = Console(width=80, record=True)
    console.print(progress_view(entry))
    shown = console.export_text()
    assert "Nothing holds the score back at 100. To polish: Pace: Slow down." in " ".join(shown.split())
    assert "Still holding" not in shown


def test_a_score_beside_a_story_that_may_not_answer_the_question_is_only_the_tellings(rehearse_home):
    # (a teacher's story about a parent, told for "feedback to someone more senior", read a
    # plain "Score 100/100" beside the warning, and progress said nothing held it back)
    from rich.console import Console

    from rehearse.history.progress import progress_by_question
    from rehearse.ui.report_view import summary

    report = a_report("Q5")  # a disagreement with a peer, told for "difficult feedback": unsure
    assert report["relevance"]["verdict"] == "unsure" and report["score"] == 100
    said = summary(report)
    assert said.plain.startswith("Score 100/100 if the story answers this question")
    assert not any("green" in str(span.style) for span in said.spans)
    from rehearse.ui.html_report import report_html
    assert '<span class="score">100/100</span> if the story answers this question' in report_html(report)
    with History() as store:
        store.save(report)
        [entry] = progress_by_question(store)
    console = Console(width=80, record=True)
    console.print(progress_view(entry))
    shown = " ".join(console.export_text().split())
    assert "100 if the story answers this question. Check it fits: Fits question:" in shown
    assert "Nothing holds the score back" not in shown
    assert a_report("Q4")["relevance"]["verdict"] == "fits" and not summary(a_report("Q4")).plain.count("if the story")
