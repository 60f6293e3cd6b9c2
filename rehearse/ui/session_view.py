"""The terminal views of mock interviews: one session's summary, and the list of sessions.
Drawn from the session document (history/interview.document) alone."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rehearse.analysis.safetext import visible_strings
from rehearse.history.figures import show
from rehearse.ui.history_views import VERDICT_STYLES, when
from rehearse.ui.report_view import CHECK_NAMES

# How each answer fits its question (the relevance check's status), in the summary table.
FITS_WORDS = {"pass": ("yes", "green"), "warn": ("unsure", "yellow"), "fail": ("no", "bold red")}
ENDED_STYLES = {"finished": "green", "ended early": "yellow", "cut short": "red", "running": "cyan"}


def _parts(letters: list[str]) -> str:
    return "".join(part[0].upper() for part in letters) or "-"


def answers_table(lines: list[dict]) -> Table:
    table = Table(show_header=True, header_style="bold underline", box=None, padding=(0, 1, 0, 0), pad_edge=False)
    for column, right in (("#", True), ("Q", False), ("Fits", False), ("Score", True), ("Length", False),
                          ("Missing", False), ('"I" in Action', True), ("Metrics", True), ("Take", True)):
        table.add_column(column, no_wrap=True, justify="right" if right else "left")
    for number, line in enumerate(lines, 1):
        # ("- (STA?)" read as "nothing missing" to a tryout: the unclear parts are said so.)
        missing = Text(_parts(line["missing"]), style="red") if line["missing"] else Text()
        if line["unsure"]:
            missing.append(("; " if line["missing"] else "") + f"{_parts(line['unsure'])} unclear", style="yellow")
        if not line["missing"] and not line["unsure"]:
            missing = Text("-", style="dim")
        metrics = Text(str(line["metric_count"]) + (" (R)" if line["metric_in_result"] else ""),
                       style="green" if line["metric_in_result"] else "")
        i_ratio = "-" if line["action_i_ratio"] is None else f"{line['action_i_ratio']:.0%}"
        # Text cells, never strings: a stored id must not be read as markup.
        fits = FITS_WORDS.get(line.get("fits"), ("-", "dim"))
        table.add_row(Text(str(number)), Text(str(line["question_id"] or "-")), Text(fits[0], style=fits[1]),
                      Text(str(line["score"])),
                      Text(show("duration_s", line["duration_s"]), style=VERDICT_STYLES.get(line.get("verdict"), "")),
                      missing, Text(i_ratio), metrics, Text(str(line["take"] or "-")))
    return table


def work_on_words(item: dict) -> tuple[str, str]:
    """One thing to work on in words: its name, and what it cost over the session."""
    count = len(item["takes"])
    answers = f"{count} answer{'s' if count != 1 else ''}"
    if item["check"] == "relevance":
        return "Answer the question asked", f"{answers} did not fit the question"
    most = f", most in {item['most_in']}" if count > 1 and item["most_in"] else ""
    return CHECK_NAMES.get(item["check"], item["check"]), f"{item['points_lost']:g} points in {answers}{most}"


def unanswered(session: dict, lines: list[dict]) -> list[str]:
    """The questions the session planned that no kept answer answers."""
    answered = {line["question_id"] for line in lines}
    return [q for q in session["questions"] if q not in answered]


def print_session(doc: dict, console: Console) -> None:
    """One session: a line per answer, the follow-ups, the strongest and weakest answer,
    the trend, and the three things to work on."""
    doc = visible_strings(doc)  # stored transcripts may hold what a terminal would run
    session, summary = doc["session"], doc["summary"]
    lines = summary["answers"]
    head = Text(f"Interview session {session['id']} · {when(session['created_at'])} · ", style="bold")
    head.append(session["ended"], style=ENDED_STYLES.get(session["ended"], ""))
    total = len(session["questions"])
    head.append(f" · {len(lines)} of {total} question{'s' if total != 1 else ''} answered")
    console.print(head)
    left = unanswered(session, lines)
    if left:
        console.print(Text(f"No answer kept for {', '.join(left)} (not reached, nothing heard, or deleted since).",
                           style="yellow"))
    if not lines:
        console.print(Text("No answer was recorded in this session.", style="dim"))
        return
    console.print(answers_table(lines))
    console.print(Text('Fits: the story answers the question; Missing: the STAR parts not found (? unsure); '
                       'Metrics (R): one in the Result.', style="dim"))
    if summary["follow_ups"]["asked"]:
        console.print(Text(f"Follow-ups: {summary['follow_ups']['answered']} of {summary['follow_ups']['asked']} "
                           "answered what was asked", style="bold"))
        for line in lines:
            for follow_up in line["follow_ups"]:
                said = Text(f"  {line['question_id']} ")
                said.append("answered " if follow_up["answered"] else "not answered ",
                            style="green" if follow_up["answered"] else "red")
                said.append(f'"{follow_up["question"]}": ', style="bold")
                said.append(follow_up["judged"])
                console.print(said)
    if summary["strongest"]:
        best = Text("Strongest: ", style="bold")
        best.append(f"{summary['strongest']['question_id']} ({summary['strongest']['score']})")
        if summary["weakest"]:
            best.append(" · Weakest: ", style="bold")
            best.append(f"{summary['weakest']['question_id']} ({summary['weakest']['score']})")
        console.print(best)
    for said in summary["trend"]:
        console.print(Text(said))
    if summary["work_on"]:
        console.print(Text("Work on, by the points it cost over the session:", style="bold"))
        for number, item in enumerate(summary["work_on"], 1):
            name, cost = work_on_words(item)
            entry = Text(f"  {number}. ")
            entry.append(name, style="bold")
            entry.append(f" ({cost}): {item['tip']}")
            console.print(entry)
    else:
        console.print(Text("Nothing cost points in this session.", style="green"))
    takes = ", ".join(str(line["take"]) for line in lines if line["take"])
    console.print(Text(f"Each answer's full report and its follow-up answers: rehearse show TAKE (takes {takes}); "
                       "to listen: rehearse play TAKE, or rehearse play TAKE --follow-up 1.", style="dim"))


def sessions_table(sessions: list[dict]) -> Table:
    table = Table(show_header=True, header_style="bold underline", box=None, padding=(0, 1, 0, 0), pad_edge=False)
    for column, right in (("Session", True), ("When", False), ("Questions", False), ("Answered", True),
                          ("Follow-ups", True), ("Mean score", True), ("Ended", False)):
        table.add_column(column, no_wrap=column != "Questions", justify="right" if right else "left")
    for s in visible_strings(sessions):
        mean = "-" if s["mean_score"] is None else f"{s['mean_score']:.0f}"
        table.add_row(Text(str(s["id"])), Text(when(s["created_at"], short=True)), Text(",".join(s["questions"])),
                      Text(f"{len(s['takes'])}/{len(s['questions'])}"), Text(str(s["follow_up_answers"])), Text(mean),
                      Text(s["ended"], style=ENDED_STYLES.get(s["ended"], "")))
    return table
