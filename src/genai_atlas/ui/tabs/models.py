"""The Models tab: a sortable table of the models the atlas names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...data import EntryKind
from .base import EntryTab

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QAbstractItemView


class ModelsTab(EntryTab):
    key = "models"
    title = "Models"
    kinds = (EntryKind.MODEL,)

    def create_view(self) -> QAbstractItemView:
        from .entry_table import EntryTable  # on first show: keeps startup light

        view = EntryTable(self)
        view.setSelectionBehavior(EntryTable.SelectionBehavior.SelectRows)
        view.setSortingEnabled(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        return view

    def create_model(self) -> QAbstractItemModel:
        from PySide6.QtCore import QSortFilterProxyModel

        from ..models.model_table_model import SORT_ROLE, ModelTableModel

        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(ModelTableModel(self._atlas.models(), proxy))
        proxy.setSortRole(SORT_ROLE)
        return proxy

    def after_load(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHeaderView

        from ..models.model_table_model import COL_ACCESS, COL_MODALITY, COL_MODEL, COL_ORGANISATION

        view = self.view()
        header = view.horizontalHeader()  # type: ignore[attr-defined]
        # Keep the atlas's reading order until the user clicks a header.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.resizeColumnsToContents()  # type: ignore[attr-defined]
        # Long organisation names and modality lists are elided (the tooltip has them in full),
        # so that every column fits beside the detail pane.
        for column, limit in ((COL_ORGANISATION, 160), (COL_MODALITY, 150), (COL_ACCESS, 150)):
            view.setColumnWidth(column, min(view.columnWidth(column), limit))  # type: ignore[attr-defined]
        view.setColumnWidth(COL_MODEL, max(view.columnWidth(COL_MODEL), 120))  # type: ignore[attr-defined]
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)  # type: ignore[attr-defined]

    def list_name(self) -> str:
        return "Models table"

    def default_list_width(self) -> int:
        return 720
