"""The Models tab: a catalogue of every model, curated and imported, with a filter bar.

The table is ``ModelTableModel`` (filtering and sorting of its own, fast at ten thousand rows);
the bar above it edits the shared ``ModelFilter`` and says how many models it leaves. The columns
the reader hides or shows are remembered (``Settings.table_columns``); until they choose, the
dataset's columns show once a dataset is imported and the atlas's own otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot

from ...data import EntryKind
from .base import EntryTab

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

    from ...data.model_filter import ModelFilter
    from ..model_filter_bar import ModelFilterBar
    from ..models.model_table_model import ModelTableModel

TABLE_KEY = "models"
# Shown until the reader chooses: the atlas's columns with no dataset, the dataset's with one.
_ATLAS_COLUMNS: tuple[str, ...] = (
    "organisation",
    "date_label",
    "modality_summary",
    "model_type_label",
    "access_summary",
)
_DATASET_COLUMNS: tuple[str, ...] = (
    "organisation",
    "countries",
    "publication_date",
    "domains",
    "parameters",
    "training_compute_flop",
    "accessibility",
    "source_label",
)
# Widest a column opens at, in pixels, where its text can be long (the tooltip has it whole).
_WIDTH_LIMITS = {
    "organisation": 160,
    "countries": 120,
    "domains": 140,
    "modality_summary": 150,
    "access_summary": 150,
    "accessibility": 170,
}


class ModelsTab(EntryTab):
    key = "models"
    title = "Models"
    kinds = (EntryKind.MODEL,)

    charts_requested = Signal(object)  # the ModelFilter on show
    model_filter_changed = Signal(object)  # the reader changed the filter (a ModelFilter)

    _table: ModelTableModel | None = None
    _bar: ModelFilterBar | None = None

    def create_view(self) -> QAbstractItemView:
        from .entry_table import EntryTable  # on first show: keeps startup light

        view = EntryTable(self)
        view.setSelectionBehavior(EntryTable.SelectionBehavior.SelectRows)
        view.setSortingEnabled(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)  # Tab leaves the table, as it does every list
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionsMovable(False)
        view.setAlternatingRowColors(True)
        view.setAccessibleName("Models")
        return view

    def wrap_view(self, view: QAbstractItemView) -> QWidget:
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        from ..model_filter_bar import ModelFilterBar

        box = QWidget(self)
        box.setObjectName("modelsCatalogue")
        self._bar = bar = ModelFilterBar(box)
        bar.filter_changed.connect(self._on_filter_changed)
        bar.column_toggled.connect(self._on_column_toggled)
        bar.charts_requested.connect(self._on_charts_requested)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(view, 1)
        return box

    def create_model(self) -> QAbstractItemModel:
        from ..models.model_table_model import ModelTableModel

        self._table = ModelTableModel(self._atlas.models(), self)
        self._table.rows_changed.connect(self._on_rows_changed)
        return self._table

    def after_load(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHeaderView

        view = self._table_view()
        header = view.horizontalHeader()
        # Keep the atlas's reading order until the user clicks a header.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._apply_columns()
        self._update_choices()
        self._on_rows_changed()

    def list_name(self) -> str:
        return "Models table"

    def default_list_width(self) -> int:
        return 720

    # --- public -------------------------------------------------------------------------------

    def table_model(self) -> ModelTableModel:
        self.ensure_loaded()
        assert self._table is not None
        return self._table

    def filter_bar(self) -> ModelFilterBar:
        self.ensure_loaded()
        assert self._bar is not None
        return self._bar

    def set_model_filter(self, wanted: ModelFilter) -> None:
        self.filter_bar().set_filter(wanted)
        self.table_model().set_filter(wanted)
        self.model_filter_changed.emit(wanted)

    def reload_entries(self) -> None:
        """Show the atlas's models again: a dataset was imported or removed."""
        if self._table is None:
            return  # not built yet: it reads them when first shown
        shown = self.current_entry_id()
        self._table.set_models(self._atlas.models())
        self._apply_columns()
        self._update_choices()
        if shown and self._atlas.has(shown):
            self.select_entry(shown)

    def select_entry(self, entry_id: str) -> bool:
        table = self.table_model()
        if table.row_of(entry_id) < 0 and self._atlas.has(entry_id):
            # The filter hides it: show every model rather than fail to open it.
            from ...data.model_filter import ModelFilter

            self.set_model_filter(ModelFilter())
        row = table.row_of(entry_id)
        if row < 0:
            return False
        self._set_current(table.index(row, 0))
        return True

    def column_shown(self, column: int) -> bool:
        return not self._table_view().isColumnHidden(column)

    # --- internals ----------------------------------------------------------------------------

    def _table_view(self) -> QTableView:
        from PySide6.QtWidgets import QTableView

        view = self.view()
        assert isinstance(view, QTableView)
        return view

    def _default_columns(self) -> tuple[str, ...]:
        return _DATASET_COLUMNS if self._atlas.dataset is not None else _ATLAS_COLUMNS

    def _apply_columns(self) -> None:
        from ..models.model_table_model import COLUMN_KEYS, COLUMN_TITLES

        view = self._table_view()
        choices = self._settings.table_columns(TABLE_KEY) if self._settings else {}
        defaults = self._default_columns()
        shown = [
            column == 0 or choices.get(key, key in defaults)
            for column, key in enumerate(COLUMN_KEYS)
        ]
        for column, visible in enumerate(shown):
            view.setColumnHidden(column, not visible)
        view.resizeColumnsToContents()
        for column, key in enumerate(COLUMN_KEYS):
            limit = _WIDTH_LIMITS.get(key)
            if limit is not None:
                view.setColumnWidth(column, min(view.columnWidth(column), limit))
        view.setColumnWidth(0, max(min(view.columnWidth(0), 220), 120))
        assert self._bar is not None
        self._bar.set_columns(COLUMN_TITLES, shown)

    def _update_choices(self) -> None:
        from ...data.model_facts import model_facts
        from ...data.model_filter import publication_year

        assert self._table is not None and self._bar is not None
        facts = [model_facts(model) for model in self._table.models()]
        years = sorted({year for f in facts if (year := publication_year(f.publication_date))})
        self._bar.set_choices(
            (d for f in facts for d in f.domains),
            (o for f in facts for o in f.organisations),
            (f.accessibility for f in facts),
            years,
        )

    @Slot(object)
    def _on_filter_changed(self, wanted: ModelFilter) -> None:
        self.table_model().set_filter(wanted)
        self.model_filter_changed.emit(wanted)

    @Slot()
    def _on_rows_changed(self) -> None:
        if self._bar is not None and self._table is not None:
            self._bar.set_count(self._table.visible_count(), self._table.total_count())

    @Slot(int, bool)
    def _on_column_toggled(self, column: int, shown: bool) -> None:
        from ..models.model_table_model import COLUMN_KEYS

        self._table_view().setColumnHidden(column, not shown)
        if shown:
            self._table_view().resizeColumnToContents(column)
        if self._settings is not None:
            choices = self._settings.table_columns(TABLE_KEY)
            choices[COLUMN_KEYS[column]] = shown
            self._settings.set_table_columns(TABLE_KEY, choices)

    @Slot()
    def _on_charts_requested(self) -> None:
        self.charts_requested.emit(self.table_model().model_filter())
