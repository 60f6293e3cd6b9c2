"""A full disk and a file size limit while saving are said as such, never as a damaged
history; no half-written file is left behind, and a take that was kept is saved by the
next command once there is room. (A disk that fills while recording: test_practice_crashes.)"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SAMPLES, slow
from tests.reliability.conftest import ANSWER, leftovers, rehearse, takes_in, telling

pytestmark = slow


@pytest.mark.parametrize("free_kb", [0, 8, 16, 32, 48])
def test_a_full_disk_while_saving_is_said_as_a_full_disk(small_disk, free_kb):
    home = small_disk / "home"
    assert rehearse(home, "analyze", telling(0), "-q", "Q4").returncode == 0
    fill = small_disk / "fill"
    with open(fill, "wb") as f:
        f.write(b"\0" * max(0, shutil.disk_usage(small_disk).free - free_kb * 1024))
    result = rehearse(home, "analyze", telling(1), "-q", "Q4")
    if result.returncode == 0:
        assert len(takes_in(home)) == 2  # it fitted after all
        return
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: no space left on the disk holding") and "damaged" in result.stderr
    assert "not a rehearse history database" not in result.stderr and not leftovers(home)
    kept = "is kept in" in result.stderr
    fill.unlink()
    assert rehearse(home, "analyze", telling(2), "-q", "Q4").returncode == 0
    assert len(takes_in(home)) == 3 if kept else 2
    assert not leftovers(home)


@pytest.mark.parametrize("limit_kb", [8, 40])
def test_a_file_size_limit_is_said_as_one(tmp_path, limit_kb):
    home = tmp_path / "home"
    assert rehearse(home, "analyze", ANSWER, "-q", "Q4").returncode == 0
    result = rehearse(home, "analyze", str(SAMPLES / "strong-q4.flac"), "-q", "Q4", limit_kb=limit_kb)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "size limit" in result.stderr and "Traceback" not in result.stderr and not leftovers(home)
    assert rehearse(home, "history").returncode == 0
