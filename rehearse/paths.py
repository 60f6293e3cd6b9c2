"""Where rehearse keeps its data: REHEARSE_HOME, or the platform's user data folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from rehearse.errors import DataFolderError


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


# Voice recordings and transcripts of a job search are private: rehearse creates its
# folders 0700 and its files 0600, whatever the umask, and tightens what older versions
# left readable to others.
PRIVATE_UMASK = 0o077
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def keep_private() -> None:
    """Every folder and file this process creates is its user's alone (the CLI calls this
    first: exports and charts hold the same transcripts and figures)."""
    os.umask(PRIVATE_UMASK)


_tightened: set[Path] = set()


def private_folder(folder: Path) -> Path:
    """`folder` (the data folder or one inside it), created 0700. The first time a process
    uses the data folder, the folders and files already in it are made 0700 and 0600."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file, or a link to nowhere, where a folder should be
        raise DataFolderError(f"{exc.filename or folder} is not a folder, and rehearse keeps its data there; "
                              "move it, or set REHEARSE_HOME to another folder") from exc
    except OSError as exc:
        raise DataFolderError(f"cannot create rehearse's data folder {folder} ({exc.strerror or exc}); "
                              "set REHEARSE_HOME to a folder you can write") from exc
    root = data_dir()
    if root not in _tightened and (folder == root or root in folder.parents):
        _tightened.add(root)
        _tighten(root)
    try:
        if os.stat(folder).st_mode & 0o077:
            os.chmod(folder, FOLDER_MODE)
    except OSError:
        pass  # a read-only disk or another owner's folder: reading must still work
    return folder


def _tighten(root: Path) -> None:
    for path, _folders, files in os.walk(root):
        for name, mode in [(path, FOLDER_MODE)] + [(os.path.join(path, f), FILE_MODE) for f in files]:
            try:
                if not os.path.islink(name) and os.stat(name).st_mode & 0o077:
                    os.chmod(name, mode)
            except OSError:
                pass  # not ours, or gone meanwhile: nothing to tighten


def model_cache_dir() -> Path:
    return data_dir() / "models"


def write_json_atomically(path: Path, document: dict) -> None:
    """Readers see the old file or the whole new one, never half of it, even after a crash."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk must not leave half a file behind
        raise
