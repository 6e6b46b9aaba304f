"""How a feature plugs into the main window: the ``FeatureHost`` protocol.

A feature (printing and comparing, bookmarks, history, notes…) is a function
``install_x(host: FeatureHost, …) -> X`` that the main window calls once, in one line. Through
the host it reaches everything it may extend, and nothing else:

- ``host.menu(MenuKey.BOOKMARKS)`` — a menu bar menu by key. FILE, GO, VIEW and HELP exist from
  the start; any other (EDIT, BOOKMARKS…) is created on first request. Menus always stand in
  ``MenuKey`` order, and are never looked up by their text (which translations and mnemonics
  change).
- ``host.add_menu_actions(MenuKey.FILE, [print_action, preview_action])`` — one group of actions
  (``None`` = a separator), placed after earlier groups and before the menu's closing group
  (File ▸ Quit, Help ▸ About).
- ``host.tool_bar()`` — the navigation toolbar; ``host.add_dock(dock, area)`` — a dock widget
  (give it an object name, so its place is restored with the window's state).
- ``host.status(message)`` — a short message in the status bar.
- ``host.current_entry_id()`` / ``host.navigate_to(entry_id)`` / ``host.selected_entry_ids()`` —
  the entry on show, opening one (recorded in back/forward and the history), and the rows
  selected in the current list; ``host.current_pane()`` — the detail pane on show.
- ``host.entry_changed`` — Signal(str): the entry on show changed (any tab, any cause).
- ``host.library`` — the ``Library`` (atlas + the reader's store); ``host.settings``;
  ``host.background`` — the window's ``BackgroundWork`` pool for ``QueryOp`` (ui/operations.py).
- ``host.library_changed`` — Signal(): the reader's library changed. Emitted when a feature calls
  ``host.library_edited()`` after a write, and when the window is activated and another window
  or process committed meanwhile (``Library.data_version()``). Stars, menus and panels refresh on
  it.
- ``host.add_pane_context_actions(provider)`` — ``provider(entry_id)`` gives actions (``None`` =
  separator) for the detail pane's context menu, asked each time the menu opens. The host owns
  that one menu and composes the standard entries and every provider's group.
- ``host.add_pane_header_widget(factory)`` / ``host.add_pane_section(factory)`` —
  ``factory(parent) -> QWidget`` makes a widget for every tab's detail pane: header widgets sit in
  a row above the pane (the bookmark star), sections below it (the note editor). A widget that
  has ``show_entry(entry_id: str)`` (the ``PaneSection`` protocol) is told each entry its pane
  shows. Factories run when a tab is first built, or at once for tabs already built; sections
  stand in the order they were added. ``frame_pane(parent)`` gives a factory the pane itself.
- ``host.window()`` — the main window, as the parent for dialogs.
- ``host.add_link_route(kind, handler)`` — ids of a kind that is not an entry kind
  (``chart/compute``) go to ``handler(id) -> bool`` when a link or ``navigate_to`` names them.

``WindowHost`` is the main window's implementation; ``PaneParts`` is the part the tabs use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..data import KnownError

if TYPE_CHECKING:
    from ..data.library import Library
    from ..settings import Settings
    from .operations import BackgroundWork

STATUS_TIMEOUT_MS = 5000


class MenuKey(Enum):
    """The menu bar's menus, in the order they stand: (text, object name)."""

    FILE = ("&File", "fileMenu")
    EDIT = ("&Edit", "editMenu")
    GO = ("&Go", "goMenu")
    VIEW = ("&View", "viewMenu")
    BOOKMARKS = ("&Bookmarks", "bookmarksMenu")
    COMPARE = ("&Compare", "compareMenu")
    TOOLS = ("&Tools", "toolsMenu")
    HELP = ("&Help", "helpMenu")

    @property
    def text(self) -> str:
        return self.value[0]

    @property
    def object_name(self) -> str:
        return self.value[1]


MenuItems = Sequence[QAction | None]
PaneActionsProvider = Callable[[str], MenuItems]
PaneWidgetFactory = Callable[[QWidget], QWidget]
LinkHandler = Callable[[str], bool]


@runtime_checkable
class PaneSection(Protocol):
    """A widget under (or above) a detail pane that follows the entry the pane shows."""

    def show_entry(self, entry_id: str) -> None: ...


class FeatureHost(Protocol):
    """What a feature may use of the main window (see the module docstring)."""

    @property
    def entry_changed(self) -> SignalInstance: ...
    @property
    def library_changed(self) -> SignalInstance: ...
    @property
    def library(self) -> Library: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def background(self) -> BackgroundWork: ...

    def window(self) -> QMainWindow: ...
    def menu(self, key: MenuKey) -> QMenu: ...
    def add_menu_actions(self, key: MenuKey, actions: MenuItems) -> None: ...
    def tool_bar(self) -> QToolBar: ...
    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None: ...
    def status(self, message: str, timeout_ms: int = STATUS_TIMEOUT_MS) -> None: ...
    def current_entry_id(self) -> str: ...
    def current_pane(self) -> QTextBrowser: ...
    def selected_entry_ids(self) -> list[str]: ...
    def navigate_to(self, entry_id: str) -> bool: ...
    def library_edited(self) -> None: ...
    def add_pane_context_actions(self, provider: PaneActionsProvider) -> None: ...
    def add_pane_header_widget(self, factory: PaneWidgetFactory) -> None: ...
    def add_pane_section(self, factory: PaneWidgetFactory) -> None: ...
    def add_link_route(self, kind: str, handler: LinkHandler) -> None: ...


def add_items(menu: QMenu, items: MenuItems, before: QAction | None = None) -> None:
    for item in items:
        if item is None:
            if before is None:
                menu.addSeparator()
            else:
                menu.insertSeparator(before)
        elif before is None:
            menu.addAction(item)
        else:
            menu.insertAction(before, item)


def frame_pane(frame: QWidget) -> QTextBrowser | None:
    """The detail pane of a pane frame (the parent a section factory is given), else None."""
    return frame.pane if isinstance(frame, _PaneFrame) else None


class _PaneFrame(QWidget):
    """A detail pane with the widgets features put above and below it."""

    def __init__(self, pane: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPaneFrame")
        self.pane = pane
        self.parts: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._header = QWidget(self)
        self._header.setObjectName("detailPaneHeader")
        self._header_layout = QHBoxLayout(self._header)
        self._header_layout.setContentsMargins(4, 2, 4, 2)
        self._header_layout.addStretch(1)
        self._header.hide()  # until a feature puts something in it
        layout.addWidget(self._header)
        layout.addWidget(pane, 1)
        self._sections = layout

    def add_header_widget(self, widget: QWidget) -> None:
        self._header_layout.addWidget(widget)
        self._header.show()
        self.parts.append(widget)

    def add_section(self, widget: QWidget) -> None:
        self._sections.addWidget(widget)
        self.parts.append(widget)


class PaneParts(QObject):
    """The feature-provided parts of every detail pane: header widgets, sections, context menu.

    Each tab calls ``frame(pane, parent)`` once, when it builds its detail pane, and puts the
    returned widget in its splitter; then ``entry_shown(frame, entry_id)`` for each entry shown.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[PaneWidgetFactory] = []
        self._sections: list[PaneWidgetFactory] = []
        self._providers: list[PaneActionsProvider] = []
        self._frames: list[_PaneFrame] = []

    def frame(self, pane: QTextBrowser, parent: QWidget) -> QWidget:
        frame = _PaneFrame(pane, parent)
        for factory in self._headers:
            frame.add_header_widget(factory(frame))
        for factory in self._sections:
            frame.add_section(factory(frame))
        pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.customContextMenuRequested.connect(lambda pos: self._context_menu(pane, pos))
        self._frames.append(frame)
        frame.destroyed.connect(lambda: self._frames.remove(frame))
        return frame

    def entry_shown(self, frame: QWidget, entry_id: str) -> None:
        if isinstance(frame, _PaneFrame):
            for part in frame.parts:
                if isinstance(part, PaneSection):
                    part.show_entry(entry_id)

    def add_header_widget(self, factory: PaneWidgetFactory) -> None:
        self._headers.append(factory)
        for frame in self._frames:
            self._show_current(frame, factory(frame), frame.add_header_widget)

    def add_section(self, factory: PaneWidgetFactory) -> None:
        self._sections.append(factory)
        for frame in self._frames:
            self._show_current(frame, factory(frame), frame.add_section)

    def add_context_actions(self, provider: PaneActionsProvider) -> None:
        self._providers.append(provider)

    def context_menu_items(self, entry_id: str) -> list[MenuItems]:
        """Every provider's group for ``entry_id``, empty groups left out."""
        groups = [list(provider(entry_id)) for provider in self._providers]
        return [group for group in groups if group]

    @staticmethod
    def _show_current(frame: _PaneFrame, widget: QWidget, add: Callable[[QWidget], None]) -> None:
        add(widget)
        entry_id = getattr(frame.pane, "current_entry_id", lambda: "")()
        if entry_id and isinstance(widget, PaneSection):
            widget.show_entry(entry_id)

    def _context_menu(self, pane: QTextBrowser, pos: QPoint) -> None:
        menu = pane.createStandardContextMenu(pos)
        entry_id = getattr(pane, "current_entry_id", lambda: "")()
        for group in self.context_menu_items(entry_id):
            menu.addSeparator()
            add_items(menu, group)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.popup(pane.viewport().mapToGlobal(pos))


class WindowHost(QObject):
    """The main window's ``FeatureHost``.

    The window passes itself, which must offer ``current_entry_id()``, ``navigate_to()``,
    ``current_tab()``, ``detail_pane()``, ``tool_bar()`` and an ``entry_changed`` Signal(str).
    """

    library_changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        settings: Settings,
        pane_parts: PaneParts,
        background: BackgroundWork,
        entry_changed: SignalInstance,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self._settings = settings
        self._pane_parts = pane_parts
        self._background = background
        self._entry_changed = entry_changed
        self._menus: dict[MenuKey, QMenu] = {}
        self._menu_tails: dict[MenuKey, QAction] = {}
        self._link_routes: dict[str, LinkHandler] = {}
        self._seen_version = self._data_version()
        window.installEventFilter(self)

    # --- FeatureHost ---------------------------------------------------------------------------

    @property
    def entry_changed(self) -> SignalInstance:
        return self._entry_changed

    @property
    def library(self) -> Library:
        return self._library

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def background(self) -> BackgroundWork:
        return self._background

    def window(self) -> QMainWindow:
        return self._window

    def menu(self, key: MenuKey) -> QMenu:
        menu = self._menus.get(key)
        if menu is not None:
            return menu
        menu = QMenu(key.text, self._window)
        menu.setObjectName(key.object_name)
        order = list(MenuKey)
        later = [self._menus[k] for k in order[order.index(key) + 1 :] if k in self._menus]
        bar = self._window.menuBar()
        if later:
            bar.insertMenu(later[0].menuAction(), menu)
        else:
            bar.addMenu(menu)
        self._menus[key] = menu
        return menu

    def set_menu_tail(self, key: MenuKey, first_action: QAction) -> None:
        """Mark the window's closing group of ``key`` (File ▸ Quit): feature groups go above."""
        self._menu_tails[key] = first_action

    def add_menu_actions(self, key: MenuKey, actions: MenuItems) -> None:
        menu = self.menu(key)
        tail = self._menu_tails.get(key)
        if tail is None:
            if menu.actions():
                menu.addSeparator()
            add_items(menu, actions)
        else:  # each group, then a separator, just above the closing group
            add_items(menu, actions, before=tail)
            menu.insertSeparator(tail)

    def tool_bar(self) -> QToolBar:
        return self._window.tool_bar()  # type: ignore[attr-defined,no-any-return]

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        self._window.addDockWidget(area, dock)

    def status(self, message: str, timeout_ms: int = STATUS_TIMEOUT_MS) -> None:
        self._window.statusBar().showMessage(message, timeout_ms)

    def current_entry_id(self) -> str:
        return self._window.current_entry_id()  # type: ignore[attr-defined,no-any-return]

    def current_pane(self) -> QTextBrowser:
        return self._window.detail_pane()  # type: ignore[attr-defined,no-any-return]

    def selected_entry_ids(self) -> list[str]:
        return self._window.current_tab().selected_entry_ids()  # type: ignore[attr-defined,no-any-return]

    def navigate_to(self, entry_id: str) -> bool:
        return self._window.navigate_to(entry_id)  # type: ignore[attr-defined,no-any-return]

    def library_edited(self) -> None:
        self._seen_version = self._data_version()
        self.library_changed.emit()

    def add_pane_context_actions(self, provider: PaneActionsProvider) -> None:
        self._pane_parts.add_context_actions(provider)

    def add_pane_header_widget(self, factory: PaneWidgetFactory) -> None:
        self._pane_parts.add_header_widget(factory)

    def add_pane_section(self, factory: PaneWidgetFactory) -> None:
        self._pane_parts.add_section(factory)

    def add_link_route(self, kind: str, handler: LinkHandler) -> None:
        self._link_routes[kind] = handler

    def route_link(self, link_id: str) -> bool:
        """Hand ``link_id`` to the feature that routes its kind; False if none does."""
        handler = self._link_routes.get(link_id.partition("/")[0])
        return handler is not None and handler(link_id)

    # --- another window's writes ----------------------------------------------------------------

    def check_library(self) -> bool:
        """Emit ``library_changed`` if another connection committed since last seen."""
        version = self._data_version()
        if version == self._seen_version:
            return False
        self._seen_version = version
        self.library_changed.emit()
        return True

    def _data_version(self) -> int:
        seen = self._seen_version if hasattr(self, "_seen_version") else 0
        if self._library.store.closed:  # the app is quitting; a late activation reads nothing
            return seen
        try:
            return self._library.data_version()
        except KnownError:
            return seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.WindowActivate:
            self.check_library()
        return False
