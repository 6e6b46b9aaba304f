"""Help ▸ Keyboard Shortcuts: a table built from the window's real QActions, so it never drifts."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .focus_cycle import NEXT_REGION, PREVIOUS_REGION
from .search_box import SHORTCUTS as SEARCH_SHORTCUTS

_NATIVE = QKeySequence.SequenceFormat.NativeText


def _keys(*sequences: str) -> str:
    return ", ".join(QKeySequence(s).toString(_NATIVE) for s in sequences)


# Window keys that are not menu actions, then keys handled by Qt's own widgets and the find bar.
OTHER_KEYS = (
    ("Search the atlas", _keys(*SEARCH_SHORTCUTS)),
    (
        "Move between the search, the list and the details",
        f"{_keys(NEXT_REGION)} / {_keys(PREVIOUS_REGION)}",
    ),
    ("Move through a list", "Up / Down, Page Up / Page Down, Home / End"),
    ("Jump to an entry in a list", "type the start of its title"),
    ("Add to the selection in a list", "Shift+Up / Shift+Down, Ctrl+click"),
    ("Leave a list, table or tree; move between the links of the details", "Tab / Shift+Tab"),
    ("Follow the link with the focus", "Enter"),
    ("In the find bar: next, previous match; close it", "Enter, Shift+Enter; Esc"),
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(action name, its shortcuts) for every action that has a shortcut, in the given order."""
    rows = []
    for action in actions:
        keys = [k.toString(_NATIVE) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            rows.append((action.text().replace("&", "").rstrip(".…"), ", ".join(keys)))
    return rows + list(OTHER_KEYS)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard Shortcuts")
        rows = shortcut_rows(actions)
        self._table = QTableWidget(len(rows), 2, self)
        self._table.setObjectName("shortcutsTable")
        self._table.setAccessibleName("Keyboard shortcuts")
        self._table.setAccessibleDescription("Each action of the app and the keys that do it")
        self._table.setTabKeyNavigation(False)  # Tab goes on to the Close button
        self._table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self._table.verticalHeader().hide()
        self._table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            self._table.setItem(row, 0, QTableWidgetItem(name))
            self._table.setItem(row, 1, QTableWidgetItem(keys))
        self._table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self._table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._table)
        layout.addWidget(buttons)
        self.resize(620, 500)

    def rows(self) -> list[tuple[str, str]]:
        return [(self._text(r, 0), self._text(r, 1)) for r in range(self._table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self._table.item(row, column)
        return item.text() if item is not None else ""
