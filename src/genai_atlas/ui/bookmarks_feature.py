"""Bookmarks installed into the main window: a star above every detail pane, Ctrl+D, the
Bookmarks menu and the Bookmarks panel.

One line in the window: ``install_bookmarks(self.host)``. Everything goes through the host
(``ui/features.py``): the star is a pane header widget, the panel a dock, the menu
``MenuKey.BOOKMARKS``. Every change is one library call (one transaction), then
``host.library_edited()``, so the other stars, the menu, the panel and other windows follow.
A write the library refuses (a read-only or full disk, a folder name taken) is told to the
reader; nothing is lost and the app goes on. The modal dialogs sit behind ``BookmarkDialogs`` so
tests replace them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ..data import KnownError
from ..data.library import Bookmark
from .bookmark_star import BookmarkStar
from .features import MenuKey

if TYPE_CHECKING:
    from .bookmarks_panel import BookmarksPanel
    from .features import FeatureHost

TOGGLE_SHORTCUT = "Ctrl+D"
PANEL_SHORTCUT = "Ctrl+Shift+B"
MENU_LIMIT = 40  # bookmarks listed in one menu before "More in the Bookmarks panel…"


class BookmarkDialogs:
    """The real modal dialogs. Tests pass an object with the same methods."""

    def text(self, parent: QWidget | None, title: str, label: str, initial: str) -> str | None:
        """The text typed, or None if cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, accepted = QInputDialog.getText(
            parent, title, label, QLineEdit.EchoMode.Normal, initial
        )
        return text if accepted else None

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)


class BookmarksFeature(QObject):
    """Keeps the stars, the toggle action, the menu and the panel in step with the library."""

    def __init__(self, host: FeatureHost, dialogs: BookmarkDialogs | None = None) -> None:
        super().__init__(host.window())
        self._host = host
        self._library = host.library
        self.dialogs = dialogs or BookmarkDialogs()
        self.stars: list[BookmarkStar] = []
        self._menu_items: list[QAction] = []
        self._submenus: list[QMenu] = []

        window = host.window()
        self.toggle_action = QAction("&Bookmark This Entry", window)
        self.toggle_action.setObjectName("toggleBookmark")
        self.toggle_action.setShortcut(QKeySequence(TOGGLE_SHORTCUT))
        self.toggle_action.setCheckable(True)
        self.toggle_action.setStatusTip("Add or remove a bookmark on the entry on show")
        self.toggle_action.triggered.connect(self._toggle_current)

        # The panel is built when first shown: it starts hidden, and its tree and model types cost
        # startup time that a reader who never opens it should not pay.
        self._panel: BookmarksPanel | None = None
        self.dock = QDockWidget("Bookmarks", window)
        self.dock.setObjectName("bookmarksDock")
        self.dock.hide()
        host.add_dock(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.panel_action = self.dock.toggleViewAction()
        self.panel_action.setText("Show &All Bookmarks")
        self.panel_action.setObjectName("showBookmarksPanel")
        self.panel_action.setShortcut(QKeySequence(PANEL_SHORTCUT))
        self._panel_stale = True
        self.dock.visibilityChanged.connect(self._on_panel_visibility)

        host.add_menu_actions(MenuKey.BOOKMARKS, [self.toggle_action, self.panel_action])
        self.menu = host.menu(MenuKey.BOOKMARKS)
        self.menu.aboutToShow.connect(self.fill_menu)
        host.add_pane_header_widget(self._make_star)
        host.add_pane_context_actions(self._pane_actions)
        host.entry_changed.connect(self._on_entry_changed)
        host.library_changed.connect(self.refresh)
        self._on_entry_changed(host.current_entry_id())

    @property
    def panel(self) -> BookmarksPanel:
        """The Bookmarks panel in the dock, built on first use."""
        if self._panel is None:
            from .bookmarks_panel import BookmarksPanel

            panel = BookmarksPanel()
            panel.open_requested.connect(self.open_bookmark)
            panel.rename_requested.connect(self.rename_bookmark)
            panel.move_requested.connect(self.move_bookmark)
            panel.move_to_new_folder_requested.connect(self.move_to_new_folder)
            panel.remove_requested.connect(self.remove_bookmark)
            panel.new_folder_requested.connect(self.new_folder)
            panel.rename_folder_requested.connect(self.rename_folder)
            panel.remove_folder_requested.connect(self.remove_folder)
            self.dock.setWidget(panel)
            self._panel = panel
        return self._panel

    # --- the entry on show ---------------------------------------------------------------------

    def _make_star(self, parent: QWidget) -> QWidget:
        star = BookmarkStar(self.is_bookmarked, TOGGLE_SHORTCUT, parent)
        star.toggle_requested.connect(self.toggle)
        self.stars.append(star)
        star.destroyed.connect(lambda: self._forget(star))
        return star

    def _forget(self, star: BookmarkStar) -> None:
        if star in self.stars:
            self.stars.remove(star)

    def is_bookmarked(self, entry_id: str) -> bool:
        try:
            return self._library.is_bookmarked(entry_id)
        except KnownError:
            return False  # a store that cannot be read shows no star; a write would say why

    @Slot(str)
    def _on_entry_changed(self, entry_id: str) -> None:
        self.toggle_action.setEnabled(bool(entry_id))
        self.toggle_action.setChecked(bool(entry_id) and self.is_bookmarked(entry_id))

    def _pane_actions(self, entry_id: str) -> list[QAction | None]:
        self._on_entry_changed(entry_id)
        return [self.toggle_action]

    @Slot()
    def _toggle_current(self) -> None:
        entry_id = self._host.current_entry_id()
        if entry_id:
            self.toggle(entry_id)

    @Slot(str)
    def toggle(self, entry_id: str) -> None:
        """Bookmark the entry, or remove its bookmark; say which in the status bar."""
        try:
            added = self._library.toggle_bookmark(entry_id)
        except KnownError as error:
            self._host.status(str(error), 10_000)  # "Cannot save the bookmark: …, so …"
            self.refresh()
            return
        title = self._library.atlas.ref(entry_id).title
        self._host.status(f"Bookmarked {title}" if added else f"Removed the bookmark on {title}")
        self._edited()

    # --- refreshing ----------------------------------------------------------------------------

    def _edited(self) -> None:
        self._host.library_edited()  # emits library_changed: refresh() runs from it

    @Slot()
    def refresh(self) -> None:
        """Show the library's bookmarks again everywhere (it changed, here or elsewhere)."""
        for star in list(self.stars):
            star.refresh()
        self._on_entry_changed(self._host.current_entry_id())
        if self.dock.isVisible():
            self._fill_panel()
        else:
            self._panel_stale = True  # filled when the panel is next shown

    @Slot(bool)
    def _on_panel_visibility(self, visible: bool) -> None:
        if visible and self._panel_stale:
            self._fill_panel()

    def _read(self) -> tuple[list[str], list[Bookmark]] | None:
        try:
            return self._library.folders(), self._library.bookmarks()
        except KnownError as error:
            self._host.status(f"Your bookmarks cannot be read: {error}", 10_000)
            return None

    def _fill_panel(self) -> None:
        read = self._read()
        if read is not None:
            self.panel.show_bookmarks(*read)
            self._panel_stale = False

    @Slot()
    def fill_menu(self) -> None:
        """List the bookmarks under the menu's own actions: folders as submenus."""
        for action in self._menu_items:
            self.menu.removeAction(action)
            action.deleteLater()
        for submenu in self._submenus:
            self.menu.removeAction(submenu.menuAction())
            submenu.deleteLater()
        self._menu_items, self._submenus = [], []
        read = self._read()
        if read is None:
            return
        from .bookmarks_panel import bookmark_tree

        folders, top_level = bookmark_tree(*read)
        self._menu_items.append(self.menu.addSeparator())
        for folder in folders:
            submenu = QMenu(folder.name, self.menu)
            self._add_bookmark_actions(submenu, folder.bookmarks)
            if not folder.bookmarks:
                submenu.addAction("(empty)").setEnabled(False)
            self.menu.addMenu(submenu)
            self._submenus.append(submenu)
        self._add_bookmark_actions(self.menu, top_level, self._menu_items)
        if not folders and not top_level:
            empty = self.menu.addAction("No bookmarks yet")
            empty.setEnabled(False)
            self._menu_items.append(empty)

    def _add_bookmark_actions(
        self, menu: QMenu, bookmarks: tuple[Bookmark, ...], kept: list[QAction] | None = None
    ) -> None:
        from .bookmarks_panel import shown_title

        for bookmark in bookmarks[:MENU_LIMIT]:
            action = menu.addAction(shown_title(bookmark))
            action.setData(bookmark.entry_id)
            action.setToolTip(bookmark.entry_id)
            action.triggered.connect(
                lambda _checked=False, entry_id=bookmark.entry_id: self.open_bookmark(entry_id)
            )
            if kept is not None:
                kept.append(action)
        if len(bookmarks) > MENU_LIMIT:
            more = menu.addAction(f"{len(bookmarks) - MENU_LIMIT:,} more in the Bookmarks panel…")
            more.triggered.connect(self.show_panel)
            if kept is not None:
                kept.append(more)

    @Slot()
    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self._fill_panel()
        self.panel.view.setFocus()

    # --- what the reader asks of a bookmark ----------------------------------------------------

    @Slot(str)
    def open_bookmark(self, entry_id: str) -> None:
        if self._library.atlas.has(entry_id):
            self._host.navigate_to(entry_id)
            return
        bookmark = self._library.bookmark(entry_id)
        title = bookmark.title if bookmark is not None else entry_id
        self._host.status(
            f"{title} is no longer in this atlas; its bookmark is kept until you remove it.",
            10_000,
        )

    def _ask(self, title: str, label: str, initial: str = "") -> str | None:
        return self.dialogs.text(self._host.window(), title, label, initial)

    def _write(self, title: str, write: Callable[[], object]) -> bool:
        """Run one library write; a refusal is shown in a message. True if it was saved."""
        try:
            write()
        except KnownError as error:
            self.dialogs.error(self._host.window(), title, str(error))
            return False
        self._edited()
        return True

    @Slot(str)
    def rename_bookmark(self, entry_id: str) -> None:
        bookmark = self._library.bookmark(entry_id)
        if bookmark is None:
            return
        name = self._ask(
            "Rename Bookmark", "Name (leave empty for the entry's own title):", bookmark.title
        )
        if name is not None:
            self._write("Rename Bookmark", lambda: self._library.rename_bookmark(entry_id, name))

    @Slot(str, str)
    def move_bookmark(self, entry_id: str, folder: str) -> None:
        if self._write("Move Bookmark", lambda: self._library.move_bookmark(entry_id, folder)):
            self.panel.select(entry_id)

    @Slot(str)
    def move_to_new_folder(self, entry_id: str) -> None:
        name = self._ask("New Folder", "Folder name:")
        if name is not None:
            self.move_bookmark(entry_id, name)

    @Slot(str)
    def remove_bookmark(self, entry_id: str) -> None:
        self._write("Remove Bookmark", lambda: self._library.remove_bookmark(entry_id))

    @Slot()
    def new_folder(self) -> None:
        name = self._ask("New Folder", "Folder name:")
        if name is not None and self._write("New Folder", lambda: self._library.add_folder(name)):
            self.panel.select(name.strip())

    @Slot(str)
    def rename_folder(self, old: str) -> None:
        name = self._ask("Rename Folder", "Folder name:", old)
        if name is not None and self._write(
            "Rename Folder", lambda: self._library.rename_folder(old, name)
        ):
            self.panel.select(name.strip())

    @Slot(str)
    def remove_folder(self, name: str) -> None:
        self._write("Remove Folder", lambda: self._library.remove_folder(name))


def install_bookmarks(
    host: FeatureHost, dialogs: BookmarkDialogs | None = None
) -> BookmarksFeature:
    """Add the bookmark star, Ctrl+D, the Bookmarks menu and panel to ``host``'s window."""
    return BookmarksFeature(host, dialogs)
