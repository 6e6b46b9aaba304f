"""The search results as a Qt list model: one row per hit, roles for the delegate and the tests.

A hit can carry the reader's note that matched (``note_at``): the row then says so in its
tooltip and the delegate draws a third line, "Your note: …".
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..data.search import SearchHit, SearchResults
from ..data.search_text import Span, marked_text
from .roles import ENTRY_ID_ROLE, HIT_ROLE, KIND_ROLE, SNIPPET_ROLE

__all__ = ["ENTRY_ID_ROLE", "HIT_ROLE", "KIND_ROLE", "SNIPPET_ROLE", "SearchResultsModel"]

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = SearchResults(text="")
        self._notes: dict[str, tuple[Span, ...]] = {}

    @property
    def results(self) -> SearchResults:
        return self._results

    def set_results(
        self, results: SearchResults, notes: Mapping[str, tuple[Span, ...]] | None = None
    ) -> None:
        """Show ``results``; ``notes`` holds the matching note snippet of some hits, by id."""
        self.beginResetModel()
        self._results = results
        self._notes = dict(notes or {})
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._results.hits[row]

    def note_at(self, row: int) -> tuple[Span, ...]:
        """The snippet of the reader's note that matched this hit; () if its note did not."""
        return self._notes.get(self._results.hits[row].id, ())

    @property
    def has_notes(self) -> bool:
        """Whether any hit matched by its note (then every row has room for a note line)."""
        return bool(self._notes)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._results.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._results.hits):
            return None
        hit = self._results.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.kind.label}: {hit.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = marked_text(hit.snippet, "", "")
            note = self._notes.get(hit.id)
            if note:
                tip = "\n".join(
                    part for part in (tip, f"Your note: {marked_text(note, '', '')}") if part
                )
            return tip
        if role == HIT_ROLE:
            return hit
        if role == ENTRY_ID_ROLE:
            return hit.id
        if role == KIND_ROLE:
            return hit.kind.value
        if role == SNIPPET_ROLE:
            return marked_text(hit.snippet, "", "")
        return None
