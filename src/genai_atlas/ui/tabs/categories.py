"""The Categories tab: the kinds of content Generative AI makes, with examples and techniques."""

from __future__ import annotations

from ...data import EntryKind
from .list_tabs import ListTab


class CategoriesTab(ListTab):
    key = "categories"
    title = "Categories"
    kind = EntryKind.CATEGORY
    kinds = (EntryKind.CATEGORY,)

    def default_list_width(self) -> int:
        return 240
