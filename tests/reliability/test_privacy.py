"""Private by default: voice and transcripts of a job search are readable by their owner
only. The data folder is 0700 and every file in it 0600 whatever the umask, and what an
older version left readable is tightened on first use."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from rehearse import paths
from tests.conftest import ROOT, SAMPLES, slow


def modes(folder) -> dict[str, int]:
    found = {str(folder): stat.S_IMODE(os.stat(folder).st_mode)}
    for path, folders, files in os.walk(folder):
        for name in folders + files:
            full = os.path.join(path, name)
            found[full] = stat.S_IMODE(os.stat(full).st_mode)
    return found


def assert_private(folder) -> None:
    wrong = {path: oct(mode) for path, mode in modes(folder).items()
             if mode != (paths.FOLDER_MODE if os.path.isdir(path) else paths.FILE_MODE)}
    assert not wrong, wrong


def test_an_old_data_folder_left_readable_is_tightened_on_first_use(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "recordings").mkdir(parents=True)
    (home / "recordings" / "take.wav").write_bytes(b"RIFF")
    (home / "history.sqlite3").write_bytes(b"")
    for path, mode in [(home, 0o755), (home / "recordings", 0o755), (home / "recordings" / "take.wav", 0o644),
                       (home / "history.sqlite3", 0o644)]:
        os.chmod(path, mode)
    monkeypatch.setenv("REHEARSE_HOME", str(home))
    monkeypatch.setattr(paths, "_tightened", set())
    paths.private_folder(home / "takes")
    assert_private(home)


@slow
def test_a_fresh_data_folder_is_private_under_umask_022(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "REHEARSE_HOME": str(home)}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "rehearse", *args], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=300, preexec_fn=lambda: os.umask(0o022))

    assert run("analyze", str(SAMPLES / "no-result-q13.flac"), "-q", "Q13").returncode == 0
    assert run("practice", "Q4", "--replay", str(SAMPLES / "no-result-q13.flac"), "--speed", "4").returncode == 0
    assert run("export", "-o", str(home / "takes.csv")).returncode == 0
    assert any(p.suffix == ".wav" for p in home.rglob("*")), "the practice take's recording"
    assert_private(home)
