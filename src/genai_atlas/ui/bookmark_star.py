"""The bookmark star in each detail pane's header: shows and toggles the entry's bookmark.

A ``PaneSection``: the pane tells it each entry it shows. It reads the bookmark state through the
feature (``is_bookmarked``) and asks the feature to toggle, so every star, the Bookmarks menu and
Ctrl+D agree; it never touches the library itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QToolButton, QWidget

FILLED = "\u2605"  # ★
HOLLOW = "\u2606"  # ☆


class BookmarkStar(QToolButton):
    """☆ Bookmark / ★ Bookmarked: a check button for the entry its pane shows."""

    toggle_requested = Signal(str)  # the entry id whose bookmark should be toggled

    def __init__(
        self, is_bookmarked: Callable[[str], bool], shortcut_text: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkStar")
        self._is_bookmarked = is_bookmarked
        self._shortcut_text = shortcut_text
        self._entry_id = ""
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName("Bookmark")
        self.clicked.connect(self._on_clicked)
        self._show_state(False)
        self.setEnabled(False)

    def entry_id(self) -> str:
        return self._entry_id

    def show_entry(self, entry_id: str) -> None:
        self._entry_id = entry_id
        self.setEnabled(bool(entry_id))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the state again (the library changed: this window, another, or the CLI)."""
        self._show_state(bool(self._entry_id) and self._is_bookmarked(self._entry_id))

    def _show_state(self, bookmarked: bool) -> None:
        self.setChecked(bookmarked)
        if bookmarked:
            self.setText(f"{FILLED} Bookmarked")
            self.setToolTip(f"Remove the bookmark on this entry ({self._shortcut_text})")
            self.setAccessibleDescription("This entry is bookmarked; press to remove it")
        else:
            self.setText(f"{HOLLOW} Bookmark")
            self.setToolTip(f"Bookmark this entry ({self._shortcut_text})")
            self.setAccessibleDescription("This entry is not bookmarked; press to bookmark it")

    @Slot()
    def _on_clicked(self) -> None:
        # The click already flipped the check state; the feature decides the real one.
        if self._entry_id:
            self.toggle_requested.emit(self._entry_id)
        self.refresh()
