"""The library on a read-only folder, a read-only file and a full disk: real filesystems.

A read-only folder is a folder with its write permission taken away, or, for root (whom
permissions do not stop), a small tmpfs remounted read-only. The full disk is a tmpfs of a few
hundred KiB. Both need root to mount and are skipped without it; the permission tests need a
non-root user and are skipped as root.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from genai_atlas.data.atlas import Atlas
from genai_atlas.data.library import Library
from genai_atlas.data.userdb import StoreError
from genai_atlas.data.userdb_open import open_user_store

GPT4 = "model/gpt-4"
ROOT = os.geteuid() == 0


class Disk:
    """A small filesystem of its own, mounted in tmp_path."""

    def __init__(self, mount_point: Path) -> None:
        self.path = mount_point

    def remount(self, options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(self.path)], check=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    if not ROOT:
        pytest.skip("mounting a small filesystem needs root")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=384k,mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {mounted.stderr.strip()}")
    try:
        yield Disk(mount_point)
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


@pytest.fixture
def make_read_only(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, object]]:
    """A data folder and a function that makes it read-only the way this user cannot undo."""
    if ROOT:
        disk: Disk = request.getfixturevalue("disk")
        folder = disk.path / "data"

        def read_only() -> None:
            disk.remount("ro")

        yield folder, read_only
        disk.remount("rw")
    else:
        folder = tmp_path / "data"

        def read_only() -> None:
            folder.chmod(0o555)

        yield folder, read_only
        folder.chmod(0o755)


def _saved_library(folder: Path, atlas: Atlas) -> Path:
    path = folder / "library.sqlite3"
    with open_user_store(path) as store:
        library = Library(atlas, store)
        library.add_bookmark(GPT4, folder="Reading")
        library.set_note(GPT4, "kept")
    return path


def test_a_read_only_folder_still_shows_the_library(
    atlas: Atlas, make_read_only: tuple[Path, object]
) -> None:
    folder, read_only = make_read_only
    path = _saved_library(folder, atlas)
    before = path.read_bytes()
    read_only()  # type: ignore[operator]
    with open_user_store(path) as store:
        library = Library(atlas, store)
        assert not store.writable
        assert [(b.entry_id, b.folder) for b in library.bookmarks()] == [(GPT4, "Reading")]
        assert library.note(GPT4) is not None
        (notice,) = store.notices
        assert notice.startswith(f"Your library {path} is read-only")
        with pytest.raises(StoreError) as caught:
            library.add_bookmark("industry/healthcare")
        assert str(caught.value).startswith(
            f"Cannot save the bookmark: the data folder {folder} is read-only. Make it writable"
        )
        with pytest.raises(StoreError, match="Cannot save the note"):
            library.set_note(GPT4, "changed")
        assert library.search_notes("kept")[0].entry_id == GPT4
    assert path.read_bytes() == before


def test_a_read_only_folder_without_a_library_keeps_going_in_memory(
    make_read_only: tuple[Path, object],
) -> None:
    folder, read_only = make_read_only
    folder.mkdir()
    read_only()  # type: ignore[operator]
    with open_user_store(folder / "library.sqlite3") as store:
        assert not store.writable and store.path is None
        assert store.notices == (
            f"The data folder {folder} is read-only, so bookmarks, notes and history cannot be "
            "saved in this run.",
        )
        assert store.read("SELECT count(*) FROM bookmark")[0][0] == 0


def test_a_damaged_file_in_a_read_only_folder_is_left_alone(
    make_read_only: tuple[Path, object],
) -> None:
    folder, read_only = make_read_only
    folder.mkdir()
    path = folder / "library.sqlite3"
    path.write_bytes(b"not a database at all" * 10)
    read_only()  # type: ignore[operator]
    with open_user_store(path) as store:
        assert not store.writable
        assert "could not be set aside" in store.notices[0]
    assert path.read_bytes() == b"not a database at all" * 10


@pytest.mark.skipif(ROOT, reason="root writes a file whatever its permission bits say")
def test_a_read_only_file_is_opened_read_only(atlas: Atlas, tmp_path: Path) -> None:
    path = _saved_library(tmp_path / "data", atlas)
    path.chmod(0o444)
    with open_user_store(path) as store:
        library = Library(atlas, store)
        assert not store.writable and library.is_bookmarked(GPT4)
        with pytest.raises(StoreError, match=r"the library file .* is read-only"):
            library.remove_bookmark(GPT4)


def test_a_full_disk_is_a_store_error_and_the_store_goes_on(atlas: Atlas, disk: Disk) -> None:
    path = disk.path / "library.sqlite3"
    with open_user_store(path) as store:
        library = Library(atlas, store)
        library.set_note(GPT4, "saved before the disk filled")
        ids = [ref.id for ref in atlas.list()]
        with pytest.raises(StoreError) as caught:
            for entry_id in ids:
                library.set_note(entry_id, f"{entry_id} " * 8000)
        assert str(caught.value).startswith(
            f"Cannot save the note: the disk that holds your library {path} is full. "
            "Free some space and try again."
        )
        note = library.note(GPT4)
        assert note is not None and note.text == "saved before the disk filled"
        disk.remount("size=8m")
        library.set_note(GPT4, "saved once there was room")  # the same connection, working
    with open_user_store(path) as store:
        note = Library(atlas, store).note(GPT4)
        assert note is not None and note.text == "saved once there was room"


_WRITE_THEN_DIE = """
import os, signal, sys
from pathlib import Path
from genai_atlas.data.userdb_open import open_user_store
store = open_user_store(Path(sys.argv[1]))
with store.transaction() as connection:
    connection.execute("INSERT INTO folder (name, added) VALUES ('saved before the crash', 'now')")
print("saved", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_what_a_killed_process_saved_shows_from_a_read_only_folder(disk: Disk) -> None:
    """The commit is only in the -wal file (the process died before any checkpoint); with the
    folder read-only, the library is still read with it."""
    path = disk.path / "data" / "library.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", _WRITE_THEN_DIE, str(path)], capture_output=True, text=True
    )
    assert result.stdout == "saved\n" and result.returncode == -signal.SIGKILL
    assert Path(f"{path}-wal").stat().st_size > 0
    disk.remount("ro")
    try:
        with open_user_store(path) as store:
            assert not store.writable
            names = [row["name"] for row in store.read("SELECT name FROM folder")]
            assert names == ["saved before the crash"]
    finally:
        disk.remount("rw")
