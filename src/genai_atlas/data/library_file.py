"""The library as one JSON file: export, check, import (no Qt here).

The file (format ``genai-atlas-library``, version 1)::

    {"format": "genai-atlas-library", "version": 1,
     "bookmarks": [{"id", "title", "name", "folder", "added"}],
     "folders": ["name", …],
     "notes": [{"id", "title", "text", "updated"}],
     "history": [{"id", "title", "visited"}]}

``title`` is the entry's title (kept so an entry a later atlas lacks still has a name), ``name``
the reader's own name for a bookmark ("" for none). Times are UTC, ``2026-11-29T10:49:53.123456Z``.

* **Export** is deterministic: every list sorted, keys sorted, and no clock value (not even the
  time of the export), so exporting, importing into an empty library and exporting again gives
  the same bytes.
* **Parsing** checks everything before anything is written: size, encoding, JSON syntax (with line
  and column), a file cut short, the format name, a newer version, every record's fields and
  types, ids that look like ``kind/slug``, times, folder names. Any fault is a
  :class:`LibraryFileError` naming it; nothing is imported.
* **Import** is one transaction and merges: bookmarks, folders and visits that are there already
  are not added again (a visit is the same when its entry and time are); a note equal to the one
  there changes nothing; a note that differs keeps both texts, the reader's first, then the
  imported one under a line that says so. An id the atlas does not have is kept (shown as a
  missing entry), never dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .echo import echo
from .errors import KnownError
from .library import (
    MAX_NOTE_BYTES,
    MAX_TITLE_CHARS,
    Library,
    LibraryError,
    check_folder_name,
    clean_text,
    iso_time,
)

FORMAT = "genai-atlas-library"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ENTRY_TITLE_CHARS = 1000
# An entry id: a kind, a slash, a slug ("model/gpt-4"). Looser than today's ids, so a file from a
# later atlas with new kinds or slugs still imports (as missing entries).
_ENTRY_ID = re.compile(r"[a-z][a-z0-9-]{0,39}/[A-Za-z0-9][A-Za-z0-9._+-]{0,199}")
_SECTIONS = ("bookmarks", "folders", "notes", "history")


class LibraryFileError(KnownError):
    """A library file that cannot be imported. ``str(error)`` is one line saying what is wrong
    and where ("line 3, column 7: …", "bookmarks[2].id: …")."""


@dataclass(frozen=True)
class ImportReport:
    bookmarks_added: int
    folders_added: int
    notes_added: int
    notes_merged: int
    visits_added: int


# --- export -------------------------------------------------------------------------------------


def export_library(library: Library) -> dict[str, Any]:
    """Everything in the library, as the file holds it (sorted, no clock value)."""
    store = library.store

    def title(entry_id: str, stored: str) -> str:
        return library.atlas.ref(entry_id).title if library.atlas.has(entry_id) else stored

    bookmarks = [
        {
            "id": row["entry_id"],
            "title": title(row["entry_id"], row["title"]),
            "name": row["custom_title"],
            "folder": row["folder"],
            "added": row["added"],
        }
        for row in store.read(
            "SELECT entry_id, title, custom_title, folder, added FROM bookmark ORDER BY entry_id"
        )
    ]
    folders = sorted(row["name"] for row in store.read("SELECT name FROM folder"))
    notes = [
        {
            "id": row["entry_id"],
            "title": title(row["entry_id"], row["title"]),
            "text": row["text"],
            "updated": row["updated"],
        }
        for row in store.read("SELECT entry_id, title, text, updated FROM note ORDER BY entry_id")
    ]
    history = [
        {
            "id": row["entry_id"],
            "title": title(row["entry_id"], row["title"]),
            "visited": row["visited"],
        }
        for row in store.read(
            "SELECT entry_id, title, visited FROM visit ORDER BY visited, entry_id"
        )
    ]
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "bookmarks": bookmarks,
        "folders": folders,
        "notes": notes,
        "history": history,
    }


def dumps(data: dict[str, Any]) -> bytes:
    """The file's bytes: UTF-8 JSON, indented by 2, keys sorted, ending in a newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


# --- parsing and checking ------------------------------------------------------------------------


def parse_library_file(raw: bytes, name: str = "") -> dict[str, Any]:
    """The checked contents of a library file; LibraryFileError saying what is wrong.

    ``name`` (a path, for instance) starts the message when given.
    """
    try:
        return validate_library(_decode(raw))
    except LibraryFileError as error:
        if name:
            raise LibraryFileError(f"{echo(name, limit=200)}: {error}") from None
        raise


def _decode(raw: bytes) -> Any:
    if len(raw) > MAX_FILE_BYTES:
        raise LibraryFileError(
            f"the file is {len(raw):,} bytes, more than a library file can be "
            f"({MAX_FILE_BYTES // (1024 * 1024)} MiB); it is not a GenAI Atlas library."
        )
    if not raw.strip():
        raise LibraryFileError("the file is empty; it is not a GenAI Atlas library.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LibraryFileError(
            f"byte {error.start:,} is not UTF-8 text; a library file is UTF-8 JSON."
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise LibraryFileError(
                f"{where}: the file ends too early, it was cut short; export the library again."
            ) from None
        raise LibraryFileError(f"{where}: {error.msg[:1].lower()}{error.msg[1:]}.") from None
    except RecursionError:
        raise LibraryFileError("the JSON is nested too deeply to be a library file.") from None
    except ValueError as error:  # a number of more digits than Python converts, for one
        raise LibraryFileError(f"the JSON cannot be read: {echo(error, limit=120)}.") from None


def _fail(where: str, problem: str) -> LibraryFileError:
    return LibraryFileError(f"{where}: {problem}.")


def _text(record: dict[str, Any], key: str, where: str, limit: int) -> str:
    value = record.get(key)
    if not isinstance(value, str):
        raise _fail(f"{where}.{key}", f"should be text, not {_type_name(value)}")
    if len(value) > limit:
        raise _fail(f"{where}.{key}", f"is longer than {limit:,} characters")
    # JSON may spell a lone surrogate ("\\ud800"); it could be neither stored nor written back.
    return clean_text(value)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (missing or null)"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _entry_id(record: dict[str, Any], where: str) -> str:
    value = _text(record, "id", where, 241)
    if not _ENTRY_ID.fullmatch(value):
        raise _fail(f"{where}.id", f"'{echo(value)}' does not look like an entry id (kind/slug)")
    return value


def _time(record: dict[str, Any], key: str, where: str) -> str:
    value = _text(record, key, where, 40)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise _fail(
            f"{where}.{key}", f"'{echo(value)}' is not a time like 2026-11-29T10:49:53Z"
        ) from None
    if moment.tzinfo is None:
        raise _fail(f"{where}.{key}", f"'{echo(value)}' has no time zone (add Z for UTC)")
    return iso_time(moment)


def _folder(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"a folder name should be text, not {_type_name(value)}")
    try:
        checked = check_folder_name(value)
    except LibraryError as error:
        raise _fail(where, str(error).rstrip(".")) from None
    if checked != value:
        raise _fail(where, f"the folder name '{echo(value)}' has spaces around it")
    return checked


def _records(data: dict[str, Any], section: str) -> list[Any]:
    value = data.get(section, [])
    if not isinstance(value, list):
        raise _fail(section, f"should be a list, not {_type_name(value)}")
    return value


def _record(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, f"should be an object, not {_type_name(value)}")
    return value


def validate_library(data: Any) -> dict[str, Any]:
    """``data`` checked and in the one spelling export uses; LibraryFileError if it is wrong."""
    if not isinstance(data, dict):
        raise LibraryFileError(
            f"the file holds {_type_name(data)}, not an object; it is not a GenAI Atlas library."
        )
    if data.get("format") != FORMAT:
        raise LibraryFileError(
            f"the file is not a GenAI Atlas library (its 'format' is "
            f"'{echo(data.get('format', 'missing'))}', not '{FORMAT}')."
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LibraryFileError(f"'version' should be a whole number, not '{echo(version)}'.")
    if version > FORMAT_VERSION:
        raise LibraryFileError(
            f"the file was written by a newer GenAI Atlas (library format {version}); this "
            f"version reads format {FORMAT_VERSION}. Update GenAI Atlas to import it."
        )

    folders = []
    for index, value in enumerate(_records(data, "folders")):
        folders.append(_folder(value, f"folders[{index}]"))

    bookmarks = []
    for index, value in enumerate(_records(data, "bookmarks")):
        where = f"bookmarks[{index}]"
        record = _record(value, where)
        custom = _text(record, "name", where, MAX_TITLE_CHARS) if "name" in record else ""
        folder = record.get("folder", "")
        bookmarks.append(
            {
                "id": _entry_id(record, where),
                "title": _text(record, "title", where, MAX_ENTRY_TITLE_CHARS),
                "name": " ".join(custom.split()),
                "folder": _folder(folder, f"{where}.folder") if folder != "" else "",
                "added": _time(record, "added", where),
            }
        )

    notes = []
    for index, value in enumerate(_records(data, "notes")):
        where = f"notes[{index}]"
        record = _record(value, where)
        text = _text(record, "text", where, MAX_NOTE_BYTES)
        if len(text.encode("utf-8", "surrogatepass")) > MAX_NOTE_BYTES:
            raise _fail(f"{where}.text", f"is longer than a note can be ({MAX_NOTE_BYTES:,} bytes)")
        notes.append(
            {
                "id": _entry_id(record, where),
                "title": _text(record, "title", where, MAX_ENTRY_TITLE_CHARS),
                "text": text,
                "updated": _time(record, "updated", where),
            }
        )

    history = []
    for index, value in enumerate(_records(data, "history")):
        where = f"history[{index}]"
        record = _record(value, where)
        history.append(
            {
                "id": _entry_id(record, where),
                "title": _text(record, "title", where, MAX_ENTRY_TITLE_CHARS),
                "visited": _time(record, "visited", where),
            }
        )

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "bookmarks": bookmarks,
        "folders": folders,
        "notes": notes,
        "history": history,
    }


# --- import ---------------------------------------------------------------------------------------


def _imported_block(imported: str, imported_updated: str) -> str:
    return f"— imported note ({imported_updated[:10]}) —\n{imported}"


def merged_note(existing: str, imported: str, imported_updated: str) -> str:
    """Both texts: the reader's, a blank line, a line naming the import, the imported text."""
    return f"{existing.rstrip()}\n\n{_imported_block(imported, imported_updated)}"


def import_library(library: Library, data: dict[str, Any]) -> ImportReport:
    """Merge ``data`` into the library in one transaction; nothing is added twice.

    ``data`` is checked again first, so a hand-made dict cannot put a bad row in the store.
    LibraryFileError (a fault in ``data``) or StoreError (the store) change nothing.
    """
    data = validate_library(data)

    bookmarks_added = folders_added = notes_added = notes_merged = visits_added = 0
    with library.store.transaction("import the library") as connection:
        now = library.now()

        def add_folder(name: str) -> int:
            cursor = connection.execute(
                "INSERT INTO folder (name, added) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                [name, now],
            )
            return cursor.rowcount

        for name in data["folders"]:
            folders_added += add_folder(name)
        for bookmark in data["bookmarks"]:
            if bookmark["folder"]:
                folders_added += add_folder(bookmark["folder"])
            cursor = connection.execute(
                "INSERT INTO bookmark (entry_id, title, custom_title, folder, added) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING",
                [
                    bookmark["id"],
                    clean_text(bookmark["title"]),
                    clean_text(bookmark["name"]),
                    bookmark["folder"],
                    bookmark["added"],
                ],
            )
            bookmarks_added += cursor.rowcount
        for note in data["notes"]:
            text = clean_text(note["text"])
            if not text.strip():
                continue  # a blank note is no note (the library never keeps one)
            row = connection.execute(
                "SELECT text FROM note WHERE entry_id = ?", [note["id"]]
            ).fetchone()
            if row is None:
                connection.execute(
                    "INSERT INTO note (entry_id, title, text, updated) VALUES (?, ?, ?, ?)",
                    [note["id"], clean_text(note["title"]), text, note["updated"]],
                )
                notes_added += 1
                continue
            # Equal, or merged by an earlier import of the same file: nothing new to keep.
            if text == row["text"] or _imported_block(text, note["updated"]) in row["text"]:
                continue
            combined = merged_note(row["text"], text, note["updated"])
            if len(combined.encode("utf-8")) > MAX_NOTE_BYTES:
                raise LibraryFileError(
                    f"the note on '{echo(note['id'])}' would grow past {MAX_NOTE_BYTES:,} bytes "
                    "with the imported text added; shorten one of them and import again."
                )
            connection.execute(
                "UPDATE note SET text = ?, updated = ? WHERE entry_id = ?",
                [combined, now, note["id"]],
            )
            notes_merged += 1
        for visit in data["history"]:
            cursor = connection.execute(
                "INSERT OR IGNORE INTO visit (entry_id, title, visited) VALUES (?, ?, ?)",
                [visit["id"], clean_text(visit["title"]), visit["visited"]],
            )
            visits_added += cursor.rowcount
    return ImportReport(bookmarks_added, folders_added, notes_added, notes_merged, visits_added)
