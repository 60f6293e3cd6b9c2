"""Several rehearse processes at once: saving side by side, beside readers and deleters,
and a lock another program holds too long."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from rehearse.history.store import History
from tests.conftest import ROOT, SAMPLES, slow
from tests.reliability.conftest import ANSWER, integrity, rehearse, takes_in, telling

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
    tellings = [telling(n) for n in range(3)]  # one file each: the same file again is no new take
    assert rehearse(home, "analyze", tellings[0], "-q", "Q4").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sqlite3, sys, time\n"
                               f"c = sqlite3.connect({str(home / 'history.sqlite3')!r}, isolation_level=None)\n"
                               "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = rehearse(home, "analyze", tellings[1], "-q", "Q4")
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "locked by another program for 30 s" in result.stderr and "Traceback" not in result.stderr
        assert "the take is kept in" in result.stderr
        assert rehearse(home, "history").returncode == 0  # readers are not blocked
    finally:
        holder.kill()
    assert rehearse(home, "analyze", tellings[2], "-q", "Q4").returncode == 0
    assert len(takes_in(home)) == 3  # the first, the one kept while locked, and this one


SAVES_EACH = 15
DELETED = (3, 7)  # each saver's 4th and 8th take is deleted by another process while the rest go on

DELETER = """
import sys, time
from rehearse.history.store import History
wanted = set(sys.argv[1].split(","))
while wanted:
    with History() as store:
        for take in store.takes(limit=None):
            source = store.report(take.id)["source"]["path"]
            if source in wanted:
                store.delete(take.id)
                wanted.discard(source)
    time.sleep(0.05)
print("done", flush=True)
"""


READER = """
import sys
from pathlib import Path
from rehearse.history.store import History, HistoryError
stop, reads = Path(sys.argv[1]), 0
while not stop.exists():
    with History() as store:
        for take in store.takes(limit=None):
            try:
                assert store.report(take.id)["take"]["id"] == take.id
            except HistoryError as exc:  # deleted between the listing and the read
                assert "there is no take" in str(exc), exc
            reads += 1
print(reads, flush=True)
"""


def test_four_savers_beside_readers_and_a_deleter_lose_nothing(rehearse_home, record_property):
    """4 processes save 15 takes each while two readers and `rehearse history` and `show` read in a loop and
    another process deletes 8 of the takes as they appear: every save gets its own id, the
    history holds exactly the 52 takes not deleted, each with its report and its file, every
    read succeeds, and SQLite's integrity check passes."""
    import threading

    env = {**os.environ, "REHEARSE_HOME": str(rehearse_home), "HF_HUB_OFFLINE": "1"}
    doomed = [f"{w}-{i}" for w in "abcd" for i in DELETED]
    savers = [subprocess.Popen([sys.executable, "-c", SAVER, worker, str(SAVES_EACH), str(ANSWER)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for worker in "abcd"]
    deleter = subprocess.Popen([sys.executable, "-c", DELETER, ",".join(doomed)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop_file = rehearse_home.parent / "stop"
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(stop_file)], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    reads, failed_reads = [0], []
    stop = threading.Event()

    def read():
        while not stop.is_set():
            for args in (("history", "--json"), ("show", "1", "--json")):
                result = rehearse(None, *args)
                reads[0] += 1
                if result.returncode != 0 and "there is no take 1" not in result.stderr:
                    failed_reads.append(result.stderr)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for proc in savers + [deleter]:
            out, err = proc.communicate(timeout=600)
            assert proc.returncode == 0 and out.strip() == "done", err
    finally:
        stop.set()
        stop_file.touch()
        reader.join()
    for proc in readers:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        reads[0] += int(out)
    assert not failed_reads, failed_reads[:3]
    kept = sorted(f"{w}-{i}" for w in "abcd" for i in range(SAVES_EACH) if f"{w}-{i}" not in doomed)
    with History() as store:
        takes = store.takes(limit=None)
        assert sorted(store.report(t.id)["source"]["path"] for t in takes) == kept
        for take in takes:
            assert take.answer_file.read_bytes() == ANSWER.read_bytes()
    assert max(t.id for t in takes) == 4 * SAVES_EACH  # ids are never reused
    assert len(list((rehearse_home / "takes").glob("*.txt"))) == len(kept)  # deleted takes took their copies along
    assert integrity(rehearse_home / "history.sqlite3") == "ok"
    assert not list((rehearse_home / "takes").glob("*.pending.json"))
    for name, value in (("takes saved", 4 * SAVES_EACH), ("takes deleted meanwhile", len(doomed)),
                        ("takes found", len(takes)), ("reads beside them", reads[0]), ("failed reads", len(failed_reads)),
                        ("integrity", "ok")):
        record_property(name, value)
