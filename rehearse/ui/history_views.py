"""The terminal views of the take history: the list, progress, and two takes side by side.
Drawn from stored figures and reports alone."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from rehearse.analysis.star import STAR
from rehearse.history.figures import BY_COLUMN, DELIVERY_TRENDS, FIGURES, TREND_MIN_SPAN, TRENDS, better, show
from rehearse.history.progress import best_said, first_answering, not_counted, off_topic_said, sparkline, unclear_parts, unheard_said
from rehearse.analysis.safetext import visible_strings
from rehearse.ui.report_view import CHECK_NAMES, LABEL_STYLES
from rehearse.report import UNSURE_SCORE_SAID


def when(created_at: str, short: bool = False) -> str:
    """A take's time in the person's own time zone (it is stored in UTC)."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone()
        # This year's takes without the year: the history fits a narrow terminal.
        return moment.strftime("%m-%d %H:%M" if moment.year == datetime.now().year and short else "%Y-%m-%d %H:%M")
    except ValueError:
        return created_at.replace("T", " ").replace("Z", "")[:16]


VERDICT_STYLES = {"good": "green", "long": "yellow", "too_short": "yellow", "too_long": "red"}


def history_table(takes) -> Table:
    # Light borders and one space between columns: it fits 60 columns without cutting a header.
    # The '"I"' header is short to fit; the caption says which "I" it is (the Action's, as the check).
    table = Table(show_header=True, header_style="bold underline", box=None, padding=(0, 1, 0, 0),
                  pad_edge=False, caption='"I": your share of "I" against "we" in the Action (the whole answer\'s when no action says either); '
                                          '"A?": a part that may be missing (the report was not sure); '
                                          '"off topic": the story does not answer the question',
                  caption_style="dim", caption_justify="left")
    for column in ("Take", "Q", "When", BY_COLUMN["score"].name, BY_COLUMN["duration_s"].name,
                   BY_COLUMN["star_missing"].name, "\"I\"", BY_COLUMN["metric_count"].name):
        table.add_column(column, no_wrap=True, min_width=len(column),
                         justify="right" if column in ("Take", "Score", "\"I\"", "Metrics") else "left")
    for t in takes:
        f = t.figures
        # A part neither found nor missing was only not clear (the report warned and quoted
        # its likeliest sentence): shown with "?", so such a take does not read as complete.
        # (Its initial, so three unclear parts still fit 60 columns: "S? T? A?".)
        unclear = [f"{p[0].upper()}?" for p in unclear_parts(f)]
        missing = Text(", ".join(t.missing), style="red") if t.missing else Text("")
        if unclear:
            missing.append((", " if t.missing else "") + " ".join(unclear), style="yellow")
        if f.get("off_topic"):  # before its parts: a story that misses the question misses more
            missing = Text.assemble(("off topic", "bold red"), ", " if missing.plain else "", missing)
        if not missing.plain:
            missing = Text("-", style="dim")
        length = Text(show("duration_s", f["duration_s"]), style=VERDICT_STYLES.get(f["verdict"], ""))
        # Green when one of them is in the Result, where the guide wants numbers most.
        metrics = Text(str(f["metric_count"]), style="green" if f["metric_in_result"] else "")
        table.add_row(str(t.id), t.question_id or "-", when(t.created_at, short=True), str(f["score"]), length,
                      missing, show("action_i_ratio", f["action_i_ratio"]), metrics)
    return table


# In place of an arrow between a typed take's length (estimated) and a spoken take's (measured).
_LENGTHS_NOT_COMPARED = Text("typed: not compared", style="dim")


def _arrow(figure: str, before, after) -> Text:
    """Which way the figure moved, and whether that is better, said in words as well as
    colour: a length going up is worse past 1:30, and without colour (a pipe, NO_COLOR, a
    colour-blind reader) "↑" alone said neither (a tryout's)."""
    verdict = better(figure, before, after)
    if verdict is None:
        return Text("→", style="dim")
    rising = after > before
    return Text(("↑ " if rising else "↓ ") + ("better" if verdict else "worse"), style="bold green" if verdict else "bold red")


def progress_view(entry: dict) -> Group:
    """One question's progress: scores, a trend line per figure, the last change."""
    entry = visible_strings(entry)
    # "first" and "previous" are takes that answer the question: a story told off it is no
    # yardstick (it stays in the trend line, and is named below). A tryout's first take, a
    # 100 for another question's story, hid its real climb from 52 to 100.
    off_topic = not_counted(entry)  # (and a take Whisper could not hear clearly)
    first = first_answering(entry)
    title = Text.assemble(
        (entry["question_id"] or "no question", "bold"),
        f"  {entry['takes']} take{'s' if entry['takes'] != 1 else ''} · first {show('score', entry['first_answering_score'])} · "
        f"latest {entry['latest_score']} · {best_said(entry)}",
    )
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    for column in ("", "trend", "first", "previous", "latest", ""):
        table.add_column(column)
    before = [i for i, take_id in enumerate(entry["take_ids"][:-1]) if take_id not in off_topic]
    typed = set(entry.get("typed_take_ids") or [])
    lengths_differ = bool(before) and (entry["take_ids"][before[-1]] in typed) != (entry["take_ids"][-1] in typed)
    # A latest take that does not answer the question is no step forward or back: "Length ↑
    # better" beside it praised another question's story (a tryout's; the line below the
    # table says what it is).
    latest_answers = entry["take_ids"][-1] not in off_topic
    # (The delivery's rows where a take has them: a report from before has none.)
    for figure in TRENDS + tuple(f for f in DELIVERY_TRENDS if any(v is not None for v in entry["series"].get(f) or [])):
        values = entry["series"][figure]
        previous = values[before[-1]] if before else None
        arrow = _arrow(figure, previous, values[-1]) if previous is not None and latest_answers else Text("")
        # (Fillers a minute of a typed take are a minute only estimated: no more compared
        # with a spoken take's than its length; a review's.)
        if figure in ("duration_s", "fillers_per_min") and lengths_differ and previous is not None:
            arrow = _LENGTHS_NOT_COMPARED
        table.add_row(BY_COLUMN[figure].name, sparkline(values, TREND_MIN_SPAN[figure]), show(figure, None if first is None else values[first]), show(figure, previous),
                      show(figure, values[-1]), arrow)
    lines = [title, table]
    held = entry.get("holding_back")
    polish = entry.get("polish")
    if entry.get("off_topic"):
        lines.append(Text.assemble(("The latest take does not answer this question: ", "bold red"),
                                   f"`rehearse show {entry['latest_take_id']}` says what it is about instead."))
    elif off_topic_said(entry):
        lines.append(Text(off_topic_said(entry), style="yellow"))
    if unheard_said(entry):
        lines.append(Text(unheard_said(entry), style="yellow"))
    if held and not entry.get("off_topic"):  # (the line above says what to do first)
        lines.append(Text.assemble(("Still holding the score back: ", "bold"), f"{CHECK_NAMES.get(held['check'], held['check'])}: {held['tip']}"))
    elif entry["latest_score"] == 100 and not entry.get("off_topic"):
        # Whether the story fits is no polish: the check could not tell, so the 100 is the
        # telling's and it asks to make it plain (a teacher's story about a parent, told for
        # "feedback to someone more senior", read "Nothing holds the score back at 100").
        if polish and polish["check"] == "relevance":
            lines.append(Text.assemble(("100" + UNSURE_SCORE_SAID + ".", "bold yellow"),
                                       f" Check it fits: {CHECK_NAMES['relevance']}: {polish['tip']}"))
        else:
            lines.append(Text.assemble(("Nothing holds the score back at 100.", "bold green"),
                                       f" To polish: {CHECK_NAMES.get(polish['check'], polish['check'])}: {polish['tip']}" if polish else ""))
    return Group(*lines, Text(""))


def compare_view(a_id: int, a: dict, b_id: int, b: dict, figures_a: dict, figures_b: dict) -> Group:
    a, b = visible_strings(a), visible_strings(b)
    qa, qb = (a.get("question") or {}).get("id"), (b.get("question") or {}).get("id")
    differ = None
    if qa != qb:
        differ = Text(f"Take {a_id} answers {qa or 'no question'} and take {b_id} answers {qb or 'no question'}: "
                      "the figures compare, the stories answer different questions.", style="yellow")
    table = Table(show_header=True, header_style="bold", title="Figure by figure")
    table.add_column("")
    table.add_column(f"take {a_id}")
    table.add_column(f"take {b_id}")
    table.add_column("")
    typed = [bool(report["length"].get("estimated")) for report in (a, b)]
    for figure in FIGURES:
        va, vb = figures_a[figure.column], figures_b[figure.column]
        arrow = _arrow(figure.column, va, vb) if figure.better and va is not None and vb is not None else Text("")
        if figure.column == "duration_s" and typed[0] != typed[1]:
            arrow = _LENGTHS_NOT_COMPARED
        table.add_row(figure.name, show(figure.column, va), show(figure.column, vb), arrow)
    # By id: a typed take has no pace or pauses check, and older takes no delivery checks.
    status_a = {c["id"]: c["status"] for c in a["checks"]}
    status_b = {c["id"]: c["status"] for c in b["checks"]}
    for check_id in dict.fromkeys([*status_a, *status_b]):
        table.add_row(CHECK_NAMES.get(check_id, check_id), status_a.get(check_id, "-").upper(),
                      status_b.get(check_id, "-").upper(), "")
    sections = Table(show_header=True, header_style="bold", title="STAR sections", show_lines=True, expand=True)
    sections.add_column("", no_wrap=True)
    sections.add_column(f"take {a_id}", ratio=1)
    sections.add_column(f"take {b_id}", ratio=1)
    for part in STAR:
        sections.add_row(Text(part.capitalize(), style=LABEL_STYLES[part]), _section(a, part), _section(b, part))
    return Group(*([differ] if differ else []), table, sections)


def _section(report: dict, part: str) -> Text:
    said = " ".join(s["text"] for s in report["sentences"] if s["label"] == part)
    if said:
        return Text(said, style=LABEL_STYLES[part])
    # Not found: missing, or only not clear (the report warned and quoted the likeliest sentence).
    return Text("(not clear)", style="yellow") if part in report["star"].get("unsure", []) else \
        Text("(missing)", style="bold red")


def print_story_bank(bank: dict, console) -> None:
    """`rehearse stories`: one row per story, then the questions no story answers yet."""
    bank = visible_strings(bank)  # titles are the person's own words
    if not bank["stories"]:
        console.print(Text("No takes yet: answer a question (rehearse practice, or rehearse analyze FILE -q Q4) "
                           "and your stories will gather here."))
        return
    table = Table(show_header=True, header_style="bold", expand=True)
    for column, options in (("Story", {"no_wrap": True}), ("Told as", {}), ("Takes", {}), ("Questions", {}),
                            ("Best", {"no_wrap": True, "justify": "right"})):
        table.add_column(column, **options)
    for story in bank["stories"]:
        answered = Text(", ".join(story["questions"]) or "-")
        if story["off_topic"]:
            answered.append(f" (told for {', '.join(story['off_topic'])}, which it does not answer)", style="yellow")
        if story.get("in_general"):
            answered.append(f" ({', '.join(story['in_general'])} answered in general terms: tell one time)", style="yellow")
        if story.get("too_little"):
            answered.append(f" ({', '.join(story['too_little'])} told in too few words to count: tell the whole story)",
                            style="yellow")
        table.add_row(str(story["id"]), Text(story["title"]), ", ".join(map(str, story["takes"])),
                      answered, str(story["best_score"]))
    console.print(table)
    count = len(bank["stories"])
    lines = [Text(f"{count} stor{'y' if count == 1 else 'ies'}; the guide says: prepare 5-7 core stories that can "
                  "answer multiple questions.", style="dim")]
    if bank["categories_uncovered"]:
        lines.append(Text("No story yet for: " + ", ".join(bank["categories_uncovered"]) + ".", style="bold"))
    if bank["uncovered"]:
        lines.append(Text(f"Questions no story has answered ({len(bank['uncovered'])}):", style="bold"))
        for item in bank["uncovered"]:
            fit = (f"story {item['best_story']} fits it" if item["best_story"] is not None
                   else "none fits: prepare a new story")
            lines.append(Text(f"  {item['question_id']} ({item['category']}): {fit}"))
    else:
        lines.append(Text("Every question of the guide has been answered by one of your stories.", style="green"))
    console.print(Group(*lines))
