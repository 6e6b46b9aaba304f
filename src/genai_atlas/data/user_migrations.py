"""The versions of the reader's library file, one numbered function each (as Vorta's
``store/migrations.py`` keeps them), applied in order by :func:`userdb_open.open_user_store`.

A version is ``(major, minor)``, stored in ``PRAGMA user_version`` as ``major << 16 | minor``
(as qutebrowser's ``misc/sql.py`` does):

* a **minor** step only adds: a table, an index, a column with a default. An older GenAI Atlas of
  the same major version can still read and write the file, ignoring what it does not know;
* a **major** step changes what is there (a column renamed or dropped, a meaning changed). An
  older GenAI Atlas sets such a file aside instead of misreading it.

Each migration runs in its own ``BEGIN IMMEDIATE`` transaction together with the version bump,
after the file has been copied aside, so a failed or interrupted migration leaves the file at the
version before it.

Adding version 1.1 means writing one function and one line in ``MIGRATIONS``::

    def migrate_1_1(connection: sqlite3.Connection) -> None:
        # Bookmarks get a colour; old rows and older 1.x versions simply have none.
        connection.execute("ALTER TABLE bookmark ADD COLUMN colour TEXT NOT NULL DEFAULT ''")

    MIGRATIONS = (((1, 0), create_1_0), ((1, 1), migrate_1_1))

``CURRENT_VERSION`` in ``userdb`` follows the last line. ``tests/data/test_userdb_versions.py``
runs a fake 1.1 this way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]

# The title of an entry is kept with every bookmark, note and visit: after a data update the entry
# may be gone, and the reader's row is then still shown under the title it had.
_SCHEMA_1_0 = """
CREATE TABLE folder (
    name TEXT PRIMARY KEY,
    added TEXT NOT NULL
);
CREATE TABLE bookmark (
    entry_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    custom_title TEXT NOT NULL DEFAULT '',
    folder TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL
);
CREATE INDEX bookmark_by_folder ON bookmark (folder, added);
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX note_by_time ON note (updated);
-- The search index reads the text from the note table (external content) and is kept in step by
-- triggers, so it changes in the same transaction as the note itself.
CREATE VIRTUAL TABLE note_search USING fts5 (
    text, content = 'note', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER note_added AFTER INSERT ON note BEGIN
    INSERT INTO note_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER note_removed AFTER DELETE ON note BEGIN
    INSERT INTO note_search (note_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER note_changed AFTER UPDATE OF text ON note BEGIN
    INSERT INTO note_search (note_search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO note_search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TABLE visit (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL,
    title TEXT NOT NULL,
    visited TEXT NOT NULL
);
-- History lists newest first and clears by age: both walk this index.
CREATE INDEX visit_by_time ON visit (visited);
-- One row per entry and moment: an imported history merges instead of doubling.
CREATE UNIQUE INDEX visit_once ON visit (entry_id, visited);
"""


def create_1_0(connection: sqlite3.Connection) -> None:
    """Version 1.0: folders, bookmarks, notes with their search index, and history."""
    # executescript would COMMIT the caller's transaction first; run the statements one by one.
    for statement in _split(_SCHEMA_1_0):
        connection.execute(statement)


def _split(script: str) -> list[str]:
    """The statements of ``script``; sqlite3.complete_statement knows where triggers end."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"an unfinished statement in the schema: {pending!r}")
    return statements


MIGRATIONS: Sequence[tuple[tuple[int, int], Migration]] = (((1, 0), create_1_0),)
