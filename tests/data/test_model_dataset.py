"""Imported figures as atlas entries: the catalogue, the detail page, sheets and exports."""

from __future__ import annotations

import csv
import io

from genai_atlas.data import EntryKind
from genai_atlas.data.compare import compare_entries, entry_table
from genai_atlas.data.figures_text import count_text, scientific_text
from genai_atlas.data.model_records import EPOCH_ATTRIBUTION
from genai_atlas.export.tables import table_to_csv, table_to_markdown
from genai_atlas.render.detail_html import render_entry
from genai_atlas.render.theme import LIGHT
from tests.dataset_fixtures import sample_dataset

LINE = f"{EPOCH_ATTRIBUTION}; file of 2026-01-26, models up to 2024-05-01"


def test_numbers_read_as_people_say_them() -> None:
    assert count_text(175e9) == "175 B"
    assert count_text(1.8e12) == "1.8 T"
    assert count_text(999.96e9) == "1 T"
    assert count_text(7200) == "7.2 K"
    assert count_text(None) == ""
    assert scientific_text(3.14e23) == "3.1 × 10²³"
    assert scientific_text(9.96e22) == "1.0 × 10²³"
    assert scientific_text(2.5e24) == "2.5 × 10²⁴"
    assert scientific_text(float("nan")) == ""


def test_the_dataset_adds_its_own_models_after_the_curated_ones(atlas) -> None:  # type: ignore[no-untyped-def]
    curated = [ref.id for ref in atlas.list(EntryKind.MODEL)]
    atlas.set_dataset(sample_dataset())
    ids = [ref.id for ref in atlas.list(EntryKind.MODEL)]
    # one entry for GPT-4, whose figures the dataset has; newest publication first after it
    assert ids == [*curated, "model/quillwork-7b", "model/lumen-v", "model/old-net"]
    assert [m.id for m in atlas.models()] == ids
    assert atlas.has("model/lumen-v") and atlas.ref("model/lumen-v").title == "Lumen-V"
    gpt4 = atlas.get("model/gpt-4")
    assert gpt4.curated and gpt4.figures is not None and gpt4.figures.name == "GPT-4 (Mar 2023)"
    assert gpt4.source_label == "GenAI Atlas + Epoch AI"
    assert atlas.get("model/quillwork-7b").source_label == "Epoch AI"
    atlas.set_dataset(None)
    assert [ref.id for ref in atlas.list(EntryKind.MODEL)] == curated
    assert not atlas.has("model/lumen-v") and atlas.get("model/gpt-4").figures is None


def test_an_imported_model_s_page_quotes_the_publisher_under_the_attribution(atlas) -> None:  # type: ignore[no-untyped-def]
    atlas.set_dataset(sample_dataset())
    page = render_entry(atlas.get("model/quillwork-7b"), LIGHT)
    assert "Model · from Epoch AI&#x27;s dataset" in page
    assert "Data: Epoch AI, &quot;Data on Notable AI Models&quot; (epoch.ai), CC BY 4.0" in page
    assert "file of 2026-01-26" in page
    for shown in ("7.2 B", "3.1 × 10²³", "Open weights (unrestricted)", "France", "2024-05-01"):
        assert shown in page
    # the abstract is the publisher's words: quoted, escaped, never markup
    quoted = "We present &lt;b&gt;Quillwork&lt;/b&gt; &amp; &quot;friends&quot;."
    assert f"<blockquote><p>{quoted}" in page
    assert "<b>Quillwork</b>" not in page
    # its links open only as web pages; a javascript: link is dropped
    assert '<a href="https://example.org/quillwork">' in page
    assert "javascript" not in page
    # the glossary explains its domain and its accessibility
    assert '<a href="atlas:term/llm">' in page
    assert '<a href="atlas:term/model-access">Model Access</a>' in page


def test_a_curated_model_keeps_its_text_and_adds_the_figures_apart(atlas) -> None:  # type: ignore[no-untyped-def]
    before = render_entry(atlas.get("model/gpt-4"), LIGHT)
    atlas.set_dataset(sample_dataset())
    after = render_entry(atlas.get("model/gpt-4"), LIGHT)
    assert "Figures from Epoch AI" not in before
    heading = after.index("<h2>Figures from Epoch AI</h2>")
    # the atlas's own facts come first, the dataset's after its heading and attribution
    assert after.index("OpenAI") < heading < after.index("2.1 × 10²⁵")
    assert after.index(LINE.replace('"', "&quot;")) > heading


def test_sheets_and_exports_of_imported_figures_carry_the_attribution(atlas) -> None:  # type: ignore[no-untyped-def]
    atlas.set_dataset(sample_dataset())
    table = compare_entries(atlas, ["model/gpt-4", "model/quillwork-7b"])
    assert table.notices == (LINE,)
    rows = {row.aspect: row.cells for row in table.rows}
    assert rows["Parameters"] == ("", "7.2 B")
    assert rows["Training compute (FLOP)"] == ("2.1 × 10²⁵", "3.1 × 10²³")
    assert rows["Organisation"] == ("OpenAI", "Inkwell Labs")
    assert table.attribution().startswith(LINE)
    assert any(source.title.startswith("Epoch AI") for source in table.sources)
    rows_read = list(csv.reader(io.StringIO(table_to_csv(table))))
    assert rows_read[-2:] == [[], [LINE]]  # after a blank line, as a spreadsheet shows it
    assert LINE in table_to_markdown(table)


def test_sheets_without_imported_figures_are_unchanged(atlas) -> None:  # type: ignore[no-untyped-def]
    table = entry_table(atlas, "model/gpt-4")
    assert table.notices == ()
    assert "Epoch" not in table_to_csv(table)
    assert not any(row.aspect == "Parameters" for row in table.rows)
