"""A full disk and a file size limit while saving are said as such, never as a damaged
history; no half-written file is left behind, and a take that was kept is saved by the
next command once there is room."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from rehearse.history.store import SCHEMA_VERSION, History, HistoryError
from tests.conftest import ROOT, SAMPLES, TEXTS, a_report, analyze_json, digest, run_cli, slow
from tests.reliability.conftest import ANSWER, rehearse, takes_in, three_takes

pytestmark = slow


def test_a_read_only_history_can_still_be_read(small_disk):
    home = small_disk / "home"
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)]).returncode == 0
    for args in (("history",), ("show", "1"), ("show", "1", "--json"), ("progress",), ("export",)):
        result = rehearse(home, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    assert json.loads(rehearse(home, "show", "1", "--json").stdout)["take"]["id"] == 1
    # A healthy history in a read-only folder is not "damaged" (a tryout was told to move it aside).
    doctor = rehearse(home, "doctor")
    assert doctor.returncode == 0 and "is fine" in doctor.stdout and "damaged" not in doctor.stdout + doctor.stderr
    saving = rehearse(home, "analyze", ANSWER, "-q", "Q4")
    assert saving.returncode == 1 and saving.stderr.count("\n") == 1
    assert "is read-only" in saving.stderr and "--no-save" in saving.stderr
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4", "--no-save").returncode == 0


def test_a_read_only_history_of_an_older_schema_is_still_read(small_disk):
    """Schema 2 (before the story bank and follow-up answers) on a read-only disk: every
    reading command works, the stories are grouped in memory, and nothing is written."""
    import sqlite3

    home = small_disk / "home"
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    conn = sqlite3.connect(home / "history.sqlite3")  # back to schema 2, as an older rehearse left it
    conn.executescript("DROP TABLE follow_ups; DROP INDEX takes_by_story; ALTER TABLE takes DROP COLUMN story_placed; "
                       "ALTER TABLE takes DROP COLUMN story_id; DROP TABLE sessions; DROP INDEX takes_by_session; "
                       "ALTER TABLE takes DROP COLUMN session_id; ALTER TABLE takes DROP COLUMN action_i_ratio; "
                       "ALTER TABLE takes DROP COLUMN off_topic; ALTER TABLE takes DROP COLUMN star_unsure; "
                       "PRAGMA user_version = 2;")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()  # an open file keeps the disk from being remounted read-only
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)]).returncode == 0
    for args in (("history",), ("show", "1"), ("stories", "--json"), ("export", "--format", "json"), ("progress",),
                 ("recordings",)):
        result = rehearse(home, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    assert json.loads(rehearse(home, "stories", "--json").stdout)["stories"][0]["takes"] == [1]
    # The Action's "I" share, the off-topic mark and the parts not clear, columns since
    # schemas 6, 7 and 8, are read from the stored report.
    [take] = json.loads(rehearse(home, "history", "--json").stdout)["takes"]
    assert take["action_i_ratio"] is not None and take["off_topic"] == 0 and take["unsure"] == []


def test_a_damaged_report_does_not_stop_a_history_from_being_upgraded(tmp_path):
    """Migration 6 reads every stored report: a damaged one keeps its take's whole-answer
    figure, and the history opens (it said "damaged" and opened nothing before)."""
    import sqlite3

    db = three_takes(tmp_path / "home")
    with sqlite3.connect(db) as conn:  # back to schema 5, with take 2's report not JSON
        conn.executescript("ALTER TABLE takes DROP COLUMN action_i_ratio; ALTER TABLE takes DROP COLUMN off_topic; "
                           "ALTER TABLE takes DROP COLUMN star_unsure; PRAGMA user_version = 5;")
        conn.execute("UPDATE takes SET report = '{not json' WHERE id = 2")
    listed = rehearse(tmp_path / "home", "history", "--json")
    assert listed.returncode == 0, listed.stderr
    takes = {t["id"]: t for t in json.loads(listed.stdout)["takes"]}
    assert takes[2]["action_i_ratio"] == takes[2]["i_ratio"] and takes[1]["action_i_ratio"] is not None
    assert rehearse(tmp_path / "home", "delete", "2", "--yes").returncode == 0


def test_a_damaged_report_does_not_stop_a_first_schema_history_from_being_upgraded(tmp_path):
    """Migration 2 reads every stored report too: a damaged one leaves its take's delivery
    figures empty, and every later migration runs."""
    import sqlite3

    db = three_takes(tmp_path / "home")
    with sqlite3.connect(db) as conn:  # back to schema 1, with take 2's report not JSON
        conn.executescript(
            "DROP INDEX takes_by_story; DROP INDEX takes_by_session; DROP TABLE follow_ups; DROP TABLE sessions; "
            + "".join(f"ALTER TABLE takes DROP COLUMN {c}; " for c in (
                "fillers_per_min", "hedge_count", "story_id", "story_placed", "session_id", "action_i_ratio", "off_topic",
                "star_unsure"))
            + "PRAGMA user_version = 1;")
        conn.execute("UPDATE takes SET report = '{not json' WHERE id = 2")
    listed = rehearse(tmp_path / "home", "history", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [t["id"] for t in json.loads(listed.stdout)["takes"]] == [3, 2, 1]
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT id, fillers_per_min FROM takes").fetchall())
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert rows[2] is None and rows[1] is not None and rows[3] is not None


def test_a_stored_report_with_damaged_bytes_breaks_only_that_take(tmp_path):
    import sqlite3

    db = three_takes(tmp_path / "home")
    with sqlite3.connect(db) as conn:  # bytes that are not UTF-8 and not JSON, in take 2 only
        conn.execute("UPDATE takes SET report = CAST(X'7B226122C3283AFF' AS TEXT) WHERE id = 2")
    assert rehearse(tmp_path / "home", "history").returncode == 0
    assert rehearse(tmp_path / "home", "show", "1").returncode == 0
    assert rehearse(tmp_path / "home", "export").returncode == 0
    exported = rehearse(tmp_path / "home", "export", "--format", "json")
    assert exported.returncode == 0 and "warning: the stored report of take 2 is damaged" in exported.stderr
    takes = json.loads(exported.stdout)["takes"]
    assert [t["id"] for t in takes] == [1, 2, 3] and takes[1]["report"] is None
    assert takes[0]["report"]["take"]["id"] == 1 and takes[2]["report"]["take"]["id"] == 3
    broken = rehearse(tmp_path / "home", "show", "2")
    assert broken.returncode == 1 and broken.stderr.count("\n") == 1 and "Traceback" not in broken.stderr
    assert "take 2's stored report" in broken.stderr and "rehearse delete 2" in broken.stderr


def test_a_damaged_database_is_named_with_what_to_do(tmp_path):
    import sqlite3

    db = three_takes(tmp_path / "home")
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'takes'").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as f:  # 8 bytes over the table's page header
        f.seek((root - 1) * page)
        f.write(b"\xff" * 8)
    for args in (("history",), ("show", "1"), ("export",), ("analyze", ANSWER, "-q", "Q4")):
        result = rehearse(tmp_path / "home", *args)
        assert result.returncode == 1 and result.stderr.count("\n") == 1, (args, result.stderr)
        assert str(db) in result.stderr and "damaged" in result.stderr and "Traceback" not in result.stderr


def test_a_stale_marker_beside_a_file_that_is_not_a_wav_never_deletes_it(tmp_path):
    home = tmp_path / "home"
    recordings = home / "recordings"
    recordings.mkdir(parents=True)
    mine = recordings / "20260101-000000-Q4.wav"
    mine.write_text("my own notes, not audio")
    (recordings / (mine.name + ".recording")).write_text(json.dumps({"pid": 2 ** 22 + 12345, "samplerate": 16000}))
    for args in (("history",), ("recover",)):
        result = rehearse(home, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert mine.read_text() == "my own notes, not audio"


def test_an_empty_database_of_another_program_is_refused_not_taken_over(tmp_path):
    import sqlite3

    home = tmp_path / "home"
    home.mkdir()
    db = home / "history.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA application_id = 1234")
    result = rehearse(home, "analyze", ANSWER, "-q", "Q4")
    assert result.returncode == 1 and "another program" in result.stderr and result.stderr.count("\n") == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 1234
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_export_to_a_closed_stdout_is_one_error_line(tmp_path):
    home = tmp_path / "home"
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    env = {**os.environ, "REHEARSE_HOME": str(home)}
    result = subprocess.run(f"{sys.executable} -m rehearse export >&-", shell=True, cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr.startswith("error: cannot write the export")
    assert "Traceback" not in result.stderr


def test_doctor_names_what_is_damaged_and_moves_a_broken_history_aside_only_when_asked(tmp_path):
    import sqlite3

    home = tmp_path / "home"
    db = three_takes(home)
    fine = rehearse(home, "doctor")
    assert fine.returncode == 0 and "is fine" in fine.stdout
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE takes SET report = CAST(X'7B226122C3283AFF' AS TEXT) WHERE id = 2")
    one_take = rehearse(home, "doctor")
    assert one_take.returncode == 1 and "take 2's stored report is damaged" in one_take.stdout
    assert one_take.stderr.startswith("error: 1 problem") and "--move-aside" not in one_take.stderr
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'takes'").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xff" * 8)
    damaged = rehearse(home, "doctor")
    assert damaged.returncode == 1 and "is damaged" in damaged.stdout and "--move-aside" in damaged.stderr
    assert db.exists()  # nothing moved without asking
    moved = rehearse(home, "doctor", "--move-aside")
    assert moved.returncode == 0 and not db.exists()
    assert len(list(home.glob("history.sqlite3.broken-*"))) >= 1 and list((home / "takes").glob("*.txt"))
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0 and len(takes_in(home)) == 1


@slow
def test_a_database_from_a_newer_rehearse_is_refused_untouched(rehearse_home):
    with History() as store:
        store.save(a_report())
    path = rehearse_home / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(path)
    result = run_cli("history")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {path} was written by a newer rehearse")
    assert "pip install -U 'rehearse-coach'" in result.stderr
    assert digest(path) == before


@slow
@pytest.mark.parametrize("content", [b"this is not a database at all\n" * 200, b"SQLite format 3\x00" + bytes(range(256)) * 20])
def test_a_corrupt_database_gets_a_clear_error_and_is_never_replaced(rehearse_home, content):
    rehearse_home.mkdir(parents=True)
    path = rehearse_home / "history.sqlite3"
    path.write_bytes(content)
    for args in (("history",), ("progress", "--json"), ("analyze", str(TEXTS["strong-q4"]), "-q", "Q4")):
        result = run_cli(*args)
        assert result.returncode == 1, args
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"error: {path} is ") and "rehearse will not touch it" in line
        assert f"mv '{path}' '{path}.broken'" in line and "Traceback" not in result.stderr
        assert path.read_bytes() == content
    # The way out that the message names works.
    assert run_cli("analyze", str(TEXTS["strong-q4"]), "-q", "Q4", "--no-save").returncode == 0


def test_another_programs_sqlite_file_is_refused(rehearse_home):
    rehearse_home.mkdir(parents=True)
    path = rehearse_home / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(HistoryError, match="another program"):
        History()
    assert digest(path) == before


@slow
@pytest.mark.parametrize("content", ["{}", "[]", "null", '"a string"', "{not json",
                                     '{"take_key": "k", "created_at": "2026-01-01T00:00:00Z", "original_path": "/x", "report": {}}'])
def test_a_malformed_pending_save_is_moved_aside_with_a_note_and_breaks_nothing(rehearse_home, content):
    analyze_json(str(TEXTS["strong-q4"]), "-q", "Q4")
    bad = rehearse_home / "takes" / "20260101T000000Z-Q4-abcdef.pending.json"
    bad.write_text(content)
    assert run_cli("history").returncode == 0
    saved = run_cli("analyze", str(TEXTS["no-result-q13"]), "-q", "Q13")
    assert saved.returncode == 0 and "Traceback" not in saved.stderr
    history = json.loads(run_cli("history", "--json").stdout)
    assert len(history["takes"]) == 2
    if content == "{not json":
        # Unreadable JSON may still be being written: left alone until it is stale.
        assert bad.exists()
        os.utime(bad, (1, 1))
        assert run_cli("analyze", str(TEXTS["strong-q4"]), "-q", "Q4").returncode == 0
    moved = rehearse_home / "quarantine" / bad.name
    assert not bad.exists() and moved.read_text() == content
    assert "cannot be added to the history" in moved.with_name(moved.name + ".why.txt").read_text()


@slow
@pytest.mark.parametrize("case", ["a file", "under a file", "a dangling link", "takes is a file"])
def test_an_unusable_data_folder_is_one_error_line(tmp_path, case):
    (tmp_path / "file").write_text("not a folder")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "home" / "takes").parent.mkdir()
    (tmp_path / "home" / "takes").write_text("not a folder")
    home = {"a file": "file", "under a file": "file/sub", "a dangling link": "dangling", "takes is a file": "home"}[case]
    result = run_cli("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4", env={"REHEARSE_HOME": str(tmp_path / home)})
    assert result.returncode == 1 and result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "REHEARSE_HOME" in result.stderr and "Traceback" not in result.stderr
