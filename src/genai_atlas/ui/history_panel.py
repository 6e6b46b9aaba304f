"""The History panel's widget: the tree of days and visits, a line when there are none, and the
Clear History… button. ``ui/history_feature.py`` builds it when the panel is first shown and
keeps it in step with the library.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from .history_model import HistoryDay, HistoryModel

EMPTY_TEXT = "No visits yet. The entries you open are listed here, by day."


class HistoryPanel(QWidget):
    """The tree of days and visits, a line shown when there are none, and the Clear button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.model = HistoryModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("historyView")
        self.view.setAccessibleName("History")
        self.view.setAccessibleDescription(
            "The entries you opened, newest first, by day. Enter or a double-click opens one."
        )
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)  # one column, its rows say what they are
        self.view.setUniformRowHeights(True)  # tens of thousands of rows: no height per row
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setObjectName("historyEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.clear_button = QPushButton("Clear History\u2026", self)
        self.clear_button.setObjectName("clearHistory")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)

    def show_days(self, days: Sequence[HistoryDay]) -> None:
        """Show ``days`` (from ``group_visits``): the newest day open, and the days the reader
        had open still open."""
        model = self.model
        expanded = {
            model.days()[row].day
            for row in range(model.rowCount())
            if self.view.isExpanded(model.index(row, 0))
        }
        model.set_days(days)
        for row, day in enumerate(model.days()):
            if row == 0 or day.day in expanded:
                self.view.expand(model.index(row, 0))
        empty = model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.clear_button.setEnabled(not empty)

    def rows(self) -> list[str]:
        """What the panel shows, one line per row, visits indented (for tests and a glance)."""
        model = self.model
        lines = []
        for row in range(model.rowCount()):
            day = model.index(row, 0)
            lines.append(str(day.data()))
            lines.extend(
                f"  {model.index(child, 0, day).data()}" for child in range(model.rowCount(day))
            )
        return lines
