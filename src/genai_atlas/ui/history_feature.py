"""History installed into the main window: the History panel (a dock) and Go ▸ History (Ctrl+H).

One line in the window: ``install_history(self.host)``. Everything goes through the host
(``ui/features.py``). The panel's widget (``ui/history_panel.py``) is built when first shown, and
read only while it is shown; when hidden it is only marked stale and read when next shown, so a
closed panel costs nothing at startup or per navigation. The modal dialog sits behind
``HistoryDialogs`` so tests replace it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from ..data import KnownError
from .features import MenuKey

if TYPE_CHECKING:
    from .features import FeatureHost
    from .history_panel import HistoryPanel

PANEL_SHORTCUT = "Ctrl+H"
CLEAR_TITLE = "Clear History"
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


class HistoryFeature(QObject):
    """Keeps the History panel in step with the library, and opens and clears visits."""

    def __init__(self, host: FeatureHost, dialogs: HistoryDialogs | None = None) -> None:
        super().__init__(host.window())
        self._host = host
        self._library = host.library
        self.dialogs = dialogs or HistoryDialogs()
        window = host.window()

        self._panel: HistoryPanel | None = None  # built when first shown
        self.dock = QDockWidget("History", window)
        self.dock.setObjectName("historyDock")  # so saveState/restoreState find it
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

    @property
    def panel(self) -> HistoryPanel:
        """The panel in the dock, built on first use."""
        if self._panel is None:
            from .history_panel import HistoryPanel

            panel = HistoryPanel()
            panel.view.activated.connect(self._on_activated)
            panel.clear_button.clicked.connect(self.clear_history)
            self.dock.setWidget(panel)
            self._panel = panel
        return self._panel

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
        if visible and self._panel is None:
            self.panel  # noqa: B018 (build it now, before the dock is painted empty)
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
        from .history_model import group_visits

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
        from .history_model import visit_count_text

        self._host.status(f"Removed {visit_count_text(removed)}.")
        self._host.library_edited()  # emits library_changed: the panel reloads from it
        return removed


def install_history(host: FeatureHost, dialogs: HistoryDialogs | None = None) -> HistoryFeature:
    """Add the History panel (a dock, hidden at first) and Go ▸ History (Ctrl+H) to ``host``'s
    window."""
    return HistoryFeature(host, dialogs)
