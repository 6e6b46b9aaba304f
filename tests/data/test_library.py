"""The reader's library as the GUI and the CLI use it: bookmarks, folders, notes, history."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genai_atlas.data.atlas import Atlas
from genai_atlas.data.errors import KnownError, UnknownEntryError
from genai_atlas.data.library import MAX_NOTE_BYTES, Library, LibraryError, fts_query
from genai_atlas.data.userdb import UserStore
from genai_atlas.data.userdb_open import open_user_store

GPT4 = "model/gpt-4"
HEALTHCARE = "industry/healthcare"
GONE = "model/retired-long-ago"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed(atlas: Atlas, user_store: UserStore, clock: Clock) -> Library:
    return Library(atlas, user_store, clock=clock)


def _plant_missing(store: UserStore, table: str) -> None:
    """A row for an entry a data update removed (the atlas has no GONE)."""
    with store.transaction() as connection:
        if table == "bookmark":
            connection.execute(
                "INSERT INTO bookmark (entry_id, title, added) VALUES (?, 'Old model', "
                "'2026-01-01T00:00:00.000000Z')",
                [GONE],
            )
        elif table == "note":
            connection.execute(
                "INSERT INTO note (entry_id, title, text, updated) VALUES (?, 'Old model', "
                "'what I thought', '2026-01-01T00:00:00.000000Z')",
                [GONE],
            )
        else:
            connection.execute(
                "INSERT INTO visit (entry_id, title, visited) VALUES (?, 'Old model', "
                "'2026-01-01T00:00:00.000000Z')",
                [GONE],
            )


# --- bookmarks -----------------------------------------------------------------------------------


def test_a_bookmark_is_kept_with_its_title(library: Library) -> None:
    bookmark = library.add_bookmark(GPT4)
    assert (bookmark.entry_id, bookmark.title, bookmark.folder, bookmark.missing) == (
        GPT4,
        "GPT-4",
        "",
        False,
    )
    assert bookmark.added.endswith("Z")
    assert library.is_bookmarked(GPT4)
    assert [b.entry_id for b in library.bookmarks()] == [GPT4]


def test_a_bookmark_of_a_removed_entry_can_be_toggled_off(library: Library) -> None:
    _plant_missing(library.store, "bookmark")
    assert library.toggle_bookmark(GONE) is False
    assert library.bookmarks() == []


def test_toggle_adds_then_removes(library: Library) -> None:
    assert library.toggle_bookmark(GPT4) is True
    assert library.is_bookmarked(GPT4)
    assert library.toggle_bookmark(GPT4) is False
    assert not library.is_bookmarked(GPT4)
    assert library.remove_bookmark(GPT4) is False


def test_bookmarks_survive_reopening(atlas: Atlas, user_store: UserStore) -> None:
    Library(atlas, user_store).add_bookmark(GPT4, folder="Models")
    path = user_store.path
    user_store.close()
    with open_user_store(path) as reopened:
        (bookmark,) = Library(atlas, reopened).bookmarks()
    assert (bookmark.entry_id, bookmark.folder) == (GPT4, "Models")


def test_an_unknown_id_cannot_be_bookmarked(library: Library) -> None:
    with pytest.raises(UnknownEntryError):
        library.add_bookmark("model/no-such-model")
    assert library.bookmarks() == []


def test_bookmarks_list_by_folder_then_age(timed: Library, clock: Clock) -> None:
    timed.add_bookmark(HEALTHCARE, folder="b work")
    clock.advance(seconds=1)
    timed.add_bookmark(GPT4)
    clock.advance(seconds=1)
    timed.add_bookmark("model/claude", folder="A reading")
    clock.advance(seconds=1)
    timed.add_bookmark("model/dall-e", folder="A reading")
    listed = [(b.folder, b.entry_id) for b in timed.bookmarks()]
    assert listed == [
        ("", GPT4),
        ("A reading", "model/claude"),
        ("A reading", "model/dall-e"),
        ("b work", HEALTHCARE),
    ]
    assert timed.folders() == ["A reading", "b work"]


def test_rename_and_back_to_the_entry_title(library: Library) -> None:
    library.add_bookmark(GPT4)
    library.rename_bookmark(GPT4, "  the big one ")
    assert library.bookmarks()[0].title == "the big one"
    library.rename_bookmark(GPT4, "")
    assert library.bookmarks()[0].title == "GPT-4"


def test_move_and_folders(library: Library) -> None:
    library.add_bookmark(GPT4)
    library.move_bookmark(GPT4, "Later")
    assert library.bookmarks()[0].folder == "Later"
    library.rename_folder("Later", "Soon")
    assert library.folders() == ["Soon"]
    assert library.bookmarks()[0].folder == "Soon"
    library.remove_folder("Soon")
    assert library.folders() == []
    assert library.bookmarks()[0].folder == ""  # moved to the top level, not lost


def test_folder_names_are_checked(library: Library) -> None:
    library.add_folder("Work")
    for bad in ("", "   ", "a\nb", "x" * 101):
        with pytest.raises(LibraryError):
            library.add_folder(bad)
    library.add_folder("Play")
    with pytest.raises(LibraryError, match="exists already"):
        library.rename_folder("Play", "Work")
    assert library.folders() == ["Play", "Work"]


def test_folder_names_may_be_any_printable_text(library: Library) -> None:
    library.add_folder("👩‍💻 Ünïcödé / names")  # an emoji joined by U+200D is one picture
    assert library.folders() == ["👩‍💻 Ünïcödé / names"]
    with pytest.raises(LibraryError, match="control characters"):
        library.add_folder("abc\u202egpj.exe")  # right-to-left override: poses as another name


def test_a_bookmark_of_a_removed_entry_is_kept_as_missing(library: Library) -> None:
    _plant_missing(library.store, "bookmark")
    (bookmark,) = library.bookmarks()
    assert (bookmark.entry_id, bookmark.title, bookmark.missing) == (GONE, "Old model", True)
    assert library.is_bookmarked(GONE)


# --- notes ---------------------------------------------------------------------------------------


def test_a_note_keeps_its_line_breaks(library: Library) -> None:
    note = library.set_note(GPT4, "first line\nsecond line\n")
    assert note is not None
    assert (note.entry_id, note.title, note.text) == (GPT4, "GPT-4", "first line\nsecond line\n")
    assert library.note(GPT4) == note


def test_blank_text_deletes_the_note(library: Library) -> None:
    library.set_note(GPT4, "something")
    assert library.set_note(GPT4, " \n\t ") is None
    assert library.note(GPT4) is None
    assert library.delete_note(GPT4) is False


def test_notes_newest_first(timed: Library, clock: Clock) -> None:
    timed.set_note(GPT4, "one")
    clock.advance(seconds=5)
    timed.set_note(HEALTHCARE, "two")
    assert [n.entry_id for n in timed.notes()] == [HEALTHCARE, GPT4]
    clock.advance(seconds=5)
    timed.set_note(GPT4, "one, edited")
    assert [n.entry_id for n in timed.notes()] == [GPT4, HEALTHCARE]


def test_an_unchanged_note_keeps_its_time(timed: Library, clock: Clock) -> None:
    first = timed.set_note(GPT4, "same")
    clock.advance(minutes=1)
    assert timed.set_note(GPT4, "same") == first


def test_a_note_too_long_is_refused_with_a_message(library: Library) -> None:
    with pytest.raises(LibraryError, match="too long") as caught:
        library.set_note(GPT4, "x" * (MAX_NOTE_BYTES + 1))
    assert isinstance(caught.value, KnownError)
    assert library.note(GPT4) is None


def test_a_note_on_an_unknown_entry_is_refused(library: Library) -> None:
    with pytest.raises(UnknownEntryError):
        library.set_note("model/nope", "text")


def test_a_note_of_a_removed_entry_is_kept(library: Library) -> None:
    _plant_missing(library.store, "note")
    (note,) = library.notes()
    assert (note.entry_id, note.title, note.missing) == (GONE, "Old model", True)
    assert [hit.entry_id for hit in library.search_notes("thought")] == [GONE]


def test_search_notes_finds_words_and_prefixes(library: Library) -> None:
    library.set_note(GPT4, "Remember to compare with Claude.\nAsk about pricing.")
    library.set_note(HEALTHCARE, "Hospitals use chatbots")
    hits = library.search_notes("pric")
    assert [(h.entry_id, h.title) for h in hits] == [(GPT4, "GPT-4")]
    assert "pricing" in hits[0].snippet and "\n" not in hits[0].snippet
    assert [h.entry_id for h in library.search_notes("hospitals chat")] == [HEALTHCARE]
    assert library.search_notes("hospitals claude") == []


def test_search_notes_follows_edits_and_deletes(library: Library) -> None:
    library.set_note(GPT4, "apples")
    library.set_note(GPT4, "pears")
    assert library.search_notes("apples") == []
    assert [h.entry_id for h in library.search_notes("pears")] == [GPT4]
    library.delete_note(GPT4)
    assert library.search_notes("pears") == []


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        "*",
        "a*",
        "NEAR(a b)",
        "a OR b",
        "NOT",
        "-",
        "(",
        ")",
        "^a",
        "col:a",
        "\x00\x1b[2J",
        "",
        "   ",
        "'; DROP TABLE note; --",
        "\ud800",
        "a" * 10_000,
        "AND AND",
        "{a b}",
    ],
)
def test_any_search_text_is_safe(library: Library, text: str) -> None:
    library.set_note(GPT4, "a b near not or and col drop table note")
    library.search_notes(text)  # no exception: the text is words, never syntax


def test_fts_query_quotes_each_word() -> None:
    assert fts_query('say "hi" NEAR*') == '"say"* "hi"* "NEAR"*'
    assert fts_query("  ") == ""


# --- history -------------------------------------------------------------------------------------


def test_history_newest_first(timed: Library, clock: Clock) -> None:
    timed.record_visit(GPT4)
    clock.advance(seconds=3)
    timed.record_visit(HEALTHCARE)
    clock.advance(seconds=3)
    timed.record_visit(GPT4)
    assert [v.entry_id for v in timed.history()] == [GPT4, HEALTHCARE, GPT4]
    assert [v.entry_id for v in timed.history(limit=1)] == [GPT4]
    assert timed.history()[0].title == "GPT-4"


def test_reopening_the_newest_entry_moves_its_time(timed: Library, clock: Clock) -> None:
    timed.record_visit(GPT4)
    clock.advance(seconds=30)
    timed.record_visit(GPT4)
    (visit,) = timed.history()
    assert visit.visited == "2026-11-29T10:00:30.000000Z"


def test_clear_history_all_or_older_than(timed: Library, clock: Clock) -> None:
    timed.record_visit(GPT4)
    clock.advance(days=10)
    timed.record_visit(HEALTHCARE)
    clock.advance(days=1)
    assert timed.clear_history(older_than=timedelta(days=7)) == 1
    assert [v.entry_id for v in timed.history()] == [HEALTHCARE]
    assert timed.clear_history() == 1
    assert timed.history() == []


def test_a_visit_of_a_removed_entry_is_kept(library: Library) -> None:
    _plant_missing(library.store, "visit")
    (visit,) = library.history()
    assert (visit.title, visit.missing) == ("Old model", True)


# --- the store underneath ------------------------------------------------------------------------


def test_data_version_changes_when_another_connection_saves(
    library: Library, user_store: UserStore
) -> None:
    before = library.data_version()
    assert user_store.path is not None
    other = sqlite3.connect(user_store.path)
    try:
        other.execute(
            "INSERT INTO folder (name, added) VALUES ('x', '2026-11-29T00:00:00.000000Z')"
        )
        other.commit()
    finally:
        other.close()
    assert library.data_version() != before
    assert library.folders() == ["x"]


def test_the_store_is_in_the_data_folder(user_store: UserStore, user_data_dir: Path) -> None:
    assert user_store.path == user_data_dir / "library.sqlite3"
    assert user_store.writable and user_store.notices == ()


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_search_notes_takes_any_text(library: Library, text: str) -> None:
    """Whatever is typed (quotes, *, NEAR, control characters, emoji): hits or none, no error."""
    if not library.notes():
        library.set_note(GPT4, 'quotes " stars * near NEAR( and OR not ^ col: emoji 🙂 end')
    hits = library.search_notes(text)
    assert all(hit.entry_id == GPT4 for hit in hits)


def test_history_is_listed_through_the_time_index(library: Library) -> None:
    """10,000 visits list in time order without sorting the table: the index is used."""
    plan = library.store.read(
        "EXPLAIN QUERY PLAN SELECT entry_id, title, visited FROM visit "
        "ORDER BY visited DESC, id DESC LIMIT -1"
    )
    details = " ".join(row["detail"] for row in plan)
    assert "USING INDEX visit_by_time" in details and "TEMP B-TREE" not in details
