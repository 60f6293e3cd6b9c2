"""One table of what a user choosing an engine and a model needs to know, measured here.

Usage: python -m benchmarks.table [--runs 5] [--guide 25] [--models tiny.en base]
                                  [--engines faster-whisper openai-whisper]

For each engine and model:
  x real time    transcription speed on the 85 s strong sample (median of --runs);
                 "vs faster" is openai-whisper's time over faster-whisper's, same run
  peak MB        peak memory of `rehearse analyze` on that sample (one process)
  WER samples    word error rate over the 4 shipped samples
  WER guide      over the guide's example answers spoken by piper
                 (scripts/make_guide_audio.py makes them; --guide N takes the first N)
  stop->report   `rehearse practice Q4 --replay samples/strong-q4.flac`: seconds from
                 the end of the replay to the report, median of --runs; with incremental
                 transcription at real speed, without it at 10x (nothing happens while
                 recording then, so the speed does not change the wait)
Then, once: STAR labeling and metric finding accuracy (eval/), `rehearse --help` start-up.
Everything runs with REHEARSE_HOME in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "strong-q4.flac"
SAMPLE_NAMES = ("strong-q4", "no-numbers-q7", "no-result-q13", "we-heavy-q20")

from eval.wer import wer, words_of

EXE = [sys.executable, "-m", "rehearse"]


def transcriber(engine: str, model: str):
    """A function audio -> words for this engine and model, with the model loaded."""
    from rehearse.transcription import transcribe

    if engine == "faster-whisper":
        from rehearse.transcription.models import resolve

        choice = resolve(model)
        transcribe.model_for(choice)
        return lambda audio: transcribe.transcribe_audio(audio, choice)[0]
    from rehearse.transcription import openai_engine

    _, target = openai_engine.checkpoint_for(model)
    openai_engine.load(target)
    return lambda audio: transcribe.transcribe_with_openai(audio, target)[0]


def corpus_wer(run, files: list[Path]) -> float:
    from rehearse.audio.files import load_audio

    errors = total = 0.0
    for path in files:
        reference = path.with_suffix(".txt").read_text(encoding="utf-8")
        n = len(words_of(reference))
        errors += wer(reference, " ".join(w.text for w in run(load_audio(path)))) * n
        total += n
    return errors / total


def speed(run, runs: int) -> float:
    from rehearse.audio.files import load_audio
    from rehearse.audio.signal import SAMPLE_RATE

    audio = load_audio(SAMPLE)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run(audio)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(audio) / SAMPLE_RATE


def peak_mb(engine: str, model: str) -> float:
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *EXE, "analyze", str(SAMPLE), "--no-save", "--json",
                          "--engine", engine, "--model", model], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(out.stdout.split()[-1]) / 1024


def stop_to_report(engine: str, model: str, incremental: bool, runs: int) -> float | None:
    waits = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "REHEARSE_HOME": home}
            args = [*EXE, "practice", "Q4", "--replay", str(SAMPLE), "--engine", engine, "--model", model,
                    "--incremental" if incremental else "--no-incremental"]
            if not incremental:
                args += ["--speed", "10"]
            subprocess.run(args, check=True, capture_output=True, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
            shown = subprocess.run([*EXE, "show", "1", "--json"], check=True, capture_output=True, text=True, env=env)
            report = json.loads(shown.stdout)
            assert report["recording"]["transcribed_while_recording"] is incremental
            waits.append(report["timings"]["stop_to_report_s"])
    return statistics.median(waits)


def startup(runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([*EXE, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def accuracy() -> tuple[str, str]:
    from eval import metrics_eval, star_eval

    from eval.star_data import load_all

    # The held-out set the shipped model never saw (`python -m eval.star_eval` gives
    # every set, the training ones cross-validated).
    answers = [a for a in load_all() if a.set == "heldout2"]
    scored = [star_eval.analyze(a) for a in answers]
    right = sum(g == p for s in scored for g, p in zip(s.gold, s.predicted))
    star = (f"STAR labels (held-out set 2): "
            f"{right / sum(len(s.gold) for s in scored):.1%} of words right over {len(answers)} answers")
    parts = []
    for name, path in metrics_eval.SETS.items():
        tp, fp, fn, _ = metrics_eval.count(metrics_eval.load(path))
        parts.append(f"{name} P {tp / max(tp + fp, 1):.1%} R {tp / max(tp + fn, 1):.1%}")
    return star, "metrics: " + "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--guide", type=int, default=25, help="how many of the guide's answers (0: none)")
    parser.add_argument("--models", nargs="+", default=["tiny.en", "base"])
    parser.add_argument("--engines", nargs="+", default=["faster-whisper", "openai-whisper"])
    args = parser.parse_args()
    home = tempfile.TemporaryDirectory(prefix="rehearse-bench-")
    os.environ["REHEARSE_HOME"] = home.name
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    guide_files = []
    if args.guide:
        from scripts import make_guide_audio

        guide_files = make_guide_audio.make(limit=args.guide)
    samples = [ROOT / "samples" / f"{n}.flac" for n in SAMPLE_NAMES]

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.processor() or 'cpu'}; "
          f"Python {platform.python_version()}; runs {args.runs}; guide answers {len(guide_files)}")
    header = ("engine", "model", "x real time", "vs faster", "peak MB", "WER samples", f"WER guide ({len(guide_files)})",
              "stop->report incremental", "stop->report after stop")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    faster_time: dict[str, float] = {}
    for model in args.models:
        for engine in args.engines:
            run = transcriber(engine, model)
            seconds, audio_s = speed(run, args.runs)
            if engine == "faster-whisper":
                faster_time[model] = seconds
            ratio = f"{seconds / faster_time[model]:.1f}x slower" if engine != "faster-whisper" and model in faster_time else "-"
            incremental = stop_to_report(engine, model, True, args.runs) if engine == "faster-whisper" else None
            row = (engine, model, f"{audio_s / seconds:.1f}", ratio, f"{peak_mb(engine, model):.0f}",
                   f"{corpus_wer(run, samples):.1%}", f"{corpus_wer(run, guide_files):.1%}" if guide_files else "-",
                   f"{incremental:.2f} s" if incremental is not None else "n/a",
                   f"{stop_to_report(engine, model, False, args.runs):.2f} s")
            print("| " + " | ".join(row) + " |", flush=True)
    star, metrics = accuracy()
    print(f"\n{star}\n{metrics}\n`rehearse --help` start-up: {startup(args.runs):.2f} s (median of {args.runs})")
    home.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
