"""The versions of the imported model data's file, one numbered function each.

The same scheme as the library's (:mod:`user_migrations`): ``(major, minor)`` in
``PRAGMA user_version``, applied in order by :func:`userdb_open.open_user_store`, which copies
the file aside before a migration and moves a damaged or newer-major file aside. A minor step
only adds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from .user_migrations import Migration, _split

# List columns hold their items joined by U+001F (the unit separator): a character the importer
# never lets through, and faster to split than JSON for the ten thousand rows of a long list.
_SCHEMA_1_0 = """
CREATE TABLE imported_model (
    entry_id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    organisations TEXT NOT NULL,
    countries TEXT NOT NULL,
    publication_date TEXT,
    domains TEXT NOT NULL,
    tasks TEXT NOT NULL,
    parameters REAL,
    training_compute_flop REAL,
    accessibility TEXT NOT NULL,
    links TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    -- The publisher's prose last: a listing without it then never reads its overflow pages.
    reference TEXT NOT NULL,
    parameters_notes TEXT NOT NULL,
    compute_notes TEXT NOT NULL,
    accessibility_notes TEXT NOT NULL,
    abstract TEXT NOT NULL
);
-- One row: the file the data came from (absent when nothing is imported).
CREATE TABLE dataset (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    file_name TEXT NOT NULL,
    file_modified TEXT NOT NULL,
    newest_publication_date TEXT,
    imported_at TEXT NOT NULL,
    row_count INTEGER NOT NULL
);
"""

TABLES = frozenset({"imported_model", "dataset"})


def create_1_0(connection: sqlite3.Connection) -> None:
    """Version 1.0: the imported models and the file they came from."""
    for statement in _split(_SCHEMA_1_0):
        connection.execute(statement)


MIGRATIONS: Sequence[tuple[tuple[int, int], Migration]] = (((1, 0), create_1_0),)
