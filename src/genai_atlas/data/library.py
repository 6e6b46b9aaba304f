"""The reader's library: bookmarks, folders, notes and history over the atlas (no Qt here).

:class:`Library` is the one object the GUI and the CLI get. It holds the read-only atlas and the
writable :class:`~.userdb.UserStore`; widgets and commands never see a connection.

Every row keeps the entry's title as it was when saved. After a data update an entry may be gone:
its bookmark, note or visit is then kept and shown under that title with ``missing=True``, never
dropped. Every write is one transaction; a write the store cannot do raises ``StoreError``.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .atlas import Atlas
from .echo import echo
from .errors import KnownError, UnknownEntryError
from .userdb import UserStore

MAX_NOTE_BYTES = 1024 * 1024
MAX_FOLDER_CHARS = 100
MAX_TITLE_CHARS = 300
MAX_SEARCH_CHARS = 200
MAX_SEARCH_WORDS = 12
MAX_SEARCH_LIMIT = 500
# An immediate repeat of the newest visit is the same visit (see record_visit).
_WORD = re.compile(r"[^\W_]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Invisible characters that reorder the text around them: a folder name could pose as another.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


class LibraryError(KnownError):
    """Something the reader asked for that the library cannot take (a note too long, a folder
    name that is empty or taken). ``str(error)`` says what and what to do."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_time(moment: datetime) -> str:
    """The one spelling of a time in the library: ``2026-11-29T10:49:53.123456Z`` (UTC).

    Fixed width, so the strings sort as the times do.
    """
    # isoformat, not strftime: glibc's %Y writes year 1 as "1", which would neither sort nor parse.
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An entry the reader bookmarked, and the folder it is in."""

    entry_id: str
    title: str
    """The name shown: the reader's own name if renamed, else the entry's title."""
    folder: str
    """"" is the top level."""
    added: str
    missing: bool
    """The entry is not in the atlas any more; ``title`` is the one stored when it was saved."""
    renamed: bool = False
    """The reader gave it a name of their own."""


@dataclass(frozen=True, slots=True)
class Note:
    """The reader's note on an entry."""

    entry_id: str
    title: str
    text: str
    updated: str
    missing: bool


@dataclass(frozen=True, slots=True)
class Visit:
    """One opening of an entry, in the reader's history."""

    entry_id: str
    title: str
    visited: str
    missing: bool


@dataclass(frozen=True, slots=True)
class NoteHit:
    """A note that matches a search, with the matched words in its snippet."""

    entry_id: str
    title: str
    snippet: str
    """The note's text around the match, on one line."""


def clean_text(text: str) -> str:
    """``text`` as SQLite can store it: a lone surrogate (an undecodable byte from a command
    line) becomes U+FFFD instead of failing to encode."""
    return _SURROGATE.sub("\ufffd", text)


def check_folder_name(name: str) -> str:
    """The folder name as stored (surrounding spaces dropped); LibraryError if it cannot be one."""
    cleaned = clean_text(name).strip()
    if not cleaned:
        raise LibraryError("A folder needs a name; type one and try again.")
    if len(cleaned) > MAX_FOLDER_CHARS:
        raise LibraryError(
            f"The folder name '{echo(cleaned)}' is longer than {MAX_FOLDER_CHARS} characters; "
            "choose a shorter one."
        )
    if any(
        unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI_CONTROLS
        for char in cleaned
    ):
        raise LibraryError(
            f"The folder name '{echo(cleaned)}' has control characters or line breaks; "
            "use plain text."
        )
    return cleaned


def fts_query(text: str) -> str:
    """The reader's search text as an FTS5 expression that matches it as plain words.

    Every word is double-quoted (so quotes, ``*``, ``NEAR``, ``OR``, parentheses are just text)
    and is a prefix; all words must match. "" when there is no word to look for.
    """
    words = _WORD.findall(clean_text(text)[:MAX_SEARCH_CHARS])[:MAX_SEARCH_WORDS]
    return " ".join(f'"{word}"*' for word in words)


class Library:
    """The atlas and the reader's store, and everything the reader keeps about the entries."""

    def __init__(
        self, atlas: Atlas, store: UserStore, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.atlas = atlas
        self.store = store
        self._clock = clock or utc_now

    def close(self) -> None:
        """Close the store and the atlas."""
        self.store.close()
        self.atlas.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> str:
        return iso_time(self._clock())

    def current_time(self) -> datetime:
        """The library's clock (UTC): what says which visits are today's and which are old."""
        return self._clock()

    def data_version(self) -> int:
        """Changes when another window or command saved something: time to re-read."""
        return self.store.data_version()

    # --- titles --------------------------------------------------------------------------------

    def _atlas_title(self, entry_id: str) -> str:
        """The entry's title; UnknownEntryError if the atlas has no such entry."""
        return self.atlas.ref(entry_id).title

    def _shown_title(self, entry_id: str, stored: str) -> tuple[str, bool]:
        """The title to show and whether the entry is missing from the atlas."""
        if self.atlas.has(entry_id):
            return self._atlas_title(entry_id), False
        return stored, True

    # --- bookmarks -----------------------------------------------------------------------------

    def _bookmark(self, row: sqlite3.Row) -> Bookmark:
        title, missing = self._shown_title(row["entry_id"], row["title"])
        custom = row["custom_title"]
        return Bookmark(
            entry_id=row["entry_id"],
            title=custom or title,
            folder=row["folder"],
            added=row["added"],
            missing=missing,
            renamed=bool(custom),
        )

    _BOOKMARK_COLUMNS = "entry_id, title, custom_title, folder, added"

    def bookmark(self, entry_id: str) -> Bookmark | None:
        rows = self.store.read(
            f"SELECT {self._BOOKMARK_COLUMNS} FROM bookmark WHERE entry_id = ?", [entry_id]
        )
        return self._bookmark(rows[0]) if rows else None

    def is_bookmarked(self, entry_id: str) -> bool:
        return bool(self.store.read("SELECT 1 FROM bookmark WHERE entry_id = ?", [entry_id]))

    def add_bookmark(self, entry_id: str, folder: str = "") -> Bookmark:
        """Bookmark the entry (in ``folder``, made if new). An existing bookmark stays where it
        is unless a folder is named; then it moves there."""
        title = self._atlas_title(entry_id)
        folder = check_folder_name(folder) if folder else ""
        with self.store.transaction("save the bookmark") as connection:
            now = self.now()
            if folder:
                self._ensure_folder(connection, folder, now)
            connection.execute(
                "INSERT INTO bookmark (entry_id, title, folder, added) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (entry_id) DO UPDATE SET title = excluded.title, "
                "folder = CASE WHEN excluded.folder = '' THEN folder ELSE excluded.folder END",
                [entry_id, title, folder, now],
            )
        bookmark = self.bookmark(entry_id)
        assert bookmark is not None
        return bookmark

    def remove_bookmark(self, entry_id: str) -> bool:
        """Remove the bookmark; False if there was none."""
        with self.store.transaction("remove the bookmark") as connection:
            cursor = connection.execute("DELETE FROM bookmark WHERE entry_id = ?", [entry_id])
        return cursor.rowcount > 0

    def toggle_bookmark(self, entry_id: str) -> bool:
        """Add the bookmark if there is none, else remove it; the new state.

        One transaction: two windows toggling at once each see the other's result.
        """
        with self.store.transaction("save the bookmark"):
            if self.is_bookmarked(entry_id):
                self.remove_bookmark(entry_id)
                return False
            self.add_bookmark(entry_id)
            return True

    def bookmarks(self) -> list[Bookmark]:
        """Every bookmark: top level first, then by folder name; in each, oldest first."""
        rows = self.store.read(
            f"SELECT {self._BOOKMARK_COLUMNS} FROM bookmark "
            "ORDER BY folder != '', folder COLLATE NOCASE, folder, added, entry_id"
        )
        return [self._bookmark(row) for row in rows]

    def rename_bookmark(self, entry_id: str, title: str) -> None:
        """Give the bookmark a name of its own; "" goes back to the entry's title."""
        title = " ".join(clean_text(title).split())
        if len(title) > MAX_TITLE_CHARS:
            raise LibraryError(
                f"A bookmark name can have at most {MAX_TITLE_CHARS} characters; "
                "choose a shorter one."
            )
        with self.store.transaction("rename the bookmark") as connection:
            cursor = connection.execute(
                "UPDATE bookmark SET custom_title = ? WHERE entry_id = ?", [title, entry_id]
            )
        if cursor.rowcount == 0:
            raise LibraryError(f"There is no bookmark on '{echo(entry_id)}' to rename.")

    def move_bookmark(self, entry_id: str, folder: str) -> None:
        """Move the bookmark to ``folder`` (made if new); "" is the top level."""
        folder = check_folder_name(folder) if folder else ""
        with self.store.transaction("move the bookmark") as connection:
            if folder:
                self._ensure_folder(connection, folder, self.now())
            cursor = connection.execute(
                "UPDATE bookmark SET folder = ? WHERE entry_id = ?", [folder, entry_id]
            )
            if cursor.rowcount == 0:
                raise LibraryError(f"There is no bookmark on '{echo(entry_id)}' to move.")

    # --- folders -------------------------------------------------------------------------------

    @staticmethod
    def _ensure_folder(connection: sqlite3.Connection, name: str, now: str) -> bool:
        cursor = connection.execute(
            "INSERT INTO folder (name, added) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            [name, now],
        )
        return cursor.rowcount > 0

    def folders(self) -> list[str]:
        """The folder names, in alphabetical order."""
        rows = self.store.read("SELECT name FROM folder ORDER BY name COLLATE NOCASE, name")
        return [row["name"] for row in rows]

    def add_folder(self, name: str) -> None:
        """Make a folder; one that exists already is left as it is."""
        name = check_folder_name(name)
        with self.store.transaction("save the folder") as connection:
            self._ensure_folder(connection, name, self.now())

    def rename_folder(self, old: str, new: str) -> None:
        """Rename a folder; its bookmarks go with it. LibraryError if ``new`` is taken."""
        new = check_folder_name(new)
        if new == old:
            return
        with self.store.transaction("rename the folder") as connection:
            if connection.execute("SELECT 1 FROM folder WHERE name = ?", [new]).fetchone():
                raise LibraryError(
                    f"A folder named '{echo(new)}' exists already; choose another name."
                )
            cursor = connection.execute("UPDATE folder SET name = ? WHERE name = ?", [new, old])
            if cursor.rowcount == 0:
                raise LibraryError(f"There is no folder named '{echo(old)}'.")
            connection.execute("UPDATE bookmark SET folder = ? WHERE folder = ?", [new, old])

    def remove_folder(self, name: str) -> None:
        """Remove a folder; its bookmarks move to the top level, none is lost."""
        with self.store.transaction("remove the folder") as connection:
            connection.execute("UPDATE bookmark SET folder = '' WHERE folder = ?", [name])
            connection.execute("DELETE FROM folder WHERE name = ?", [name])

    # --- notes ---------------------------------------------------------------------------------

    def _note(self, row: sqlite3.Row) -> Note:
        title, missing = self._shown_title(row["entry_id"], row["title"])
        return Note(row["entry_id"], title, row["text"], row["updated"], missing)

    def note(self, entry_id: str) -> Note | None:
        rows = self.store.read(
            "SELECT entry_id, title, text, updated FROM note WHERE entry_id = ?", [entry_id]
        )
        return self._note(rows[0]) if rows else None

    def set_note(self, entry_id: str, text: str) -> Note | None:
        """Save the note as typed (line breaks kept); blank text deletes it and returns None."""
        title = self._atlas_title(entry_id)
        text = clean_text(text)
        if not text.strip():
            self.delete_note(entry_id)
            return None
        check_note_size(text)
        with self.store.transaction("save the note") as connection:
            connection.execute(
                "INSERT INTO note (entry_id, title, text, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (entry_id) DO UPDATE SET title = excluded.title, "
                "text = excluded.text, updated = excluded.updated "
                "WHERE text IS NOT excluded.text",
                [entry_id, title, text, self.now()],
            )
        return self.note(entry_id)

    def delete_note(self, entry_id: str) -> bool:
        """Delete the note; False if there was none."""
        with self.store.transaction("delete the note") as connection:
            cursor = connection.execute("DELETE FROM note WHERE entry_id = ?", [entry_id])
        return cursor.rowcount > 0

    def notes(self) -> list[Note]:
        """Every note, the most recently changed first."""
        rows = self.store.read(
            "SELECT entry_id, title, text, updated FROM note ORDER BY updated DESC, entry_id"
        )
        return [self._note(row) for row in rows]

    def search_notes(self, text: str, limit: int = 50) -> list[NoteHit]:
        """Notes that contain every word of ``text`` (the last one may be cut short), best first.

        Any text is safe: it is searched for as words, never read as FTS5 syntax.
        """
        expression = fts_query(text)
        if not expression:
            return []
        limit = max(1, min(int(limit), MAX_SEARCH_LIMIT))
        rows = self.store.read(
            "SELECT note.entry_id, note.title, "
            "snippet(note_search, 0, '', '', '…', 16) AS snippet "
            "FROM note_search JOIN note ON note.id = note_search.rowid "
            "WHERE note_search MATCH ? ORDER BY rank, note.entry_id LIMIT ?",
            [expression, limit],
        )
        hits = []
        for row in rows:
            title, _missing = self._shown_title(row["entry_id"], row["title"])
            hits.append(NoteHit(row["entry_id"], title, " ".join(row["snippet"].split())))
        return hits

    # --- history -------------------------------------------------------------------------------

    def record_visit(self, entry_id: str) -> None:
        """Record that the entry was opened now.

        Every opening is kept, except that opening the entry that is already the newest in the
        history only moves that row's time: showing the same entry again (a reload, a second
        click on the same link, a tab coming back) is not a new step on the reader's trail, and
        a list of identical rows would bury the real ones.
        """
        title = self._atlas_title(entry_id)
        with self.store.transaction("save the history") as connection:
            now = self.now()
            newest = connection.execute(
                "SELECT id, entry_id FROM visit ORDER BY visited DESC, id DESC LIMIT 1"
            ).fetchone()
            if newest is not None and newest["entry_id"] == entry_id:
                connection.execute(
                    "UPDATE OR IGNORE visit SET visited = ?, title = ? WHERE id = ?",
                    [now, title, newest["id"]],
                )
            else:
                connection.execute(
                    "INSERT OR IGNORE INTO visit (entry_id, title, visited) VALUES (?, ?, ?)",
                    [entry_id, title, now],
                )

    def history(self, limit: int | None = None) -> list[Visit]:
        """The visits, newest first; at most ``limit`` of them."""
        rows = self.store.read_tuples(
            "SELECT entry_id, title, visited FROM visit ORDER BY visited DESC, id DESC LIMIT ?",
            [-1 if limit is None else max(0, int(limit))],
        )
        # A history is long and repeats few entries: look each one up in the atlas once.
        current: dict[str, str | None] = {}
        visits = []
        for entry_id, stored, visited in rows:
            if entry_id not in current:
                current[entry_id] = (
                    self._atlas_title(entry_id) if self.atlas.has(entry_id) else None
                )
            title = current[entry_id]
            visits.append(
                Visit(entry_id, stored if title is None else title, visited, title is None)
            )
        return visits

    def clear_history(self, older_than: timedelta | None = None) -> int:
        """Remove every visit, or those older than ``older_than``; how many were removed."""
        with self.store.transaction("clear the history") as connection:
            if older_than is None:
                cursor = connection.execute("DELETE FROM visit")
            else:
                cutoff = iso_time(self._clock() - older_than)
                cursor = connection.execute("DELETE FROM visit WHERE visited < ?", [cutoff])
        return cursor.rowcount


def check_note_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_NOTE_BYTES:
        raise LibraryError(
            f"The note is too long to save ({size:,} bytes; a note can hold "
            f"{MAX_NOTE_BYTES // 1024:,} KiB). Shorten it, or keep long texts in a file."
        )


__all__ = [
    "Bookmark",
    "Library",
    "LibraryError",
    "Note",
    "NoteHit",
    "UnknownEntryError",
    "Visit",
    "check_folder_name",
    "fts_query",
    "iso_time",
]
