"""A full disk and a file size limit while saving are said as such, never as a damaged
history; no half-written file is left behind, and a take that was kept is saved by the
next command once there is room."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLES, slow

pytestmark = slow
ANSWER = str(SAMPLES / "strong-q4.txt")


def _rehearse(home, *args, limit_kb: int | None = None):
    def limit():
        if limit_kb is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_kb * 1024, resource.RLIM_INFINITY))

    env = {**os.environ, "REHEARSE_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    env.pop("REHEARSE_TRACEBACK", None)
    return subprocess.run([sys.executable, "-m", "rehearse", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, preexec_fn=limit)


def _takes(home) -> int:
    return len(json.loads(_rehearse(home, "history", "--json").stdout)["takes"])


def _leftovers(home) -> list[str]:
    return [p.name for p in home.rglob("*") if p.name.endswith((".tmp", ".part"))]


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KB filesystem (tmpfs), or a skip where this machine cannot mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("free_kb", [0, 8, 16, 32, 48])
def test_a_full_disk_while_saving_is_said_as_a_full_disk(small_disk, free_kb):
    home = small_disk / "home"
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    fill = small_disk / "fill"
    with open(fill, "wb") as f:
        f.write(b"\0" * max(0, shutil.disk_usage(small_disk).free - free_kb * 1024))
    result = _rehearse(home, "analyze", ANSWER, "-q", "Q4")
    if result.returncode == 0:
        assert _takes(home) == 2  # it fitted after all
        return
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: no space left on the disk holding") and "damaged" in result.stderr
    assert "not a rehearse history database" not in result.stderr and not _leftovers(home)
    kept = "is kept in" in result.stderr
    fill.unlink()
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    assert _takes(home) == 3 if kept else 2
    assert not _leftovers(home)


@pytest.mark.parametrize("limit_kb", [8, 40])
def test_a_file_size_limit_is_said_as_one(tmp_path, limit_kb):
    home = tmp_path / "home"
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    result = _rehearse(home, "analyze", str(SAMPLES / "strong-q4.flac"), "-q", "Q4", limit_kb=limit_kb)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "size limit" in result.stderr and "Traceback" not in result.stderr and not _leftovers(home)
    assert _rehearse(home, "history").returncode == 0


def test_a_read_only_history_can_still_be_read(small_disk):
    home = small_disk / "home"
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)]).returncode == 0
    for args in (("history",), ("show", "1"), ("show", "1", "--json"), ("progress",), ("export",)):
        result = _rehearse(home, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    assert json.loads(_rehearse(home, "show", "1", "--json").stdout)["take"]["id"] == 1
    saving = _rehearse(home, "analyze", ANSWER, "-q", "Q4")
    assert saving.returncode == 1 and saving.stderr.count("\n") == 1
    assert "is read-only" in saving.stderr and "--no-save" in saving.stderr
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4", "--no-save").returncode == 0


def _three_takes(home):
    for _ in range(3):
        assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    return home / "history.sqlite3"


def test_a_stored_report_with_damaged_bytes_breaks_only_that_take(tmp_path):
    import sqlite3

    db = _three_takes(tmp_path / "home")
    with sqlite3.connect(db) as conn:  # bytes that are not UTF-8 and not JSON, in take 2 only
        conn.execute("UPDATE takes SET report = CAST(X'7B226122C3283AFF' AS TEXT) WHERE id = 2")
    assert _rehearse(tmp_path / "home", "history").returncode == 0
    assert _rehearse(tmp_path / "home", "show", "1").returncode == 0
    assert _rehearse(tmp_path / "home", "export").returncode == 0
    broken = _rehearse(tmp_path / "home", "show", "2")
    assert broken.returncode == 1 and broken.stderr.count("\n") == 1 and "Traceback" not in broken.stderr
    assert "take 2's stored report" in broken.stderr and "rehearse delete 2" in broken.stderr


def test_a_damaged_database_is_named_with_what_to_do(tmp_path):
    import sqlite3

    db = _three_takes(tmp_path / "home")
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'takes'").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as f:  # 8 bytes over the table's page header
        f.seek((root - 1) * page)
        f.write(b"\xff" * 8)
    for args in (("history",), ("show", "1"), ("export",), ("analyze", ANSWER, "-q", "Q4")):
        result = _rehearse(tmp_path / "home", *args)
        assert result.returncode == 1 and result.stderr.count("\n") == 1, (args, result.stderr)
        assert str(db) in result.stderr and "damaged" in result.stderr and "Traceback" not in result.stderr


def test_a_disk_that_fills_during_practice_is_an_error_not_a_native_crash(small_disk):
    """The transcriber thread decoding while the person speaks is stopped before exit:
    left running, it ended the process with "terminate called" (exit 134) in about half
    of the runs on a 400 KB disk, so the test runs four times."""
    assert subprocess.run(["mount", "-o", "remount,size=400k", str(small_disk)]).returncode == 0
    for run in range(4):
        home = small_disk / "home"
        result = subprocess.run([sys.executable, "-m", "rehearse", "practice", "Q4", "--replay",
                                 str(SAMPLES / "strong-q4.flac"), "--speed", "4"], cwd=ROOT, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=120,
                                env={**os.environ, "REHEARSE_HOME": str(home), "HF_HUB_OFFLINE": "1"})
        assert result.returncode == 1, (run, result.returncode, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("error: could not write the recording") and "are kept in that file" in line
        [wav] = (home / "recordings").glob("*.wav")
        assert wav.stat().st_size > 100_000
        shutil.rmtree(home)


def test_a_stale_marker_beside_a_file_that_is_not_a_wav_never_deletes_it(tmp_path):
    home = tmp_path / "home"
    recordings = home / "recordings"
    recordings.mkdir(parents=True)
    mine = recordings / "20260101-000000-Q4.wav"
    mine.write_text("my own notes, not audio")
    (recordings / (mine.name + ".recording")).write_text(json.dumps({"pid": 2 ** 22 + 12345, "samplerate": 16000}))
    for args in (("history",), ("recover",)):
        result = _rehearse(home, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert mine.read_text() == "my own notes, not audio"


def test_an_empty_database_of_another_program_is_refused_not_taken_over(tmp_path):
    import sqlite3

    home = tmp_path / "home"
    home.mkdir()
    db = home / "history.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA application_id = 1234")
    result = _rehearse(home, "analyze", ANSWER, "-q", "Q4")
    assert result.returncode == 1 and "another program" in result.stderr and result.stderr.count("\n") == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 1234
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_export_to_a_closed_stdout_is_one_error_line(tmp_path):
    home = tmp_path / "home"
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    env = {**os.environ, "REHEARSE_HOME": str(home)}
    result = subprocess.run(f"{sys.executable} -m rehearse export >&-", shell=True, cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr.startswith("error: cannot write the export")
    assert "Traceback" not in result.stderr


def test_half_written_files_of_a_killed_save_are_cleaned_and_nothing_else(tmp_path):
    home = tmp_path / "home"
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    takes = home / "takes"
    dead = 2 ** 22 + 4321  # above Linux's default pid_max: no such process
    partials = [takes / f"20260101T000000Z-Q4-abcdef.txt.{dead}.part",
                takes / f"20260101T000000Z-Q4-abcdef.pending.json.{dead}.tmp"]
    theirs = [takes / "notes.part", takes / f"draft.{dead}.tmp"]
    for path in partials + theirs:
        path.write_text("half")
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    assert not any(p.exists() for p in partials) and all(p.exists() for p in theirs)


def test_a_lock_held_by_another_program_for_longer_than_the_wait_is_one_error(tmp_path):
    home = tmp_path / "home"
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sqlite3, sys, time\n"
                               f"c = sqlite3.connect({str(home / 'history.sqlite3')!r}, isolation_level=None)\n"
                               "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = _rehearse(home, "analyze", ANSWER, "-q", "Q4")
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "locked by another program for 30 s" in result.stderr and "Traceback" not in result.stderr
        assert "the take is kept in" in result.stderr
        assert _rehearse(home, "history").returncode == 0  # readers are not blocked
    finally:
        holder.kill()
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    assert _takes(home) == 3  # the first, the one kept while locked, and this one


def test_doctor_names_what_is_damaged_and_moves_a_broken_history_aside_only_when_asked(tmp_path):
    import sqlite3

    home = tmp_path / "home"
    db = _three_takes(home)
    fine = _rehearse(home, "doctor")
    assert fine.returncode == 0 and "is fine" in fine.stdout
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE takes SET report = CAST(X'7B226122C3283AFF' AS TEXT) WHERE id = 2")
    one_take = _rehearse(home, "doctor")
    assert one_take.returncode == 1 and "take 2's stored report is damaged" in one_take.stdout
    assert one_take.stderr.startswith("error: 1 problem") and "--move-aside" not in one_take.stderr
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'takes'").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xff" * 8)
    damaged = _rehearse(home, "doctor")
    assert damaged.returncode == 1 and "is damaged" in damaged.stdout and "--move-aside" in damaged.stderr
    assert db.exists()  # nothing moved without asking
    moved = _rehearse(home, "doctor", "--move-aside")
    assert moved.returncode == 0 and not db.exists()
    assert len(list(home.glob("history.sqlite3.broken-*"))) >= 1 and list((home / "takes").glob("*.txt"))
    assert _rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0 and _takes(home) == 1
