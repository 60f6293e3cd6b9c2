"""The command line as a user runs it: exit codes, one error line, JSON only on stdout."""

import json


from tests.conftest import ROOT, run_cli, slow

pytestmark = slow

STRONG = str(ROOT / "samples" / "strong-q4.flac")


def assert_one_error_line(result, *fragments):
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    for fragment in fragments:
        assert fragment in lines[0]


def test_shell_completion_is_offered():
    shown = run_cli("--show-completion", "bash")
    assert shown.returncode == 0 and "_rehearse_completion" in shown.stdout
    assert "--install-completion" in run_cli("--help").stdout


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
    for text in ("Describe a situation where you had a significant", "S situation", "PASS", "Score", "/100"):
        assert text in result.stdout
    verbose = run_cli("analyze", STRONG, "-q", "Q4", "--verbose", "--no-save", env={"COLUMNS": "120"})
    assert "What you said" in verbose.stdout and "Next time" in verbose.stdout and "Timeline" in verbose.stdout


def test_explain_prints_a_checks_documentation():
    result = run_cli("explain", "metrics")
    assert result.returncode == 0 and "Why it matters" in result.stdout
    assert_one_error_line(run_cli("explain", "nope"), "unknown check")
    # A new user: no id yet (a tryout got "Missing argument"), or the name the report shows.
    listed = run_cli("explain")
    assert listed.returncode == 0 and all(check_id in listed.stdout for check_id in ("relevance", "i_vs_we", "hedging"))
    assert "Fits question" in listed.stdout
    for name, check_id in (("fits", "relevance"), ("Fits question", "relevance"), ('"I" vs "we"', "i_vs_we")):
        shown = run_cli("explain", name)
        assert shown.returncode == 0 and shown.stdout.split(":")[0] == check_id, name
    # What a user reads is the check's meaning, not the code's constant names.
    assert "FITS_AT" not in run_cli("explain", "relevance").stdout


def test_models_lists_the_default():
    data = json.loads(run_cli("models", "--json").stdout)
    assert data["default"] == "tiny.en" and data["models"][0]["name"] == "tiny.en"
    import importlib.util

    assert data["engines"] == {"faster-whisper": True, "openai-whisper": importlib.util.find_spec("whisper") is not None}




def test_a_typed_answer_longer_than_any_recording_is_refused_with_one_line(tmp_path):
    # A new user's 19,360 pasted words took 32 s, printed 1,200 lines and scored 80/100.
    long = tmp_path / "pasted.txt"
    long.write_text("I moved the reports to a nightly job and it saved time. " * 420)  # 5,040 words
    result = run_cli("analyze", str(long), "-q", "Q10", env={"REHEARSE_HOME": str(tmp_path / "home")})
    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "5,040 words, about 33 minutes spoken" in line and "give one answer" in line


def test_analyze_takes_the_question_as_practice_does(tmp_path):
    # (a tryout's `analyze take.wav Q12` got "Got unexpected extra argument(s)")
    answer = tmp_path / "answer.txt"
    answer.write_text((ROOT / "samples" / "no-result-q13.txt").read_text())
    result = run_cli("analyze", str(answer), "q13", "--json", "--no-save")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["question"]["id"] == "Q13"
    assert_one_error_line(run_cli("analyze", str(answer), "Q13", "--question", "Q4", "--no-save"),
                          "two questions given")
    # Two files are a usage mistake (exit 2), not an unknown question.
    two = run_cli("analyze", str(answer), str(answer), "--no-save")
    assert two.returncode == 2 and "is no question id" in two.stderr and "Traceback" not in two.stderr
