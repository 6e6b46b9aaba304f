"""Back/forward navigation history over entry ids (plain Python, no Qt).

The history is a list with a cursor. Visiting an entry drops everything after the cursor, like a web
browser. The tab follows from the id's kind, so moving back can cross tabs.
"""

from __future__ import annotations


class History:
    def __init__(self, limit: int = 200) -> None:
        self._items: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str:
        return self._items[self._index] if self._index >= 0 else ""

    def visit(self, entry_id: str) -> None:
        """Record that ``entry_id`` is now shown (a repeat of the current one is ignored)."""
        if not entry_id or entry_id == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(entry_id)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> str:
        """Move one step back and return the entry there; "" when there is nowhere to go."""
        if not self.can_go_back():
            return ""
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> str:
        if not self.can_go_forward():
            return ""
        self._index += 1
        return self._items[self._index]

    def __len__(self) -> int:
        return len(self._items)
