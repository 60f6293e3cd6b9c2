"""Take history on real SQLite files in a temporary REHEARSE_HOME: saving, every command,
migrations, two processes at once, a crash mid-save, and files that are not ours."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys


from rehearse.checks.score import OFF_TOPIC_CAP
from rehearse.history.figures import COLUMNS, better, key_figures
from rehearse.history.progress import change_line, sparkline
from rehearse.history.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, History
from tests.conftest import ROOT, SAMPLES, TEXTS, a_report, analyze_json, digest, run_cli, slow


@slow
def test_three_takes_of_q4_give_three_points_and_the_best_take(rehearse_home):
    # Typed answers of rising quality, saved as takes of Q4 one after the other.
    scores = [analyze_json(str(TEXTS[name]), "-q", "Q4")["score"] for name in ("no-result-q13", "no-numbers-q7", "strong-q4")]
    progress = json.loads(run_cli("progress", "--question", "Q4", "--json").stdout)
    [q4] = progress["questions"]
    assert q4["question_id"] == "Q4" and q4["takes"] == 3
    assert q4["series"]["score"] == scores
    for name in ("score", "duration_s", "i_ratio", "metric_count", "action_i_ratio", "fillers_per_min"):
        assert len(q4["series"][name]) == 3
    assert (q4["first_score"], q4["latest_score"], q4["best_score"]) == (scores[0], scores[2], max(scores))
    assert q4["best_take_id"] == 1 + scores.index(max(scores))
    text = run_cli("progress", "-q", "Q4").stdout
    assert "3 takes" in text and f"best {max(scores)} (take {q4['best_take_id']})" in text
    assert sparkline(scores) in text
    # (a tryout's climb from 38.7 fillers a minute to none was shown nowhere)
    assert "Fillers/min" in text


@slow
def test_show_json_equals_the_report_analyze_printed_and_the_audio_is_kept(rehearse_home, tmp_path):
    original = tmp_path / "my answer.flac"
    original.write_bytes((SAMPLES / "no-result-q13.flac").read_bytes())
    printed = analyze_json(str(original), "-q", "Q13")
    assert printed["take"] == {"id": 1, "saved": True}
    original.unlink()  # the person tidies up; the take keeps its own copy
    shown = run_cli("show", "1", "--json")
    assert shown.returncode == 0
    assert json.loads(shown.stdout) == printed
    [copy] = (rehearse_home / "takes").glob("*.flac")
    assert digest(copy) == digest(SAMPLES / "no-result-q13.flac")
    # The terminal view of a stored take is the analyze view.
    again = run_cli("show", "1").stdout
    assert "Q13 · Mentoring" in again and "saved as take 1" in again and "Score" in again


@slow
def test_no_save_leaves_the_history_untouched(rehearse_home):
    report = analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4", "--no-save")
    assert report["take"] is None
    assert not (rehearse_home / "history.sqlite3").exists()
    assert json.loads(run_cli("history", "--json").stdout) == {"takes": []}
    assert not (rehearse_home / "history.sqlite3").exists()  # reading does not create it


@slow
def test_history_lists_newest_first_with_key_figures(rehearse_home):
    analyze_json(str(TEXTS["no-result-q13"]), "-q", "Q13")
    analyze_json(str(TEXTS["we-heavy-q20"]), "-q", "Q20")
    analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4")
    listed = json.loads(run_cli("history", "--json").stdout)["takes"]
    assert [t["id"] for t in listed] == [3, 2, 1]
    assert set(listed[0]) == {"id", "question_id", "created_at", "score", "duration_s", "verdict", "missing", "unsure",
                              "i_ratio", "metric_count", "action_i_ratio", "off_topic"}
    assert listed[2]["question_id"] == "Q13" and listed[2]["missing"] == ["result"]
    assert listed[1]["i_ratio"] < 0.5  # the "we"-heavy answer
    assert listed[0]["created_at"].endswith("Z") and listed[0]["missing"] == []
    only = json.loads(run_cli("history", "--question", "q20", "--json").stdout)["takes"]
    assert [t["id"] for t in only] == [2]
    assert [t["id"] for t in json.loads(run_cli("history", "--limit", "1", "--json").stdout)["takes"]] == [3]
    table = run_cli("history").stdout
    assert "Q13" in table and "result" in table


@slow
def test_a_second_take_says_what_changed(rehearse_home, tmp_path):
    # The billing story told first without its end (its last four lines), then whole.
    first = tmp_path / "no-end.txt"
    first.write_text("\n".join(TEXTS["strong-q4"].read_text().splitlines()[:-4]) + "\n")
    before = analyze_json(str(first), "-q", "Q4")["score"]
    second = run_cli("analyze", str(TEXTS["strong-q4"]), "-q", "Q4")
    assert f"Since take 1: score {before} -> 100; now has a Result;" in second.stdout
    report = json.loads(run_cli("show", "2", "--json").stdout)
    assert report["previous_take"]["id"] == 1 and report["previous_take"]["same_story"]
    assert report["previous_take"]["change"].startswith(f"score {before} -> 100")


@slow
def test_a_typed_take_and_a_spoken_one_are_not_compared_on_length(rehearse_home, tmp_path):
    # A typed take's length is estimated from its words; a tryout read "length 1:52 -> 1:31"
    # between its typed answer and the same answer spoken as a change in how it spoke.
    analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4")
    spoken = analyze_json(str(SAMPLES / "strong-q4.flac"), "-q", "Q4")
    change = spoken["previous_take"]["change"]
    assert "length not compared (the earlier take was typed: its length is only estimated)" in change, change
    assert "length 1:" not in change and "->" in change  # the rest is still compared
    # progress and compare say the same, and a tie for best goes to the measured take
    progress = run_cli("progress", "-q", "Q4", env={"COLUMNS": "120"}).stdout
    length_row = next(line for line in progress.splitlines() if line.strip().startswith("Length"))
    assert "typed: not compared" in length_row and "better" not in length_row and "worse" not in length_row
    assert "typed: not compared" in next(line for line in run_cli("compare", "1", "2", env={"COLUMNS": "120"}).stdout
                                         .splitlines() if "Length " in line)
    q4 = json.loads(run_cli("progress", "-q", "Q4", "--json").stdout)["questions"][0]
    assert q4["typed_take_ids"] == [1] and (q4["best_take_id"] == 2 or q4["best_score"] > spoken["score"])
    # spoken against spoken: no such note (another file of the same speech: the same file
    # again is no new take)
    import soundfile
    retold = tmp_path / "strong-q4.wav"
    soundfile.write(retold, *soundfile.read(SAMPLES / "strong-q4.flac"))
    again = analyze_json(str(retold), "-q", "Q4")
    assert "not compared" not in again["previous_take"]["change"]


@slow
def test_compare_puts_two_takes_side_by_side(rehearse_home):
    analyze_json(str(TEXTS["no-result-q13"]), "-q", "Q13")
    analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4")
    out = run_cli("compare", "1", "2").stdout
    assert "take 1" in out and "take 2" in out and "Figure by figure" in out
    assert "(missing)" in out  # take 1 has no Result section
    assert "STAR sections" in out and "Result" in out
    assert "Take 1 answers Q13 and take 2 answers Q4" in " ".join(out.split())  # said, not left to notice
    analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4")
    assert "answers Q" not in run_cli("compare", "2", "3").stdout


@slow
def test_delete_asks_first_and_removes_the_take_and_its_copy(rehearse_home):
    analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4")
    [copy] = (rehearse_home / "takes").glob("*.txt")
    kept = subprocess.run([sys.executable, "-m", "rehearse", "delete", "1"], input="n\n", capture_output=True, text=True, cwd=ROOT)
    # The question says exactly what goes: the copy in the data folder, not the original.
    assert "the take and its copy of" in kept.stdout and "strong-q4.txt (that file stays)" in kept.stdout
    assert "Nothing deleted." in kept.stdout and copy.exists()
    unanswered = subprocess.run([sys.executable, "-m", "rehearse", "delete", "1"], stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, cwd=ROOT)
    assert unanswered.returncode == 1 and unanswered.stderr.startswith("error: delete asks before it removes")
    assert "--yes" in unanswered.stderr and "Aborted" not in unanswered.stdout + unanswered.stderr and copy.exists()
    gone = subprocess.run([sys.executable, "-m", "rehearse", "delete", "1"], input="y\n", capture_output=True, text=True, cwd=ROOT)
    assert gone.returncode == 0 and "Deleted take 1: the take and its copy of" in gone.stdout
    assert not copy.exists()
    assert json.loads(run_cli("history", "--json").stdout) == {"takes": []}
    missing = run_cli("delete", "1", "--yes")
    assert missing.returncode == 1 and missing.stderr.startswith("error: there is no take 1")


@slow
def test_export_csv_and_json(rehearse_home, tmp_path):
    analyze_json(str(TEXTS["no-result-q13"]), "-q", "Q13")
    analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4")
    csv_text = run_cli("export").stdout.splitlines()
    assert csv_text[0].startswith("id,question_id,created_at,answer_file,score,duration_s,verdict")
    assert len(csv_text) == 3 and csv_text[1].startswith("1,Q13,")
    out = tmp_path / "takes.json"
    result = run_cli("export", "--format", "json", "--output", str(out))
    assert result.returncode == 0 and f"Exported 2 takes to {out}" in result.stderr
    exported = json.loads(out.read_text())["takes"]
    assert [t["id"] for t in exported] == [1, 2]
    assert exported[1]["report"] == json.loads(run_cli("show", "2", "--json").stdout)
    # The file's name says the format when --format does not, and never contradicts it.
    named = tmp_path / "named.json"
    assert run_cli("export", "-o", str(named)).returncode == 0 and json.loads(named.read_text())["takes"]
    clash = run_cli("export", "-o", str(tmp_path / "takes.csv"), "--format", "json")
    assert clash.returncode == 0 and "warning: takes.csv is named .csv but holds json" in clash.stderr


@slow
def test_progress_chart_is_written_as_png_and_svg(rehearse_home, tmp_path):
    for name in ("no-result-q13", "no-numbers-q7", "strong-q4"):
        analyze_json(str(TEXTS[name]), "-q", "Q4")
    analyze_json(str(TEXTS["we-heavy-q20"]), "-q", "Q20")
    png, svg = tmp_path / "p.png", tmp_path / "p.svg"
    shown = run_cli("progress", "--chart", str(png))
    assert shown.returncode == 0 and f"Chart written to {png}" in shown.stdout
    # The "we"-heavy take is Q20's latest: the view names what holds it back.
    q20 = json.loads(run_cli("progress", "-q", "Q20", "--json").stdout)["questions"][0]
    latest = json.loads(run_cli("show", str(q20["latest_take_id"]), "--json").stdout)
    assert latest["pronouns"]["i_ratio"] < 0.5 and latest["next_step"] is not None
    assert q20["holding_back"] == latest["next_step"]
    assert "Still holding the score back" in run_cli("progress", "-q", "Q20").stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert run_cli("progress", "--chart", str(svg), "--json").returncode == 0
    assert "<svg" in svg.read_text()[:500] and "Length (seconds)" in svg.read_text()
    # One legend names the questions; the Length panel's key names only its band and aim.
    assert svg.read_text().count(">Q20<") == 1 and svg.read_text().count(">aim: 90 s<") == 1
    wrong = run_cli("progress", "--chart", str(tmp_path / "p.pdf"))
    assert wrong.returncode == 1 and wrong.stderr.startswith("error: --chart writes .png or .svg files")


# -- the store itself --------------------------------------------------------------


def test_a_new_database_has_the_current_schema_and_our_id(rehearse_home):
    with History() as store:
        store.save(a_report(), TEXTS["strong-q4"])
    conn = sqlite3.connect(rehearse_home / "history.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_of_the_first_schema_is_migrated_with_its_takes(rehearse_home):
    """Written by hand with the first schema, as the first release made it."""
    rehearse_home.mkdir(parents=True)
    path = rehearse_home / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    report = a_report()
    figures = key_figures(report)
    # The first schema had no delivery columns, nor the Action's "I" share, nor the off-topic
    # mark; versions 2, 6 and 7 add them from the reports.
    first_columns = [c for c in COLUMNS if c not in ("fillers_per_min", "hedge_count", "action_i_ratio", "off_topic",
                                                     "star_unsure")]
    old_figures = {c: figures[c] for c in first_columns}
    columns = ", ".join(first_columns)
    conn.execute(
        f"INSERT INTO takes (take_key, question_id, created_at, answer_file, original_path, model, report, {columns}) "
        f"VALUES ('k1', 'Q4', '2026-11-01T10:00:00Z', NULL, 'a.txt', NULL, ?, {', '.join('?' * len(old_figures))})",
        (json.dumps(report), *old_figures.values()))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with History() as store:
        [take] = store.takes()
        assert take.figures == figures and store.report(take.id) == report
        assert take.figures["hedge_count"] == report["delivery"]["hedges"]["count"]  # filled in by migration 2
        assert take.figures["action_i_ratio"] == report["pronouns"]["action"]["i_ratio"]  # and by migration 6
        store.save(a_report("Q13", "no-result-q13"))
        assert [t.id for t in store.takes()] == [2, 1]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_history_of_schema_6_marks_its_off_topic_takes_when_upgraded(rehearse_home):
    """Migration 7 reads the relevance verdict of every stored report; a damaged report is
    not marked (its take stays, as in migrations 2 and 6)."""
    with History() as store:
        store.save(a_report("Q4", "strong-q4"))
        store.save(a_report("Q13", "strong-q4"))  # the billing story for the mentoring question
        store.save(a_report("Q13", "no-result-q13"))
    path = rehearse_home / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript("ALTER TABLE takes DROP COLUMN off_topic; ALTER TABLE takes DROP COLUMN star_unsure; "
                           "PRAGMA user_version = 6;")
        conn.execute("UPDATE takes SET report = '{not json' WHERE id = 3")
    with History() as store:
        assert [t.figures["off_topic"] for t in store.takes(newest_first=False)] == [0, 1, 0]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_history_of_schema_8_caps_the_score_of_its_off_topic_takes_when_upgraded(rehearse_home):
    """Migration 9: a take saved before the cap, the billing story told for the mentoring
    question at its telling's score, gets the cap in its column and its report, which keeps
    that score as telling_score; a take that answers its question is left as it was."""
    own, other = a_report("Q13", "no-result-q13"), a_report("Q13", "strong-q4")
    told = other["telling_score"]
    assert other["score"] == OFF_TOPIC_CAP < told
    other["score"] = told  # as the report was saved before the cap
    del other["telling_score"]
    with History() as store:
        store.save(other)
        store.save(own)
    path = rehearse_home / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE takes SET score = ? WHERE id = 1", (told,))
        conn.execute("PRAGMA user_version = 8")
    with History() as store:
        first, second = store.takes(newest_first=False)
        assert (first.figures["score"], second.figures["score"]) == (OFF_TOPIC_CAP, own["score"])
        stored = store.report(1)
        assert (stored["score"], stored["telling_score"]) == (OFF_TOPIC_CAP, told)
        assert store.report(2) == {**own, "take": store.report(2)["take"]}
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_history_of_schema_7_keeps_the_parts_not_clear_when_upgraded(rehearse_home):
    """Migration 8 reads each stored report's star.unsure, so `history --json` and `export`
    tell a take with a part not clear from a complete one (a tryout's script could not); a
    damaged report keeps none."""
    unsure = a_report("Q4", "strong-q4")
    unsure["star"]["unsure"] = ["task", "result"]
    with History() as store:
        store.save(a_report("Q4", "strong-q4"))
        store.save(unsure)
        store.save(unsure)
    path = rehearse_home / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript("ALTER TABLE takes DROP COLUMN star_unsure; PRAGMA user_version = 7;")
        conn.execute("UPDATE takes SET report = '{not json' WHERE id = 3")
    with History() as store:
        assert [t.unsure for t in store.takes(newest_first=False)] == [[], ["task", "result"], []]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


# -- progress, pure ----------------------------------------------------------------


def figures(score, present="situation,task,action,result", duration=90.0, i_ratio=0.8, metrics=1, in_result=1,
            missing=None):
    found = present.split(",")
    missing = ",".join(p for p in ("situation", "task", "action", "result") if p not in found) if missing is None else missing
    return {"score": score, "star_present": present, "star_missing": missing, "duration_s": duration,
            "action_i_ratio": i_ratio, "metric_count": metrics, "metric_in_result": in_result}


def test_change_line_names_what_moved():
    before = figures(62, present="situation,task,action", duration=150, i_ratio=0.5, metrics=0, in_result=0)
    after = figures(74, duration=95, i_ratio=0.8, metrics=0, in_result=0)
    assert change_line(before, after) == (
        "score 62 -> 74; now has a Result; length 2:30 -> 1:35 (closer to 1:30); \"I\" in the Action 50% -> 80%; still no numbers in the Result")
    assert change_line(figures(80), figures(80)) == "no change: score 80"
    # A take with no Action has the whole answer's figure: named so (a tryout's "in the Action 0% -> 44%").
    assert '"I" of I + we 0% -> 44%' in change_line(figures(40, present="situation,result", i_ratio=0.0),
                                                   figures(60, i_ratio=0.44))
    # A tryout's: from 4:07 to 0:07 is closer to 1:30, and still no length to keep.
    assert "length 4:07 -> 0:07 (closer to 1:30, but too short)" in change_line(
        figures(60, duration=247), {**figures(50, duration=7), "verdict": "too_short"})
    assert change_line(figures(90), figures(70, present="situation,action,result", in_result=0)) == (
        "score 90 -> 70; lost the Task; lost the number in the Result")
    # A Result not found but only not clear (the report warned) is said so, not "no Result".
    unclear = figures(86, present="situation,task,action", missing="", in_result=0)
    assert change_line(figures(96), unclear) == "score 96 -> 86; Result not clear now; lost the number in the Result"
    assert "Result still not clear" in change_line(unclear, figures(88, present="situation,task,action", missing="",
                                                                    in_result=0))
    missing = figures(60, present="situation,task,action", in_result=0)  # told "no result"
    assert "Result no longer missing, not clear yet" in change_line(missing, unclear)
    assert "Result missing now" in change_line(unclear, missing)
    assert "still no Result" in change_line(missing, missing)
    # Fillers a minute, spoken against spoken only (a tryout's 7 -> none was said nowhere).
    assert change_line({**figures(90), "fillers_per_min": 7.3}, {**figures(100), "fillers_per_min": 0.0}) == (
        "score 90 -> 100; fillers 7.3 -> 0.0 a minute")
    assert "fillers" not in change_line({**figures(90), "fillers_per_min": 2.5}, {**figures(90), "fillers_per_min": 1.0})
    assert "fillers" not in change_line({**figures(90), "fillers_per_min": 7.3, "estimated": True},
                                        {**figures(90), "fillers_per_min": 0.0})


def test_better_knows_which_way_is_good():
    assert better("score", 60, 70) is True and better("score", 70, 60) is False
    assert better("duration_s", 150, 100) is True and better("duration_s", 90, 40) is False
    assert better("action_i_ratio", 0.5, 0.5) is None
    # (a tryout's "I" 93% -> 92% was "worse" in red: a share that moved under 10 points is
    # level, as the "Since take" line reads it)
    assert better("action_i_ratio", 0.93, 0.92) is None and better("action_i_ratio", 0.93, 0.80) is False
    assert better("fillers_per_min", 2.0, 1.8) is None and better("fillers_per_min", 2.0, 1.0) is True
    assert sparkline([1, 2, 3]) == "▁▅█" and sparkline([5, 5]) == "▅▅"


@slow
def test_recordings_no_take_keeps_are_listed_and_removed_on_request(rehearse_home):
    replay = ("practice", "Q4", "--replay", str(ROOT / "samples" / "no-result-q13.flac"), "--speed", "4")
    assert run_cli(*replay, "--no-save").returncode == 0
    assert run_cli(*replay).returncode == 0
    recordings = sorted((rehearse_home / "recordings").glob("*.wav"))
    assert len(recordings) == 2
    listed = run_cli("recordings")
    assert listed.returncode == 0 and str(recordings[0]) in listed.stdout and str(recordings[1]) not in listed.stdout
    assert "1 recording that no take keeps" in listed.stdout
    unanswered = subprocess.run([sys.executable, "-m", "rehearse", "recordings", "--delete"], stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, cwd=ROOT)
    assert unanswered.returncode == 1 and unanswered.stderr.startswith("error: ") and recordings[0].exists()
    assert run_cli("recordings", "--delete", "--yes").returncode == 0
    assert not recordings[0].exists() and recordings[1].exists()
    assert "No recordings outside the history." in run_cli("recordings").stdout


def test_progress_names_what_the_report_names_and_a_story_that_does_not_fit(rehearse_home):
    from rehearse.history.progress import progress_by_question
    from rehearse.pipeline import analyze_path

    with History() as store:
        store.save(analyze_path(TEXTS["no-result-q13"], question_id="Q13"), TEXTS["no-result-q13"])
        store.save(analyze_path(TEXTS["strong-q4"], question_id="Q20"), TEXTS["strong-q4"])
        q13, q20 = progress_by_question(store)
        # No Result: the report's one thing to change is the missing part; so is progress's.
        assert store.report(1)["next_step"]["check"] == q13["holding_back"]["check"] == "star"
        assert not q13["off_topic"] and q20["off_topic"]
        # What holds an off-topic take back is the story, not its polish (a tryout saw "Metrics").
        assert q20["holding_back"]["check"] == "relevance"
    shown = run_cli("progress", "-q", "Q20").stdout
    assert "The latest take does not answer this question" in " ".join(shown.split())
    assert "Still holding the score back" not in shown


# Another conflict story for Q4 than the billing sample's: written for this test.
NURSE_Q4 = (
    "Last spring I was a staff nurse on a busy medical ward, and our charge nurse wanted to discharge an elderly patient "
    "on a Friday afternoon so we would have the bed for the weekend. I disagreed, because his oxygen levels had dipped "
    "twice that morning and his daughter could not get to him until Monday. I was his named nurse, so it was my job to "
    "speak up for him without turning it into a fight on the ward floor. I asked the charge nurse for five minutes in "
    "the office, showed her the observation chart, and said plainly that I thought sending him home that day was unsafe. "
    "She was worried about the eleven people waiting in the emergency department, so I offered a plan: I would ring the "
    "registrar to review him before three, and I would chase two other discharges that were only waiting on paperwork. "
    "The registrar kept him in, I got the two other patients home by four, and we still freed two beds. The charge "
    "nurse thanked me the next week and asked me to show the new starters how I had put the case to her.")


def test_a_take_off_its_question_is_marked_and_never_its_best_or_its_yardstick(rehearse_home):
    """The billing story told for the mentoring question (Q13) is told better than the real
    mentoring answer, which has no Result, and its score is capped: the history marks it off
    topic, progress never names it the best take, and the next take of Q13 is compared with
    the one that answers."""
    from rehearse.history.progress import overall_progress, overall_said, progress_by_question
    from rehearse.pipeline import analyze_path, keep_take

    own, other = analyze_path(TEXTS["no-result-q13"], question_id="Q13"), analyze_path(TEXTS["strong-q4"], question_id="Q13")
    assert other["relevance"]["verdict"] == "off_topic" and other["telling_score"] > own["score"]
    assert other["score"] == OFF_TOPIC_CAP and own["score"] == own["telling_score"]
    with History() as store:
        keep_take(store, own, TEXTS["no-result-q13"])
        keep_take(store, other, TEXTS["strong-q4"])
        assert other["previous_take"] == {"id": 1, "change": "not compared: this story does not answer the question",
                                          "same_story": False}
        # Latest, the other story is no step forward or back for any figure (a tryout's read
        # "Length ↑ better" and "Metrics ↑ better" beside it).
        from rich.console import Console

        from rehearse.ui.history_views import progress_view

        console = Console(record=True, width=100, file=io.StringIO())
        console.print(progress_view(progress_by_question(store)[0]))
        shown_then = console.export_text()
        assert "does not answer this question" in shown_then
        assert "better" not in shown_then and "worse" not in shown_then
        again = analyze_path(TEXTS["no-result-q13"], question_id="Q13")
        keep_take(store, again, TEXTS["no-result-q13"])
        assert again["previous_take"]["id"] == 1 and again["previous_take"]["same_story"]
        assert [t.figures["off_topic"] for t in store.takes(newest_first=False)] == [0, 1, 0]
        [q13] = progress_by_question(store)
        assert (q13["best_take_id"], q13["best_score"], q13["off_topic_take_ids"]) == (3, own["score"], [2])
        assert (q13["first_answering_take_id"], q13["first_answering_score"]) == (1, own["score"])
        # The overall means leave the other story out: its higher score is no progress.
        overall = overall_progress([q13])
        assert (overall["mean_first_score"], overall["mean_latest_score"], overall["off_topic_takes"]) == (
            own["score"], again["score"], 1)
        assert overall_said(overall).endswith("(1 off-topic take left out).")
    listed = json.loads(run_cli("history", "--json").stdout)["takes"]
    assert [t["off_topic"] for t in listed] == [0, 1, 0]
    table = " ".join(run_cli("history", env={"COLUMNS": "100"}).stdout.split())
    assert "off topic" in table and "the story does not answer the question" in table
    progress = run_cli("progress", "-q", "Q13").stdout
    shown = " ".join(progress.split())
    assert f"best {own['score']} (take 3)" in shown and "Take 2 tells a story that does not answer this question" in shown
    # The latest take is measured against take 1, not against the story off the question.
    score_row = next(line for line in progress.splitlines() if line.strip().startswith("Score"))
    assert score_row.split()[3:6] == [str(own["score"])] * 2 + ["→"], score_row
    exported = run_cli("export").stdout.splitlines()
    assert exported[0].endswith(",off_topic") and [line[-2:] for line in exported[1:]] == [",0", ",1", ",0"]


def test_a_retold_story_is_compared_with_its_last_telling_and_another_story_says_so(rehearse_home, tmp_path):
    from rehearse.pipeline import analyze_path, keep_take

    nurse = tmp_path / "nurse.txt"
    nurse.write_text(NURSE_Q4)
    # The billing story again, its first sentence said another way.
    retold = tmp_path / "retold.txt"
    retold.write_text("I worked on payments as a backend engineer, and Dana and I disagreed about billing.\n"
                      + TEXTS["strong-q4"].read_text().split("\n", 1)[1])
    with History() as store:
        for path in (TEXTS["strong-q4"], nurse, retold):
            report = analyze_path(path, question_id="Q4")
            assert report["relevance"]["verdict"] == "fits", path
            keep_take(store, report, path)
        second, third = store.report(2), store.report(3)
    assert second["previous_take"]["id"] == 1 and not second["previous_take"]["same_story"]
    assert second["previous_take"]["change"].startswith("another story; ")
    # The newest take is the nurse's; the billing story's last telling is take 1.
    assert third["previous_take"]["id"] == 1 and third["previous_take"]["same_story"]
    assert not third["previous_take"]["change"].startswith("another story")


def test_the_history_counts_the_measures_the_report_names(rehearse_home, tmp_path):
    """A new user saw "9 metrics" in the report and 11 in the history: a measure said twice
    ("three weeks") is one measure in both."""
    from rehearse.history.store import History
    from rehearse.pipeline import analyze_path

    answer = tmp_path / "answer.txt"
    answer.write_text("Our billing module crashed twice a week and I had three weeks to fix it. I rewrote the parser "
                      "and added 40 tests. After three weeks the crashes stopped and support tickets fell by 30 percent.")
    report = analyze_path(answer, question_id="Q8")
    metrics = next(c for c in report["checks"] if c["id"] == "metrics")
    # "three weeks" is said twice: one measure in the report's count too (a tryout's JSON said
    # 8 where the terminal and the history said 7)
    assert len(report["metrics"]["items"]) > report["metrics"]["count"] == int(metrics["message"].split()[0])
    with History() as store:
        store.save(report)
        [take] = store.takes()
    assert take.figures["metric_count"] == int(metrics["message"].split()[0])


def test_compare_says_a_part_that_is_only_unclear_is_not_clear():
    from rehearse.ui.history_views import _section

    report = {"sentences": [{"text": "I fixed it.", "label": "action"}], "star": {"missing": ["task"], "unsure": ["result"]}}
    assert str(_section(report, "result")) == "(not clear)" and str(_section(report, "task")) == "(missing)"
    assert str(_section(report, "action")) == "I fixed it."


def test_the_history_marks_a_part_that_is_only_unclear():
    # A tryout: a take that warned its Action was not clear listed "-" under Missing, as a
    # complete one does.
    from types import SimpleNamespace

    from rich.console import Console

    from rehearse.ui.history_views import history_table

    figures = {"score": 64, "duration_s": 41.0, "verdict": "too_short", "star_present": "situation,task,result", "star_missing": "",
               "action_i_ratio": 0.3, "metric_count": 2, "metric_in_result": 1}
    take = SimpleNamespace(id=1, question_id="Q18", created_at="2026-11-27T17:21:00Z", figures=figures, missing=[])
    complete = SimpleNamespace(id=2, question_id="Q4", created_at="2026-11-27T17:22:00Z", missing=[],
                               figures={**figures, "star_present": "situation,task,action,result"})
    console = Console(width=100, record=True, force_terminal=False)
    console.print(history_table([complete, take]))
    rows = console.export_text().splitlines()
    assert "A?" in rows[2] and "?" not in rows[1] and " - " in rows[1]
    # Three unclear parts still fit 60 columns, every header whole.
    none_clear = SimpleNamespace(id=3, question_id="Q4", created_at="2026-11-27T17:23:00Z", missing=[],
                                 figures={**figures, "star_present": "result"})
    narrow = Console(width=60, record=True, force_terminal=False)
    narrow.print(history_table([none_clear]))
    lines = narrow.export_text().splitlines()
    assert "S? T? A?" in lines[1] and lines[0].split() == ["Take", "Q", "When", "Score", "Length", "Missing", '"I"', "Metrics"]


def test_the_overall_means_say_so_when_no_take_answers_its_question():
    from rehearse.history.progress import overall_progress, overall_said

    entry = {"take_ids": [4, 5], "off_topic_take_ids": [4, 5], "takes": 2, "series": {"score": [90, 100]},
             "first_answering_take_id": None, "first_answering_score": None}
    overall = overall_progress([entry])
    assert (overall["mean_first_score"], overall["mean_latest_score"], overall["off_topic_takes"]) == (None, None, 2)
    assert overall_said(overall) == "2 takes of 1 question; no take answers its question yet, so there is no mean score."


def test_progress_starts_from_the_first_take_that_answers_the_question():
    """A tryout's first Q13 take, a 100 for a customer story, read "first 100 ... latest
    100" and hid the real climb from 52 to 100."""
    from rich.console import Console

    from rehearse.ui.history_views import progress_view

    entry = {"question_id": "Q13", "takes": 3, "first_score": 100, "first_answering_take_id": 2, "first_answering_score": 52,
             "latest_score": 100, "best_score": 100,
             "best_take_id": 3, "latest_take_id": 3, "take_ids": [1, 2, 3], "off_topic_take_ids": [1],
             "series": {"score": [100, 52, 100], "duration_s": [80.0, 70.0, 90.0], "action_i_ratio": [1.0, 0.5, 1.0],
                        "metric_count": [2, 0, 2], "i_ratio": [1.0, 0.5, 1.0]},
             "holding_back": None, "polish": None, "off_topic": False}
    console = Console(record=True, width=120)
    console.print(progress_view(entry))
    shown = console.export_text()
    assert "first 52" in shown and "first 100" not in shown
    # Better or worse in words too, not only in colour (a tryout's plain output had bare arrows).
    assert shown.count("↑ better") == 4 and "worse" not in shown
    assert "Take 1 tells a story that does not answer this question" in " ".join(shown.split())


def test_since_take_follows_a_story_merged_by_hand(rehearse_home, tmp_path):
    """A review: "Since take N" measured stories by their words only, so a retelling a
    person merged in the story bank was still "another story"."""
    from rehearse.history.progress import take_to_compare
    from rehearse.pipeline import analyze_path, keep_take

    with History() as store:
        keep_take(store, analyze_path(TEXTS["strong-q4"], question_id="Q4"), TEXTS["strong-q4"])
        nurse = tmp_path / "nurse-q4.txt"
        nurse.write_text(NURSE_Q4)
        keep_take(store, analyze_path(nurse, question_id="Q4"), nurse)
        # Unmerged, the nurse's story is another story: the yardstick is take 1, its own words.
        assert take_to_compare(store.comparable("Q4"), TEXTS["strong-q4"].read_text())[0].id == 1
        # The person says both tell one story (here: two different stories, put together by hand).
        store.set_stories({1: 1, 2: 1}, placed=True)
        again = analyze_path(TEXTS["strong-q4"], question_id="Q4")
        keep_take(store, again, TEXTS["strong-q4"])
        assert again["previous_take"]["id"] == 2 and again["previous_take"]["same_story"]


def test_progress_when_no_take_answers_the_question_has_no_first():
    from rich.console import Console

    from rehearse.ui.history_views import progress_view

    entry = {"question_id": "Q13", "takes": 1, "first_score": 90, "first_answering_take_id": None,
             "first_answering_score": None, "latest_score": 90, "best_score": None,
             "best_take_id": None, "latest_take_id": 1, "take_ids": [1], "off_topic_take_ids": [1],
             "series": {"score": [90], "duration_s": [80.0], "action_i_ratio": [1.0], "metric_count": [2], "i_ratio": [1.0]},
             "holding_back": None, "polish": None, "off_topic": True}
    console = Console(record=True, width=120)
    console.print(progress_view(entry))
    assert "first - ·" in console.export_text()


def test_a_takes_words_a_minute_are_the_pace_its_report_gave():
    # A new user's report said 256 words a minute and `compare` showed 252: the history
    # kept the whole span's words over its time, long pauses and "um"s in.
    report = a_report()
    report["length"]["wpm"], report["delivery"]["pace"]["wpm"] = 252.0, 256.0
    assert key_figures(report)["wpm"] == 256.0
    report["length"]["wpm"], report["delivery"]["pace"]["wpm"] = 150.0, None  # typed: no pace measured
    assert key_figures(report)["wpm"] == 150.0


def test_a_tie_for_best_goes_to_the_take_told_plainly_then_closest_to_90_seconds():
    # A tryout's two takes scored the same, and the best was the later, garbled one.
    from types import SimpleNamespace

    from rehearse.history.progress import question_progress

    def take(take_id, unsure, seconds, score=80):
        return SimpleNamespace(id=take_id, estimated=False, unheard=False, figures={"score": score, "star_unsure": unsure, "duration_s": seconds,
                                                     "off_topic": 0, **{name: None for name in ("action_i_ratio", "fillers_per_min",
                                                                                                  "metric_count", "i_ratio")}})
    plain, unclear, long_plain = take(1, "", 95.0), take(2, "result,task", 90.0), take(3, "", 170.0)
    assert question_progress("Q4", [plain, unclear, long_plain])["best_take_id"] == 1
    assert question_progress("Q4", [plain, take(2, "", 95.0)])["best_take_id"] == 2  # all else equal: the latest
    assert question_progress("Q4", [plain, take(2, "result", 90.0, score=81)])["best_take_id"] == 2  # the score first


def test_an_answer_that_tells_no_step_of_its_own_has_no_i_share_in_the_history(tmp_path):
    # A tryout's general answer ("I always...") was told "No step of your own is told yet",
    # and history, progress and export showed it as 100% "I".
    from rehearse.pipeline import analyze_path

    general = tmp_path / "general.txt"
    general.write_text("I always make sure everyone is heard. I usually listen first and I try to find common "
                       "ground. I am a good communicator and I like to keep people calm.\n")
    report = analyze_path(general, question_id="Q4")
    check = next(c for c in report["checks"] if c["id"] == "i_vs_we")
    assert check["message"].startswith("No step of your own is told yet")
    assert report["pronouns"]["i_ratio"] == 1.0 and report["pronouns"]["checked_i_ratio"] is None
    assert key_figures(report)["action_i_ratio"] is None
    strong = a_report()
    assert key_figures(strong)["action_i_ratio"] == strong["pronouns"]["checked_i_ratio"] == 1.0


def test_the_same_file_analyzed_again_is_no_new_take(rehearse_home, tmp_path):
    """Two takes of one recording showed as "no change" in progress and as two tellings in
    the story bank: the same file again is shown, not saved; changed, or for another
    question, it is a take of its own."""
    from rehearse.pipeline import analyze_path, keep_new_take

    answer = tmp_path / "answer.txt"
    answer.write_bytes(TEXTS["strong-q4"].read_bytes())
    with History() as store:
        first = keep_new_take(store, analyze_path(answer, question_id="Q4"), answer)
        again = analyze_path(answer, question_id="Q4")
        assert keep_new_take(store, again, answer) is None
        assert again["take"] == {"id": first, "saved": False, "same_recording": True}
        assert [t.id for t in store.takes("Q4")] == [first]
        other_question = keep_new_take(store, analyze_path(answer, question_id="Q5"), answer)
        answer.write_text(answer.read_text() + " And I would do it again.")
        edited = keep_new_take(store, analyze_path(answer, question_id="Q4"), answer)
        assert len({first, other_question, edited}) == 3
        assert [t.id for t in store.takes("Q4")] == [edited, first]


@slow
def test_analyze_says_a_file_already_saved_is_not_saved_again(rehearse_home):
    first = run_cli("analyze", str(TEXTS["strong-q4"]), "-q", "Q4")
    assert "saved as take 1" in first.stdout
    again = run_cli("analyze", str(TEXTS["strong-q4"]), "-q", "Q4")
    assert again.returncode == 0
    assert "not saved again: take 1 holds this same file" in " ".join(again.stdout.split())
    assert len(json.loads(run_cli("history", "--json").stdout)["takes"]) == 1
