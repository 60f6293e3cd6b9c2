"""Speak the guide's 25 example answers with piper, for the benchmark's larger word error
rate set. Not committed as audio: made on demand (about 2 minutes), then reused.

Usage: python -m scripts.make_guide_audio [--guide PATH] [--out DIR] [--limit N]
Writes DIR/Q1.flac (16 kHz mono) and DIR/Q1.txt (the text it speaks, one sentence a
line) for each answer. Default DIR: benchmarks/out/guide-audio (ignored by git).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from scripts.make_samples import speak, voice, write_flac

DEFAULT_GUIDE = ROOT.parent / "shared" / "data" / "guide-answers.json"
DEFAULT_OUT = ROOT / "benchmarks" / "out" / "guide-audio"


def sentences(answer: dict) -> list[str]:
    text = " ".join(line for section in answer["sections"] for line in section["lines"])
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def make(guide: Path = DEFAULT_GUIDE, out: Path = DEFAULT_OUT, limit: int | None = None) -> list[Path]:
    """The FLAC of each answer, made if missing or older than the guide data."""
    answers = json.loads(guide.read_text(encoding="utf-8"))[:limit]
    out.mkdir(parents=True, exist_ok=True)
    piper, made = None, []
    for answer in answers:
        target = out / f"{answer['id']}.flac"
        lines = sentences(answer)
        text = "\n".join(lines) + "\n"
        text_path = target.with_suffix(".txt")
        if not (target.exists() and text_path.exists() and text_path.read_text(encoding="utf-8") == text):
            piper = piper or voice()
            audio, rate, _ = speak(piper, lines)
            write_flac(audio, rate, target)
            text_path.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guide", type=Path, default=DEFAULT_GUIDE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N answers")
    args = parser.parse_args()
    if not args.guide.exists():
        raise SystemExit(f"no guide answers at {args.guide}; give --guide PATH to guide-answers.json")
    for path in make(args.guide, args.out, args.limit):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
