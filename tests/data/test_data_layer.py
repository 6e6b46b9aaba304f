"""The data layer: typed records, links both ways, and one clear error for a bad database."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from genai_atlas.data import (
    AtlasError,
    Comparison,
    EntryKind,
    Industry,
    Model,
    UnknownEntryError,
    open_atlas,
)


def test_every_kind_lists_and_fetches_typed_records(atlas) -> None:
    for kind in EntryKind:
        refs = atlas.list(kind)
        assert refs, f"no {kind} entries"
        for ref in refs:
            record = atlas.get(ref.id)
            assert record.kind is kind
            assert record.title == ref.title
            assert record.sources, f"{ref.id} names no source"


def test_comparison_rows_are_ordered(atlas) -> None:
    overview = atlas.get("comparison/overview")
    assert isinstance(overview, Comparison)
    assert [row.aspect for row in overview.rows] == [
        "Definition & Purpose",
        "Primary Focus",
        "How It Works",
    ]
    assert overview.left_label == "Large Language Models (LLMs)"
    assert overview.right_label == "Generative AI"


def test_industry_groups_its_applications(atlas) -> None:
    healthcare = atlas.get("industry/healthcare")
    assert isinstance(healthcare, Industry)
    titles = [app.title for app in healthcare.applications]
    assert titles[0] == "Medical Documentation & Summarization"
    assert "AI-Powered Diagnostics" in titles
    assert all(app.industry.id == "industry/healthcare" for app in healthcare.applications)


def test_model_record_and_links_both_ways(atlas) -> None:
    gpt4 = atlas.get("model/gpt-4")
    assert isinstance(gpt4, Model)
    assert (gpt4.organisation, gpt4.year) == ("OpenAI", 2023)
    assert gpt4.website.startswith("https://")
    # the Text Generation category lists GPT-4 as an example, so GPT-4 sees it as a backlink
    assert "category/text-generation" in {ref.id for ref in gpt4.linked_from(EntryKind.CATEGORY)}
    text_generation = atlas.get("category/text-generation")
    assert "model/gpt-4" in {ref.id for ref in text_generation.examples}


def test_unknown_id_raises_unknown_entry(atlas) -> None:
    for bad in ("model/no-such-model", "nonsense", "planet/earth", ""):
        with pytest.raises(UnknownEntryError):
            atlas.get(bad)


def test_database_is_opened_read_only(atlas) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        atlas.connection.execute("DELETE FROM entry")


def test_missing_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "atlas.db"
    with pytest.raises(AtlasError) as caught:
        open_atlas(path)
    assert str(path) in str(caught.value)
    assert "missing" in str(caught.value)


def test_corrupt_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "atlas.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(AtlasError) as caught:
        open_atlas(path)
    assert str(path) in str(caught.value)
    assert "corrupt" in str(caught.value)


def test_wrong_schema_version_is_refused(atlas_db_path: Path) -> None:
    with sqlite3.connect(atlas_db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(AtlasError, match="schema version 99"):
        open_atlas(atlas_db_path)


def test_quick_check_and_info(atlas) -> None:
    assert atlas.quick_check() == "ok"
    info = atlas.info()
    assert len(info.data_version) == 12
    assert any(source.id == "source/article" for source in info.sources)


def test_data_layer_imports_no_qt() -> None:
    code = (
        "import sys, genai_atlas.data, genai_atlas.data.serialize, genai_atlas.cli; "
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
