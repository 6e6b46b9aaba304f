"""The reader's library on the command line, as a user runs it: real processes over a library in a
temporary data folder, their output, exit codes and what is left in the store afterwards."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genai_atlas.command_names import near_command
from tests.cli_process import cli_env, run_cli

LIBRARY = "library.sqlite3"
GPT4 = "model/gpt-4"
GAN = "term/gan"


@dataclass
class Reader:
    """One person's library: the atlas copy and a data folder, driven through the CLI."""

    db: Path
    data_dir: Path

    def env(self, **changes: str | None) -> dict[str, str]:
        return cli_env(self.db, GENAI_ATLAS_DATA_DIR=str(self.data_dir), **changes)

    def run(self, *args: str, **options: Any) -> subprocess.CompletedProcess[Any]:
        return run_cli(*args, env=options.pop("env", None) or self.env(), **options)

    def ok(self, *args: str, **options: Any) -> str:
        result = self.run(*args, **options)
        assert result.returncode == 0, result.stderr
        assert result.stderr == "", result.stderr
        return str(result.stdout)

    def snapshot(self) -> str:
        """Everything in the library, as the export prints it."""
        return self.ok("export-library", "-")

    def json_lines(self, *args: str) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.ok(*args, "--json").splitlines()]


@pytest.fixture
def reader(atlas_db_path: Path, tmp_path: Path) -> Reader:
    return Reader(atlas_db_path, tmp_path / "reader data")


@pytest.fixture
def other_reader(atlas_db_path: Path, tmp_path: Path) -> Reader:
    return Reader(atlas_db_path, tmp_path / "second reader")


def assert_one_line_exit(result: subprocess.CompletedProcess[Any], code: int, text: str) -> None:
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert text in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def fill(reader: Reader) -> None:
    """Two bookmarks (one in a folder), two notes and three visits."""
    reader.ok("bookmark", "add", GPT4)
    reader.ok("bookmark", "add", GAN, "--folder", "Reading list")
    reader.ok("note", GPT4, "--set", "Ask about the context window.\nAnd the price.")
    reader.ok("note", GAN, "--set", "Generator against discriminator.")
    record_visits(reader, ["industry/healthcare", GPT4, GAN])


def record_visits(reader: Reader, entry_ids: list[str]) -> None:
    """Visits as the GUI records them: the CLI has no command that opens an entry."""
    code = (
        "import sys\n"
        "from genai_atlas.data import open_atlas\n"
        "from genai_atlas.data.data_dir import library_path\n"
        "from genai_atlas.data.library import Library\n"
        "from genai_atlas.data.userdb_open import open_user_store\n"
        "library = Library(open_atlas(sys.argv[1]), open_user_store(library_path()))\n"
        "for entry_id in sys.argv[2:]:\n"
        "    library.record_visit(entry_id)\n"
        "library.close()\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(reader.db), *entry_ids],
        env=reader.env(),
        check=True,
        timeout=60,
    )


# --- bookmarks --------------------------------------------------------------------------------


def test_bookmark_add_list_and_remove(reader: Reader) -> None:
    assert reader.ok("bookmark", "add", GPT4) == "Bookmarked model/gpt-4 (GPT-4).\n"
    assert reader.ok("bookmark", "add", GAN, "--folder", "Reading list") == (
        "Bookmarked term/gan (Generative Adversarial Network (GAN)) in Reading list.\n"
    )
    rows = [line.split("\t") for line in reader.ok("bookmarks").splitlines()]
    assert [row[:4] for row in rows] == [
        ["model", GPT4, "GPT-4", ""],
        ["term", GAN, "Generative Adversarial Network (GAN)", "Reading list"],
    ]
    assert all(len(row) == 5 and row[4].endswith("Z") and "T" in row[4] for row in rows)

    records = reader.json_lines("bookmarks")
    assert [list(record) for record in records] == [
        ["kind", "id", "title", "folder", "added", "missing"]
    ] * 2
    assert [(r["kind"], r["id"], r["folder"], r["missing"]) for r in records] == [
        ("model", GPT4, "", False),
        ("term", GAN, "Reading list", False),
    ]

    assert reader.ok("bookmark", "remove", GPT4) == "Removed the bookmark on model/gpt-4 (GPT-4).\n"
    assert [r["id"] for r in reader.json_lines("bookmarks")] == [GAN]


def test_bookmarking_again_keeps_one_bookmark_and_can_move_it(reader: Reader) -> None:
    reader.ok("bookmark", "add", GPT4)
    assert reader.ok("bookmark", "add", GPT4) == "model/gpt-4 (GPT-4) is already bookmarked.\n"
    assert reader.ok("bookmark", "add", GPT4, "--folder", "Models") == (
        "Moved the bookmark on model/gpt-4 (GPT-4) to Models.\n"
    )
    assert reader.ok("bookmark", "add", GPT4) == (
        "model/gpt-4 (GPT-4) is already bookmarked in Models.\n"
    )
    assert [(r["id"], r["folder"]) for r in reader.json_lines("bookmarks")] == [(GPT4, "Models")]


def test_removing_a_bookmark_that_is_not_there_exits_1(reader: Reader) -> None:
    result = reader.run("bookmark", "remove", GPT4)
    assert_one_line_exit(result, 1, "genai-atlas: model/gpt-4 (GPT-4) is not bookmarked")
    assert result.stdout == ""


def test_an_empty_library_lists_nothing(reader: Reader) -> None:
    for command in ("bookmarks", "notes", "history"):
        assert reader.ok(command) == ""
        assert reader.ok(command, "--json") == ""


def test_a_folder_name_with_control_characters_exits_2_and_changes_nothing(
    reader: Reader,
) -> None:
    # A folder is whatever the reader typed: a tab or an escape would break the columns or reach
    # the terminal, so the library refuses it, and the message shows it escaped.
    reader.ok("bookmark", "add", GAN)
    before = reader.snapshot()
    result = reader.run("bookmark", "add", GPT4, "--folder", "a\tb\x1b[2J")
    assert_one_line_exit(result, 2, "'a\\tb\\x1b[2J' has control characters")
    assert "\x1b" not in result.stderr
    assert reader.snapshot() == before


# --- notes ------------------------------------------------------------------------------------


def test_note_set_print_list_and_delete(reader: Reader) -> None:
    assert reader.ok("note", GPT4, "--set", "First line\nsecond line") == (
        "Saved the note on model/gpt-4 (GPT-4).\n"
    )
    assert reader.ok("note", GPT4) == "First line\nsecond line\n"
    reader.ok("note", GAN, "--set", "Min-max game.")

    listing = reader.ok("notes").splitlines()
    # Newest first: the header row as `list` prints rows, then the text indented.
    assert listing[0].split("\t")[:2] == [GAN, "Generative Adversarial Network (GAN)"]
    assert listing[1] == "    Min-max game."
    assert listing[2].split("\t")[:2] == [GPT4, "GPT-4"]
    assert all(line.split("\t")[2].endswith("Z") for line in (listing[0], listing[2]))
    assert listing[3:] == ["    First line", "    second line"]

    records = reader.json_lines("notes")
    assert [list(record) for record in records] == [
        ["kind", "id", "title", "text", "updated", "missing"]
    ] * 2
    assert [(r["id"], r["text"]) for r in records] == [
        (GAN, "Min-max game."),
        (GPT4, "First line\nsecond line"),
    ]

    assert reader.ok("note", GPT4, "--delete") == "Deleted the note on model/gpt-4 (GPT-4).\n"
    result = reader.run("note", GPT4)
    assert_one_line_exit(result, 1, "genai-atlas: model/gpt-4 (GPT-4) has no note")
    assert result.stdout == ""
    assert_one_line_exit(reader.run("note", GPT4, "--delete"), 1, "has no note")


def test_note_from_standard_input_round_trips(reader: Reader) -> None:
    text = "Zeile eins — ünïcödé\n\n  indented line\ttab\n"
    assert reader.ok("note", GPT4, "--set", "-", input=text) == (
        "Saved the note on model/gpt-4 (GPT-4).\n"
    )
    # The final line break that `echo` and editors add is not part of the note; printing adds it.
    assert reader.json_lines("notes")[0]["text"] == text.removesuffix("\n")
    assert reader.ok("note", GPT4) == text
    # So a note copies to another entry unchanged.
    copied = reader.run("note", GPT4)
    reader.ok("note", GAN, "--set", "-", input=copied.stdout)
    assert reader.ok("note", GAN) == text


def test_a_blank_note_deletes_the_note(reader: Reader) -> None:
    reader.ok("note", GPT4, "--set", "something")
    assert reader.ok("note", GPT4, "--set", "  \n ") == (
        "Deleted the note on model/gpt-4 (GPT-4) (the text was blank).\n"
    )
    assert reader.ok("notes") == ""


def test_a_note_that_is_not_utf8_exits_2_and_changes_nothing(reader: Reader) -> None:
    reader.ok("note", GPT4, "--set", "kept")
    before = reader.snapshot()
    result = reader.run("note", GPT4, "--set", "-", input=b"caf\xe9\n", text=False)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "genai-atlas: standard input is not UTF-8 text (byte 0xe9 at offset 3); "
        "convert it to UTF-8\n"
    )
    assert reader.snapshot() == before
    assert reader.ok("note", GPT4) == "kept\n"


# --- history ----------------------------------------------------------------------------------


def test_history_lists_newest_first_and_clears(reader: Reader) -> None:
    record_visits(reader, ["industry/healthcare", GPT4, GAN])
    rows = [line.split("\t") for line in reader.ok("history").splitlines()]
    assert [row[:3] for row in rows] == [
        ["term", GAN, "Generative Adversarial Network (GAN)"],
        ["model", GPT4, "GPT-4"],
        ["industry", "industry/healthcare", "Healthcare"],
    ]
    records = reader.json_lines("history")
    assert list(records[0]) == ["kind", "id", "title", "visited", "missing"]
    assert [r["id"] for r in records] == [GAN, GPT4, "industry/healthcare"]

    # Today's visits are not older than a day.
    assert reader.ok("history", "--clear", "--older-than", "1") == (
        "Removed 0 visits older than 1 day from the history.\n"
    )
    assert len(reader.json_lines("history")) == 3
    assert reader.ok("history", "--clear") == "Removed 3 visits from the history.\n"
    assert reader.ok("history") == ""


def test_history_options_that_do_not_go_together_exit_2(reader: Reader) -> None:
    record_visits(reader, [GPT4])
    before = reader.snapshot()
    for args in (
        ("history", "--older-than", "3"),
        ("history", "--clear", "--json"),
        ("history", "--clear", "--older-than", "soon"),
        ("history", "--clear", "--older-than", "-1"),
    ):
        result = reader.run(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert reader.snapshot() == before


# --- unknown ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("bookmark", "add", "model/gpt-99"),
        ("bookmark", "add", "model/gpt-99", "--folder", "New folder"),
        ("bookmark", "remove", "model/gpt-99"),
        ("note", "model/gpt-99"),
        ("note", "model/gpt-99", "--set", "text"),
        ("note", "model/gpt-99", "--delete"),
        ("note", "nonsense", "--set", "text"),
    ],
)
def test_an_unknown_id_exits_2_with_one_line_and_changes_nothing(
    reader: Reader, args: tuple[str, ...]
) -> None:
    fill(reader)
    before = reader.snapshot()
    result = reader.run(*args)
    entry_id = args[2] if args[0] == "bookmark" else args[1]
    assert_one_line_exit(
        result, 2, f"genai-atlas: no entry with id '{entry_id}' (try 'genai-atlas list')"
    )
    assert result.stdout == ""
    assert reader.snapshot() == before


# --- entries that left the atlas --------------------------------------------------------------


def remove_from_atlas(db: Path, entry_id: str) -> None:
    """The atlas after a data update that dropped ``entry_id``."""
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM entry WHERE id = ?", [entry_id])
    connection.close()


def test_an_entry_that_left_the_atlas_is_kept_and_shown_as_missing(reader: Reader) -> None:
    fill(reader)
    remove_from_atlas(reader.db, GPT4)

    bookmarks = reader.ok("bookmarks").splitlines()
    assert bookmarks[0].split("\t")[:3] == ["model", GPT4, "GPT-4 (missing entry)"]
    assert [r["missing"] for r in reader.json_lines("bookmarks")] == [True, False]
    notes = reader.ok("notes")
    assert f"{GPT4}\tGPT-4 (missing entry)\t" in notes
    assert "(missing entry)" in reader.ok("history").splitlines()[1]
    assert reader.ok("note", GPT4) == "Ask about the context window.\nAnd the price.\n"

    # It can still be removed, but no new note or bookmark can be put on it.
    assert_one_line_exit(reader.run("note", GPT4, "--set", "new"), 2, "no entry with id")
    assert reader.ok("note", GPT4, "--delete") == "Deleted the note on model/gpt-4.\n"
    assert reader.ok("bookmark", "remove", GPT4) == "Removed the bookmark on model/gpt-4.\n"
    assert [r["id"] for r in reader.json_lines("bookmarks")] == [GAN]


# --- export and import ------------------------------------------------------------------------


def test_export_then_import_into_another_data_folder_round_trips(
    reader: Reader, other_reader: Reader, tmp_path: Path
) -> None:
    fill(reader)
    exported = tmp_path / "my library.json"
    assert reader.ok("export-library", str(exported)) == (
        f"Exported 2 bookmarks, 1 folder, 2 notes, 3 visits to {exported}.\n"
    )
    assert exported.read_text(encoding="utf-8") == reader.snapshot()
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "genai-atlas-library"

    assert other_reader.ok("import-library", str(exported)) == (
        "Added 2 bookmarks, 1 folder, 2 notes, 3 visits; merged 0 notes that differed "
        "(both texts kept).\n"
    )
    assert other_reader.snapshot() == reader.snapshot()
    assert other_reader.ok("note", GPT4) == "Ask about the context window.\nAnd the price.\n"

    # Again: nothing is duplicated.
    assert other_reader.ok("import-library", str(exported)) == (
        "Nothing to add: the library has everything in the file already.\n"
    )
    assert other_reader.snapshot() == reader.snapshot()


def test_import_from_standard_input_merges_a_differing_note(
    reader: Reader, other_reader: Reader
) -> None:
    fill(reader)
    other_reader.ok("note", GPT4, "--set", "My own words.")
    result = other_reader.ok("import-library", "-", input=reader.snapshot())
    assert "merged 1 note that differed" in result
    merged = other_reader.ok("note", GPT4)
    assert "My own words." in merged
    assert "Ask about the context window." in merged


def test_export_to_a_folder_exits_2_and_writes_nothing(reader: Reader, tmp_path: Path) -> None:
    fill(reader)
    target = tmp_path / "out"
    target.mkdir()
    result = reader.run("export-library", str(target))
    assert_one_line_exit(result, 2, f"genai-atlas: cannot write {target}: it is a folder")
    assert list(target.iterdir()) == []


# A small valid file, written by hand: the bad ones below are made from it.
VALID = json.dumps(
    {
        "format": "genai-atlas-library",
        "version": 1,
        "bookmarks": [
            {
                "id": GPT4,
                "title": "GPT-4",
                "name": "",
                "folder": "",
                "added": "2026-11-29T10:00:00Z",
            }
        ],
        "folders": [],
        "notes": [
            {"id": GAN, "title": "GAN", "text": "Imported.", "updated": "2026-11-29T10:00:00Z"}
        ],
        "history": [],
    },
    indent=2,
)


BAD_FILES = {
    "not JSON": lambda valid: b"{ this is not json",
    "truncated": lambda valid: valid.encode()[: len(valid) // 2],
    "not UTF-8": lambda valid: b'{"format": "genai-atlas-library", "version": 1, "x": "\xff"}',
    "a future version": lambda valid: json.dumps(dict(json.loads(valid), version=2)).encode(),
    "a bad id": lambda valid: valid.replace(GPT4, "not an id").encode(),
    "another format": lambda valid: json.dumps(dict(json.loads(valid), format="other")).encode(),
    "empty": lambda valid: b"",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_library_file_exits_2_with_one_line_and_changes_nothing(
    reader: Reader, tmp_path: Path, name: str
) -> None:
    reader.ok("note", GAN, "--set", "Already here.")
    before = reader.snapshot()
    bad = tmp_path / "bad.json"
    bad.write_bytes(BAD_FILES[name](VALID))
    for source, options in ((str(bad), {}), ("-", {"input": bad.read_bytes(), "text": False})):
        result = reader.run("import-library", source, **options)
        stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode()
        assert result.returncode == 2, stderr
        assert len(stderr.splitlines()) == 1, stderr
        shown = str(bad) if source != "-" else "standard input"
        assert stderr.startswith(f"genai-atlas: cannot import {shown}: "), stderr
        assert "Traceback" not in stderr
        assert reader.snapshot() == before


def test_the_file_the_bad_ones_are_made_from_imports(reader: Reader) -> None:
    reader.ok("note", GAN, "--set", "Already here.")
    assert reader.ok("import-library", "-", input=VALID) == (
        "Added 1 bookmark, 0 folders, 0 notes, 0 visits; merged 1 note that differed "
        "(both texts kept).\n"
    )
    assert reader.ok("note", GAN).startswith("Already here.\n")


def test_the_notes_listing_shows_control_characters_escaped(reader: Reader) -> None:
    # A note from someone else's file may hold a terminal escape; the listing must not run it.
    hostile = json.loads(VALID)
    hostile["notes"][0]["text"] = "clear\x1b[2J\x07 screen\nnext\tline"
    reader.ok("import-library", "-", input=json.dumps(hostile))
    listing = reader.ok("notes").splitlines()
    assert listing[1:] == ["    clear\\x1b[2J\\x07 screen", "    next\\tline"]
    assert reader.json_lines("notes")[0]["text"] == "clear\x1b[2J\x07 screen\nnext\tline"
    assert reader.ok("note", GAN) == "clear\x1b[2J\x07 screen\nnext\tline\n"


def test_an_oversized_library_file_exits_2_and_changes_nothing(
    reader: Reader, tmp_path: Path
) -> None:
    from genai_atlas.data.library_file import MAX_FILE_BYTES

    reader.ok("bookmark", "add", GPT4)
    before = reader.snapshot()
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:  # sparse: no 64 MiB of real disk
        handle.truncate(MAX_FILE_BYTES + 1)
    result = reader.run("import-library", str(huge))
    assert_one_line_exit(result, 2, f"genai-atlas: cannot import {huge}: it is larger than")
    assert reader.snapshot() == before


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_a_library_file_that_cannot_be_read_exits_2(
    reader: Reader, tmp_path: Path, what: str
) -> None:
    path = tmp_path / "library.json"
    if what == "folder":
        path.mkdir()
    result = reader.run("import-library", str(path))
    reason = "there is no such file" if what == "missing" else "it is a folder"
    assert_one_line_exit(result, 2, f"genai-atlas: cannot read {path}: {reason}")


# --- the store itself -------------------------------------------------------------------------


def test_a_corrupt_library_is_moved_aside_and_the_command_still_works(reader: Reader) -> None:
    reader.data_dir.mkdir()
    garbage = b"this is no database\x00\xff" * 100
    (reader.data_dir / LIBRARY).write_bytes(garbage)

    result = reader.run("bookmark", "add", GPT4)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Bookmarked model/gpt-4 (GPT-4).\n"
    notice = result.stderr.splitlines()
    assert len(notice) == 1, result.stderr
    moved = [path for path in reader.data_dir.iterdir() if path.name.startswith(f"{LIBRARY}.")]
    assert len(moved) == 1, list(reader.data_dir.iterdir())
    assert f"was moved to {moved[0]}" in notice[0]
    assert moved[0].read_bytes() == garbage

    # Said once: the new library is sound, and the next command says nothing more.
    assert [r["id"] for r in reader.json_lines("bookmarks")] == [GPT4]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_library_that_cannot_be_written_lists_and_refuses_changes(atlas_db_path: Path) -> None:
    # No folder can be made in /proc, whoever asks (the tests may run as root, for whom a
    # chmod'ed folder stays writable).
    reader = Reader(atlas_db_path, Path("/proc/genai-atlas-test-library"))
    listing = reader.run("bookmarks")
    assert listing.returncode == 0
    assert listing.stdout == ""
    assert_one_line_exit(listing, 0, "cannot be saved in this run")

    result = reader.run("bookmark", "add", GPT4)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    # The notice as the store opens, then the refused write: StoreError's own message.
    assert len(lines) == 2, result.stderr
    assert lines[1].startswith("genai-atlas: Cannot save the bookmark: the data folder ")
    assert result.stdout == ""
    assert not reader.data_dir.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_read_only_data_folder_lists_and_refuses_changes(reader: Reader) -> None:
    reader.ok("bookmark", "add", GPT4)
    before = reader.snapshot()
    (reader.data_dir / LIBRARY).chmod(0o444)
    reader.data_dir.chmod(0o555)
    try:
        listing = reader.run("bookmarks")
        assert listing.returncode == 0
        assert listing.stdout.split("\t")[1] == GPT4
        assert "is read-only" in listing.stderr
        result = reader.run("bookmark", "remove", GPT4)
        assert result.returncode == 2
        assert "Cannot remove the bookmark" in result.stderr.splitlines()[-1]
    finally:
        reader.data_dir.chmod(0o755)
        (reader.data_dir / LIBRARY).chmod(0o644)
    assert reader.snapshot() == before


def test_the_library_commands_stay_free_of_qt(reader: Reader) -> None:
    code = (
        "import sys; from genai_atlas.main import main; code = main(['bookmarks']); "
        "print(code, sorted(m for m in sys.modules if m.startswith('PySide6')), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=reader.env(), timeout=60
    )
    assert result.stderr.strip() == "0 []"


# --- command names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, meant",
    [
        ("nodes", "notes"),
        ("vote", "note"),
        ("bookmrak", "bookmark"),
        ("histroy", "history"),
        ("export-libary", "export-library"),
        ("importlibrary", "import-library"),
        ("code", None),  # two edits from "note", and a fair search
        ("both", None),
        ("bots", None),
    ],
)
def test_typos_of_the_library_commands(word: str, meant: str | None) -> None:
    # A short name takes one edit, a longer one two: "code" stays a search for the app.
    assert near_command(word) == meant


# --- any argv ---------------------------------------------------------------------------------

LIBRARY_COMMANDS = [
    ["bookmark", "add"],
    ["bookmark", "remove"],
    ["bookmark"],
    ["bookmarks"],
    ["note"],
    ["notes"],
    ["history"],
    ["export-library"],
    ["import-library"],
]
LIBRARY_OPTIONS = ["--folder", "--set", "--delete", "--json", "--clear", "--older-than", "-", "--"]
# No "/" in free text: a FILE then stays inside the example's own folder (the working directory).
argv_words = st.one_of(
    st.text(st.characters(exclude_characters="\0/", exclude_categories=["Cs"]), max_size=20).map(
        str.encode
    ),
    st.binary(max_size=20).map(lambda raw: raw.replace(b"\0", b"").replace(b"/", b"")),
    st.sampled_from(LIBRARY_OPTIONS + [GPT4, GAN, "model/gpt-99", "0", "7"]).map(str.encode),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from(LIBRARY_COMMANDS), rest=st.lists(argv_words, max_size=4))
def test_any_argv_to_a_library_command_ends_without_a_traceback(
    command: list[str], rest: list[bytes], reader: Reader, tmp_path: Path
) -> None:
    args = [word.encode() for word in command] + rest
    with tempfile.TemporaryDirectory(dir=tmp_path) as workdir:
        result = run_cli(
            *args, env=reader.env(), text=False, cwd=workdir, input=b"note text\n", timeout=60
        )
    shown = result.stdout + result.stderr
    for text in (b"Traceback", b"Exception ignored", b"\x1b"):
        assert text not in shown, (args, shown[-2000:])
    assert result.returncode in (0, 1, 2), (args, result.stderr[-2000:])
    if result.returncode == 2:
        assert len(result.stderr.splitlines()) == 1, (args, result.stderr)
