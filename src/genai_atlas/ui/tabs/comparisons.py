"""The Comparisons tab: LLMs and Generative AI side by side, one table per comparison."""

from __future__ import annotations

from ...data import EntryKind
from .list_tabs import ListTab


class ComparisonsTab(ListTab):
    key = "comparisons"
    title = "Comparisons"
    kind = EntryKind.COMPARISON
    kinds = (EntryKind.COMPARISON,)

    def default_list_width(self) -> int:
        return 300
