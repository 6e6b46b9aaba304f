"""The full-text search tables of atlas.db (FTS5), filled from the entry tables at build time.

``search`` holds one document per entry and one per comparison row, so a row such as
"Training data" can be a result of its own. ``search_vocab`` (fts5vocab) lists every indexed word
with its document count; the app reads it to correct typos ("difusion" -> "diffusion").

The layout is read by ``genai_atlas.data.search``; change both together.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from genai_atlas.data.markup import plain_text  # noqa: E402
from genai_atlas.data.search import search_rowid  # noqa: E402

# Column order matters: the data layer addresses columns by index in bm25()/snippet().
# The rowid carries the kind (see genai_atlas.data.search.search_rowid, which the reader decodes):
# counting hits per kind and filtering by kind then needs no lookup of the stored row.
SEARCH_COLUMNS = ("entry_id", "kind", "row_position", "label", "title", "aliases", "body")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_AMPERSAND = re.compile(r"\s*&\s*")


def _clean(text: str) -> str:
    """Plain text for the index: links reduced to their text, control characters to spaces.

    Control characters are removed because the data layer uses two of them as snippet markers.
    """
    return _CONTROL.sub(" ", plain_text(text)).strip()


def _indexed_title(title: str) -> str:
    """Titles write "&" where people type "and"; index both as the word "and"."""
    return _AMPERSAND.sub(" and ", _clean(title))


def _documents(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """One search document per entry (title, aliases, visible text) and per comparison row."""
    aliases: dict[str, list[str]] = {}
    for row in db.query("SELECT entry_id, alias FROM entry_alias ORDER BY entry_id, position"):
        aliases.setdefault(row["entry_id"], []).append(row["alias"])
    extra: dict[str, list[str]] = {}
    for row in db.query("SELECT id, subtitle, left_label, right_label FROM comparison"):
        extra.setdefault(row["id"], []).extend(
            [row["subtitle"], row["left_label"], row["right_label"]]
        )
    for row in db.query("SELECT trend_id AS id, text FROM trend_item ORDER BY trend_id, rowid"):
        extra.setdefault(row["id"], []).append(row["text"])
    for row in db.query("SELECT id, use_cases FROM category"):
        extra.setdefault(row["id"], []).extend(json.loads(row["use_cases"]))
    for row in db.query("SELECT id, organisation, year FROM model"):
        extra.setdefault(row["id"], []).extend([row["organisation"], str(row["year"])])
    for row in db.query(
        "SELECT a.id, e.title FROM application a JOIN entry e ON e.id = a.industry_id"
    ):
        extra.setdefault(row["id"], []).append(row["title"])

    documents: list[dict[str, Any]] = []
    titles: dict[str, str] = {}
    for row in db.query("SELECT id, kind, title, summary FROM entry ORDER BY rowid"):
        titles[row["id"]] = row["title"]
        body = " ".join([row["summary"], *extra.get(row["id"], [])])
        documents.append(
            {
                "entry_id": row["id"],
                "kind": row["kind"],
                "row_position": None,
                "label": row["title"],
                "title": _indexed_title(row["title"]),
                "aliases": " ; ".join(_clean(alias) for alias in aliases.get(row["id"], [])),
                "body": _clean(body),
            }
        )
    for row in db.query(
        "SELECT comparison_id, position, aspect, left, right FROM comparison_row "
        "ORDER BY comparison_id, position"
    ):
        documents.append(
            {
                "entry_id": row["comparison_id"],
                "kind": "comparison",
                "row_position": row["position"],
                "label": f"{titles[row['comparison_id']]} › {row['aspect']}",
                "title": _indexed_title(row["aspect"]),
                "aliases": "",
                "body": _clean(f"{row['left']} — {row['right']}"),
            }
        )
    return documents


def create_search_tables(db: sqlite_utils.Database) -> None:
    """The empty search tables (also used by the search benchmark for its synthetic database)."""
    db.execute("DROP TABLE IF EXISTS search_vocab")
    db.execute("DROP TABLE IF EXISTS search")
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        "entry_id UNINDEXED, kind UNINDEXED, row_position UNINDEXED, label UNINDEXED, "
        "title, aliases, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    db.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row')")


def insert_documents(db: sqlite_utils.Database, documents: list[dict[str, Any]]) -> None:
    counters: dict[str, int] = {}
    rows = []
    for document in documents:
        kind = document["kind"]
        counters[kind] = counters.get(kind, 0) + 1
        rowid = search_rowid(kind, counters[kind])
        rows.append((rowid, *(document[column] for column in SEARCH_COLUMNS)))
    placeholders = ", ".join("?" * (len(SEARCH_COLUMNS) + 1))
    db.conn.executemany(
        f"INSERT INTO search (rowid, {', '.join(SEARCH_COLUMNS)}) VALUES ({placeholders})", rows
    )


def build_search_index(db: sqlite_utils.Database) -> None:
    create_search_tables(db)
    insert_documents(db, _documents(db))
    db.execute("INSERT INTO search(search) VALUES ('optimize')")
