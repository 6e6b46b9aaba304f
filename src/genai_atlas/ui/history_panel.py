"""The History panel: the reader's visits by day, to reopen, and Clear History….

One line in the window: ``install_history(self.host)``. Everything goes through the host
(``ui/features.py``): the panel is a dock, its toggle sits in the Go menu (Ctrl+H). The panel is
read only while it is shown; when hidden it is only marked stale and read when next shown, so a
closed panel costs nothing per navigation. The modal dialog sits behind ``HistoryDialogs`` so tests
replace it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..data import KnownError
from .features import MenuKey
from .history_model import HistoryDay, HistoryModel, group_visits, visit_count_text

if TYPE_CHECKING:
    from .features import FeatureHost

PANEL_SHORTCUT = "Ctrl+H"
CLEAR_TITLE = "Clear History"
EMPTY_TEXT = "No visits yet. The entries you open are listed here, by day."
# What Clear History… offers, in its order: the label and what goes (None: every visit).
CLEAR_CHOICES: tuple[tuple[str, timedelta | None], ...] = (
    ("Everything", None),
    ("Older than 1 day", timedelta(days=1)),
    ("Older than 7 days", timedelta(days=7)),
    ("Older than 30 days", timedelta(days=30)),
    ("Older than 90 days", timedelta(days=90)),
)


class HistoryDialogs:
    """The real modal dialog. Tests pass an object with the same method."""

    def clear_choice(self, parent: QWidget | None, choices: Sequence[str]) -> str | None:
        """The choice made (one of ``choices``), or None if cancelled."""
        from PySide6.QtWidgets import QDialog, QInputDialog

        dialog = QInputDialog(parent)
        dialog.setWindowTitle(CLEAR_TITLE)
        dialog.setLabelText("Remove from your history:")
        dialog.setComboBoxItems(list(choices))
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText("Clear")
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.textValue()
        finally:
            dialog.deleteLater()


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


class HistoryFeature(QObject):
    """Keeps the History panel in step with the library, and opens and clears visits."""

    def __init__(self, host: FeatureHost, dialogs: HistoryDialogs | None = None) -> None:
        super().__init__(host.window())
        self._host = host
        self._library = host.library
        self.dialogs = dialogs or HistoryDialogs()
        window = host.window()

        self.panel = HistoryPanel()
        self.dock = QDockWidget("History", window)
        self.dock.setObjectName("historyDock")  # so saveState/restoreState find it
        self.dock.setWidget(self.panel)
        self.dock.hide()
        host.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.panel_action = self.dock.toggleViewAction()
        self.panel_action.setText("&History")
        self.panel_action.setObjectName("showHistoryPanel")
        self.panel_action.setShortcut(QKeySequence(PANEL_SHORTCUT))
        self.panel_action.setStatusTip("Show or hide the entries you opened, by day")
        self.panel_action.triggered.connect(self._on_panel_toggled)
        host.add_menu_actions(MenuKey.GO, [self.panel_action])

        # The window records a visit just after it emits entry_changed, and one navigation can
        # emit it and library_changed together: one zero-delay timer reads once, after both.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_if_shown)
        self._stale = True
        self.dock.visibilityChanged.connect(self._on_visibility_changed)
        host.entry_changed.connect(self._on_entry_changed)
        host.library_changed.connect(self.schedule_reload)

        self.panel.view.activated.connect(self._on_activated)
        self.panel.clear_button.clicked.connect(self.clear_history)

    # --- refreshing ----------------------------------------------------------------------------

    @Slot(str)
    def _on_entry_changed(self, _entry_id: str) -> None:
        self.schedule_reload()

    @Slot()
    def schedule_reload(self) -> None:
        """Read the history again soon if the panel is shown, else when it is next shown."""
        self._stale = True
        if self.dock.isVisible():
            self._reload_timer.start()

    @Slot(bool)
    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._stale:
            self._reload_timer.start()

    @Slot()
    def _reload_if_shown(self) -> None:
        if self.dock.isVisible():
            self.reload()

    def reload(self) -> bool:
        """Show the library's history now; False (and a status message) if it cannot be read."""
        if self._library.store.closed:  # the window is being torn down
            return False
        try:
            visits = self._library.history()
        except KnownError as error:
            self._host.status(f"Your history cannot be read: {error}", 10_000)
            return False
        self.panel.show_days(group_visits(visits, self._library.current_time()))
        self._stale = False
        return True

    @Slot(bool)
    def _on_panel_toggled(self, checked: bool) -> None:
        if checked:  # Ctrl+H is a way to reach the list from the keyboard: put the focus there
            self.dock.raise_()
            self.panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- what the reader asks ------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        visit = self.panel.model.visit_at(index)
        if visit is None:
            return  # a day row: the tree opens and closes it itself
        if visit.missing or not self._library.atlas.has(visit.entry_id):
            self._host.status(
                f"{visit.title} is no longer in this atlas; its visit stays in your history "
                "until you clear it.",
                10_000,
            )
            return
        self._host.navigate_to(visit.entry_id)

    @Slot()
    def clear_history(self) -> None:
        """Ask what to clear, clear it, say how many visits went."""
        labels = [label for label, _age in CLEAR_CHOICES]
        choice = self.dialogs.clear_choice(self._host.window(), labels)
        ages = dict(CLEAR_CHOICES)
        if choice is None or choice not in ages:
            return
        self.clear(ages[choice])

    def clear(self, older_than: timedelta | None) -> int | None:
        """Remove every visit, or those older than ``older_than``; how many, None if refused."""
        try:
            removed = self._library.clear_history(older_than)
        except KnownError as error:
            self._host.status(str(error), 10_000)  # "Cannot clear the history: …"
            return None
        self._host.status(f"Removed {visit_count_text(removed)}.")
        self._host.library_edited()  # emits library_changed: the panel reloads from it
        return removed


def install_history(host: FeatureHost, dialogs: HistoryDialogs | None = None) -> HistoryFeature:
    """Add the History panel (a dock, hidden at first) and Go ▸ History (Ctrl+H) to ``host``'s
    window."""
    return HistoryFeature(host, dialogs)
