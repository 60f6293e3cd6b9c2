"""The reliability suite: every bad input, misuse and fault a hostile user or an unlucky
machine brings, one module per category, each case asserting the right outcome:

- handled: exit status 1 with one `error:` line that says what to do (2 for usage), no
  traceback, no native crash (a signal), nothing written that should not be, nothing lost;
- or, where the input is odd but usable, a normal report.

`python -m pytest tests/reliability` ends with a table per category (cases, handled) and
the figures the crash-consistency and concurrency cases measured.
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

ANSWER = SAMPLES / "strong-q4.txt"
RECORDING = SAMPLES / "strong-q4.flac"
# Each take of the answer as its own file: the same file analyzed again is no new take.
_TELLINGS = Path(tempfile.mkdtemp(prefix="rehearse-tellings-"))
atexit.register(shutil.rmtree, _TELLINGS, True)


def telling(n: int) -> Path:
    """The shipped answer as the n-th take's own file (a blank line more each, so its words
    and its report are the same)."""
    path = _TELLINGS / f"take-{n}.txt"
    if not path.exists():
        path.write_bytes(ANSWER.read_bytes() + b"\n" * n)
    return path


def rehearse(home: Path | None, *args: str, limit_kb: int | None = None, input: str | bytes | None = None,
             stdin=None, timeout: float = 180, text: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """`rehearse ARGS` in its own process with this data folder (None: the test's
    REHEARSE_HOME), optionally under a file size limit (`ulimit -f`)."""
    def limit():
        if limit_kb is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_kb * 1024, resource.RLIM_INFINITY))

    env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
    if home is not None:
        env["REHEARSE_HOME"] = str(home)
    env.pop("REHEARSE_TRACEBACK", None)
    if input is None and stdin is None:
        stdin = subprocess.DEVNULL
    return subprocess.run([sys.executable, "-m", "rehearse", *args], cwd=ROOT, env=env, capture_output=True,
                          text=text, timeout=timeout, preexec_fn=limit, input=input, stdin=stdin)


def handled(result: subprocess.CompletedProcess, *fragments: str, status: int = 1) -> str:
    """The case was handled: the exit status, one `error:` line holding each fragment (for
    status 1), no traceback and no native crash. Returns the line."""
    err = result.stderr if isinstance(result.stderr, str) else result.stderr.decode("utf-8", "replace")
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {err}"
    assert "Traceback" not in err and "terminate called" not in err, err
    assert result.returncode == status, (result.returncode, err)
    if status != 1:
        return err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def takes_in(home: Path) -> list[dict]:
    result = rehearse(home, "history", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["takes"]


def leftovers(home: Path) -> list[str]:
    """Half-written files of rehearse's own in the data folder."""
    return [p.name for p in home.rglob("*") if p.name.endswith((".tmp", ".part"))]


def three_takes(home: Path) -> Path:
    """Three takes of one answer, each its own file."""
    for n in range(3):
        assert rehearse(home, "analyze", str(telling(n)), "-q", "Q4").returncode == 0
    return home / "history.sqlite3"


def integrity(db: Path) -> str:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KB filesystem (tmpfs), or a skip where this machine cannot mount one (not root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root; the ulimit -f cases cover a full disk here")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


# -- the table at the end ----------------------------------------------------------------

def pytest_terminal_summary(terminalreporter):
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    figures: list[tuple[str, str, object]] = []
    for outcome in ("passed", "failed", "skipped", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            if not nodeid.startswith("tests/reliability/test_") or getattr(report, "when", "call") not in ("call", "setup"):
                continue
            if report.when == "setup" and outcome == "passed":
                continue
            category = Path(nodeid.split("::")[0]).stem[len("test_"):].replace("_", " ")
            counts[category][outcome] += 1
            figures += [(category, name, value) for name, value in getattr(report, "user_properties", [])]
    if not counts:
        return
    write = terminalreporter.write_line
    write("")
    write("reliability: category            cases  handled  not handled  skipped")
    total = defaultdict(int)
    for category in sorted(counts):
        c = counts[category]
        cases = c["passed"] + c["failed"] + c["error"] + c["skipped"]
        row = (cases, c["passed"], c["failed"] + c["error"], c["skipped"])
        for key, value in zip(("cases", "handled", "not", "skipped"), row):
            total[key] += value
        write(f"             {category:<22}{row[0]:>6}{row[1]:>9}{row[2]:>13}{row[3]:>9}")
    write(f"             {'all':<22}{total['cases']:>6}{total['handled']:>9}{total['not']:>13}{total['skipped']:>9}")
    for category, name, value in figures:
        write(f"             {category}: {name} = {value}")
