"""Text from the user is never markup or control codes: a typed answer full of escape
sequences and rich markup goes through `analyze`, `show` and `compare` (and the JSON)
without one ESC or C1 byte or a link reaching the terminal, and the take stays showable."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from rehearse.analysis.transcript import from_text
from rehearse.analysis.safetext import json_text, strip_controls, visible
from tests.conftest import ROOT, SAMPLES, run_cli, slow
from tests.reliability.conftest import handled

# Clear screen, window title (OSC 0), a hyperlink (OSC 8), the alternate screen, a device
# status query, C1 CSI, NUL, BEL and rich markup, inside sentences that talk in general so
# the story check quotes them back.
HOSTILE = ("I always \x1b[2Jclear up \x1b]0;owned\x07conflicts [bold]fast[/bold]. "
           "I usually \x1b]8;;http://evil.test\x1b\\click\x1b]8;;\x1b\\ here [link=http://evil.test]w[/link] [/] [/]. "
           "I would \x1b[?1049hswitch \x1b[6n screens \x9b2J and\x00 ring\x07 bells.\n"
           "Last year I took over the on-call rota and I rewrote every alert myself.\n"
           "In the end pages dropped from forty a week to five.")
BAD_BYTES = ("\x1b", "\x9b", "\x9d", "\x00", "\x07")


def test_typed_answers_lose_escape_sequences_and_controls_on_the_way_in():
    words = " ".join(w.text for w in from_text(HOSTILE).words)
    assert not any(bad in words for bad in BAD_BYTES)
    assert "clear up conflicts" in words and "[link=http://evil.test]w[/link]" in words


def test_shown_text_makes_controls_visible_and_json_escapes_them():
    assert visible("a\x1b[2Jb\x9bc\x7f") == "a^[[2Jb<9B>c^?"
    assert strip_controls("a\x1b]8;;http://x\x1b\\b\x1b[31mc") == "abc"
    text = json_text(json.dumps({"t": "\x1b\x9b\x7f é"}, ensure_ascii=False))
    assert json.loads(text) == {"t": "\x1b\x9b\x7f é"} and not any(c in text for c in "\x1b\x9b\x7f")


def _run(home, *args):
    env = {"REHEARSE_HOME": str(home), "HF_HUB_OFFLINE": "1", "COLUMNS": "120", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "rehearse", *args], cwd=ROOT, env=env, capture_output=True, timeout=120)


@slow
def test_analyze_show_and_compare_write_no_escape_byte_and_no_link(tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(HOSTILE, encoding="utf-8")
    home = tmp_path / "home"
    again = tmp_path / "again.txt"  # (the same file again is no new take)
    again.write_text(HOSTILE + "\n", encoding="utf-8")
    outputs = [_run(home, "analyze", str(answer), "-q", "Q4"), _run(home, "analyze", str(again), "-q", "Q4"),
               _run(home, "show", "1"), _run(home, "compare", "1", "2"), _run(home, "show", "2", "--json"),
               _run(home, "history"), _run(home, "progress")]
    for result in outputs:
        assert result.returncode == 0, result.stderr.decode()
        for stream in (result.stdout, result.stderr):
            assert b"\x1b" not in stream and b"\xc2\x9b" not in stream and b"\x07" not in stream
            assert b"]8;" not in stream and b"Traceback" not in stream
    shown = outputs[2].stdout.decode()
    assert "[link=http://evil.test]w[/link]" in shown or "[link=http://evil.test]w" in shown


@slow
def test_a_file_name_with_escape_codes_is_shown_not_run(tmp_path):
    result = _run(tmp_path / "home", "analyze", str(tmp_path / "\x1b[2Jmissing[/].txt"))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.startswith("error: ") and err.count("\n") == 1 and "^[[2Jmissing[/].txt" in err
    assert b"\x1b" not in result.stderr


@slow
def test_a_huge_typed_answer_is_refused_at_once(rehearse_home, tmp_path):
    import time

    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 25_000)
    started = time.monotonic()
    result = run_cli("analyze", str(huge))
    assert time.monotonic() - started < 5
    assert result.returncode == 1 and result.stderr.startswith("error: ") and "25,000 words" in result.stderr
    assert result.stderr.count("\n") == 1


ANSWER_TEXT = (SAMPLES / "strong-q4.txt").read_text()
TYPED = {  # file name: its bytes
    # What Word and Notepad save as "ANSI": read as Windows-1252, with a warning (a tryout's was refused)
    "latin-1.txt": "Caf\xe9 story. ".encode("latin-1") + ANSWER_TEXT.encode("latin-1", "replace"),
    "windows-1252.txt": ("\u201cWe saved \u00a3400 a week\u201d. " + ANSWER_TEXT).encode("cp1252"),
    # ... and on Polish or Czech Windows, Windows-1250 ("£ódŸ, Pawe³" read as 1252; a tryout's)
    "windows-1250.txt": ("At the hotel in \u0141\u00f3d\u017a my colleague Pawe\u0142 Wi\u015bniewski and I saved "
                         "\u20ac400. " + ANSWER_TEXT).encode("cp1250"),
    # UTF-8 with one stray byte stays UTF-8: its accents are not garbled (a review's)
    "utf-8-stray-byte.txt": "Caf\u00e9 story. ".encode() + b"\xa3" + ANSWER_TEXT.encode(),
    "binary.txt": bytes(range(256)) * 40,
    # Word's "ANSI" with a pair that looks like UTF-8 and a dozen curly quotes: Windows-1252 (a review's)
    "windows-1252-utf8-like.txt": ("The caf\u00e9\u2019s rota. " + ANSWER_TEXT.replace("'", "\u2019")).encode("cp1252"),
    # random bytes hold UTF-8-like pairs by chance: a tryout's were read and scored 68
    "random-bytes.txt": random.Random(0).randbytes(3000),
    "only-punctuation.txt": b"... !!! ??? --- ,,, ;;;\n",
    "two-words.txt": b"I dunno",
    "empty.txt": b"",
    "one-huge-word.txt": b"a" * 100_000,
    "utf-16.txt": ANSWER_TEXT.encode("utf-16"),
    "byte-order-mark.txt": b"\xef\xbb\xbf" + ANSWER_TEXT.encode(),
    "windows-lines.txt": ANSWER_TEXT.replace("\n", "\r\n").encode(),
    "nul-bytes.txt": ANSWER_TEXT.encode()[:200] + b"\x00" * 50 + ANSWER_TEXT.encode()[200:],
    "no-full-stops.txt": " ".join(ANSWER_TEXT.replace(".", "").split()).encode(),
    "emoji.md": ("# My answer \U0001f389\n\n" + ANSWER_TEXT.replace(".", ". \U0001f642", 3)).encode(),
    "bullet-list.md": ("- " + "\n- ".join(ANSWER_TEXT.split(". "))).encode(),
    "bidi-override.txt": ("I fixed \u202egnissim\u202c the bug. " + ANSWER_TEXT).encode(),
    # a recording or a document under a text name is named for what it is (a tryout's WAV
    # named .txt was called "3,555 KB of text")
    "recording.txt": (SAMPLES / "strong-q4.flac").read_bytes(),
    "wave.txt": b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(200),
    "answer-from-word.txt": b"PK\x03\x04" + bytes(500),
}
REFUSED = {"binary.txt": "is not UTF-8 text", "random-bytes.txt": "is not text (","only-punctuation.txt": "holds no words",
           "two-words.txt": "holds only 2 words", "one-huge-word.txt": "holds only 1 word",
           # (a typed answer is typed again, not recorded: a second tryout)
           "empty.txt": "is empty (0 bytes); type the answer and try again",
           "recording.txt": "is a FLAC recording, not text; rename it to .flac and analyze it",
           "wave.txt": "is a WAV recording, not text; rename it to .wav",
           "answer-from-word.txt": "is a Word document or another zip file, not text; save the answer as plain text"}


@slow
@pytest.mark.parametrize("name", list(TYPED))
def test_odd_typed_answers_are_read_or_refused_with_the_reason(tmp_path, name):
    answer = tmp_path / name
    answer.write_bytes(TYPED[name])
    result = _run(tmp_path / "home", "analyze", str(answer), "-q", "Q4", "--json")
    if name in REFUSED:
        handled(result, REFUSED[name])
        assert not (tmp_path / "home" / "history.sqlite3").exists() or b'"takes": []' in _run(tmp_path / "home", "history", "--json").stdout
        return
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    # Each is the same answer: the same parts are found, and nothing of the stray bytes is kept.
    assert report["star"]["missing"] == [] and report["length"]["word_count"] >= 250, (report["star"], report["length"])
    assert not any(c in report["transcript"]["text"] for c in "\x00\u202e\u202c\r")
    if name == "windows-1252.txt":
        assert "\u201cWe saved \u00a3400 a week\u201d." in report["transcript"]["text"]
    if name == "windows-1250.txt":
        assert "\u0141\u00f3d\u017a my colleague Pawe\u0142 Wi\u015bniewski" in report["transcript"]["text"]
        assert "Windows-1250" in " ".join(w["message"] for w in report["warnings"])
    if name == "utf-8-stray-byte.txt":
        assert "Caf\u00e9" in report["transcript"]["text"]
        assert "1 byte(s) of the file are not UTF-8" in " ".join(w["message"] for w in report["warnings"])
    assert ("Windows-1252" in " ".join(w["message"] for w in report["warnings"])) == (
        name in ("latin-1.txt", "windows-1252.txt", "windows-1252-utf8-like.txt"))
    for stream in (result.stdout, result.stderr):
        assert b"\xe2\x80\xae" not in stream and b"\x00" not in stream


def test_windows_1250_is_told_by_its_letters_not_by_units_or_pounds():
    # Read as Windows-1252, Polish "ł", "ą", "ż" come out "³", "¹", "¿" inside or ending a word
    # (a tryout's "Pawe³"); "20 m³", "5 cm³", "¿Qué?", "£thousands" are Windows-1252 text (a review's).
    from rehearse.pipeline import _CENTRAL_EUROPEAN

    for polish in ("Pawe\u00b3 Wi\u0153niewski", "k\u00b9t", "mo\u00bfe"):
        assert _CENTRAL_EUROPEAN.search(polish), polish
    for western in ("we poured 20 m\u00b3 of concrete", "a 5 cm\u00b3 sample", "\u00bfQu\u00e9?", "\u00a3thousands", "\u00a3400"):
        assert not _CENTRAL_EUROPEAN.search(western), western
