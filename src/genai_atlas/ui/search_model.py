"""The search results as a Qt list model: one row per hit, roles for the delegate and the tests."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..data.search import SearchHit, SearchResults, marked_text
from .roles import ENTRY_ID_ROLE, HIT_ROLE, KIND_ROLE, SNIPPET_ROLE

__all__ = ["ENTRY_ID_ROLE", "HIT_ROLE", "KIND_ROLE", "SNIPPET_ROLE", "SearchResultsModel"]

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = SearchResults(text="")

    @property
    def results(self) -> SearchResults:
        return self._results

    def set_results(self, results: SearchResults) -> None:
        self.beginResetModel()
        self._results = results
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._results.hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._results.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._results.hits):
            return None
        hit = self._results.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.kind.label}: {hit.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return marked_text(hit.snippet, "", "")
        if role == HIT_ROLE:
            return hit
        if role == ENTRY_ID_ROLE:
            return hit.id
        if role == KIND_ROLE:
            return hit.kind.value
        if role == SNIPPET_ROLE:
            return marked_text(hit.snippet, "", "")
        return None
