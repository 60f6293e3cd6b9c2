"""Recording: the crash-safe WAV, the recorder's stop conditions, and the microphone path
driven by a stand-in device that feeds real speech through the real callback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import wave

import numpy as np
import pytest
import soundfile
from rich.console import Console

from rehearse.audio import takefile
from rehearse.audio.recorder import (
    NO_INPUT_DEVICE,
    MicrophoneSource,
    Recorder,
    RecordingError,
    ReplaySource,
    StopSignal,
    input_devices,
)
from rehearse.audio.signal import SAMPLE_RATE
from rehearse.errors import AudioError
from tests.conftest import SAMPLES, needs_portaudio, slow
from tests.standin import StandInMicrophone

# 16-bit samples: what was written comes back within half a step of 1/32768.
PCM16_STEP = 1 / 32768


def sample(name: str = "no-result-q13"):
    data, rate = soundfile.read(SAMPLES / f"{name}.flac", dtype="float32")
    return data, rate


def test_wav_header_is_valid_while_the_take_is_still_being_written(tmp_path):
    path = tmp_path / "take.wav"
    writer = takefile.WavWriter(path, 16000, {"question_id": "Q4"})
    assert writer.header_auto
    writer.write(np.full((16000, 1), 0.25, np.float32))
    # Another program (or a crash) sees a complete 1-second WAV before close().
    with wave.open(str(path)) as w:
        assert w.getnframes() == 16000
    assert path.with_name("take.wav.recording").exists()
    writer.close()
    assert not path.with_name("take.wav.recording").exists()


def test_repair_header_restores_every_complete_frame(tmp_path):
    path = tmp_path / "cut.wav"
    audio = np.sin(np.linspace(0, 300, 24000)).astype(np.float32) * 0.5
    soundfile.write(path, audio, 16000, subtype="PCM_16")
    raw = bytearray(path.read_bytes())
    data_at = raw.index(b"data")
    # What a killed writer leaves: sizes of 0 in the header, and half a frame at the end.
    raw[4:8] = (0).to_bytes(4, "little")
    raw[data_at + 4:data_at + 8] = (0).to_bytes(4, "little")
    path.write_bytes(bytes(raw) + b"\x01")
    with pytest.raises(wave.Error):
        wave.open(str(path)).getnframes()
    assert takefile.repair_header(path) == 24000
    back, rate = soundfile.read(path, dtype="float32")
    assert rate == 16000 and len(back) == 24000
    assert np.allclose(back, audio, atol=PCM16_STEP)


def test_repair_header_refuses_a_file_that_is_not_a_wav(tmp_path):
    path = tmp_path / "x.wav"
    path.write_bytes(b"ID3" + bytes(100))
    with pytest.raises(AudioError, match="not a WAV"):
        takefile.repair_header(path)


KILLED_WRITER = """
import sys, time, numpy as np, soundfile
f = soundfile.SoundFile(sys.argv[1], "w", samplerate=16000, channels=1, subtype="PCM_16", format="WAV")
for i in range(40):
    f.write(np.full(1600, 0.1, np.float32))
print("wrote", flush=True)
time.sleep(60)
"""


@slow
def test_a_wav_writer_killed_without_header_updates_is_repaired_to_all_it_wrote(tmp_path):
    """The fallback when libsndfile's automatic header updates are unavailable."""
    path = tmp_path / "killed.wav"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "wrote"
    proc.kill()
    proc.wait()
    with pytest.raises(wave.Error):
        wave.open(str(path))
    assert takefile.repair_header(path) == 40 * 1600


def test_replay_writes_exactly_the_input_to_disk(rehearse_home):
    audio, rate = sample()
    source = ReplaySource(SAMPLES / "no-result-q13.flac", speed=50)
    path = takefile.new_take_path("Q13")
    recording = Recorder(source, path).record(StopSignal())
    assert recording.stopped_by == "end"
    assert recording.frames == len(audio) and recording.samplerate == rate
    back, back_rate = soundfile.read(path, dtype="float32")
    assert back_rate == rate
    assert np.allclose(back, audio, atol=PCM16_STEP)
    assert path.parent == rehearse_home / "recordings"
    assert not list(path.parent.glob("*.recording"))  # a clean stop leaves no marker


def test_recording_stops_at_the_time_limit(tmp_path):
    source = ReplaySource(SAMPLES / "no-result-q13.flac", speed=50)
    recording = Recorder(source, tmp_path / "t.wav", max_seconds=3).record(StopSignal())
    assert recording.stopped_by == "limit"
    assert recording.frames == 3 * 16000
    assert soundfile.info(str(tmp_path / "t.wav")).frames == 3 * 16000


def test_recording_stops_when_asked_and_keeps_what_came_before(tmp_path):
    source = ReplaySource(SAMPLES / "no-result-q13.flac", speed=10)
    stop = StopSignal()
    threading.Timer(0.5, stop.set, args=("enter",)).start()
    recording = Recorder(source, tmp_path / "t.wav").record(stop)
    assert recording.stopped_by == "enter"
    # 0.5 s at 10x is about 5 s of audio: clearly stopped early, and all of it kept.
    assert 2 * 16000 < recording.frames < 15 * 16000
    audio, _ = sample()
    back, _ = soundfile.read(tmp_path / "t.wav", dtype="float32")
    assert len(back) == recording.frames
    assert np.allclose(back, audio[:len(back)], atol=PCM16_STEP)


def test_ticks_report_time_level_and_silence(tmp_path):
    silence = tmp_path / "silence.wav"
    soundfile.write(silence, np.zeros(16000 * 7, np.float32), 16000)
    states = []
    Recorder(ReplaySource(silence, speed=20), tmp_path / "t.wav").record(
        StopSignal(), on_tick=lambda s: states.append((s.elapsed_s, s.silent_s, s.level_db)))
    assert states[-1][0] == pytest.approx(7.0)
    assert states[-1][1] >= 6.5  # 7 s of nothing
    assert states[-1][2] == -60.0


def test_stand_in_microphone_records_at_16k_through_the_real_callback(monkeypatch, tmp_path):
    audio, rate = sample()
    mic = StandInMicrophone(audio, rate).install(monkeypatch)
    source = MicrophoneSource()
    assert source.samplerate == 16000 and source.name == mic.name
    recording = Recorder(source, tmp_path / "m.wav", max_seconds=5).record(StopSignal())
    assert mic.opened_with == {"device": mic.index, "samplerate": 16000, "channels": 1, "dtype": "float32"}
    assert recording.stopped_by == "limit" and recording.frames == 5 * 16000
    back, _ = soundfile.read(tmp_path / "m.wav", dtype="float32")
    assert np.allclose(back, audio[:5 * 16000], atol=PCM16_STEP)


def test_blocks_at_48k_resampled_as_they_come_match_the_whole_file_decoded(tmp_path):
    """What the transcriber hears while a 48 kHz device records is what the whole file
    gives when it is decoded after the stop: the same length, the same samples."""
    from rehearse.audio.files import load_audio
    from rehearse.audio.signal import ToSampleRate

    rate = 48000
    t = np.arange(3 * rate) / rate
    audio = (0.3 * np.sin(2 * np.pi * (200 + 600 * t) * t)).astype(np.float32)  # a rising tone
    soundfile.write(tmp_path / "tone.wav", audio, rate, subtype="FLOAT")
    to_16k = ToSampleRate(rate)
    block = int(rate * 0.1)
    streamed = np.concatenate([to_16k(audio[i:i + block]) for i in range(0, len(audio), block)] + [to_16k.flush()])
    whole = load_audio(tmp_path / "tone.wav")
    assert len(streamed) == len(whole) == 3 * SAMPLE_RATE
    assert np.abs(streamed - whole).max() < 2 * PCM16_STEP  # whole files are decoded through 16-bit samples


@slow
def test_a_device_that_refuses_16k_is_recorded_at_its_own_rate_and_still_transcribes(monkeypatch, tmp_path):
    # Real speech at 44.1 kHz, resampled from the sample by FFmpeg (PyAV, which faster-whisper brings).
    from faster_whisper.audio import decode_audio

    audio, rate = decode_audio(str(SAMPLES / "no-result-q13.flac"), sampling_rate=44100), 44100
    StandInMicrophone(audio, rate, accepts_16k=False, speed=40).install(monkeypatch)
    source = MicrophoneSource()
    assert source.samplerate == 44100
    stop = StopSignal()
    recording = Recorder(source, tmp_path / "m.wav", max_seconds=12).record(stop)
    assert soundfile.info(str(tmp_path / "m.wav")).samplerate == 44100
    from rehearse.pipeline import analyze_path

    report = analyze_path(recording.path, question_id="Q13")
    assert "junior developer" in report["transcript"]["text"]


def test_input_overflows_are_counted_and_recording_goes_on(monkeypatch, tmp_path):
    audio, rate = sample()
    StandInMicrophone(audio, rate, overflow_every=10).install(monkeypatch)
    recording = Recorder(MicrophoneSource(), tmp_path / "m.wav", max_seconds=6).record(StopSignal())
    # 6 s in 0.1 s blocks: 60 blocks, every 10th flagged (a block or two may still be queued).
    assert recording.stopped_by == "limit" and recording.frames == 6 * 16000
    assert 5 <= recording.overflows <= 7
    assert "overflowed" in recording.warnings[0]


def test_a_device_chosen_by_id_or_name(monkeypatch):
    audio, rate = sample()
    StandInMicrophone(audio, rate, index=7, name="Blue Yeti").install(monkeypatch)
    assert MicrophoneSource("7").name == "Blue Yeti"
    assert MicrophoneSource("Yeti").name == "Blue Yeti"
    with pytest.raises(RecordingError, match="no input device '9'.*rehearse devices"):
        MicrophoneSource("9")


def test_devices_lists_only_inputs_and_marks_the_default(monkeypatch):
    audio, rate = sample()
    StandInMicrophone(audio, 48000, index=3, name="Built-in microphone").install(monkeypatch)
    assert [(d.id, d.name, d.default_samplerate, d.is_default) for d in input_devices()] == [
        (3, "Built-in microphone", 48000.0, True)]


@needs_portaudio
def test_no_input_device_says_what_to_do(monkeypatch):
    import sounddevice as sd

    def nothing(device=None, kind=None):
        if kind == "input":
            raise sd.PortAudioError("Error querying device -1")
        return []

    monkeypatch.setattr(sd, "query_devices", nothing)
    with pytest.raises(RecordingError) as caught:
        MicrophoneSource()
    assert str(caught.value) == NO_INPUT_DEVICE
    assert input_devices() == []


@slow
def test_unfinished_takes_are_found_repaired_and_released(rehearse_home):
    folder = rehearse_home / "recordings"
    folder.mkdir(parents=True)
    wav = folder / "20261126-101500-Q7.wav"
    soundfile.write(wav, np.full(32000, 0.2, np.float32), 16000, subtype="PCM_16")
    raw = bytearray(wav.read_bytes())
    raw[40:44] = bytes(4)
    wav.write_bytes(bytes(raw))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    marker = folder / "20261126-101500-Q7.wav.recording"
    marker.write_text(f'{{"pid": {int(dead.stdout)}, "samplerate": 16000, "question_id": "Q7", "started_at": "2026-11-26T10:15:00+00:00"}}')
    # A take whose recorder is alive (this process) is left alone.
    live = folder / "20261126-101600-Q8.wav"
    soundfile.write(live, np.zeros(1600, np.float32), 16000)
    (folder / "20261126-101600-Q8.wav.recording").write_text(f'{{"pid": {os.getpid()}, "samplerate": 16000}}')

    [take] = takefile.find_unfinished()
    assert (take.path, take.question_id, take.seconds) == (wav, "Q7", 2.0)
    assert soundfile.info(str(wav)).frames == 32000
    assert takefile.find_unfinished() == [take]  # still offered until released
    takefile.release(take)
    assert takefile.find_unfinished() == [] and wav.exists()


def test_recording_panel_follows_the_guides_marks():
    from rehearse.audio.recorder import RecordingState
    from rehearse.ui.live import recording_panel, zone

    assert zone(30)[1].startswith("under a minute")
    assert zone(75)[1].startswith("good length")
    assert zone(100)[1].startswith("past 1:30")
    assert zone(150)[1].startswith("long")
    assert zone(200)[1].startswith("over 3 minutes")
    console = Console(record=True, width=100, file=io.StringIO(), force_terminal=True)
    console.print(recording_panel(RecordingState(elapsed_s=95, level_db=-20, silent_s=6, overflows=2, source="mic")))
    text = console.export_text()
    assert "1:35 / 3:00" in text and "past 1:30: land the Result" in text
    assert "1:00" in text and "1:30 aim" in text and "2:00" in text
    assert "-20 dB" in text
    assert "No sound for 6 s: is the microphone muted?" in text
    assert "overflowed 2 time(s)" in text


@slow
def test_practice_shows_the_question_the_live_panel_and_the_report(monkeypatch, rehearse_home):
    """The whole session in-process, recorded on rich's recording console."""
    from rehearse.ui import practice

    console = Console(record=True, width=100, file=io.StringIO(), force_terminal=True)
    monkeypatch.setattr(sys, "stdin", io.StringIO("r\nq\n"))  # one more take, then quit
    frames = []
    original = practice.recording_panel

    def spy(state, *args, **kwargs):
        frames.append(state.elapsed_s)
        return original(state, *args, **kwargs)

    monkeypatch.setattr(practice, "recording_panel", spy)
    options = practice.Options(replay=SAMPLES / "no-result-q13.flac", speed=20)
    practice.run("Q13", options, console)
    text = console.export_text()
    assert "Tell me about a time you mentored a junior developer" in text
    assert "Situation (short) → Task → Action" in text
    assert "● REC" in text
    assert "by the end of the replayed file" in text
    assert "Score" in text and "STAR" in text
    # The panel was redrawn as time went on, ending at the sample's length.
    assert len(frames) > 10 and frames[-1] == pytest.approx(soundfile.info(str(SAMPLES / "no-result-q13.flac")).duration, abs=0.01)
    assert len(list((rehearse_home / "recordings").glob("*.wav"))) == 2
    # Both takes are saved, pointing at their recordings; the second says what changed.
    from rehearse.history.store import History

    with History() as store:
        second, first = store.takes()
        assert (first.question_id, second.question_id) == ("Q13", "Q13")
        assert first.answer_file.parent == rehearse_home / "recordings" and first.answer_file.exists()
        report = store.report(second.id)
        assert report["recording"]["stopped_by"] == "end"
        assert report["previous_take"]["id"] == first.id
    assert f"Since take {first.id}: score" in text
