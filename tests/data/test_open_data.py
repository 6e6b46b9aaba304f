"""atlas.db as an open data file: what a person sees opening it with sqlite-utils (or Datasette).

Opened with sqlite-utils' Python API, as a data user would; the expectations are computed from the
tables themselves so that content edits do not break them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from genai_atlas.data.markup import LINK_RE

README = Path(__file__).resolve().parents[2] / "database" / "README.md"
VIEW_COLUMNS = {
    "models_overview": [
        "id",
        "title",
        "organisation",
        "year",
        "date_kind",
        "date_approximate",
        "date_source_id",
        "date_source_title",
        "modality",
        "model_type",
        "access",
        "availability",
        "as_of",
        "access_note",
        "website",
        "summary",
        "release_note",
    ],
    "entry_sources": [
        "entry_id",
        "kind",
        "title",
        "source_position",
        "source_id",
        "source_title",
        "source_url",
        "source_licence",
    ],
    "applications_overview": [
        "id",
        "title",
        "industry_id",
        "industry",
        "scope",
        "categories",
        "models",
        "see_also",
        "description",
    ],
}


@pytest.fixture
def db(built_database: Path) -> Iterator[sqlite_utils.Database]:
    opened = sqlite_utils.Database(sqlite3.connect(f"file:{built_database}?mode=ro", uri=True))
    yield opened
    opened.close()


def _data_tables(db: sqlite_utils.Database) -> list[str]:
    """Ordinary tables: not full-text tables nor the shadow tables that store them."""
    virtual = [
        row[0]
        for row in db.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")
    ]
    return [
        name
        for name in db.table_names()
        if name not in virtual and not any(name.startswith(v + "_") for v in virtual)
    ]


def _has_markup(value: object) -> bool:
    return isinstance(value, str) and (LINK_RE.search(value) is not None or "](" in value)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def test_entry_has_a_full_text_index_that_sqlite_utils_detects(
    db: sqlite_utils.Database,
) -> None:
    assert db["entry"].detect_fts() == "entry_fts"
    # External content: the index stores no second copy of the text, and Datasette's own
    # detection (the same LIKE patterns on sqlite_master) finds it too.
    assert 'content="entry"' in db["entry_fts"].schema


def test_search_returns_exactly_the_entries_whose_title_or_summary_has_the_word(
    db: sqlite_utils.Database,
) -> None:
    rows = list(db["entry"].search("diffusion", columns=["id"]))
    found = [row["id"] for row in rows]
    assert {"term/diffusion-model", "model/stable-diffusion"} <= set(found)
    expected = {
        row["id"]
        for row in db.query("SELECT id, title, summary_plain FROM entry")
        if "diffusion" in _words(f"{row['title']} {row['summary_plain']}")
    }
    assert sorted(found) == sorted(expected)


def test_search_finds_what_a_reader_sees_not_the_link_markup(
    db: sqlite_utils.Database,
) -> None:
    # Links to glossary terms end "](term/slug)": had the markup been indexed, the word "term"
    # would find every entry that links to one.
    found = {row["id"] for row in db["entry"].search("term", columns=["id"])}
    rows = list(db.query("SELECT id, title, summary, summary_plain FROM entry"))
    expected = {
        row["id"] for row in rows if "term" in _words(f"{row['title']} {row['summary_plain']}")
    }
    linking_only = {row["id"] for row in rows if "](term/" in row["summary"]} - expected
    assert linking_only, "test setup: no entry links to a term without using the word"
    assert found == expected


def test_the_full_text_index_matches_the_entry_table(
    atlas_db_path: Path,
) -> None:
    # FTS5 compares every indexed row with the content table it names (a write, hence the copy).
    with sqlite3.connect(atlas_db_path) as conn:
        conn.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize("view", sorted(VIEW_COLUMNS))
def test_each_view_returns_rows_with_its_columns(db: sqlite_utils.Database, view: str) -> None:
    assert view in db.view_names()
    assert [column.name for column in db[view].columns] == VIEW_COLUMNS[view]
    assert db[view].count > 0


def test_models_overview_has_one_readable_row_per_model(db: sqlite_utils.Database) -> None:
    view = {row["id"]: row for row in db.query("SELECT * FROM models_overview")}
    models = list(db.query("SELECT m.*, e.title FROM model m JOIN entry e ON e.id = m.id"))
    assert len(view) == len(models)
    sources = {row["id"]: row["title"] for row in db.query("SELECT id, title FROM source")}
    for model in models:
        row = view[model["id"]]
        assert row["title"] == model["title"]
        assert (row["organisation"], row["year"]) == (model["organisation"], model["year"])
        assert (row["date_kind"], row["availability"]) == (
            model["date_kind"],
            model["availability"],
        )
        if model["date_source"]:
            assert row["date_source_title"] == sources[model["date_source"]]
        else:  # no source states the date
            assert row["date_approximate"] == 1
            assert (row["date_source_id"], row["date_source_title"]) == (None, None)
        assert row["modality"] == ", ".join(json.loads(model["modality"]))
        assert row["access"] == ", ".join(json.loads(model["access"]))


def test_entry_sources_names_each_source_of_each_entry(db: sqlite_utils.Database) -> None:
    view = list(db.query("SELECT entry_id, source_id, source_title FROM entry_sources"))
    assert len(view) == db["entry_source"].count
    titles = {row["id"]: row["title"] for row in db.query("SELECT id, title FROM source")}
    assert all(row["source_title"] == titles[row["source_id"]] for row in view)


def test_applications_overview_names_industry_categories_and_models(
    db: sqlite_utils.Database,
) -> None:
    view = {row["id"]: row for row in db.query("SELECT * FROM applications_overview")}
    assert len(view) == db["application"].count
    titles = {row["id"]: row["title"] for row in db.query("SELECT id, title FROM entry")}
    for application in db.query("SELECT id, industry_id, scope FROM application"):
        row = view[application["id"]]
        assert row["industry"] == titles[application["industry_id"]]
        assert row["scope"] == application["scope"]
        for column, relation in (("categories", "category"), ("models", "model")):
            links = db.query(
                "SELECT to_id FROM link WHERE from_id = ? AND relation = ? ORDER BY position",
                [application["id"], relation],
            )
            joined = ", ".join(titles[link["to_id"]] for link in links)
            # An application without categories or models shows NULL there, not "".
            assert row[column] == (joined or None)


def test_no_plain_text_column_holds_markup(db: sqlite_utils.Database) -> None:
    checked = 0
    for table in _data_tables(db):
        for column in db[table].columns:
            if not column.name.endswith("_plain"):
                continue
            for (value,) in db.execute(f'SELECT "{column.name}" FROM "{table}"'):
                items = json.loads(value) if value and value.startswith("[") else [value]
                assert not any(_has_markup(item) for item in items), (table, column.name, value)
                checked += 1
    for view in db.view_names():
        for row in db[view].rows:
            assert not any(_has_markup(value) for value in row.values()), (view, row)
    assert checked > 0


def test_every_column_with_markup_has_a_plain_twin(db: sqlite_utils.Database) -> None:
    # A prose column added later without a twin would leave markup for data users to strip.
    for table in _data_tables(db):
        names = {column.name for column in db[table].columns}
        for name in sorted(names):
            values = [row[0] for row in db.execute(f'SELECT "{name}" FROM "{table}"')]
            if any(_has_markup(value) for value in values):
                assert f"{name}_plain" in names, f"{table}.{name} holds link markup"


def test_readme_documents_every_table_view_and_column(db: sqlite_utils.Database) -> None:
    readme = README.read_text(encoding="utf-8")
    sections = dict(
        re.findall(r"^#### `(\w+)`.*?\n(.*?)(?=^#{1,4} |\Z)", readme, re.MULTILINE | re.DOTALL)
    )
    names = [*_data_tables(db), *db.view_names(), "entry_fts", "search", "search_vocab"]
    missing = [name for name in names if name not in sections]
    assert missing == [], f"database/README.md has no '#### `name`' section for {missing}"
    undocumented = [
        f"{name}.{column.name}"
        for name in names
        for column in db[name].columns
        if f"| `{column.name}` |" not in sections[name]
    ]
    assert undocumented == []
