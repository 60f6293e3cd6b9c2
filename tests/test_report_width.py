"""The terminal report at 80 columns (its design width) and 60: it fits, nothing is cut
in a header, and the marks the tips speak of are there."""

from __future__ import annotations

import pytest
from rich.console import Console

from rehearse.history.store import History
from rehearse.pipeline import analyze_path
from rehearse.ui.history_views import history_table
from rehearse.ui.report_view import print_report
from tests.conftest import SAMPLES, a_report, slow

QUESTIONS = {"strong-q4": "Q4", "no-result-q13": "Q13", "we-heavy-q20": "Q20", "no-numbers-q7": "Q7"}


def rendered(report: dict, width: int, verbose: bool = False) -> list[str]:
    console = Console(width=width, record=True, force_terminal=False)
    print_report(report, console, verbose=verbose)
    return console.export_text().rstrip("\n").split("\n")


def check_fits(report: dict) -> list[str]:
    lines = rendered(report, 80)
    assert len(lines) <= 45, (len(lines), "\n".join(lines))
    assert max(len(line) for line in lines) <= 80
    narrow = rendered(report, 60)
    assert max(len(line) for line in narrow) <= 60
    assert "…" not in narrow[0] and "…" not in narrow[1]  # the question is never cut
    return lines


@pytest.mark.parametrize("name", list(QUESTIONS))
def test_a_typed_answers_report_fits_80_columns_and_cuts_no_finding(name):
    lines = check_fits(analyze_path(SAMPLES / f"{name}.txt", question_id=QUESTIONS[name]))
    shown = "\n".join(lines)
    assert "too_short" not in shown and "i_vs_we" not in shown and "check length" not in shown  # human words only
    assert shown.count("The guide:") <= 1  # the quote is behind `rehearse explain`, not in every row
    assert sum(line.startswith("PASS ") for line in lines) >= 3
    # A passing check's quoted words are its evidence: wrapped, never cut with "…".
    assert "…" not in shown


@slow
def test_a_recorded_answers_report_fits_and_marks_the_rushed_sentences(sample_reports):
    for name, report in sample_reports.items():
        lines = check_fits(report)
        stretches = report["delivery"]["pace"]["stretches"]
        shown = "\n".join(lines)
        if any(s["kind"] == "rush" for s in stretches):
            # (each whole on its line: report_view._unbroken)
            assert shown.count("[»rushed]") == sum(s["kind"] == "rush" for s in stretches), name
            assert "» rushed" in lines[2]  # in the legend, once
        assert all(report["sentences"][s["sentence"]]["pace"] == s["kind"] for s in stretches)
    assert rendered(sample_reports["strong-q4"], 80, verbose=True)  # the full table still renders


@slow
def test_without_colour_the_legend_names_only_marks_that_show(sample_reports):
    # A tryout's piped report had "filler  dim: unsure" in its legend, and neither showed.
    report = sample_reports["strong-q4"]
    coloured = Console(width=80, record=True, force_terminal=True, color_system="truecolor")
    print_report(report, coloured)
    legend = coloured.export_text().split("\n")[2]
    assert "filler" in legend and "dim: unsure" in legend  # this take has both, shown by style
    plain = rendered(report, 80)
    assert plain[2].split() == ["S", "situation", "T", "task", "A", "action", "R", "result", "»", "rushed"], plain[2]


def test_the_history_headers_are_whole_at_60_columns(rehearse_home):
    with History() as store:
        store.save(a_report())
        store.save(a_report("Q13", "no-result-q13"))
        takes = store.takes()
    console = Console(width=60, record=True, force_terminal=False)
    console.print(history_table(takes))
    text = console.export_text()
    header = text.split("\n")[0]
    for name in ("Take", "Q", "When", "Score", "Length", "Missing", '"I"', "Metrics"):
        assert name in header.split(), header
    assert "…" not in header
    # The short '"I"' header is explained under the table.
    assert '"I": your share of "I" against "we" in the Action' in " ".join(text.split())


def test_the_score_line_gives_one_speed():
    """A tryout saw "153 words/min" in the delivery and "142 words/min" beside the length,
    with nothing to say why: the score line gives the words a minute only when there is no
    measured pace."""
    from rehearse.ui.report_view import summary

    report = {"score": 90, "length": {"duration_s": 68.0, "estimated": False, "wpm": 142.0},
              "star": {"share": {"situation": 0.2, "task": 0.1, "action": 0.5, "result": 0.2}},
              "delivery": {"timed": True, "pace": {"wpm": 153.0, "verdict": "good"}}, "checks": []}
    assert "142 words/min" not in summary(report).plain
    report["delivery"] = {"timed": False, "pace": {"wpm": None}}
    assert "142 words/min" in summary(report).plain


def test_a_score_beside_a_failing_check_is_never_green():
    # A tryout read "Score 82/100" in green beside "FAIL STAR ... no result" as "fine".
    from rehearse.ui.report_view import summary

    report = a_report()
    shown = summary(report)
    assert [s.style for s in shown.spans if shown.plain[s.start:s.end] == f"{report['score']}/100"] == ["bold green"]
    star = next(c for c in report["checks"] if c["id"] == "star")
    report = {**report, "score": 82, "checks": [{**c, "status": "fail"} if c is star else c for c in report["checks"]]}
    shown = summary(report)
    assert [s.style for s in shown.spans if shown.plain[s.start:s.end] == "82/100"] == ["bold yellow"]


def test_the_full_report_lists_every_measure_with_its_part():
    # A tryout could not see what "and 3 more" counted without --json.
    report = a_report()
    shown = " ".join("\n".join(rendered(report, 200, verbose=True)).replace("│", " ").split())
    assert "Every one:" in shown
    for item in report["metrics"]["items"]:
        part = report["sentences"][item["sentence"]]["label"]
        assert f'"{item["text"]}" ({part})' in shown, item
