"""The report: the JSON document of spec/report-v1.md (plus extra fields), built and
completed here and nowhere else.

`build_report` makes it from an analysis; the `add_*` and `mark_*` functions complete it as
the take goes on (timings, the recording, the previous take, the saved take's id). Every
other module reads it.

What the spec fixes (report version 1; ../shared/spec/report-v1.md is the contract):
- `schema_version` 1; `question` {id, text, category} or null; `source` {kind: audio|text, path};
  `duration_s` (audio length, null for text);
- `transcript` {text, engine, model, words [{text, start, end, probability}], settings,
  untranscribed [{start, end}], removed [{text, start, end, reason}]};
- `sentences` [{text, label: situation|task|action|result|other, start, end, cues}];
- `star` {present {part: bool}, missing [part], share {part: 0-1}, in_order};
- `length` {duration_s, estimated, word_count, wpm, target_s, verdict};
- `pronouns` {i, we, i_ratio}; `metrics` {count, items [{text, kind, sentence}], in_result};
- `checks` [{id, status: pass|warn|fail, message, tip, points, max_points}];
- `score` 0-100; `next_step` {check, tip} or null; `timings` {stage: seconds};
- `take` {id, saved} or null.
Additions, which readers may ignore: `sentences[].pace` (rush|drag|null), `star` {unsure [part], confidence {part: 0-1},
closest {part: {sentence, text, probability}}} (`missing` holds only the parts the answer
surely lacks; a part neither present nor missing is `unsure`), `pronouns.action` {i, we, i_ratio},
`pronouns.checked_i_ratio` (the share the "I" vs "we" check scores; null when it scores none), `telling_score`
(how well the story was told, whatever the question: `score` unless the story does not answer it), `delivery`, `skipped_checks`, `recording`,
`previous_take` {id, change (one line), same_story (whether that take told the same story)},
`audio_quality` {speech_dbfs, background_dbfs, snr_db, clipped_share, notes} or null,
`relevance` {question_id (the question asked), verdict: fits|unsure|off_topic, asks, score (the question's
cue points, not the report's score), evidence [{sentence, text}], closest [sentence, strongest first],
closest_text [those sentences' text], probability (the learned model's, 0-1; 0 for a few sentences, which
the cues alone judge), about {question_id, about, score, evidence, closest, closest_text, probability}
or null} or null (no question given), `example` {question_id, words, estimated_s, share {part: 0-1}, metrics,
metrics_in_result, notes [sentence]} or null (the guide's example answer beside this
take), `follow_ups` [{id: off_topic|specific|result|own_actions|number|baseline|lesson, question, because,
expects: story|specific|outcome|number|i|baseline|lesson}] (what an interviewer would ask next),
`follow_up` {of_take, id, question, expects, answered} (only in the report of a spoken
answer to a follow-up: its checks are the follow_up check and the delivery checks, and its
score is 100 when it answers the probe, else 0), and
`warnings` [{kind: untranscribed|removed|unsure_words|recording|encoding|unpunctuated, message, start?, end?}].
"""

from __future__ import annotations

from rehearse.analysis.answer import Analysis
from rehearse.analysis.delivery import PACE_FAST_ABOVE, PACE_SLOW_BELOW
from rehearse.analysis.length import TARGET_S, clock
from rehearse.analysis.metrics import said_once
from rehearse.analysis.sentences import ends_sentence, sentence_of_words, unpunctuated
from rehearse.analysis.transcript import Transcript, unsure_words
from rehearse.checks import skipped_checks
from rehearse.checks.base import CheckResult, quote
from rehearse.checks.followups import follow_ups
from rehearse.checks.score import next_step, score, telling_score
from rehearse.checks.i_vs_we import checked_ratio
from rehearse.checks.story import too_few, too_little
from rehearse.prompts import Question

SCHEMA_VERSION = 1
MAX_REMOVED_SHOWN = 5
REMOVED_CHARS = 40  # of each word left out, quoted


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def build_report(
    analysis: Analysis,
    results: list[CheckResult],
    *,
    question: Question | None,
    source_path: str,
    timings: dict[str, float] | None = None,
) -> dict:
    transcript = analysis.transcript
    length = analysis.length
    step = next_step(results)
    unheard = not_made_out(transcript)
    stretched = {st.sentence: st.kind for st in analysis.delivery.stretches}
    report = {
        "schema_version": SCHEMA_VERSION,
        "question": None if question is None else {"id": question.id, "text": question.text, "category": question.category},
        "source": {"kind": transcript.kind, "path": source_path},
        "duration_s": _round(transcript.audio_duration_s),
        "transcript": {
            "text": transcript.text,
            "engine": transcript.engine,
            "model": transcript.model,
            "words": [_word(w) for w in transcript.words] if transcript.timed else [],
            "settings": transcript.settings,
            "untranscribed": [{"start": a, "end": b} for a, b in transcript.untranscribed],
            "removed": [{"text": r.text, "start": r.start, "end": r.end, "reason": r.reason} for r in transcript.removed],
        },
        "audio_quality": transcript.audio_quality or None,
        "warnings": transcript_warnings(transcript),
        "sentences": [
            {
                "text": s.text,
                "label": lab.label,
                "start": _round(s.start),
                "end": _round(s.end),
                "cues": list(lab.cues),
                # Addition: a sentence spoken much faster or slower than the rest ("rush" or "drag").
                "pace": stretched.get(s.index),
            }
            for s, lab in zip(analysis.sentences, analysis.labels)
        ],
        "star": {
            "present": analysis.star.present,
            "missing": analysis.star.missing,
            "share": analysis.star.share,
            "in_order": analysis.star.in_order,
            # Additions: how sure the labeler is that the answer has each part, the parts
            # it may have but does not say plainly, and each part's likeliest sentence.
            "unsure": analysis.star.unsure,
            "confidence": analysis.star.confidence,
            "closest": {
                part: {"sentence": index, "text": analysis.sentences[index].text, "probability": probability}
                for part, (index, probability) in analysis.star.closest.items()
            },
        },
        "length": {
            "duration_s": length.duration_s,
            "estimated": length.estimated,
            "word_count": length.word_count,
            "wpm": length.wpm,
            "target_s": TARGET_S,
            "verdict": length.verdict,
        },
        "pronouns": {
            "i": analysis.pronouns.i,
            "we": analysis.pronouns.we,
            "i_ratio": _round(analysis.pronouns.i_ratio, 3),
            # Addition: the same count in the Action sentences, which the check uses.
            "action": {
                "i": analysis.action_pronouns.i,
                "we": analysis.action_pronouns.we,
                "i_ratio": _round(analysis.action_pronouns.i_ratio, 3),
            },
            # Addition: the share the "I" vs "we" check scores (the Action's, or the whole
            # answer's when no action says either); null when it scores none (no step of
            # one's own told, too little told, steps said as advice).
            "checked_i_ratio": _round(checked_ratio(analysis), 3),
        },
        "metrics": {
            # Each measure once, as the check and the history count them (the JSON said 8
            # where the terminal and `history` said 7: a tryout's).
            "count": len(said_once(m.metric.text for m in analysis.metrics)),
            "items": [{"text": m.metric.text, "kind": m.metric.kind, "sentence": m.sentence} for m in analysis.metrics],
            "in_result": analysis.metrics_in_result,
        },
        "checks": [
            {"id": r.id, "status": r.status, "message": r.message, "tip": r.tip,
             "points": r.points, "max_points": r.max_points}
            for r in results
        ],
        "delivery": delivery_report(analysis),
        "relevance": relevance_report(analysis),
        # (Nor set beside the guide's example: "you spent 0% on the Action" of words unheard.)
        # (Nor an answer too short to be a story: "you spent 100% on the Action" of "I don't
        # know, sorry."; a tryout's.)
        "example": None if question is None or unheard or too_little(analysis) else example_report(question.id, analysis),
        # (None asked of words that may never have been said.)
        "follow_ups": [] if unheard else
        [{"id": f.id, "question": f.question, "because": f.because, "expects": f.expects}
         for f in follow_ups(analysis, results)],
        "skipped_checks": [
            {"id": check_id, "reason": "needs audio: a typed answer has no timing"} for check_id in skipped_checks(analysis)
        ],
        "score": score(results),
        # How well the story was told, whatever the question (the score unless the story
        # does not answer it; an addition to report version 1).
        "telling_score": telling_score(results),
        # (Addition: "transcript" when the recording was not made out, report.not_made_out.)
        "next_step": {"check": "transcript", "tip": UNHEARD_TIP} if unheard
        else None if step is None else {"check": step.id, "tip": step.tip},
        "timings": {},
        "take": None,
    }
    add_timings(report, timings or {})
    return report


def example_report(question_id: str, analysis: Analysis) -> dict:
    """The guide's example for the question, measured as an answer, and what differs most
    between it and this take."""
    from rehearse.analysis.example import comparison, example_figures

    example = example_figures(question_id)
    return {
        "question_id": question_id, "words": example.words, "estimated_s": example.estimated_s,
        "share": example.share, "metrics": example.metrics, "metrics_in_result": example.metrics_in_result,
        "notes": comparison(example, analysis.star.share, analysis.length.duration_s, len(analysis.metrics)),
    }


def relevance_report(analysis: Analysis) -> dict | None:
    """How the story fits the question (null without a question): the verdict, what the
    question asks about, the words that show it (each with its sentence), and when it
    does not fit, the question it fits best with its words."""
    relevance = analysis.relevance
    if relevance is None:
        return None
    from rehearse.analysis.relevance import COMPETENCIES

    def words(evidence) -> list[dict]:
        return [{"sentence": index, "text": text} for index, text in evidence.words]

    def texts(indexes) -> list[str]:
        return [analysis.sentences[i].text for i in indexes]

    about = relevance.about
    return {
        "question_id": relevance.question_id,
        "verdict": relevance.verdict,
        "asks": relevance.competency.asks,
        "score": relevance.asked.score,
        "evidence": words(relevance.asked),
        "closest": list(relevance.closest),
        "closest_text": texts(relevance.closest),
        "probability": relevance.probability,
        "about": None if about is None else {
            "question_id": about.question_id, "about": COMPETENCIES[about.question_id].about,
            "score": about.score, "evidence": words(about), "closest": list(relevance.about_closest),
            "closest_text": texts(relevance.about_closest), "probability": relevance.about_probability},
    }


def _word(w) -> dict:
    word = {"text": w.text, "start": _round(w.start), "end": _round(w.end)}
    if w.probability is not None:
        word["probability"] = _round(w.probability)
    return word


# An answer this long with no sentence end at all is not one long sentence.
UNPUNCTUATED_FROM_WORDS = 40
# A recording with at least this many words, this share of them unsure, gets a note.
UNSURE_NOTE_FROM_WORDS = 40
UNSURE_NOTE_SHARE = 0.12
# ... and at this share, the words were not made out: every finding may be about words that
# were never said, so the one thing to change is the recording. The tryouts' synthetic
# voices that Whisper understood came out 13-26% unsure (word error rate 13-28%); a heavily
# accented one it turned to nonsense ("It was very non-wheat, therefore cleaved") 46%, and
# the take was told to "add the action" to an answer that had one.
UNHEARD_SHARE = 0.35


def _unsure_share_at_least(transcript: Transcript, share: float) -> bool:
    """A recording of UNSURE_NOTE_FROM_WORDS words or more, `share` of them unsure or more."""
    heard = len(transcript.words)
    return transcript.timed and heard >= UNSURE_NOTE_FROM_WORDS and unsure_words(transcript.words) >= share * heard


# ... or when most of the speech has no words at all: a tryout's take in a heavy accent kept
# 14 words of 57 s (51 s "speech we could not transcribe", 550 invented words taken out) and
# was scored 42 and told to "say more". Only from this much left out: a dropped stretch of a
# long answer is warned of, and the rest still holds.
UNTRANSCRIBED_FROM_S = 10.0


def untranscribed_seconds(transcript: Transcript) -> float:
    """How much of a recording's speech has no words (transcript.untranscribed)."""
    return sum(b - a for a, b in transcript.untranscribed)


def untranscribed_share(transcript: Transcript) -> float:
    """The share of a recording's speech that has no words."""
    lost = untranscribed_seconds(transcript)
    if not transcript.timed or lost < UNTRANSCRIBED_FROM_S:
        return 0.0
    speech = sum(b - a for a, b in transcript.voiced) or (transcript.audio_duration_s or 0.0)
    return min(1.0, lost / max(speech, lost))


def not_made_out(transcript: Transcript) -> bool:
    """Whether Whisper was unsure of so many of a recording's words, or heard words in so
    little of its speech, that no finding holds."""
    return _unsure_share_at_least(transcript, UNHEARD_SHARE) or untranscribed_share(transcript) >= 0.5


UNHEARD_TIP = ("Record it again so the words can be heard: in a quiet room, the microphone close, a little slower. "
               "Whisper could not hear most of the words clearly, so this feedback may be about words you never said.")
UNHEARD_SCORE_SAID = " (Whisper could not hear most words clearly: this score may be wrong)"


def transcript_warnings(transcript: Transcript) -> list[dict]:
    """What a person should know before trusting the feedback on this recording: speech
    that could not be transcribed (left out of every figure), words taken out as
    invented, and a poor recording. Each says what to do."""
    warnings = [
        {"kind": "untranscribed", "start": a, "end": b,
         "message": f"{clock(a)}-{clock(b)}: speech we could not transcribe; the feedback below leaves it out "
                    "(listen back, and record again if it mattered)"}
        for a, b in transcript.untranscribed
    ]
    # Full stops Whisper wrote as words of their own are no words to warn of (a tryout was
    # shown '".", ".", "."' as words left out).
    removed = [r for r in transcript.removed if any(c.isalnum() for c in r.text)]
    if removed:
        # (A loop inside one word can be hundreds of characters long.)
        said = ", ".join(f'"{quote(r.text, REMOVED_CHARS)}"' for r in removed[:MAX_REMOVED_SHOWN])
        more = f" and {len(removed) - MAX_REMOVED_SHOWN} more" if len(removed) > MAX_REMOVED_SHOWN else ""
        warnings.append({"kind": "removed", "message": f"{len(removed)} word(s) Whisper wrote with no speech "
                         f"under them, in a loop, or a second time over other speech, were left out: {said}{more}"})
    # Many words Whisper was unsure of: the transcript, and every finding read from it, may
    # be wrong where it matters (a tryout's misheard "from 600 to 100" counted as the
    # result's measure, with no word of warning). On the real voices' 1-3 minute recordings
    # (phone calls, cached by scripts.real_speech) 4.6-5.6% of the words are unsure and the
    # word error rate is 1-6%; on the tryouts' synthetic voices at 13-26% unsure it was 13-28%.
    unsure, heard = unsure_words(transcript.words), len(transcript.words)
    bigger = " Or try a larger model (`rehearse models`)." if (transcript.model or "").startswith("tiny") else ""
    if untranscribed_share(transcript) >= 0.5:
        lost = untranscribed_seconds(transcript)
        warnings.append({"kind": "untranscribed_most", "message": f"Whisper could not transcribe {lost:.0f} s of this "
                         f"{transcript.audio_duration_s or lost:.0f} s recording: it could not hear most of it clearly, "
                         "so the findings below are about a few words "
                         "and may be wrong. Listen back, and record it again in a quiet room, the microphone close, a "
                         f"little slower.{bigger}"})
    elif not_made_out(transcript):
        warnings.append({"kind": "unsure_words", "message": f"Whisper was unsure of {unsure} of the {heard} words "
                         f"({unsure / heard:.0%}; dim in the transcript): it could not hear most of this recording clearly, "
                         "so the findings below may be about words you never said. Listen back, and record it again "
                         f"in a quiet room, the microphone close, a little slower.{bigger}"})
    elif _unsure_share_at_least(transcript, UNSURE_NOTE_SHARE):
        bigger = ", or a larger model (`rehearse models`)," if (transcript.model or "").startswith("tiny") else ""
        warnings.append({"kind": "unsure_words", "message": f"Whisper was unsure of {unsure} of the {heard} words "
                         f"({unsure / heard:.0%}; dim in the transcript): a name or a number may be misheard, and the "
                         f"feedback with it. Check the transcript; a quieter room, the microphone closer{bigger} "
                         "may help"})
    warnings += [{"kind": "recording", "message": note} for note in (transcript.audio_quality or {}).get("notes", [])]
    if transcript.settings.get("bytes_replaced"):
        warnings.append({"kind": "encoding", "message": f"{transcript.settings['bytes_replaced']} byte(s) of the file are "
                         "not UTF-8 and show as \ufffd below; if a word there mattered, fix it and save the file as UTF-8"})
    if transcript.settings.get("encoding") == "windows-1250":
        warnings.append({"kind": "encoding", "message": "the file is not UTF-8: it was read as Windows-1250 (what Word "
                         "and Notepad save as \"ANSI\" on Central European Windows); if a letter looks wrong below, "
                         "save it as UTF-8"})
    if transcript.settings.get("encoding") == "windows-1252":
        warnings.append({"kind": "encoding", "message": "the file is not UTF-8: it was read as Windows-1252 (what Word "
                         "and Notepad save as \"ANSI\"); if a quote or a £ looks wrong below, save it as UTF-8"})
    # Typed text with no sentence end (a typed answer gets one after its last word): the STAR
    # parts are found sentence by sentence, so its labels are guesses over made-up breaks.
    if transcript.kind == "text" and len(transcript.words) >= UNPUNCTUATED_FROM_WORDS and not any(
            ends_sentence(w) for w in transcript.words[:-1]):
        warnings.append({"kind": "unpunctuated", "message": "the answer has no sentence ends (. ? !); the STAR parts "
                         "are found sentence by sentence, so add them and analyze it again"})
    # A recording Whisper wrote with (almost) no sentence ends, even when decoded again with
    # the question as its prompt (transcription.transcribe) or heard in practice's chunks,
    # which are not: its sentences were cut at the pauses instead, which may not be where
    # one part ends and the next starts.
    elif transcript.kind != "text" and unpunctuated(list(transcript.words)):
        warnings.append({"kind": "unpunctuated", "message": "Whisper wrote few sentence ends (. ? !) for this "
                         "recording, so its sentences were cut at your pauses and a STAR label may take in its "
                         "neighbour's words: check the labels against the transcript, and pause a moment between "
                         "sentences next time"})
    return warnings


def add_timings(report: dict, timings: dict[str, float]) -> None:
    """Stage timings in seconds, rounded as every timing in the report is."""
    report["timings"].update({k: round(v, 3) for k, v in timings.items()})


def add_recording(report: dict, recording, *, transcribed_while_recording: bool, now: float) -> None:
    """How a practice take was recorded (an audio.recorder.Recording), and the wait from the
    stop to the report being ready (`now` and the recording's `stopped_at` are time.monotonic())."""
    add_timings(report, {"stop_to_report_s": now - recording.stopped_at})
    report["recording"] = {
        "path": str(recording.path), "samplerate": recording.samplerate, "seconds": round(recording.seconds, 2),
        "stopped_by": recording.stopped_by, "overflows": recording.overflows, "source": recording.source,
        "transcribed_while_recording": transcribed_while_recording,
    }


def make_follow_up(report: dict, follow_up: dict, of_take: int | None) -> None:
    """Turn a report into the report of a spoken answer to a follow-up question: it is
    judged by its first check (checks.followups.judge_follow_up), so its score is 100 when
    it answers the probe and 0 when it does not, and it asks no follow-ups of its own."""
    judged = report["checks"][0]
    answered = judged["status"] == "pass"
    report["follow_up"] = {"of_take": of_take, "id": follow_up["id"], "question": follow_up["question"],
                           "expects": follow_up["expects"], "answered": answered}
    report["score"] = report["telling_score"] = 100 if answered else 0
    report["follow_ups"] = []
    report["example"] = None
    report["next_step"] = None if answered else {"check": judged["id"], "tip": judged["tip"]}


def add_previous_take(report: dict, take_id: int, change: str, same_story: bool) -> None:
    """What changed since the previous take of the same question, in one line, and whether
    that take told the same story."""
    report["previous_take"] = {"id": take_id, "change": change, "same_story": same_story}


def mark_saved(report: dict, take_id: int | None) -> None:
    """The take this report was saved as (None: not saved, or the save was rolled back)."""
    report["take"] = None if take_id is None else {"id": take_id, "saved": True}


def mark_same_recording(report: dict, take_id: int) -> None:
    """Not saved: take `take_id` already holds this very recording of the question."""
    report["take"] = {"id": take_id, "saved": False, "same_recording": True}


def kept_as(report: dict) -> str:
    """Where this report is kept, as the terminal and the HTML page say it: a take, or none
    because take N already holds this very file ("" when this run saved nothing)."""
    take = report.get("take") or {}
    if take.get("same_recording"):
        return (f"not saved again: take {take['id']} holds this same file (`rehearse delete {take['id']}` "
                "first to save it anew)")
    return f"saved as take {take['id']}" if take.get("saved") else ""


def saved_take(report: dict) -> int | None:
    """The id of the take this report was saved as, None when this run saved nothing."""
    take = report.get("take") or {}
    return take.get("id") if take.get("saved") else None


def question_of(report: dict) -> str | None:
    return (report.get("question") or {}).get("id")


def off_topic(report: dict) -> bool:
    """Whether the relevance check found the story does not answer its question (the
    history's SQL reads the same field: store.OFF_TOPIC)."""
    return (report.get("relevance") or {}).get("verdict") == "off_topic"


def fit_unsure(report: dict) -> bool:
    """Whether the relevance check could not tell if the story answers its question: the
    score is then only its telling's (a teacher's story about a parent, told for "feedback
    to someone more senior", showed a plain "Score 100/100" beside the warning)."""
    # (Not of an answer too short to be a story: "I don't know, sorry." read "Score 30/100
    # if the story answers this question"; a tryout's.)
    return (report.get("relevance") or {}).get("verdict") == "unsure" and not too_few(
        len(report.get("sentences") or []), (report.get("length") or {}).get("word_count") or 0)


UNSURE_SCORE_SAID = " if the story answers this question"


def made_out(report: dict) -> bool:
    """Whether the report's words were made out (see not_made_out): its next step says so."""
    return (report.get("next_step") or {}).get("check") != "transcript"


def delivery_report(analysis: Analysis) -> dict:
    """How the answer was said (an addition to report version 1)."""
    d = analysis.delivery
    sentence_of = sentence_of_words(analysis.sentences)
    words = analysis.transcript.words
    placed = {f.word: f for f in d.filled_pauses}

    def where(first: int) -> dict:
        out = {"sentence": sentence_of[first], "word": first}
        if d.timed:
            f = placed.get(first)
            out["start"] = _round(f.start if f else words[first].start)
        return out

    return {
        "timed": d.timed,
        "pace": {
            "wpm": d.wpm,
            "verdict": d.pace_verdict,
            "band": [PACE_SLOW_BELOW, PACE_FAST_ABOVE],
            "sections": {label: {"start": p.start, "end": p.end, "share": analysis.star.share.get(label), "wpm": p.wpm}
                         for label, p in d.sections.items()},
            "stretches": [{"sentence": s.sentence, "wpm": s.wpm, "kind": s.kind} for s in d.stretches],
        },
        "pauses": {
            "count": len(d.pauses),
            "short_count": len(d.pauses) - len(d.long_pauses),
            "long": [{"start": p.start, "end": p.end, "seconds": p.seconds, "sentence": sentence_of[p.after_word],
                      "after_word": p.after_word}
                     for p in d.long_pauses],
            "start_silence_s": d.start_silence_s,
        } if d.timed else None,
        "fillers": {
            "count": len(d.fillers),
            "per_minute": d.fillers_per_minute,
            "items": [{"text": m.text, "kind": m.kind, **where(m.first)} for m in d.fillers],
        },
        "hedges": {
            "count": len(d.hedges),
            "items": [{"text": m.text, **where(m.first), "label": analysis.labels[sentence_of[m.first]].label} for m in d.hedges],
        },
        "repetitions": {
            "count": len(d.repetitions),
            "items": [{"text": m.text, **where(m.first)} for m in d.repetitions],
        },
    }
