"""What every tab shares: an item view beside a DetailPane in a splitter, loaded on first use.

The right side of the splitter is the DetailPane framed by what features add through
``PaneParts`` (ui/features.py): header widgets above it, sections below it, and the pane's
context menu.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...data import Atlas, EntryKind, UnknownEntryError
from ...settings import Settings
from ..detail_pane import DetailPane
from ..features import PaneParts
from ..models import ENTRY_ID_ROLE

_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows

ROW_PADDING = 6  # extra pixels per list row, so rows are easy to tell apart and to click
PANE_MIN_CHARS = 45  # the detail pane never gets narrower than this many average characters


class RoomyDelegate(QStyledItemDelegate):
    """The standard delegate with a little more height per row."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)


class EntryTab(QWidget):
    """A list of entries and the detail of the current one.

    Subclasses say which kinds they show and build their view and model. A tab builds its widgets
    and model the first time it is needed, so startup only pays for the tab that is shown.
    """

    key: ClassVar[str] = ""
    title: ClassVar[str] = ""
    kinds: ClassVar[tuple[EntryKind, ...]] = ()

    current_entry_changed = Signal(str)  # the entry now shown in this tab's detail pane
    link_activated = Signal(str)  # an atlas: link was clicked in the detail pane

    def __init__(
        self,
        atlas: Atlas,
        parent: QWidget | None = None,
        pane_parts: PaneParts | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._settings = settings  # None in tests of a bare tab: nothing is remembered
        self._pane_parts = pane_parts if pane_parts is not None else PaneParts(self)
        self._loaded = False
        self._view: QAbstractItemView | None = None
        self._pane: DetailPane | None = None
        self._pane_frame: QWidget | None = None
        self._splitter: QSplitter | None = None
        # State given before the widgets exist, applied when they are built.
        self._splitter_sizes = [self.default_list_width(), 800]
        self._zoom_steps = 0
        self._highlight_terms: list[str] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    # --- for subclasses -----------------------------------------------------------------------

    def create_view(self) -> QAbstractItemView:
        raise NotImplementedError

    def create_model(self) -> QAbstractItemModel:
        raise NotImplementedError

    def default_list_width(self) -> int:
        return 300

    def after_load(self) -> None:
        """Called once the model is set (expand trees, size columns)."""

    def reload_entries(self) -> None:
        """The atlas's entries of this tab's kinds changed (imported data): list them anew."""

    def reshow_current(self) -> None:
        """Render the entry on show again from the atlas (its record may have changed)."""
        entry_id = self.current_entry_id()
        if entry_id and self._pane is not None and self._atlas.has(entry_id):
            self._pane.show_entry(self._atlas.get(entry_id))

    def wrap_view(self, view: QAbstractItemView) -> QWidget:
        """What the splitter shows left of the pane: the view, or the view with controls."""
        return view

    def list_name(self) -> str:
        """The list's accessible name, what a screen reader says on reaching it."""
        return f"{self.title} list"

    # --- public -------------------------------------------------------------------------------

    def shows(self, entry_id: str) -> bool:
        return entry_id.split("/", 1)[0] in {kind.value for kind in self.kinds}

    def is_built(self) -> bool:
        return self._splitter is not None

    def detail_pane(self) -> DetailPane:
        self._build()
        assert self._pane is not None
        return self._pane

    def view(self) -> QAbstractItemView:
        self.ensure_loaded()
        assert self._view is not None
        return self._view

    def splitter(self) -> QSplitter:
        self._build()
        assert self._splitter is not None
        return self._splitter

    def splitter_sizes(self) -> list[int]:
        return self._splitter.sizes() if self._splitter is not None else self._splitter_sizes

    def set_splitter_sizes(self, sizes: list[int]) -> None:
        self._splitter_sizes = list(sizes)
        if self._splitter is not None:
            self._splitter.setSizes(sizes)

    def set_zoom_steps(self, steps: int) -> None:
        self._zoom_steps = steps
        if self._pane is not None:
            self._pane.set_zoom_steps(steps)

    def set_highlight_terms(self, terms: list[str]) -> None:
        self._highlight_terms = list(terms)
        if self._pane is not None:
            self._pane.set_highlight_terms(terms)

    def refresh(self) -> None:
        if self._pane is not None:
            self._pane.refresh()

    def current_entry_id(self) -> str:
        return self._pane.current_entry_id() if self._pane is not None else ""

    def selected_entry_ids(self) -> list[str]:
        """Ids of every selected row, in view order (for actions on several entries)."""
        if not self._loaded or self._view is None:
            return []
        ids: list[str] = []
        for index in sorted(
            self._view.selectionModel().selectedIndexes(), key=lambda i: (i.parent().row(), i.row())
        ):
            entry_id = index.data(ENTRY_ID_ROLE)
            if entry_id and entry_id not in ids:
                ids.append(entry_id)
        return ids

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        self._build()
        assert self._view is not None
        self._loaded = True
        self._view.setModel(self.create_model())
        self._view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.after_load()

    def select_entry(self, entry_id: str) -> bool:
        """Make ``entry_id`` the current row and show it; False if this tab does not list it."""
        model = self.view().model()
        matches = model.match(
            model.index(0, 0),
            ENTRY_ID_ROLE,
            entry_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if not matches:
            return False
        self._set_current(matches[0])
        return True

    def select_first(self) -> None:
        """Show the first entry if nothing is shown yet."""
        self.ensure_loaded()
        if self.current_entry_id():
            return
        index = self._first_entry_index(QModelIndex())
        if index.isValid():
            self._set_current(index)

    # --- internals ----------------------------------------------------------------------------

    def _build(self) -> None:
        if self._splitter is not None:
            return
        view = self.create_view()
        view.setObjectName(f"{self.key}List")
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setItemDelegate(RoomyDelegate(view))
        # Tab leaves the list (a table's default moves between its cells, so the detail pane
        # and its links were out of reach of the keyboard: issue 9).
        view.setTabKeyNavigation(False)
        view.setAccessibleName(self.list_name())
        view.setAccessibleDescription(
            "Arrows or typing a title choose an entry; Tab or F6 moves to its details"
        )
        pane = DetailPane(self)
        # Without a floor the splitter gave the pane whatever the results dock left: 55-70 px,
        # one letter per line (issue 8). The list and the dock give way first.
        pane.setMinimumWidth(QFontMetrics(self.font()).averageCharWidth() * PANE_MIN_CHARS)
        pane.set_zoom_steps(self._zoom_steps)
        pane.set_highlight_terms(self._highlight_terms)
        pane.entry_link_activated.connect(self.link_activated)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName(f"{self.key}Splitter")
        frame = self._pane_parts.frame(pane, self)
        splitter.addWidget(self.wrap_view(view))
        splitter.addWidget(frame)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(self._splitter_sizes)
        self._layout.addWidget(splitter)
        # Shown now rather than by the layout's queued call, so that the list can take the
        # focus at once (Ctrl+5 opens the Models tab with the focus in its table).
        splitter.show()
        QWidget.setTabOrder(view, pane)  # the details next, before what features put above them
        self._layout.activate()  # lay the new widgets out now, not on the next event-loop pass
        self._view, self._pane, self._pane_frame, self._splitter = view, pane, frame, splitter

    def _set_current(self, index: QModelIndex) -> None:
        self.view().selectionModel().setCurrentIndex(index, _SELECT)
        self.view().scrollTo(index)
        self._show(index)  # also when the index was already current

    def _first_entry_index(self, parent: QModelIndex) -> QModelIndex:
        model = self.view().model()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(ENTRY_ID_ROLE):
                return index
            child = self._first_entry_index(index)
            if child.isValid():
                return child
        return QModelIndex()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current)

    def _show(self, index: QModelIndex) -> None:
        entry_id = index.siblingAtColumn(0).data(ENTRY_ID_ROLE) if index.isValid() else None
        if not entry_id or entry_id == self.current_entry_id():
            return
        try:
            entry = self._atlas.get(entry_id)
        except UnknownEntryError:
            return
        self.detail_pane().show_entry(entry)
        assert self._pane_frame is not None
        self._pane_parts.entry_shown(self._pane_frame, entry_id)
        self.current_entry_changed.emit(entry_id)
