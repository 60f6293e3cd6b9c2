"""A CTranslate2 Whisper model turned into an openai-whisper checkpoint, so both engines
can be compared on the same weights, offline.

The variables map one to one (encoder/layer_0/ffn/linear_0 -> encoder.blocks.0.mlp.0),
except that CTranslate2 fuses query, key and value of self-attention into one matrix
(linear_0) and key and value of cross-attention into another (attention/linear_1). They
are split here; Whisper's key projections have no bias, so that part of a fused bias is
dropped (it is zero).

model.bin layout (CTranslate2 binary version 6): a header, then each variable as name,
rank, shape, dtype id, byte count and data, then aliases.
"""

from __future__ import annotations

import json
import os
import re
import struct
from pathlib import Path

from rehearse.errors import ModelError

# CTranslate2's DataType ids, as numpy dtype names.
_DTYPES = {0: "float32", 1: "int8", 2: "int16", 3: "int32", 4: "float16"}
_BLOCK_PARTS = {
    "self_attention/layer_norm/gamma": "attn_ln.weight", "self_attention/layer_norm/beta": "attn_ln.bias",
    "self_attention/linear_1/weight": "attn.out.weight", "self_attention/linear_1/bias": "attn.out.bias",
    "attention/layer_norm/gamma": "cross_attn_ln.weight", "attention/layer_norm/beta": "cross_attn_ln.bias",
    "attention/linear_0/weight": "cross_attn.query.weight", "attention/linear_0/bias": "cross_attn.query.bias",
    "attention/linear_2/weight": "cross_attn.out.weight", "attention/linear_2/bias": "cross_attn.out.bias",
    "ffn/layer_norm/gamma": "mlp_ln.weight", "ffn/layer_norm/beta": "mlp_ln.bias",
    "ffn/linear_0/weight": "mlp.0.weight", "ffn/linear_0/bias": "mlp.0.bias",
    "ffn/linear_1/weight": "mlp.2.weight", "ffn/linear_1/bias": "mlp.2.bias",
}
_TOP = {
    "encoder/conv1/weight": "encoder.conv1.weight", "encoder/conv1/bias": "encoder.conv1.bias",
    "encoder/conv2/weight": "encoder.conv2.weight", "encoder/conv2/bias": "encoder.conv2.bias",
    "encoder/position_encodings/encodings": "encoder.positional_embedding",
    "encoder/layer_norm/gamma": "encoder.ln_post.weight", "encoder/layer_norm/beta": "encoder.ln_post.bias",
    "decoder/embeddings/weight": "decoder.token_embedding.weight",
    "decoder/position_encodings/encodings": "decoder.positional_embedding",
    "decoder/layer_norm/gamma": "decoder.ln.weight", "decoder/layer_norm/beta": "decoder.ln.bias",
}
_LAYER = re.compile(r"(encoder|decoder)/layer_(\d+)/(.+)")


def read_ctranslate2(model_bin: Path) -> dict:
    """Every variable of a CTranslate2 model.bin, as numpy arrays."""
    import numpy as np

    data = model_bin.read_bytes()
    at = 0

    def take(fmt: str):
        nonlocal at
        values = struct.unpack_from(fmt, data, at)
        at += struct.calcsize(fmt)
        return values[0]

    def text() -> str:
        nonlocal at
        length = take("H")
        value = data[at:at + length - 1].decode()
        at += length
        return value

    version = take("I")
    if version != 6:
        raise ModelError(f"{model_bin} is CTranslate2 binary version {version}; only version 6 can be converted")
    spec = text()
    if spec != "WhisperSpec":
        raise ModelError(f"{model_bin} holds a {spec}, not a Whisper model")
    take("I")  # the spec's revision
    variables = {}
    for _ in range(take("I")):
        name = text()
        shape = [take("I") for _ in range(take("B"))]
        dtype = take("B")
        size = take("I")
        if dtype not in _DTYPES:
            raise ModelError(f"{model_bin}: variable {name} has a data type (id {dtype}) that cannot be converted")
        variables[name] = np.frombuffer(data, dtype=_DTYPES[dtype], count=size // np.dtype(_DTYPES[dtype]).itemsize,
                                        offset=at).reshape(shape)
        at += size
    return variables


def to_openai_state(variables: dict) -> tuple[dict, dict]:
    """(dims, state dict of numpy arrays) for openai-whisper's Whisper model."""
    if any(name.endswith("weight_scale") for name in variables):
        raise ModelError("this CTranslate2 model is quantized (int8); convert a float16 or float32 model")
    state = {}
    for name, value in variables.items():
        if name in _TOP:
            state[_TOP[name]] = value
            continue
        match = _LAYER.fullmatch(name)
        if not match:
            continue  # settings stored as variables (num_heads, activation, ...)
        side, layer, part = match.groups()
        prefix = f"{side}.blocks.{layer}."
        if part.startswith("self_attention/linear_0/"):
            query, key, value_ = _split(value, 3)
            kind = part.rsplit("/", 1)[1]
            state[prefix + f"attn.query.{kind}"] = query
            state[prefix + f"attn.value.{kind}"] = value_
            if kind == "weight":
                state[prefix + "attn.key.weight"] = key
        elif part.startswith("attention/linear_1/"):
            key, value_ = _split(value, 2)
            kind = part.rsplit("/", 1)[1]
            state[prefix + f"cross_attn.value.{kind}"] = value_
            if kind == "weight":
                state[prefix + "cross_attn.key.weight"] = key
        elif part in _BLOCK_PARTS:
            state[prefix + _BLOCK_PARTS[part]] = value
        else:
            raise ModelError(f"unexpected variable {name} in the CTranslate2 model")
    dims = {
        "n_mels": int(variables["encoder/conv1/weight"].shape[1]),
        "n_audio_ctx": int(variables["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(variables["encoder/position_encodings/encodings"].shape[1]),
        "n_audio_head": int(variables["encoder/num_heads"]),
        "n_audio_layer": _layers(state, "encoder"),
        "n_vocab": int(variables["decoder/embeddings/weight"].shape[0]),
        "n_text_ctx": int(variables["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(variables["decoder/embeddings/weight"].shape[1]),
        "n_text_head": int(variables["decoder/num_heads"]),
        "n_text_layer": _layers(state, "decoder"),
    }
    return dims, state


def _layers(state: dict, side: str) -> int:
    return len({name.split(".")[2] for name in state if name.startswith(f"{side}.blocks.")})


def _split(fused, parts: int) -> list:
    size = fused.shape[0] // parts
    return [fused[i * size:(i + 1) * size] for i in range(parts)]


def convert(model_dir: Path, checkpoint: Path) -> Path:
    """Write an openai-whisper checkpoint (float16, like the published ones) for the
    CTranslate2 model in `model_dir`; atomic, so a half-written file is never loaded."""
    import numpy as np

    try:
        import torch
    except ImportError as exc:  # the openai extra is not installed: say so before converting
        from rehearse import install_hint

        raise ModelError(f"the openai-whisper engine is not installed; run: {install_hint('openai')}, "
                         "or use --engine faster-whisper") from exc

    dims, state = to_openai_state(read_ctranslate2(model_dir / "model.bin"))
    config = json.loads((model_dir / "config.json").read_text()) if (model_dir / "config.json").is_file() else {}
    tensors = {name: torch.from_numpy(np.array(value, dtype=np.float16)) for name, value in state.items()}
    checkpoint.parent.mkdir(parents=True, exist_ok=True)
    partial = checkpoint.with_name(f"{checkpoint.name}.partial-{os.getpid()}")
    payload = {"dims": dims, "model_state_dict": tensors}
    if config.get("alignment_heads"):
        # Word timings use these attention heads; openai-whisper knows them only for the
        # checkpoints it downloads by name, so they travel with the file.
        payload["alignment_heads"] = config["alignment_heads"]
    try:
        torch.save(payload, partial)
        os.replace(partial, checkpoint)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ModelError(f"could not write {checkpoint}: {exc.strerror or exc}; free some disk space or set REHEARSE_HOME") from exc
    return checkpoint
