"""Opening the reader's store: the checks, the moves aside and the migrations (no Qt here).

``open_user_store`` decides what the file at a path becomes: opened writable (migrated first, the
file copied aside before a migration), opened read-only (a read-only folder or file), moved aside
with a dated name and started anew (damaged, not a store, a newer major version), or kept in
memory for this run. ``userdb`` holds the open store itself and re-exports ``open_user_store``.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .data_dir import DATA_DIR_ENV
from .echo import echo
from .user_migrations import MIGRATIONS, Migration
from .userdb import (
    _APP,
    _BUSY,
    _LOCKED,
    _SQLITE_HEADER,
    BUSY_TIMEOUT_MS,
    LIBRARY,
    StoreError,
    StoreKind,
    UserStore,
    UserVersion,
    _is_environment,
    _memory_store,
    _migrate,
    _shown,
    _target_version,
    utc_stamp,
)


def _aside_path(path: Path, label: str, moment: datetime) -> Path:
    """A free name beside ``path``: ``library.sqlite3.<label>-20261129T105000Z``."""
    base = f"{path.name}.{label}-{utc_stamp(moment)}"
    candidate = path.with_name(base)
    number = 2
    while any(Path(f"{candidate}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        candidate = path.with_name(f"{base}-{number}")
        number += 1
    return candidate


def _move_aside(path: Path, label: str, moment: datetime) -> Path:
    """Rename the file and its WAL/shared-memory files to a dated name; return the new name.

    The -wal and -shm files go with it: left behind, SQLite could replay a stale WAL into the new
    file, and moved together the old file can still be opened as it was.
    """
    aside = _aside_path(path, label, moment)
    os.replace(path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    return aside


@dataclass(frozen=True)
class _Inspection:
    """What opening a library file found: its version and any problem."""

    version: UserVersion
    problem: str = ""  # why the file cannot be used as it is; "" when it can
    newer: bool = False


def _inspect(
    target: str, path: Path, known_major: int, busy_timeout_ms: int, kind: StoreKind
) -> _Inspection:
    """Look at an existing file: is it a sound store of this kind, and of which version?"""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as error:
        return _Inspection(UserVersion(0, 0), f"it cannot be read: {error.strerror}")
    if not header:
        return _Inspection(UserVersion(0, 0))  # an empty file is an empty database
    if not header.startswith(_SQLITE_HEADER):
        return _Inspection(UserVersion(0, 0), "it is not an SQLite database")
    if len(header) < 100:
        return _Inspection(UserVersion(0, 0), "it is cut short")
    try:
        connection = sqlite3.connect(target, uri=True, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as error:
        return _Inspection(UserVersion(0, 0), str(error))
    try:
        version = UserVersion.from_int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version.major > known_major:
            return _Inspection(version, newer=True)
        found = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        if found != ["ok"]:
            lines = [
                line
                for item in found
                for line in item.splitlines()
                if line.strip() and not line.startswith("***")
            ]
            return _Inspection(version, f"SQLite's check found: {echo('; '.join(lines), 120)}")
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if version == UserVersion(0, 0) and tables:
            return _Inspection(version, f"it holds tables but is not a GenAI Atlas {kind.name}")
        if version != UserVersion(0, 0) and not kind.tables <= tables:
            return _Inspection(version, f"tables of the {kind.name} are missing")
        return _Inspection(version)
    except sqlite3.Error as error:
        if (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF in (_BUSY, _LOCKED):
            # Another process holds the file: that is no damage, and nothing is moved.
            raise StoreError(
                f"Cannot open {kind.your} {_shown(path)}: another program has kept it locked "
                f"for more than {busy_timeout_ms / 1000:g} seconds. Close other {_APP} windows "
                "or commands and try again.",
                path,
            ) from None
        return _Inspection(UserVersion(0, 0), str(error))
    finally:
        connection.close()


def _uri(path: Path, query: str = "") -> str:
    uri = path.absolute().as_uri()
    return f"{uri}?{query}" if query else uri


def _folder_writable(folder: Path) -> bool:
    # access(2) also answers EROFS for a read-only mount, where even root cannot write.
    return os.access(folder, os.W_OK | os.X_OK)


def open_user_store(
    path: Path | None,
    *,
    migrations: Sequence[tuple[tuple[int, int], Migration]] = MIGRATIONS,
    now: Callable[[], datetime] | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    kind: StoreKind = LIBRARY,
) -> UserStore:
    """Open (or start) the library at ``path``. It never raises for a damaged, foreign or newer
    file: such a file is moved aside and a new library started, with a notice saying where the
    old one went. ``path`` None (no data folder) gives a read-only library in memory.

    ``migrations`` is for tests that add a fake newer version; ``now`` dates the aside names;
    ``busy_timeout_ms`` is how long a write waits for another process's (5 s; tests shorten it).
    ``kind`` is what the file holds (the library, or another store with its own ``migrations``):
    its messages name it, and a file without its tables is set aside.
    """
    moment = (now or (lambda: datetime.now(UTC)))()
    target_version = _target_version(migrations)
    if path is None:
        reason = (
            f"no folder for {kind.your} was found (there is no home folder), so nothing is "
            f"saved in this run. Set {DATA_DIR_ENV} to a folder you can write and restart {_APP}."
        )
        return _memory_store(
            migrations,
            writable=False,
            notices=(
                f"No folder for {kind.your} was found, so {kind.contents} cannot "
                f"be saved in this run; set {DATA_DIR_ENV} to a folder you can write.",
            ),
            read_only_reason=reason,
            kind=kind,
        )
    path = Path(os.path.abspath(path))
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _memory_store(
            migrations,
            writable=False,
            notices=(
                f"The data folder {_shown(folder)} cannot be created ({error.strerror}), so "
                f"{kind.contents} cannot be saved in this run.",
            ),
            read_only_reason=(
                f"the data folder {_shown(folder)} cannot be created ({error.strerror}). Create "
                f"it or set {DATA_DIR_ENV} to a folder you can write, and restart {_APP}."
            ),
            kind=kind,
        )
    try:
        mode = os.stat(path).st_mode
        exists = True
    except FileNotFoundError:
        exists = False
        mode = 0
    except OSError as error:
        return _unusable(migrations, path, f"it cannot be reached ({error.strerror})", kind)
    if exists and not stat.S_ISREG(mode):
        return _unusable(migrations, path, "it is a folder or a device, not a file", kind)

    folder_writable = _folder_writable(folder)
    if not exists:
        if not folder_writable:
            return _memory_store(
                migrations,
                writable=False,
                notices=(
                    f"The data folder {_shown(folder)} is read-only, so {kind.contents} "
                    "cannot be saved in this run.",
                ),
                read_only_reason=_read_only_folder(folder),
                kind=kind,
            )
        return _open_writable(
            path, UserVersion(0, 0), migrations, moment, (), busy_timeout_ms, kind
        )

    file_writable = os.access(path, os.W_OK)
    writable = folder_writable and file_writable
    target = _uri(path) if writable else _uri(path, "mode=ro")
    inspection = _inspect(target, path, target_version.major, busy_timeout_ms, kind)
    if inspection.problem and not writable:
        # A read-only WAL file whose -shm cannot be made reads through immutable=1 (no locks).
        immutable = _inspect(
            _uri(path, "immutable=1"), path, target_version.major, busy_timeout_ms, kind
        )
        if not immutable.problem:
            inspection = immutable
            target = _uri(path, "immutable=1")
    if inspection.problem or inspection.newer:
        if inspection.newer:
            what = (
                f"was written by a newer {_APP} ({kind.name} version {inspection.version}; this "
                f"version reads {target_version.major}.x)"
            )
            label = f"version-{inspection.version}"
        else:
            what = f"is damaged ({inspection.problem})"
            label = "damaged"
        if not folder_writable:
            return _unusable(
                migrations,
                path,
                f"it {what.removeprefix('is ')} and the folder is read-only, so it could not be "
                "set aside",
                kind,
            )
        try:
            aside = _move_aside(path, label, moment)
        except OSError as error:
            return _unusable(
                migrations, path, f"it {what} and could not be set aside ({error.strerror})", kind
            )
        notice = (
            f"{kind.your_first} {_shown(path)} {what}, so it was moved to {_shown(aside)} and "
            f"a new, empty {kind.name} was started."
        )
        return _open_writable(
            path, UserVersion(0, 0), migrations, moment, (notice,), busy_timeout_ms, kind
        )
    if not writable:
        where = folder if not folder_writable else path
        reason = _read_only_folder(folder) if not folder_writable else _read_only_file(path, kind)
        store = UserStore(
            path,
            target,
            writable=False,
            notices=(
                f"{kind.your_first} {_shown(path)} is read-only (the "
                f"{'data folder' if not folder_writable else 'file'} {_shown(where)} cannot be "
                f"written): {kind.contents} are shown, but changes cannot be saved.",
            ),
            read_only_reason=reason,
            busy_timeout_ms=busy_timeout_ms,
            kind=kind,
        )
        store.version = inspection.version
        return store
    return _open_writable(path, inspection.version, migrations, moment, (), busy_timeout_ms, kind)


def _read_only_folder(folder: Path) -> str:
    return (
        f"the data folder {_shown(folder)} is read-only. Make it writable, or set {DATA_DIR_ENV} "
        f"to a folder you can write, and restart {_APP}."
    )


def _read_only_file(path: Path, kind: StoreKind) -> str:
    return (
        f"the {kind.name} file {_shown(path)} is read-only. Make it writable (for example "
        f"'chmod u+w'), and restart {_APP}."
    )


def _unusable(
    migrations: Sequence[tuple[tuple[int, int], Migration]],
    path: Path,
    why: str,
    kind: StoreKind,
) -> UserStore:
    """The file is there but can be neither used nor moved: leave it alone, keep going in memory."""
    return _memory_store(
        migrations,
        writable=False,
        notices=(
            f"{kind.your_first} {_shown(path)} cannot be used: {why}; {kind.contents} "
            "cannot be saved in this run.",
        ),
        read_only_reason=(
            f"{kind.your} {_shown(path)} cannot be used: {why}. Move it away and restart {_APP}."
        ),
        kind=kind,
    )


def _open_writable(
    path: Path,
    found: UserVersion,
    migrations: Sequence[tuple[tuple[int, int], Migration]],
    moment: datetime,
    notices: Sequence[str],
    busy_timeout_ms: int,
    kind: StoreKind,
) -> UserStore:
    target = _uri(path)
    target_version = _target_version(migrations)
    store = UserStore(
        path,
        target,
        writable=True,
        notices=notices,
        busy_timeout_ms=busy_timeout_ms,
        kind=kind,
    )
    connection = store.connection()
    try:
        # WAL: readers never block the writer, and a commit is one append (see the module doc).
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        if found < target_version:
            if found != UserVersion(0, 0):
                _copy_aside(connection, path, f"before-{target_version}", moment)
            _migrate(connection, found, migrations)
        store.version = max(found, target_version)
    except sqlite3.Error as error:
        store.close()
        if not _is_environment(error):
            raise
        return _unusable(migrations, path, f"it could not be prepared ({error})", kind)
    except OSError as error:
        store.close()
        return _unusable(
            migrations,
            path,
            f"it could not be copied aside before an upgrade ({error.strerror or error})",
            kind,
        )
    return store


def _copy_aside(connection: sqlite3.Connection, path: Path, label: str, moment: datetime) -> Path:
    """A consistent copy of the open file (WAL included) under a dated name, before a migration."""
    aside = _aside_path(path, label, moment)
    copy = sqlite3.connect(aside)
    try:
        connection.backup(copy)
    except sqlite3.Error as error:
        copy.close()
        aside.unlink(missing_ok=True)
        raise OSError(str(error)) from None
    copy.close()
    return aside
