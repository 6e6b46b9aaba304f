"""Tabs whose list is a tree of groups: Industries (with their applications) and Trends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import EntryTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView


class TreeTab(EntryTab):
    def create_view(self) -> QAbstractItemView:
        from PySide6.QtWidgets import QTreeView  # on first show: keeps startup light

        view = QTreeView(self)
        view.setHeaderHidden(True)
        view.setUniformRowHeights(True)
        return view
