"""`rehearse practice`, `devices` and `recover` as a person uses them: real processes, real
signals, a real terminal (tmux), and the failures a machine without a microphone gives."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time


from tests.conftest import ROOT, SAMPLES, needs_tmux, run_cli, slow, start_practice, wait_for_recording

pytestmark = slow

STRONG = SAMPLES / "strong-q4.flac"
SHORT = SAMPLES / "no-result-q13.flac"


def test_enter_stops_the_recording(rehearse_home):
    proc = start_practice("Q13", "--replay", str(SHORT), "--speed", "4", stdin=subprocess.PIPE)
    wait_for_recording(rehearse_home, 10)
    out, err = proc.communicate("\n", timeout=120)
    assert proc.returncode == 0, err
    assert "by Enter." in out
    assert "Score" in out
    assert re.search(r"feedback \d+\.\d s after you stopped", out)  # the wait, said where a person sees it


class Terminal:
    """A command running in a real terminal (tmux, 110x60): its screen, keys sent to it,
    and its exit status."""

    def __init__(self, command: str, done):
        self.name = f"rehearse-test-{os.getpid()}"
        self.tmux = ["tmux", "-L", self.name]
        self.done = done
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.name, "-x", "110", "-y", "60",
                        f"{command}; echo $? > {done}"], check=True)
        # The pane stays after the command exits, so what it printed last can still be read
        # however quickly it finished (`interview` ends with its summary, asking nothing).
        subprocess.run([*self.tmux, "set-option", "-t", self.name, "remain-on-exit", "on"], check=True)

    def screen(self, history: int = 0) -> str:
        back = ["-S", f"-{history}"] if history else []
        return subprocess.run([*self.tmux, "capture-pane", "-p", *back, "-t", self.name], capture_output=True,
                              text=True).stdout

    def wait_for(self, *texts: str, timeout: float, history: int = 0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen(history)
            if all(text in shown for text in texts):
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{texts!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def exit_status(self, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while not self.done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.done.read_text().strip()

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def practice_in_terminal(home, tmp_path, question: str, replay, speed: int) -> Terminal:
    return Terminal(f"cd {ROOT} && HF_HUB_OFFLINE=1 REHEARSE_HOME={home} {sys.executable} -m rehearse practice "
                    f"{question} --replay {replay} --speed {speed}", tmp_path / "exit-status")


@needs_tmux
def test_practice_in_a_real_terminal(rehearse_home, tmp_path):
    """As a person sees it: the question, the live timer while it records, the report,
    and the prompt answered with q."""
    terminal = practice_in_terminal(rehearse_home, tmp_path, "Q4", STRONG, 4)
    try:
        # 20-odd seconds into the answer, a whole frame of the live panel (not one mid-redraw).
        during = terminal.wait_for("● REC 0:2", "Enter stops", timeout=30)
        assert "Describe a situation where you had a significant disagreement" in during
        assert "under a minute: tell the whole story" in during
        assert "1:30 aim" in during and "input " in during and " dB" in during, during
        after = terminal.wait_for("[r] try again", timeout=120)
        assert "Score 100/100" in after or "Score" in after
        assert "by the end of the replayed file" in terminal.screen(history=200)
        terminal.keys("q")  # one key, no Enter
        assert terminal.exit_status() == "0"
    finally:
        terminal.close()


@needs_tmux
def test_a_prompt_takes_one_key_and_an_enter_by_habit_does_not_stop_the_next_take(rehearse_home, tmp_path):
    """At "[r] try again" one key is the answer; a key that is no choice is told the
    choices; and an Enter pressed after `r` out of habit (it arrives during the countdown)
    does not end the new take at once."""
    terminal = practice_in_terminal(rehearse_home, tmp_path, "Q4", STRONG, 8)
    try:
        terminal.wait_for("[r] try again", timeout=120)
        terminal.keys("x")
        terminal.wait_for("Press one of: r, n, q", timeout=10)
        terminal.keys("r")
        terminal.keys("Enter")
        shown = terminal.wait_for("saved as take 2", "[r] try again", timeout=120, history=400)
        assert shown.count("by the end of the replayed file") == 2, shown
        assert "by Enter." not in shown
        terminal.keys("q")
        assert terminal.exit_status() == "0"
    finally:
        terminal.close()


@needs_tmux
def test_a_follow_up_is_asked_answered_aloud_and_kept_with_its_take(rehearse_home, tmp_path):
    """The answer stops after the actions: the interviewer asks how it turned out, `f`
    answers it aloud (the replayed file again), and the answer is judged on the probe and
    kept linked to the take."""
    terminal = practice_in_terminal(rehearse_home, tmp_path, "Q13", SHORT, 8)
    try:
        terminal.wait_for("[f] answer the follow-up aloud", timeout=120)
        assert "How did it turn out?" in terminal.screen(history=200)
        terminal.keys("f")
        card = terminal.wait_for("Follow-up · Q13", timeout=30)
        assert "How did it turn out? Can you put a number on it?" in card
        judged = terminal.wait_for("the probe", timeout=120)  # "That answers the probe" / "Not yet an answer to the probe"
        verdict = "PASS" if 'PASS "How did it turn out?' in judged else "FAIL"
        assert f'{verdict} "How did it turn out? Can you put a number on it?"' in judged
        flat = " ".join(judged.split())  # the message wraps at the terminal's width
        assert ("How it turned out, with a number" in flat) if verdict == "PASS" else ("Not yet an answer" in flat)
        terminal.wait_for("[r] try again", timeout=30)
        terminal.keys("q")
        assert terminal.exit_status() == "0"
    finally:
        terminal.close()
    from rehearse.history.store import History

    with History() as store:
        [answer] = store.follow_ups(1)
    assert answer["follow_up"]["of_take"] == 1 and answer["follow_up"]["id"] == "result"
    assert answer["score"] in (0, 100) and [c["id"] for c in answer["checks"]][0] == "follow_up"
    assert "length" not in [c["id"] for c in answer["checks"]] and "star" not in [c["id"] for c in answer["checks"]]
    shown = run_cli("show", "1")
    assert shown.returncode == 0 and "How did it turn out?" in shown.stdout
    assert len(json.loads(run_cli("history", "--json").stdout)["takes"]) == 1  # a follow-up is not a take
    deleted = run_cli("delete", "1", "--yes")
    assert deleted.returncode == 0 and "and its follow-up answer with its recording" in deleted.stdout
    assert not list((rehearse_home / "recordings").glob("*.wav"))


def test_a_take_stopped_at_once_is_called_too_short(rehearse_home, tmp_path):
    # A take of no samples was told "silent; check the microphone", and one shorter than a
    # loudness frame (50 ms) ended in a traceback: both are a take stopped too soon.
    import numpy as np
    import soundfile as sf

    for samples in (0, 100):
        replay = tmp_path / f"take-{samples}.wav"
        sf.write(replay, np.zeros(samples, dtype="float32"), 16000)
        done = run_cli("practice", "Q4", "--replay", str(replay), "--speed", "8")
        error = [line for line in done.stderr.splitlines() if line.startswith("error:")]
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert len(error) == 1 and "is only 0.0 s long, under the 2 s rehearse needs" in error[0], done.stderr
        assert error[0].count(str(rehearse_home)) == 1 and error[0].endswith("(the recording is kept)")
