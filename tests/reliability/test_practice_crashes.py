"""`rehearse practice` when the process, the terminal, the disk or the machine fails:
Ctrl-C, kill -9 mid-recording, a full disk, no PortAudio, no microphone. What was
recorded is kept and offered back; nothing ends in a native crash."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import wave

import pytest
import soundfile

from tests.conftest import ROOT, SAMPLES, needs_portaudio, run_cli, slow, start_practice, wait_for_recording

pytestmark = slow

STRONG = SAMPLES / "strong-q4.flac"
SHORT = SAMPLES / "no-result-q13.flac"


def test_ctrl_c_during_recording_keeps_the_take_and_analyzes_it(rehearse_home):
    proc = start_practice("Q4", "--replay", str(STRONG), "--speed", "4")
    wav = wait_for_recording(rehearse_home, 8)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "by Ctrl-C" in out and "Score" in out
    assert soundfile.info(str(wav)).duration >= 8
    assert not list(wav.parent.glob("*.recording"))


def test_a_take_killed_mid_recording_is_recovered_and_analyzed_on_the_next_run(rehearse_home):
    proc = start_practice("Q4", "--replay", str(STRONG))  # real time, as a person speaks
    wav = wait_for_recording(rehearse_home, 4)
    time.sleep(1.5)
    proc.kill()  # SIGKILL: no cleanup of any kind runs
    proc.communicate()
    marker = wav.with_name(wav.name + ".recording")
    assert marker.exists()
    # Everything up to the last second is in a readable file, even before any repair.
    with wave.open(str(wav)) as w:
        kept = w.getnframes() / w.getframerate()
    assert kept >= 5.0
    expected, _ = soundfile.read(STRONG, dtype="float32", frames=int(kept * 16000))
    back, _ = soundfile.read(wav, dtype="float32")
    assert abs(back - expected).max() <= 1 / 32768

    noticed = run_cli("questions", "--json")
    assert noticed.returncode == 0
    assert "a recording was cut short (Q4" in noticed.stderr and "rehearse recover" in noticed.stderr
    assert noticed.stdout.startswith("{")  # --json output stays clean

    recovered = run_cli("recover")
    assert recovered.returncode == 0, recovered.stderr
    assert f"Recovered {wav}" in recovered.stdout
    assert "Q4 · Conflict Resolution" in recovered.stdout and "Score" in recovered.stdout
    assert not marker.exists() and wav.exists()
    assert run_cli("recover").stdout.strip() == "No unfinished recordings."
    [take] = json.loads(run_cli("history", "--json").stdout)["takes"]
    assert take["question_id"] == "Q4"


def test_practice_offers_a_cut_short_take_before_the_new_one(rehearse_home):
    proc = start_practice("Q13", "--replay", str(SHORT))
    wav = wait_for_recording(rehearse_home, 3)
    proc.kill()
    proc.communicate()
    again = start_practice("Q13", "--replay", str(SHORT), "--speed", "20", stdin=subprocess.PIPE)
    out, err = again.communicate("y\n", timeout=180)
    assert again.returncode == 0, err
    found = re.search(r"Found a recording that was cut short \(Q13, (\d+) s, started ", out)
    assert found and 3 <= int(found.group(1)) <= 6
    assert "Analyze it now?" in out
    assert out.count("Score") == 2  # the recovered take, then the new one
    assert len(list(wav.parent.glob("*.wav"))) == 2 and not list(wav.parent.glob("*.recording"))
    # Both are in the history; progress measures by the whole answer alone.
    takes = json.loads(run_cli("history", "--json").stdout)["takes"]
    assert len(takes) == 2
    [q13] = json.loads(run_cli("progress", "--question", "Q13", "--json").stdout)["questions"]
    assert q13["takes"] == 1 and q13["latest_take_id"] == max(t["id"] for t in takes)


SITE_WITHOUT_PORTAUDIO = '''
import ctypes.util
_find = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if "portaudio" in name else _find(name)
'''


def test_without_portaudio_practice_and_devices_say_what_to_install(tmp_path):
    # The machine's library lookup is told PortAudio is not there; sounddevice's own
    # import then fails exactly as it does on a system without libportaudio2.
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITE_WITHOUT_PORTAUDIO)
    env = {"PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    for args in (("practice", "Q4"), ("devices",)):
        result = run_cli(*args, env=env)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: the PortAudio library is not installed")
        assert "sudo apt install libportaudio2" in lines[0] and "brew install portaudio" in lines[0]
        assert "Traceback" not in result.stderr


def _has_input_device() -> bool:
    try:
        import sounddevice as sd

        sd.query_devices(kind="input")
        return True
    except Exception:
        return False


@needs_portaudio
@pytest.mark.skipif(_has_input_device(), reason="this machine has a microphone")
def test_without_a_microphone_practice_says_what_to_do(rehearse_home):
    result = run_cli("practice", "Q4")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: no microphone found (PortAudio sees no input device); connect or enable one, check it with "
        "`rehearse devices`, or analyze a recording with: rehearse analyze FILE"]
    assert not (rehearse_home / "recordings").exists() or not list((rehearse_home / "recordings").iterdir())
    listed = run_cli("devices", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == '{\n  "devices": []\n}'


def test_a_full_disk_stops_with_an_error_and_keeps_what_was_recorded(rehearse_home):
    limit = 200_000  # bytes: about 6 s of 16-bit 16 kHz audio

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = start_practice("Q4", "--replay", str(STRONG), "--speed", "20", preexec_fn=small_disk)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    [line] = err.strip().splitlines()
    assert line.startswith("error: could not write the recording to ") and "free some disk space" in line
    [wav] = (rehearse_home / "recordings").glob("*.wav")
    kept = soundfile.info(str(wav)).duration
    assert 5.5 <= kept <= limit / 32000
    assert f"The first {kept:.0f} s are kept in that file" in line
    assert not list(wav.parent.glob("*.recording"))


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


def test_ctrl_c_while_a_file_is_analyzed_says_so_and_saves_nothing(rehearse_home):
    """Typer turns Ctrl-C into a silent exit 130: the person saw the prompt come back with
    no word (a tryout's). Now one line says what happened, and no half take is kept."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("REHEARSE_TRACEBACK", None)
    proc = subprocess.Popen([sys.executable, "-m", "rehearse", "analyze", str(STRONG), "--question", "Q4"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)  # the model loaded, the 85 s answer still being transcribed (13 s here)
    if proc.poll() is not None:
        pytest.skip("this machine transcribed the answer in under 4 s: nothing left to interrupt")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err == "stopped (Ctrl-C)\n"
    assert "Score" not in out
    assert "No takes saved yet" in run_cli("history").stdout
