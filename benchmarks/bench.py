"""Measure rehearse's speed on this machine. Medians of several runs, not timed tests.

Usage: python -m benchmarks.bench [--runs N] [--long] [--base]

  start-up      `rehearse --help` and `rehearse questions`, process start to exit
  analyze       `rehearse analyze samples/strong-q4.flac`, process start to report
  transcription real-time factor of tiny.en (beam 1, the default, and beam 5) and,
                with --base, of base; word error rate against the sample's text
  labeling      STAR labeling of a 3-minute answer
  --long        a 20-minute recording (the strong sample 14 times): time and peak memory
  --history N   N saved takes (default 300): time per save, `history`, `progress` and
                `show` on that history, and the database size per take

Every command runs with REHEARSE_HOME set to a temporary folder, so nothing is added to
your own history.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "strong-q4.flac"

from eval.wer import wer


def timed_command(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT, env=os.environ)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def paired_analyze(other: Path, runs: int) -> tuple[float, float]:
    """`rehearse analyze` of the strong sample from this checkout and from `other` (a
    checkout of another revision, e.g. `git worktree add /tmp/base REV`), taking turns
    so both see the same machine load: the medians, this one's first."""
    here, there = [], []
    for _ in range(runs):
        for checkout, times in ((ROOT, here), (other, there)):
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "rehearse", "analyze", str(SAMPLE), "-q", "Q4"],
                           check=True, capture_output=True, cwd=checkout, env=env)
            times.append(time.perf_counter() - t0)
    return statistics.median(here), statistics.median(there)


def transcription(model_name: str, beam: int, runs: int) -> dict:
    from rehearse.audio.files import load_audio
    from rehearse.audio.signal import SAMPLE_RATE
    from rehearse.transcription import transcribe
    from rehearse.transcription.models import resolve

    audio = load_audio(SAMPLE)
    choice = resolve(model_name)
    transcribe.model_for(choice)
    times, words = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        words, _ = transcribe.transcribe_audio(audio, choice, beam_size=beam)
        times.append(time.perf_counter() - t0)
    seconds = len(audio) / SAMPLE_RATE
    reference = (ROOT / "samples" / "strong-q4.txt").read_text()
    median = statistics.median(times)
    return {"model": model_name, "beam": beam, "audio_s": round(seconds, 1), "median_s": round(median, 2),
            "x_real_time": round(seconds / median, 1), "wer": round(wer(reference, " ".join(w.text for w in words)), 3)}


def labeling_ms() -> float:
    from eval import star_eval

    return star_eval.labeling_ms(star_eval.three_minute_answer(star_eval.load_spoken()))


def long_recording() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        long_file = Path(tmp) / "long.flac"
        subprocess.run(["sox", *[str(SAMPLE)] * 14, str(long_file)], check=True)
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "rehearse", "analyze", str(long_file), "--json"],
                             check=True, capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        report = json.loads(out.stdout)
    return {"audio_min": round(report["duration_s"] / 60, 1), "seconds": round(elapsed, 1),
            "peak_rss_mb": round(peak_mb), "words": report["length"]["word_count"],
            "verdict": report["length"]["verdict"]}


def history_figures(n: int, runs: int) -> dict:
    """Save n real takes (one transcribed report, saved n times with its audio) and time the
    commands that read them. REHEARSE_HOME is already a temporary folder here."""
    from rehearse.history.store import History, db_path
    from rehearse.pipeline import analyze_path, keep_take

    report = analyze_path(SAMPLE, question_id="Q4")
    saves = []
    with History() as store:
        for i in range(n):
            report.pop("previous_take", None)
            report["question"]["id"] = f"Q{1 + i % 25}"
            t0 = time.perf_counter()
            keep_take(store, report, SAMPLE)
            saves.append(time.perf_counter() - t0)
    exe = [sys.executable, "-m", "rehearse"]
    db = db_path()
    size = db.stat().st_size + sum(p.stat().st_size for p in db.parent.glob(db.name + "-wal"))
    return {
        "takes": n,
        "save_ms": round(statistics.median(saves) * 1000, 1),
        "history_s": round(timed_command([*exe, "history"], runs), 2),
        "progress_s": round(timed_command([*exe, "progress", "--json"], runs), 2),
        "show_s": round(timed_command([*exe, "show", "1", "--json"], runs), 2),
        "db_kb_per_take": round(size / 1024 / n, 1),
        "audio_kb_per_take": round(SAMPLE.stat().st_size / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="rehearse benchmarks")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--long", action="store_true", help="also analyze a 20-minute recording")
    parser.add_argument("--base", action="store_true", help="also measure the base model")
    parser.add_argument("--history", type=int, nargs="?", const=300, default=0, metavar="N",
                        help="also measure a history of N takes (default 300)")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also time `rehearse analyze` paired with another checkout (taking turns)")
    args = parser.parse_args()
    home = tempfile.TemporaryDirectory(prefix="rehearse-bench-")
    os.environ["REHEARSE_HOME"] = home.name
    exe = [sys.executable, "-m", "rehearse"]
    print(f"rehearse --help:        {timed_command([*exe, '--help'], args.runs):.2f} s")
    print(f"rehearse questions:     {timed_command([*exe, 'questions'], args.runs):.2f} s")
    print(f"rehearse analyze (90 s sample, start to report): {timed_command([*exe, 'analyze', str(SAMPLE), '-q', 'Q4'], 3):.2f} s")
    if args.against:
        here, there = paired_analyze(args.against, args.runs)
        print(f"rehearse analyze, paired: this checkout {here:.2f} s, {args.against} {there:.2f} s ({here / there:.2f}x)")
    rows = [transcription("tiny.en", 1, 3), transcription("tiny.en", 5, 3)]
    if args.base:
        rows.append(transcription("base", 1, 3))
    for row in rows:
        print(f"transcribe {row['model']:<8} beam {row['beam']}: {row['median_s']:.2f} s for {row['audio_s']} s "
              f"= {row['x_real_time']}x real time, WER {row['wer']:.1%}")
    print(f"STAR labeling of a 3-minute answer: {labeling_ms():.1f} ms")
    if args.long:
        row = long_recording()
        print(f"20-minute recording: {row['audio_min']} min analyzed in {row['seconds']} s, peak memory {row['peak_rss_mb']} MB, "
              f"{row['words']} words, verdict {row['verdict']}")
    if args.history:
        row = history_figures(args.history, args.runs)
        print(f"history of {row['takes']} takes: save {row['save_ms']} ms each; `history` {row['history_s']} s, "
              f"`progress --json` {row['progress_s']} s, `show` {row['show_s']} s; database {row['db_kb_per_take']} KB "
              f"per take, plus the audio copy ({row['audio_kb_per_take']} KB for the 85 s sample)")
    home.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
