"""Where rehearse keeps its data: REHEARSE_HOME, or the platform's user data folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The one folder for takes, audio, the history database and the model cache.

    Not created here: read-only commands must not leave folders behind.
    """
    home = os.environ.get("REHEARSE_HOME")
    if home:
        return Path(home).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "rehearse"


def model_cache_dir() -> Path:
    return data_dir() / "models"


def write_json_atomically(path: Path, document: dict) -> None:
    """Readers see the old file or the whole new one, never half of it, even after a crash."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
