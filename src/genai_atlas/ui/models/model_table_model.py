"""The Models tab's table: every model (curated and imported), filtered and sorted in Python.

The columns are the model fields declared for tables (data/fields.py), so a header reads as the
same field's label in the detail pane and the compare table. With thousands of imported models a
``QSortFilterProxyModel`` asking ``filterAcceptsRow`` of each row per keystroke is too slow, so
this model keeps the visible rows itself (Vorta's table models do the same): ``set_filter``
narrows them with an index built once per data set, ``sort`` orders them by each field's raw
sort value (computed once per column), and one reset tells the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...data import EntryKind, Model
from ...data.field_values import field_cell, field_sort_value, field_text
from ...data.fields import Field, columns_of
from ...data.model_facts import model_facts
from ...data.model_filter import FoldedFacts, ModelFilter, fold_facts
from .roles import ENTRY_ID_ROLE, KIND_ROLE, SORT_ROLE

# Column 0 is the model's name; the rest are the Model fields declared as table columns.
FIELDS: tuple[Field[Model], ...] = columns_of(EntryKind.MODEL)
_KEYS = tuple(field.key for field in FIELDS)
COL_MODEL = 0
COLUMN_KEYS = ("title", *_KEYS)
COLUMN_TITLES = (EntryKind.MODEL.label, *(field.label for field in FIELDS))


def column_of(key: str) -> int:
    """The column showing the field ``key`` ("title" is the name)."""
    return COLUMN_KEYS.index(key)


COL_ORGANISATION = column_of("organisation")
COL_YEAR = column_of("date_label")
COL_PUBLICATION = column_of("publication_date")
COL_MODALITY = column_of("modality_summary")
COL_TYPE = column_of("model_type_label")
COL_ACCESS = column_of("access_summary")
COL_PARAMETERS = column_of("parameters")
COL_COMPUTE = column_of("training_compute_flop")
_RIGHT_ALIGNED = frozenset({COL_YEAR, COL_PUBLICATION, COL_PARAMETERS, COL_COMPUTE})

__all__ = [
    "COLUMN_KEYS",
    "COLUMN_TITLES",
    "COL_ACCESS",
    "COL_COMPUTE",
    "COL_MODALITY",
    "COL_MODEL",
    "COL_ORGANISATION",
    "COL_PARAMETERS",
    "COL_PUBLICATION",
    "COL_TYPE",
    "COL_YEAR",
    "SORT_ROLE",  # a view or test may read the raw sort value
    "ModelTableModel",
    "column_of",
]

_Index = QModelIndex | QPersistentModelIndex


class ModelTableModel(QAbstractTableModel):
    """Every model as a row; the rows on show are those the filter accepts, in sort order."""

    rows_changed = Signal()  # after a filter, a sort or new data: the count may have changed

    def __init__(self, models: Sequence[Model] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._models: list[Model] = []
        self._facts: list[FoldedFacts] = []
        self._rows: list[int] = []  # indices into _models, in view order
        self._filter = ModelFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sort_keys: dict[int, list[object]] = {}
        self._row_of_id: dict[str, int] = {}
        self.set_models(models)

    # --- data and filter --------------------------------------------------------------------

    def set_models(self, models: Sequence[Model]) -> None:
        """Show ``models`` (after an import or a removal), keeping the filter and the sort."""
        self.beginResetModel()
        self._models = list(models)
        self._facts = [fold_facts(model_facts(model)) for model in self._models]
        self._sort_keys = {}
        self._rows = self._filtered(range(len(self._models)))
        self._order()
        self.endResetModel()
        self.rows_changed.emit()

    def models(self) -> list[Model]:
        return list(self._models)

    def model_filter(self) -> ModelFilter:
        return self._filter

    def set_filter(self, wanted: ModelFilter) -> None:
        if wanted == self._filter:
            return
        previous, self._filter = self._filter, wanted
        self._row_of_id = {}
        # Typing more of the same word only narrows: look again only at the rows on show.
        narrows = wanted.narrows(previous)
        self.beginResetModel()
        if narrows:
            self._rows = self._filtered(self._rows)
        else:
            self._rows = self._filtered(range(len(self._models)))
            self._order()
        self.endResetModel()
        self.rows_changed.emit()

    def _filtered(self, indices: Sequence[int] | range) -> list[int]:
        if self._filter.is_empty:
            return list(indices)
        accepts, facts = self._filter.accepts, self._facts
        return [i for i in indices if accepts(facts[i])]

    def visible_count(self) -> int:
        return len(self._rows)

    def total_count(self) -> int:
        return len(self._models)

    def row_of(self, entry_id: str) -> int:
        """The view row showing ``entry_id``, or -1 (not a model, or filtered out)."""
        if not self._row_of_id:
            self._row_of_id = {self._models[i].id: row for row, i in enumerate(self._rows)}
        return self._row_of_id.get(entry_id, -1)

    # --- sorting ------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_KEYS):
            self._sort = None  # back to the atlas's reading order
            self._row_of_id = {}
            self.beginResetModel()
            self._rows.sort()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._order()
        self.layoutChanged.emit()

    def _order(self) -> None:
        self._row_of_id = {}
        if self._sort is None:
            return
        column, order = self._sort
        keys: list[Any] = self._keys(column)
        # Python's sort is stable: rows with equal values keep the reading order.
        self._rows.sort(key=lambda i: keys[i], reverse=order == Qt.SortOrder.DescendingOrder)

    def _keys(self, column: int) -> list[object]:
        keys = self._sort_keys.get(column)
        if keys is None:
            if column == COL_MODEL:
                keys = [model.title.casefold() for model in self._models]
            else:
                field = FIELDS[column - 1]
                keys = [field_sort_value(field, model) for model in self._models]
            self._sort_keys[column] = keys
        return keys

    # --- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        model = self._models[self._rows[index.row()]]
        column = index.column()
        if role == ENTRY_ID_ROLE:
            return model.id
        if role == KIND_ROLE:
            return model.kind.value
        if role == SORT_ROLE:
            return self._keys(column)[self._rows[index.row()]]
        if column == COL_MODEL:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return model.title
            return None
        if not 0 < column < len(COLUMN_KEYS):
            return None
        field = FIELDS[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return field_cell(field, model)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # what a screen reader says on an empty cell: that there is no value, not nothing
            return field_cell(field, model) or "no value"
        if role == Qt.ItemDataRole.ToolTipRole:
            # the field in full where the cell is short: access history with its as-of date
            return field_text(field, model) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
