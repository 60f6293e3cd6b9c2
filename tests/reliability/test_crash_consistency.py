"""A save killed at any moment loses no finished take: what it had written is imported by
the next command, its half-written files are removed, and the history stays intact."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

from rehearse.history.store import History
from tests.conftest import ROOT, SAMPLES, a_report, digest, run_cli, slow
from tests.reliability.conftest import ANSWER, integrity, leftovers, rehearse, telling

pytestmark = slow


@slow
def test_a_crash_between_copying_the_audio_and_writing_the_row_is_reimported(rehearse_home):
    with History() as store:  # the database exists, with one take
        store.save(a_report())
    # Hold the write lock, so the next save copies its audio and then waits for the row...
    blocker = sqlite3.connect(rehearse_home / "history.sqlite3", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "rehearse", "analyze", str(SAMPLES / "no-result-q13.flac"), "-q", "Q13"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list((rehearse_home / "takes").glob("*.flac")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    proc.kill()  # ...and the process dies right there
    proc.communicate()
    blocker.execute("ROLLBACK")
    blocker.close()
    [copy] = (rehearse_home / "takes").glob("*.flac")
    assert len(list((rehearse_home / "takes").glob("*.pending.json"))) == 1
    # Reading commands only mention it; the next command that saves imports it.
    reading = run_cli("history", "--json")
    assert [t["id"] for t in json.loads(reading.stdout)["takes"]] == [1]
    assert "a save was interrupted" in reading.stderr and "rehearse recover" in reading.stderr
    assert len(list((rehearse_home / "takes").glob("*.pending.json"))) == 1
    assert run_cli("recover").returncode == 0
    listed = json.loads(run_cli("history", "--json").stdout)["takes"]
    assert [(t["id"], t["question_id"]) for t in listed] == [(2, "Q13"), (1, "Q4")]
    assert listed[0]["missing"] == ["result"]
    with History() as store:
        assert store.get(2).answer_file == copy and digest(copy) == digest(SAMPLES / "no-result-q13.flac")
        assert store.report(2)["take"] == {"id": 2, "saved": True}
    assert not list((rehearse_home / "takes").glob("*.pending.json"))


def test_half_written_files_of_a_killed_save_are_cleaned_and_nothing_else(tmp_path):
    home = tmp_path / "home"
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    takes = home / "takes"
    dead = 2 ** 22 + 4321  # above Linux's default pid_max: no such process
    partials = [takes / f"20260101T000000Z-Q4-abcdef.txt.{dead}.part",
                takes / f"20260101T000000Z-Q4-abcdef.pending.json.{dead}.tmp"]
    theirs = [takes / "notes.part", takes / f"draft.{dead}.tmp"]
    for path in partials + theirs:
        path.write_text("half")
    assert rehearse(home, "analyze", telling(1), "-q", "Q4").returncode == 0
    assert not any(p.exists() for p in partials) and all(p.exists() for p in theirs)


KILLS = 40


def test_saves_killed_at_random_moments_lose_no_finished_take(rehearse_home, record_property):
    """`rehearse analyze` killed with SIGKILL at a random moment, 40 times (seeded, so the
    same moments each run): every take whose process finished is in the history, every
    take a killed save had written is imported by the next command, the database passes
    SQLite's integrity check, and no half-written file is left."""
    import random

    def analyze(n: int):
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        return subprocess.Popen([sys.executable, "-m", "rehearse", "analyze", str(telling(n)), "-q", "Q4"], cwd=ROOT,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)

    started = time.monotonic()
    first = analyze(0)
    assert first.wait(timeout=120) == 0
    whole = time.monotonic() - started  # how long one save takes on this machine
    moments = random.Random(14).sample(range(1, 1000), KILLS)
    finished = 1
    for n, moment in enumerate(moments, start=1):
        proc = analyze(n)
        try:
            proc.wait(timeout=whole * 1.2 * moment / 1000)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.wait()
        if proc.returncode == 0:
            finished += 1
        else:
            assert proc.returncode == -9, proc.stderr.read().decode()
        proc.stderr.close()
    assert run_cli("recover").returncode == 0  # the next command that saves imports what was kept
    with History() as store:
        takes = store.takes(limit=None)
        for take in takes:
            assert store.report(take.id)["take"] == {"id": take.id, "saved": True}
            assert take.answer_file.read_bytes().rstrip(b"\n") == ANSWER.read_bytes().rstrip(b"\n")
    # Each finished take is there once; a killed one is there when it had got as far as
    # keeping its save (the row, or the pending file the next command imports).
    assert finished <= len(takes) <= KILLS + 1
    assert len({take.created_at + take.answer_file.name for take in takes}) == len(takes)
    assert integrity(rehearse_home / "history.sqlite3") == "ok"
    assert not list((rehearse_home / "takes").glob("*.pending.json")) and not leftovers(rehearse_home)
    kept_files = {p.name for p in (rehearse_home / "takes").iterdir()}
    assert kept_files == {take.answer_file.name for take in takes}, "a copy no take keeps"
    for name, value in (("saves killed", KILLS + 1 - finished), ("saves that finished", finished),
                        ("killed saves that had kept their take", len(takes) - finished),
                        ("takes found", len(takes)), ("integrity", "ok")):
        record_property(name, value)
