"""The Models tab's table: one row per model, sortable by raw values through SORT_ROLE."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...data import Model
from .roles import ENTRY_ID_ROLE, KIND_ROLE, SORT_ROLE

COL_MODEL = 0
COL_ORGANISATION = 1
COL_YEAR = 2
COL_MODALITY = 3
COL_TYPE = 4
COL_ACCESS = 5
# The years mix first releases, announcements and papers, so the column says so and each
# cell names its kind ("2022 (paper)"); sorting still goes by the year alone.
COLUMN_TITLES = ("Model", "Organisation", "Year (event)", "Modality", "Type", "Access")


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
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_ACCESS:
            return model.access_summary  # the history and its as-of date, in full
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(model, column)
        if role == SORT_ROLE:
            if column == COL_YEAR:
                return model.year
            return self._display(model, column).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_YEAR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(model: Model, column: int) -> str:
        if column == COL_MODEL:
            return model.title
        if column == COL_ORGANISATION:
            return model.organisation
        if column == COL_YEAR:
            return model.date_cell
        if column == COL_MODALITY:
            return model.modality_label
        if column == COL_TYPE:
            return "LLM" if model.model_type == "llm" else "Other generative"
        if column == COL_ACCESS:
            return model.access_short
        return ""
