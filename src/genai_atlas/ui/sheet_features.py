"""Printing and the compare builder, installed into the main window through ``FeatureHost``.

Installed at startup, so it holds only actions and menus; the side-by-side ``CompareView`` is
imported the first time a comparison opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction

from ..data import UnknownEntryError
from ..data.compare import MAX_ITEMS, CompareError, CompareTable, entry_table
from ..data.records import kind_of
from ..settings import Settings
from .features import FeatureHost, MenuItems, MenuKey
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
    """Printing and comparing, installed through a ``FeatureHost``.

    File ▸ Print… (Ctrl+P), Print Preview…, Export PDF… act on the entry on show (a comparison
    prints its own table, any other entry a field sheet); the Compare menu and toolbar button
    compare the 2–4 entries selected in the current list, and "Add to Comparison" (also in the
    detail pane's context menu) collects entries from anywhere.
    """

    def __init__(
        self,
        host: FeatureHost,
        dialogs: SheetDialogs | None = None,
        settings: Settings | None = None,
    ) -> None:
        window = host.window()
        super().__init__(window)
        self._host = host
        self._atlas = host.library.atlas
        self.printing = SheetPrinting(self._atlas.info().data_version, window, dialogs, settings)
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

        host.add_menu_actions(MenuKey.FILE, self.print_actions.actions)
        host.menu(MenuKey.FILE).aboutToShow.connect(self.print_actions.refresh)
        host.add_menu_actions(
            MenuKey.COMPARE,
            [
                self.compare_action,
                None,
                self.add_action,
                self.compare_basket_action,
                self.clear_basket_action,
            ],
        )
        host.tool_bar().addAction(self.compare_action)
        host.add_pane_context_actions(self._pane_actions)

    # --- what is printed and compared -----------------------------------------------------

    def current_table(self) -> CompareTable | None:
        entry_id = self._host.current_entry_id()
        return entry_table(self._atlas, entry_id) if entry_id else None

    @Slot()
    def compare_selected(self) -> CompareView | None:
        ids = self._host.selected_entry_ids()
        return self._open(ids, "Select 2 to 4 entries of one kind in the list (Ctrl/Shift-click)")

    @Slot()
    def add_current(self) -> None:
        entry_id = self._host.current_entry_id()
        if entry_id:
            self._host.status(self.basket.add(entry_id))

    @Slot()
    def compare_basket(self) -> CompareView | None:
        return self._open(self.basket.ids(), "Add 2 to 4 entries of one kind first")

    def _open(self, ids: list[str], hint: str) -> CompareView | None:
        if len(ids) < 2:
            self._host.status(hint)
            return None
        from .compare_view import open_compare_window

        try:
            view = open_compare_window(self._atlas, ids, self.printing, self._host.window())
        except (CompareError, UnknownEntryError) as error:
            self._host.status(f"Cannot compare: {error}")
            return None
        self.compare_views.append(view)
        view.destroyed.connect(lambda: self._forget(view))
        view.show()
        return view

    def _forget(self, view: CompareView) -> None:
        if view in self.compare_views:
            self.compare_views.remove(view)

    # --- wiring -----------------------------------------------------------------------------

    @Slot()
    def _basket_changed(self) -> None:
        count = len(self.basket.ids())
        self.compare_basket_action.setText(f"Compare &Collected ({count})")
        self.compare_basket_action.setEnabled(count >= 2)
        self.clear_basket_action.setEnabled(count > 0)

    def _pane_actions(self, entry_id: str) -> MenuItems:
        """The detail pane's context menu: collect for comparing, and print."""
        return [self.add_action, self.compare_basket_action, None, *self.print_actions.actions]


def install_sheet_features(
    host: FeatureHost,
    dialogs: SheetDialogs | None = None,
    settings: Settings | None = None,
) -> SheetFeatures:
    """Add printing and the compare builder to the window behind ``host``."""
    return SheetFeatures(host, dialogs, settings)
