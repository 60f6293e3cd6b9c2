"""The HTML report of a take, opened in a real headless Chromium (Debian's `chromium`,
driven by Playwright with `executable_path`; .ci/run installs both): no console errors,
no request leaves the file, the audio plays for the take's length, a click on the third
sentence seeks to its start, and the colours and marks are there. Screenshots at
desktop and phone widths are kept for a person to look at."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import ROOT, SAMPLES, run_cli, slow

pytestmark = slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "test-screenshots"  # git-ignored; the closing note describes them


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[dev]' installs it)")
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt install chromium; .ci/run installs it)")
    return sync_playwright


def _open(browser, page_file, width: int, height: int):
    """A page at this viewport, with the console errors and the requests it makes."""
    page = browser.new_page(viewport={"width": width, "height": height})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    return page, errors, requests


@pytest.fixture(scope="module")
def strong_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    home = folder / "home"
    env = {"REHEARSE_HOME": str(home)}
    for name in ("no-result-q13", "strong-q4"):  # an earlier take of the same question, for the chart
        assert run_cli("analyze", str(SAMPLES / f"{name}.flac"), "-q", "Q4", env=env).returncode == 0
    page = folder / "take.html"
    assert run_cli("show", "2", "--html", str(page), env=env).returncode == 0
    report = json.loads(run_cli("show", "2", "--json", env=env).stdout)
    return page, report


def test_the_page_is_self_contained_and_small(strong_page):
    page, _ = strong_page
    text = page.read_text()
    assert page.stat().st_size < 1_200_000
    assert "data:audio/ogg;base64," in text and "<script src" not in text and "<link" not in text
    assert "http://" not in text and "https://" not in text


def test_in_a_browser_it_plays_seeks_and_shows_every_mark(strong_page):
    page_file, report = strong_page
    sync_playwright = _playwright()
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required"])
        try:
            page, errors, requests = _open(browser, page_file, 1280, 900)
            page.wait_for_function("document.getElementById('take-audio').readyState >= 1", timeout=15000)
            duration = page.evaluate("document.getElementById('take-audio').duration")
            assert abs(duration - report["duration_s"]) < 0.2, (duration, report["duration_s"])
            third = report["sentences"][2]
            page.locator(".sentence").nth(2).click()
            at = page.evaluate("document.getElementById('take-audio').currentTime")
            assert abs(at - third["start"]) < 0.1, (at, third["start"])
            page.wait_for_function("!document.getElementById('take-audio').paused", timeout=5000)
            # The sentence being spoken is highlighted (and named for a screen reader).
            page.wait_for_selector(".sentence.now[aria-current=true]", timeout=5000)
            assert page.locator(".sentence.now").count() == 1
            # Colours and marks: each part has its colour, with its letter beside it.
            colours = page.evaluate("""Array.from(new Set(Array.from(document.querySelectorAll('.sentence'))
                .map(e => getComputedStyle(e).borderLeftColor)))""")
            parts = {s["label"] for s in report["sentences"]}
            assert len(colours) == len(parts)
            assert page.locator(".bar button").count() == len(report["sentences"])
            marks = page.locator("mark").count()
            assert marks >= report["delivery"]["fillers"]["count"]
            rushed = sum(1 for s in report["sentences"] if s.get("pace") == "rush")
            assert page.locator(".sentence .tag.rush").count() == rushed
            assert page.locator("svg[role=img]").count() == 1  # score and length over the two takes
            page.screenshot(path=str(SHOTS / "take-desktop.png"), full_page=True)
            phone = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
            phone.goto(page_file.as_uri())
            widest = phone.evaluate("document.documentElement.scrollWidth")
            assert widest <= 390  # nothing runs off a phone's width
            phone.screenshot(path=str(SHOTS / "take-phone-dark.png"), full_page=True)
            assert not errors, errors
            assert all(url.startswith(("file://", "data:")) for url in requests), requests
        finally:
            browser.close()


def test_the_progress_page_shows_every_question_and_opens_cleanly(tmp_path):
    home = tmp_path / "home"
    env = {"REHEARSE_HOME": str(home)}
    for name, question in (("no-result-q13", "Q13"), ("strong-q4", "Q4"), ("no-numbers-q7", "Q4")):
        assert run_cli("analyze", str(SAMPLES / f"{name}.txt"), "-q", question, env=env).returncode == 0
    page_file = tmp_path / "progress.html"
    made = run_cli("progress", "--html", str(page_file), env=env)
    assert made.returncode == 0 and "Progress page written to" in made.stderr
    assert made.stdout == ""  # the page instead of the text, as show --html (a tryout got both)
    text = page_file.read_text()
    assert "http://" not in text and "https://" not in text and text.count("<h2>") == 2
    assert run_cli("progress", "--html", str(page_file), env=env).stderr.startswith("error: ")  # never over a file unasked
    sync_playwright = _playwright()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        try:
            page, errors, requests = _open(browser, page_file, 390, 844)
            assert page.locator("svg[role=img]").count() == 1  # Q4 has two takes; Q13 one
            assert "One take so far" in page.content()
            # The chart can be read without its table: each take's score at its point, the
            # score's scale on the left and the length's minutes on the right.
            shown = page.locator("svg[role=img] text").all_text_contents()
            q4 = next(e for e in json.loads(run_cli("progress", "--json", env=env).stdout)["questions"]
                      if e["question_id"] == "Q4")
            # (a score that is also an axis value, 0, 50 or 100, is shown once more than the axis)
            scores = q4["series"]["score"]
            assert len(scores) == 2 and all(shown.count(str(v)) == scores.count(v) + (str(v) in ("0", "50", "100"))
                                            for v in scores)
            assert {"0", "50", "100", "0:00", "1:00", "2:00", "3:00"} <= set(shown)
            assert page.locator("svg[role=img] circle").count() == 2
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            page.screenshot(path=str(SHOTS / "progress-phone.png"), full_page=True)
            assert not errors and all(url.startswith(("file://", "data:")) for url in requests), (errors, requests)
        finally:
            browser.close()


def test_whatever_a_stored_report_holds_is_shown_as_text():
    """A damaged or hostile stored report (a label, a mark kind, a score) never becomes markup."""
    from rehearse.ui.html_report import report_html
    from tests.conftest import a_report

    report = a_report()
    report["sentences"][0]["label"] = 'other"><img src=x onerror=alert(1)>'
    report["sentences"][1]["pace"] = '"><script>alert(2)</script>'
    report["checks"][0]["status"] = '"><b>odd</b>'
    report["sentences"][2]["text"] = "</script><script>alert(3)</script>"
    page = report_html(report)
    assert "<img" not in page and "<script>alert" not in page and "<b>odd</b>" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(3)" in page  # the words themselves are shown


def test_the_page_shows_the_warnings_and_the_change_since_the_last_take():
    # A tryout's page showed only faint underlines for a take Whisper was unsure of 22% of,
    # and left out the terminal's "Since take N" line.
    from rehearse.ui.html_report import report_html
    from tests.conftest import a_report

    report = a_report()
    report["warnings"] = [{"kind": "unsure_words", "message": "Whisper was unsure of 40 of the 180 words <22%>"}]
    report["previous_take"] = {"id": 3, "change": "score 62 -> 99; \"I\" in the Action 9% -> 100%", "same_story": True}
    page = report_html(report)
    assert '<ul class="warnings"><li>Whisper was unsure of 40 of the 180 words &lt;22%&gt;</li></ul>' in page
    assert "<strong>Since take 3:</strong> score 62 -&gt; 99; &quot;I&quot; in the Action 9% -&gt; 100%" in page
    assert '<ul class="warnings">' not in report_html(a_report())
