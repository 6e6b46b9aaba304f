"""The Industries tab: each industry with its applications beneath it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...data import EntryKind
from .tree_tab import TreeTab

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel


class IndustriesTab(TreeTab):
    key = "industries"
    title = "Industries"
    kinds = (EntryKind.INDUSTRY, EntryKind.APPLICATION)

    def create_model(self) -> QAbstractItemModel:
        from ..models.grouped_model import EntryGroup, build_grouped_model

        groups = []
        for ref in self._atlas.list(EntryKind.INDUSTRY):
            industry = self._atlas.industry(ref.id)
            children = tuple(app.ref for app in industry.applications)
            groups.append(EntryGroup(ref.title, children, entry=ref))
        return build_grouped_model(groups, self)

    def after_load(self) -> None:
        self.view().expandAll()  # type: ignore[attr-defined]

    def default_list_width(self) -> int:
        return 320
