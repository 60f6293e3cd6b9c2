"""The live panel shown while an answer is recorded: the clock against the guide's marks,
an input level meter and a muted-microphone warning. Drawn from a RecordingState alone."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from rehearse.analysis.length import LONG_ABOVE_S, TARGET_S, TOO_LONG_ABOVE_S, TOO_SHORT_BELOW_S, clock
from rehearse.audio.recorder import LEVEL_FLOOR_DB, SILENT_WARNING_S, RecordingState

BAR_WIDTH = 54
METER_WIDTH = 24
STAR_REMINDER = "Situation (short) → Task → Action (most of it, say \"I\") → Result (with a number)"


def zone(seconds: float) -> tuple[str, str]:
    """The colour and the coaching line for this point of an answer."""
    if seconds < TOO_SHORT_BELOW_S:
        return "yellow", "under a minute: tell the whole story"
    if seconds < TARGET_S:
        return "green", "good length: aim to finish near 1:30"
    if seconds <= LONG_ABOVE_S:
        return "bold green", "past 1:30: land the Result"
    if seconds <= TOO_LONG_ABOVE_S:
        return "yellow", "long: wrap up with the Result now"
    return "bold red", "over 3 minutes: finish now"


# An answer to a follow-up is short by nature (20-40 s); its panel has its own marks.
FOLLOW_UP_AIM_S, FOLLOW_UP_LONG_S, FOLLOW_UP_SCALE_S = 40, 60, 90


def follow_up_zone(seconds: float) -> tuple[str, str]:
    """The colour and the coaching line for this point of an answer to a follow-up."""
    if seconds <= FOLLOW_UP_AIM_S:
        return "green", "a short answer: say just what was asked"
    if seconds <= FOLLOW_UP_LONG_S:
        return "yellow", "wrap up: a follow-up wants the point"
    return "bold red", "long for a follow-up: finish now"


def _timeline(elapsed: float, scale: float, follow_up: bool = False) -> Text:
    colour_at = follow_up_zone if follow_up else zone
    bar = Text()
    for i in range(BAR_WIDTH):
        t = (i + 0.5) / BAR_WIDTH * scale
        bar.append("━" if t <= elapsed else "─", style=colour_at(t)[0] if t <= elapsed else "dim")
    marks = [" "] * (BAR_WIDTH + 8)
    guide = ((FOLLOW_UP_AIM_S, "0:40"), (FOLLOW_UP_LONG_S, "1:00")) if follow_up else (
        (TOO_SHORT_BELOW_S, "1:00"), (TARGET_S, "1:30 aim"), (LONG_ABOVE_S, "2:00"), (TOO_LONG_ABOVE_S, "3:00"))
    for seconds, label in guide:
        if seconds > scale:
            continue
        at = min(int(seconds / scale * BAR_WIDTH), BAR_WIDTH - 1)
        marks[at:at + len(label)] = list(label)
    return Text.assemble(bar, "\n", Text("".join(marks).rstrip(), style="dim"))


def _meter(level_db: float) -> Text:
    filled = round((level_db - LEVEL_FLOOR_DB) / -LEVEL_FLOOR_DB * METER_WIDTH)
    style = "green" if level_db > -30 else "yellow" if level_db > -45 else "red"
    return Text.assemble(
        ("input ", "dim"), ("▮" * filled, style), ("▯" * (METER_WIDTH - filled), "dim"), (f" {level_db:4.0f} dB", "dim"),
    )


def recording_panel(state: RecordingState, title: str = "Recording", follow_up: bool = False) -> Panel:
    colour, advice = (follow_up_zone if follow_up else zone)(state.elapsed_s)
    scale = min(FOLLOW_UP_SCALE_S, state.max_s) if follow_up else max(float(TOO_LONG_ABOVE_S), state.max_s)
    head = Text.assemble(
        ("● REC ", "bold red"), (clock(int(state.elapsed_s)), f"bold {colour}"), (f" / {clock(int(state.max_s))}   ", "dim"), (advice, colour),
    )
    lines = [head, _timeline(state.elapsed_s, scale, follow_up), _meter(state.level_db)]
    if state.silent_s >= SILENT_WARNING_S:
        lines.append(Text(f"No sound for {state.silent_s:.0f} s: is the microphone muted?", style="bold red"))
    if state.overflows:
        lines.append(Text(f"input overflowed {state.overflows} time(s); still recording", style="yellow"))
    lines.append(Text("Enter stops · Ctrl-C also stops and keeps the take", style="dim"))
    return Panel(Group(*lines), title=f"{title} · {state.source}" if state.source else title, title_align="left")
