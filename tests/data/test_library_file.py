"""Export and import of the library: the file a reader keeps, moves and merges."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genai_atlas.data.atlas import Atlas
from genai_atlas.data.library import Library
from genai_atlas.data.library_file import (
    FORMAT,
    MAX_FILE_BYTES,
    ImportReport,
    LibraryFileError,
    dumps,
    export_library,
    import_library,
    parse_library_file,
)
from genai_atlas.data.userdb import StoreError, memory_store
from genai_atlas.data.userdb_open import open_user_store

GPT4 = "model/gpt-4"
HEALTHCARE = "industry/healthcare"


def _file(**sections: object) -> bytes:
    data: dict[str, object] = {"format": FORMAT, "version": 1}
    data.update(sections)
    return json.dumps(data).encode()


@pytest.fixture
def second(atlas: Atlas, tmp_path: Path) -> Iterator[Library]:
    """A second, empty library over the same atlas (another person, another computer)."""
    store = open_user_store(tmp_path / "second" / "library.sqlite3")
    try:
        yield Library(atlas, store)
    finally:
        store.close()


def _fill(library: Library) -> None:
    library.add_bookmark(GPT4, folder="Models")
    library.add_bookmark(HEALTHCARE)
    library.rename_bookmark(HEALTHCARE, "Hospitals")
    library.add_folder("Empty one")
    library.set_note(GPT4, "line one\nline two")
    library.record_visit(GPT4)
    library.record_visit(HEALTHCARE)


# --- export --------------------------------------------------------------------------------------


def test_export_holds_everything_sorted(library: Library) -> None:
    _fill(library)
    data = export_library(library)
    assert data["format"] == FORMAT and data["version"] == 1
    assert [b["id"] for b in data["bookmarks"]] == [HEALTHCARE, GPT4]
    assert data["bookmarks"][0]["name"] == "Hospitals"
    assert data["bookmarks"][0]["title"] == "Healthcare"
    assert data["folders"] == ["Empty one", "Models"]
    assert data["notes"] == [
        {
            "id": GPT4,
            "title": "GPT-4",
            "text": "line one\nline two",
            "updated": data["notes"][0]["updated"],
        }
    ]
    assert [v["id"] for v in data["history"]] == [GPT4, HEALTHCARE]


def test_dumps_is_stable_json_with_a_newline(library: Library) -> None:
    _fill(library)
    raw = dumps(export_library(library))
    assert raw.endswith(b"}\n")
    assert raw == dumps(json.loads(raw))
    assert b'\n  "bookmarks": [' in raw


def test_export_import_export_is_identical(library: Library, second: Library) -> None:
    _fill(library)
    first = dumps(export_library(library))
    report = import_library(second, parse_library_file(first))
    assert report == ImportReport(
        bookmarks_added=2, folders_added=2, notes_added=1, notes_merged=0, visits_added=2
    )
    assert dumps(export_library(second)) == first


def test_importing_twice_adds_nothing(library: Library, second: Library) -> None:
    _fill(library)
    data = parse_library_file(dumps(export_library(library)))
    import_library(second, data)
    before = dumps(export_library(second))
    assert import_library(second, data) == ImportReport(0, 0, 0, 0, 0)
    assert dumps(export_library(second)) == before


def test_a_differing_note_keeps_both_texts(library: Library, second: Library) -> None:
    library.set_note(GPT4, "mine")
    second.set_note(GPT4, "theirs")
    data = parse_library_file(dumps(export_library(second)))
    report = import_library(library, data)
    assert report.notes_merged == 1
    note = library.note(GPT4)
    assert note is not None
    day = data["notes"][0]["updated"][:10]
    assert note.text == f"mine\n\n— imported note ({day}) —\ntheirs"
    # The same file again: the imported text is there already, nothing doubles.
    assert import_library(library, data).notes_merged == 0
    assert library.note(GPT4) == note


def test_an_equal_note_is_unchanged(library: Library, second: Library) -> None:
    library.set_note(GPT4, "same")
    second.set_note(GPT4, "same")
    before = library.note(GPT4)
    report = import_library(library, parse_library_file(dumps(export_library(second))))
    assert (report.notes_added, report.notes_merged) == (0, 0)
    assert library.note(GPT4) == before


def test_existing_bookmarks_and_visits_are_not_doubled(library: Library) -> None:
    library.add_bookmark(GPT4, folder="Mine")
    library.record_visit(GPT4)
    data = export_library(library)
    data["bookmarks"][0]["folder"] = "Theirs"
    data["history"].append(
        {"id": HEALTHCARE, "title": "Healthcare", "visited": "2026-01-01T00:00:00Z"}
    )
    report = import_library(library, parse_library_file(dumps(data)))
    assert (report.bookmarks_added, report.visits_added) == (0, 1)
    assert [b.folder for b in library.bookmarks()] == ["Mine"]  # the reader's own place wins
    assert len(library.history()) == 2


def test_an_id_the_atlas_lacks_is_kept_as_missing(library: Library) -> None:
    raw = _file(
        bookmarks=[
            {
                "id": "model/from-the-future",
                "title": "Future",
                "folder": "",
                "added": "2027-01-01T00:00:00Z",
            }
        ],
        notes=[
            {
                "id": "model/from-the-future",
                "title": "Future",
                "text": "hm",
                "updated": "2027-01-01T00:00:00Z",
            }
        ],
        history=[
            {"id": "model/from-the-future", "title": "Future", "visited": "2027-01-01T00:00:00Z"}
        ],
    )
    import_library(library, parse_library_file(raw))
    (bookmark,) = library.bookmarks()
    assert (bookmark.title, bookmark.missing) == ("Future", True)
    assert library.notes()[0].missing and library.history()[0].missing
    # and it goes out again in the next export
    assert export_library(library)["bookmarks"][0]["id"] == "model/from-the-future"


def test_a_lone_surrogate_in_the_json_is_replaced(library: Library) -> None:
    raw = (
        b'{"format": "genai-atlas-library", "version": 1, "notes": [{"id": "model/gpt-4", '
        b'"title": "", "text": "a\\ud800b", "updated": "2026-01-01T00:00:00Z"}]}'
    )
    import_library(library, parse_library_file(raw))
    note = library.note(GPT4)
    assert note is not None and note.text == "a\ufffdb"
    dumps(export_library(library))  # writes back without an encoding error


def test_an_early_year_keeps_four_digits(library: Library) -> None:
    raw = _file(history=[{"id": GPT4, "title": "", "visited": "0042-03-04T05:06:07Z"}])
    import_library(library, parse_library_file(raw))
    assert library.history()[0].visited == "0042-03-04T05:06:07.000000Z"


def test_times_are_written_in_one_spelling(library: Library) -> None:
    raw = _file(history=[{"id": GPT4, "title": "GPT-4", "visited": "2026-11-29T11:49:53+01:00"}])
    import_library(library, parse_library_file(raw))
    assert library.history()[0].visited == "2026-11-29T10:49:53.000000Z"


# --- files that change nothing -------------------------------------------------------------------

BAD_FILES: list[tuple[bytes, str]] = [
    (b"", "empty"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b'{"format": "genai-atlas-library",\n "version": 1,\n "bookmarks": [}', "line 3, column 16"),
    (b'{"format": "genai-atlas-library", "version": 1, "notes": [{"id": "mod', "cut short"),
    (b'{"format": "genai-atlas-library", "version": 1, "bookmarks": [', "cut short"),
    (b"[1, 2]", "not an object"),
    (b'{"format": "something-else", "version": 1}', "not a GenAI Atlas library"),
    (b'{"version": 1}', "not a GenAI Atlas library"),
    (
        b'{"format": "genai-atlas-library", "version": 2}',
        "library format 2); this version reads format 1",
    ),
    (b'{"format": "genai-atlas-library", "version": "1"}', "whole number"),
    (b'{"format": "genai-atlas-library", "version": true}', "whole number"),
    (_file(bookmarks={"id": GPT4}), "bookmarks: should be a list"),
    (_file(bookmarks=["model/gpt-4"]), "bookmarks[0]: should be an object"),
    (_file(bookmarks=[{"id": "gpt-4", "title": "", "added": "2026-01-01T00:00:00Z"}]), "kind/slug"),
    (
        _file(bookmarks=[{"id": GPT4, "title": 4, "added": "2026-01-01T00:00:00Z"}]),
        "bookmarks[0].title: should be text, not a number",
    ),
    (_file(bookmarks=[{"id": GPT4, "title": "", "added": "yesterday"}]), "is not a time"),
    (_file(bookmarks=[{"id": GPT4, "title": "", "added": "2026-01-01T00:00:00"}]), "no time zone"),
    (
        _file(
            bookmarks=[{"id": GPT4, "title": "", "folder": "a\nb", "added": "2026-01-01T00:00:00Z"}]
        ),
        "folder",
    ),
    (_file(folders=[""]), "folders[0]"),
    (_file(folders=[" padded "]), "spaces around it"),
    (
        _file(notes=[{"id": GPT4, "title": "", "text": None, "updated": "2026-01-01T00:00:00Z"}]),
        "notes[0].text",
    ),
    (_file(history=[{"id": GPT4, "title": ""}]), "history[0].visited"),
    (b"[" * 100_000, "nested too deeply"),
    (b'{"format": "genai-atlas-library", "version": ' + b"9" * 5000 + b"}", "cannot be read"),
    (_file(history=[{"id": GPT4, "title": "", "visited": "0001-01-01T00:00:00+01:00"}]), "a time"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_FILES)
def test_a_bad_file_says_what_is_wrong_and_changes_nothing(
    library: Library, raw: bytes, message: str
) -> None:
    _fill(library)
    before = dumps(export_library(library))
    with pytest.raises(LibraryFileError) as caught:
        import_library(library, parse_library_file(raw))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert dumps(export_library(library)) == before


def test_the_message_can_name_the_file() -> None:
    with pytest.raises(LibraryFileError, match=r"^/x/lib\.json: the file is empty"):
        parse_library_file(b"  ", name="/x/lib.json")


def test_an_oversized_file_is_refused_before_it_is_read() -> None:
    with pytest.raises(LibraryFileError, match="more than a library file can be"):
        parse_library_file(b" " * (MAX_FILE_BYTES + 1))


def test_an_import_fault_midway_rolls_everything_back(library: Library) -> None:
    library.set_note(GPT4, "x" * (1024 * 1024 - 10))
    raw = _file(
        bookmarks=[{"id": HEALTHCARE, "title": "", "added": "2026-01-01T00:00:00Z"}],
        notes=[{"id": GPT4, "title": "", "text": "y" * 100, "updated": "2026-01-01T00:00:00Z"}],
    )
    with pytest.raises(LibraryFileError, match="would grow past"):
        import_library(library, parse_library_file(raw))
    assert library.bookmarks() == []  # the bookmark before the note went back out too


def test_importing_into_a_read_only_store_changes_nothing(atlas: Atlas, library: Library) -> None:
    _fill(library)
    data = parse_library_file(dumps(export_library(library)))
    with open_user_store(None) as nowhere:
        with pytest.raises(StoreError, match="Cannot import the library"):
            import_library(Library(atlas, nowhere), data)


# --- the round trip, on random libraries ---------------------------------------------------------

_KNOWN = [GPT4, HEALTHCARE, "model/claude", "category/text-generation", "term/transformer"]
_MISSING = st.from_regex(r"\A(model|term|future-kind)/[a-z0-9][a-z0-9-]{0,20}\Z").filter(
    lambda entry_id: entry_id not in _KNOWN
)
_IDS = st.one_of(st.sampled_from(_KNOWN), _MISSING)
_TIMES = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)
_FOLDERS = (
    st.text(min_size=1, max_size=20)
    .map(lambda t: " ".join(t.split()))
    .filter(lambda name: bool(name) and name.isprintable())
)
_TEXTS = st.text(max_size=200)  # any unicode, line breaks included


def _library_data(draw: st.DrawFn) -> dict[str, object]:
    folders = draw(st.lists(_FOLDERS, max_size=4, unique=True))
    stamp = lambda: draw(_TIMES).isoformat()  # noqa: E731  (any spelling; import normalises)
    return {
        "format": FORMAT,
        "version": 1,
        "folders": folders,
        "bookmarks": [
            {
                "id": entry_id,
                "title": draw(_TEXTS),
                "name": draw(_TEXTS),
                "folder": draw(st.sampled_from(["", *folders])),
                "added": stamp(),
            }
            for entry_id in draw(st.lists(_IDS, max_size=6, unique=True))
        ],
        "notes": [
            {"id": entry_id, "title": draw(_TEXTS), "text": draw(_TEXTS), "updated": stamp()}
            for entry_id in draw(st.lists(_IDS, max_size=6, unique=True))
        ],
        "history": [
            {"id": draw(_IDS), "title": draw(_TEXTS), "visited": stamp()}
            for _ in range(draw(st.integers(0, 8)))
        ],
    }


@st.composite
def library_files(draw: st.DrawFn) -> dict[str, object]:
    return _library_data(draw)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=library_files())
def test_export_import_export_round_trip(atlas: Atlas, data: dict[str, object]) -> None:
    """Any library: what it exports, imported into an empty library, exports byte for byte."""
    with memory_store() as store_one, memory_store() as store_two:
        one = Library(atlas, store_one)
        import_library(one, parse_library_file(dumps(data)))
        first = dumps(export_library(one))
        two = Library(atlas, store_two)
        import_library(two, parse_library_file(first))
        assert dumps(export_library(two)) == first


def test_export_has_no_clock_value(library: Library, second: Library) -> None:
    _fill(library)
    first = dumps(export_library(library))
    import_library(second, parse_library_file(first))
    # Importing writes now-times only where they do not travel (a folder's creation time).
    assert b'"exported"' not in first
    assert dumps(export_library(second)) == first


def test_a_store_error_is_a_known_error() -> None:
    from genai_atlas.data.errors import KnownError

    assert issubclass(StoreError, KnownError) and issubclass(LibraryFileError, KnownError)
