"""A take's report as one self-contained HTML file: to look at, listen to and share on
purpose. Styles and the script are inline and the audio is embedded (Ogg Opus, base64):
the page makes no request of any kind, works offline, on a phone's width and in a dark
colour scheme. Every colour comes with a word or a letter, never alone.

Built from the report dict alone (like the terminal report), plus the audio and the
earlier takes of the same question when there are any.
"""

from __future__ import annotations

import base64
import html
import json
import os

from rehearse.analysis.length import LONG_ABOVE_S, TARGET_S, TOO_SHORT_BELOW_S, clock
from rehearse.analysis.safetext import visible_strings
from rehearse.analysis.star import STAR
from rehearse.analysis.transcript import UNSURE_BELOW
from rehearse.history.progress import best_said, off_topic_said, overall_said, unheard_said
from rehearse.report import UNHEARD_SCORE_SAID, UNSURE_SCORE_SAID, fit_unsure, kept_as, made_out, off_topic
from rehearse.ui.history_views import when
from rehearse.ui.session_view import FITS_WORDS, unanswered, work_on_words
from rehearse.ui.report_view import CHECK_NAMES as TERMINAL_NAMES
from rehearse.ui.report_view import word_kinds

PARTS = STAR + ("other",)
STATUS_WORD = {"pass": "Pass", "warn": "Warning", "fail": "Fail"}
# The terminal's names, with room for the longer one and the follow-up answer's check.
CHECK_NAMES = {**TERMINAL_NAMES, "relevance": "Fits the question", "follow_up": "Follow-up"}

STYLE = """
:root { color-scheme: light dark; --bg: #fff; --fg: #1d1d1f; --muted: #5f6368; --line: #d0d4da;
  --situation: #0b7285; --task: #9c36b5; --action: #2b8a3e; --result: #b35c00; --other: #868e96;
  --pass: #2b8a3e; --warn: #b35c00; --fail: #c92a2a; --now: #fff3bf; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181b; --fg: #e8eaed; --muted: #a0a6ad; --line: #3a3f45;
  --situation: #66d9e8; --task: #e599f7; --action: #8ce99a; --result: #ffc078; --other: #adb5bd;
  --pass: #8ce99a; --warn: #ffc078; --fail: #ffa8a8; --now: #5c4d00; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem; background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.3rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
.muted { color: var(--muted); } .score { font-size: 2rem; font-weight: 700; }
.warnings { border-left: .35rem solid var(--warn); padding: .3rem .6rem .3rem 1.6rem; margin: .6rem 0; }
.bar { display: flex; width: 100%; height: 2.2rem; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.bar button { border: 0; padding: 0; margin: 0; min-width: 2px; cursor: pointer; color: var(--bg); font-weight: 700;
  font-size: .8rem; overflow: hidden; position: relative; }
.bar button.pause::after { content: "‖"; position: absolute; right: 1px; top: 0; color: var(--fg); }
.p-situation { --c: var(--situation); } .p-task { --c: var(--task); } .p-action { --c: var(--action); }
.p-result { --c: var(--result); } .p-other { --c: var(--other); }
.bar button { background: var(--c); }
.legend span { margin-right: .9rem; white-space: nowrap; } .legend b { color: var(--c); }
.sentence { display: block; width: 100%; text-align: left; background: none; border: 0; border-left: .35rem solid var(--c);
  color: var(--fg); font: inherit; padding: .3rem .6rem; margin: .15rem 0; cursor: pointer; border-radius: 3px; }
.sentence .part { color: var(--c); font-weight: 700; margin-right: .4rem; }
.sentence.now { background: var(--now); }
.sentence:focus-visible, .bar button:focus-visible { outline: 3px solid var(--fg); outline-offset: 2px; }
mark { background: none; color: inherit; }
mark.filler, mark.filled_pause { text-decoration: underline wavy var(--fail); }
mark.hedge { font-style: italic; text-decoration: underline dotted var(--warn); }
mark.repetition { text-decoration: underline double var(--task); }
.unsure { opacity: .6; border-bottom: 1px dashed var(--muted); }
.tag { font-size: .75rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 .25rem; margin-left: .35rem; }
.tag.rush, .tag.drag { color: var(--fail); } .tag.time { color: var(--muted); border: 0; padding: 0; margin: 0 .35rem 0 0; }
.checks { list-style: none; padding: 0; } .checks li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
.status { font-weight: 700; display: inline-block; min-width: 5.2rem; }
.status.pass { color: var(--pass); } .status.warn { color: var(--warn); } .status.fail { color: var(--fail); }
.tip { display: block; margin-left: 5.2rem; }
audio { width: 100%; margin: .4rem 0; }
.scroll { overflow-x: auto; } .answers { border-collapse: collapse; width: 100%; }
.answers th, .answers td { text-align: left; padding: .2rem .5rem .2rem 0; border-bottom: 1px solid var(--line); white-space: nowrap; }
details .part { color: var(--c); font-weight: 700; margin-right: .3rem; }
figure { margin: 1rem 0; } svg text { fill: var(--fg); font-size: 12px; } svg .axis { stroke: var(--line); } svg .line { fill: none; stroke-width: 2; }
@media (max-width: 30rem) { .tip { margin-left: 0; } .status { min-width: 0; margin-right: .4rem; } }
"""

SCRIPT = """
(function () {
  var audio = document.getElementById("take-audio");
  var sentences = Array.prototype.slice.call(document.querySelectorAll("[data-start]"));
  function seek(event) {
    var start = parseFloat(event.currentTarget.getAttribute("data-start"));
    if (!audio || isNaN(start)) { return; }
    audio.currentTime = start;
    var playing = audio.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
  }
  sentences.forEach(function (el) { el.addEventListener("click", seek); });
  if (!audio) { return; }
  audio.addEventListener("timeupdate", function () {
    var t = audio.currentTime;
    document.querySelectorAll(".sentence").forEach(function (el) {
      var on = t >= parseFloat(el.getAttribute("data-start")) && t < parseFloat(el.getAttribute("data-end"));
      el.classList.toggle("now", on);
      if (on) { el.setAttribute("aria-current", "true"); } else { el.removeAttribute("aria-current"); }
    });
  });
})();
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _told_alone(report: dict) -> str:
    """How well the story was told, beside a score capped because it answers another question."""
    told = report.get("telling_score", report["score"])
    return f' <span class="muted">(its telling alone: {int(told)})</span>' if told > report["score"] else ""


def _part(label) -> str:
    """A STAR part name, as a class name: only the five the report knows."""
    return label if label in PARTS else "other"


def _timeline(report: dict) -> str:
    """A bar with a button per sentence, as wide as its time, coloured and lettered by part."""
    sentences = [s for s in report["sentences"] if s.get("start") is not None and s.get("end") is not None]
    if not sentences:
        return ""
    total = max(s["end"] for s in sentences) - sentences[0]["start"] or 1.0
    long_after = {p["sentence"] for p in ((report.get("delivery") or {}).get("pauses") or {}).get("long", [])}
    buttons = []
    for n, s in enumerate(report["sentences"]):
        if s.get("start") is None or s.get("end") is None:
            continue
        grow = max(0.005, (s["end"] - s["start"]) / total)  # as wide as its share of the time
        label = _part(s["label"])
        pause = " pause" if n in long_after else ""
        buttons.append(
            f'<button type="button" class="p-{label}{pause}" style="flex:{grow:.4f} 1 0" data-start="{float(s["start"])}" '
            f'data-end="{float(s["end"])}" aria-label="{_e(label.capitalize())} at {clock(s["start"])}'
            f'{", then a long pause" if pause else ""}: play from here">{_e(label[0].upper())}</button>')
    legend = " ".join(f'<span class="p-{p}"><b>{p[0].upper()}</b> {p}</span>' for p in PARTS)
    return (f'<div class="bar" role="group" aria-label="Timeline of the answer by STAR part">{"".join(buttons)}</div>'
            f'<p class="legend muted">{legend} <span>‖ long pause after</span></p>')


def _transcript(report: dict) -> str:
    classes = word_kinds(report)
    words = report["transcript"]["words"]
    unsure = {i for i, w in enumerate(words) if w.get("probability", 1.0) < UNSURE_BELOW}
    timed = bool(words)
    out, index = [], 0
    for s in report["sentences"]:
        label = _part(s["label"])
        pieces = []
        for word in s["text"].split(" "):
            text = _e(word)
            kind = classes.get(index)
            if kind:
                text = f'<mark class="{_e(kind)}" title="{_e(kind.replace("_", " "))}">{text}</mark>'
            if index in unsure:
                text = f'<span class="unsure" title="Whisper was unsure of this word">{text}</span>'
            pieces.append(text)
            index += 1
        pace = s.get("pace") if s.get("pace") in ("rush", "drag") else None
        tag = f'<span class="tag {pace}">{"rushed" if pace == "rush" else "dragged"}</span>' if pace else ""
        when = f'<span class="tag time">{clock(s["start"])}</span>' if timed and s.get("start") is not None else ""
        if timed and s.get("start") is not None:
            out.append(f'<button type="button" class="sentence p-{label}" data-start="{float(s["start"])}" '
                       f'data-end="{float(s["end"] if s.get("end") is not None else s["start"])}" '
                       f'aria-label="Play from {clock(s["start"])}">{when}<span class="part">{label[0].upper()}</span>'
                       f'{" ".join(pieces)}{tag}</button>')
        else:
            out.append(f'<p class="sentence p-{label}"><span class="part">{label[0].upper()}</span>{" ".join(pieces)}{tag}</p>')
    marks = ('<p class="legend muted"><span><mark class="filler">filler</mark></span> <span><mark class="hedge">hedge</mark>'
             '</span> <span><mark class="repetition">repeat</mark></span> <span><span class="unsure">unsure word</span></span> '
             '<span><span class="tag rush">rushed</span> sentence</span></p>')
    return marks + "".join(out)


def _checks(report: dict) -> str:
    items = []
    for c in report["checks"]:
        tip = f'<span class="tip">{_e(c["tip"])}</span>' if c["status"] != "pass" else ""
        status = c["status"] if c["status"] in STATUS_WORD else "warn"
        items.append(f'<li><span class="status {status}">{STATUS_WORD[status]}</span> '
                     f'<strong>{_e(CHECK_NAMES.get(c["id"], c["id"]))}</strong>: {_e(c["message"])}{tip}</li>')
    return f'<ul class="checks">{"".join(items)}</ul>'


LENGTH_SCALE_MAX_S = 300


def trend_svg(series: list[dict], title: str) -> str:
    """Score and length over takes of one question, as an inline SVG (no library).

    Two scales, each with its values on its own side: the score (0-100) on the left, the
    length (minutes) on the right, with the guide's 1-2 minute band shaded and its 90 s aim
    dashed, so a take's line can be read without the table (a tryout: "a line with no
    numbers")."""
    if len(series) < 2:
        return ""
    w, h, top_pad, bottom_pad, left, right = 440, 210, 46, 30, 34, 42
    n = len(series)
    plot_h = h - top_pad - bottom_pad

    def x(i):  # inset from the scales, so a take's score never sits on an axis value
        return left + 16 + i * (w - left - right - 32) / (n - 1)

    def y(fraction):
        return h - bottom_pad - fraction * plot_h

    # Whole minutes from 3 to 5: a longer take is drawn at the top (a 110-minute typed one
    # had squeezed the 1-2 minute band to a line, under 111 minute labels).
    lengths = [min(p["duration_s"] or 0, LENGTH_SCALE_MAX_S) for p in series]
    top = max(180.0, 60.0 * -(-max(lengths) // 60))
    over = any((p["duration_s"] or 0) > LENGTH_SCALE_MAX_S for p in series)

    def y_len(seconds):
        return y(seconds / top)

    score_points = " ".join(f"{x(i):.1f},{y(p['score'] / 100):.1f}" for i, p in enumerate(series))
    length_points = " ".join(f"{x(i):.1f},{y_len(v):.1f}" for i, v in enumerate(lengths))
    grid = "".join(f'<line class="axis" x1="{left}" y1="{y(v / 100):.1f}" x2="{w - right}" y2="{y(v / 100):.1f}"/>'
                   f'<text x="{left - 6}" y="{y(v / 100) + 4:.1f}" text-anchor="end">{v}</text>' for v in (0, 50, 100))
    minutes = "".join(f'<text x="{w - right + 6}" y="{y_len(s) + 4:.1f}">{clock(s)}</text>'
                      for s in range(0, int(top) + 1, 60))
    band = (f'<rect x="{left}" y="{y_len(LONG_ABOVE_S):.1f}" width="{w - left - right}" '
            f'height="{y_len(TOO_SHORT_BELOW_S) - y_len(LONG_ABOVE_S):.1f}" fill="var(--situation)" opacity="0.08"/>'
            f'<line x1="{left}" y1="{y_len(TARGET_S):.1f}" x2="{w - right}" y2="{y_len(TARGET_S):.1f}" '
            f'stroke="var(--situation)" stroke-dasharray="2 3" opacity="0.6"/>')
    dots = "".join(f'<circle cx="{x(i):.1f}" cy="{y(p["score"] / 100):.1f}" r="3" fill="var(--action)"/>'
                   f'<text x="{x(i):.1f}" y="{y(p["score"] / 100) - 7:.1f}" text-anchor="middle">{p["score"]}</text>'
                   for i, p in enumerate(series))
    labels = "".join(f'<text x="{x(i):.1f}" y="{h - 10}" text-anchor="middle">take {p["id"]}</text>' for i, p in enumerate(series))
    rows = "".join(f"<tr><td>take {p['id']}</td><td>{p['score']}</td><td>{clock(p['duration_s'])}</td></tr>" for p in series)
    return (f'<figure><svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{_e(title)}">'
            f'{band}{grid}{minutes}'
            f'<polyline class="line" stroke="var(--action)" points="{score_points}"/>'
            f'<polyline class="line" stroke="var(--situation)" stroke-dasharray="5 4" points="{length_points}"/>'
            f'{dots}{labels}<text x="0" y="14">— score (left)   - - length (right)</text>'
            f'<text x="0" y="29">shaded: 1-2 min · thin line: the 90 s aim{" · over 5:00: at the top" if over else ""}</text></svg>'
            f'<figcaption class="muted">{_e(title)}</figcaption></figure>'
            f'<details><summary>The figures</summary><table><tr><th>take</th><th>score</th><th>length</th></tr>{rows}'
            '</table></details>')


def page(title: str, body: str) -> str:
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'; media-src data:; img-src data:\">"
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>{body}"
            f"<script>{SCRIPT}</script></body></html>\n")


def report_html(report: dict, audio: bytes | None = None, earlier: list[dict] | None = None,
                answers: list[dict] | None = None) -> str:
    """The page of one take. `audio` is an Ogg Opus file to embed; `earlier` the key figures
    ({id, score, duration_s}) of this question's takes, oldest first, this one included;
    `answers` the reports of its spoken follow-up answers."""
    report = visible_strings(report)
    answers = visible_strings(answers or [])
    question = report.get("question")
    title = f"{question['id']}: {question['text']}" if question else "An answer"
    take = report.get("take") or {}
    step = report.get("next_step")
    heard = made_out(report)  # (else the fit was judged on words that may not have been said)
    told_off_topic = off_topic(report) and heard
    kept = f'take {take["id"]}' if take.get("saved") else _e(kept_as(report)) or "not saved"
    parts = [f'<p class="muted">rehearse · {kept}'
             f'{" · " + _e(question["category"]) if question else ""}</p>',
             f"<h1>{_e(title)}</h1>",
             f'<p><span class="score">{int(report["score"])}/100</span>'
             f'{_e(UNHEARD_SCORE_SAID) if not heard else ""}'
             f'{" <strong>for a story that does not answer this question</strong>" if told_off_topic else ""}'
             f'{_told_alone(report) if told_off_topic else ""}'
             f'{_e(UNSURE_SCORE_SAID) if fit_unsure(report) and heard else ""} <span class="muted">length '
             f'{clock(report["length"]["duration_s"])}{" (estimated)" if report["length"]["estimated"] else ""}</span></p>',
             f'<p><strong>{"Change one thing next take:" if step else "Every check passes."}</strong> '
             f'{_e(step["tip"]) if step else "Say it again tomorrow to make it your own."}</p>']
    # What to know before trusting the feedback (speech left out, words unsure, the file's
    # encoding), as the terminal shows it: the page showed only faint underlines for a take
    # 22% of whose words Whisper was unsure of (a tryout's).
    warnings = report.get("warnings") or []
    if warnings:
        parts.append('<ul class="warnings">' + "".join(f"<li>{_e(w['message'])}</li>" for w in warnings) + "</ul>")
    previous = report.get("previous_take")
    if previous:  # (and how it moved on since the last take, as the terminal's last line)
        parts.append(f'<p><strong>Since take {int(previous["id"])}:</strong> {_e(previous["change"])}</p>')
    if audio:
        parts.append(f'<audio id="take-audio" controls preload="metadata" aria-label="The recording of this take" '
                     f'src="data:audio/ogg;base64,{base64.b64encode(audio).decode()}"></audio>')
    parts.append("<h2>Timeline</h2>" + (_timeline(report) or '<p class="muted">A typed answer has no timeline.</p>'))
    parts.append("<h2>What you said</h2>" + _transcript(report))
    parts.append("<h2>Checks</h2>" + _checks(report))
    follow_ups = report.get("follow_ups") or []
    if follow_ups:
        parts.append("<h2>An interviewer might ask next</h2><ul>"
                     + "".join(f"<li>{_e(f['question'])} <span class=\"muted\">({_e(f['because'])})</span></li>" for f in follow_ups)
                     + "</ul>")
    spoken = [a for a in answers if a.get("follow_up")]
    if spoken:
        parts.append("<h2>Your answers to the follow-ups</h2>" + "".join(
            f'<p><strong>{_e(a["follow_up"]["question"])}</strong> '
            f'{"PASS" if a["follow_up"]["answered"] else "FAIL"}: {_e(a["checks"][0]["message"])}</p>'
            f'<p class="muted">{_e(a["transcript"]["text"] or "(nothing heard)")}</p>' for a in spoken))
    if earlier and len(earlier) > 1:
        parts.append("<h2>Takes of this question</h2>" + trend_svg(earlier, f"Score and length over {len(earlier)} takes"))
    # JSON inside a script element is not HTML-escaped; "</" is, so it cannot close the element.
    data = json.dumps({"score": int(report["score"]), "sentences": len(report["sentences"])}).replace("</", "<\\/")
    parts.append(f'<script type="application/json" id="report-figures">{data}</script>')
    return page(title, "".join(parts))


def take_audio(answer_file) -> bytes | None:
    """The take's recording as Ogg Opus to embed, or None for a typed answer."""
    from rehearse.audio.files import TEXT_SUFFIXES, load_audio
    from rehearse.audio.encode import opus_bytes

    if answer_file is None or answer_file.suffix.lower() in TEXT_SUFFIXES or not answer_file.exists():
        return None
    return opus_bytes(load_audio(answer_file))


def write_page(path, text: str, *, force: bool, open_it: bool) -> None:
    """Write a page (0600 under rehearse's umask), never over a file without `force`, and
    open it in the browser when asked."""
    from rehearse.errors import RehearseError

    if path.exists() and not force:
        raise RehearseError(f"{path} exists; add --force to replace it, or choose another file")
    try:
        path.write_text(text, encoding="utf-8")
        os.chmod(path, 0o600)  # a replaced file keeps no looser mode: the page holds a voice and a transcript
    except OSError as exc:
        raise RehearseError(f"cannot write {path} ({exc.strerror or exc}); choose another file") from exc
    if open_it:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


def progress_html(per_question: list[dict], overall: dict, best_reports: dict[int, dict]) -> str:
    """The progress page: every question practised, its trend (score and length over
    takes, inline SVG), and the best take of each with its one thing to change."""
    from rehearse import prompts

    parts = ['<p class="muted">rehearse · progress</p>', "<h1>Progress over takes</h1>",
             f"<p>{_e(overall_said(overall))}</p>"]
    for entry in per_question:
        qid = entry["question_id"]
        question = prompts.question(qid) if qid else None
        heading = f"{qid}: {question.text}" if question else "No question given"
        series = [{"id": i, "score": s, "duration_s": d}
                  for i, s, d in zip(entry["take_ids"], entry["series"]["score"], entry["series"]["duration_s"])]
        best = visible_strings(best_reports.get(entry["best_take_id"]) or {})
        step = best.get("next_step")
        parts.append(f"<h2>{_e(heading)}</h2>"
                     f'<p>{entry["takes"]} take{"s" if entry["takes"] != 1 else ""} · first {"-" if entry["first_answering_score"] is None else entry["first_answering_score"]} · '
                     f'latest {entry["latest_score"]} · {_e(best_said(entry))}</p>'
                     + (f'<p class="muted">{_e(off_topic_said(entry))}</p>' if off_topic_said(entry) else "")
                     + (f'<p class="muted">{_e(unheard_said(entry))}</p>' if unheard_said(entry) else ""))
        parts.append(trend_svg(series, f"Score and length over the takes of {qid or 'no question'}")
                     or '<p class="muted">One take so far: the trend starts with the second.</p>')
        if best:
            text = " ".join(s["text"] for s in best.get("sentences", []))
            parts.append(f'<details><summary>The best take (take {entry["best_take_id"]})</summary><p>{_e(text)}</p>'
                         f'<p><strong>{"Still to change:" if step else "Every check passes."}</strong> '
                         f'{_e(step["tip"]) if step else ""}</p></details>')
    return page("rehearse: progress", "".join(parts))


def _answer_row(number: int, line: dict) -> str:
    missing = ", ".join(line["missing"]) or "-"
    if line["unsure"]:
        missing += f" (unsure: {', '.join(line['unsure'])})"
    i_ratio = "-" if line["action_i_ratio"] is None else f"{line['action_i_ratio']:.0%}"
    metrics = f"{line['metric_count']}" + (" (one in the Result)" if line["metric_in_result"] else "")
    fits = FITS_WORDS.get(line.get("fits"), ("-",))[0]
    cells = (number, line["question_id"] or "-", fits, int(line["score"]), clock(line["duration_s"]), missing, i_ratio,
             metrics)
    return "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in cells) + "</tr>"


def session_html(doc: dict) -> str:
    """The page of a mock interview: the summary (a row per answer, the follow-ups, the
    strongest and weakest answer, the trend, what to work on), then each answer's words."""
    doc = visible_strings(doc)
    session, summary = doc["session"], doc["summary"]
    lines = summary["answers"]
    title = f"Mock interview {session['id']}"
    parts = [f'<p class="muted">rehearse · {_e(when(session["created_at"]))} · {_e(session["ended"])} · '
             f'{len(lines)} of {len(session["questions"])} questions answered</p>', f"<h1>{_e(title)}</h1>"]
    left = unanswered(session, lines)
    if left:
        parts.append(f"<p>No answer kept for {_e(', '.join(left))} (not reached, nothing heard, or deleted since).</p>")
    if not lines:
        parts.append("<p>No answer was recorded in this session.</p>")
        return page(title, "".join(parts))
    parts.append('<div class="scroll"><table class="answers"><thead><tr><th>#</th><th>Question</th><th>Fits</th><th>Score</th><th>Length</th>'
                 '<th>Missing</th><th>"I" in Action</th><th>Metrics</th></tr></thead><tbody>'
                 + "".join(_answer_row(n, line) for n, line in enumerate(lines, 1)) + "</tbody></table></div>")
    follow_ups = [(line["question_id"], f) for line in lines for f in line["follow_ups"]]
    if follow_ups:
        items = "".join(
            f'<li><span class="status {"pass" if f["answered"] else "fail"}">{"Answered" if f["answered"] else "Not answered"}'
            f'</span> {_e(qid)}: <strong>{_e(f["question"])}</strong> {_e(f["judged"])}</li>' for qid, f in follow_ups)
        parts.append(f'<h2>Follow-ups</h2><ul class="checks">{items}</ul>')
    said = [f"{name}: {pick['question_id']} ({pick['score']})"
            for name, pick in (("Strongest", summary["strongest"]), ("Weakest", summary["weakest"])) if pick]
    parts.append("<h2>Across the session</h2>" + (f"<p>{_e(' · '.join(said))}</p>" if said else "")
                 + "".join(f"<p>{_e(sentence)}</p>" for sentence in summary["trend"]))
    if summary["work_on"]:
        items = "".join(f'<li><strong>{_e(name)}</strong> ({_e(cost)}): {_e(item["tip"])}</li>'
                        for item in summary["work_on"] for name, cost in [work_on_words(item)])
        parts.append(f"<h2>Work on, by the points it cost</h2><ol>{items}</ol>")
    for n, answer in enumerate(doc["answers"], 1):
        report = answer["report"]
        question = report.get("question") or {}
        words = "".join(f'<p><span class="part p-{_part(s["label"])}">{_e(s["label"][:1].upper())}</span> {_e(s["text"])}</p>'
                        for s in report.get("sentences", []))
        probes = "".join(f'<p><strong>{_e((f.get("follow_up") or {}).get("question", ""))}</strong> '
                         f'{_e((f.get("transcript") or {}).get("text", ""))}</p>' for f in answer["follow_ups"])
        parts.append(f'<details><summary>{n}. {_e(question.get("text", "No question"))}</summary>{words}{probes}</details>')
    return page(title, "".join(parts))
