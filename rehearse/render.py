"""The terminal report, drawn with rich from the report dict alone (no analysis here),
so a stored report prints exactly as it did when it was made."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

LABEL_STYLES = {
    "situation": "cyan",
    "task": "magenta",
    "action": "green",
    "result": "yellow",
    "other": "dim",
}
STATUS = {"pass": ("PASS", "bold green"), "warn": ("WARN", "bold yellow"), "fail": ("FAIL", "bold red")}
CHECK_NAMES = {"length": "Length", "star": "STAR", "i_vs_we": '"I" vs "we"', "metrics": "Metrics"}


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def question_panel(question: dict | None) -> Panel:
    if question is None:
        body = Text("No question given (use --question Q1..Q25 to name it).", style="dim")
        return Panel(body, title="Question", title_align="left")
    return Panel(Text(question["text"], style="bold"), title=f"{question['id']} · {question.get('category', '')}".rstrip(" ·"), title_align="left")


def transcript_view(report: dict) -> Group:
    legend = Text("  ")
    for label, style in LABEL_STYLES.items():
        legend.append(f"■ {label}  ", style=style)
    body = Text()
    for sentence in report["sentences"]:
        style = LABEL_STYLES[sentence["label"]]
        if sentence.get("start") is not None:
            body.append(f"[{_clock(sentence['start'])}] ", style="dim")
        body.append(sentence["label"][0].upper() + " ", style=f"bold {style}")
        body.append(sentence["text"] + "\n", style=style)
    return Group(legend, Panel(body, title="What you said", title_align="left"))


def checklist(report: dict) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column("", width=4, no_wrap=True)
    table.add_column("Check", no_wrap=True)
    table.add_column("Found", ratio=3)
    table.add_column("Next time", ratio=3)
    for check in report["checks"]:
        word, style = STATUS[check["status"]]
        table.add_row(Text(word, style=style), CHECK_NAMES.get(check["id"], check["id"]), check["message"], check["tip"])
    return table


def summary(report: dict) -> Text:
    score = report["score"]
    style = "bold green" if score >= 80 else "bold yellow" if score >= 50 else "bold red"
    out = Text()
    out.append("Score ", style="bold")
    out.append(f"{score}/100", style=style)
    length = report["length"]
    share = report["star"]["share"]
    out.append(f"   length {_clock(length['duration_s'])}{' (estimated)' if length['estimated'] else ''}", style="dim")
    if length.get("wpm"):
        out.append(f", {length['wpm']:.0f} words/min", style="dim")
    out.append("   S/T/A/R " + "/".join(f"{share[k]:.0%}" for k in ("situation", "task", "action", "result")), style="dim")
    step = report.get("next_step")
    out.append("\n")
    if step:
        out.append("Change one thing next take: ", style="bold")
        out.append(step["tip"])
    else:
        out.append("Every check passes. Say it again tomorrow to make it your own.", style="green")
    return out


def footer(report: dict) -> Text:
    transcript = report["transcript"]
    timings = report.get("timings") or {}
    if report["source"]["kind"] == "text":
        saved = f" · saved as take {report['take']['id']}" if report.get("take") else ""
        return Text(f"typed transcript {report['source']['path']}{saved}", style="dim")
    parts = [f"{transcript['engine']} {transcript['model']}", f"audio {_clock(report['duration_s'])}"]
    if "transcribe_s" in timings:
        parts.append(f"transcribed in {timings['transcribe_s']:.1f} s")
    recording = report.get("recording")
    if recording:
        parts.append(f"recorded from {recording['source']}")
    if report.get("take"):
        parts.append(f"saved as take {report['take']['id']}")
    out = Text(" · ".join(parts), style="dim")
    if recording and recording.get("overflows"):
        out.append(f"\n{recording['overflows']} input overflow(s) while recording: a little audio was dropped", style="yellow")
    return out


def since_previous(report: dict) -> Text | None:
    previous = report.get("previous_take")
    if not previous:
        return None
    return Text.assemble(("Since take ", "bold"), (str(previous["id"]), "bold"), (": ", "bold"), previous["change"])


def print_report(report: dict, console: Console) -> None:
    console.print(question_panel(report["question"]))
    console.print(transcript_view(report))
    console.print(checklist(report))
    console.print(summary(report))
    console.print(footer(report))
    change = since_previous(report)
    if change is not None:
        console.print(change)
