"""The Models tab's table: one row per model, sortable by raw values through SORT_ROLE."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...data import EntryKind, Model
from ...data.fields import columns_of, field_cell, field_sort_value, field_text
from .roles import ENTRY_ID_ROLE, KIND_ROLE, SORT_ROLE

# The columns after the model's name are the Model fields declared for tables (data/fields.py),
# so a header reads as the same field's label in the detail pane and the compare table.
_FIELDS = columns_of(EntryKind.MODEL)
_KEYS = tuple(field.key for field in _FIELDS)
COL_MODEL = 0
COL_ORGANISATION = 1 + _KEYS.index("organisation")
COL_YEAR = 1 + _KEYS.index("date_label")
COL_MODALITY = 1 + _KEYS.index("modality_summary")
COL_TYPE = 1 + _KEYS.index("model_type_label")
COL_ACCESS = 1 + _KEYS.index("access_summary")
COLUMN_TITLES = (EntryKind.MODEL.label, *(field.label for field in _FIELDS))


__all__ = [
    "COLUMN_TITLES",
    "COL_ACCESS",
    "COL_MODALITY",
    "COL_MODEL",
    "COL_ORGANISATION",
    "COL_TYPE",
    "COL_YEAR",
    "SORT_ROLE",  # the tab sets it on its sort proxy
    "ModelTableModel",
]

_Index = QModelIndex | QPersistentModelIndex


class ModelTableModel(QAbstractTableModel):
    def __init__(self, models: Sequence[Model] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._models = list(models)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._models)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMN_TITLES)
        ):
            return COLUMN_TITLES[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._models):
            return None
        model = self._models[index.row()]
        column = index.column()
        if role == ENTRY_ID_ROLE:
            return model.id
        if role == KIND_ROLE:
            return model.kind.value
        if column == COL_MODEL:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return model.title
            return model.title.casefold() if role == SORT_ROLE else None
        if not 0 < column <= len(_FIELDS):
            return None
        field = _FIELDS[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return field_cell(field, model)
        if role == Qt.ItemDataRole.ToolTipRole:
            # the field in full where the cell is short: access history with its as-of date
            return field_text(field, model)
        if role == SORT_ROLE:
            return field_sort_value(field, model)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_YEAR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
