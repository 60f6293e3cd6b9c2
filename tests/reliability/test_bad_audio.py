"""Audio that cannot be used, or only just: each gets one `error:` line that says what to
do, or a normal report when it is odd but usable. Nothing is saved for a refused file."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import threading

import pytest

from tests.conftest import SAMPLES, slow
from tests.reliability.conftest import RECORDING, handled, rehearse, takes_in

pytestmark = slow


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    """Each file a person or a broken program could hand over, made from our sample."""
    import numpy as np
    import soundfile as sf

    folder = tmp_path_factory.mktemp("bad")
    rng = np.random.default_rng(7)
    audio, rate = sf.read(RECORDING, dtype="float32")
    (folder / "text.wav").write_text("this is not audio at all\n" * 20)
    # Over 64 KiB of text named .mp3: libmpg123 gives up on it with a line of its own on stderr.
    (folder / "text.mp3").write_text("this is not audio at all\n" * 4000)
    (folder / "empty.wav").write_bytes(b"")
    sf.write(folder / "silence.wav", np.zeros(16000 * 5, dtype=np.float32), 16000)
    sf.write(folder / "half.wav", audio[rate * 3: rate * 3 + rate // 2], rate)
    (folder / "a-folder").mkdir()
    sf.write(folder / "whole.wav", audio, rate, subtype="PCM_16")
    wav = (folder / "whole.wav").read_bytes()
    (folder / "header-only.wav").write_bytes(wav[:44])
    (folder / "cut-in-header.wav").write_bytes(wav[:30])
    (folder / "cut-in-half.wav").write_bytes(wav[: len(wav) // 2])
    flac = RECORDING.read_bytes()
    (folder / "cut-in-half.flac").write_bytes(flac[: len(flac) // 2])
    (folder / "cut-at-200-bytes.flac").write_bytes(flac[:200])
    for suffix in ("wav", "flac", "mp3", "ogg", "m4a", "webm", "opus"):
        (folder / f"random.{suffix}").write_bytes(rng.bytes(50_000))
    (folder / "picture.wav").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.bytes(5000))
    (folder / "archive.m4a").write_bytes(b"PK\x03\x04" + rng.bytes(5000))
    sf.write(folder / "no-frames.wav", np.zeros(0, dtype=np.float32), 16000)
    sf.write(folder / "one-sample.wav", np.full(1, 0.3, dtype=np.float32), 16000)
    damaged = audio.copy()
    damaged[::7] = np.nan
    sf.write(folder / "nan-samples.wav", damaged, rate, subtype="FLOAT")
    damaged = audio.copy()
    damaged[::11] = np.inf
    sf.write(folder / "infinite-samples.wav", damaged, rate, subtype="FLOAT")
    glitch = audio.copy()
    glitch[1000:1010] = np.nan  # ten samples: a glitch, heard through
    sf.write(folder / "ten-nan-samples.wav", glitch, rate, subtype="FLOAT")
    sf.write(folder / "white-noise.wav", rng.uniform(-1, 1, 16000 * 8).astype(np.float32), 16000)
    tone = np.sign(np.sin(np.arange(16000 * 6) * 2 * np.pi * 440 / 16000)).astype(np.float32)
    sf.write(folder / "square-tone.wav", tone, 16000)
    sf.write(folder / "dc-offset.wav", np.full(16000 * 5, 0.5, dtype=np.float32), 16000)
    sf.write(folder / "whisper-quiet.wav", audio * 0.003, rate)
    sf.write(folder / "31-minutes.wav", np.zeros(8000 * 60 * 31, dtype=np.int16), 8000, subtype="PCM_16")
    lying = bytearray(wav[: 16000 * 2 * 10 + 44])  # 10 s of speech whose header claims 18 hours
    lying[40:44] = struct.pack("<I", 0x7FFFFFF0)
    lying[4:8] = struct.pack("<I", 0x7FFFFFF0 + 36)
    (folder / "lying-header.wav").write_bytes(bytes(lying))
    sf.write(folder / "eight-channels.wav", np.tile(audio[:, None], (1, 8)), rate)
    subprocess.run(["sox", str(RECORDING), "-r", "8000", str(folder / "phone-8k.wav")], check=True)
    subprocess.run(["sox", str(RECORDING), "-r", "96000", str(folder / "studio-96k.flac")], check=True)
    os.symlink(folder / "loop-b.wav", folder / "loop-a.wav")
    os.symlink(folder / "loop-a.wav", folder / "loop-b.wav")
    os.symlink(folder / "gone.wav", folder / "dangling.wav")
    # Files added later draw from their own generator: the noise above must stay the same bytes.
    later = np.random.default_rng(11)
    (folder / "answer.docx").write_bytes(b"PK\x03\x04" + later.bytes(5000))  # a word processor's document
    (folder / "no-suffix").write_bytes(later.bytes(50_000))  # neither audio nor text, and its name says nothing
    return folder


REFUSED = [
    ("missing.wav", ["no such file", "m4a", "webm", "text: txt, md"]),
    ("a-folder", ["is a folder"]),
    ("text.wav", ["text.wav holds text, not audio", "save it as .txt"]),  # a typed answer saved as .wav
    ("empty.wav", ["empty (0 bytes)"]),
    ("silence.wav", ["silent", "microphone"]),
    ("half.wav", ["0.5 s long", "under the 2 s rehearse needs"]),
    ("header-only.wav", ["holds no sound", "44 bytes"]),
    ("cut-in-header.wav", ["cannot read", "a .wav file"]),
    ("cut-at-200-bytes.flac", ["cannot read", "a .flac file"]),
    ("random.wav", ["cannot read", "as audio"]),
    ("random.flac", ["holds no sound", "50,000 bytes"]),
    ("random.mp3", ["cannot read", "as audio"]),
    ("text.mp3", ["holds no sound", "100,000 bytes"]),  # and not the decoder's own line before it
    ("random.ogg", ["cannot read", "as audio"]),
    ("random.m4a", ["cannot read", "as audio"]),
    ("random.webm", ["cannot read", "as audio"]),
    ("random.opus", ["cannot read", "as audio"]),
    ("picture.wav", ["no audio track"]),
    ("archive.m4a", ["cannot read", "as audio"]),
    ("answer.docx", ["answer.docx is a document (.docx), not plain text", "Save As", "Plain Text (.txt)"]),
    ("no-suffix", ["cannot read", "as audio or text"]),
    ("no-frames.wav", ["holds no sound"]),
    ("one-sample.wav", ["0.0 s long"]),
    ("nan-samples.wav", ["is damaged", "not numbers", "record it again"]),
    ("infinite-samples.wav", ["is damaged", "not numbers"]),
    ("white-noise.wav", ["no English speech", "microphone"]),
    ("square-tone.wav", ["could not be transcribed reliably"]),
    ("dc-offset.wav", ["no English speech"]),
    ("whisper-quiet.wav", ["is silent", "microphone"]),
    ("31-minutes.wav", ["31 minutes long", "trim it"]),
    ("loop-a.wav", ["is a link to a file that does not exist"]),
    ("dangling.wav", ["is a link to a file that does not exist", "gone.wav"]),
]


@pytest.mark.parametrize("name,fragments", REFUSED, ids=[case[0] for case in REFUSED])
def test_audio_that_cannot_be_used_gets_one_error_line_and_saves_nothing(bad_files, rehearse_home, name, fragments):
    handled(rehearse(None, "analyze", str(bad_files / name), "-q", "Q4"), *fragments)
    assert not (rehearse_home / "history.sqlite3").exists() or takes_in(rehearse_home) == []


USABLE = [  # (file, the fewest words the report must hold)
    ("cut-in-half.wav", 100), ("cut-in-half.flac", 100), ("lying-header.wav", 20), ("ten-nan-samples.wav", 240),
    ("eight-channels.wav", 240), ("phone-8k.wav", 240), ("studio-96k.flac", 240),
]


@pytest.mark.parametrize("name,fewest_words", USABLE, ids=[case[0] for case in USABLE])
def test_odd_but_usable_audio_gets_a_report_of_what_it_holds(bad_files, name, fewest_words):
    result = rehearse(None, "analyze", str(bad_files / name), "-q", "Q4", "--json", "--no-save")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["transcript"]["words"]) >= fewest_words


def test_an_unreadable_file_says_so(bad_files, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    secret = tmp_path / "secret.wav"
    secret.write_bytes(RECORDING.read_bytes())
    secret.chmod(0)
    handled(rehearse(None, "analyze", str(secret)), "cannot read", "secret.wav")


# -- streams: standard input, pipes and devices --------------------------------------


def test_an_answer_piped_on_standard_input_is_read_like_a_file(rehearse_home):
    typed = rehearse(None, "analyze", "-", "-q", "Q4", "--json", input=(SAMPLES / "strong-q4.txt").read_text())
    assert typed.returncode == 0, typed.stderr
    assert json.loads(typed.stdout)["source"]["path"] == "-"
    with open(RECORDING, "rb") as audio:
        spoken = rehearse(None, "analyze", "-", "-q", "Q4", "--json", stdin=audio, text=False)
    assert spoken.returncode == 0, spoken.stderr
    assert json.loads(spoken.stdout)["source"]["kind"] == "audio"
    [newest, oldest] = takes_in(rehearse_home)
    assert (newest["id"], oldest["id"]) == (2, 1)
    deleting = rehearse(None, "delete", "2", "--yes")
    assert deleting.returncode == 0 and "the only copy left" in deleting.stdout


def test_a_named_pipe_and_dev_stdin_are_read_not_called_empty(tmp_path):
    fifo = tmp_path / "answer.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text((SAMPLES / "strong-q4.txt").read_text()))
    writer.start()
    piped = rehearse(None, "analyze", str(fifo), "-q", "Q4", "--no-save")
    writer.join()
    assert piped.returncode == 0 and "Score" in piped.stdout, piped.stderr
    with open(RECORDING, "rb") as audio:
        device = rehearse(None, "analyze", "/dev/stdin", "-q", "Q4", "--no-save", stdin=audio)
    assert device.returncode == 0 and "Score" in device.stdout, device.stderr
    # /dev/stdin redirected from a text file is a regular file without a suffix: its content says what it is.
    for encoding in ("utf-8", "utf-16"):
        typed = tmp_path / f"answer-{encoding}"
        typed.write_text((SAMPLES / "strong-q4.txt").read_text(), encoding=encoding)
        with open(typed, "rb") as text:
            read = rehearse(None, "analyze", "/dev/stdin", "-q", "Q4", "--no-save", stdin=text)
        assert read.returncode == 0 and "typed transcript /dev/stdin" in read.stdout, (encoding, read.stderr)


@pytest.mark.parametrize("source,fragments", [
    ("/dev/null", ["/dev/null gave no data", "rehearse analyze - < answer.txt"]),
    ("-", ["- gave no data"]),
    ("/dev/zero", ["cannot read /dev/zero as audio or text"]),  # refused at its first block, not after 400 MB
])
def test_a_stream_with_nothing_in_it_is_one_error_line(source, fragments):
    handled(rehearse(None, "analyze", source), *fragments)


def test_random_bytes_on_standard_input_are_refused_and_no_copy_is_left(tmp_path):
    stale = tmp_path / "rehearse-answer-left-by-a-killed-run.txt"
    stale.write_text("an answer a killed process left behind")
    os.utime(stale, (1, 1))
    result = rehearse(None, "analyze", "-", input=os.urandom(20_000), text=False, env={"TMPDIR": str(tmp_path)})
    handled(result, "cannot read - as audio")
    assert not list(tmp_path.glob("rehearse-answer-*"))  # neither this one's copy nor the stale one
