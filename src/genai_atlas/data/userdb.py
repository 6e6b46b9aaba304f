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
import threading
from collections.abc import Iterator, Sequence
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


LIBRARY: StoreKind = StoreKind()


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


# Opening a store (the checks, the moves aside, the migrations) is in ``userdb_open``:
# ``open_user_store`` is imported from there.

__all__ = [
    "BUSY_TIMEOUT_MS",
    "CURRENT_VERSION",
    "LIBRARY",
    "StoreError",
    "StoreKind",
    "UserStore",
    "UserVersion",
    "memory_store",
    "utc_stamp",
]
