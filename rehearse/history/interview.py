"""A mock interview over the history: which questions to ask, and what the whole session
says once it is over. Pure: the takes and reports come in, plans and summaries go out.

The summary is made from the stored reports each time it is shown, never stored itself,
so `show --session N` and the end of `interview` can never disagree.
"""

from __future__ import annotations

import random
from statistics import mean

from rehearse import prompts
from rehearse.analysis.length import clock
from rehearse.history.figures import TREND_MIN_SPAN, key_figures

DEFAULT_QUESTIONS = 5
MAX_FOLLOW_UPS = 2
# Smallest change across a session that the trend calls a change (beside TREND_MIN_SPAN's
# 10 seconds): a listener hears 15 words a minute faster, or one more filler a minute when
# the more hesitant half has at least three.
WPM_MIN_SPAN = 15
FILLERS_MIN_SPAN = 1.0
FILLERS_MIN_COUNT = 3
WORK_ON = 3  # the things to work on that the summary names


def plan(takes: list, count: int = DEFAULT_QUESTIONS, category: str | None = None,
         rng: random.Random | None = None) -> list[prompts.Question]:
    """`count` questions from different categories (a category again only once every
    category has been asked), never practised first, then the lowest best score, then the
    fewest takes.

    `takes` are the history's takes (question_id and figures["score"]); ties are broken
    at random, so two sessions with the same history need not ask the same questions.
    """
    rng = rng or random.Random()
    pool = prompts.questions(category)
    tried: dict[str, list[int]] = {}
    for take in takes:
        tried.setdefault(take.question_id, []).append(take.figures["score"])

    def need(question: prompts.Question) -> tuple:
        scores = tried.get(question.id, [])
        # Never practised first; then the lowest best score; then the fewest takes.
        return (bool(scores), max(scores, default=0), len(scores), rng.random())

    ranked = sorted(pool, key=need)
    chosen: list[prompts.Question] = []
    used: set[str] = set()  # the categories of this round: each is asked once before any again
    while ranked and len(chosen) < count:
        pick = next((q for q in ranked if q.category not in used), None)
        if pick is None:  # every category left has been asked this round: a new round
            used = set()
            pick = ranked[0]
        chosen.append(pick)
        used.add(pick.category)
        ranked.remove(pick)
    return chosen


def answer_line(report: dict, follow_ups: list[dict]) -> dict:
    """One answer as the summary lists it: the figures a person compares across a session,
    and how each follow-up was handled."""
    figures = key_figures(report)
    star = report.get("star") or {}
    return {
        "take": (report.get("take") or {}).get("id"),
        "question_id": (report.get("question") or {}).get("id"),
        "score": report["score"],
        "duration_s": figures["duration_s"],
        "verdict": figures["verdict"],
        "missing": list(star.get("missing") or []),
        "unsure": list(star.get("unsure") or []),
        "action_i_ratio": figures["action_i_ratio"],  # as the history and the check read it
        "metric_count": figures["metric_count"],
        "metric_in_result": bool(figures["metric_in_result"]),
        "wpm": figures["wpm"],
        "fillers_per_min": figures["fillers_per_min"],
        "fits": _relevance(report).get("status"),  # pass, warn, fail; None without a question
        "follow_ups": [follow_up_line(answer) for answer in follow_ups],
    }


def _relevance(report: dict) -> dict:
    return next((c for c in report.get("checks") or [] if c.get("id") == "relevance"), {})


def follow_up_line(answer: dict) -> dict:
    """A spoken answer to a follow-up: what was asked, and whether it answered the probe."""
    asked = answer.get("follow_up") or {}
    judged = (answer.get("checks") or [{}])[0]
    return {"id": asked.get("id"), "question": asked.get("question"), "expects": asked.get("expects"),
            "answered": bool(asked.get("answered")), "judged": judged.get("message", ""),
            "duration_s": (answer.get("length") or {}).get("duration_s"),
            "text": (answer.get("transcript") or {}).get("text", "")}


def trend(lines: list[dict]) -> list[str]:
    """Did the answers get shorter, faster or more hesitant? The first half of the session
    against the second (with an odd count the middle answer is left out), in sentences; a
    change is said only when it is one a listener would notice."""
    if len(lines) < 2:
        return []
    half = len(lines) // 2
    early, late = lines[:half], lines[-half:]
    said = []
    a, b = mean(line["duration_s"] for line in early), mean(line["duration_s"] for line in late)
    if abs(b - a) >= TREND_MIN_SPAN["duration_s"]:
        said.append(f"Your answers got {'longer' if b > a else 'shorter'}: {clock(a)} at the start, {clock(b)} at the end.")
    pace = [_per_minute(part, "wpm") for part in (early, late)]
    if None not in pace and abs(pace[1] - pace[0]) >= WPM_MIN_SPAN:
        said.append(f"You spoke {'faster' if pace[1] > pace[0] else 'slower'}: {pace[0]:.0f} words a minute at the "
                    f"start, {pace[1]:.0f} at the end.")
    fillers = [_per_minute(part, "fillers_per_min") for part in (early, late)]
    heard = [_count(part, "fillers_per_min") for part in (early, late)]
    # A filler or two in a short answer is a big rate and no pattern: the more hesitant half
    # must have at least FILLERS_MIN_COUNT of them.
    if None not in fillers and abs(fillers[1] - fillers[0]) >= FILLERS_MIN_SPAN and max(heard) >= FILLERS_MIN_COUNT:
        said.append(f"{'More' if fillers[1] > fillers[0] else 'Fewer'} fillers: {fillers[0]:.1f} a minute at the "
                    f"start, {fillers[1]:.1f} at the end.")
    return said or ["Steady: length, pace and fillers held from the first answer to the last."]


def _count(lines: list[dict], key: str) -> float:
    """How many of what `key` measures a minute were said over these answers."""
    return sum(line[key] * line["duration_s"] / 60 for line in lines if line[key] is not None)


def _per_minute(lines: list[dict], key: str) -> float | None:
    """A rate over several answers, pooled (a long answer weighs more than a short one);
    None when none of them has it (typed answers have no pace or fillers)."""
    minutes = sum(line["duration_s"] for line in lines if line[key] is not None) / 60
    return _count(lines, key) / minutes if minutes > 0 else None


def work_on(reports: list[dict]) -> list[dict]:
    """The three things to work on. A story that does not fit its question comes first, as
    in a single report (its score is capped, and no score means much without it);
    then the checks that cost the most points over the whole session, most first (ties in
    the report's order, which is the guide's). Each names the answers it concerns, and the
    tip of the answer where it cost the most (`most_in`: that answer's question)."""
    lost: dict[str, dict] = {}
    off_topic = [r for r in reports if _relevance(r).get("status") == "fail"]
    if off_topic:
        # What the cap took from those answers (checks.score): their telling's score less theirs.
        capped = sum((r.get("telling_score") or r.get("score") or 0) - (r.get("score") or 0) for r in off_topic)
        lost["relevance"] = {"check": "relevance", "points_lost": float(capped), "worst": 0.0,
                             "takes": [(r.get("take") or {}).get("id") for r in off_topic],
                             "tip": _relevance(off_topic[0]).get("tip", ""), "most_in": _question_id(off_topic[0])}
    for report in reports:
        for check in report.get("checks") or []:
            cost = (check.get("max_points") or 0) - (check.get("points") or 0)
            if cost <= 0 or check["id"] == "relevance":
                continue
            entry = lost.setdefault(check["id"], {"check": check["id"], "points_lost": 0.0, "takes": [],
                                                  "tip": "", "worst": 0.0, "most_in": None})
            entry["points_lost"] += cost
            entry["takes"].append((report.get("take") or {}).get("id"))
            if cost > entry["worst"]:
                entry["worst"], entry["tip"], entry["most_in"] = cost, check.get("tip", ""), _question_id(report)
    order = {check_id: n for n, check_id in enumerate(lost)}

    def rank(entry: dict) -> tuple:
        return entry["check"] != "relevance", -entry["points_lost"], order[entry["check"]]

    return [{"check": e["check"], "points_lost": round(e["points_lost"], 1), "takes": e["takes"],
             "most_in": e["most_in"], "tip": e["tip"]} for e in sorted(lost.values(), key=rank)[:WORK_ON]]


def _question_id(report: dict) -> str | None:
    return (report.get("question") or {}).get("id")


def summary(answers: list[dict]) -> dict:
    """The session's summary from its answers ([{"report", "follow_ups"}], in order)."""
    lines = [answer_line(a["report"], a["follow_ups"]) for a in answers]
    follow_ups = [f for line in lines for f in line["follow_ups"]]
    out = {"answers": lines, "strongest": None, "weakest": None, "trend": trend(lines),
           "work_on": work_on([a["report"] for a in answers]),
           "follow_ups": {"asked": len(follow_ups), "answered": sum(f["answered"] for f in follow_ups)}}
    # Strongest and weakest only when there are answers to compare. An answer that does not
    # fit its question is never the strongest, whatever its score. Ties go to the earlier
    # answer, so the same session always names the same ones.
    fitting = [line for line in lines if line["fits"] != "fail"]
    if len(lines) > 1 and fitting:
        out["strongest"] = _pick(max(fitting, key=lambda line: line["score"]))
        weakest = min(lines, key=lambda line: (line["fits"] != "fail", line["score"]))
        if weakest["take"] != out["strongest"]["take"]:
            out["weakest"] = _pick(weakest)
    return out


def _pick(line: dict) -> dict:
    return {"take": line["take"], "question_id": line["question_id"], "score": line["score"]}


def document(session: dict) -> dict:
    """A session as `interview --json` and `show --session N --json` print it: the session,
    every answer's and follow-up's full report, and the summary."""
    answers = session.get("answers") or []
    return {
        "session": listed(session),
        "answers": [{"report": a["report"], "follow_ups": a["follow_ups"]} for a in answers],
        "summary": summary(answers),
    }


def listed(session: dict) -> dict:
    """A session as `rehearse sessions --json` lists it."""
    scores = session.get("scores") or []
    return {**{k: session[k] for k in ("id", "created_at", "ended", "questions", "settings", "takes", "follow_up_answers")},
            "mean_score": round(mean(scores), 1) if scores else None}
