"""The terminal report, drawn with rich from the report dict alone (no analysis here),
so a stored report prints exactly as it did when it was made."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rehearse.analysis.length import clock
from rehearse.analysis.star import STAR
from rehearse.analysis.safetext import visible_strings
from rehearse.analysis.transcript import UNSURE_BELOW
from rehearse.report import UNHEARD_SCORE_SAID, UNSURE_SCORE_SAID, fit_unsure, kept_as, made_out, off_topic

LABEL_STYLES = {
    "situation": "cyan",
    "task": "magenta",
    "action": "green",
    "result": "yellow",
    "other": "dim",
}
STATUS = {"pass": ("PASS", "bold green"), "warn": ("WARN", "bold yellow"), "fail": ("FAIL", "bold red")}
CHECK_NAMES = {"relevance": "Fits question", "length": "Length", "star": "STAR", "story": "Story", "i_vs_we": '"I" vs "we"', "metrics": "Metrics",
               "pace": "Pace", "pauses": "Pauses", "fillers": "Fillers", "hedging": "Hedging",
               # (No check: a recording Whisper could not hear clearly, report.not_made_out.)
               "transcript": "Recording"}
MARK_STYLES = {"filler": "bold red underline", "filled_pause": "bold red underline", "hedge": "italic bold yellow",
               "repetition": "bold magenta underline"}


NO_QUESTION = "No question given, so whether the answer fits one is not checked (name it with -q Q1..Q25)."


def question_panel(question: dict | None) -> Panel:
    if question is None:
        body = Text(NO_QUESTION, style="dim")
        return Panel(body, title="Question", title_align="left")
    return Panel(Text(question["text"], style="bold"), title=f"{question['id']} · {question.get('category', '')}".rstrip(" ·"), title_align="left")


def word_kinds(report: dict) -> dict[int, str]:
    """What each marked word is (filler, filled_pause, hedge, repetition), by word index;
    a filler wins over a hedge or a repeat on the same word. Every view marks these."""
    delivery = report.get("delivery") or {}
    kinds: dict[int, str] = {}
    for key, kind in (("repetitions", "repetition"), ("hedges", "hedge"), ("fillers", None)):
        for item in (delivery.get(key) or {}).get("items", []):
            count = len(item["text"].split()) * (2 if kind == "repetition" else 1)
            for k in range(item["word"], item["word"] + count):
                kinds[k] = kind or item["kind"]
    return kinds


def _word_marks(report: dict) -> tuple[dict[int, str], dict[int, float]]:
    """Style per word index (fillers, hedges, repetitions), and long pauses after a word."""
    delivery = report.get("delivery") or {}
    styles = {k: MARK_STYLES.get(kind, "bold") for k, kind in word_kinds(report).items()}
    pauses_after: dict[int, float] = {}
    words = report["transcript"]["words"]
    for pause in (delivery.get("pauses") or {}).get("long", []):
        before = pause.get("after_word")
        if before is None:
            # Stored before reports named the word (rehearse 0.1.0): the word that starts
            # before the pause does.
            before = max((i for i, w in enumerate(words) if w["start"] < pause["start"]), default=None)
        if before is not None:
            pauses_after[before] = pause["seconds"]
    return styles, pauses_after


def _append_words(body: Text, text: str, index: int, style: str, styles: dict, unsure: set, pauses_after: dict,
                  pause: str) -> int:
    """A sentence's words into `body`, each in its mark's style (dim when Whisper was
    unsure), a long pause shown after its word; returns the next word's index."""
    for n, word in enumerate(text.split(" ")):
        look = styles.get(index, style)
        body.append(("" if n == 0 else " ") + word, style=f"{look} dim" if index in unsure else look)
        if index in pauses_after:
            body.append(" " + pause.format(pauses_after[index]), style="bold cyan")
        index += 1
    return index


def _shown_marks(report: dict, plain: bool) -> tuple[dict[int, str], dict[int, float], set[int]]:
    """The words marked by style (fillers, hedges, repeats), the long pauses after words,
    and the words Whisper was unsure of. Without colour (a pipe, a file, NO_COLOR) a style
    shows nothing, so no word is marked by one and the legend names none (a tryout's plain
    output had "filler  dim: unsure" in its legend and nothing marked); the pauses are
    text and stay."""
    styles, pauses_after = _word_marks(report)
    if plain:
        return {}, pauses_after, set()
    words = report["transcript"]["words"]
    return styles, pauses_after, {i for i, w in enumerate(words) if w.get("probability", 1.0) < UNSURE_BELOW}


def transcript_view(report: dict, plain: bool = False) -> Group:
    legend = Text("  ")
    for label, style in LABEL_STYLES.items():
        legend.append(f"■ {label}  ", style=style)
    styles, pauses_after, unsure = _shown_marks(report, plain)
    if styles:
        legend.append("  filler", style=MARK_STYLES["filler"])
        legend.append("  hedge", style=MARK_STYLES["hedge"])
        legend.append("  repeat", style=MARK_STYLES["repetition"])
    if pauses_after:
        legend.append("  ⏸ long pause", style="bold cyan")
    if unsure:
        legend.append("  dim: Whisper unsure", style="dim")
    stretches = {s["sentence"]: s["kind"] for s in (report.get("delivery") or {}).get("pace", {}).get("stretches", [])}
    body = Text()
    index = 0
    for number, sentence in enumerate(report["sentences"]):
        style = LABEL_STYLES[sentence["label"]]
        if sentence.get("start") is not None:
            body.append(f"[{clock(sentence['start'])}] ", style="dim")
        body.append(sentence["label"][0].upper() + " ", style=f"bold {style}")
        index = _append_words(body, sentence["text"], index, style, styles, unsure, pauses_after, "⏸ {:.1f} s")
        if number in stretches:
            body.append(f" [{_unbroken(RUSH_MARK[stretches[number]])}]", style="bold red")
        body.append("\n")
    return Group(legend, Panel(body, title="What you said", title_align="left"))


def warnings_view(report: dict) -> Text | None:
    """Before the feedback: what to know before trusting it (speech left out, invented
    words removed, a poor recording)."""
    warnings = report.get("warnings") or []
    if not warnings:
        return None
    out = Text()
    for n, warning in enumerate(warnings):
        out.append(("\n" if n else "") + "! ", style="bold yellow")
        out.append(warning["message"], style="yellow" if warning["kind"] != "removed" else "dim")
    return out


def _pace_said(delivery: dict) -> str:
    """The pace's verdict as shown: "in range" rather than "good", which read as praise
    beside a pace check that warns of rushed sentences (a tryout's)."""
    verdict = delivery["pace"]["verdict"]
    return "in range" if verdict == "good" else verdict


def delivery_view(report: dict) -> Group | None:
    """How it was said: a line per STAR section (span, share, pace) and the totals."""
    delivery = report.get("delivery")
    if not delivery:
        return None
    lines = []
    sections = delivery["pace"]["sections"]
    if sections:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2), title="Timeline", title_justify="left")
        for column in ("", "when", "share", "pace (words/min)"):
            table.add_column(column)
        for label in STAR:
            if label in sections:
                part = sections[label]
                pace = "-" if part["wpm"] is None else f"{part['wpm']:.0f}"
                table.add_row(Text(label.capitalize(), style=LABEL_STYLES[label]), f"{clock(part['start'])}-{clock(part['end'])}",
                              f"{(part['share'] or 0):.0%}", pace)
        lines.append(table)
    parts = []
    if delivery["pace"]["wpm"]:
        parts.append(f"pace {delivery['pace']['wpm']:.0f} words/min ({_pace_said(delivery)})")
    if delivery.get("pauses"):
        pauses = delivery["pauses"]
        parts.append(f"{pauses['short_count']} short and {len(pauses['long'])} long pauses")
    fillers = delivery["fillers"]
    rate = f", {fillers['per_minute']:.1f}/min" if fillers.get("per_minute") is not None else ""
    parts.append(f"{fillers['count']} fillers{rate}")
    parts.append(f"{delivery['hedges']['count']} hedges")
    if delivery["repetitions"]["count"]:
        parts.append(f"{delivery['repetitions']['count']} repeats")
    lines.append(Text("Delivery: " + " · ".join(parts), style="dim"))
    skipped = report.get("skipped_checks") or []
    if skipped:
        names = " and ".join(CHECK_NAMES.get(c["id"], c["id"]).lower() for c in skipped)
        lines.append(Text(f"{names.capitalize()} need a recording: skipped for a typed answer.", style="dim"))
    return Group(*lines)


def checklist(report: dict) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column("", width=4, no_wrap=True)
    table.add_column("Check", no_wrap=True)
    table.add_column("Found", ratio=3)
    table.add_column("Next time", ratio=3)
    for check in report["checks"]:
        word, style = STATUS[check["status"]]
        found = Text(check["message"])
        if check["id"] == "metrics":
            found.append(_every_measure(report), style="dim")
        table.add_row(Text(word, style=style), CHECK_NAMES.get(check["id"], check["id"]), found, Text(check["tip"]))
    return table


def _every_measure(report: dict) -> str:
    """Every measure found, each with the part it was said in: the check's line names three
    "and N more", and a tryout could not see what was counted without --json."""
    sentences = report.get("sentences") or []
    listed = {}
    for item in (report.get("metrics") or {}).get("items", []):
        index = item.get("sentence")
        part = sentences[index]["label"] if isinstance(index, int) and 0 <= index < len(sentences) else "?"
        listed.setdefault(item["text"].lower(), f'"{item["text"]}" ({part})')
    return ("\nEvery one: " + "; ".join(listed.values())) if len(listed) > 3 else ""


def summary(report: dict) -> Text:
    score = report["score"]
    # Never green beside a failing check: 82 in green with "FAIL STAR ... no result" read as
    # "the answer is fine" (a tryout's).
    failing = any(check["status"] == "fail" for check in report["checks"])
    unsure = fit_unsure(report) or not made_out(report)
    style = "bold green" if score >= 80 and not failing and not unsure else "bold yellow" if score >= 50 else "bold red"
    out = Text()
    out.append("Score ", style="bold")
    out.append(f"{score}/100", style=style)
    if not made_out(report):
        # (Whether the story fits, too, was judged on words that may not have been said.)
        out.append(UNHEARD_SCORE_SAID, style="yellow")
    elif off_topic(report):
        # Capped (checks.score): said beside it, with how well the story itself was told.
        out.append(" for a story that does not answer this question", style="bold red")
        if report.get("telling_score", score) > score:
            out.append(f" (its telling alone: {report['telling_score']})", style="dim")
    elif fit_unsure(report):  # (the check could not tell: the score is the telling's, said so)
        out.append(UNSURE_SCORE_SAID, style="yellow")
    length = report["length"]
    share = report["star"]["share"]
    out.append(f"   length {clock(length['duration_s'])}{' (estimated)' if length['estimated'] else ''}", style="dim")
    # One speed per report: the pace (words while speaking, long pauses left out) when the
    # delivery has one, not also the words over the whole length (a tryout saw 153 and 142).
    if length.get("wpm") and not ((report.get("delivery") or {}).get("pace") or {}).get("wpm"):
        out.append(f", {length['wpm']:.0f} words/min", style="dim")
    out.append("   S/T/A/R " + "/".join(f"{share[k]:.0%}" for k in STAR), style="dim")
    example = report.get("example")
    if example:
        out.append(f"\nBeside the guide's example (rehearse example {example['question_id']}): ", style="bold")
        out.append(" ".join(example["notes"]))
    follow_ups = report.get("follow_ups") or []
    if follow_ups:
        out.append("\nAn interviewer might ask next: ", style="bold")
        out.append(" / ".join(f["question"] for f in follow_ups))
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
        saved = f" · {kept}" if (kept := kept_as(report)) else ""
        return Text(f"typed transcript {report['source']['path']}{saved}", style="dim")
    parts = [f"{transcript['engine']} {transcript['model']}", f"audio {clock(report['duration_s'])}"]
    if "stop_to_report_s" in timings:
        parts.append(f"feedback {timings['stop_to_report_s']:.1f} s after you stopped")
    elif "transcribe_s" in timings:
        parts.append(f"transcribed in {timings['transcribe_s']:.1f} s")
    recording = report.get("recording")
    if recording:
        parts.append(f"recorded from {recording['source']}")
    if kept := kept_as(report):
        parts.append(kept)
    out = Text(" · ".join(parts), style="dim")
    if recording and recording.get("overflows"):
        out.append(f"\n{recording['overflows']} input overflow(s) while recording: a little audio was dropped", style="yellow")
    if report.get("cut_short"):
        out.append(f"\nCut short: rehearse stopped while this answer was recorded. The feedback covers the "
                   f"{clock(report['duration_s'])} that were kept, not the whole answer; it is not compared with "
                   "your other takes.", style="yellow")
    return out


def since_previous(report: dict) -> Text | None:
    previous = report.get("previous_take")
    if not previous:
        return None
    return Text.assemble(("Since take ", "bold"), (str(previous["id"]), "bold"), (": ", "bold"), previous["change"])


# -- the compact report: the default, designed for 80 columns ------------------------------

RUSH_MARK = {"rush": "» rushed", "drag": "« dragged"}


def _unbroken(mark: str) -> str:
    """A mark kept on one line where the transcript wraps: "[»" at a line's end and
    "rushed]" at the next one's start read as two things. (Without its space: the terminal
    library wraps at any whitespace, a no-break space too.)"""
    return mark.replace(" ", "")


def _without_quote(tip: str) -> str:
    """A tip without the guide's quote: `rehearse explain ID` has it, every row need not."""
    return tip.split(' The guide: "')[0].strip()


def _question_line(question: dict | None) -> Text:
    if question is None:
        return Text(NO_QUESTION, style="dim")
    return Text.assemble((f"{question['id']} · {question.get('category', '')}: ", "bold"), (question["text"], "bold"))


def _legend(report: dict, styles: dict, pauses_after: dict, unsure: set, stretches: dict) -> Text:
    legend = Text()
    # "O other" only when a sentence is none of the four (an aside, talk in general).
    shown = [*STAR, "other"] if any(s["label"] == "other" for s in report["sentences"]) else STAR
    for label in shown:
        legend.append(f"{label[0].upper()} {label}  ", style=LABEL_STYLES[label])
    kinds = set(styles.values())
    for name, style in (("filler", MARK_STYLES["filler"]), ("hedge", MARK_STYLES["hedge"]), ("repeat", MARK_STYLES["repetition"])):
        if style in kinds:
            legend.append(name + "  ", style=style)
    if pauses_after:
        legend.append("⏸ pause  ", style="bold cyan")
    for kind in sorted(set(stretches.values())):
        legend.append(RUSH_MARK[kind] + "  ", style="bold red")
    if unsure:
        legend.append("dim: unsure", style="dim")
    return legend


def compact_transcript(report: dict, plain: bool = False) -> Group:
    """The answer as paragraphs, one per run of sentences with the same STAR part, each
    opened by the part's letter; fillers, hedges, repeats, long pauses and rushed or
    dragged sentences marked, with a one-line legend of only the marks present."""
    styles, pauses_after, unsure = _shown_marks(report, plain)
    stretches = {s["sentence"]: s["kind"] for s in (report.get("delivery") or {}).get("pace", {}).get("stretches", [])}
    body = Text()
    index = 0
    previous = None
    for n, sentence in enumerate(report["sentences"]):
        label = sentence["label"]
        style = LABEL_STYLES[label]
        if label != previous:
            body.append(("\n" if previous is not None else "") + label[0].upper() + " ", style=f"bold {style}")
        else:
            body.append(" ")
        previous = label
        index = _append_words(body, sentence["text"], index, style, styles, unsure, pauses_after, "⏸{:.1f}s")
        if n in stretches:
            body.append(f" [{_unbroken(RUSH_MARK[stretches[n]])}]", style="bold red")
    return Group(_legend(report, styles, pauses_after, unsure, stretches), body)


def compact_checks(report: dict) -> Group:
    """A line per check that passes (wrapped, not cut: its quoted words are the evidence);
    for one that warns or fails, what was found and the tip (without the guide's quote:
    `rehearse explain ID` gives it)."""
    lines = []
    for check in report["checks"]:
        word, style = STATUS[check["status"]]
        line = Text.assemble((word, style), " ", (CHECK_NAMES.get(check["id"], check["id"]), "bold"), "  ")
        line.append(check["message"])
        lines.append(line)
        if check["status"] != "pass":
            lines.append(Padding(Text("→ " + _without_quote(check["tip"])), (0, 0, 0, 5), expand=False))
    skipped = report.get("skipped_checks") or []
    if skipped:
        names = " and ".join(CHECK_NAMES.get(c["id"], c["id"]).lower() for c in skipped)
        lines.append(Text(f"{names.capitalize()} need a recording: skipped for a typed answer.", style="dim"))
    return Group(*lines)


def compact_delivery(report: dict) -> Text | None:
    delivery = report.get("delivery")
    if not delivery or not delivery.get("timed"):
        return None
    parts = []
    if delivery["pace"]["wpm"]:
        parts.append(f"{delivery['pace']['wpm']:.0f} words/min ({_pace_said(delivery)})")
    if delivery.get("pauses"):
        pauses = delivery["pauses"]
        parts.append(f"{pauses['short_count']} short, {len(pauses['long'])} long pauses")
    for key, word in (("fillers", "filler"), ("hedges", "hedge")):
        count = delivery[key]["count"]
        parts.append(f"{count} {word}{'' if count == 1 else 's'}")
    return Text("Delivery: " + " · ".join(parts), style="dim")


def print_report(report: dict, console: Console, verbose: bool = False) -> None:
    """The report: compact by default (about 40 lines for a 90-second answer at 80
    columns), or every table in full with `verbose`."""
    report = visible_strings(report)  # a stored report may hold what a terminal would run
    console.print(question_panel(report["question"]) if verbose else _question_line(report["question"]))
    plain = console.no_color or console.color_system is None  # no style shows (_shown_marks)
    console.print(transcript_view(report, plain) if verbose else compact_transcript(report, plain))
    for part in (warnings_view(report), delivery_view(report) if verbose else compact_delivery(report)):
        if part is not None:
            console.print(part)
    console.print(checklist(report) if verbose else compact_checks(report))
    console.print(summary(report))
    console.print(footer(report))
    change = since_previous(report)
    if change is not None:
        console.print(change)


def print_follow_up(report: dict, console: Console, title: str = "What you said") -> None:
    """A spoken answer to a follow-up: what was said, and whether it answers the probe."""
    report = visible_strings(report)
    follow_up = report["follow_up"]
    console.print(Panel(Text(report["transcript"]["text"] or "(nothing heard)"), title=Text(title), title_align="left"))
    judged = report["checks"][0]
    mark = ("PASS", "bold green") if follow_up["answered"] else ("FAIL", "bold red")
    line = Text()
    line.append(f"{mark[0]} ", style=mark[1])
    line.append(f'"{follow_up["question"]}" ', style="bold")
    line.append(judged["message"] + " " + judged["tip"])
    console.print(line)
    length = report["length"]
    delivery = [c for c in report["checks"][1:] if c["status"] != "pass"]
    said_pace = any(c["id"] == "pace" for c in delivery)  # its message gives the words a minute already
    details = f"{clock(length['duration_s'])}" + (f", {length['wpm']:.0f} words/min" if length.get("wpm") and not said_pace else "")
    if delivery:
        details += "; " + " ".join(c["message"] for c in delivery)
    console.print(Text(details, style="dim"))


def print_answer(report: dict, console: Console) -> None:
    """A take's report, or an answer to a follow-up judged on its probe."""
    if report.get("follow_up"):
        print_follow_up(report, console)
    else:
        print_report(report, console)
