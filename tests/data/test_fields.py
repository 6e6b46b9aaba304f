"""Each kind's fields are declared once (data/fields.py), and every front end reads them.

The labels a reader sees in the detail pane, the compare table (and so the printed sheet and
the CSV/Markdown exports) and the JSON output all come from the declaration, for every entry.
"""

from __future__ import annotations

import html
import re

import pytest

from genai_atlas.data import EntryKind, Model
from genai_atlas.data.compare import compare_entries, entry_table
from genai_atlas.data.field_values import field_json, field_text
from genai_atlas.data.fields import FIELDS, Pane, fields_of
from genai_atlas.data.records import KIND_ORDER
from genai_atlas.data.serialize import entry_to_dict
from genai_atlas.render import LIGHT, render_entry

_FACT_LABEL = re.compile(r'<th class="label" scope="row">([^<]*)</th>')
_HEADING = re.compile(r"<h2>([^<]*)</h2>")
# Headings and labels the pane adds around the declared fields: the backlinks and the sources.
_PANE_OWN = {"Referenced by", "Sources", *(kind.plural for kind in EntryKind)}


def test_every_kind_declares_its_fields_once() -> None:
    assert tuple(FIELDS) == KIND_ORDER
    for kind, fields in FIELDS.items():
        keys = [field.key for field in fields]
        labels = [field.label for field in fields]
        assert len(set(keys)) == len(keys), kind
        assert len(set(labels)) == len(labels), kind


@pytest.mark.parametrize("kind", list(EntryKind), ids=lambda kind: kind.value)
def test_the_pane_labels_every_filled_field_and_nothing_else(atlas, kind: EntryKind) -> None:  # type: ignore[no-untyped-def]
    declared = {field.label for field in fields_of(kind)}
    if kind is EntryKind.INDUSTRY:  # each of its applications is shown with that one's facts
        declared |= {field.label for field in fields_of(EntryKind.APPLICATION)}
    labelled = (Pane.FACT, Pane.SECTION, Pane.NOTE)
    for ref in atlas.list(kind):
        entry = atlas.get(ref.id)
        page = render_entry(entry, LIGHT)
        shown = {html.unescape(label) for label in _FACT_LABEL.findall(page)}
        shown |= {html.unescape(heading) for heading in _HEADING.findall(page)}
        assert shown - _PANE_OWN <= declared, (ref.id, shown - _PANE_OWN - declared)
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        for field in fields_of(kind):
            if field.pane in labelled and field_text(field, entry).strip():
                assert field.label in text, (ref.id, field.label)


@pytest.mark.parametrize("kind", [k for k in EntryKind if k is not EntryKind.COMPARISON])
def test_compare_rows_are_the_declared_fields_in_order(atlas, kind: EntryKind) -> None:  # type: ignore[no-untyped-def]
    for ref in atlas.list(kind):
        entry = atlas.get(ref.id)
        table = entry_table(atlas, ref.id)  # the printed sheet and the exports read this table
        expected = [
            (field.label, field_text(field, entry))
            for field in fields_of(kind)
            if field.compare and field_text(field, entry).strip()
        ]
        assert [(row.aspect, row.cells[0]) for row in table.rows] == expected, ref.id


def test_json_has_every_declared_key_and_stored_values_agree(atlas) -> None:  # type: ignore[no-untyped-def]
    for ref in atlas.list():
        entry = atlas.get(ref.id)
        record = entry_to_dict(entry)
        for field in fields_of(entry.kind):
            assert field.key in record, (ref.id, field.key)
            assert record[field.key] == field_json(field, entry), (ref.id, field.key)


def _generative(atlas) -> Model:  # type: ignore[no-untyped-def]
    return next(model for model in atlas.models() if model.model_type != "llm")


def test_a_model_type_reads_the_same_in_the_pane_compare_and_json(atlas) -> None:  # type: ignore[no-untyped-def]
    model = _generative(atlas)
    other = next(m for m in atlas.models() if m.id != model.id)
    page = html.unescape(re.sub(r"<[^>]+>", "", render_entry(model, LIGHT)))
    assert "TypeOther generative model" in page
    table = compare_entries(atlas, [model.id, other.id])
    assert next(row for row in table.rows if row.aspect == "Type").cells[0] == (
        "Other generative model"
    )
    assert entry_to_dict(model)["model_type_label"] == "Other generative model"
