"""A damaged library file is never overwritten: it is moved aside, the reader is told where, and
a new library starts. These tests damage real files in tmp_path the ways disks and people do."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from genai_atlas.data.userdb_open import open_user_store

MOMENT = datetime(2026, 11, 29, 10, 50, tzinfo=UTC)
ASIDE = "library.sqlite3.damaged-20261129T105000Z"


def _at_moment() -> datetime:
    return MOMENT


def _full_library(path: Path) -> None:
    """A real library with enough rows to span many pages."""
    with open_user_store(path) as store:
        with store.transaction() as connection:
            for number in range(300):
                connection.execute(
                    "INSERT INTO note (entry_id, title, text, updated) VALUES (?, ?, ?, 'then')",
                    [f"model/m{number}", f"Model {number}", f"note {number} " * 40],
                )


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _truncated(path: Path) -> None:
    _full_library(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _torn_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


def _scribbled_pages(path: Path) -> None:
    _full_library(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), 3 * page):  # inside b-tree pages, not page 1
        data[offset : offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def _broken_btree(path: Path) -> None:
    """Bytes that SQLite opens but its quick_check rejects (a b-tree page with a bad header)."""
    _full_library(path)
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 2 * 4096 + 4] = b"\xff\x00\xff\x00"
    path.write_bytes(bytes(data))


def _other_apps_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()


def _missing_tables(path: Path) -> None:
    _full_library(path)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE visit")
    connection.commit()
    connection.close()


DAMAGE = {
    "garbage bytes": (_garbage, "it is not an SQLite database"),
    "truncated": (_truncated, "damaged"),
    "a torn header": (_torn_header, "it is cut short"),
    "scribbled pages": (_scribbled_pages, "damaged"),
    "a b-tree page that fails the check": (_broken_btree, "SQLite's check found: Page 3"),
    "another program's database": (_other_apps_database, "not a GenAI Atlas library"),
    "tables missing": (_missing_tables, "tables of the library are missing"),
}


@pytest.mark.parametrize("how", list(DAMAGE))
def test_a_damaged_file_is_moved_aside_and_a_new_library_started(tmp_path: Path, how: str) -> None:
    damage, reason = DAMAGE[how]
    path = tmp_path / "library.sqlite3"
    damage(path)
    damaged_bytes = path.read_bytes()
    with open_user_store(path, now=_at_moment) as store:
        aside = tmp_path / ASIDE
        (notice,) = store.notices
        assert notice.startswith(f"Your library {path} is damaged (")
        assert reason in notice
        assert notice.endswith(f"so it was moved to {aside} and a new, empty library was started.")
        assert store.writable
        with store.transaction() as connection:
            connection.execute("INSERT INTO folder (name, added) VALUES ('fresh', 'now')")
    assert aside.read_bytes() == damaged_bytes  # moved, never rewritten
    with open_user_store(path) as again:
        assert again.notices == ()
        assert [row["name"] for row in again.read("SELECT name FROM folder")] == ["fresh"]


def test_the_wal_and_shm_files_go_with_it(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _garbage(path)
    Path(f"{path}-wal").write_bytes(b"stale wal")
    Path(f"{path}-shm").write_bytes(b"stale shm")
    open_user_store(path, now=_at_moment).close()
    assert (tmp_path / f"{ASIDE}-wal").read_bytes() == b"stale wal"
    assert (tmp_path / f"{ASIDE}-shm").read_bytes() == b"stale shm"


def test_an_empty_file_is_just_a_new_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"")
    with open_user_store(path) as store:
        assert store.notices == () and store.writable
    assert sorted(p.name for p in tmp_path.iterdir())[0] == "library.sqlite3"
    assert not list(tmp_path.glob("*damaged*"))


def test_a_sound_library_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _full_library(path)
    with open_user_store(path) as store:
        assert store.notices == ()
        assert store.read("SELECT count(*) FROM note")[0][0] == 300
    assert not list(tmp_path.glob("*damaged*"))
