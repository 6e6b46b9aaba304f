"""Database messages name the real cause and the file, at start and while the atlas is open.

A user reads these sentences when the app or the CLI cannot use the database, so each test checks
the words a user sees: the path, what is wrong, and what to do.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from genai_atlas.data import AtlasError, KnownError, open_atlas
from genai_atlas.data import atlas_file as atlas_module
from genai_atlas.data.schema import SCHEMA_VERSION


def message_for(path: Path) -> str:
    with pytest.raises(AtlasError) as caught:
        open_atlas(path)
    assert caught.value.path == str(path)
    return str(caught.value)


# --- opening ------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "atlas.db"
    text = message_for(path)
    assert text == (
        f"The atlas database {path} is missing. "
        "Reinstall GenAI Atlas, or rebuild the database with 'make db'."
    )


def test_a_folder_is_not_called_missing(tmp_path: Path) -> None:
    text = message_for(tmp_path)
    assert f"The atlas database {tmp_path} is a folder, not a database file." in text
    assert "missing" not in text
    assert "GENAI_ATLAS_DB" in text


def test_a_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    # Opening a FIFO for reading would block until a writer came; the check must not open it.
    fifo = tmp_path / "atlas.db"
    os.mkfifo(fifo)
    assert "is a device, pipe or socket, not a database file" in message_for(fifo)


def test_unreadable_file_says_permission_denied(
    atlas_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads any file whatever its mode, so the refusal is simulated where the file is read.
    real_open = open

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(file) == atlas_db_path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(atlas_module, "open", refusing_open, raising=False)
    text = message_for(atlas_db_path)
    assert f"The atlas database {atlas_db_path} cannot be read: permission denied." in text
    assert "chmod a+r" in text
    assert "corrupt" not in text and "damaged" not in text


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file_with_real_permissions(atlas_db_path: Path) -> None:
    atlas_db_path.chmod(0)
    try:
        assert "cannot be read: permission denied" in message_for(atlas_db_path)
    finally:
        atlas_db_path.chmod(0o644)


def test_unreachable_folder_says_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked" / "atlas.db"
    real_stat = os.stat

    def refusing_stat(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(target) == path:
            raise PermissionError(13, "Permission denied", str(target))
        return real_stat(target, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)
    text = message_for(path)
    assert "cannot be reached: permission denied on a folder on its path" in text
    assert "missing" not in text


def test_empty_file_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "atlas.db"
    path.touch()
    assert message_for(path) == (
        f"The file {path} is not a GenAI Atlas database or is damaged (the file is empty). "
        "Reinstall GenAI Atlas, or rebuild the database with 'make db'."
    )


def test_other_file_is_not_an_atlas(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"this is not a database" * 100)
    assert "is not a GenAI Atlas database or is damaged (it is not an SQLite file)" in (
        message_for(path)
    )


def test_another_sqlite_database_is_not_an_atlas(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    assert "is not a GenAI Atlas database or is damaged (it has no table of entries)" in (
        message_for(path)
    )


def test_damaged_pages_are_reported_as_damaged(atlas_db_path: Path) -> None:
    data = bytearray(atlas_db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    atlas_db_path.write_bytes(bytes(data))
    text = message_for(atlas_db_path)
    assert f"The file {atlas_db_path} is not a GenAI Atlas database or is damaged (" in text


@pytest.mark.parametrize(
    ("version", "advice"),
    [
        (99, "Update GenAI Atlas"),  # written by a newer GenAI Atlas
        (0, "rebuild the database with 'make db'"),  # an older build
    ],
)
def test_other_schema_version_names_both_and_what_to_do(
    atlas_db_path: Path, version: int, advice: str
) -> None:
    with sqlite3.connect(atlas_db_path) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    text = message_for(atlas_db_path)
    assert (
        f"has schema version {version}, but this version of GenAI Atlas reads version "
        f"{SCHEMA_VERSION}" in text
    )
    assert advice in text


def test_hostile_path_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "a\x1b[2Jb" / "atlas.db"
    text = message_for(path)
    assert "\x1b" not in text
    assert "a\\x1b[2Jb" in text


def test_every_database_error_is_a_known_fault(tmp_path: Path) -> None:
    with pytest.raises(KnownError):
        open_atlas(tmp_path)


# --- while the atlas is open --------------------------------------------------------------------


def test_emptied_while_open(atlas_db_path: Path) -> None:
    atlas = open_atlas(atlas_db_path)
    assert atlas.list()
    atlas_db_path.write_bytes(b"")  # what ': > atlas.db' does
    with pytest.raises(AtlasError) as caught:
        atlas.get("model/gpt-4")
    assert str(caught.value) == (
        f"The atlas database {atlas_db_path} was emptied while GenAI Atlas was running. "
        "Quit GenAI Atlas, put the database back (reinstall GenAI Atlas, or rebuild the database "
        "with 'make db') and start it again."
    )
    # every read method says the same, none leaks a raw sqlite3 error
    for read in (atlas.list, atlas.info, atlas.quick_check, lambda: atlas.get("term/llm")):
        with pytest.raises(AtlasError, match="was emptied"):
            read()
    atlas.close()


def test_overwritten_with_other_bytes_while_open(atlas_db_path: Path) -> None:
    atlas = open_atlas(atlas_db_path)
    assert atlas.list()
    atlas_db_path.write_bytes(b"garbage" * 2000)
    with pytest.raises(AtlasError) as caught:
        atlas.list()
    text = str(caught.value)
    assert f"The atlas database {atlas_db_path} was changed or replaced while GenAI Atlas" in text
    assert "start it again" in text
    atlas.close()


def test_copied_over_by_a_different_atlas_while_open(atlas_db_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    shutil.copyfile(atlas_db_path, other)
    with sqlite3.connect(other) as conn:
        conn.execute("DELETE FROM model WHERE id = 'model/gpt-4'")
    conn.close()
    atlas = open_atlas(atlas_db_path)
    assert atlas.get("model/gpt-4").title
    atlas_db_path.write_bytes(other.read_bytes())  # cp over the file: same inode, new content
    with pytest.raises(AtlasError, match="was changed or replaced while GenAI Atlas was running"):
        atlas.get("model/gpt-4")
    atlas.close()


def test_deleted_while_open_keeps_working(atlas_db_path: Path) -> None:
    # The open file stays readable until the atlas is closed: nothing to tell the user yet.
    atlas = open_atlas(atlas_db_path)
    atlas_db_path.unlink()
    assert atlas.get("model/gpt-4").title == "GPT-4"
    atlas.close()


def test_a_wrong_query_on_an_unchanged_file_stays_a_bug(atlas) -> None:
    # Only the environment becomes an AtlasError; a mistake in the code keeps its traceback.
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        atlas._query("SELECT * FROM no_such_table")
