"""The writable store under the library: connections, transactions, faults that are not bugs."""

from __future__ import annotations

import gc
import sqlite3
import threading
import warnings
from pathlib import Path

import pytest

from genai_atlas.data.errors import KnownError
from genai_atlas.data.userdb import (
    BUSY_TIMEOUT_MS,
    CURRENT_VERSION,
    StoreError,
    UserStore,
    UserVersion,
    memory_store,
)
from genai_atlas.data.userdb_open import open_user_store


def _folders(store: UserStore) -> list[str]:
    return [row["name"] for row in store.read("SELECT name FROM folder ORDER BY name")]


def _add_folder(store: UserStore, name: str, action: str = "save the folder") -> None:
    with store.transaction(action) as connection:
        connection.execute("INSERT INTO folder (name, added) VALUES (?, 'now')", [name])


def test_user_version_packs_major_and_minor() -> None:
    assert UserVersion(1, 0).to_int() == 65536
    assert UserVersion(2, 3).to_int() == 2 << 16 | 3
    assert UserVersion.from_int(2 << 16 | 3) == UserVersion(2, 3)
    assert str(UserVersion(1, 12)) == "1.12"
    assert UserVersion(1, 9) < UserVersion(2, 0) and UserVersion(1, 1) > UserVersion(1, 0)
    assert CURRENT_VERSION == UserVersion(1, 0)
    with pytest.raises(ValueError):
        UserVersion(0x8000, 0).to_int()


def test_a_new_store_is_wal_and_versioned(user_store: UserStore) -> None:
    connection = user_store.connection()
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION.to_int()
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    # synchronous=NORMAL (1): a commit survives the process being killed; see userdb's doc.
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert user_store.writable and user_store.notices == ()


def test_a_transaction_commits_or_rolls_back_whole(user_store: UserStore) -> None:
    _add_folder(user_store, "kept")
    with pytest.raises(RuntimeError):
        with user_store.transaction() as connection:
            connection.execute("INSERT INTO folder (name, added) VALUES ('half', 'now')")
            raise RuntimeError("a bug halfway")
    assert _folders(user_store) == ["kept"]
    assert not user_store.connection().in_transaction


def test_a_nested_transaction_joins_the_outer_one(user_store: UserStore) -> None:
    with pytest.raises(RuntimeError):
        with user_store.transaction() as outer:
            outer.execute("INSERT INTO folder (name, added) VALUES ('a', 'now')")
            with user_store.transaction() as inner:
                assert inner is outer
                inner.execute("INSERT INTO folder (name, added) VALUES ('b', 'now')")
            raise RuntimeError("after the inner one")
    assert _folders(user_store) == []


def test_a_bug_in_sql_stays_a_bug(user_store: UserStore) -> None:
    with pytest.raises(sqlite3.OperationalError):
        with user_store.transaction() as connection:
            connection.execute("INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError):
        _add_folder(user_store, "twice")
        _add_folder(user_store, "twice")


def test_each_thread_has_its_own_connection_and_close_closes_all(tmp_path: Path) -> None:
    store = open_user_store(tmp_path / "library.sqlite3")
    seen: list[sqlite3.Connection] = []

    def work(name: str) -> None:
        seen.append(store.connection())
        _add_folder(store, name)

    threads = [threading.Thread(target=work, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(connection) for connection in seen}) == 4
    assert store.connection() not in seen
    assert _folders(store) == ["t0", "t1", "t2", "t3"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        store.close()
        seen.clear()
        gc.collect()
    with pytest.raises(RuntimeError, match="closed"):
        store.connection()
    store.close()  # twice is harmless


def test_writers_in_two_stores_never_lose_each_others_rows(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with open_user_store(path) as one, open_user_store(path) as two:
        before = one.data_version()
        for number in range(20):
            _add_folder(one if number % 2 else two, f"f{number:02}")
        assert one.data_version() != before
        assert _folders(one) == _folders(two) == [f"f{n:02}" for n in range(20)]


def test_a_lock_held_too_long_is_a_store_error_and_the_store_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    open_user_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with open_user_store(path, busy_timeout_ms=50) as store:
            with pytest.raises(StoreError) as caught:
                _add_folder(store, "blocked", action="save the bookmark")
            message = str(caught.value)
            assert message.startswith("Cannot save the bookmark: your library ")
            assert "locked by another program for more than 0.05 seconds" in message
            assert isinstance(caught.value, KnownError)
            holder.execute("ROLLBACK")
            _add_folder(store, "later")  # the same connection works once the lock is gone
            assert _folders(store) == ["later"]
    finally:
        holder.close()


def test_a_memory_store_for_tests_is_writable() -> None:
    with memory_store() as store:
        _add_folder(store, "x")
        assert _folders(store) == ["x"] and store.path is None


def test_no_data_folder_gives_a_read_only_store_in_memory() -> None:
    with open_user_store(None) as store:
        assert store.path is None and not store.writable
        assert _folders(store) == []
        (notice,) = store.notices
        assert "No folder for your library was found" in notice
        with pytest.raises(StoreError, match="Cannot save the note: no folder for your library"):
            _add_folder(store, "x", action="save the note")


def test_a_folder_that_cannot_be_made_gives_a_read_only_store(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with open_user_store(blocker / "data" / "library.sqlite3") as store:
        assert not store.writable and store.path is None
        (notice,) = store.notices
        assert f"The data folder {blocker / 'data'} cannot be created" in notice
        with pytest.raises(StoreError, match="cannot be created"):
            _add_folder(store, "x")
    assert blocker.read_text() == "not a folder"


def test_a_folder_where_the_file_should_be_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "library.sqlite3").mkdir()
    with open_user_store(tmp_path / "library.sqlite3") as store:
        assert not store.writable
        assert "is a folder or a device, not a file" in store.notices[0]
    assert (tmp_path / "library.sqlite3").is_dir()
