"""Tabs that are a flat list of one kind: Comparisons, Categories, Glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ...data import EntryKind
from .base import EntryTab

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QAbstractItemView


class ListTab(EntryTab):
    kind: ClassVar[EntryKind]

    def create_view(self) -> QAbstractItemView:
        from PySide6.QtWidgets import QListView

        view = QListView(self)
        # Long titles wrap onto a second line instead of being cut off.
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        return view

    def create_model(self) -> QAbstractItemModel:
        from ..models.entry_list_model import EntryListModel

        return EntryListModel(self._atlas.list(self.kind), self)
