"""The command line misused: unknown ids, numbers out of range, options that do not go
together, a missing optional engine, an export over an existing file. Usage errors exit 2;
the rest is one `error:` line and exit 1."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLES, run_cli, slow
from tests.reliability.conftest import handled, rehearse

pytestmark = slow
STRONG = str(ROOT / "samples" / "strong-q4.flac")
SHORT = SAMPLES / "no-result-q13.flac"


def test_unknown_question_id():
    handled(run_cli("analyze", STRONG, "--question", "Q99"), "unknown question", "rehearse questions")


def test_model_that_is_not_installed_offline():
    handled(run_cli("analyze", STRONG, "--model", "small.en"), "not installed", "rehearse models")


def test_unknown_model_name():
    handled(run_cli("analyze", STRONG, "--model", "enormous-v9"), "unknown model")


def test_usage_error_exits_2():
    assert run_cli("analyze").returncode == 2


@slow
@pytest.mark.parametrize("args", [("show", "99999999999999999999"), ("compare", "1", "99999999999999999999"),
                                  ("delete", "0"), ("history", "--limit", "99999999999999999999")])
def test_numbers_out_of_range_are_usage_errors(args, rehearse_home):
    result = run_cli(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "give a whole number from 1" in result.stderr
    assert "9223372036854775807" not in result.stderr  # never the SQLite bound: a person's words


@slow
def test_export_never_overwrites_without_force(rehearse_home, tmp_path):
    assert run_cli("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4").returncode == 0
    target = tmp_path / "notes.csv"
    target.write_text("my own notes\n")
    refused = run_cli("export", "-o", str(target))
    assert refused.returncode == 1 and refused.stderr.startswith("error: ") and "--force" in refused.stderr
    assert target.read_text() == "my own notes\n"
    assert run_cli("export", "-o", str(target), "--force").returncode == 0
    assert target.read_text().startswith("id,question_id")


@slow
def test_the_optional_engine_missing_says_how_to_install_it(rehearse_home):
    # This machine has the extra installed: the child process is made to lack it.
    lacking = ("import builtins, runpy, sys\n"
               "real = builtins.__import__\n"
               "def lacks(name, *args, **kwargs):\n"
               "    if name.split('.')[0] in ('torch', 'whisper'):\n"
               "        raise ModuleNotFoundError(f'No module named {name!r}')\n"
               "    return real(name, *args, **kwargs)\n"
               "builtins.__import__ = lacks\n"
               "sys.argv = ['rehearse', 'analyze', sys.argv[1], '--engine', 'openai-whisper', '--no-save']\n"
               "runpy.run_module('rehearse', run_name='__main__')\n")
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", lacking, str(SAMPLES / "no-result-q13.flac")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "rehearse-coach[openai]" in result.stderr and "Traceback" not in result.stderr


def test_replay_of_a_missing_file_and_misused_speed(rehearse_home):
    missing = run_cli("practice", "Q4", "--replay", "nowhere.wav")
    assert missing.returncode == 1 and missing.stderr.startswith("error: no such file: nowhere.wav")
    speed = run_cli("practice", "Q4", "--speed", "4")
    assert speed.returncode == 2 and "--speed only applies with --replay" in speed.stderr
    unknown = run_cli("practice", "Q99", "--replay", str(SHORT))
    assert unknown.returncode == 1 and unknown.stderr.startswith("error: ")


USAGE = [("export", "--format", "xml"), ("history", "--limit", "-1"), ("practice", "Q4", "--max-seconds", "1"), ("nope",),
         ("analyze", "a.txt", "b.txt"), ("practice", "--random", "Q4"), ("show",), ("progress", "Q99"),
         ("show", "1", "--html-please")]
REFUSED = [(("show", "7"), "there is no take 7"), (("compare", "1", "7"), "there is no take 7"),
           (("delete", "7", "--yes"), "there is no take 7"), (("explain", "nope"), "unknown check"),
           (("questions", "--category", "zzz"), "no question category matches"), (("history", "-q", "Q99"), "unknown question"),
           (("delete", "1"), "add --yes"), (("compare", "1", "1"), "two different takes")]


@pytest.mark.parametrize("args,fragment", [(args, None) for args in USAGE] + REFUSED, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_a_command_misused_beside_a_saved_take_changes_nothing(rehearse_home, args, fragment):
    """Exit 2 (usage) or one `error:` line, and the saved take is still there, unchanged;
    `delete` with nobody to answer its question keeps it."""
    assert run_cli("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4").returncode == 0
    before = run_cli("show", "1", "--json").stdout
    if fragment is None:
        handled(rehearse(None, *args), status=2)
    else:
        handled(rehearse(None, *args), fragment)
    assert run_cli("show", "1", "--json").stdout == before


def test_an_export_file_name_with_markup_is_written_and_named_as_it_is(tmp_path):
    assert run_cli("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4").returncode == 0
    target = tmp_path / "exp[bold]x[link=evil]y[red.csv"
    result = rehearse(None, "export", "-o", str(target))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert target.read_text().startswith("id,question_id") and f"Exported 1 takes to {target}" in result.stderr


def test_deleting_a_practice_take_says_it_removes_the_only_recording(rehearse_home):
    assert run_cli("practice", "Q13", "--replay", str(SHORT), "--speed", "8").returncode == 0
    [wav] = (rehearse_home / "recordings").glob("*.wav")
    asked = handled(rehearse(None, "delete", "1"), "add --yes")
    assert "the take and its recording, the only copy" in asked and wav.exists()
    done = rehearse(None, "delete", "1", "--yes")
    assert done.returncode == 0 and "the only copy" in done.stdout and not wav.exists()


@pytest.mark.parametrize("args", [("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4", "--no-save"),
                                  ("analyze", str(SAMPLES / "strong-q4.txt"), "--no-save", "--json"),
                                  ("questions",), ("explain",), ("explain", "star"), ("--help",)])
def test_a_reader_that_stops_reading_is_no_error(args):
    # "rehearse analyze answer.txt | head -2" exited 1, which the README keeps for unusable
    # input (a tryout's script). A pipe whose reader is gone before the first write fails
    # every write, as it does once head has read its lines.
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("REHEARSE_TRACEBACK", None)
    done = subprocess.run([sys.executable, "-m", "rehearse", *args], stdout=write, stderr=subprocess.PIPE, env=env,
                          timeout=120, cwd=ROOT)
    os.close(write)
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()


def test_open_without_html_and_an_export_named_for_another_program_are_said(rehearse_home, tmp_path):
    # A tryout's `analyze ... --open` did nothing and said nothing, and `export -o all.xlsx`
    # wrote CSV text a spreadsheet program refuses, under a name that promised a workbook.
    done = run_cli("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4", "--open")
    assert done.returncode == 0 and "warning: --open opens the page that --html writes; add --html FILE" in done.stderr
    target = tmp_path / "all.xlsx"
    exported = run_cli("export", "-o", str(target))
    assert exported.returncode == 0 and "all.xlsx will hold csv, not .xlsx; name it .csv" in exported.stderr
    assert target.read_text().startswith("id,question_id")
