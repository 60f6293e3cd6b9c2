"""The terminal views of the take history: the list, progress, and two takes side by side.
Drawn from stored figures and reports alone."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from rehearse.analysis.length import clock
from rehearse.history.progress import STAR_PARTS, better, sparkline
from rehearse.ui.report_view import LABEL_STYLES

FIGURE_NAMES = {
    "score": "Score",
    "duration_s": "Length",
    "verdict": "Length verdict",
    "star_present": "STAR parts",
    "star_missing": "Missing",
    "action_share": "Action share",
    "i_ratio": "\"I\" share",
    "metric_count": "Metrics",
    "metric_in_result": "Metric in Result",
    "wpm": "Words/min",
    "fillers_per_min": "Fillers/min",
    "hedge_count": "Hedges",
}


def fmt(figure: str, value) -> str:
    if value is None or value == "":
        return "-"
    if figure == "duration_s":
        return clock(value)
    if figure in ("i_ratio", "action_share"):
        return f"{value:.0%}"
    if figure == "metric_in_result":
        return "yes" if value else "no"
    if figure in ("star_present", "star_missing"):
        return "".join(p[0].upper() for p in STAR_PARTS if p in value.split(",")) or "-"
    if figure == "wpm":
        return f"{value:.0f}"
    if figure == "fillers_per_min":
        return f"{value:.1f}"
    return str(value)


def _when(created_at: str) -> str:
    return created_at.replace("T", " ").replace("Z", "")[:16]


VERDICT_STYLES = {"good": "green", "long": "yellow", "too_short": "yellow", "too_long": "red"}


def history_table(takes) -> Table:
    table = Table(show_header=True, header_style="bold")
    for column in ("Take", "Q", "When (UTC)", "Score", "Length", "Missing", "\"I\"", "Metrics"):
        table.add_column(column, no_wrap=True, justify="right" if column in ("Take", "Score", "\"I\"", "Metrics") else "left")
    for t in takes:
        f = t.figures
        missing = Text(", ".join(t.missing) or "-", style="red" if t.missing else "dim")
        length = Text(fmt("duration_s", f["duration_s"]), style=VERDICT_STYLES.get(f["verdict"], ""))
        # Green when one of them is in the Result, where the guide wants numbers most.
        metrics = Text(str(f["metric_count"]), style="green" if f["metric_in_result"] else "")
        table.add_row(str(t.id), t.question_id or "-", _when(t.created_at), str(f["score"]), length,
                      missing, fmt("i_ratio", f["i_ratio"]), metrics)
    return table


def _arrow(figure: str, before, after) -> Text:
    verdict = better(figure, before, after)
    if verdict is None:
        return Text("→", style="dim")
    rising = after > before
    return Text("↑" if rising else "↓", style="bold green" if verdict else "bold red")


def progress_view(entry: dict, holding_back: str | None) -> Group:
    """One question's progress: scores, a trend line per figure, the last change."""
    title = Text.assemble(
        (entry["question_id"] or "no question", "bold"),
        f"  {entry['takes']} take{'s' if entry['takes'] != 1 else ''} · first {entry['first_score']} · "
        f"latest {entry['latest_score']} · best {entry['best_score']} (take {entry['best_take_id']})",
    )
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    for column in ("", "trend", "first", "previous", "latest", ""):
        table.add_column(column)
    for figure in ("score", "duration_s", "i_ratio", "metric_count"):
        values = entry["series"][figure]
        previous = values[-2] if len(values) > 1 else None
        table.add_row(FIGURE_NAMES[figure], sparkline(values), fmt(figure, values[0]), fmt(figure, previous),
                      fmt(figure, values[-1]), _arrow(figure, previous, values[-1]) if previous is not None else Text(""))
    lines = [title, table]
    if holding_back:
        lines.append(Text.assemble(("Still holding the score back: ", "bold"), holding_back))
    return Group(*lines, Text(""))


def compare_view(a_id: int, a: dict, b_id: int, b: dict, figures_a: dict, figures_b: dict) -> Group:
    table = Table(show_header=True, header_style="bold", title="Figure by figure")
    table.add_column("")
    table.add_column(f"take {a_id}")
    table.add_column(f"take {b_id}")
    table.add_column("")
    for figure in FIGURE_NAMES:
        va, vb = figures_a[figure], figures_b[figure]
        arrow = _arrow(figure, va, vb) if figure in ("score", "duration_s", "i_ratio", "metric_count", "action_share",
                                                     "fillers_per_min", "hedge_count") and va is not None and vb is not None else Text("")
        table.add_row(FIGURE_NAMES[figure], fmt(figure, va), fmt(figure, vb), arrow)
    # By id: a typed take has no pace or pauses check, and older takes no delivery checks.
    status_a = {c["id"]: c["status"] for c in a["checks"]}
    status_b = {c["id"]: c["status"] for c in b["checks"]}
    for check_id in dict.fromkeys([*status_a, *status_b]):
        table.add_row(f"check {check_id}", status_a.get(check_id, "-"), status_b.get(check_id, "-"), "")
    sections = Table(show_header=True, header_style="bold", title="STAR sections", show_lines=True, expand=True)
    sections.add_column("", no_wrap=True)
    sections.add_column(f"take {a_id}", ratio=1)
    sections.add_column(f"take {b_id}", ratio=1)
    for part in STAR_PARTS:
        sections.add_row(Text(part.capitalize(), style=LABEL_STYLES[part]), _section(a, part), _section(b, part))
    return Group(table, sections)


def _section(report: dict, part: str) -> Text:
    said = " ".join(s["text"] for s in report["sentences"] if s["label"] == part)
    return Text(said, style=LABEL_STYLES[part]) if said else Text("(missing)", style="bold red")
