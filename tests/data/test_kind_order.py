"""The order of kinds is declared once (EntryKind), and the search index and its reader share it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from genai_atlas.data import EntryKind
from genai_atlas.data.markup import KINDS, is_entry_id
from genai_atlas.data.records import KIND_ORDER, kind_at, kind_number, kind_of
from genai_atlas.data.search import kind_of_rowid, search, search_rowid


def test_link_markup_knows_the_kinds_in_the_one_order() -> None:
    assert KINDS == tuple(kind.value for kind in EntryKind)
    assert KIND_ORDER == tuple(EntryKind)
    assert all(is_entry_id(f"{kind}/x") for kind in KINDS)


def test_kind_numbers_round_trip_and_start_at_one() -> None:
    assert [kind_number(kind) for kind in KIND_ORDER] == list(range(1, len(KIND_ORDER) + 1))
    assert all(kind_at(kind_number(kind)) is kind for kind in KIND_ORDER)
    with pytest.raises(ValueError):
        kind_at(0)


def test_every_row_of_the_built_index_decodes_to_its_entrys_kind(atlas_db_path: Path) -> None:
    # atlas_db_path is a copy of the database the real build code (database/build.py, which
    # calls search_index.build_search_index) made for this session.
    with closing(sqlite3.connect(f"file:{atlas_db_path}?mode=ro", uri=True)) as connection:
        rows = connection.execute("SELECT rowid, entry_id, kind FROM search").fetchall()
        entry_ids = {row[0] for row in connection.execute("SELECT id FROM entry")}
    assert rows
    wrong = [
        (rowid, entry_id)
        for rowid, entry_id, kind in rows
        if not kind_of_rowid(rowid) == kind_of(entry_id) == EntryKind(kind)
    ]
    assert wrong == []
    # every entry has a document (comparison rows add documents under their comparison id)
    assert {entry_id for _, entry_id, _ in rows} == entry_ids


def test_the_readers_counts_and_kind_filter_agree_with_the_ids(atlas) -> None:  # type: ignore[no-untyped-def]
    broad = search(atlas, "a", limit=500)
    assert broad.hits
    for kind, count in broad.counts:
        only = search(atlas, "a", kinds=[kind], limit=500)
        assert {kind_of(hit.id) for hit in only.hits} == {kind}
        assert only.count(kind) == count


def test_a_rowid_keeps_its_kind_for_every_counter() -> None:
    for kind in EntryKind:
        for counter in (1, 2, (1 << 32) - 1):
            assert kind_of_rowid(search_rowid(kind, counter)) is kind
    with pytest.raises(ValueError):
        search_rowid(EntryKind.MODEL, 1 << 32)
