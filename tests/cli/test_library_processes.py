"""Nothing is lost: the library under ``kill -9`` and with two processes writing at once.

Real processes, each a small Python script that opens the library through the same code as the
GUI and the CLI (``Library`` over ``open_user_store(library_path())``) and writes in a loop, one
transaction per write, reporting on stdout what it saved only after the save returned.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from genai_atlas.data import open_atlas
from genai_atlas.data.library import Library
from genai_atlas.data.userdb_open import open_user_store
from tests.cli_process import cli_env

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL and fork-like process starts are POSIX"
)

LIBRARY = "library.sqlite3"
KILLS = 50
# Seeded, so that a failure can be run again with the same kill moments.
SEED = 20261129

# Opens the library as the app does, then saves notes forever: note k goes on entry k (mod the
# number of entries), and "RUN K ENTRY" is printed (and flushed) once set_note has returned.
NOTE_WRITER = """
import sys
from genai_atlas.data import open_atlas
from genai_atlas.data.data_dir import library_path
from genai_atlas.data.library import Library
from genai_atlas.data.userdb_open import open_user_store

run = int(sys.argv[2])
library = Library(open_atlas(sys.argv[1]), open_user_store(library_path()))
ids = [ref.id for ref in library.atlas.list()]
print("ready", flush=True)
for k in range(1_000_000):
    entry_id = ids[k % len(ids)]
    library.set_note(entry_id, f"run {run} write {k}\\nsaved by the note writer")
    print(run, k, entry_id, flush=True)
"""

# Process P of two: 200 writes on its own entries (every other entry of the atlas), bookmarks
# and notes in turn, started together on "go". A bookmark write moves the entry's bookmark to a
# new folder named after the write (a folder row each); a note write appends a line to the
# entry's note as read back from the store, so a write lost to the other process would be
# missing from every later text.
TWO_WRITERS = """
import sys
from genai_atlas.data import open_atlas
from genai_atlas.data.data_dir import library_path
from genai_atlas.data.library import Library
from genai_atlas.data.userdb_open import open_user_store

process, writes = int(sys.argv[2]), int(sys.argv[3])
library = Library(open_atlas(sys.argv[1]), open_user_store(library_path()))
mine = [ref.id for ref in library.atlas.list()][process::2]
print("ready", flush=True)
sys.stdin.readline()
for i in range(writes):
    entry_id = mine[(i // 2) % len(mine)]
    if i % 2 == 0:
        library.add_bookmark(entry_id, folder=f"process {process} write {i}")
    else:
        note = library.note(entry_id)
        line = f"process {process} write {i}"
        library.set_note(entry_id, f"{note.text}\\n{line}" if note else line)
print("done", flush=True)
library.close()
"""


def _env(data_dir: Path, atlas_db_path: Path) -> dict[str, str]:
    return cli_env(atlas_db_path, GENAI_ATLAS_DATA_DIR=str(data_dir))


def _open(atlas_db_path: Path, data_dir: Path) -> Library:
    store = open_user_store(data_dir / LIBRARY)
    assert store.notices == (), store.notices  # not corrupt, not set aside, not read-only
    return Library(open_atlas(atlas_db_path), store)


def _parse(text: str) -> tuple[int, int]:
    first, rest = text.split("\n", 1)
    assert rest == "saved by the note writer", text  # never a torn text
    words = first.split()
    assert words[0] == "run" and words[2] == "write", text
    return int(words[1]), int(words[3])


def test_kill_9_at_random_moments_loses_no_saved_note(atlas_db_path: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = _env(data_dir, atlas_db_path)
    chance = random.Random(SEED)
    # entry id -> the newest (run, write) the writer reported saved on it
    reported: dict[str, tuple[int, int]] = {}
    reports = 0
    for run in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", NOTE_WRITER, str(atlas_db_path), str(run)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        try:
            # Every fifth run dies while it starts and opens the store; the others while saving.
            if run % 5 == 0:
                time.sleep(chance.uniform(0.0, 0.3))
            else:
                assert writer.stdout.readline() == "ready\n"
                writer.stdout.readline()  # the first note is saved: writing is under way
                time.sleep(chance.uniform(0.0, 0.08))
            writer.send_signal(signal.SIGKILL)
            output = writer.stdout.read()
        finally:
            writer.kill()
            writer.wait(timeout=30)
            writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
        for line in output.splitlines(keepends=True):
            if not line.endswith("\n") or line == "ready\n":
                continue  # a line cut by the kill was never a report
            run_text, write_text, entry_id = line.split()
            reported[entry_id] = max(
                reported.get(entry_id, (-1, -1)), (int(run_text), int(write_text))
            )
            reports += 1
    assert reports > KILLS, "the writer hardly saved anything before it was killed"

    with _open(atlas_db_path, data_dir) as library:
        check = library.store.read("PRAGMA integrity_check")
        assert [row[0] for row in check] == ["ok"]
        saved = {note.entry_id: _parse(note.text) for note in library.notes()}
    # Every note reported saved is there: the same text, or a newer one that was written after
    # it (the last write of a run may have been saved but killed before it was reported).
    lost = {
        entry_id: (newest, saved.get(entry_id))
        for entry_id, newest in reported.items()
        if saved.get(entry_id, (-1, -1)) < newest
    }
    assert lost == {}
    assert [path.name for path in data_dir.iterdir() if path.name.startswith(f"{LIBRARY}.")] == []


def test_two_processes_writing_at_once_lose_none_of_400_writes(
    atlas_db_path: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    env = _env(data_dir, atlas_db_path)
    writes = 200
    # Made before the race, so that the two do not both create the file's tables.
    with _open(atlas_db_path, data_dir) as library:
        ids = [ref.id for ref in library.atlas.list()]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", TWO_WRITERS, str(atlas_db_path), str(process), str(writes)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for process in (0, 1)
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        results = [writer.communicate(timeout=120) for writer in writers]
    finally:
        for writer in writers:
            writer.kill()
            writer.wait(timeout=30)
    for writer, (stdout, stderr) in zip(writers, results, strict=True):
        assert writer.returncode == 0, stderr
        assert stdout == "done\n"

    expected_folders: set[str] = set()
    expected_folder_of: dict[str, str] = {}
    expected_note: dict[str, list[str]] = {}
    for process in (0, 1):
        mine = ids[process::2]
        for i in range(writes):
            entry_id = mine[(i // 2) % len(mine)]
            line = f"process {process} write {i}"
            if i % 2 == 0:
                expected_folders.add(line)
                expected_folder_of[entry_id] = line
            else:
                expected_note.setdefault(entry_id, []).append(line)

    with _open(atlas_db_path, data_dir) as library:
        folders = set(library.folders())
        bookmarks = {bookmark.entry_id: bookmark.folder for bookmark in library.bookmarks()}
        notes = {note.entry_id: note.text.split("\n") for note in library.notes()}
    # 200 bookmark writes: each left its folder, and each entry's bookmark is in the last one.
    assert len(expected_folders) == writes
    assert folders == expected_folders
    assert bookmarks == expected_folder_of
    # 200 note writes: each entry's note holds every line written to it, in order.
    assert sum(map(len, expected_note.values())) == writes
    assert notes == expected_note
