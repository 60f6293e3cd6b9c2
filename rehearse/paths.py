"""Where rehearse keeps its data: REHEARSE_HOME, or the platform's user data folder."""

from __future__ import annotations

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
