"""A take's key figures: the one list of them, with how each is read from a report, stored,
named, shown, and which way counts as better. The history's columns, `history --json`,
`export`, progress, compare and the chart all read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from rehearse.analysis.length import TARGET_S, clock
from rehearse.analysis.metrics import said_once
from rehearse.analysis.star import STAR
from rehearse.report import off_topic

# A share that moved less than this has not moved: one "we" more in a long Action (the
# "Since take" line and the trend line read the same step).
SHARE_NOISE = 0.1
# Which way a figure improves: higher, lower, or closer to the guide's 90 s.
HIGHER, LOWER, CLOSER_TO_TARGET = "higher", "lower", "closer to 1:30"


def _parts(value: str) -> str:
    return "".join(p[0].upper() for p in STAR if p in value.split(",")) or "-"


@dataclass(frozen=True)
class Figure:
    column: str  # the history's column, and the key in Take.figures
    name: str  # as the views name it
    read: Callable[[dict], Any]  # from a report
    show: Callable[[Any], str] = str  # for a person (never called with None)
    better: str | None = None  # HIGHER, LOWER, CLOSER_TO_TARGET, or None: not better or worse
    unit: str = ""  # what a chart's axis counts
    # A change smaller than this is level, neither better nor worse: "I" 93% -> 92% was
    # marked "worse" in red (a tryout's).
    noise: float = 0.0


def _delivery(report: dict, part: str, key: str):
    return ((report.get("delivery") or {}).get(part) or {}).get(key)


def _action_i_ratio(report: dict):
    """The "I" share the check scored: none for an answer it told no step of its own is told
    (a tryout's general answer showed "100%" in history); a report from before
    `checked_i_ratio` gives the Action's, or the whole answer's."""
    pronouns = report["pronouns"]
    if "checked_i_ratio" in pronouns:
        return pronouns["checked_i_ratio"]
    action = (pronouns.get("action") or {}).get("i_ratio")
    return pronouns["i_ratio"] if action is None else action


def _measures(report: dict) -> int:
    """The measures the answer gave, each said once, as the metrics check counts them;
    report v1's `count` counts every mention."""
    return len(said_once(item["text"] for item in report["metrics"]["items"]))


def _off_topic(report: dict) -> int:
    """1 when the story does not answer its question: its score says how well a story was
    told, not how the answer to this question has come on."""
    return int(off_topic(report))


FIGURES: tuple[Figure, ...] = (
    Figure("score", "Score", lambda r: r["score"], better=HIGHER, unit="0-100"),
    Figure("duration_s", "Length", lambda r: r["length"]["duration_s"], clock, CLOSER_TO_TARGET, unit="seconds"),
    Figure("verdict", "Length verdict", lambda r: r["length"]["verdict"], lambda v: str(v).replace("_", " ")),
    Figure("star_present", "STAR parts", lambda r: ",".join(k for k, v in r["star"]["present"].items() if v), _parts),
    Figure("star_missing", "Missing", lambda r: ",".join(r["star"]["missing"]), _parts),
    Figure("star_unsure", "Not clear", lambda r: ",".join(r["star"].get("unsure") or []), _parts),
    Figure("action_share", "Action share", lambda r: r["star"]["share"].get("action"), lambda v: f"{v:.0%}", HIGHER,
           noise=SHARE_NOISE),
    Figure("i_ratio", "\"I\" share", lambda r: r["pronouns"]["i_ratio"], lambda v: f"{v:.0%}", HIGHER, unit="of I + we",
           noise=SHARE_NOISE),
    # The one the "I" vs "we" check reads and the report shows: the guide asks for "I" in
    # the Action; the whole answer's when no sentence is an action.
    Figure("action_i_ratio", "\"I\" in Action", _action_i_ratio, lambda v: f"{v:.0%}", HIGHER, unit="of I + we",
           noise=SHARE_NOISE),
    Figure("metric_count", "Metrics", _measures, better=HIGHER, unit="mentioned"),
    Figure("metric_in_result", "Metric in Result", lambda r: int(bool(r["metrics"]["in_result"])), lambda v: "yes" if v else "no"),
    # The pace the pace check reads (long pauses and filled pauses left out), so a take's
    # history says what its report said (a new user's 256 showed as 252 in `compare`);
    # the whole span's where there is none.
    Figure("wpm", "Words/min", lambda r: _delivery(r, "pace", "wpm") or r["length"].get("wpm"), lambda v: f"{v:.0f}"),
    Figure("fillers_per_min", "Fillers/min", lambda r: _delivery(r, "fillers", "per_minute"), lambda v: f"{v:.1f}", LOWER,
           noise=0.5),
    Figure("hedge_count", "Hedges", lambda r: _delivery(r, "hedges", "count"), better=LOWER),
    Figure("off_topic", "Off topic", _off_topic, lambda v: "yes" if v else "no"),
)
BY_COLUMN = {f.column: f for f in FIGURES}
COLUMNS = tuple(f.column for f in FIGURES)
# The figures whose trend progress and the chart draw.
TRENDS = ("score", "duration_s", "action_i_ratio", "metric_count")
# ... and the delivery's, in progress (not the chart's four panels): a fast talker's climb
# from 38.7 fillers a minute to none was shown nowhere (a tryout's).
DELIVERY_TRENDS = ("fillers_per_min",)
# The smallest change a trend line draws as a change: 5 points, 10 seconds, 10% more "I", one metric.
TREND_MIN_SPAN = {"score": 5, "duration_s": 10, "action_i_ratio": SHARE_NOISE, "metric_count": 1, "fillers_per_min": 1}
# `rehearse history --json`: these figures of each take (the CLI contract), beside id,
# question, time and the missing parts as a list (the parts not clear, `unsure`,
# action_i_ratio and off_topic extend the contract).
LISTED = ("score", "duration_s", "verdict", "i_ratio", "metric_count", "action_i_ratio", "off_topic")
# Changes smaller than this are noise, not progress.
LENGTH_NOISE_S = 1


def key_figures(report: dict) -> dict:
    """The columns kept beside the report, for listing and trends without parsing JSON."""
    return {f.column: f.read(report) for f in FIGURES}


def show(column: str, value) -> str:
    if value is None or value == "":
        return "-"
    return BY_COLUMN[column].show(value)


def better(column: str, before, after) -> bool | None:
    """True if `after` is better than `before`, False if worse, None if level or not comparable."""
    way = BY_COLUMN[column].better
    if way is None or before is None or after is None or abs(after - before) < max(BY_COLUMN[column].noise, 1e-9):
        return None
    if way == CLOSER_TO_TARGET:
        closer = abs(after - TARGET_S) - abs(before - TARGET_S)
        return None if abs(closer) < LENGTH_NOISE_S else closer < 0
    return after < before if way == LOWER else after > before


def listed_row(take) -> dict:
    """One take as `rehearse history --json` lists it."""
    return {"id": take.id, "question_id": take.question_id, "created_at": take.created_at,
            **{c: take.figures[c] for c in LISTED[:3]}, "missing": take.missing, "unsure": take.unsure,
            **{c: take.figures[c] for c in LISTED[3:]}}


EXPORT_FIELDS = ("id", "question_id", "created_at", "answer_file", *COLUMNS)


def export_row(take) -> dict:
    """One take as `rehearse export` writes it: every figure."""
    return {"id": take.id, "question_id": take.question_id, "created_at": take.created_at,
            "answer_file": None if take.answer_file is None else str(take.answer_file), **take.figures}
