"""The search field that lives in the toolbar: results as you type, keys, recent searches.

``SearchBox`` owns the results model and a ``SearchResultsPanel`` (``results_panel``) that the
window places (a dock or an overlay). Typing updates the results on every text change, with no
Enter; Up/Down move through the hits, Enter or a click emits ``entry_chosen(entry_id, terms)``;
Esc clears the field and emits ``cleared`` so highlighted words can be removed again.

Given the reader's ``Library``, the search also finds their notes (``Library.search_notes``):
an entry whose note matches is listed with a "Your note: …" line. Given a bare ``Atlas`` (older
callers, tests) it searches the atlas only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QToolButton,
    QWidget,
)

from ..data import Atlas, EntryKind, KnownError
from ..data.search import SearchResults, search
from .notes_search import NoteMatch, merge_note_hits
from .search_model import SearchResultsModel

if TYPE_CHECKING:
    from .search_results import SearchResultsPanel

RECENT_KEY = "search/recent"
RECENT_LIMIT = 10
# Ctrl+F is Find in Page (ui/find_feature.py), as in every browser and reader.
SHORTCUTS = ("Ctrl+K", "/")


NOTE_HIT_LIMIT = 50


class NoteSearch(Protocol):
    """What the search box needs of ``data.library.Library``: the atlas and the notes."""

    @property
    def atlas(self) -> Atlas: ...
    def search_notes(self, text: str, limit: int = ...) -> Sequence[NoteMatch]: ...


class SettingsStore(Protocol):
    """What RecentSearches needs of QSettings (tests pass a QSettings on a temporary file)."""

    def value(self, key: str, defaultValue: object = ...) -> object: ...  # noqa: N803
    def setValue(self, key: str, value: object) -> None: ...  # noqa: N802
    def remove(self, key: str) -> None: ...


class RecentSearches:
    """The last searches a person opened a result from, newest first, kept in the settings."""

    def __init__(self, settings: SettingsStore, limit: int = RECENT_LIMIT) -> None:
        self._settings = settings
        self._limit = limit

    def items(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(item) for item in value if str(item).strip()][: self._limit]

    def add(self, text: str) -> None:
        text = " ".join(text.split())[:200]
        if not text:
            return
        items = [text, *(item for item in self.items() if item != text)]
        self._settings.setValue(RECENT_KEY, items[: self._limit])

    def clear(self) -> None:
        self._settings.remove(RECENT_KEY)


class SearchBox(QWidget):
    entry_chosen = Signal(str, list)  # entry id, terms to highlight
    cleared = Signal()  # the field was emptied: highlighted terms should go
    active_changed = Signal(bool)  # True while there is text (show the results panel)

    # The last note search that failed (the store could not be read), for the status bar.
    notes_failed = Signal(str)

    def __init__(
        self,
        library: NoteSearch | Atlas,
        settings: SettingsStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        if isinstance(library, Atlas):
            self._atlas, self._library = library, None
        else:
            self._atlas, self._library = library.atlas, library
        self.recent = RecentSearches(settings)
        self.model = SearchResultsModel(self)
        # The results panel is built on first use: most launches never search, and the panel's
        # widgets cost a noticeable share of startup.
        self._panel: SearchResultsPanel | None = None
        self._active = False

        self._field = QLineEdit()
        self._field.setObjectName("searchField")
        self._field.setPlaceholderText("Search  (Ctrl+K)")
        self._field.setClearButtonEnabled(True)
        self._field.setMinimumWidth(260)
        self._field.setAccessibleName("Search the atlas")
        self._field.setAccessibleDescription(
            "Results appear as you type; Up and Down choose one, Enter opens it, Esc clears"
        )
        self._field.installEventFilter(self)
        self._field.textChanged.connect(self._on_text_changed)

        self._recent_menu = QMenu(self)
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._recent_button = QToolButton()
        self._recent_button.setObjectName("recentSearchesButton")
        self._recent_button.setText("Recent")
        self._recent_button.setToolTip("Recent searches")
        self._recent_button.setAccessibleName("Recent searches")
        self._recent_button.setArrowType(Qt.ArrowType.DownArrow)
        self._recent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._recent_button.setMenu(self._recent_menu)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._field, 1)
        layout.addWidget(self._recent_button)

    # --- what the window calls --------------------------------------------------------------

    @property
    def results_panel(self) -> SearchResultsPanel:
        """Chips, message and hit list (created on first access; the window places it)."""
        if self._panel is None:
            from .search_results import SearchResultsPanel

            panel = SearchResultsPanel(self.model)
            panel.hit_activated.connect(self._choose_row)
            panel.kind_filter_changed.connect(self._on_kind_filter)
            panel.suggestion_chosen.connect(self.start_search)
            panel.sync_with_model()
            self._panel = panel
        return self._panel

    @property
    def field(self) -> QLineEdit:
        return self._field

    @property
    def results(self) -> SearchResults:
        return self.model.results

    def text(self) -> str:
        return self._field.text()

    @Slot()
    def focus_search(self) -> None:
        self._field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._field.selectAll()

    @Slot(str)
    def start_search(self, text: str) -> None:
        """Fill the field (as if typed) and focus it: `genai-atlas diffusion`, suggestions."""
        self._field.setText(text)
        self._field.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def clear(self) -> None:
        self._field.clear()

    def install_shortcuts(self, window: QWidget) -> list[QShortcut]:
        """Ctrl+K and / focus the field from anywhere in ``window``."""
        shortcuts = []
        for key in SHORTCUTS:
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.focus_search)
            shortcuts.append(shortcut)
        return shortcuts

    # --- searching --------------------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self._refresh(text)
        active = bool(text.strip())
        if active != self._active:
            self._active = active
            self.active_changed.emit(active)
        if not text:
            self.cleared.emit()

    def _refresh(self, text: str) -> None:
        kind = self._panel.kind_filter if self._panel is not None else ""
        kinds = [EntryKind(kind)] if kind else None
        results = search(self._atlas, text, kinds=kinds)
        if self._library is None or not text.strip():
            self.model.set_results(results)
            return
        try:
            matches = self._library.search_notes(text, NOTE_HIT_LIMIT)
        except KnownError as error:
            # The atlas is still searched: the notes are what could not be read.
            self.notes_failed.emit(f"Your notes could not be searched: {error}")
            matches = []
        merged, notes = merge_note_hits(results, text, matches, self._atlas)
        self.model.set_results(merged, notes)

    @Slot(str)
    def _on_kind_filter(self, _kind: str) -> None:
        self._refresh(self._field.text())

    @Slot(int)
    def _choose_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        hit = self.model.hit_at(row)
        self.recent.add(self._field.text())
        self.entry_chosen.emit(hit.id, list(self.model.results.terms))

    # --- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.results_panel.move_selection(1)
                return True
            if key == Qt.Key.Key_Up:
                self.results_panel.move_selection(-1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.results_panel.move_selection(10 if key == Qt.Key.Key_PageDown else -10)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_row(max(self.results_panel.current_row(), 0))
                return True
            if key == Qt.Key.Key_Escape:
                if self._field.text():
                    self.clear()
                    return True
                return False
        return super().eventFilter(watched, event)

    # --- recent searches --------------------------------------------------------------------

    @Slot()
    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        items = self.recent.items()
        for item in items:
            action = QAction(item, self._recent_menu)
            action.triggered.connect(lambda _checked=False, text=item: self.start_search(text))
            self._recent_menu.addAction(action)
        if not items:
            empty = self._recent_menu.addAction("No recent searches")
            empty.setEnabled(False)
        self._recent_menu.addSeparator()
        clear = self._recent_menu.addAction("Clear recent searches")
        clear.setObjectName("clearRecentSearches")
        clear.setEnabled(bool(items))
        clear.triggered.connect(self.recent.clear)


def install_search(
    window: QMainWindow, library: NoteSearch | Atlas, settings: SettingsStore
) -> SearchBox:
    """Put the search box in ``window``'s toolbar and its results in a dock, and wire them.

    ``library`` is the reader's ``Library`` (the atlas and their notes are searched) or, for
    callers not yet given one, an ``Atlas`` (the atlas only).

    ``window`` provides ``tool_bar()``, ``navigate_to(entry_id)`` and
    ``set_highlight_terms(terms)``: a chosen hit opens in its tab with the matched words
    highlighted in the detail pane until the search is cleared.
    """
    box = SearchBox(library, settings, window)
    tool_bar = window.tool_bar()  # type: ignore[attr-defined]
    tool_bar.addSeparator()
    tool_bar.addWidget(box)
    box.results_dock = None  # type: ignore[attr-defined]

    def show_results(active: bool) -> None:
        dock = box.results_dock  # type: ignore[attr-defined]
        if dock is None and active:
            # Built on the first search, not at startup.
            dock = QDockWidget("Search results", window)
            dock.setObjectName("searchResultsDock")
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
            )
            dock.setWidget(box.results_panel)
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            box.results_dock = dock  # type: ignore[attr-defined]
        if dock is not None:
            dock.setVisible(active)

    box.active_changed.connect(show_results)
    box.install_shortcuts(window)

    def open_hit(entry_id: str, terms: list[str]) -> None:
        window.set_highlight_terms(terms)  # type: ignore[attr-defined]
        window.navigate_to(entry_id)  # type: ignore[attr-defined]

    box.entry_chosen.connect(open_hit)
    box.cleared.connect(lambda: window.set_highlight_terms([]))  # type: ignore[attr-defined]
    box.notes_failed.connect(lambda message: window.statusBar().showMessage(message, 8000))
    return box
