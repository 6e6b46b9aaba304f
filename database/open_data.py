"""What makes atlas.db a pleasant open data file in sqlite3, sqlite-utils and Datasette.

The app needs none of this; it is for people who open the file with their own tools:

- a plain-text twin ``<column>_plain`` next to every prose column, with the ``[shown](kind/slug)``
  link markup reduced to the shown text (the links themselves are in the ``link`` table);
- ``entry_fts``, a full-text index on ``entry`` made the way sqlite-utils' ``enable_fts`` makes
  it, so ``sqlite-utils search atlas.db entry …`` and Datasette's search box find it as it is;
- views for the common questions, one SQL string each in ``VIEWS``.

Runs at build time only, after the entry tables are filled; ``database/README.md`` documents the
result and changes with it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from genai_atlas.data.markup import plain_text  # noqa: E402

PLAIN_SUFFIX = "_plain"
# Every column that may hold link markup (the build's prose fields), by table.
PROSE_COLUMNS: dict[str, tuple[str, ...]] = {
    "entry": ("summary",),
    "comparison": ("subtitle",),
    "comparison_row": ("aspect", "left", "right"),
    "application": ("description",),
    "trend_item": ("text",),
    "term": ("definition",),
    "takeaway": ("text",),
}
# Columns holding a JSON list of prose strings; their twin is a JSON list of plain strings.
PROSE_LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "category": ("use_cases",),
}
ENTRY_FTS_COLUMNS = ("title", "summary" + PLAIN_SUFFIX)

# A JSON list column shown as "a, b, c". The views run in the reader's SQLite, so they use only
# built-in functions (json_each is built in since SQLite 3.38 and common long before).
_JOINED = "(SELECT group_concat(value, ', ') FROM json_each({column}))"
# Titles of the entries an entry links to with one relation, in the link order.
_LINKED_TITLES = (
    "(SELECT group_concat(title, ', ') FROM ("
    "SELECT target.title FROM link JOIN entry AS target ON target.id = link.to_id "
    "WHERE link.from_id = {entry_id} AND link.relation = '{relation}' ORDER BY link.position))"
)

VIEWS: dict[str, str] = {
    "models_overview": f"""
SELECT
    model.id,
    entry.title,
    model.organisation,
    model.year,
    model.date_kind,
    model.date_approximate,
    NULLIF(model.date_source, '') AS date_source_id,
    date_source.title AS date_source_title,
    {_JOINED.format(column="model.modality")} AS modality,
    model.model_type,
    {_JOINED.format(column="model.access")} AS access,
    model.availability,
    model.as_of,
    model.access_note,
    model.website,
    entry.summary_plain AS summary,
    model.release_note
FROM model
JOIN entry ON entry.id = model.id
LEFT JOIN source AS date_source ON date_source.id = model.date_source
ORDER BY model.year, entry.title
""",
    "entry_sources": """
SELECT
    entry.id AS entry_id,
    entry.kind,
    entry.title,
    entry_source.position AS source_position,
    source.id AS source_id,
    source.title AS source_title,
    source.url AS source_url,
    source.licence AS source_licence
FROM entry_source
JOIN entry ON entry.id = entry_source.entry_id
JOIN source ON source.id = entry_source.source_id
ORDER BY entry.rowid, entry_source.position
""",
    "applications_overview": f"""
SELECT
    application.id,
    entry.title,
    application.industry_id,
    industry.title AS industry,
    application.scope,
    {_LINKED_TITLES.format(entry_id="application.id", relation="category")} AS categories,
    {_LINKED_TITLES.format(entry_id="application.id", relation="model")} AS models,
    {_LINKED_TITLES.format(entry_id="application.id", relation="see-also")} AS see_also,
    application.description_plain AS description
FROM application
JOIN entry ON entry.id = application.id
JOIN entry AS industry ON industry.id = application.industry_id
ORDER BY industry.position, entry.position
""",
}


def _plain_list(value: str | None) -> str | None:
    if value is None:
        return None
    # The same JSON layout sqlite-utils gives the source column.
    return json.dumps([plain_text(item) for item in json.loads(value)], ensure_ascii=False)


def add_plain_twins(db: sqlite_utils.Database) -> None:
    """Add and fill ``<column>_plain`` for every prose column (placed last: SQLite appends)."""
    db.register_function(
        lambda value: None if value is None else plain_text(value),
        deterministic=True,
        name="atlas_plain_text",
    )
    db.register_function(_plain_list, deterministic=True, name="atlas_plain_list")
    for function, columns_by_table in (
        ("atlas_plain_text", PROSE_COLUMNS),
        ("atlas_plain_list", PROSE_LIST_COLUMNS),
    ):
        for table, columns in columns_by_table.items():
            for column in columns:
                twin = column + PLAIN_SUFFIX
                db[table].add_column(twin, str)
                db.execute(f'UPDATE "{table}" SET "{twin}" = {function}("{column}")')


def add_entry_search(db: sqlite_utils.Database) -> None:
    """``entry_fts`` over the entry titles and plain summaries, filled now.

    No triggers: the shipped file is read-only, so the index is built once here. ``entry`` has an
    implicit rowid that VACUUM keeps, which is what the external-content index refers to.
    """
    db["entry"].enable_fts(list(ENTRY_FTS_COLUMNS), create_triggers=False, replace=True)
    db["entry"].rebuild_fts()


def create_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def add_open_data(db: sqlite_utils.Database) -> None:
    """Everything above, in order: the search index reads the twins, the views read both."""
    add_plain_twins(db)
    add_entry_search(db)
    create_views(db)
