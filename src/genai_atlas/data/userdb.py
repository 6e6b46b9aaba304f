"""The reader's own store: one writable SQLite file in the data folder (no Qt here).

What it promises:

* **Saved means saved.** Every user action is one ``BEGIN IMMEDIATE`` transaction. The file is in
  WAL mode with ``synchronous=NORMAL``: a commit is in the WAL file, written by the operating
  system, before ``COMMIT`` returns, so a killed process (``kill -9``, a crash) loses nothing it
  committed; only a power cut or a kernel crash can lose the last commits (never corrupt the
  file), which ``synchronous=FULL`` would prevent at the price of an fsync per keystroke-save.
  That is the trade SQLite recommends for WAL, and the one qutebrowser makes.
* **Two instances at once** (two windows, a window and the CLI) share the file: writers wait for
  each other up to ``busy_timeout`` (5 s); :meth:`UserStore.data_version` tells a window that
  another one committed.
* **Never overwritten.** A damaged file, a file that is not a library, or one written by a newer
  major version is moved aside with a dated name (with its ``-wal``/``-shm``), a new library is
  started, and :attr:`UserStore.notices` says where the old file went. A migration copies the file
  aside first. A newer *minor* version opens normally: minor versions only add.
* **Read-only is not an error.** A read-only folder or file is opened read-only, so the reader's
  bookmarks still show; every write then raises :class:`StoreError` saying why and what to do.
  With no folder at all the library lives in memory for this run, read-only, with a notice.

Versions are ``PRAGMA user_version = major << 16 | minor`` as in qutebrowser's ``misc/sql.py``;
the migrations are numbered functions in :mod:`user_migrations`.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .data_dir import DATA_DIR_ENV
from .echo import echo
from .errors import KnownError
from .user_migrations import MIGRATIONS, Migration

BUSY_TIMEOUT_MS = 5000
_SQLITE_HEADER = b"SQLite format 3\x00"
_PATH_LIMIT = 200
_APP = "GenAI Atlas"

# SQLite primary result codes (https://sqlite.org/rescode.html) that are the environment's doing.
_PERM, _BUSY, _LOCKED, _NOMEM, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 7, 8, 10, 11
_FULL, _CANTOPEN, _PROTOCOL, _NOTADB = 13, 14, 15, 26
_ENVIRONMENT_CODES = frozenset(
    {_PERM, _BUSY, _LOCKED, _NOMEM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _PROTOCOL}
    | {_NOTADB}
)


@dataclass(frozen=True, order=True)
class UserVersion:
    """The version of the library file: ``major.minor``, stored in ``PRAGMA user_version``."""

    major: int
    minor: int

    @classmethod
    def from_int(cls, number: int) -> UserVersion:
        # user_version is a signed 32-bit integer; a negative one was never written by us.
        number &= 0x7FFF_FFFF
        return cls(number >> 16, number & 0xFFFF)

    def to_int(self) -> int:
        if not (0 <= self.major <= 0x7FFF and 0 <= self.minor <= 0xFFFF):
            raise ValueError(f"version {self} does not fit in PRAGMA user_version")
        return self.major << 16 | self.minor

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


CURRENT_VERSION = UserVersion(*MIGRATIONS[-1][0])


@dataclass(frozen=True)
class StoreKind:
    """What a store file holds, for its messages and its check on opening.

    The reader's library is one kind; imported model data (``model_data.py``) is another, in a
    file of its own, opened and protected the same way.
    """

    name: str = "library"
    """As in "your library": the file as the user knows it."""
    contents: str = "bookmarks, notes and history"
    """What cannot be saved when the file cannot be written."""
    tables: frozenset[str] = frozenset({"bookmark", "note", "visit"})
    """Tables every version has: a file without them is not this kind of store."""

    @property
    def your(self) -> str:
        return f"your {self.name}"

    @property
    def your_first(self) -> str:
        """ "Your library": at the start of a sentence."""
        return f"Your {self.name}"


LIBRARY = StoreKind()


class StoreError(KnownError):
    """A write (or read) of the library that could not be done: disk full, read-only, locked.

    ``str(error)`` is one sentence or two for the user: what could not be done, why, what to do.
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


def _shown(path: Path) -> str:
    return echo(str(path), limit=_PATH_LIMIT)


def utc_stamp(moment: datetime | None = None) -> str:
    """A time as it goes into a file name: ``20261129T105000Z``."""
    moment = moment if moment is not None else datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


class UserStore:
    """The open library file. Each thread gets its own connection; :meth:`close` closes them all.

    Made by :func:`open_user_store`, which decides ``writable`` and ``notices``.
    """

    def __init__(
        self,
        path: Path | None,
        target: str,
        *,
        writable: bool,
        notices: Sequence[str] = (),
        read_only_reason: str = "",
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        kind: StoreKind = LIBRARY,
    ) -> None:
        self.path = path
        self.kind = kind
        self.busy_timeout_ms = busy_timeout_ms
        self.writable = writable
        self.notices: tuple[str, ...] = tuple(notices)
        self.version = CURRENT_VERSION
        self._target = target
        self._read_only_reason = read_only_reason
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        self._keeper: sqlite3.Connection | None = None

    # --- connections ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; every write says BEGIN IMMEDIATE itself.
        # check_same_thread=False only so that close() may close every thread's connection.
        connection = sqlite3.connect(
            self._target,
            uri=True,
            timeout=self.busy_timeout_ms / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            connection.row_factory = sqlite3.Row
            connection.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            if self.writable:
                connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None and not self._closed:
            return connection
        with self._lock:
            if self._closed:
                raise RuntimeError(f"the {self.kind.name} store is closed")
            try:
                connection = self._connect()
            except sqlite3.Error as error:
                raise self._error(f"read {self.kind.your}", error) from None
            self._connections.append(connection)
        self._local.connection = connection
        self._local.depth = 0
        return connection

    def close(self) -> None:
        """Close every thread's connection. Closing twice is harmless."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
            keeper, self._keeper = self._keeper, None
        for connection in connections:
            connection.close()
        if keeper is not None:
            keeper.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran: a window being torn down must not read any more."""
        return self._closed

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions --------------------------------------------------------------------------

    @contextmanager
    def transaction(self, action: str = "save your change") -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE … COMMIT``; rolled back on any exception.

        ``action`` completes "cannot …" in the message of a :class:`StoreError` ("save the
        bookmark"). A transaction inside another on the same thread joins the outer one, so an
        import of many records is still one transaction.
        """
        connection = self.connection()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield connection
            finally:
                self._local.depth -= 1
            return
        if not self.writable:
            raise StoreError(f"Cannot {action}: {self._read_only_reason}", self.path)
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            if not _is_environment(error):
                raise
            raise self._error(action, error) from None
        self._local.depth = 1
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                try:
                    connection.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite already rolled back (it does on a full disk, for one)
            if isinstance(error, sqlite3.Error) and _is_environment(error):
                raise self._error(action, error) from None
            raise
        finally:
            self._local.depth = 0

    def read(self, sql: str, parameters: Sequence[object] = ()) -> list[sqlite3.Row]:
        """The rows of a query on this thread's connection; StoreError if the file fails."""
        try:
            return self.connection().execute(sql, tuple(parameters)).fetchall()
        except sqlite3.Error as error:
            if _is_environment(error):
                raise self._error(f"read {self.kind.your}", error) from None
            raise

    def read_tuples(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """As :meth:`read`, as plain tuples: for long lists, where ``sqlite3.Row`` costs."""
        try:
            cursor = self.connection().cursor()
            cursor.row_factory = None
            try:
                return cursor.execute(sql, tuple(parameters)).fetchall()
            finally:
                cursor.close()
        except sqlite3.Error as error:
            if _is_environment(error):
                raise self._error(f"read {self.kind.your}", error) from None
            raise

    def data_version(self) -> int:
        """A number that changes when another connection or process commits to the file."""
        return int(self.read("PRAGMA data_version")[0][0])

    def _error(self, action: str, error: sqlite3.Error) -> StoreError:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        where = _shown(self.path) if self.path is not None else "in memory"
        if code == _FULL:
            why = (
                f"the disk that holds {self.kind.your} {where} is full. Free some space and try "
                "again."
            )
        elif code in (_BUSY, _LOCKED):
            why = (
                f"{self.kind.your} {where} has been locked by another program for more than "
                f"{self.busy_timeout_ms / 1000:g} seconds. Close other {_APP} windows or commands "
                "that may be busy with it and try again."
            )
        elif code in (_READONLY, _PERM):
            why = (
                f"{self.kind.your} {where} is read-only. Make it writable (or set "
                f"{DATA_DIR_ENV} to a folder you can write) and restart {_APP}."
            )
        else:
            why = (
                f"{self.kind.your} {where} cannot be used ({error}). Restart {_APP}: a damaged "
                f"{self.kind.name} is set aside and a new one started."
            )
        return StoreError(f"Cannot {action}: {why}", self.path)


def _is_environment(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _ENVIRONMENT_CODES


# --- opening -----------------------------------------------------------------------------------

_memory_names = itertools.count(1)


def _memory_store(
    migrations: Sequence[tuple[tuple[int, int], Migration]],
    *,
    writable: bool,
    notices: Sequence[str] = (),
    read_only_reason: str = "",
    kind: StoreKind = LIBRARY,
) -> UserStore:
    """A store that lives in memory for this run (shared by the store's threads)."""
    label = kind.name.replace(" ", "-")
    target = (
        f"file:genai-atlas-{label}-{os.getpid()}-{next(_memory_names)}?mode=memory&cache=shared"
    )
    keeper = sqlite3.connect(target, uri=True, isolation_level=None, check_same_thread=False)
    _migrate(keeper, UserVersion(0, 0), migrations)
    store = UserStore(
        None,
        target,
        writable=writable,
        notices=notices,
        read_only_reason=read_only_reason,
        kind=kind,
    )
    # A shared in-memory database lives as long as one connection to it is open.
    store._keeper = keeper
    store.version = _target_version(migrations)
    return store


def memory_store(
    migrations: Sequence[tuple[tuple[int, int], Migration]] = MIGRATIONS,
    kind: StoreKind = LIBRARY,
) -> UserStore:
    """A writable store in memory: for tests and benchmarks, never for a reader's data."""
    return _memory_store(migrations, writable=True, kind=kind)


def _target_version(migrations: Sequence[tuple[tuple[int, int], Migration]]) -> UserVersion:
    return UserVersion(*migrations[-1][0])


def _migrate(
    connection: sqlite3.Connection,
    found: UserVersion,
    migrations: Sequence[tuple[tuple[int, int], Migration]],
) -> None:
    """Run every migration above ``found``, each in its own transaction with its version bump."""
    for number, migration in migrations:
        version = UserVersion(*number)
        if version <= found:
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited for the lock.
            now = UserVersion.from_int(connection.execute("PRAGMA user_version").fetchone()[0])
            if now < version:
                migration(connection)
                connection.execute(f"PRAGMA user_version = {version.to_int()}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


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
