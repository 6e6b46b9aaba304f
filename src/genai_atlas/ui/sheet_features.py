"""Printing and the compare builder wired into the main window, through its public hooks.

Installed at startup, so it holds only actions and menus; the side-by-side ``CompareView`` is
imported the first time a comparison opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTextBrowser

from ..data import Atlas, UnknownEntryError
from ..data.compare import MAX_ITEMS, CompareError, CompareTable, entry_table
from ..data.records import kind_of
from ..settings import Settings
from .print_actions import PrintActions, SheetDialogs, SheetPrinting

if TYPE_CHECKING:
    from .compare_view import CompareView


class CompareBasket(QObject):
    """Entries collected with "Add to comparison": up to four of one kind.

    Adding an entry of another kind starts a new basket with it, since mixed kinds cannot be
    compared.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []

    def ids(self) -> list[str]:
        return list(self._ids)

    def add(self, entry_id: str) -> str:
        """Add ``entry_id``; return a short message saying what happened, for a status bar."""
        if entry_id in self._ids:
            return f"Already in the comparison ({len(self._ids)} of {MAX_ITEMS})"
        if self._ids and kind_of(self._ids[0]) != kind_of(entry_id):
            self._ids = []
        if len(self._ids) >= MAX_ITEMS:
            self._ids.pop(0)
        self._ids.append(entry_id)
        self.changed.emit()
        return f"Added to the comparison ({len(self._ids)} of {MAX_ITEMS})"

    def clear(self) -> None:
        self._ids = []
        self.changed.emit()

    def ready(self) -> bool:
        return len(self._ids) >= 2


class SheetFeatures(QObject):
    """Printing and comparing wired into a main window, through its public hooks only.

    File ▸ Print… (Ctrl+P), Print Preview…, Export PDF… act on the entry on show (a comparison
    prints its own table, any other entry a field sheet); the Compare menu and toolbar button
    compare the 2–4 entries selected in the current list, and "Add to Comparison" (also in the
    detail pane's context menu) collects entries from anywhere.
    """

    def __init__(
        self,
        window: Any,
        atlas: Atlas,
        dialogs: SheetDialogs | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._atlas = atlas
        self.printing = SheetPrinting(atlas.info().data_version, window, dialogs, settings)
        self.print_actions = PrintActions(self.printing, self.current_table, window)
        self.basket = CompareBasket(self)
        self.compare_views: list[CompareView] = []

        self.compare_action = QAction("&Compare Selected", window)
        self.compare_action.setToolTip("Compare the 2–4 entries selected in the list")
        self.compare_action.triggered.connect(self.compare_selected)
        self.add_action = QAction("&Add to Comparison", window)
        self.add_action.triggered.connect(self.add_current)
        self.compare_basket_action = QAction("Compare &Collected", window)
        self.compare_basket_action.triggered.connect(self.compare_basket)
        self.clear_basket_action = QAction("C&lear Collected", window)
        self.clear_basket_action.triggered.connect(self.basket.clear)
        self.basket.changed.connect(self._basket_changed)
        self._basket_changed()

        self._add_to_menus()
        for tab in window.tabs():
            tab.current_entry_changed.connect(self._hook_detail_panes)
        self._hook_detail_panes()

    # --- what is printed and compared -----------------------------------------------------

    def current_table(self) -> CompareTable | None:
        entry_id = self._window.current_entry_id()
        return entry_table(self._atlas, entry_id) if entry_id else None

    @Slot()
    def compare_selected(self) -> CompareView | None:
        ids = self._window.current_tab().selected_entry_ids()
        return self._open(ids, "Select 2 to 4 entries of one kind in the list (Ctrl/Shift-click)")

    @Slot()
    def add_current(self) -> None:
        entry_id = self._window.current_entry_id()
        if entry_id:
            self._status(self.basket.add(entry_id))

    @Slot()
    def compare_basket(self) -> CompareView | None:
        return self._open(self.basket.ids(), "Add 2 to 4 entries of one kind first")

    def _open(self, ids: list[str], hint: str) -> CompareView | None:
        if len(ids) < 2:
            self._status(hint)
            return None
        from .compare_view import open_compare_window

        try:
            view = open_compare_window(self._atlas, ids, self.printing, self._window)
        except (CompareError, UnknownEntryError) as error:
            self._status(f"Cannot compare: {error}")
            return None
        self.compare_views.append(view)
        view.destroyed.connect(lambda: self._forget(view))
        view.show()
        return view

    def _forget(self, view: CompareView) -> None:
        if view in self.compare_views:
            self.compare_views.remove(view)

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 5000)

    # --- wiring -----------------------------------------------------------------------------

    def _add_to_menus(self) -> None:
        window = self._window
        menu = window.file_menu()
        quit_action = window.quit_action()
        actions = menu.actions()
        anchor = quit_action
        if quit_action in actions:
            index = actions.index(quit_action)
            if index > 0 and actions[index - 1].isSeparator():
                anchor = actions[index - 1]
        menu.insertActions(anchor, self.print_actions.actions)
        menu.insertSeparator(anchor)

        compare_menu = QMenu("&Compare", window)
        compare_menu.setObjectName("compareMenu")
        compare_menu.addAction(self.compare_action)
        compare_menu.addSeparator()
        compare_menu.addAction(self.add_action)
        compare_menu.addAction(self.compare_basket_action)
        compare_menu.addAction(self.clear_basket_action)
        bar = window.menuBar()
        help_menu = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
        if help_menu is not None:
            bar.insertMenu(help_menu, compare_menu)
        else:
            bar.addMenu(compare_menu)
        window.tool_bar().addAction(self.compare_action)
        menu.aboutToShow.connect(self.print_actions.refresh)

    @Slot()
    def _basket_changed(self) -> None:
        count = len(self.basket.ids())
        self.compare_basket_action.setText(f"Compare &Collected ({count})")
        self.compare_basket_action.setEnabled(count >= 2)
        self.clear_basket_action.setEnabled(count > 0)

    @Slot()
    def _hook_detail_panes(self) -> None:
        """Give every built detail pane "Add to Comparison" in its context menu (once)."""
        for tab in self._window.tabs():
            if hasattr(tab, "is_built") and not tab.is_built():
                continue
            pane = tab.detail_pane()
            if pane.property("compareMenuHooked"):
                continue
            pane.setProperty("compareMenuHooked", True)
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(
                lambda pos, pane=pane: self._pane_menu(pane, pos)
            )

    def _pane_menu(self, pane: QTextBrowser, pos: QPoint) -> None:
        menu = pane.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.add_action)
        menu.addAction(self.compare_basket_action)
        menu.addSeparator()
        for action in self.print_actions.actions:
            menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.popup(pane.viewport().mapToGlobal(pos))


def install_sheet_features(
    window: Any,
    atlas: Atlas,
    dialogs: SheetDialogs | None = None,
    settings: Settings | None = None,
) -> SheetFeatures:
    """Add printing and the compare builder to ``window`` (a MainWindow)."""
    return SheetFeatures(window, atlas, dialogs, settings)
