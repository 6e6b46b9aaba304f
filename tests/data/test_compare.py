"""The compare tables, their CSV/Markdown forms, the sheet HTML and the atomic writer (no Qt)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

from genai_atlas.data import UnknownEntryError
from genai_atlas.data.compare import (
    CompareError,
    CompareRow,
    CompareTable,
    compare_entries,
    comparison_table,
    entry_table,
)
from genai_atlas.export.files import ExportError, atomic_write, check_target
from genai_atlas.export.tables import table_to_csv, table_to_markdown
from genai_atlas.render.sheet import SheetFooter, sheet_html

MODELS = ["model/gpt-4", "model/claude", "model/dall-e", "model/llama"]


def test_model_comparison_has_a_row_per_field_and_a_column_per_model(atlas):
    table = compare_entries(atlas, MODELS)
    assert table.columns == ("GPT-4", "Claude", "DALL·E", "Llama")
    aspects = [row.aspect for row in table.rows]
    fields = ("Organisation", "Date", "Type", "Modality", "Access", "Categories", "Applications")
    for field in fields:
        assert field in aspects
    organisation = table.rows[aspects.index("Organisation")]
    assert organisation.cells == ("OpenAI", "Anthropic", "OpenAI", "Meta")
    assert organisation.differs
    date = table.rows[aspects.index("Date")]
    assert date.cells[0] == "Released 2023"
    assert date.cells[2] == "Announced 2021"  # DALL·E's year is its announcement's
    access = table.rows[aspects.index("Access")]
    assert access.cells[1] == "API, Hosted app (as of March 2024)"
    assert access.cells[0].startswith("Retired (as of October 2026): In ChatGPT from March 2023")


def test_rows_that_agree_are_not_marked_and_can_be_hidden(atlas):
    table = compare_entries(atlas, ["model/gpt-4", "model/chatgpt"])
    by_aspect = {row.aspect: row for row in table.rows}
    assert not by_aspect["Organisation"].differs
    only = table.only_differences()
    assert "Organisation" not in [row.aspect for row in only.rows]
    assert all(row.differs for row in only.rows)


@pytest.mark.parametrize(
    "ids, first_field",
    [
        (["category/text-generation", "category/image-generation"], "Summary"),
        (["industry/healthcare", "industry/education", "industry/software-development"], "Summary"),
        (["trend/multimodal-ai", "trend/ai-regulation-ethics"], "Section"),
        (["term/gan", "term/vae", "term/transformer", "term/rlhf"], "Definition"),
    ],
)
def test_every_comparable_kind_gets_sensible_fields(atlas, ids, first_field):
    table = compare_entries(atlas, ids)
    assert table.rows[0].aspect == first_field
    assert len(table.columns) == len(ids)
    assert all(len(row.cells) == len(ids) for row in table.rows)


@pytest.mark.parametrize(
    "ids, message",
    [
        (["model/gpt-4"], "2 to 4 entries"),
        (MODELS + ["model/mistral"], "2 to 4 entries"),
        (["model/gpt-4", "term/gan"], "different kinds"),
        (["model/gpt-4", "model/gpt-4"], "repeated"),
        (["comparison/overview", "comparison/use-cases"], "cannot be compared"),
    ],
)
def test_entries_that_cannot_be_compared_are_refused(atlas, ids, message):
    with pytest.raises(CompareError, match=message):
        compare_entries(atlas, ids)


def test_an_unknown_id_is_reported_as_such(atlas):
    with pytest.raises(UnknownEntryError):
        compare_entries(atlas, ["model/gpt-4", "model/no-such-model"])


def test_builtin_comparison_keeps_its_labels_aspects_and_cells(atlas):
    comparison = atlas.comparison("comparison/training-process")
    table = comparison_table(comparison)
    assert table.builtin
    assert table.columns == ("Large Language Models (LLMs)", "Generative AI")
    assert [row.aspect for row in table.rows] == [row.aspect for row in comparison.rows]
    assert "[" not in table.rows[3].cells[0]  # links reduced to their text
    assert table.attribution() == "Source: LLMs vs Generative AI"


def test_attribution_never_credits_epoch_data(atlas):
    epoch = "source/epoch-ai-notable-models"
    cited = [m.id for m in atlas.models() if epoch in {s.id for s in m.sources}]
    for ids in (cited[:4], [m.id for m in atlas.models()][:4]):
        if len(ids) < 2:
            continue
        table = compare_entries(atlas, ids)
        assert "Epoch" not in table.attribution()
        assert epoch not in {source.id for source in table.sources}


def test_an_entry_prints_as_a_field_sheet(atlas):
    table = entry_table(atlas, "term/gan")
    assert table.columns == ("Generative Adversarial Network (GAN)",)
    assert table.rows[0].aspect == "Definition"


def test_csv_has_a_header_and_a_line_per_row(atlas):
    table = compare_entries(atlas, MODELS[:2])
    rows = list(csv.reader(io.StringIO(table_to_csv(table))))
    assert rows[0] == ["Field", "GPT-4", "Claude"]
    assert [row[0] for row in rows[1:]] == [row.aspect for row in table.rows]
    uses = next(row for row in rows if row[0] == "Applications")
    assert "Chatbots & Customer Support\nContent Creation" == uses[2]


def test_markdown_is_a_pipe_table_with_escaped_cells():
    table = CompareTable("T", "sub", ("A", "B"), (CompareRow("Pipe", ("x | y", "one\ntwo")),))
    text = table_to_markdown(table)
    assert "| Field |" not in text and "| Aspect | A | B |" in text
    assert "| **Pipe** | x \\| y | one<br>two |" in text


def test_sheet_html_is_black_on_white_with_every_cell(atlas):
    table = comparison_table(atlas.comparison("comparison/overview"))
    html = sheet_html(table, SheetFooter("Source: x", "v1", "2026-01-01"))
    assert "<thead>" in html and "color:#000000" in html and "background:#ffffff" in html
    for row in table.rows:
        assert row.aspect.replace("&", "&amp;") in html


def test_atomic_write_replaces_a_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["out.csv"]


@pytest.mark.parametrize("where", ["missing/out.csv", "file.txt/out.csv", "."])
def test_bad_targets_are_refused_with_one_line(tmp_path, where):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ExportError) as caught:
        check_target(tmp_path / where)
    assert "\n" not in str(caught.value) and "cannot write" in str(caught.value)


def test_data_export_and_sheet_modules_do_not_import_qt():
    code = (
        "import sys, genai_atlas.data.compare, genai_atlas.export, genai_atlas.render.sheet, "
        "genai_atlas.cli.printing; print('PySide6' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
