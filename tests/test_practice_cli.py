"""`rehearse practice`, `devices` and `recover` as a person uses them: real processes, real
signals, a real terminal (tmux), and the failures a machine without a microphone gives."""

from __future__ import annotations

import os
import subprocess
import sys
import time


from tests.conftest import ROOT, SAMPLES, needs_tmux, slow, start_practice, wait_for_recording

pytestmark = slow

STRONG = SAMPLES / "strong-q4.flac"
SHORT = SAMPLES / "no-result-q13.flac"


def test_enter_stops_the_recording(rehearse_home):
    proc = start_practice("Q13", "--replay", str(SHORT), "--speed", "4", stdin=subprocess.PIPE)
    wait_for_recording(rehearse_home, 10)
    out, err = proc.communicate("\n", timeout=120)
    assert proc.returncode == 0, err
    assert "by you pressed Enter" in out
    assert "Score" in out


@needs_tmux
def test_practice_in_a_real_terminal(rehearse_home, tmp_path):
    """As a person sees it: the question, the live timer while it records, the report,
    and the prompt answered with q."""
    session = f"rehearse-test-{os.getpid()}"
    done = tmp_path / "exit-status"
    command = (f"cd {ROOT} && HF_HUB_OFFLINE=1 REHEARSE_HOME={rehearse_home} {sys.executable} -m rehearse practice Q4 "
               f"--replay {STRONG} --speed 4; echo $? > {done}")
    tmux = ["tmux", "-L", session]
    subprocess.run([*tmux, "new-session", "-d", "-s", session, "-x", "110", "-y", "60", command], check=True)
    try:
        def screen() -> str:
            return subprocess.run([*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

        def wait_for(*texts: str, timeout: float) -> str:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                shown = screen()
                if all(text in shown for text in texts):
                    return shown
                time.sleep(0.2)
            raise AssertionError(f"{texts!r} never appeared; the screen shows:\n{screen()}")

        # 20-odd seconds into the answer, a whole frame of the live panel (not one mid-redraw).
        during = wait_for("● REC 0:2", "Enter stops", timeout=30)
        assert "Describe a situation where you had a significant disagreement" in during
        assert "under a minute: tell the whole story" in during
        assert "1:30 aim" in during and "input " in during and " dB" in during, during
        after = wait_for("[r] try again", timeout=120)
        assert "Score 100/100" in after or "Score" in after
        assert "by the end of the replayed file" in subprocess.run(
            [*tmux, "capture-pane", "-p", "-S", "-200", "-t", session], capture_output=True, text=True).stdout
        subprocess.run([*tmux, "send-keys", "-t", session, "q", "Enter"], check=True)
        deadline = time.monotonic() + 10
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.read_text().strip() == "0"
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
