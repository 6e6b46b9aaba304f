"""A flat list of entries (``atlas.list(kind)``) for a QListView."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...data import EntryRef
from .roles import ENTRY_ID_ROLE, KIND_ROLE

_Index = QModelIndex | QPersistentModelIndex


class EntryListModel(QAbstractListModel):
    def __init__(self, entries: Sequence[EntryRef] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.title
        if role == ENTRY_ID_ROLE:
            return entry.id
        if role == KIND_ROLE:
            return entry.kind.value
        return None
