"""The Models table's columns are the Model fields declared for tables (data/fields.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from genai_atlas.data import EntryKind
from genai_atlas.data.compare import entry_table
from genai_atlas.data.fields import columns_of
from genai_atlas.ui.models.model_table_model import COL_TYPE, FIELDS, ModelTableModel, column_of


def test_headers_are_the_declared_labels(qtmodeltester, atlas) -> None:  # type: ignore[no-untyped-def]
    model = ModelTableModel(atlas.models())
    qtmodeltester.check(model)
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert headers == ["Model", *(field.label for field in columns_of(EntryKind.MODEL))]


def test_a_cell_in_full_is_the_compare_tables_value(atlas) -> None:  # type: ignore[no-untyped-def]
    models = atlas.models()
    table = ModelTableModel(models)
    for row, record in enumerate(models):
        sheet = {r.aspect: r.cells[0] for r in entry_table(atlas, record.id).rows}
        for column in range(1, table.columnCount()):
            if not FIELDS[column - 1].compare:
                continue  # a table-only column (where the row's facts come from)
            label = table.headerData(column, Qt.Orientation.Horizontal)
            full = table.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            # a field no value fills has no row in the sheet, and no tooltip in the table
            assert full == sheet.get(label), (record.id, label)


def test_the_type_column_says_other_generative_model(atlas) -> None:  # type: ignore[no-untyped-def]
    models = atlas.models()
    table = ModelTableModel(models)
    types = {table.index(row, COL_TYPE).data() for row in range(table.rowCount())}
    assert types == {"LLM", "Other generative model"}


def test_the_source_column_says_whose_facts_a_row_shows(atlas) -> None:  # type: ignore[no-untyped-def]
    table = ModelTableModel(atlas.models())
    source = column_of("source_label")
    assert {table.index(row, source).data() for row in range(table.rowCount())} == {"GenAI Atlas"}
