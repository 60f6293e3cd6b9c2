"""The command line as a user runs it: exit codes, one error line, JSON only on stdout."""

import json

import pytest

from tests.conftest import ROOT, SAMPLES, run_cli, slow

pytestmark = slow

STRONG = str(ROOT / "samples" / "strong-q4.flac")


def assert_one_error_line(result, *fragments):
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    for fragment in fragments:
        assert fragment in lines[0]


def test_help_lists_the_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("questions", "analyze", "models", "explain"):
        assert command in result.stdout


def test_questions_json():
    result = run_cli("questions", "--json", "--category", "feedback")
    data = json.loads(result.stdout)
    assert [q["id"] for q in data["questions"]] == ["Q22", "Q23"]
    assert set(data["questions"][0]) == {"id", "category", "text"}


def test_questions_table():
    result = run_cli("questions")
    assert result.returncode == 0 and "Q25" in result.stdout and "Conflict Resolution" in result.stdout


def test_analyze_typed_answer_json_is_the_only_stdout(tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text((ROOT / "samples" / "no-result-q13.txt").read_text())
    result = run_cli("analyze", str(answer), "--question", "Q13", "--json", "--no-save")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["question"]["id"] == "Q13" and report["star"]["missing"][-1] == "result"


def test_analyze_audio_prints_the_terminal_report():
    result = run_cli("analyze", STRONG, "-q", "Q4", env={"COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    for text in ("Describe a situation where you had a significant", "What you said", "PASS", "Score", "/100"):
        assert text in result.stdout


def test_explain_prints_a_checks_documentation():
    result = run_cli("explain", "metrics")
    assert result.returncode == 0 and "Why it matters" in result.stdout
    assert_one_error_line(run_cli("explain", "nope"), "unknown check")


def test_models_lists_the_default():
    data = json.loads(run_cli("models", "--json").stdout)
    assert data["default"] == "tiny.en" and data["models"][0]["name"] == "tiny.en"
    import importlib.util

    assert data["engines"] == {"faster-whisper": True, "openai-whisper": importlib.util.find_spec("whisper") is not None}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    import numpy as np
    import soundfile as sf

    folder = tmp_path_factory.mktemp("bad")
    (folder / "text.wav").write_text("this is not audio at all\n" * 20)
    (folder / "empty.wav").write_bytes(b"")
    sf.write(folder / "silence.wav", np.zeros(16000 * 5, dtype=np.float32), 16000)
    audio, rate = sf.read(ROOT / "samples" / "strong-q4.flac", dtype="float32")
    sf.write(folder / "half.wav", audio[rate * 3: rate * 3 + rate // 2], rate)
    (folder / "a-folder").mkdir()
    (folder / "blank.txt").write_text("   \n")
    return folder


@pytest.mark.parametrize("name,fragments", [
    ("missing.wav", ["no such file"]),
    ("a-folder", ["is a folder"]),
    ("text.wav", ["cannot read", "as audio"]),
    ("empty.wav", ["empty (0 bytes)"]),
    ("silence.wav", ["silent", "microphone"]),
    ("half.wav", ["0.5 s long"]),
    ("blank.txt", ["holds no words"]),
])
def test_bad_input_gets_one_error_line(bad_files, name, fragments):
    assert_one_error_line(run_cli("analyze", str(bad_files / name)), *fragments)


def test_unknown_question_id():
    assert_one_error_line(run_cli("analyze", STRONG, "--question", "Q99"), "unknown question", "rehearse questions")


def test_model_that_is_not_installed_offline():
    assert_one_error_line(run_cli("analyze", STRONG, "--model", "small.en"), "not installed", "rehearse models")


def test_unknown_model_name():
    assert_one_error_line(run_cli("analyze", STRONG, "--model", "enormous-v9"), "unknown model")


def test_usage_error_exits_2():
    assert run_cli("analyze").returncode == 2


@slow
@pytest.mark.parametrize("args", [("show", "99999999999999999999"), ("compare", "1", "99999999999999999999"),
                                  ("delete", "0"), ("history", "--limit", "99999999999999999999")])
def test_numbers_out_of_range_are_usage_errors(args, rehearse_home):
    result = run_cli(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "range" in result.stderr


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
def test_a_huge_typed_answer_is_refused_at_once(rehearse_home, tmp_path):
    import time

    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 25_000)
    started = time.monotonic()
    result = run_cli("analyze", str(huge))
    assert time.monotonic() - started < 5
    assert result.returncode == 1 and result.stderr.startswith("error: ") and "25,000 words" in result.stderr
    assert result.stderr.count("\n") == 1


@slow
@pytest.mark.parametrize("case", ["a file", "under a file", "a dangling link", "takes is a file"])
def test_an_unusable_data_folder_is_one_error_line(tmp_path, case):
    (tmp_path / "file").write_text("not a folder")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "home" / "takes").parent.mkdir()
    (tmp_path / "home" / "takes").write_text("not a folder")
    home = {"a file": "file", "under a file": "file/sub", "a dangling link": "dangling", "takes is a file": "home"}[case]
    result = run_cli("analyze", str(SAMPLES / "strong-q4.txt"), "-q", "Q4", env={"REHEARSE_HOME": str(tmp_path / home)})
    assert result.returncode == 1 and result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "REHEARSE_HOME" in result.stderr and "Traceback" not in result.stderr


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
