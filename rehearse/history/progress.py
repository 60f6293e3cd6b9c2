"""How takes move over time: trends, best take, and what changed between two takes, from
the stored key figures (history/figures.py)."""

from __future__ import annotations

from rehearse import prompts
from rehearse.analysis.length import TARGET_S, clock
from rehearse.analysis.star import STAR
from rehearse.history.figures import DELIVERY_TRENDS, SHARE_NOISE, TRENDS, better
from rehearse.report import made_out, off_topic

# Changes smaller than these are noise, not progress.
DURATION_STEP_S = 10
I_RATIO_STEP = SHARE_NOISE
# Fillers a minute: a change of two or more is one a listener hears (a tryout's fillers
# went from 7 to none and the line said nothing of it); under that, a sentence more or less.
FILLERS_STEP = 2.0
SPARK = "▁▂▃▄▅▆▇█"


def _parts(csv: str) -> set[str]:
    return {p for p in csv.split(",") if p}


def _missing(figures: dict) -> set[str]:
    """The parts a take was told it lacks; a part not found but not missing was only not
    clear (the report warned and quoted a sentence). Without the column: every part not found."""
    found = _parts(figures["star_present"])
    return _parts(figures["star_missing"]) if figures.get("star_missing") is not None else set(STAR) - found


def unclear_parts(figures: dict) -> list[str]:
    """The parts a take neither had nor was told it lacks: the report was not sure of them."""
    if figures.get("star_present") is None:
        return []
    found = _parts(figures["star_present"])
    return [p for p in STAR if p not in found and p not in _missing(figures)]


def _part_changes(previous: dict, current: dict) -> list[str]:
    """How the STAR parts moved: found, lost, still missing, or only not clear."""
    before, after = _parts(previous["star_present"]), _parts(current["star_present"])
    missing, was_missing = _missing(current), _missing(previous)

    def names(parts: list[str]) -> str:
        return _and([p.capitalize() for p in parts])

    gained = [p for p in STAR if p in after and p not in before]
    lost = [p for p in STAR if p in before and p not in after]
    still = [p for p in STAR if p not in after and p not in before]
    said = []
    if gained:
        said.append("now has " + _and([f"{'an' if p[0] in 'aeiou' else 'a'} {p.capitalize()}" for p in gained]))
    for chosen, text in (
            ([p for p in lost if p in missing], "lost the {}"),
            ([p for p in lost if p not in missing], "{} not clear now"),
            ([p for p in still if p in missing and p in was_missing], "still no {}"),
            ([p for p in still if p not in missing and p not in was_missing], "{} still not clear"),
            # (A second tryout read "Task found, not clear yet" as a contradiction.)
            ([p for p in still if p not in missing and p in was_missing], "{} no longer missing, not clear yet"),
            ([p for p in still if p in missing and p not in was_missing], "{} missing now")):
        if chosen:
            said.append(text.format(names(chosen)))
    return said


def take_to_compare(candidates: list[tuple], spoken: str) -> tuple:
    """The take a new one is compared with, and whether it tells the same story: the newest
    of `candidates` (History.comparable: (take, its transcript, its story), newest first)
    that tells the new take's story, else the newest. A person often tries more than one
    story on a question; a retelling is best measured against the last telling of the same
    story. The same story: a take as similar as SAME_STORY, or one the story bank holds in
    the same story as such a take (a retelling in other words that a person merged)."""
    if not candidates:
        return None, False
    from rehearse.analysis.stories import SAME_STORY, Background, similarity
    from rehearse.history.stories import guide_texts

    background = Background.of(guide_texts() + [c[1] for c in candidates] + [spoken])
    similar = [bool(c[1]) and similarity(spoken, c[1], background) >= SAME_STORY for c in candidates]
    stories = {c[2] for c, alike in zip(candidates, similar) if alike and len(c) > 2 and c[2] is not None}
    for candidate, alike in zip(candidates, similar):
        if alike or len(candidate) > 2 and candidate[2] in stories:
            return candidate[0], True
    return candidates[0][0], False


def change_line(previous: dict, current: dict) -> str:
    """One line on what changed since the previous take of the same question, e.g.
    "score 62 -> 74; now has a Result; still no numbers in the Result"."""
    parts = [f"score {previous['score']} -> {current['score']}"]
    parts += _part_changes(previous, current)
    d0, d1 = previous["duration_s"], current["duration_s"]
    if bool(previous.get("estimated")) != bool(current.get("estimated")):
        # A typed take's length is estimated from its words at a speaking pace: set against
        # a spoken take's measured length it says nothing about the speaker (a tryout's).
        typed = "the earlier" if previous.get("estimated") else "this"
        parts.append(f"length not compared ({typed} take was typed: its length is only estimated)")
    elif d0 is not None and d1 is not None and abs(d1 - d0) >= DURATION_STEP_S:
        way = "closer to 1:30" if better("duration_s", d0, d1) else "further from 1:30"
        # Closer, but still outside 1-3 minutes, is not there yet: 4:07 to 0:07 is no progress.
        if current.get("verdict") in ("too_short", "too_long"):
            now = current["verdict"].replace("_", " ")
            way = f"{way}, but {now}" if way.startswith("closer") else f"{way}, now {now}"
        parts.append(f"length {clock(d0)} -> {clock(d1)} ({way})")
    i0, i1 = previous["action_i_ratio"], current["action_i_ratio"]
    if i0 is not None and i1 is not None and abs(i1 - i0) >= I_RATIO_STEP:
        # A take with no Action has its figure from the whole answer, as its check says ("In
        # the answer"): named so, not "in the Action" (a tryout's "0% -> 44%").
        both = all("action" in _parts(take["star_present"]) for take in (previous, current))
        parts.append(f"\"I\" {'in the Action' if both else 'of I + we'} {i0:.0%} -> {i1:.0%}")
    f0, f1 = previous.get("fillers_per_min"), current.get("fillers_per_min")
    # (Only spoken against spoken: a typed take's fillers are what was typed.)
    if f0 is not None and f1 is not None and abs(f1 - f0) >= FILLERS_STEP \
            and not previous.get("estimated") and not current.get("estimated"):
        parts.append(f"fillers {f0:.1f} -> {f1:.1f} a minute")
    if current["metric_in_result"] and not previous["metric_in_result"]:
        parts.append("now has a number in the Result")
    elif previous["metric_in_result"] and not current["metric_in_result"]:
        parts.append("lost the number in the Result")
    elif not current["metric_in_result"] and "result" in _parts(current["star_present"]):
        parts.append("still no numbers in the Result")
    elif current["metric_count"] != previous["metric_count"]:
        parts.append(f"metrics {previous['metric_count']} -> {current['metric_count']}")
    if len(parts) == 1 and previous["score"] == current["score"]:
        return f"no change: score {current['score']}"
    return "; ".join(parts)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def sparkline(values: list[float | None], min_span: float = 0.0) -> str:
    """Bars from low to high. The scale spans at least `min_span` (centred on the values),
    so a change too small to matter (83.7 against 83.8 s) draws flat, not as a cliff."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    if high - low < min_span / (len(SPARK) - 1):  # less than one bar's step: no change to draw
        return "".join(" " if v is None else SPARK[len(SPARK) // 2] for v in values)
    if high - low < min_span:
        middle = (low + high) / 2
        low, high = middle - min_span / 2, middle + min_span / 2
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            out.append(SPARK[len(SPARK) // 2 if span == 0 else round((v - low) / span * (len(SPARK) - 1))])
    return "".join(out)


def _best_first(take) -> tuple:
    """How takes rank for "best": the score, then, among equal scores, the take whose parts
    were all told plainly, then the one closer to the guide's 90 s, then the latest (a tie
    went to the latest, and a tryout's best take was its garbled one)."""
    unsure = [part for part in (take.figures.get("star_unsure") or "").split(",") if part]
    duration = take.figures.get("duration_s")
    # (A typed take's length is only estimated: no nearer 90 s than a spoken one; a review's.)
    measured = duration is not None and not take.estimated
    off_target = abs(duration - TARGET_S) if measured else float("inf")
    return take.figures["score"], -len(unsure), -off_target, take.id


def question_progress(question_id: str | None, takes: list) -> dict:
    """Progress of one question from its takes, oldest first (history.Take objects)."""
    scores = [t.figures["score"] for t in takes]
    # A story that does not answer the question is never its best take, whatever it scored.
    # (Nor one Whisper could not hear clearly: its figures may be of words never said.)
    answering = [t for t in takes if not t.figures.get("off_topic") and not t.unheard]
    best = max(answering, key=_best_first, default=None)
    first = answering[0] if answering else None
    return {
        "question_id": question_id,
        "takes": len(takes),
        "first_score": scores[0],
        # The first take that answers the question: where progress is measured from (the
        # views' "first"; a story told for another question is no starting point).
        "first_answering_take_id": None if first is None else first.id,
        "first_answering_score": None if first is None else first.figures["score"],
        "latest_score": scores[-1],
        "best_score": None if best is None else best.figures["score"],
        "best_take_id": None if best is None else best.id,
        "latest_take_id": takes[-1].id,
        "take_ids": [t.id for t in takes],
        "off_topic_take_ids": [t.id for t in takes if t.figures.get("off_topic")],
        "unheard_take_ids": [t.id for t in takes if t.unheard],
        # Typed takes, whose length is estimated: never compared with a spoken take's.
        "typed_take_ids": [t.id for t in takes if t.estimated],
        # The whole answer's "I" share stays for progress --json readers from before the
        # Action's became the trend.
        "series": {name: [t.figures[name] for t in takes] for name in (*TRENDS, *DELIVERY_TRENDS, "i_ratio")},
    }


def first_answering(entry: dict) -> int | None:
    """Where the first take that answers the question sits in the entry's takes (None when
    none does): a story told for another question is no starting point."""
    off = not_counted(entry)
    return next((i for i, take_id in enumerate(entry["take_ids"]) if take_id not in off), None)


def not_counted(entry: dict) -> set[int]:
    """The takes no yardstick of progress: a story told for another question, and a
    recording Whisper could not hear clearly."""
    return set(entry.get("off_topic_take_ids") or []) | set(entry.get("unheard_take_ids") or [])


def best_said(entry: dict) -> str:
    """The best take as the progress views say it, e.g. "best 92 (take 4)"."""
    if entry["best_take_id"] is None:
        # (Every take unheard is no story told off the question; a review's.)
        if not entry.get("off_topic_take_ids"):
            return "best: none yet (Whisper could not hear any take clearly)"
        return "best: none yet (no take answers the question)"
    return f"best {entry['best_score']} (take {entry['best_take_id']})"


def _takes_said(ids: list[int], one: str, many: str) -> str | None:
    """Some takes, said once ("{}" in `one` is the take, in `many` the list), or None."""
    if not ids:
        return None
    return one.format(ids[0]) if len(ids) == 1 else many.format(_and([str(i) for i in ids]))


def off_topic_said(entry: dict) -> str | None:
    """The takes whose story does not answer the question, said once, or None."""
    return _takes_said(entry.get("off_topic_take_ids") or [],
                       "Take {} tells a story that does not answer this question: never counted as its best take.",
                       "Takes {} tell stories that do not answer this question: never counted as its best take.")


def unheard_said(entry: dict) -> str | None:
    """The takes Whisper could not hear clearly, said once, or None."""
    return _takes_said(entry.get("unheard_take_ids") or [],
                       "Whisper could not hear take {} clearly: never counted as its best take, nor in the mean scores.",
                       "Whisper could not hear takes {} clearly: never counted as its best take, nor in the mean scores.")


def progress_by_question(store, question_id: str | None = None) -> list[dict]:
    """Progress of every question with saved takes (or of one), in the guide's order, each
    with the check that still holds its latest take's score back (None when all pass).
    An answer a crash cut short is left out: its score says where the recording stopped,
    not how the answer has come on."""
    by_question: dict = {}
    for take in store.takes(question_id, newest_first=False, whole_only=True):
        by_question.setdefault(take.question_id, []).append(take)
    per_question = [question_progress(qid, takes) for qid, takes in sorted(by_question.items(), key=lambda kv: prompts.order(kv[0]))]
    for entry in per_question:
        report = store.report(entry["latest_take_id"])
        costly = [c for c in report.get("checks", []) if c["status"] != "pass" and c["max_points"] - c["points"] > 0]
        held = max(costly, key=lambda c: c["max_points"] - c["points"], default=None)
        # The report's own "one thing to change" when it costs points (a missing part before
        # the length it shortens), so progress and the report never name different things.
        step = report.get("next_step")
        named = next((c for c in costly if step and c["id"] == step.get("check")), None)
        held = named or held
        # A story that does not answer its question (its score capped) comes before them:
        # polishing the metrics of a story told for another question is no progress.
        entry["off_topic"] = off_topic(report)
        held = next((c for c in report.get("checks", []) if c["id"] == "relevance"), held) if entry["off_topic"] else held
        entry["holding_back"] = None if held is None else {"check": held["id"], "tip": held["tip"]}
        if not made_out(report):
            # Words Whisper could not hear clearly: the recording comes first, as in the report
            # (progress said "Add the action" where the report said "Record it again"; a
            # review's), and whether the story fits was judged on words never said.
            entry["off_topic"] = False
            entry["holding_back"] = {"check": step["check"], "tip": step["tip"]}
        # What to work on when no check costs points: the one thing to change, if any (delivery, say).
        entry["polish"] = None if held is not None or step is None else {"check": step["check"], "tip": step["tip"]}
    return per_question


def overall_progress(per_question: list[dict]) -> dict:
    """Mean scores of every question's first and latest take that answers it. A story told
    for another question is left out (as it is never a question's best take): a 100 for
    the wrong story would show progress that is not there. `off_topic_takes` says how many."""
    first, latest, left_out = [], [], 0
    for entry in per_question:
        off = not_counted(entry)
        left_out += len(entry.get("off_topic_take_ids") or [])
        if entry["first_answering_take_id"] is not None:
            first.append(entry["first_answering_score"])
            latest.append(next(score for take_id, score in zip(reversed(entry["take_ids"]), reversed(entry["series"]["score"]))
                               if take_id not in off))
    return {
        "questions": len(per_question),
        "takes": sum(q["takes"] for q in per_question),
        "mean_first_score": round(sum(first) / len(first), 1) if first else None,
        "mean_latest_score": round(sum(latest) / len(latest), 1) if latest else None,
        "off_topic_takes": left_out,
    }


def overall_said(overall: dict) -> str:
    """The overall line of `progress` and its page, e.g. "7 takes of 3 questions; mean score
    of the first takes 61.3, of the latest 84.0 (2 off-topic takes left out)." """
    said = f"{overall['takes']} takes of {overall['questions']} question{'s' if overall['questions'] != 1 else ''}; "
    if overall["mean_first_score"] is None:
        said += "no take answers its question yet, so there is no mean score"
    else:
        said += f"mean score of the first takes {overall['mean_first_score']}, of the latest {overall['mean_latest_score']}"
    left_out = overall.get("off_topic_takes") or 0
    if left_out and overall["mean_first_score"] is not None:
        said += f" ({left_out} off-topic take{'s' if left_out != 1 else ''} left out)"
    return said + "."
