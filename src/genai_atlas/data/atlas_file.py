"""The atlas database file: the checks made before it is opened, and the messages that name what
is wrong with it (missing, a folder, a device, permission denied, empty, not SQLite). No Qt here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .echo import echo
from .errors import AtlasError

REBUILD = "Reinstall GenAI Atlas, or rebuild the database with 'make db'."
RESTART = (
    "Quit GenAI Atlas, put the database back (reinstall GenAI Atlas, or rebuild the database with "
    "'make db') and start it again."
)
SQLITE_HEADER = b"SQLite format 3\x00"
# Paths are shown whole where they fit: a user has to find the file. Only absurd ones are cut.
PATH_LIMIT = 200

# SQLite's primary result codes (https://sqlite.org/rescode.html) that describe the file or the
# disk rather than the query, as qutebrowser's misc/sql.py sorts them: PERM, BUSY, NOMEM, IOERR,
# CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB. Any other code from an unchanged file is a bug.
ENVIRONMENT_CODES = frozenset({3, 5, 7, 10, 11, 13, 14, 15, 26})

FileIdentity = tuple[int, int, int, int]


def shown(path: Path) -> str:
    return echo(str(path), limit=PATH_LIMIT)


def identity(path: Path) -> FileIdentity | None:
    """What changes when the file is replaced, truncated or rewritten; None if it cannot be seen."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def damaged(path: Path, detail: str) -> AtlasError:
    return AtlasError(
        f"The file {shown(path)} is not a GenAI Atlas database or is damaged ({detail}). {REBUILD}",
        str(path),
    )


def check_file(path: Path) -> None:
    """Raise AtlasError naming the real cause when ``path`` is no readable SQLite file."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise AtlasError(
            f"The atlas database {shown(path)} is missing. {REBUILD}", str(path)
        ) from None
    except PermissionError:
        raise AtlasError(
            f"The atlas database {shown(path)} cannot be reached: permission denied on a folder "
            "on its path. Give your user access to that folder, or reinstall GenAI Atlas.",
            str(path),
        ) from None
    except OSError as error:
        raise AtlasError(
            f"The atlas database {shown(path)} cannot be opened ({error.strerror}). {REBUILD}",
            str(path),
        ) from None
    if stat.S_ISDIR(mode):
        raise AtlasError(
            f"The atlas database {shown(path)} is a folder, not a database file. Point "
            "GENAI_ATLAS_DB at the atlas.db file, or unset it to use the bundled database.",
            str(path),
        )
    if not stat.S_ISREG(mode):
        # Opening a FIFO would block forever, and a device is never a database.
        raise AtlasError(
            f"The atlas database {shown(path)} is a device, pipe or socket, not a database "
            f"file. {REBUILD}",
            str(path),
        )
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except PermissionError:
        raise AtlasError(
            f"The atlas database {shown(path)} cannot be read: permission denied. Give your "
            "user read access to the file (for example 'chmod a+r'), or reinstall GenAI Atlas.",
            str(path),
        ) from None
    except OSError as error:
        raise AtlasError(
            f"The atlas database {shown(path)} cannot be read ({error.strerror}). {REBUILD}",
            str(path),
        ) from None
    if not header:
        raise damaged(path, "the file is empty")
    if header != SQLITE_HEADER:
        raise damaged(path, "it is not an SQLite file")
