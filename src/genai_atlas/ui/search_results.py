"""The search results panel: kind filter chips with counts, a message line and the hit list.

The HTML of a row and of the message line comes from pure functions (``hit_html``,
``message_html``), testable as strings; the delegate only lays that HTML out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QRegion,
    QTextDocument,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..data import EntryKind, echo
from ..data.search import SearchHit, SearchResults, Span
from ..render.theme import LIGHT, Theme
from .flow_layout import FlowLayout
from .notes_search import NOTE_LABEL
from .palette_theme import theme_from_palette
from .search_model import SearchResultsModel

_Index = QModelIndex | QPersistentModelIndex
SUGGESTION_SCHEME = "suggest:"
QUOTE_LIMIT = 60  # characters of the search quoted back in the message line
BREAK_EVERY = 16  # characters of one unbroken word before a line may break inside it
PANEL_CHARS = 48  # the results dock's first width, in average characters
ELLIPSIS = "\u2026"
_LAYOUTS_KEPT = 400  # laid-out rows kept at most (a few screens of results)
_SPACES = re.compile(r"\s+")


# --- pure render functions ------------------------------------------------------------------------


def spans_html(spans: Iterable[Span], theme: Theme = LIGHT) -> str:
    """Escaped HTML of spans, highlighted words on the theme's highlight colour."""
    mark = (
        f'<span style="background-color:{theme.highlight_background};color:{theme.highlight_text}">'
    )
    return "".join(
        f"{mark}{html.escape(span.text)}</span>" if span.highlighted else html.escape(span.text)
        for span in spans
    )


def hit_html(hit: SearchHit, theme: Theme = LIGHT, note: tuple[Span, ...] = ()) -> str:
    """One result row: the kind, the title (matched words highlighted), the snippet, and the
    snippet of the reader's note when the note matched."""
    title = spans_html(hit.title_spans or (Span(hit.title),), theme)
    snippet = spans_html(hit.snippet, theme)
    # The note's text is flattened onto one line: the row has one line for it.
    note_text = spans_html(tuple(replace(s, text=_SPACES.sub(" ", s.text)) for s in note), theme)
    return (
        f'<div><span style="color:{theme.muted}">{html.escape(hit.kind.label)}</span>'
        f" &nbsp;<b>{title}</b></div>"
        + (f'<div style="color:{theme.text}">{snippet}</div>' if snippet else "")
        + (
            f'<div style="color:{theme.text}"><i style="color:{theme.muted}">'
            f"{html.escape(NOTE_LABEL)}</i> {note_text}</div>"
            if note
            else ""
        )
    )


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


class CutLine(NamedTuple):
    """One line of a result row as painted: where, whether it was cut, and the text shown."""

    rect: QRect
    overflows: bool
    text: str  # ends in an ellipsis when the line was cut


def _x_at(line: QTextLine, position: int) -> float:
    """Where the cursor at ``position`` stands in ``line`` (PySide6 returns (x, position))."""
    found = line.cursorToX(position)
    return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]


def cut_lines(document: QTextDocument, width: int, reserve: int = 0) -> list[CutLine]:
    """Each line of an unwrapped ``document`` as a rectangle ``width`` wide, and whether its text
    runs into the right margin. The rectangle of such a line stops after the last whole
    character that leaves ``reserve`` pixels (the ellipsis) free, spaces dropped, so no letter
    is cut in half: at a 2x scale "in pa…" showed half an "a" (issue 9)."""
    document.size()  # lays the document out now: the lines are measured lazily
    right_margin = width - document.documentMargin()
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        text = block.text()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            top = int(origin.y() + line.y())
            rect = QRect(0, top, width, int(line.height() + 0.5))
            overflows = origin.x() + line.x() + line.naturalTextWidth() > right_margin
            end = line.textStart() + line.textLength()
            if overflows:
                room = right_margin - reserve - origin.x()
                end = line.xToCursor(room, QTextLine.CursorPosition.CursorBetweenCharacters)
                while end > line.textStart() and _x_at(line, end) > room:
                    end -= 1
                while end > line.textStart() and text[end - 1].isspace():
                    end -= 1
                rect.setRight(int(origin.x() + _x_at(line, end)))
            shown = text[line.textStart() : end] + (ELLIPSIS if overflows else "")
            lines.append(CutLine(rect, overflows, shown))
        block = block.next()
    return lines


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's HTML (kind, highlighted title, snippet) in two lines."""

    def __init__(self, model: SearchResultsModel, view: QListView, theme: Theme = LIGHT) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._theme = theme
        # A row's laid-out document and its cut lines, kept until the results, the theme, the
        # width or the font change: a repaint (scrolling, hovering, the dock resized by a pixel)
        # used to build and lay out a QTextDocument for every visible row each time.
        self._laid_out: dict[tuple[int, int, bool, str], tuple[QTextDocument, list[CutLine]]] = {}
        for signal in (model.modelReset, model.layoutChanged, model.dataChanged):
            signal.connect(self.forget_layouts)

    @property
    def theme(self) -> Theme:
        return self._theme

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._theme = theme
        self.forget_layouts()

    @Slot()
    def forget_layouts(self) -> None:
        self._laid_out.clear()

    def _laid_out_row(
        self, option: QStyleOptionViewItem, index: _Index, selected: bool, ellipsis_width: int
    ) -> tuple[QTextDocument, list[CutLine]]:
        width = option.rect.width()
        key = (index.row(), width, selected, option.font.key())
        found = self._laid_out.get(key)
        if found is None:
            if len(self._laid_out) > _LAYOUTS_KEPT:
                self._laid_out.clear()
            document = self._document(option, index, width, selected)
            found = (document, cut_lines(document, width, ellipsis_width))
            self._laid_out[key] = found
        return found

    def _document(
        self, option: QStyleOptionViewItem, index: _Index, width: int, selected: bool = False
    ) -> QTextDocument:
        theme = self.theme
        if selected:
            # On the selection colour the kind label and snippet take the selected-text colour;
            # their usual greys would be hard to read there.
            on_selection = theme.selection_text
            theme = replace(theme, text=on_selection, muted=on_selection)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)  # clipped at the right edge
        document.setDefaultTextOption(text_option)
        row = index.row()
        if 0 <= row < self._model.rowCount():
            document.setHtml(hit_html(self._model.hit_at(row), theme, self._model.note_at(row)))
        document.setTextWidth(max(width, 200))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect = QRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        metrics = QFontMetrics(option.font)
        ellipsis_width = metrics.horizontalAdvance(ELLIPSIS)
        document, cut = self._laid_out_row(option, index, selected, ellipsis_width)
        painter.save()
        if selected:
            # The theme's selection, not the view's: it is the palette's, made readable (Qt's
            # default blue under white text is 3.7:1).
            painter.fillRect(rect, QColor(self.theme.selection_background))
        painter.translate(rect.topLeft())
        # Lines too long for the row stop short of an ellipsis instead of at the edge (at a 2x
        # scale a snippet was cut mid-word with nothing to say there was more): ``cut``.
        visible = QRegion()
        for line in cut:
            visible += line.rect
        painter.setClipRegion(visible & QRegion(0, 0, rect.width(), rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        text_colour = QColor(self.theme.text)
        if selected:
            text_colour = QColor(self.theme.selection_text)
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Text, text_colour)
            context.palette = palette
        document.documentLayout().draw(painter, context)
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        painter.setFont(option.font)
        painter.setPen(text_colour)
        for line in cut:
            if line.overflows:
                box = line.rect
                baseline = box.top() + (box.height() + metrics.ascent() - metrics.descent()) // 2
                painter.drawText(box.right() + 1, baseline, ELLIPSIS)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # A row is two lines (kind and title, then the snippet, clipped), so the view can lay
        # out 50 rows without building 50 documents (setUniformItemSizes); a hit matched by the
        # reader's note has a third, "Your note: …" (the panel turns uniform sizes off then).
        row = index.row()
        noted = self._model.has_notes and 0 <= row < self._model.rowCount()
        rows = 2
        if noted and self._model.note_at(row) and self._model.hit_at(row).snippet:
            rows = 3  # a hit found only by its note has no atlas snippet: the note takes line 2
        lines = QFontMetrics(option.font).lineSpacing() * rows
        return QSize(self._view.viewport().width() or 400, lines + 12)


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
