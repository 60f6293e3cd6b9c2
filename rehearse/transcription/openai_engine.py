"""Speech to words with openai-whisper (PyTorch): the optional second engine.

Installed with `pip install 'rehearse-coach[openai]'`. It is slower than faster-whisper on a
CPU (benchmarks/ has the ratio), and it is here so the two can be compared, and for
people who already have openai-whisper checkpoints.

--model takes a checkpoint path (.pt), or a name. tiny.en and base are the models that
rehearse installs for faster-whisper, converted once into the model cache
(rehearse/transcription/convert.py), so this engine too works offline and on the same weights. Any
other name is openai-whisper's own, downloaded on first use.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from rehearse import install_hint
from rehearse.errors import ModelError
from rehearse.paths import model_cache_dir

INSTALL_HINT = install_hint("openai")


def _whisper():
    try:
        import whisper
    except ImportError as exc:
        raise ModelError(f"the openai-whisper engine is not installed; run: {INSTALL_HINT}, or use --engine faster-whisper") from exc
    return whisper


def checkpoint_for(name: str | None) -> tuple[str, str]:
    """(the name the report gives, a checkpoint path or an openai-whisper model name)."""
    from rehearse.transcription.models import DEFAULT_MODEL, resolve

    name = (name or DEFAULT_MODEL).strip()
    path = Path(name).expanduser()
    if path.is_file():
        return path.stem, str(path)
    if path.is_dir():
        raise ModelError(f"{name} is a folder; the openai-whisper engine takes a checkpoint file (.pt), or a model name")
    if name in ("tiny.en", "base"):
        choice = resolve(name)
        if choice.path is not None:
            checkpoint = model_cache_dir() / "openai-whisper" / f"{name}-converted.pt"
            if not checkpoint.is_file():
                from rehearse.transcription.convert import convert

                convert(Path(choice.path), checkpoint)
            return name, str(checkpoint)
    if "/" in name or os.sep in name or name.endswith(".pt"):
        raise ModelError(f"no checkpoint file at {name}; give the path to an openai-whisper .pt file, or a model name")
    return name, name


@lru_cache(maxsize=2)
def load(target: str):
    """An openai-whisper model on the CPU, loaded once per process by openai-whisper's own
    load_model(). A checkpoint may carry the attention heads that time words."""
    whisper = _whisper()
    import torch

    if not Path(target).is_file() and target not in whisper.available_models():
        raise ModelError(f"unknown model {target!r}; use tiny.en (default), base, a checkpoint path, "
                         f"or one of openai-whisper's: {', '.join(whisper.available_models())}")
    try:
        model = whisper.load_model(target, device="cpu", download_root=str(model_cache_dir() / "openai-whisper"))
    except Exception as exc:  # torch and pickle raise many kinds for a bad file; all mean "cannot load"
        what = f"the checkpoint {target}" if Path(target).is_file() else f"model {target!r} (not installed, and it could not be downloaded)"
        raise ModelError(f"cannot load {what}: {str(exc).splitlines()[0][:200]}; give an openai-whisper checkpoint, or use tiny.en") from exc
    if Path(target).is_file():
        heads = torch.load(target, map_location="cpu", weights_only=True, mmap=True).get("alignment_heads")
        if heads:
            mask = torch.zeros(model.dims.n_text_layer, model.dims.n_text_head, dtype=torch.bool)
            for layer, head in heads:
                mask[layer, head] = True
            model.register_buffer("alignment_heads", mask.to_sparse(), persistent=False)
    return model


def transcribe(audio, target: str, beam_size: int, initial_prompt: str | None, condition: bool = True) -> list:
    """openai-whisper's segments, shaped like faster-whisper's (attributes, not keys).
    Deterministic like faster-whisper's decoding here: one temperature, no fallback."""
    model = load(target)
    result = model.transcribe(
        audio, language="en", beam_size=beam_size, word_timestamps=True, initial_prompt=initial_prompt,
        condition_on_previous_text=condition, temperature=0.0, fp16=False, verbose=None,
    )
    return [
        SimpleNamespace(avg_logprob=s["avg_logprob"],
                        words=[SimpleNamespace(word=w["word"], start=w["start"], end=w["end"], probability=w["probability"]) for w in s.get("words", ())])
        for s in result["segments"]
    ]
