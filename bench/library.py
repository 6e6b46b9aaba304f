"""The reader's library: each user action against the raw SQLite statement that does the same work.

    .venv/bin/python bench/library.py [--db FILE] [--rounds N]

In a temporary folder it makes a library with 10,000 visits and 1,000 notes, then times, through
``Library`` (one ``BEGIN IMMEDIATE`` transaction per action, the title looked up, the row read
back as a record):

* toggling a bookmark (add, then remove);
* saving a note (the text changes each time, so the search index is updated too);
* listing the 10,000 history rows (as records, with the missing-entry check per row);
* searching the 1,000 notes (escaped words, prefix match, snippet);
* opening the library file (version, quick_check, WAL) — what startup pays — full, and with a
  few rows, as a new reader's is.

For each, the floor is the bare statement on a plain ``sqlite3`` connection to the same file with
the same pragmas (WAL, synchronous=NORMAL), measured in the same run. Prints medians in ms and the
ratio. No Qt.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

WORDS = (
    "model diffusion transformer prompt latency pricing licence open weights benchmark image "
    "audio video code agent tokens context window fine tuning hallucination safety review later "
    "compare claude gemini llama mistral healthcare education marketing"
).split()
QUERIES = ["pricing", "diff", "open weights", "claude later", "tok", "safety review", "zzz", "m"]


def _build_atlas(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("atlas_build", ROOT / "database" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["atlas_build"] = module
    spec.loader.exec_module(module)
    path = folder / "atlas.db"
    module.build_database(module.DEFAULT_CONTENT, path)
    return path


def _time(work: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _fill(path: Path, entry_ids: list[str]) -> None:
    """10,000 visits and 1,000 notes, written straight into the library file."""
    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    for number in range(10_000):
        moment = start + timedelta(minutes=7 * number)
        connection.execute(
            "INSERT INTO visit (entry_id, title, visited) VALUES (?, ?, ?)",
            [
                rng.choice(entry_ids),
                "Title",
                moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            ],
        )
    for number in range(1_000):
        # Most notes are on entries a later atlas no longer has: the listing shows them all.
        entry_id = entry_ids[number] if number < len(entry_ids) else f"model/bench-{number}"
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 120)))
        connection.execute(
            "INSERT INTO note (entry_id, title, text, updated) VALUES (?, ?, ?, ?)",
            [entry_id, f"Note {number}", text, "2026-06-01T00:00:00.000000Z"],
        )
    connection.execute("COMMIT")
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db",
        type=Path,
        default=ROOT / "src/genai_atlas/assets/atlas.db",
        help="the atlas database (built in a temporary folder if missing)",
    )
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    from genai_atlas.data import open_atlas
    from genai_atlas.data.library import Library, fts_query
    from genai_atlas.data.userdb_open import open_user_store

    rounds = args.rounds
    with tempfile.TemporaryDirectory(prefix="atlas-bench-library-") as name:
        folder = Path(name)
        atlas_path = args.db if args.db.is_file() else _build_atlas(folder)
        path = folder / "data" / "library.sqlite3"
        open_user_store(path).close()
        atlas = open_atlas(atlas_path)
        entry_ids = [ref.id for ref in atlas.list()]
        _fill(path, entry_ids)

        store = open_user_store(path)
        library = Library(atlas, store)
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("PRAGMA synchronous = NORMAL")
        raw.execute("PRAGMA busy_timeout = 5000")
        one, other = entry_ids[0], entry_ids[1]
        rows: list[tuple[str, list[float], list[float]]] = []

        # Toggling a bookmark: the library adds, then removes, each its own transaction.
        def raw_toggle() -> None:
            raw.execute("BEGIN IMMEDIATE")
            found = raw.execute("SELECT 1 FROM bookmark WHERE entry_id = ?", [other]).fetchone()
            if found:
                raw.execute("DELETE FROM bookmark WHERE entry_id = ?", [other])
            else:
                raw.execute(
                    "INSERT INTO bookmark (entry_id, title, added) VALUES (?, 'T', 'now')",
                    [other],
                )
            raw.execute("COMMIT")

        rows.append(
            (
                "toggle a bookmark",
                _time(lambda: library.toggle_bookmark(one), rounds),
                _time(raw_toggle, rounds),
            )
        )

        # Saving a note: new text each time (a typing pause), so the FTS5 index changes too.
        counter = iter(range(10**9))

        def raw_note() -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(
                "INSERT INTO note (entry_id, title, text, updated) VALUES (?, 'T', ?, 'now') "
                "ON CONFLICT (entry_id) DO UPDATE SET text = excluded.text, "
                "updated = excluded.updated",
                [other, f"typed so far {next(counter)} pricing later"],
            )
            raw.execute("COMMIT")

        rows.append(
            (
                "save a note",
                _time(lambda: library.set_note(one, f"typed so far {next(counter)}"), rounds),
                _time(raw_note, rounds),
            )
        )

        # Listing the history: every row as a record, newest first.
        listing_rounds = max(5, rounds // 10)
        history = _time(lambda: library.history(), listing_rounds)
        assert len(library.history()) == 10_000
        rows.append(
            (
                "list 10,000 visits",
                history,
                _time(
                    lambda: raw.execute(
                        "SELECT entry_id, title, visited FROM visit ORDER BY visited DESC, id DESC"
                    ).fetchall(),
                    listing_rounds,
                ),
            )
        )

        # Searching the notes: the same texts through the library and as a bare MATCH.
        query_cycle = iter(QUERIES * (rounds // len(QUERIES) + 1))
        raw_cycle = iter(QUERIES * (rounds // len(QUERIES) + 1))
        rows.append(
            (
                "search 1,000 notes",
                _time(lambda: library.search_notes(next(query_cycle)), rounds),
                _time(
                    lambda: raw.execute(
                        "SELECT note.entry_id, snippet(note_search, 0, '', '', '…', 16) "
                        "FROM note_search JOIN note ON note.id = note_search.rowid "
                        "WHERE note_search MATCH ? ORDER BY rank LIMIT 50",
                        [fts_query(next(raw_cycle))],
                    ).fetchall(),
                    rounds,
                ),
            )
        )
        raw.close()
        store.close()

        # Opening: the store's checks and setup, against a bare connect and one read.
        def raw_open() -> None:
            connection = sqlite3.connect(path)
            connection.execute("PRAGMA user_version").fetchone()
            connection.close()

        open_rounds = max(5, rounds // 10)
        rows.append(
            (
                "open the library",
                _time(lambda: open_user_store(path).close(), open_rounds),
                _time(raw_open, open_rounds),
            )
        )
        # What a new reader's startup pays: the same with a library of a few rows.
        small = folder / "small" / "library.sqlite3"
        with open_user_store(small) as fresh:
            Library(atlas, fresh).add_bookmark(one)

        def raw_open_small() -> None:
            connection = sqlite3.connect(small)
            connection.execute("PRAGMA user_version").fetchone()
            connection.close()

        rows.append(
            (
                "open a small library",
                _time(lambda: open_user_store(small).close(), open_rounds),
                _time(raw_open_small, open_rounds),
            )
        )
        atlas.close()

        print(
            f"library with 10,000 visits and 1,000 notes; {rounds} rounds "
            f"({listing_rounds} for listing and opening); medians in ms"
        )
        print(f"{'what':<20} {'library':>9} {'raw SQL':>9} {'ratio':>7}")
        for what, ours, floor in rows:
            mine, bare = statistics.median(ours), statistics.median(floor)
            print(f"{what:<20} {mine:9.3f} {bare:9.3f} {mine / bare:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
