"""The Bookmarks panel: the reader's bookmarks in their folders, to open, rename, move, remove.

The panel shows what ``BookmarksFeature`` gives it and reports what the reader asks for through
signals; it never writes to the library. Folders come first (alphabetically, empty ones too),
then the bookmarks at the top level. A bookmark whose entry has left the atlas keeps its place,
in grey italics with "(missing entry)".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..data.library import Bookmark
from .roles import BOOKMARK_FOLDER_ROLE, ENTRY_ID_ROLE

MISSING_SUFFIX = " (missing entry)"
EMPTY_TEXT = "No bookmarks yet. Press \u2606 Bookmark above an entry, or Ctrl+D."


@dataclass(frozen=True, slots=True)
class BookmarkFolder:
    name: str
    bookmarks: tuple[Bookmark, ...]


def bookmark_tree(
    folders: Sequence[str], bookmarks: Sequence[Bookmark]
) -> tuple[tuple[BookmarkFolder, ...], tuple[Bookmark, ...]]:
    """The folders (every one named, empty or not, in the given order) with their bookmarks,
    and the top-level bookmarks; bookmarks keep the order they are given in."""
    names = list(dict.fromkeys([*folders, *(b.folder for b in bookmarks if b.folder)]))
    grouped = tuple(
        BookmarkFolder(name, tuple(b for b in bookmarks if b.folder == name)) for name in names
    )
    return grouped, tuple(b for b in bookmarks if not b.folder)


def shown_title(bookmark: Bookmark) -> str:
    return bookmark.title + (MISSING_SUFFIX if bookmark.missing else "")


class BookmarksPanel(QWidget):
    """A tree of folders and bookmarks with a New Folder button and a context menu."""

    open_requested = Signal(str)  # entry id
    rename_requested = Signal(str)  # entry id
    move_requested = Signal(str, str)  # entry id, folder ("" top level)
    move_to_new_folder_requested = Signal(str)  # entry id
    remove_requested = Signal(str)  # entry id
    new_folder_requested = Signal()
    rename_folder_requested = Signal(str)
    remove_folder_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self._folders: list[str] = []
        self._collapsed: set[str] = set()
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("bookmarksView")
        self.view.setAccessibleName("Bookmarks")
        self.view.setAccessibleDescription(
            "Your bookmarks and their folders. Enter opens, F2 renames, Delete removes."
        )
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._on_activated)
        self.view.collapsed.connect(self._on_collapsed)
        self.view.expanded.connect(self._on_expanded)
        self.view.installEventFilter(self)
        self.new_folder_button = QPushButton("New Folder\u2026", self)
        self.new_folder_button.setObjectName("newBookmarkFolder")
        self.new_folder_button.clicked.connect(self.new_folder_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.new_folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    # --- contents ------------------------------------------------------------------------------

    def show_bookmarks(self, folders: Sequence[str], bookmarks: Sequence[Bookmark]) -> None:
        """Show these folders and bookmarks, keeping the selection and collapsed folders."""
        selected = self.selected_entry_id() or self.selected_folder()
        grouped, top_level = bookmark_tree(folders, bookmarks)
        self._folders = [folder.name for folder in grouped]
        self.model.clear()
        folder_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        bold = QFont(self.font())
        bold.setBold(True)
        for folder in grouped:
            item = QStandardItem(folder_icon, folder.name)
            item.setEditable(False)
            item.setData(folder.name, BOOKMARK_FOLDER_ROLE)
            item.setFont(bold)
            item.setToolTip(f"Folder: {folder.name} ({len(folder.bookmarks)})")
            for bookmark in folder.bookmarks:
                item.appendRow(self._bookmark_item(bookmark))
            self.model.appendRow(item)
        for bookmark in top_level:
            self.model.appendRow(self._bookmark_item(bookmark))
        if not grouped and not top_level:
            empty = QStandardItem(EMPTY_TEXT)
            empty.setEditable(False)
            empty.setSelectable(False)
            empty.setEnabled(False)
            self.model.appendRow(empty)
        for row in range(len(grouped)):
            index = self.model.index(row, 0)
            if grouped[row].name not in self._collapsed:
                self.view.expand(index)
        if selected:
            self.select(selected)

    def _bookmark_item(self, bookmark: Bookmark) -> QStandardItem:
        item = QStandardItem(shown_title(bookmark))
        item.setEditable(False)
        item.setData(bookmark.entry_id, ENTRY_ID_ROLE)
        if bookmark.missing:
            font = QFont(self.font())
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(self.palette().brush(QPalette.ColorRole.PlaceholderText))
            item.setToolTip(
                f"{bookmark.title}: this entry is no longer in the atlas. The bookmark is kept "
                "until you remove it."
            )
        else:
            item.setToolTip(f"{bookmark.title} ({bookmark.entry_id})")
        return item

    def folders(self) -> list[str]:
        return list(self._folders)

    def rows(self) -> list[str]:
        """What the panel shows, one line per row, children indented (for tests and a glance)."""
        lines = []
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            lines.append(item.text())
            lines.extend(f"  {item.child(r).text()}" for r in range(item.rowCount()))
        return lines

    # --- selection -----------------------------------------------------------------------------

    def _current(self) -> QModelIndex:
        return self.view.currentIndex()

    def selected_entry_id(self) -> str:
        value = self._current().data(ENTRY_ID_ROLE)
        return value if isinstance(value, str) else ""

    def selected_folder(self) -> str:
        value = self._current().data(BOOKMARK_FOLDER_ROLE)
        return value if isinstance(value, str) else ""

    def select(self, key: str) -> bool:
        """Select the bookmark on ``key`` (an entry id) or the folder named ``key``."""
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            candidates = [item] + [item.child(r) for r in range(item.rowCount())]
            for candidate in candidates:
                if key in (candidate.data(ENTRY_ID_ROLE), candidate.data(BOOKMARK_FOLDER_ROLE)):
                    self.view.setCurrentIndex(candidate.index())
                    return True
        return False

    # --- the reader's requests -----------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        entry_id = index.data(ENTRY_ID_ROLE)
        if isinstance(entry_id, str):
            self.open_requested.emit(entry_id)

    @Slot(QModelIndex)
    def _on_collapsed(self, index: QModelIndex) -> None:
        name = index.data(BOOKMARK_FOLDER_ROLE)
        if isinstance(name, str):
            self._collapsed.add(name)

    @Slot(QModelIndex)
    def _on_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard(str(index.data(BOOKMARK_FOLDER_ROLE)))

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.view and isinstance(event, QKeyEvent):
            if event.type() == QKeyEvent.Type.KeyPress:
                return self._key_pressed(event)
        return False

    def _key_pressed(self, event: QKeyEvent) -> bool:
        entry_id, folder = self.selected_entry_id(), self.selected_folder()
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            if entry_id:
                self.remove_requested.emit(entry_id)
            elif folder:
                self.remove_folder_requested.emit(folder)
            return bool(entry_id or folder)
        if event.key() == Qt.Key.Key_F2:
            if entry_id:
                self.rename_requested.emit(entry_id)
            elif folder:
                self.rename_folder_requested.emit(folder)
            return bool(entry_id or folder)
        return False

    def context_menu_for(self, index: QModelIndex) -> QMenu:
        """The menu a right-click on ``index`` opens (built here so tests can read it)."""
        menu = QMenu(self)
        entry_id = index.data(ENTRY_ID_ROLE)
        folder = index.data(BOOKMARK_FOLDER_ROLE)
        if isinstance(entry_id, str):
            menu.addAction("Open", lambda: self.open_requested.emit(entry_id))
            menu.addAction("Rename\u2026", lambda: self.rename_requested.emit(entry_id))
            move = menu.addMenu("Move To")
            current = index.parent().data(BOOKMARK_FOLDER_ROLE) or ""
            top = move.addAction("Top Level", lambda: self.move_requested.emit(entry_id, ""))
            top.setEnabled(current != "")
            for name in self._folders:
                action = move.addAction(name, self._mover(entry_id, name))
                action.setEnabled(name != current)
            move.addSeparator()
            move.addAction(
                "New Folder\u2026", lambda: self.move_to_new_folder_requested.emit(entry_id)
            )
            menu.addSeparator()
            menu.addAction("Remove Bookmark", lambda: self.remove_requested.emit(entry_id))
        elif isinstance(folder, str):
            menu.addAction("Rename Folder\u2026", lambda: self.rename_folder_requested.emit(folder))
            menu.addAction(
                "Remove Folder (keeps its bookmarks)",
                lambda: self.remove_folder_requested.emit(folder),
            )
        menu.addSeparator()
        menu.addAction("New Folder\u2026", self.new_folder_requested.emit)
        return menu

    def _mover(self, entry_id: str, folder: str) -> Callable[[], None]:
        return lambda: self.move_requested.emit(entry_id, folder)

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = self.context_menu_for(index)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.popup(self.view.viewport().mapToGlobal(pos))
