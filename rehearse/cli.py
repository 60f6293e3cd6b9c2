"""The command line: parses options, calls one library function per command, renders.
No logic of its own.

Every RehearseError becomes one `error:` line on stderr and exit status 1; set
REHEARSE_TRACEBACK=1 to see the traceback instead.
"""

from __future__ import annotations

import json
import os
import re
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from rehearse import __version__, install_hint
from rehearse.errors import RehearseError
from rehearse.paths import keep_private
from rehearse.analysis.safetext import json_text, visible
from rehearse.transcription.models import DEFAULT_ENGINE, ENGINES

# The engines as typer's choices, from their one home.
Engine = Enum("Engine", {name.replace("-", "_"): name for name in ENGINES}, type=str)
ENGINE_HELP = (f"faster-whisper (default, fast), or openai-whisper (optional: {install_hint('openai')}); with it "
               "--model is tiny.en, base, an openai-whisper checkpoint (.pt) or model name.")


# Take ids are SQLite integers: larger numbers are a usage error, not an overflow.
MAX_TAKE_ID = 2**63 - 1


class WholeNumber:
    """An id or a count as a typer parser: a whole number from 1, refused in words a person
    reads at once (click's own message names its 19-digit upper bound)."""

    def __init__(self, what: str, listed_by: str = "") -> None:
        self.what, self.listed_by = what, listed_by

    def __call__(self, value) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        if number is None or not 1 <= number <= MAX_TAKE_ID:
            where = f" ({self.listed_by} lists them)" if self.listed_by else ""
            raise typer.BadParameter(f"{value!r} is not {self.what}: give a whole number from 1{where}")
        return number


TAKE_ID = WholeNumber("a take id", "`rehearse history`")

app = typer.Typer(
    help="Rehearse behavioral interview answers out loud and get feedback on the guide's points: "
    "length, STAR structure, \"I\" vs \"we\" and metrics. Everything runs offline.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _console(stderr: bool = False):
    from rehearse.ui.console import console

    return console(stderr)


def _print_json(document: dict) -> None:
    try:
        sys.stdout.write(json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()


def _reader_gone() -> None:
    from rehearse.ui.console import reader_gone

    reader_gone()


def _history(create: bool = True):
    from rehearse.history.store import History

    return History(create=create)


def _confirmed(prompt: str, command: str, removes: str, instead: str) -> bool:
    """Ask before removing something; with no answer to read (stdin closed or at its end)
    that is one error line saying how to go without asking, not "Aborted!"."""
    try:
        return typer.confirm(visible(prompt), default=False)
    except typer.Abort:
        raise RehearseError(f"{command} asks before it removes {removes}, and there was no answer; {instead}") from None


def _write_html(report: dict, audio_file, store, path: Path, *, force: bool, open_page: bool) -> None:
    """The take's HTML page, with its audio and the earlier takes of its question."""
    from rehearse.report import question_of, saved_take
    from rehearse.ui.html_report import report_html, take_audio, write_page

    take = saved_take(report)
    earlier = []
    if store is not None and question_of(report) is not None:
        earlier = [{"id": t.id, "score": t.figures["score"], "duration_s": t.figures["duration_s"]}
                   for t in store.takes(question_of(report), newest_first=False) if take is None or t.id <= take]
    answers = store.follow_ups(take) if store is not None and take is not None else []
    write_page(path, report_html(report, take_audio(audio_file), earlier, answers), force=force, open_it=open_page)
    _note(f"Report written to {path}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rehearse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    if ctx.invoked_subcommand not in ("practice", "recover"):
        _mention_unfinished()


def _mention_unfinished() -> None:
    """A recording cut short by a crash is never silently forgotten: every command says so.
    Only `recover` and `practice` repair it; here nothing is touched."""
    from rehearse.audio.takefile import list_unfinished

    for take in list_unfinished():
        _note(f"note: a recording was cut short ({take.question_id or 'no question'}, about {take.seconds:.0f} s, {take.path}); "
              "run `rehearse recover` to analyze it")


def _note(text: str) -> None:
    from rich.text import Text

    _console(stderr=True).print(Text(text, style="yellow"), soft_wrap=True)


def _open_needs_html(open_page: bool, html_file) -> None:
    """--open opens the page --html writes; alone it did nothing, silently (a tryout's)."""
    if open_page and html_file is None:
        _note("warning: --open opens the page that --html writes; add --html FILE (e.g. --html answer.html)")


def _mention_pending(store) -> None:
    """Saves a crash interrupted are imported by the next command that saves, not by readers."""
    pending = store.pending()
    if pending:
        _note(f"note: a save was interrupted ({len(pending)} take{'s' if len(pending) > 1 else ''} in {pending[0].parent}); "
              "it is added to the history by the next take you save, or now by `rehearse recover`")


@app.command()
def questions(
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only questions whose category contains this text."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: {\"questions\": [{id, category, text}]}."),
) -> None:
    """List the guide's questions.

    Example: rehearse questions --category conflict
    """
    from rehearse import prompts

    found = prompts.questions(category)
    if as_json:
        _print_json({"questions": [{"id": q.id, "category": q.category, "text": q.text} for q in found]})
        return
    from rehearse.ui.listings import questions_table

    _console().print(questions_table(found))


@app.command()
def analyze(
    path: Path = typer.Argument(..., help="An audio file (wav, flac, ogg, mp3, m4a, webm) or a typed transcript (.txt, .md); - reads either from standard input.", show_default=False, metavar="PATH"),
    # (As `practice Q12` takes it: a tryout's `analyze take.wav Q12` got "Got unexpected
    # extra argument(s)".)
    question_id: Optional[str] = typer.Argument(None, help="The question answered (Q1..Q25), as --question does.", show_default=False, metavar="[QUESTION_ID]"),
    question: Optional[str] = typer.Option(None, "--question", "-q", help="The question answered: Q1..Q25."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON (report version 1) and nothing else on stdout."),
    no_save: bool = typer.Option(False, "--no-save", help="Do not save this take in the history (the report's take is null)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="tiny.en (default), base, a CTranslate2 model folder, or a faster-whisper model name (downloaded)."),
    engine: Engine = typer.Option(DEFAULT_ENGINE, "--engine", "-e", help=ENGINE_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="The full report: every check in a table with the guide's words, the timeline."),
    html_file: Optional[Path] = typer.Option(None, "--html", help="Also write the report as one self-contained HTML page (audio included).", show_default=False),
    open_page: bool = typer.Option(False, "--open", help="With --html: open the page in the browser."),
    force: bool = typer.Option(False, "--force", help="With --html: replace the file if it exists."),
) -> None:
    """Analyze a recorded or typed answer and print feedback.

    Example: rehearse analyze samples/strong-q4.flac --question Q4
    """
    from rehearse.pipeline import analyze_path, answer_file, keep_new_take
    from rehearse.ui.console import spinner

    if question_id is not None and not re.fullmatch(r"[Qq]?\d{1,4}", question_id.strip()):
        # Two files ("analyze a.txt b.txt") are a usage mistake, not an unknown question.
        raise typer.BadParameter(f"{question_id!r} is no question id (Q1 to Q25); analyze takes one answer file",
                                 param_hint="QUESTION_ID")
    if question_id is not None and question is not None and question_id.strip().upper() != question.strip().upper():
        raise RehearseError(f"two questions given, {question_id} and --question {question}; give one")
    question = question or question_id
    if html_file is not None and html_file.exists() and not force:  # said before minutes of transcription
        raise RehearseError(f"{html_file} exists; add --force to replace it, or choose another file")
    _open_needs_html(open_page, html_file)

    # Opened first: a history that cannot be used is said before minutes of transcription.
    with nullcontext() if no_save else _history() as history, answer_file(path) as readable:
        report = analyze_path(readable, question_id=question, model_name=model, engine=engine.value,
                              progress=None if as_json else spinner(_console(stderr=True)), shown_as=path)
        if history is not None:
            keep_new_take(history, report, readable, shown_as=None if readable == path else path)
        if html_file is not None:
            _write_html(report, readable, history, html_file, force=force, open_page=open_page)
    if as_json:
        _print_json(report)
        return
    from rehearse.ui.report_view import print_report

    print_report(report, _console(), verbose=verbose)


@app.command()
def practice(
    question_id: Optional[str] = typer.Argument(None, metavar="[QUESTION_ID]", help="The question to answer: Q1..Q25. Without it, one is picked at random.", show_default=False),
    random_pick: bool = typer.Option(False, "--random", help="Pick a question at random (the default when no QUESTION_ID is given)."),
    category: Optional[str] = typer.Option(None, "--category", "-c", help="With --random: only questions whose category contains this text."),
    max_seconds: float = typer.Option(180, "--max-seconds", min=5, help="Stop recording after this many seconds."),
    device: Optional[str] = typer.Option(None, "--device", "-d", help="Input device id or name (see `rehearse devices`); default: the system's."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Transcription model, as for `analyze`."),
    no_save: bool = typer.Option(False, "--no-save", help="Do not save the takes in the history."),
    replay: Optional[Path] = typer.Option(None, "--replay", help="Play this audio file through the recording path instead of the microphone (demos, tests).", show_default=False),
    speed: float = typer.Option(1.0, "--speed", min=0.1, max=100, help="With --replay: play this many times faster than real time."),
    incremental: bool = typer.Option(True, "--incremental/--no-incremental", help="Transcribe while you speak, so feedback follows the stop at once (default), or all at the end. faster-whisper only."),
    engine: Engine = typer.Option(DEFAULT_ENGINE, "--engine", "-e", help=ENGINE_HELP),
) -> None:
    """Answer a question aloud: see it, speak, stop with Enter, get the feedback.

    The answer is written to disk as it is recorded; Ctrl-C stops and keeps it.
    Example: rehearse practice Q4
    """
    from rehearse.ui import practice as session

    if question_id and random_pick:
        raise typer.BadParameter("give a QUESTION_ID or --random, not both")
    if speed != 1.0 and replay is None:
        raise typer.BadParameter("--speed only applies with --replay FILE")
    options = session.Options(max_seconds=max_seconds, device=device, model=model, replay=replay, speed=speed,
                              category=category, save=not no_save, incremental=incremental, engine=engine.value)
    session.run(question_id, options, _console())


@app.command()
def interview(
    questions: str = typer.Option("5", "--questions", help="How many questions (picked across categories, the ones you practised least or scored lowest first), or which: Q4,Q13,Q18."),
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only questions whose category contains this text."),
    follow_ups: int = typer.Option(1, "--follow-ups", min=0, max=2, help="Follow-up questions after each answer, the most useful first (0-2)."),
    no_voice: bool = typer.Option(False, "--no-voice", help="Show the questions only; do not speak them."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Output device for the interviewer's voice; default: the system's."),
    replay: Optional[list[Path]] = typer.Option(None, "--replay", exists=True, dir_okay=False, readable=True, help="An answer to play through the recording path instead of the microphone; give it once per answer, follow-ups included, in order (demos, tests). An answer that needs no follow-up, or in which nothing is heard, gets none: the next file then answers the next question.", show_default=False),
    speed: float = typer.Option(1.0, "--speed", min=0.1, max=100, help="With --replay: play this many times faster than real time."),
    max_seconds: float = typer.Option(180, "--max-seconds", min=5, help="Stop recording an answer after this many seconds."),
    device: Optional[str] = typer.Option(None, "--device", "-d", help="Input device id or name (see `rehearse devices`); default: the system's."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Transcription model, as for `analyze`."),
    engine: Engine = typer.Option(DEFAULT_ENGINE, "--engine", "-e", help=ENGINE_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the session document as JSON (answers, follow-ups, summary) on stdout; the interview itself shows on stderr."),
) -> None:
    """A mock interview: several questions in a row, asked aloud, with follow-ups, and no
    feedback until the end; then a summary of the whole session. Every answer is saved.

    Example: rehearse interview --questions 3 --follow-ups 1
    """
    from rehearse import prompts
    from rehearse.ui import interview as session
    from rehearse.ui import practice

    count, ids = 0, []
    given = [q.strip() for q in questions.split(",") if q.strip()]
    if len(given) == 1 and re.fullmatch(r"[+-]?\d+", given[0]):
        count = int(given[0])
        if not 1 <= count <= len(prompts.questions()):
            raise typer.BadParameter(f"ask 1 to {len(prompts.questions())} questions", param_hint="--questions")
    elif not given:
        raise typer.BadParameter("give a number or question ids such as Q4,Q13", param_hint="--questions")
    elif any(q.isdigit() for q in given):
        # "3,Q4" could mean three questions or Q3: say so rather than guess.
        hint = ",".join(q if not q.isdigit() else f"Q{q}" for q in given)
        raise typer.BadParameter(f"give either how many questions (5) or which ones with their Q (did you mean {hint}?)",
                                 param_hint="--questions")
    else:
        ids = [prompts.question(q).id for q in given]
        if len(set(ids)) != len(ids):
            raise typer.BadParameter("each question is asked once in an interview; name it once", param_hint="--questions")
        if category:
            raise typer.BadParameter("give question ids or --category, not both", param_hint="--questions")
    if speed != 1.0 and not replay:
        raise typer.BadParameter("--speed only applies with --replay FILE")
    if category:
        prompts.questions(category)  # an unknown category is said before anything is started
    from rehearse.audio.files import TEXT_SUFFIXES, check_path, probe_duration

    typed = [path for path in replay or [] if path.suffix.lower() in TEXT_SUFFIXES]
    if typed:
        raise typer.BadParameter(f"{typed[0]} is a typed answer; --replay plays a recording (analyze a typed answer "
                                 "with `rehearse analyze FILE -q ID`)", param_hint="--replay")
    for path in replay or []:  # a file that cannot be played is said before the first question
        check_path(path)
        probe_duration(path)
    recording = practice.Options(max_seconds=max_seconds, device=device, model=model, speed=speed, engine=engine.value)
    settings = session.Settings(count=count, question_ids=ids, category=category, follow_ups=follow_ups,
                                voice=not no_voice, speaker=speaker, replays=list(replay or []), recording=recording)
    console = _console(stderr=as_json)
    doc = session.run(settings, console)
    if as_json:
        _print_json(doc)
        return
    from rehearse.ui.session_view import print_session

    console.print()
    print_session(doc, console)


@app.command()
def sessions(
    as_json: bool = typer.Option(False, "--json", help="Print JSON: {\"sessions\": [{id, created_at, ended, questions, settings, takes, mean_score}]}."),
) -> None:
    """Past mock interviews: when, which questions, how many answered, the mean score.

    `rehearse show --session N` prints one again.
    """
    from rehearse.history.interview import listed

    with _history(create=False) as store:
        _mention_pending(store)
        found = [listed(s) for s in store.sessions()]
    if as_json:
        _print_json({"sessions": found})
        return
    console = _console()
    if not found:
        console.print("No interview sessions yet. Start one with `rehearse interview`.")
        return
    from rehearse.ui.session_view import sessions_table

    console.print(sessions_table(found))


@app.command()
def recover(
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Transcription model, as for `analyze`."),
    no_save: bool = typer.Option(False, "--no-save", help="Do not save them in the history."),
    engine: Engine = typer.Option(DEFAULT_ENGINE, "--engine", "-e", help=ENGINE_HELP),
) -> None:
    """Analyze recordings that were cut short (a crash, a closed terminal, kill -9).

    `rehearse practice` offers them by itself; this does it without a prompt.
    """
    from rich.text import Text

    from rehearse.audio.takefile import find_unfinished
    from rehearse.ui.practice import recover_take
    from rehearse.ui.report_view import print_answer

    console = _console()
    # Opened first: it also imports saves a crash interrupted.
    with nullcontext() if no_save else _history() as history:
        takes = find_unfinished()
        if not takes:
            console.print("No unfinished recordings.")
        for take in takes:
            console.print(Text(visible(f"Recovered {take.path} ({take.question_id or 'no question'}, {take.seconds:.0f} s)")),
                          soft_wrap=True)
            print_answer(recover_take(take, model, _console(stderr=True), history, engine.value), console)
        # Only after its recordings are saved in it: a mock interview a crash cut short.
        for session_id in [] if history is None else history.end_abandoned_sessions():
            console.print(f"Interview session {session_id} was cut short; its answers are saved with it: "
                          f"rehearse show --session {session_id}")


@app.command()
def recordings(
    delete: bool = typer.Option(False, "--delete", help="Remove them (asks first, unless --yes)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """List the recordings no take keeps (practice --no-save), and remove them with --delete."""
    import soundfile

    with _history(create=False) as store:
        found = store.unsaved_recordings()
    if not found:
        typer.echo("No recordings outside the history.")
        return
    total = 0
    for wav in found:
        try:
            seconds = f"{soundfile.info(str(wav)).duration:.0f} s"
        except Exception:  # soundfile raises its own error for a file it cannot read
            seconds = "unreadable"
        size = wav.stat().st_size
        total += size
        typer.echo(visible(f"{wav}  {seconds}  {size / 1e6:.1f} MB"))
    what = f"{len(found)} recording{'s' if len(found) != 1 else ''} that no take keeps ({total / 1e6:.1f} MB)"
    if not delete:
        typer.echo(f"{what}; `rehearse recordings --delete` removes them.")
        return
    if not yes and not _confirmed(f"Remove {what}? They are the only copies", "recordings --delete", what, "add --yes"):
        typer.echo("Nothing removed.")
        return
    for wav in found:
        wav.unlink(missing_ok=True)
    typer.echo(f"Removed {what}.")


@app.command()
def doctor(
    move_damaged_aside: bool = typer.Option(False, "--move-aside", help="If the history is damaged, move it aside so the next take starts a new one."),
) -> None:
    """Check the data folder and the history: SQLite's integrity check and every stored report."""
    from rehearse.history.store import QUARANTINE_DIR, check_history, db_path, move_aside, pending_saves
    from rehearse.paths import data_dir

    folder = data_dir()
    typer.echo(visible(f"data folder: {folder}" + ("" if folder.is_dir() else " (not created yet: nothing saved)")))
    check = check_history()
    # Listed without opening the history: a damaged one must still be diagnosed.
    pending = pending_saves(folder)
    quarantined = list((folder / QUARANTINE_DIR).glob("*.pending.json"))
    if pending:
        typer.echo(f"{len(pending)} interrupted save(s) waiting: the next take you save adds them")
    if quarantined:
        typer.echo(visible(f"{len(quarantined)} save(s) that could not be taken are in {folder / QUARANTINE_DIR}, each with a note"))
    if not check.problems:
        typer.echo(visible(f"history: {db_path()} is fine" if db_path().exists() else "history: none yet"))
        return
    for problem in check.problems:
        typer.echo(visible(f"problem: {problem}"))
    if move_damaged_aside and check.file_damaged:
        target = move_aside()
        typer.echo(visible(f"Moved the damaged history to {target}; the next take starts a new one. Your recordings "
                           "and answers in the data folder are kept."))
        return
    hint = "; `rehearse doctor --move-aside` moves the damaged history aside" if check.file_damaged else ""
    raise RehearseError(f"{len(check.problems)} problem(s) in the history, listed above{hint}")


@app.command()
def devices(
    as_json: bool = typer.Option(False, "--json", help="Print JSON: {\"devices\": [{id, name, channels, default_samplerate, default}]}."),
) -> None:
    """List the audio input devices, for `practice --device ID`."""
    from rehearse.audio.recorder import input_devices

    found = input_devices()
    if as_json:
        _print_json({"devices": [
            {"id": d.id, "name": d.name, "channels": d.channels, "default_samplerate": d.default_samplerate, "default": d.is_default}
            for d in found
        ]})
        return
    from rehearse.ui.listings import devices_view

    _console().print(devices_view(found))


@app.command()
def history(
    question: Optional[str] = typer.Option(None, "--question", "-q", help="Only takes of this question."),
    limit: int = typer.Option(20, "--limit", "-n", metavar="N", parser=WholeNumber("a number of takes"), help="At most this many takes."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: {\"takes\": [{id, question_id, created_at, score, duration_s, verdict, missing, i_ratio, metric_count, action_i_ratio}]}; action_i_ratio is \"I\" against \"we\" in the Action, as the report shows it."),
) -> None:
    """The saved takes, newest first, with their key figures.

    Example: rehearse history --question Q4
    """
    from rehearse.history.figures import listed_row

    question_id = _question_id(question)
    with _history(create=False) as store:
        _mention_pending(store)
        takes = store.takes(question_id, limit)
    if as_json:
        _print_json({"takes": [listed_row(t) for t in takes]})
        return
    console = _console()
    if not takes:
        console.print("No takes saved yet" + (f" for {question_id}" if question_id else "") +
                      ". Practise with `rehearse practice` or analyze a recording with `rehearse analyze FILE -q ID`.")
        return
    from rehearse.ui.history_views import history_table

    console.print(history_table(takes))


@app.command()
def progress(
    question: Optional[str] = typer.Option(None, "--question", "-q", help="Only this question."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: {\"questions\": [{question_id, takes, first_score, first_answering_take_id, first_answering_score, latest_score, best_score, best_take_id (null when every take is off topic or unheard), off_topic_take_ids, unheard_take_ids (takes Whisper could not hear clearly: never best, first, nor in the means), typed_take_ids (typed answers, whose length is estimated), series}], \"overall\": {questions, takes, mean_first_score, mean_latest_score, off_topic_takes}}; series holds score, duration_s, action_i_ratio, metric_count, fillers_per_min and i_ratio per take."),
    chart: Optional[Path] = typer.Option(None, "--chart", help="Also write a chart of score and key figures over takes (.png or .svg; needs matplotlib).", show_default=False),
    html_file: Optional[Path] = typer.Option(None, "--html", help="Write the progress page instead: every question's trend and best take, one self-contained HTML file.", show_default=False),
    force: bool = typer.Option(False, "--force", help="With --html: replace the file if it exists."),
) -> None:
    """How the figures moved across takes: trends, best take, change since the previous take.

    Example: rehearse progress --question Q4 --chart progress.png
    """
    from rehearse.history.progress import overall_progress, overall_said, progress_by_question

    question_id = _question_id(question)
    with _history(create=False) as store:
        _mention_pending(store)
        per_question = progress_by_question(store, question_id)
        if html_file is not None and per_question:
            from rehearse.ui.html_report import progress_html, write_page

            best = {entry["best_take_id"]: store.report(entry["best_take_id"]) for entry in per_question
                    if entry["best_take_id"] is not None}
            write_page(html_file, progress_html(per_question, overall_progress(per_question), best), force=force, open_it=False)
            _note(f"Progress page written to {html_file}")
    if chart is not None and per_question:
        from rehearse.ui.chart import write_chart

        write_chart(per_question, chart)
    if as_json:
        _print_json({"questions": per_question, "overall": overall_progress(per_question)})
        return
    if html_file is not None and per_question:
        # The page instead of the text, as `show --html` (a tryout got 200 lines with its one).
        if chart is not None:
            _note(f"Chart written to {chart}")
        return
    console = _console()
    if not per_question:
        console.print("No takes saved yet" + (f" for {question_id}" if question_id else "") + ": nothing to show progress on.")
        return
    from rehearse.ui.history_views import progress_view

    for entry in per_question:
        console.print(progress_view(entry))
    if len(per_question) > 1:
        overall = overall_progress(per_question)
        console.print("Overall: " + overall_said(overall))
    if chart is not None:
        from rich.text import Text

        console.print(Text(visible(f"Chart written to {chart}")), soft_wrap=True)


@app.command()
def show(
    take_id: Optional[int] = typer.Argument(None, parser=TAKE_ID, metavar="[TAKE_ID]", help="A take id from `rehearse history`.", show_default=False),
    session_id: Optional[int] = typer.Option(None, "--session", metavar="N", parser=WholeNumber("a session id", "`rehearse sessions`"), help="Show a mock interview's summary instead (an id from `rehearse sessions`).", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print the stored report (report version 1) exactly as it was made; with --session, the session document."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="The full report: every check in a table with the guide's words, the timeline."),
    html_file: Optional[Path] = typer.Option(None, "--html", help="Write the report as one self-contained HTML page (audio included) instead; with --session, the session summary.", show_default=False),
    open_page: bool = typer.Option(False, "--open", help="With --html: open the page in the browser."),
    force: bool = typer.Option(False, "--force", help="With --html: replace the file if it exists."),
) -> None:
    """The report of one saved take, as it was printed when it was made; or, with
    --session N, the summary of a mock interview."""
    if (take_id is None) == (session_id is None):
        raise typer.BadParameter("give a TAKE_ID or --session N (one of them)")
    _open_needs_html(open_page, html_file)
    if session_id is not None:
        if verbose:
            raise typer.BadParameter("--verbose is for a take's report; a session's answers are each shown with `show TAKE`")
        from rehearse.history.interview import document

        with _history(create=False) as store:
            _mention_pending(store)
            doc = document(store.session(session_id))
        if html_file is not None:
            from rehearse.ui.html_report import session_html, write_page

            write_page(html_file, session_html(doc), force=force, open_it=open_page)
            _note(f"Session summary written to {html_file}")
            return
        if as_json:
            _print_json(doc)
            return
        from rehearse.ui.session_view import print_session

        print_session(doc, _console())
        return
    with _history(create=False) as store:
        _mention_pending(store)
        report = store.report(take_id)
        follow_ups = store.follow_ups(take_id)
        if html_file is not None:
            _write_html(report, store.get(take_id).answer_file, store, html_file, force=force, open_page=open_page)
            return
    if as_json:
        # The stored report as it was printed, and the spoken follow-up answers beside it.
        _print_json({**report, "follow_up_answers": follow_ups} if follow_ups else report)
        return
    from rehearse.ui.report_view import print_follow_up, print_report

    console = _console()
    print_report(report, console, verbose=verbose)
    for number, answer in enumerate(follow_ups, 1):
        if answer.get("follow_up"):
            spoken = (answer.get("source") or {}).get("kind") == "audio"
            listen = f" · rehearse play {take_id} --follow-up {number}" if spoken else ""
            print_follow_up(answer, console, title=f"Follow-up {number}: what you said{listen}")


@app.command()
def play(
    take_id: int = typer.Argument(..., parser=TAKE_ID, metavar="TAKE_ID", help="A take id from `rehearse history`."),
    sentence: Optional[int] = typer.Option(None, "--sentence", "-s", metavar="N", parser=WholeNumber("a sentence number", "`rehearse show TAKE`"), help="Play only this sentence (1 is the first; the report's order)."),
    start: Optional[str] = typer.Option(None, "--from", help="Start here: 0:42, or 42 (seconds).", show_default=False),
    device: Optional[str] = typer.Option(None, "--device", "-d", help="Output device id or name; default: the system's."),
    follow_up: Optional[int] = typer.Option(None, "--follow-up", "-f", metavar="N", parser=WholeNumber("a follow-up number", "`rehearse show TAKE`"), help="Play the take's spoken answer to a follow-up instead (1 is the first; `rehearse show TAKE` lists them)."),
) -> None:
    """Listen back to a take, with the sentence being spoken shown as it plays. Enter stops.

    Example: rehearse play 3 --sentence 5
    """
    if sentence is not None and start is not None:
        raise typer.BadParameter("give --sentence or --from, not both")
    from rehearse.ui.playback import play_take

    with _history(create=False) as store:
        if follow_up is None:
            report, answer_file, name = store.report(take_id), store.get(take_id).answer_file, f"take {take_id}"
        else:
            report, answer_file = store.follow_up_answer(take_id, follow_up)
            name = f"take {take_id}'s follow-up {follow_up}"
    play_take(report, answer_file, name=name, sentence=sentence, start=start, device=device, console=_console())


@app.command()
def compare(
    take_a: int = typer.Argument(..., parser=TAKE_ID, help="The earlier take id."),
    take_b: int = typer.Argument(..., parser=TAKE_ID, help="The later take id."),
) -> None:
    """Two takes side by side: every figure, and what each said in each STAR part."""
    from rehearse.ui.history_views import compare_view

    if take_a == take_b:
        raise RehearseError(f"compare needs two different takes, not take {take_a} twice; `rehearse history` lists them")
    with _history(create=False) as store:
        _mention_pending(store)
        a, b = store.get(take_a), store.get(take_b)
        report_a, report_b = store.report(take_a), store.report(take_b)
    _console().print(compare_view(a.id, report_a, b.id, report_b, a.figures, b.figures))


@app.command()
def delete(
    take_id: int = typer.Argument(..., parser=TAKE_ID, help="The take to delete."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Delete one take, and its recording or its copy of the answer file kept in the data folder."""
    with _history(create=False) as store:
        take = store.get(take_id)
        removes = store.deletion(take_id)
        if not yes:
            from rehearse.ui.history_views import when

            prompt = (f"Delete take {take.id} ({take.question_id or 'no question'}, score {take.figures['score']}, "
                      f"{when(take.created_at)}): {removes}?")
            if not _confirmed(prompt, "delete", removes, f"add --yes to delete take {take_id}"):
                typer.echo("Nothing deleted.")
                return
        store.delete(take_id)
    typer.echo(visible(f"Deleted take {take_id}: {removes}."))


@app.command()
def export(
    format: Optional[str] = typer.Option(None, "--format", "-f", help="csv (key figures) or json (key figures and whole reports); default: from the --output file's name (.json), else csv.", show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.", show_default=False),
    force: bool = typer.Option(False, "--force", help="Replace the --output file if it exists."),
) -> None:
    """Export every saved take, oldest first."""
    from rehearse.history.export import FORMATS, export_text

    named = output.suffix.lower().lstrip(".") if output is not None else ""
    if format is None:
        format = named if named in FORMATS else "csv"
    if format not in FORMATS:
        raise typer.BadParameter("--format is csv or json")
    if named in FORMATS and named != format:  # said, not refused: scripts written before this may do it
        _note(f"warning: {output.name} is named .{named} but holds {format} (--format {format}); "
              f"name it .{format} so the next program reads it right")
    elif output is not None and named and named not in FORMATS:
        # "all.xlsx" held CSV text that a spreadsheet program refuses (a tryout's).
        _note(f"warning: {output.name} will hold {format}, not .{named}; name it .{format} "
              "(a spreadsheet program opens .csv)")
    if output is not None and output.exists() and not force:
        raise RehearseError(f"{output} exists; add --force to replace it, or choose another file")
    with _history(create=False) as store:
        _mention_pending(store)
        text, count, damaged = export_text(store, format)
    if damaged:
        from rich.text import Text

        which = ("take " if len(damaged) == 1 else "takes ") + ", ".join(str(i) for i in damaged)
        _console(stderr=True).print(Text(
            f"warning: the stored report of {which} is damaged; exported with its key figures and "
            f"\"report\": null (`rehearse doctor` checks the history)"), soft_wrap=True)
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # read as far as the reader wanted ("| head")
            _reader_gone()
        except (AttributeError, OSError, ValueError) as exc:  # no stdout (closed)
            raise RehearseError("cannot write the export to standard output (it is closed); "
                                "use --output FILE") from exc
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise RehearseError(f"cannot write {output} ({exc.strerror or exc}); choose another file") from exc
    from rich.text import Text

    _console(stderr=True).print(Text(visible(f"Exported {count} takes to {output}")), soft_wrap=True)


def _question_id(question: Optional[str]) -> Optional[str]:
    if question is None:
        return None
    from rehearse import prompts

    return prompts.question(question).id


@app.command()
def models(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the transcription models available offline, and how to get others."""
    from rehearse.transcription.models import DEFAULT_MODEL, engines, installed
    from rehearse.ui.listings import models_view

    found, available = installed(), engines()
    if as_json:
        _print_json({"default": DEFAULT_MODEL, "models": [{"name": m.name, "path": m.path, "source": m.source} for m in found],
                     "engines": available})
        return
    _console().print(models_view(found, DEFAULT_MODEL, available))


stories_app = typer.Typer(help="Your story bank: the stories your takes tell, the questions each answered, and the questions none answers yet.",
                          no_args_is_help=False, rich_markup_mode=None)
app.add_typer(stories_app, name="stories")


@stories_app.callback(invoke_without_command=True)
def stories(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the story bank as JSON."),
) -> None:
    """List your stories, the questions each has answered, and the questions no story answers yet.

    Takes that tell the same story in other words are grouped; `rehearse stories merge A B`
    and `rehearse stories split TAKE` correct the grouping by hand.
    """
    if ctx.invoked_subcommand is not None:
        return
    from rehearse.history.stories import story_bank

    with _history(create=False) as store:
        bank = story_bank(store)
    if as_json:
        _print_json(bank)
        return
    from rehearse.ui.history_views import print_story_bank

    print_story_bank(bank, _console())


@stories_app.command("merge")
def stories_merge(
    into: int = typer.Argument(..., parser=WholeNumber("a story id", "`rehearse stories`"), metavar="STORY", help="The story to keep."),
    other: int = typer.Argument(..., parser=WholeNumber("a story id", "`rehearse stories`"), metavar="OTHER", help="The story whose takes join it."),
) -> None:
    """Merge story OTHER into STORY: they are the same story."""
    from rehearse.history.stories import merge

    with _history() as store:
        moved = merge(store, into, other)
    typer.echo(f"Story {other} merged into story {into} (take{'s' if len(moved) > 1 else ''} {', '.join(map(str, moved))}).")


@stories_app.command("split")
def stories_split(take_id: int = typer.Argument(..., parser=TAKE_ID, metavar="TAKE", help="The take to set apart.")) -> None:
    """Give TAKE a story of its own: it tells a different story."""
    from rehearse.history.stories import split

    with _history() as store:
        story_id = split(store, take_id)
    typer.echo(f"Take {take_id} is now story {story_id}.")


@app.command()
def example(
    question_id: str = typer.Argument(..., metavar="QUESTION_ID", help="The question: Q1..Q25.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print it as JSON: the parts and the figures."),
) -> None:
    """Print the guide's example answer for a question, part by part, with its figures.

    Example: rehearse example Q4
    """
    from rehearse import prompts
    from rehearse.ui.listings import example_json, print_example

    question = prompts.question(question_id)
    if as_json:
        _print_json(example_json(question))
        return
    print_example(question, _console())


@app.command()
def explain(check_id: Optional[str] = typer.Argument(None, help="A check id (relevance, length, star, story, i_vs_we, metrics, pace, pauses, fillers, hedging) or its name in the report (\"Fits question\"). Without one: the list.", show_default=False)) -> None:
    """Explain what a check looks for, why it matters, with an example."""
    from rehearse.checks import CHECKS, by_id
    from rehearse.ui.report_view import CHECK_NAMES

    if check_id is None:
        # A new user does not know the ids yet (a tryout got "Missing argument").
        for check in CHECKS:
            summary = (check.__doc__ or "").strip().splitlines()[0].split(":", 1)[-1].strip()
            typer.echo(f"{check.ID:<10} {CHECK_NAMES.get(check.ID, check.ID):<14} {summary}")
        typer.echo("\nrehearse explain ID: what a check looks for, why it matters, with an example.")
        return
    check = by_id(check_id) or _check_by_name(check_id, CHECKS, CHECK_NAMES)
    if check is None:
        raise RehearseError(f"unknown check {check_id!r}; checks are: {', '.join(c.ID for c in CHECKS)}")
    typer.echo((check.__doc__ or "").strip())


def _check_by_name(name: str, checks, names: dict[str, str]):
    """The check the report shows under this name, or the one name it starts: "Fits
    question" or "fits" is relevance (the report's name, not the id, is what a user sees)."""
    def plain(text: str) -> str:
        return " ".join(text.lower().replace('"', " ").replace("-", " ").replace("_", " ").split())
    wanted = plain(name)
    named = [c for c in checks if wanted and (plain(names.get(c.ID, "")) == wanted
                                              or plain(names.get(c.ID, "")).split(" ")[0] == wanted)]
    return named[0] if len(named) == 1 else None


def main() -> None:
    keep_private()
    try:
        # Typer handles usage errors itself (exit 2); our errors come through as exceptions.
        app(prog_name="rehearse")  # the same name however it was started (python -m rehearse too)
    except RehearseError as exc:
        if os.environ.get("REHEARSE_TRACEBACK"):
            raise
        # The message may name a file or quote input: shown, never run by the terminal.
        sys.stderr.write(f"error: {visible(str(exc))}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        if os.environ.get("REHEARSE_TRACEBACK"):
            raise
        _interrupted()
    except BrokenPipeError:
        _reader_gone()
    except SystemExit as exc:
        # Typer turns a broken pipe met by typer.echo ("rehearse explain | head -1") into
        # exit 1: the reader was given what it wanted, so it is exit 0 here as everywhere.
        if exc.code == 1 and isinstance(exc.__context__, BrokenPipeError):
            _reader_gone()
        # ... and Ctrl-C into a silent exit 130: a person who pressed it while a file was
        # analyzed saw the prompt come back with no word of what happened (a tryout's).
        # (Typer's exit is raised while handling its own Exit, raised from the interrupt.)
        if exc.code == 130 and isinstance(getattr(exc.__context__, "__context__", None), KeyboardInterrupt) \
                and not os.environ.get("REHEARSE_TRACEBACK"):
            _interrupted()
        raise


def _interrupted() -> None:
    """Ctrl-C outside a recording (which keeps its take): said, exit 130. (Not "nothing was
    saved": practice holds Ctrl-C until its take is saved, then stops here; a review's.)"""
    sys.stderr.write("stopped (Ctrl-C)\n")
    sys.exit(130)
