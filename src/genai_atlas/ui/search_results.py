"""The search results panel: kind filter chips with counts, a message line and the hit list.

The message line's HTML comes from a pure function (``message_html``), testable as a string; the
rows are drawn by ``result_rows.HitDelegate``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..data import EntryKind, echo
from ..data.search import SearchResults
from ..render.theme import LIGHT, Theme
from .flow_layout import FlowLayout
from .palette_theme import theme_from_palette
from .result_rows import HitDelegate
from .search_model import SearchResultsModel

SUGGESTION_SCHEME = "suggest:"
QUOTE_LIMIT = 60  # characters of the search quoted back in the message line
BREAK_EVERY = 16  # characters of one unbroken word before a line may break inside it
PANEL_CHARS = 48  # the results dock's first width, in average characters


# --- pure render functions ------------------------------------------------------------------------


def breakable(text: str, every: int = BREAK_EVERY) -> str:
    """``text`` with a zero-width space after every ``every`` characters of an unbroken word.

    A word-wrapped label can only break at spaces; a pasted 200-character word made it as wide as
    the word, and the window with it (issue 8).
    """
    words = text.split(" ")
    return " ".join(
        "\u200b".join(word[i : i + every] for i in range(0, len(word), every)) for word in words
    )


def quoted(text: str) -> str:
    """The search as quoted in the message line: escaped, shortened and breakable, as HTML."""
    return html.escape(breakable(echo(text, QUOTE_LIMIT)))


def message_html(results: SearchResults, theme: Theme = LIGHT) -> str:
    """The line above the list: "did you mean", the empty state with nearest names, or nothing."""
    if results.is_empty_query:
        return ""
    if results.did_you_mean and results.hits:
        return (
            f"Showing results for <b>{quoted(results.did_you_mean)}</b> "
            f'<span style="color:{theme.muted}">(no entry matches '
            f"“{quoted(results.text)}”)</span>"
        )
    if results.hits:
        return ""
    text = f"No entries match “{quoted(results.text)}”."
    if results.suggestions:
        links = ", ".join(
            f'<a href="{SUGGESTION_SCHEME}{html.escape(name, quote=True)}" '
            f'style="color:{theme.link}">{html.escape(name)}</a>'
            for name in results.suggestions
        )
        text += f" Nearest names: {links}"
    return text


def chip_label(kind: EntryKind | None, count: int) -> str:
    return f"{kind.plural if kind else 'All'} {count}"


def chip_accessible_name(kind: EntryKind | None, count: int) -> str:
    """What a screen reader says for a chip: "Models: 3 results", "All kinds: 1 result"."""
    noun = "result" if count == 1 else "results"
    return f"{kind.plural if kind else 'All kinds'}: {count} {noun}"


# --- widgets --------------------------------------------------------------------------------------


class SearchResultsPanel(QWidget):
    """Chips, a message line and the list of hits; the search box drives it."""

    hit_activated = Signal(int)  # row of the hit clicked or activated
    kind_filter_changed = Signal(str)  # "" for every kind
    suggestion_chosen = Signal(str)

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResultsPanel")
        self._model = model
        self._kind = ""
        # The chips wrap onto more lines rather than widening the dock (see FlowLayout).
        self._chips_box = QWidget()
        self._chips_box.setObjectName("searchChips")
        self._chips_box.setAccessibleName("Kinds of result")
        self._chips_row = FlowLayout(self._chips_box)
        self._chip_group = QButtonGroup(self)
        self._chip_group.setExclusive(True)
        self._chips: dict[str, QToolButton] = {}
        for name in ["", *(kind.value for kind in EntryKind)]:
            chip = QToolButton()
            chip.setCheckable(True)
            chip.setAutoRaise(True)
            chip.setObjectName(f"searchChip_{name or 'all'}")
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setAccessibleDescription(
                "Show only the results of this kind" if name else "Show results of every kind"
            )
            chip.setVisible(False)
            chip.clicked.connect(lambda _checked=False, n=name: self.set_kind_filter(n))
            self._chip_group.addButton(chip)
            self._chips_row.addWidget(chip)
            self._chips[name] = chip
        self._message = QLabel()
        self._message.setObjectName("searchMessage")
        self._message.setWordWrap(True)
        # Width comes from the dock, never from the text: the quoted search is breakable, and a
        # label still asks for its longest word as its minimum, which must not widen the window.
        policy = self._message.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self._message.setSizePolicy(policy)
        self._message.setTextFormat(Qt.TextFormat.RichText)
        self._message.linkActivated.connect(self._on_link)
        self._list = QListView()
        self._list.setObjectName("searchResultsList")
        self._list.setAccessibleName("Search results")
        self._list.setAccessibleDescription(
            "Up and Down in the search field choose a result, Enter opens it"
        )
        self._list.setModel(model)
        # Colours from the application palette, made readable (render/theme.py), and taken
        # again whenever it changes (a light/dark switch, Preferences ▸ Theme).
        self._theme = theme_from_palette(QGuiApplication.palette())
        self._message_theme = theme_from_palette(QGuiApplication.palette(), on_window=True)
        self._delegate = HitDelegate(model, self._list, self._theme)
        self._list.setItemDelegate(self._delegate)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setUniformItemSizes(True)
        self._list.setWordWrap(True)
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search field
        self._list.clicked.connect(self._on_clicked)
        self._list.activated.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._chips_box)
        layout.addWidget(self._message)
        layout.addWidget(self._list, 1)
        model.modelReset.connect(self._on_reset)

    def sizeHint(self) -> QSize:
        # The dock opens this wide: enough for a title and a few words of each snippet, leaving
        # the detail pane a readable width (the chips and hits ask for no width of their own).
        width = QFontMetrics(self.font()).averageCharWidth() * PANEL_CHARS
        return QSize(width, super().sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            palette = QGuiApplication.palette()
            theme = theme_from_palette(palette)
            if theme != self._theme:
                self._theme = self._delegate.theme = theme
                self._list.viewport().update()
            self._message_theme = theme_from_palette(palette, on_window=True)
            self._message.setText(message_html(self._model.results, self._message_theme))

    def themes(self) -> tuple[Theme, Theme]:
        """The colours of the hits (on the list's base) and of the message line (on the
        panel's window colour)."""
        return self._theme, self._message_theme

    # --- what the box calls -----------------------------------------------------------------

    def sync_with_model(self) -> None:
        """Show the model's current results (for a panel created after a search ran)."""
        self._on_reset()

    @property
    def list_view(self) -> QListView:
        return self._list

    @property
    def kind_filter(self) -> str:
        return self._kind

    def set_kind_filter(self, kind: str) -> None:
        if kind != self._kind:
            self._kind = kind
            self.kind_filter_changed.emit(kind)

    def message_text(self) -> str:
        return self._message.text()

    def chip_texts(self) -> list[str]:
        return [chip.text() for chip in self._chips.values() if chip.isVisibleTo(self)]

    def current_row(self) -> int:
        index = self._list.currentIndex()
        return index.row() if index.isValid() else -1

    def move_selection(self, step: int) -> None:
        rows = self._model.rowCount()
        if rows == 0:
            return
        row = self.current_row()
        row = 0 if row < 0 and step > 0 else max(0, min(rows - 1, row + step))
        index = self._model.index(row, 0)
        self._list.setCurrentIndex(index)
        self._list.scrollTo(index)

    # --- slots ------------------------------------------------------------------------------

    @Slot()
    def _on_reset(self) -> None:
        results = self._model.results
        # Rows differ in height only while a note line is shown (see HitDelegate.sizeHint).
        self._list.setUniformItemSizes(not self._model.has_notes)
        self._message.setText(message_html(results, self._message_theme))
        self._message.setVisible(bool(self._message.text()))
        self._update_chips(results)
        if self._model.rowCount():
            self._list.setCurrentIndex(self._model.index(0, 0))

    def _update_chips(self, results: SearchResults) -> None:
        counts = dict(results.counts)
        for name, chip in self._chips.items():
            kind = EntryKind(name) if name else None
            number = results.total if kind is None else counts.get(kind, 0)
            chip.setText(chip_label(kind, number))
            chip.setAccessibleName(chip_accessible_name(kind, number))
            chip.setVisible(not results.is_empty_query and (kind is None or number > 0))
            chip.setChecked(name == self._kind)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hit_activated.emit(index.row())

    @Slot(str)
    def _on_link(self, link: str) -> None:
        if link.startswith(SUGGESTION_SCHEME):
            self.suggestion_chosen.emit(html.unescape(link[len(SUGGESTION_SCHEME) :]))
