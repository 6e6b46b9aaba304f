"""Versions of the library file: migrations in place, a copy aside first, newer files respected."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from genai_atlas.data.user_migrations import MIGRATIONS
from genai_atlas.data.userdb import CURRENT_VERSION, UserVersion
from genai_atlas.data.userdb_open import open_user_store

MOMENT = datetime(2026, 11, 29, 10, 50, tzinfo=UTC)


def _at_moment() -> datetime:
    return MOMENT


def _version(path: Path) -> UserVersion:
    connection = sqlite3.connect(path)
    try:
        return UserVersion.from_int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def _set_version(path: Path, version: UserVersion) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA user_version = {version.to_int()}")
        connection.commit()
    finally:
        connection.close()


def _store_with_a_folder(path: Path) -> None:
    with open_user_store(path) as store:
        with store.transaction() as connection:
            connection.execute("INSERT INTO folder (name, added) VALUES ('mine', 'then')")


def _add_colour(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE bookmark ADD COLUMN colour TEXT NOT NULL DEFAULT ''")


WITH_1_1 = (*MIGRATIONS, ((1, 1), _add_colour))


def test_a_minor_migration_runs_in_place_after_a_copy_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _store_with_a_folder(path)
    with open_user_store(path, migrations=WITH_1_1, now=_at_moment) as store:
        assert store.version == UserVersion(1, 1) and store.notices == ()
        columns = [row["name"] for row in store.read("PRAGMA table_info(bookmark)")]
        assert "colour" in columns
        assert [row["name"] for row in store.read("SELECT name FROM folder")] == ["mine"]
    assert _version(path) == UserVersion(1, 1)
    copy = tmp_path / "library.sqlite3.before-1.1-20261129T105000Z"
    assert copy.is_file()
    assert _version(copy) == UserVersion(1, 0)
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT name FROM folder").fetchall() == [("mine",)]
    finally:
        connection.close()


def test_a_new_file_is_not_copied_aside(tmp_path: Path) -> None:
    with open_user_store(tmp_path / "library.sqlite3", migrations=WITH_1_1) as store:
        assert store.version == UserVersion(1, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _store_with_a_folder(path)

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE bookmark ADD COLUMN colour TEXT")
        raise RuntimeError("a bug in the migration")

    with pytest.raises(RuntimeError):
        open_user_store(path, migrations=(*MIGRATIONS, ((1, 1), broken)))
    assert _version(path) == UserVersion(1, 0)
    with open_user_store(path) as store:
        columns = [row["name"] for row in store.read("PRAGMA table_info(bookmark)")]
        assert "colour" not in columns


def test_a_newer_minor_version_opens_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _store_with_a_folder(path)
    _set_version(path, UserVersion(1, 7))
    with open_user_store(path) as store:
        assert store.writable and store.notices == ()
        assert store.version == UserVersion(1, 7)
        assert [row["name"] for row in store.read("SELECT name FROM folder")] == ["mine"]
        with store.transaction() as connection:
            connection.execute("INSERT INTO folder (name, added) VALUES ('more', 'now')")
    assert _version(path) == UserVersion(1, 7)  # never lowered
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]


def test_a_newer_major_version_is_moved_aside_and_a_new_library_started(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _store_with_a_folder(path)
    _set_version(path, UserVersion(2, 0))
    with open_user_store(path, now=_at_moment) as store:
        aside = tmp_path / "library.sqlite3.version-2.0-20261129T105000Z"
        assert store.notices == (
            f"Your library {path} was written by a newer GenAI Atlas (library version 2.0; this "
            f"version reads 1.x), so it was moved to {aside} and a new, empty library was "
            "started.",
        )
        assert store.writable and store.read("SELECT name FROM folder") == []
    assert _version(aside) == UserVersion(2, 0)  # untouched: a newer GenAI Atlas can open it
    assert _version(path) == CURRENT_VERSION


def test_two_files_set_aside_in_the_same_second_both_keep(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    for _ in range(2):
        path.write_bytes(b"garbage" * 100)
        open_user_store(path, now=_at_moment).close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "library.sqlite3",
        "library.sqlite3.damaged-20261129T105000Z",
        "library.sqlite3.damaged-20261129T105000Z-2",
    ]
