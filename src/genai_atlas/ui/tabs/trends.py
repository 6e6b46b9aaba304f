"""The Trends tab: trends grouped by the article's sections, then the key takeaways."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...data import EntryKind, EntryRef
from ...data.records import SECTION_LABELS
from .tree_tab import TreeTab

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel

TAKEAWAYS_LABEL = "Key Takeaways"


class TrendsTab(TreeTab):
    key = "trends"
    title = "Trends"
    kinds = (EntryKind.TREND, EntryKind.TAKEAWAY)

    def create_model(self) -> QAbstractItemModel:
        from ..models.grouped_model import EntryGroup, build_grouped_model

        by_section: dict[str, list[EntryRef]] = {}
        for ref in self._atlas.list(EntryKind.TREND):
            by_section.setdefault(self._atlas.trend(ref.id).section, []).append(ref)
        sections = list(SECTION_LABELS) + [s for s in by_section if s not in SECTION_LABELS]
        groups = [
            EntryGroup(SECTION_LABELS.get(section, section), tuple(by_section[section]))
            for section in sections
            if section in by_section
        ]
        groups.append(EntryGroup(TAKEAWAYS_LABEL, tuple(self._atlas.list(EntryKind.TAKEAWAY))))
        return build_grouped_model(groups, self)

    def after_load(self) -> None:
        self.view().expandAll()  # type: ignore[attr-defined]

    def default_list_width(self) -> int:
        return 380
