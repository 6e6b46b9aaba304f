"""The reader's library on the command line: bookmarks, notes, history, export and import.

The same code path as the GUI: one ``Library`` over the atlas and the user store in the data
folder (``$GENAI_ATLAS_DATA_DIR`` or the platform's application-data folder). Every change is
one transaction of the store, so a second instance (GUI or CLI) sees it at once and a killed
process leaves nothing half-written. An unknown id, a bad file or a store that cannot be written
ends the command with one line and exit 2, before anything is changed. What the store must tell
the user once (a damaged file moved aside, a read-only folder) goes to stderr as it opens.

No Qt is imported here: these commands run where no display is.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from ..data import Atlas, KnownError, UnknownEntryError, echo
from ..data.data_dir import library_path
from ..data.library import MAX_NOTE_BYTES, Library
from ..data.userdb_open import open_user_store
from ..export.files import atomic_write, check_target
from ..main import text_argument
from .output import write_bytes

if TYPE_CHECKING:
    from ..data.library_file import ImportReport

COMMANDS = (
    "bookmark",
    "bookmarks",
    "note",
    "notes",
    "history",
    "export-library",
    "import-library",
)
STDIN_OR_STDOUT = "-"  # as a FILE: standard input or output
MISSING = "(missing entry)"
# Read from standard input beyond the longest note: a byte-order mark and a final line break
# are dropped before the library checks the size, and /dev/zero must not fill the memory.
_NOTE_INPUT_BYTES = MAX_NOTE_BYTES + 8
_KIB = 1024
_MIB = 1024 * 1024


class LibraryCommandError(KnownError):
    """A one-line message for the user (an input that cannot be read); exits 2."""


# --- the parser -------------------------------------------------------------------------------


def _days(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{echo(value)}' is not a whole number") from None
    # A day count beyond this is no longer a date (timedelta stops at 999,999,999 days).
    if not 0 <= number <= 1_000_000:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1000000, not {number}")
    return number


def add_parser(subparsers: Any) -> None:
    bookmark = subparsers.add_parser(
        "bookmark",
        help="add or remove a bookmark on an entry",
        description="Add a bookmark on an entry (optionally in a folder) or remove one.",
    )
    # The same parser class as the parent's (argparse's default): one-line errors.
    actions = bookmark.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="bookmark an entry")
    add.add_argument("entry_id", metavar="KIND/SLUG")
    add.add_argument(
        "--folder", metavar="NAME", help="put the bookmark in this folder (made if new)"
    )
    add.set_defaults(run=run_bookmark_add)
    remove = actions.add_parser("remove", help="remove the bookmark on an entry")
    remove.add_argument("entry_id", metavar="KIND/SLUG")
    remove.set_defaults(run=run_bookmark_remove)

    bookmarks = subparsers.add_parser(
        "bookmarks", help="list bookmarks: kind, id, title, folder and when added"
    )
    bookmarks.add_argument("--json", action="store_true", help="one JSON object per line")
    bookmarks.set_defaults(run=run_bookmarks)

    note = subparsers.add_parser(
        "note",
        help="print, set or delete the note on an entry",
        description="Print the note on an entry (exit 1 if it has none), set it, or delete it.",
    )
    note.add_argument("entry_id", metavar="KIND/SLUG")
    change = note.add_mutually_exclusive_group()
    change.add_argument(
        "--set",
        metavar="TEXT",
        dest="text",
        help="save TEXT as the note ('-': read it from standard input, UTF-8); "
        "blank text deletes the note",
    )
    change.add_argument("--delete", action="store_true", help="delete the note")
    note.set_defaults(run=run_note)

    notes = subparsers.add_parser("notes", help="list notes, newest first: id, title, text")
    notes.add_argument("--json", action="store_true", help="one JSON object per line")
    notes.set_defaults(run=run_notes)

    history = subparsers.add_parser(
        "history",
        help="list the entries opened, newest first, or clear the list",
        description="List the entries opened, newest first, or clear the list.",
    )
    shown = history.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="one JSON object per line")
    shown.add_argument("--clear", action="store_true", help="remove the history")
    history.add_argument(
        "--older-than",
        type=_days,
        metavar="DAYS",
        help="with --clear: remove only visits older than DAYS days",
    )
    history.set_defaults(run=run_history)

    export = subparsers.add_parser(
        "export-library",
        help="write bookmarks, folders, notes and history to a JSON file",
        description="Write the whole library (bookmarks, folders, notes, history) to one JSON "
        "file, which import-library (here or in the app) merges back.",
    )
    export.add_argument("file", metavar="FILE", help="the file to write ('-': standard output)")
    export.set_defaults(run=run_export)

    imported = subparsers.add_parser(
        "import-library",
        help="merge a library file into the library",
        description="Merge a file written by export-library: nothing is duplicated, and where "
        "a note differs both texts are kept. A bad file changes nothing.",
    )
    imported.add_argument("file", metavar="FILE", help="the file to read ('-': standard input)")
    imported.set_defaults(run=run_import)


# --- opening the library ----------------------------------------------------------------------


@contextmanager
def _open_library(atlas: Atlas) -> Iterator[Library]:
    """The library in the data folder; its notices said once on stderr as it opens.

    As in the GUI: with no data folder (or a read-only one) the library still lists, and a
    change ends in the store's StoreError (exit 2) saying why and what to do.
    """
    store = open_user_store(library_path())
    try:
        for notice in store.notices:
            print(f"genai-atlas: {notice}", file=sys.stderr)
        yield Library(atlas, store)
    finally:
        # Only the store: the atlas belongs to the caller, who closes it.
        store.close()


def _checked_id(atlas: Atlas, entry_id: str) -> str:
    """``entry_id`` if the atlas has it; UnknownEntryError (exit 2) before anything changes."""
    if not atlas.has(entry_id):
        raise UnknownEntryError(entry_id)
    return entry_id


def _cell(text: str) -> str:
    """Text for one tab-separated cell: tabs, line breaks and control characters escaped (a
    folder name is whatever the reader typed), never shortened."""
    return echo(text, limit=max(len(text), 1) * 10)


def _time(stamp: str) -> str:
    """``2026-11-29T10:49:53.123456Z`` as ``2026-11-29T10:49:53Z``: seconds are enough to read."""
    head, dot, rest = stamp.partition(".")
    return f"{head}Z" if dot and rest.endswith("Z") else stamp


def _title(title: str, missing: bool) -> str:
    return f"{title} {MISSING}" if missing else title


def _kind(entry_id: str) -> str:
    return entry_id.partition("/")[0]


def _named(library: Library, entry_id: str) -> str:
    """``model/gpt-4 (GPT-4)`` for messages."""
    atlas = library.atlas
    if atlas.has(entry_id):
        return f"{entry_id} ({atlas.ref(entry_id).title})"
    return echo(entry_id)


def _json_line(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False))


# --- bookmarks --------------------------------------------------------------------------------


def run_bookmark_add(args: argparse.Namespace, atlas: Atlas) -> int:
    entry_id = _checked_id(atlas, args.entry_id)
    folder = text_argument(args.folder).strip() if args.folder is not None else None
    with _open_library(atlas) as library:
        current = library.bookmark(entry_id)
        where = f" in {_cell(folder)}" if folder else ""
        if current is None:
            library.add_bookmark(entry_id, folder or "")
            print(f"Bookmarked {_named(library, entry_id)}{where}.")
        elif folder is not None and folder != current.folder:
            library.move_bookmark(entry_id, folder)
            target = f"to {_cell(folder)}" if folder else "to the top level"
            print(f"Moved the bookmark on {_named(library, entry_id)} {target}.")
        else:
            there = f" in {_cell(current.folder)}" if current.folder else ""
            print(f"{_named(library, entry_id)} is already bookmarked{there}.")
    return 0


def run_bookmark_remove(args: argparse.Namespace, atlas: Atlas) -> int:
    entry_id = args.entry_id
    with _open_library(atlas) as library:
        # A bookmark whose entry left the atlas can still be removed; any other id is unknown.
        if not library.is_bookmarked(entry_id):
            _checked_id(atlas, entry_id)
            print(f"genai-atlas: {_named(library, entry_id)} is not bookmarked", file=sys.stderr)
            return 1
        library.remove_bookmark(entry_id)
        print(f"Removed the bookmark on {_named(library, entry_id)}.")
    return 0


def run_bookmarks(args: argparse.Namespace, atlas: Atlas) -> int:
    with _open_library(atlas) as library:
        for bookmark in library.bookmarks():
            if args.json:
                _json_line(
                    {
                        "kind": _kind(bookmark.entry_id),
                        "id": bookmark.entry_id,
                        "title": bookmark.title,
                        "folder": bookmark.folder,
                        "added": bookmark.added,
                        "missing": bookmark.missing,
                    }
                )
            else:
                cells = (
                    _kind(bookmark.entry_id),
                    bookmark.entry_id,
                    _title(bookmark.title, bookmark.missing),
                    bookmark.folder,
                    _time(bookmark.added),
                )
                print("\t".join(_cell(cell) for cell in cells))
    return 0


# --- notes ------------------------------------------------------------------------------------


def _read_standard_input() -> str:
    """A note from standard input: UTF-8 (a byte-order mark is dropped), one final line break
    dropped too (``echo text |`` adds it; ``note`` prints it back)."""
    stream = sys.stdin
    if stream is None:
        raise LibraryCommandError("standard input is closed; give the note with --set TEXT")
    try:
        raw = stream.buffer.read(_NOTE_INPUT_BYTES + 1)
    except OSError as error:
        raise LibraryCommandError(
            f"cannot read standard input: {error.strerror or error}"
        ) from None
    if len(raw) > _NOTE_INPUT_BYTES:
        raise LibraryCommandError(
            f"standard input holds more than a note can ({MAX_NOTE_BYTES // _KIB:,} KiB); "
            "keep long texts in a file"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LibraryCommandError(
            f"standard input is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset "
            f"{error.start:,}); convert it to UTF-8"
        ) from None
    if text.endswith("\r\n"):
        return text[:-2]
    return text.removesuffix("\n")


def run_note(args: argparse.Namespace, atlas: Atlas) -> int:
    entry_id = args.entry_id
    if args.text is not None:
        _checked_id(atlas, entry_id)
        text = _read_standard_input() if args.text == "-" else text_argument(args.text)
        with _open_library(atlas) as library:
            had_note = library.note(entry_id) is not None
            saved = library.set_note(entry_id, text)
            if saved is not None:
                print(f"Saved the note on {_named(library, entry_id)}.")
            elif had_note:
                print(f"Deleted the note on {_named(library, entry_id)} (the text was blank).")
            else:
                print(f"{_named(library, entry_id)} has no note; blank text saves none.")
        return 0
    with _open_library(atlas) as library:
        # A note whose entry left the atlas can still be read and deleted.
        note = library.note(entry_id)
        if note is None:
            _checked_id(atlas, entry_id)
            print(f"genai-atlas: {_named(library, entry_id)} has no note", file=sys.stderr)
            return 1
        if args.delete:
            library.delete_note(entry_id)
            print(f"Deleted the note on {_named(library, entry_id)}.")
        else:
            print(note.text)
    return 0


def run_notes(args: argparse.Namespace, atlas: Atlas) -> int:
    with _open_library(atlas) as library:
        for note in library.notes():
            if args.json:
                _json_line(
                    {
                        "kind": _kind(note.entry_id),
                        "id": note.entry_id,
                        "title": note.title,
                        "text": note.text,
                        "updated": note.updated,
                        "missing": note.missing,
                    }
                )
                continue
            # A header line as `list` prints its rows, then the text indented below it: a
            # note has line breaks, which a single line could only show escaped. Control
            # characters are escaped (an imported note could hold a terminal escape); `note`
            # and --json give the text exactly.
            header = (note.entry_id, _title(note.title, note.missing), _time(note.updated))
            print("\t".join(_cell(cell) for cell in header))
            for line in note.text.split("\n"):
                print(f"    {_cell(line)}" if line else "")
    return 0


# --- history ----------------------------------------------------------------------------------


def run_history(args: argparse.Namespace, atlas: Atlas) -> int:
    if args.older_than is not None and not args.clear:
        raise LibraryCommandError(
            "--older-than only goes with --clear: genai-atlas history --clear --older-than DAYS"
        )
    with _open_library(atlas) as library:
        if args.clear:
            days = args.older_than
            removed = library.clear_history(None if days is None else timedelta(days=days))
            scope = "" if days is None else f" older than {_count(days, 'day')}"
            print(f"Removed {_count(removed, 'visit')}{scope} from the history.")
            return 0
        for visit in library.history():
            if args.json:
                _json_line(
                    {
                        "kind": _kind(visit.entry_id),
                        "id": visit.entry_id,
                        "title": visit.title,
                        "visited": visit.visited,
                        "missing": visit.missing,
                    }
                )
            else:
                cells = (
                    _kind(visit.entry_id),
                    visit.entry_id,
                    _title(visit.title, visit.missing),
                    _time(visit.visited),
                )
                print("\t".join(_cell(cell) for cell in cells))
    return 0


# --- export and import ------------------------------------------------------------------------


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}" if number == 1 else f"{number:,} {word}s"


def run_export(args: argparse.Namespace, atlas: Atlas) -> int:
    # Loaded by the two commands that need it, not by every command of the CLI.
    from ..data.library_file import dumps, export_library

    name = args.file
    if name != STDIN_OR_STDOUT:
        check_target(name)  # a bad name fails before the store is even opened
    with _open_library(atlas) as library:
        data = export_library(library)
    raw = dumps(data)
    if name == STDIN_OR_STDOUT:
        write_bytes(raw)
        return 0
    written = atomic_write(name, raw)
    counts = ", ".join(
        _count(len(data[key]), word)
        for key, word in (
            ("bookmarks", "bookmark"),
            ("folders", "folder"),
            ("notes", "note"),
            ("history", "visit"),
        )
    )
    print(f"Exported {counts} to {echo(str(written), limit=160)}.")
    return 0


def _read_file(name: str, limit: int) -> bytes:
    """The bytes of the file to import: at most ``limit`` (one more than a library file may
    hold, so that a larger one is told apart without reading it all)."""
    if name == STDIN_OR_STDOUT:
        stream = sys.stdin
        if stream is None:
            raise LibraryCommandError("standard input is closed; name a file to import")
        try:
            return stream.buffer.read(limit)
        except OSError as error:
            raise LibraryCommandError(
                f"cannot read standard input: {error.strerror or error}"
            ) from None
    shown = echo(name, limit=160)
    try:
        with open(name, "rb") as handle:
            return handle.read(limit)
    except FileNotFoundError:
        raise LibraryCommandError(f"cannot read {shown}: there is no such file") from None
    except IsADirectoryError:
        raise LibraryCommandError(f"cannot read {shown}: it is a folder; name a file") from None
    except PermissionError:
        raise LibraryCommandError(f"cannot read {shown}: permission denied") from None
    except OSError as error:
        raise LibraryCommandError(f"cannot read {shown}: {error.strerror or error}") from None
    except ValueError:  # a NUL character in the name
        raise LibraryCommandError(f"cannot read {shown}: not a valid file name") from None


def _report(report: ImportReport) -> str:
    if not any(astuple(report)):
        return "Nothing to add: the library has everything in the file already."
    added = ", ".join(
        (
            _count(report.bookmarks_added, "bookmark"),
            _count(report.folders_added, "folder"),
            _count(report.notes_added, "note"),
            _count(report.visits_added, "visit"),
        )
    )
    merged = _count(report.notes_merged, "note")
    return f"Added {added}; merged {merged} that differed (both texts kept)."


def run_import(args: argparse.Namespace, atlas: Atlas) -> int:
    from ..data.library_file import (
        MAX_FILE_BYTES,
        LibraryFileError,
        import_library,
        parse_library_file,
    )

    name = args.file
    shown = "standard input" if name == STDIN_OR_STDOUT else echo(name, limit=160)
    raw = _read_file(name, MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise LibraryCommandError(
            f"cannot import {shown}: it is larger than {MAX_FILE_BYTES // _MIB} MiB, more than "
            "a library file can be"
        )
    # Checked whole before the store is opened: a bad file changes nothing.
    try:
        data = parse_library_file(raw)
    except LibraryFileError as error:
        raise LibraryCommandError(f"cannot import {shown}: {error}") from None
    with _open_library(atlas) as library:
        try:
            report = import_library(library, data)
        except LibraryFileError as error:  # a merged note too long: rolled back, nothing kept
            raise LibraryCommandError(f"cannot import {shown}: {error}") from None
    print(_report(report))
    return 0
