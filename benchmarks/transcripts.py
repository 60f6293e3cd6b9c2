"""How far the transcript can be trusted: real voices, real rooms, the same audio twice.

Usage: python -m benchmarks.transcripts [--split dev|heldout|all] [--sources phone,monologue,...]
                                         [--variants clean,pink-10,...] [--runs N] [--json FILE]
                                         [--model base]

Sources: the real recordings of scripts/real_speech.py (fetched and cached on first use:
phone, monologue, clip, librivox) and our own synthetic samples (samples/*.flac). Each
file is degraded as benchmarks/degrade.py says and transcribed the way `rehearse analyze`
does (transcription.transcribe.transcribe_file). Per source and variant:

  WER        word error rate without filled pauses (eval/wer.py: numbers as digits)
  fill R/P   filled pauses (um, uh) found where the reference has them / written ones that are right
  dropped    stretches of 1.5 s or more of speech (on the clean audio) with no word and no
             warning; `warned` are those the transcript reports as untranscribed
  after-end  words after the last real word (padded variants: 20 s without speech)
  removed    words the transcript says it removed as invented
  refused    files rehearse refused as not English speech (all their words count as deleted)
  differ     files whose words differ between --runs runs (same process, same audio)
  feedback   samples only: files whose STAR missing parts, check verdicts or metrics
             count differ from the clean file's
  ends       sentence ends written (. ? !), as a share of the reference's
  x RT       transcription time as a share of the audio's length

--split heldout scores files set aside before the transcription was changed (see
scripts/real_speech.py): run it once, at the end of a change.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import soundfile as sf

from benchmarks.degrade import PADDED, VARIANTS, degrade
from eval.wer import errors, fillers
from rehearse.analysis.transcript import Transcript
from rehearse.audio.files import load_audio
from rehearse.errors import RehearseError
from rehearse.audio.signal import SAMPLE_RATE, voiced_spans
from scripts.real_speech import ensure

ROOT = Path(__file__).resolve().parent.parent
MIN_DROPPED_S = 1.5
WORD_REACH_S = 0.3  # a word's timing is approximate: sound this close to a word is its own
REGION_GAP_S = 0.5


def sample_files() -> list[dict]:
    return [{"name": p.stem, "path": p, "reference": p.with_suffix(".txt").read_text(), "source": "samples",
             "split": "dev", "question": "Q" + p.stem.rsplit("-q", 1)[1]}
            for p in sorted((ROOT / "samples").glob("*.flac"))]


def real_files() -> list[dict]:
    folder, manifest = ensure()
    return [{**m, "path": folder / f"{m['name']}.wav", "reference": (folder / f"{m['name']}.txt").read_text()}
            for m in manifest]


def dropped_stretches(clean_audio: np.ndarray, words, warned=()) -> tuple[list, list]:
    """Stretches of speech (by the clean audio's sound) of MIN_DROPPED_S or more that no
    word reaches; split into those the transcript warned about and those it did not.
    Judged apart from rehearse's own test (transcription.repair.uncovered, on Silero over
    the degraded audio), on purpose: a benchmark that shared it would share its blind spots."""
    covered = sorted((w.start - WORD_REACH_S, w.end + WORD_REACH_S) for w in words)
    uncovered: list[list[float]] = []
    for a, b in voiced_spans(clean_audio):
        pieces = [[a, b]]
        for c0, c1 in covered:
            pieces = [q for p in pieces for q in ([p[0], min(p[1], c0)], [max(p[0], c1), p[1]]) if q[1] > q[0]]
        for p in pieces:
            # Pauses between sentences do not end a stretch; a word in between would
            # leave a wider gap than this (it reaches WORD_REACH_S on both sides).
            if uncovered and p[0] - uncovered[-1][1] < REGION_GAP_S:
                uncovered[-1][1] = p[1]
            else:
                uncovered.append(p)
    long = [(round(a, 2), round(b, 2)) for a, b in uncovered if b - a >= MIN_DROPPED_S]
    told = [s for s in long if any(w0 < s[1] and s[0] < w1 for w0, w1 in warned)]
    return [s for s in long if s not in told], told


def feedback_of(transcript, question: str) -> tuple:
    """What a person would read as the verdict: STAR gaps, order, each check's status, metrics."""
    from rehearse import prompts
    from rehearse.pipeline import report_for

    report = report_for(transcript, prompts.question(question), Path("answer.wav"), {}, time.perf_counter())
    return (tuple(report["star"]["missing"]), report["star"]["in_order"],
            tuple((c["id"], c["status"]) for c in report["checks"]), report["metrics"].get("count"))


def transcribe(audio: np.ndarray, folder: Path, model: str | None = None, asked: str | None = None):
    from rehearse.transcription.transcribe import transcribe_file

    path = folder / "answer.wav"
    sf.write(path, audio, SAMPLE_RATE, subtype="FLOAT")
    transcript, timings = transcribe_file(path, model_name=model, asked=asked)
    # The model is loaded once per process: its loading is not the transcription's cost.
    return transcript, timings["decode_s"] + timings["transcribe_s"]


def asked_for(f: dict, index: int, mode: str) -> str | None:
    """The question a file is transcribed as answering: none (`--asked none`, as `analyze`
    without -q), or a sample's own question and, for the real recordings, which answer
    none of the guide's questions, the guide's questions in turn (`--asked question`): what
    a question prompt does to speech that does not follow from it."""
    if mode == "none":
        return None
    from rehearse import prompts

    questions = prompts.questions()
    return prompts.question(f["question"]).text if f.get("question") else questions[index % len(questions)].text


def run(files: list[dict], variants: list[str], runs: int, model: str | None = None, asked: str = "none") -> dict:
    totals: dict = defaultdict(lambda: defaultdict(float))
    details = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, f in enumerate(files):
            clean = load_audio(Path(f["path"]))
            last_voiced = (voiced_spans(clean) or ((0.0, 0.0),))[-1][1]
            base_feedback = None
            for variant in variants:
                audio = degrade(clean, variant)
                texts, seconds, first = [], [], None
                for _ in range(runs):
                    try:
                        transcript, took = transcribe(audio, Path(tmp), model, asked_for(f, index, asked))
                    except RehearseError as exc:
                        # Refused as not English speech: every word of it is lost.
                        transcript, took = Transcript(words=(), kind="audio", settings={"refused": str(exc)}), 0.0
                    texts.append([w.text for w in transcript.words])
                    seconds.append(took)
                    first = first or transcript
                transcript = first  # every figure of a row comes from the first run
                hyp = " ".join(texts[0])
                e = errors(f["reference"], hyp)
                fl = fillers(f["reference"], hyp)
                warned = getattr(transcript, "untranscribed", ())
                dropped, told = dropped_stretches(clean, transcript.words, warned)
                after = [w.text for w in transcript.words if variant in PADDED and w.start > last_voiced + WORD_REACH_S]
                t = totals[(f["source"], variant)]
                for k, v in {**e, **{f"fill_{k}": v for k, v in fl.items()}}.items():
                    t[k] += v
                t["files"] += 1
                # Full stops, question and exclamation marks, against the reference's: a
                # transcript without them runs its sentences together for the STAR labeler.
                t["ends"] += sum(w.endswith((".", "?", "!")) for w in texts[0])
                t["ref_ends"] += sum(w.endswith((".", "?", "!")) for w in f["reference"].split())
                t["refused"] += "refused" in transcript.settings
                t["dropped"] += len(dropped)
                t["dropped_s"] += sum(b - a for a, b in dropped)
                t["warned"] += len(told)
                t["after_end"] += len(after)
                t["removed"] += len(getattr(transcript, "removed", ()))
                t["differ"] += any(x != texts[0] for x in texts[1:])
                t["audio_s"] += len(audio) / SAMPLE_RATE
                t["seconds"] += float(np.median(seconds))
                if f.get("question"):
                    feedback = feedback_of(transcript, f["question"])
                    base_feedback = feedback if variant == "clean" else base_feedback
                    t["feedback_changed"] += base_feedback is not None and feedback != base_feedback
                details.append({"file": f["name"], "source": f["source"], "split": f["split"], "variant": variant,
                                "errors": e, "fillers": fl, "dropped": dropped, "warned": told, "after_end": after,
                                "differ": any(x != texts[0] for x in texts[1:]), "hypothesis": hyp,
                                "removed": [(r.text, r.start, r.reason) for r in getattr(transcript, "removed", ())]})
    return {"totals": {f"{s}/{v}": dict(t) for (s, v), t in totals.items()}, "details": details}


def table(totals: dict) -> str:
    head = f"{'source/variant':24} {'files':>5} {'WER':>6} {'fill R':>7} {'fill P':>7} {'dropped':>8} {'warned':>6} " \
           f"{'after-end':>9} {'removed':>7} {'refused':>7} {'differ':>6} {'feedback':>8} {'ends':>5} {'x RT':>6}"
    lines = [head, "-" * len(head)]
    for key, t in totals.items():
        wer = (t["sub"] + t["del"] + t["ins"]) / max(t["words"], 1)
        recall = f"{t['fill_found'] / t['fill_true']:.0%}" if t["fill_true"] else "-"
        precision = f"{t['fill_found'] / t['fill_written']:.0%}" if t["fill_written"] else "-"
        dropped = f"{int(t['dropped'])} ({t['dropped_s']:.0f}s)" if t["dropped"] else "0"
        feedback = str(int(t["feedback_changed"])) if "feedback_changed" in t else "-"
        ends = f"{t['ends'] / t['ref_ends']:.0%}" if t.get("ref_ends") else "-"
        lines.append(f"{key:24} {int(t['files']):5} {wer:6.1%} {recall:>7} {precision:>7} {dropped:>8} {int(t['warned']):6} "
                     f"{int(t['after_end']):9} {int(t['removed']):7} {int(t['refused']):7} {int(t['differ']):6} {feedback:>8} "
                     f"{ends:>5} {t['seconds'] / t['audio_s']:6.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--sources", default="samples,phone,monologue,clip,librivox")
    parser.add_argument("--variants", default="clean", help=f"comma-separated, or 'all': {', '.join(VARIANTS)}")
    parser.add_argument("--runs", type=int, default=1, help="transcribe each file this many times (repeatability)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many files per source")
    parser.add_argument("--json", type=Path, help="also write every file's figures and transcript here")
    parser.add_argument("--model", help="an installed model other than the default (tiny.en), e.g. base")
    parser.add_argument("--asked", choices=["question", "none"], default="none",
                        help="none (default), as analyze without -q; or the question answered (samples: their own; "
                             "real recordings: the guide's in turn), as analyze -q and practice give it")
    args = parser.parse_args()
    sources = args.sources.split(",")
    variants = list(VARIANTS) if args.variants == "all" else args.variants.split(",")
    files = (sample_files() if "samples" in sources else []) + \
        ([f for f in real_files() if f["source"] in sources] if set(sources) - {"samples"} else [])
    files = [f for f in files if args.split == "all" or f["split"] == args.split]
    if args.limit:
        kept: dict = defaultdict(list)
        files = [f for f in files if len(kept[f["source"]]) < args.limit and not kept[f["source"]].append(f)]
    result = run(files, variants, args.runs, args.model, args.asked)
    print(table(result["totals"]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
