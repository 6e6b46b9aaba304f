"""The Models table's columns are the Model fields declared for tables (data/fields.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from genai_atlas.data import EntryKind
from genai_atlas.data.compare import entry_table
from genai_atlas.data.fields import columns_of
from genai_atlas.ui.models.model_table_model import COL_TYPE, ModelTableModel


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
            label = table.headerData(column, Qt.Orientation.Horizontal)
            full = table.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            assert full == sheet[label], (record.id, label)


def test_the_type_column_says_other_generative_model(atlas) -> None:  # type: ignore[no-untyped-def]
    models = atlas.models()
    table = ModelTableModel(models)
    types = {table.index(row, COL_TYPE).data() for row in range(table.rowCount())}
    assert types == {"LLM", "Other generative model"}
