"""The Glossary tab: terms with definitions, related entries and where they are used."""

from __future__ import annotations

from ...data import EntryKind
from .list_tabs import ListTab


class GlossaryTab(ListTab):
    key = "glossary"
    title = "Glossary"
    kind = EntryKind.TERM
    kinds = (EntryKind.TERM,)

    def default_list_width(self) -> int:
        return 300
