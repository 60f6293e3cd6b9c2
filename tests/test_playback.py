"""`rehearse play`: a take's audio through a stand-in speaker (the device layer only, as
for recording), one sentence or from a time, and in a real terminal (tmux)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np
import pytest
from rich.console import Console

from rehearse.analysis.length import clock
from rehearse.audio.files import load_audio
from rehearse.history.store import History
from rehearse.pipeline import analyze_path
from rehearse.ui.playback import parse_time, play_take
from tests.conftest import ROOT, SAMPLES, needs_tmux, run_cli, slow
from tests.standin import StandInSpeaker

pytestmark = slow
SHORT = SAMPLES / "no-result-q13.flac"


@pytest.fixture
def saved_take(rehearse_home):
    with History() as store:
        take_id = store.save(analyze_path(SHORT, question_id="Q13"), SHORT)
        return take_id, store.report(take_id), store.get(take_id).answer_file


@pytest.mark.parametrize("accepts_16k", [True, False])
def test_one_sentence_is_played_exactly_and_shown(saved_take, monkeypatch, accepts_16k):
    take_id, report, answer_file = saved_take
    speaker = StandInSpeaker(accepts_16k=accepts_16k).install(monkeypatch)
    console = Console(record=True, width=100)
    third = report["sentences"][2]
    reached = play_take(report, answer_file, name=f"take {take_id}", sentence=3, start=None, device=None, console=console)
    audio = load_audio(answer_file)
    expected = audio[int(third["start"] * 16000):int(third["end"] * 16000)]
    played = speaker.samples
    if accepts_16k:
        assert speaker.opened_with["samplerate"] == 16000
        assert np.array_equal(played[:len(expected)], expected) and not played[len(expected):].any()
    else:  # a device that refuses 16 kHz gets the take resampled to its own rate
        assert speaker.opened_with["samplerate"] == 48000
        assert abs(len(played[np.abs(played) > 0]) / 3 - np.count_nonzero(expected)) < 0.02 * len(expected)
    assert abs(reached - third["end"]) < 0.01
    shown = console.export_text()
    assert f"sentence 3 of {len(report['sentences'])}" in shown and third["text"][:30] in shown
    assert "Played" in shown


def test_from_a_time_plays_to_the_end(saved_take, monkeypatch):
    take_id, report, answer_file = saved_take
    speaker = StandInSpeaker().install(monkeypatch)
    reached = play_take(report, answer_file, name=f"take {take_id}", sentence=None, start="0:30", device=None,
                        console=Console(record=True))
    audio = load_audio(answer_file)
    assert np.array_equal(speaker.samples[:len(audio) - 30 * 16000], audio[30 * 16000:])
    assert abs(reached - len(audio) / 16000) < 0.01


def test_what_cannot_be_played_is_one_error_line(saved_take, tmp_path):
    assert parse_time("0:42") == 42 and parse_time("65") == 65
    assert run_cli("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4").returncode == 0
    for args, says in ((("play", "2"), "was typed: there is no recording to play"),
                       (("play", "1", "--sentence", "99"), "give --sentence 1 to"),
                       (("play", "1", "--from", "9:00"), "long; start before that"),
                       (("play", "1", "--from", "soon"), "--from takes a time like 0:42"),
                       (("play", "1", "--from", "nan"), "--from takes a time from 0:00 on"),
                       (("play", "1", "--from", "0:inf"), "--from takes a time from 0:00 on"),
                       (("play", "7"), "there is no take 7"),
                       (("play", "1", "--follow-up", "1"), "take 1 has no follow-up answer 1")):
        result = run_cli(*args)
        assert result.returncode == 1 and result.stderr.startswith("error: ") and says in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1
    assert run_cli("play", "1", "--sentence", "2", "--from", "0:10").returncode == 2
    # A number that is no sentence or follow-up at all is a usage error, said in words.
    for option in ("--sentence", "--follow-up"):
        result = run_cli("play", "1", option, "0")
        assert result.returncode == 2 and "give a whole number from 1 (`rehearse show TAKE` lists them)" in result.stderr


SITE_WITH_SPEAKER = '''
import sys
sys.path.insert(0, {root!r})
import sounddevice
from tests.standin import StandInSpeaker
StandInSpeaker(speed=1.0).patch(sounddevice, setattr)
'''


@needs_tmux
def test_play_a_sentence_in_a_real_terminal(saved_take, rehearse_home, tmp_path):
    """The stand-in speaker is put in the child process by a sitecustomize; it plays in
    real time, so the panel shows the sentence while it is heard."""
    take_id, report, _ = saved_take
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITE_WITH_SPEAKER.format(root=str(ROOT)))
    done = tmp_path / "exit-status"
    session = f"rehearse-play-{os.getpid()}"
    tmux = ["tmux", "-L", session]
    command = (f"cd {ROOT} && PYTHONPATH={site} HF_HUB_OFFLINE=1 REHEARSE_HOME={rehearse_home} {sys.executable} -m rehearse "
               f"play {take_id} --sentence 2; echo $? > {done}; sleep 30")  # the window stays to be read
    subprocess.run([*tmux, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command], check=True)
    try:
        second = report["sentences"][1]
        deadline = time.monotonic() + 30
        seen_playing = False
        while time.monotonic() < deadline and not done.exists():
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            seen_playing = seen_playing or (f"sentence 2 of {len(report['sentences'])}" in screen
                                            and second["text"][:25] in screen and "▶" in screen)
            time.sleep(0.1)
        assert seen_playing
        assert done.read_text().strip() == "0"
        screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
        assert f"Played {clock(second['start'])}-{clock(second['end'])} of take {take_id}." in screen, screen
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
