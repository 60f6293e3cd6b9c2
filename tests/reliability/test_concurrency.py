"""Several rehearse processes at once: saving side by side, beside readers and deleters,
and a lock another program holds too long."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from rehearse.history.store import History
from tests.conftest import ROOT, SAMPLES, slow
from tests.reliability.conftest import ANSWER, rehearse, takes_in

pytestmark = slow
TEXTS = {name: SAMPLES / f"{name}.txt" for name in ("no-result-q13", "strong-q4")}


SAVER = """
import sys
from pathlib import Path
from rehearse.history.store import History
from rehearse.pipeline import analyze_path
worker, n = sys.argv[1], int(sys.argv[2])
report = analyze_path(Path(sys.argv[3]), question_id="Q4")
for i in range(n):
    with History() as store:
        report["source"]["path"] = f"{worker}-{i}"
        store.save(report, Path(sys.argv[3]))
print("done", flush=True)
"""


@slow
def test_two_processes_saving_at_the_same_time_both_succeed(rehearse_home):
    env = {**os.environ, "REHEARSE_HOME": str(rehearse_home)}
    procs = [subprocess.Popen([sys.executable, "-c", SAVER, worker, "25", str(TEXTS["strong-q4"])], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for worker in ("a", "b")]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0 and out.strip() == "done", err
    with History() as store:
        takes = store.takes(limit=None)
        assert len(takes) == 50 and sorted(t.id for t in takes) == list(range(1, 51))
        sources = sorted(store.report(t.id)["source"]["path"] for t in takes)
        assert sources == sorted(f"{w}-{i}" for w in "ab" for i in range(25))
        for take in takes:
            assert store.report(take.id)["take"] == {"id": take.id, "saved": True}
            assert take.answer_file.read_bytes() == TEXTS["strong-q4"].read_bytes()
    conn = sqlite3.connect(rehearse_home / "history.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list((rehearse_home / "takes").glob("*.pending.json"))


def test_a_lock_held_by_another_program_for_longer_than_the_wait_is_one_error(tmp_path):
    home = tmp_path / "home"
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sqlite3, sys, time\n"
                               f"c = sqlite3.connect({str(home / 'history.sqlite3')!r}, isolation_level=None)\n"
                               "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = rehearse(home, "analyze", ANSWER, "-q", "Q4")
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "locked by another program for 30 s" in result.stderr and "Traceback" not in result.stderr
        assert "the take is kept in" in result.stderr
        assert rehearse(home, "history").returncode == 0  # readers are not blocked
    finally:
        holder.kill()
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    assert len(takes_in(home)) == 3  # the first, the one kept while locked, and this one
