"""Where the reader's own data lives: one folder, resolved the same way by the GUI and the CLI.

``$GENAI_ATLAS_DATA_DIR`` chooses the folder when it is set. Otherwise it is the folder Qt's
``QStandardPaths.writableLocation(AppDataLocation)`` gives for the app's organisation and
application names; the CLI has no Qt, so this module works it out with the same rules, and a test
(``tests/ui/test_data_dir_matches_qt.py``) checks that both answers agree.

Nothing here creates a folder or touches the disk beyond looking for a home folder: the store
creates the folder when it first needs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

DATA_DIR_ENV = "GENAI_ATLAS_DATA_DIR"
LIBRARY_FILE_NAME = "library.sqlite3"
# Imported model data (Epoch AI's dataset) lives beside the library, in a file of its own: an
# import or its removal never touches the reader's bookmarks, notes and history.
MODEL_DATA_FILE_NAME = "model-data.sqlite3"
# Qt appends the organisation and the application name; app.py sets both to this.
ORGANISATION_NAME = "GenAI Atlas"
APPLICATION_NAME = "GenAI Atlas"


def account_home() -> str | None:
    """The home folder of the user's account, where ``os.path.expanduser`` looks without HOME."""
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, OSError):
        return None


def _usable(folder: str) -> bool:
    """An absolute folder other than the filesystem root: user data never goes to the root."""
    return bool(folder) and os.path.isabs(folder) and Path(folder).resolve() != Path("/")


def _home(environ: Mapping[str, str], find_account_home: Callable[[], str | None]) -> str | None:
    # The same choice settings.py makes before Qt starts: a missing or unusable HOME is taken from
    # the user's account, so Qt (which reads HOME) and this module see the same home.
    home = environ.get("HOME", "")
    if _usable(home):
        return home
    fallback = find_account_home() or ""
    if _usable(fallback) and os.path.isdir(fallback):
        return fallback
    return None


def data_folder(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    find_account_home: Callable[[], str | None] | None = None,
) -> Path | None:
    """The folder for the reader's library; None when there is no usable one (no home folder)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    chosen = environ.get(DATA_DIR_ENV, "")
    if chosen:
        return Path(os.path.abspath(os.path.expanduser(chosen)))
    find = find_account_home or account_home
    if platform == "win32":
        appdata = environ.get("APPDATA", "")
        if appdata:
            base: Path | None = Path(appdata)
        else:
            profile = environ.get("USERPROFILE", "")
            base = Path(profile) / "AppData" / "Roaming" if profile else None
    elif platform == "darwin":
        home = _home(environ, find)
        base = Path(home) / "Library" / "Application Support" if home else None
    else:
        # XDG: $XDG_DATA_HOME when it is an absolute path (Qt ignores a relative one, with a
        # warning), else ~/.local/share.
        xdg = environ.get("XDG_DATA_HOME", "")
        if _usable(xdg):
            base = Path(xdg)
        else:
            home = _home(environ, find)
            base = Path(home) / ".local" / "share" if home else None
    if base is None:
        return None
    return base / ORGANISATION_NAME / APPLICATION_NAME


def library_path(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> Path | None:
    """The library file in :func:`data_folder`; None when there is no data folder."""
    folder = data_folder(environ, platform)
    return folder / LIBRARY_FILE_NAME if folder is not None else None


def model_data_path(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> Path | None:
    """The imported model data's file in :func:`data_folder`; None when there is no folder."""
    folder = data_folder(environ, platform)
    return folder / MODEL_DATA_FILE_NAME if folder is not None else None
