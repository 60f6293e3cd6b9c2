"""`rehearse interview`: questions planned across categories, answers and follow-ups
recorded (replayed through the real recording path), no feedback until the end, the
session kept in the history, its summary, the interviewer's voice through a stand-in
speaker, and a session a kill -9 cut short, recovered."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from rehearse.history.interview import document, plan, summary, trend, work_on
from rehearse.history.store import History
from tests.conftest import ROOT, SAMPLES, a_report, dead_pid, needs_tmux, run_cli, slow, wait_for_recording

WE_HEAVY = SAMPLES / "we-heavy-q20.flac"  # asks "What did you do yourself?" first
NO_RESULT = SAMPLES / "no-result-q13.flac"  # asks "How did it turn out?" first
OWN_ACTIONS = SAMPLES / "follow-ups" / "own-actions-q20.flac"
RESULT = SAMPLES / "follow-ups" / "result-q13.flac"
VAGUE_RESULT = SAMPLES / "follow-ups" / "vague-result-q13.flac"


def interview_json(*args: str, timeout: float = 300) -> dict:
    done = run_cli("interview", *args, "--json", timeout=timeout)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# -- planning and the summary (pure) -----------------------------------------------

class _Take:
    def __init__(self, question_id: str, score: int):
        self.question_id, self.figures = question_id, {"score": score}


def test_the_plan_asks_unpractised_questions_from_different_categories_first():
    from rehearse import prompts

    categories = {q.category for q in prompts.questions()}
    # Every question practised alike: five questions from five categories.
    asked = plan([_Take(q.id, 90) for q in prompts.questions()], 5)
    assert len(asked) == 5 and len({q.category for q in asked}) == 5
    # Q1 never practised, Q2 practised with a low score: Q1 first, and Q2 (the same
    # category) only in the next round, after a question of another category.
    practised = [_Take(q.id, 90) for q in prompts.questions() if q.id not in ("Q1", "Q2")] + [_Take("Q2", 40)]
    asked = plan(practised, len(categories) + 1)
    assert asked[0].id == "Q1" and asked[-1].id == "Q2"
    # More questions than categories: a category comes back only once each has been asked.
    everything = plan([], len(categories) + 1)
    assert len({q.category for q in everything[:len(categories)]}) == len(categories)
    assert len({q.id for q in everything}) == len(categories) + 1
    # One category: its questions, each once.
    conflict = plan([], 5, category="conflict")
    assert sorted(q.id for q in conflict) == sorted(q.id for q in prompts.questions("conflict"))


def test_the_lowest_best_score_comes_before_a_higher_one():
    from rehearse import prompts

    takes = [_Take(q.id, 95) for q in prompts.questions()]
    takes += [_Take("Q13", 30), _Take("Q13", 45)]  # Q13's best is 95 too: not the lowest
    takes = [t for t in takes if not (t.question_id == "Q20" and t.figures["score"] == 95)] + [_Take("Q20", 50)]
    assert plan(takes, 1)[0].id == "Q20"


def test_the_summary_ranks_what_cost_the_most_points_over_the_session():
    answers = [{"report": a_report("Q20", "we-heavy-q20"), "follow_ups": []},
               {"report": a_report("Q13", "no-result-q13"), "follow_ups": []},
               {"report": a_report("Q4", "strong-q4"), "follow_ups": []}]
    for n, answer in enumerate(answers, 1):
        answer["report"]["take"] = {"id": n, "saved": True}
    lost: dict[str, float] = {}
    for answer in answers:
        for check in answer["report"]["checks"]:
            lost[check["id"]] = lost.get(check["id"], 0) + check["max_points"] - check["points"]
    ranked = work_on([a["report"] for a in answers])
    assert [item["points_lost"] for item in ranked] == sorted((round(v, 1) for v in lost.values() if v > 0),
                                                             reverse=True)[:3]
    assert all(item["tip"] and 3 not in item["takes"] for item in ranked)  # the strong answer cost nothing
    said = summary(answers)
    assert said["strongest"] == {"take": 3, "question_id": "Q4", "score": answers[2]["report"]["score"]}
    assert said["weakest"]["score"] == min(a["report"]["score"] for a in answers)
    assert [line["question_id"] for line in said["answers"]] == ["Q20", "Q13", "Q4"]
    assert said["answers"][1]["missing"] == answers[1]["report"]["star"]["missing"]


def test_a_story_that_does_not_fit_is_never_the_strongest_and_comes_first_to_work_on():
    """The strong disagreement story given for the mentoring question is told better than
    the weaker mentoring answer, but it does not answer what was asked."""
    off_topic = a_report("Q13", "strong-q4")
    weaker = a_report("Q13", "no-result-q13")
    assert next(c for c in off_topic["checks"] if c["id"] == "relevance")["status"] == "fail"
    for n, report in enumerate((off_topic, weaker), 1):
        report["take"] = {"id": n, "saved": True}
    said = summary([{"report": off_topic, "follow_ups": []}, {"report": weaker, "follow_ups": []}])
    assert off_topic["telling_score"] > weaker["score"]
    assert said["strongest"]["take"] == 2 and said["weakest"]["take"] == 1
    first = said["work_on"][0]
    assert first["check"] == "relevance" and first["takes"] == [1] and first["most_in"] == "Q13" and first["tip"]
    assert said["answers"][0]["fits"] == "fail"


def test_ctrl_c_while_an_answer_is_analyzed_takes_effect_once_it_is_saved():
    import os
    import signal as signals

    from rehearse.ui.practice import ctrl_c_once_saved

    # As in a terminal, whatever started the tests (a background job starts with Ctrl-C ignored).
    started_with = signals.signal(signals.SIGINT, signals.default_int_handler)
    try:
        done = []
        with pytest.raises(KeyboardInterrupt):
            with ctrl_c_once_saved():
                os.kill(os.getpid(), signals.SIGINT)  # as a person pressing Ctrl-C
                done.append("analyzed and saved")
        assert done == ["analyzed and saved"]
        assert signals.getsignal(signals.SIGINT) is signals.default_int_handler
        # A process started with Ctrl-C ignored keeps ignoring it.
        signals.signal(signals.SIGINT, signals.SIG_IGN)
        with ctrl_c_once_saved():
            os.kill(os.getpid(), signals.SIGINT)
            done.append("saved again")
        assert done[-1] == "saved again" and signals.getsignal(signals.SIGINT) is signals.SIG_IGN
    finally:
        signals.signal(signals.SIGINT, started_with)


def _line(duration_s: float, wpm: float | None = 140, fillers_per_min: float | None = 1.0) -> dict:
    return {"duration_s": duration_s, "wpm": wpm, "fillers_per_min": fillers_per_min}


def test_the_trend_says_only_changes_a_listener_would_notice():
    assert trend([_line(90)]) == []
    assert trend([_line(90), _line(95)]) == ["Steady: length, pace and fillers held from the first answer to the last."]
    shorter = trend([_line(100), _line(95), _line(50), _line(60)])
    assert shorter == ["Your answers got shorter: 1:38 at the start, 0:55 at the end."]
    faster = trend([_line(90, wpm=130), _line(90, wpm=170)])
    assert faster == ["You spoke faster: 130 words a minute at the start, 170 at the end."]
    # One filler in a 30-second answer is 2 a minute, and no pattern.
    assert trend([_line(30, fillers_per_min=2.0), _line(30, fillers_per_min=0.0)])[0].startswith("Steady")
    assert trend([_line(90, fillers_per_min=1.0), _line(90, fillers_per_min=4.0)]) == [
        "More fillers: 1.0 a minute at the start, 4.0 at the end."]


@pytest.mark.parametrize("missing,unsure,shown", [([], ["situation", "task", "action"], "STA unclear"),
                                                  (["result"], ["task"], "R; T unclear"),
                                                  (["result"], [], "R"), ([], [], "-")])
def test_the_summary_table_says_which_parts_are_missing_and_which_unclear(missing, unsure, shown):
    # A tryout read "- (STA?)" as "nothing missing".
    from rich.console import Console

    from rehearse.ui.session_view import answers_table

    line = {"question_id": "Q4", "fits": "pass", "score": 80, "duration_s": 95.0, "verdict": "good",
            "missing": missing, "unsure": unsure, "metric_count": 2, "metric_in_result": True, "action_i_ratio": 0.8,
            "take": 3}
    console = Console(width=120, record=True)
    console.print(answers_table([line]))
    row = console.export_text().splitlines()[1]
    assert f" {shown} " in row, row


def test_a_session_with_no_answer_has_a_summary_with_nothing_in_it():
    doc = document({"id": 1, "created_at": "2026-11-26T10:00:00Z", "ended": "ended early", "questions": ["Q4"],
                    "settings": {}, "takes": [], "scores": [], "follow_up_answers": 0, "answers": []})
    assert doc["summary"]["answers"] == [] and doc["summary"]["strongest"] is None
    assert doc["session"]["mean_score"] is None and doc["summary"]["work_on"] == []


def test_the_session_page_shows_the_summary_and_never_runs_what_an_answer_holds():
    from rehearse.ui.html_report import session_html

    hostile = a_report("Q13", "no-result-q13")
    hostile["take"] = {"id": 2, "saved": True}
    hostile["sentences"][0]["text"] = "</summary><script>alert(1)</script>"
    hostile["sentences"][1]["label"] = 'other"><img src=x onerror=alert(2)>'
    strong = a_report()
    strong["take"] = {"id": 1, "saved": True}
    doc = document({"id": 4, "created_at": "2026-11-26T10:00:00Z", "ended": "finished", "questions": ["Q4", "Q13"],
                    "settings": {}, "takes": [1, 2], "scores": [strong["score"], hostile["score"]], "follow_up_answers": 0,
                    "answers": [{"report": strong, "follow_ups": []}, {"report": hostile, "follow_ups": []}]})
    page = session_html(doc)
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)" in page  # the words themselves are shown
    assert page.count("<tr><td>") == 2 and "Work on, by the points it cost" in page
    assert f"<td>{strong['score']}</td>" in page and "Strongest: Q4" in page


def test_a_session_and_its_takes_survive_an_interrupted_save(rehearse_home, monkeypatch):
    """A take of a session whose save a crash interrupted is imported later, still in its session."""
    from rehearse.history import store as store_module

    with History() as store:
        session_id = store.start_session(["Q4"], {"follow_ups": 0})
        real_insert = store_module.History._insert

        def crash(*args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(store_module.History, "_insert", crash)
        with pytest.raises(KeyboardInterrupt):
            store.save(a_report(), None, session_id=session_id)
        monkeypatch.setattr(store_module.History, "_insert", real_insert)
    with History() as store:  # the next command that saves imports it
        [found] = store.sessions()
        assert found["takes"] == [1] and found["ended"] == "running"  # this process is alive
        store.end_session(session_id, "finished")
        assert store.session(session_id)["answers"][0]["report"]["question"]["id"] == "Q4"


def test_a_session_whose_process_died_or_is_long_gone_was_cut_short(rehearse_home):
    with History() as store:
        crashed = store.start_session(["Q4"], {})
        old = store.start_session(["Q13"], {})
        alive = store.start_session(["Q20"], {})
        store.conn.execute("UPDATE sessions SET pid = ? WHERE id = ?", (dead_pid(), crashed))
        store.conn.execute("UPDATE sessions SET created_at = '2026-01-01T10:00:00Z' WHERE id = ?", (old,))
        assert [s["ended"] for s in store.sessions()] == ["cut short", "cut short", "running"]
        assert store.end_abandoned_sessions() == [crashed, old]
        assert store.end_abandoned_sessions() == []
    with sqlite3.connect(rehearse_home / "history.sqlite3") as conn:
        assert conn.execute("SELECT ended FROM sessions ORDER BY id").fetchall() == [("cut short",), ("cut short",), (None,)]


def test_a_recording_waits_for_its_save_before_its_marker_goes(tmp_path):
    """Between the stop and the save (the analysis), a crash must not lose the answer: the
    marker stays, marked "saving", and a dead process's recording is then offered."""
    import numpy as np

    from rehearse.audio import takefile

    path = tmp_path / "recordings" / "20261126-101500-Q4.wav"
    writer = takefile.WavWriter(path, 16000, {"question_id": "Q4", "session_id": 7})
    writer.write(np.zeros((16000, 1), np.float32))
    writer.close(keep_marker=True)
    marker = json.loads(path.with_name(path.name + ".recording").read_text())
    assert marker["saving"] is True and marker["session_id"] == 7
    assert not takefile._is_abandoned(path.with_name(path.name + ".recording"), marker, path)  # ours, still analyzing
    assert takefile._is_abandoned(path, {**marker, "pid": dead_pid()}, path)
    takefile.release_recording(path)
    assert not path.with_name(path.name + ".recording").exists() and path.exists()


def test_no_session_is_one_error_line(rehearse_home):
    done = run_cli("show", "--session", "3")
    assert done.returncode == 1 and done.stderr.startswith("error: there is no session 3")
    assert run_cli("sessions", "--json").stdout.strip() == '{\n  "sessions": []\n}'
    for wrong in (["show"], ["show", "1", "--session", "1"], ["interview", "--questions", "0"],
                  ["interview", "--questions", "Q4", "--category", "conflict"], ["interview", "--follow-ups", "3"],
                  ["interview", "--questions", "Q4,q4"], ["interview", "--replay", str(SAMPLES / "strong-q4.txt")],
                  ["interview", "--replay", str(SAMPLES / "missing.flac")]):
        assert run_cli(*wrong).returncode == 2, wrong
    # A count or ids, never a guess between them.
    assert "ask 1 to 25 questions" in run_cli("interview", "--questions", "-1").stderr
    assert "did you mean Q3,Q4?" in run_cli("interview", "--questions", "3,Q4").stderr
    unknown = run_cli("interview", "--questions", "Q4,Q99", "--no-voice")
    assert unknown.returncode == 1 and unknown.stderr.startswith("error: unknown question 'Q99'")
    junk = rehearse_home.parent / "junk.wav"
    junk.write_bytes(bytes(range(256)) * 40)
    unplayable = run_cli("interview", "--questions", "Q4", "--no-voice", "--replay", str(junk))
    assert unplayable.returncode == 1 and unplayable.stderr.startswith(f"error: cannot read {junk} as audio")
    assert not (rehearse_home / "history.sqlite3").exists()  # nothing was started


# -- whole sessions, replayed through the recording path ---------------------------

@slow
def test_a_two_question_session_with_follow_ups_is_one_document_and_kept(rehearse_home):
    doc = interview_json("--questions", "Q20,Q13", "--follow-ups", "1", "--no-voice", "--speed", "8",
                         "--replay", str(WE_HEAVY), "--replay", str(OWN_ACTIONS),
                         "--replay", str(NO_RESULT), "--replay", str(VAGUE_RESULT))
    session, answers, said = doc["session"], doc["answers"], doc["summary"]
    assert session["ended"] == "finished" and session["questions"] == ["Q20", "Q13"]
    assert [a["report"]["question"]["id"] for a in answers] == ["Q20", "Q13"]
    # Each answer was asked the follow-up its own analysis put first, and judged on it.
    for answer in answers:
        [follow_up] = answer["follow_ups"]
        assert follow_up["follow_up"]["id"] == answer["report"]["follow_ups"][0]["id"]
        assert follow_up["follow_up"]["of_take"] == answer["report"]["take"]["id"]
    first, second = said["answers"]
    assert first["follow_ups"][0]["question"] == "What did you do yourself?" and first["follow_ups"][0]["answered"]
    # "It went really well" gives no number: the probe was not answered, and the summary says so.
    assert second["follow_ups"][0]["id"] == "result" and not second["follow_ups"][0]["answered"]
    assert said["follow_ups"] == {"asked": 2, "answered": 1}
    assert said["weakest"]["question_id"] == "Q20" and said["strongest"]["question_id"] == "Q13"
    assert len(said["work_on"]) == 3 and said["work_on"][0]["points_lost"] >= said["work_on"][-1]["points_lost"]
    # Kept: the session, its two takes and the two follow-up answers, which hang on their
    # takes (history and progress count the takes only); all four recordings can be heard.
    listed = json.loads(run_cli("sessions", "--json").stdout)["sessions"]
    assert [s["takes"] for s in listed] == [session["takes"]] and len(session["takes"]) == 2
    assert listed[0]["follow_up_answers"] == 2
    takes = json.loads(run_cli("history", "--json").stdout)["takes"]
    assert sorted(t["id"] for t in takes) == session["takes"]
    with History(create=False) as store:
        assert [len(store.follow_ups(t)) for t in session["takes"]] == [1, 1]
        recordings = [store.get(t).answer_file for t in session["takes"]]
        recordings += [store.follow_up_answer(t, 1)[1] for t in session["takes"]]
    assert len(set(recordings)) == 4 and all(path.stat().st_size > 0 for path in recordings)
    first_take = str(session["takes"][0])
    assert f"rehearse play {first_take} --follow-up 1" in run_cli("show", first_take).stdout
    # The take's JSON and page carry its spoken follow-up answer too.
    [spoken] = json.loads(run_cli("show", first_take, "--json").stdout)["follow_up_answers"]
    assert spoken == answers[0]["follow_ups"][0]
    take_page = rehearse_home.parent / "take.html"
    assert run_cli("show", first_take, "--html", str(take_page)).returncode == 0
    assert "Your answers to the follow-ups" in take_page.read_text()
    again = json.loads(run_cli("show", "--session", str(session["id"]), "--json").stdout)
    assert again == doc
    shown = run_cli("show", "--session", str(session["id"]))
    assert shown.returncode == 0 and "Interview session 1" in shown.stdout and "Work on" in shown.stdout
    assert 'not answered "How did it turn out?' in " ".join(shown.stdout.split())
    page = rehearse_home.parent / "session.html"
    assert run_cli("show", "--session", str(session["id"]), "--html", str(page)).returncode == 0
    assert page.stat().st_mode & 0o777 == 0o600 and "Mock interview 1" in page.read_text()
    # Private by default: the recordings of a session like any take.
    for path in (rehearse_home / "recordings").glob("*.wav"):
        assert path.stat().st_mode & 0o777 == 0o600


@slow
def test_a_silent_answer_is_said_to_be_the_microphone_and_the_question_unanswered(rehearse_home):
    import numpy as np
    import soundfile

    silence = rehearse_home.parent / "silence.wav"
    soundfile.write(silence, np.zeros(16000 * 6, dtype=np.float32), 16000)
    done = run_cli("interview", "--questions", "Q4", "--follow-ups", "0", "--no-voice", "--speed", "8",
                   "--replay", str(silence))
    said = " ".join(done.stdout.split())
    assert done.returncode == 0 and "is silent; check that the microphone is on" in said
    assert "English" not in said and "No answer kept for Q4" in said


@slow
def test_when_the_replays_run_out_the_session_ends_early_with_its_summary(rehearse_home):
    doc = interview_json("--questions", "Q20,Q13", "--follow-ups", "1", "--no-voice", "--speed", "8",
                         "--replay", str(WE_HEAVY))
    assert doc["session"]["ended"] == "ended early"
    assert [line["question_id"] for line in doc["summary"]["answers"]] == ["Q20"]
    assert doc["summary"]["answers"][0]["follow_ups"] == [] and doc["summary"]["weakest"] is None
    assert "No answer kept for Q13 (not reached" in run_cli("show", "--session", "1").stdout


@slow
def test_no_feedback_between_questions_only_at_the_end(rehearse_home):
    done = run_cli("interview", "--questions", "Q13", "--follow-ups", "0", "--no-voice", "--speed", "8",
                   "--replay", str(NO_RESULT), timeout=300)
    assert done.returncode == 0, done.stderr
    before_summary = done.stdout.split("Interview session 1")[0]
    assert "Answer 1 of 1 kept" in before_summary and "Score" not in before_summary
    assert "Work on" in done.stdout and "1 of 1 question answered" in done.stdout
    assert "Strongest" not in done.stdout  # one answer: nothing to compare it with


# -- the interviewer's voice -------------------------------------------------------

@slow
def test_the_question_is_spoken_and_recording_starts_after_it_ends(rehearse_home, monkeypatch):
    from rehearse import prompts
    from rehearse.audio import voice
    from rehearse.audio.recorder import ReplaySource
    from rehearse.ui import interview, practice
    from rehearse.ui.console import console
    from tests.standin import StandInSpeaker

    if voice.missing():
        pytest.skip(voice.missing())
    speaker = StandInSpeaker(speed=20.0).install(monkeypatch)
    streams: list[tuple[int, float]] = []  # blocks played so far, and when, at each recording's start
    real_start = ReplaySource.start

    def start(self, callback):
        streams.append((len(speaker.played), time.monotonic()))
        return real_start(self, callback)

    monkeypatch.setattr(ReplaySource, "start", start)
    settings = interview.Settings(question_ids=["Q13"], follow_ups=1, voice=True, replays=[NO_RESULT, RESULT],
                                  recording=practice.Options(speed=20))
    doc = interview.run(settings, console(stderr=True))
    assert doc["session"]["settings"]["voice"] is True and len(doc["answers"][0]["follow_ups"]) == 1
    question, rate = voice.spoken(prompts.question("Q13").text)
    probe, _ = voice.spoken(doc["answers"][0]["follow_ups"][0]["follow_up"]["question"])
    played = speaker.samples
    assert speaker.opened_with["samplerate"] == rate
    # The question, then the follow-up, each exactly as synthesized (and cached), then only
    # the silence that fills a device's last block.
    assert len(streams) == 2
    first_blocks, _ = streams[0]
    heard_question = played[:first_blocks * speaker.blocksize]
    assert (heard_question[:len(question)] == question).all() and not heard_question[len(question):].any()
    rest = played[first_blocks * speaker.blocksize:]
    assert (rest[:len(probe)] == probe).all() and not rest[len(probe):].any()
    # Each recording began only once the speaker had played everything before it.
    assert first_blocks * speaker.blocksize >= len(question)
    assert streams[1][0] * speaker.blocksize >= first_blocks * speaker.blocksize + len(probe)
    cached = list((rehearse_home / "voice").glob("*.wav"))
    assert len(cached) == 2 and all(p.stat().st_mode & 0o777 == 0o600 for p in cached)


# -- a session cut short -----------------------------------------------------------

@slow
def test_a_session_killed_during_the_second_answer_is_recovered_and_linked(rehearse_home):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rehearse", "interview", "--questions", "Q13,Q20", "--follow-ups", "0", "--no-voice",
         "--replay", str(NO_RESULT), "--replay", str(WE_HEAVY), "--speed", "4"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        second = wait_for_recording(rehearse_home, 8.0, timeout=240, pattern="*-Q20.wav")  # the second answer
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    listed = json.loads(run_cli("sessions", "--json").stdout)["sessions"]
    assert listed[0]["ended"] == "cut short" and len(listed[0]["takes"]) == 1
    recovered = run_cli("recover", timeout=300)
    assert recovered.returncode == 0, recovered.stderr
    assert "Interview session 1 was cut short" in recovered.stdout and second.name in recovered.stdout
    doc = json.loads(run_cli("show", "--session", "1", "--json").stdout)
    assert [a["report"]["question"]["id"] for a in doc["answers"]] == ["Q13", "Q20"]
    assert doc["session"]["ended"] == "cut short"
    partial = doc["answers"][1]["report"]
    assert 8.0 <= partial["length"]["duration_s"] < 29  # the part spoken before the kill
    # Said to be cut short, and never the take a later one is compared with.
    assert partial["cut_short"] is True and "cut_short" not in doc["answers"][0]["report"]
    assert "Cut short: rehearse stopped while this answer was recorded" in " ".join(recovered.stdout.split())
    again = run_cli("analyze", str(SAMPLES / "we-heavy-q20.txt"), "-q", "Q20", "--json")
    assert "previous_take" not in json.loads(again.stdout)
    with sqlite3.connect(rehearse_home / "history.sqlite3") as conn:
        assert conn.execute("SELECT ended FROM sessions").fetchall() == [("cut short",)]


@slow
def test_a_follow_up_cut_short_is_recovered_onto_its_take_or_said_to_be_orphaned(rehearse_home):
    import soundfile

    assert run_cli("analyze", str(SAMPLES / "no-result-q13.txt"), "-q", "Q13").returncode == 0  # take 1
    probe = {"id": "result", "question": "How did it turn out? Can you put a number on it?", "because": "no clear Result",
             "expects": "number"}
    folder = rehearse_home / "recordings"
    folder.mkdir(parents=True)
    audio, rate = soundfile.read(RESULT, dtype="float32")
    for stamp, of_take in (("101500", 1), ("101600", 99)):
        wav = folder / f"20261126-{stamp}-Q13.wav"
        soundfile.write(wav, audio, rate, subtype="PCM_16")
        wav.with_name(wav.name + ".recording").write_text(json.dumps(
            {"pid": dead_pid(), "samplerate": rate, "question_id": "Q13", "follow_up": probe, "of_take": of_take}))
    recovered = run_cli("recover", timeout=300)
    assert recovered.returncode == 0, recovered.stderr
    assert "take 99, whose follow-up this answers, was deleted" in " ".join(recovered.stderr.split())
    with History(create=False) as store:
        [answer] = store.follow_ups(1)
        assert answer["follow_up"]["id"] == "result" and answer["follow_up"]["answered"]
        assert len(store.takes()) == 1  # neither recording became a take
    assert run_cli("recover").stdout.strip() == "No unfinished recordings."


# -- a real terminal -----------------------------------------------------------------

@slow
@needs_tmux
def test_a_two_question_session_in_a_real_terminal(rehearse_home, tmp_path):
    from tests.test_practice_cli import Terminal

    terminal = Terminal(
        f"cd {ROOT} && HF_HUB_OFFLINE=1 REHEARSE_HOME={rehearse_home} {sys.executable} -m rehearse interview "
        f"--questions Q20,Q13 --follow-ups 1 --no-voice --speed 4 --replay {WE_HEAVY} --replay {OWN_ACTIONS} "
        f"--replay {NO_RESULT} --replay {RESULT}", tmp_path / "exit-status")
    try:
        first = terminal.wait_for("Question 1 of 2", "● REC", timeout=60)
        assert "Tell me about a time you worked with a team outside of engineering" in first
        # The follow-up's own recording panel: a short answer, marked at 0:40 and 1:00.
        follow_up = terminal.wait_for("What did you do yourself?", "a short answer: say just what was asked",
                                      timeout=120)
        panel = follow_up.split("The interviewer follows up")[1]
        assert "0:40" in panel and "1:30 aim" not in panel
        terminal.wait_for("Question 2 of 2", timeout=120)
        end = terminal.wait_for("Work on, by the points", "Each answer's full report", timeout=240, history=300)
        assert "Interview session 1" in end and "2 of 2 questions answered" in end
        assert "Follow-ups: 2 of 2 answered" in end and "Strongest: " in end
        assert "Score " not in end.split("Interview session 1")[0]  # no feedback before the end
        assert terminal.exit_status() == "0"
    finally:
        terminal.close()


@slow
def test_every_question_answered_is_finished_even_when_a_follow_up_has_no_replay_left(rehearse_home):
    # A new user's two answers, with no replay left for the last follow-up, showed "ended
    # early · 2 of 2 questions answered".
    doc = interview_json("--questions", "Q20", "--follow-ups", "1", "--no-voice", "--speed", "8",
                         "--replay", str(WE_HEAVY))
    assert doc["session"]["ended"] == "finished"
    assert [line["question_id"] for line in doc["summary"]["answers"]] == ["Q20"]
