"""One row of the search results: its lines as styled runs (a pure function, ``hit_lines``), laid
out with a ``QTextLayout`` per line and painted by ``HitDelegate``, each line too long for the
row cut after a whole letter and ended with an ellipsis (``cut_lines``).

A row used to be a ``QTextDocument`` built from HTML; parsing and laying out that document was
most of the time from a keystroke to the results on screen (issue 9). The lines are plain text
with formats now, so no text from the index or a note is ever read as markup.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QRegion,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..data.search import SearchHit
from ..data.search_text import Span
from ..render.theme import LIGHT, Theme
from .notes_search import NOTE_LABEL
from .search_model import SearchResultsModel

_Index = QModelIndex | QPersistentModelIndex
ELLIPSIS = "\u2026"
ROW_MARGIN = 4  # pixels around a row's text
_ROWS_KEPT = 400  # laid-out rows kept at most (a few screens of results)
_SPACES = re.compile(r"\s+")


class Run(NamedTuple):
    """A piece of a row's line and how it is drawn."""

    text: str
    highlighted: bool = False  # a matched word: on the highlight colour
    muted: bool = False  # the kind label, "Your note:"
    bold: bool = False  # the title
    italic: bool = False


def hit_lines(hit: SearchHit, note: tuple[Span, ...] = ()) -> tuple[tuple[Run, ...], ...]:
    """A result row's lines: the kind and the title (matched words highlighted), the snippet,
    and the snippet of the reader's note when the note matched. Runs of white space are one
    space, as they were in the row's HTML: each line is one line on screen."""

    def runs(spans: Iterable[Span], bold: bool = False) -> tuple[Run, ...]:
        return tuple(Run(_SPACES.sub(" ", s.text), s.highlighted, bold=bold) for s in spans)

    lines = [
        (
            Run(hit.kind.label, muted=True),
            Run(" \u00a0"),
            *runs(hit.title_spans or (Span(hit.title),), bold=True),
        )
    ]
    if hit.snippet:
        lines.append(runs(hit.snippet))
    if note:
        lines.append((Run(NOTE_LABEL, muted=True, italic=True), Run(" "), *runs(note)))
    return tuple(lines)


def run_format(run: Run, theme: Theme) -> QTextCharFormat:
    """The character format a run is drawn with under ``theme``."""
    return _char_format(run.highlighted, run.muted, run.bold, run.italic, theme)


@lru_cache(maxsize=64)
def _char_format(
    highlighted: bool, muted: bool, bold: bool, italic: bool, theme: Theme
) -> QTextCharFormat:
    # A handful of formats serve every row; QTextLayout.setFormats copies them.
    char = QTextCharFormat()
    if highlighted:
        char.setForeground(QColor(theme.highlight_text))
        char.setBackground(QColor(theme.highlight_background))
    else:
        char.setForeground(QColor(theme.muted if muted else theme.text))
    if bold:
        char.setFontWeight(QFont.Weight.Bold)
    if italic:
        char.setFontItalic(True)
    return char


def line_layouts(
    lines: Sequence[Sequence[Run]], theme: Theme, font: QFont, width: int
) -> list[QTextLayout]:
    """Each line laid out unwrapped, one under the other, ROW_MARGIN in from the row's corner."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)  # cut at the right edge (see cut_lines)
    layouts = []
    top = float(ROW_MARGIN)
    for runs in lines:
        layout = QTextLayout("".join(run.text for run in runs), font)
        layout.setTextOption(option)
        ranges, start = [], 0
        for run in runs:
            piece = QTextLayout.FormatRange()
            piece.start, piece.length, piece.format = start, len(run.text), run_format(run, theme)
            ranges.append(piece)
            start += len(run.text)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(max(width - 2 * ROW_MARGIN, 1))
        layout.endLayout()
        layout.setPosition(QPointF(ROW_MARGIN, top))
        top += line.height()
        layouts.append(layout)
    return layouts


class CutLine(NamedTuple):
    """One line of a result row as painted: where, whether it was cut, and the text shown."""

    rect: QRect
    overflows: bool
    text: str  # ends in an ellipsis when the line was cut


def _x_at(line: QTextLine, position: int) -> float:
    """Where the cursor at ``position`` stands in ``line`` (PySide6 returns (x, position))."""
    found = line.cursorToX(position)
    return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]


def cut_lines(
    layouts: Iterable[QTextLayout], width: int, reserve: int = 0, margin: float = ROW_MARGIN
) -> list[CutLine]:
    """Each line of unwrapped ``layouts`` as a rectangle ``width`` wide, and whether its text
    runs into the right ``margin``. The rectangle of such a line stops after the last whole
    character that leaves ``reserve`` pixels (the ellipsis) free, spaces dropped, so no letter
    is cut in half: at a 2x scale "in pa…" showed half an "a"."""
    right_margin = width - margin
    lines = []
    for layout in layouts:
        origin, text = layout.position(), layout.text()
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
    return lines


class RowLayout(NamedTuple):
    """A row ready to paint: its laid-out lines and where each is cut."""

    layouts: list[QTextLayout]
    lines: list[CutLine]


class HitDelegate(QStyledItemDelegate):
    """Paints a hit (kind, highlighted title, snippet, the note that matched) in its lines."""

    def __init__(self, model: SearchResultsModel, view: QListView, theme: Theme = LIGHT) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._theme = theme
        # Rows laid out, by what they show: a repaint (scrolling, hovering, the dock resized by a
        # pixel) and a search that brings the same hit back with the same words highlighted
        # (a space typed, a kind chip, Backspace) reuse them. A theme change drops them all.
        self._laid_out: OrderedDict[tuple[object, ...], RowLayout] = OrderedDict()

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

    def row_layout(
        self, option: QStyleOptionViewItem, index: _Index, selected: bool = False
    ) -> RowLayout:
        """The row at ``index`` as painted ``option.rect`` wide, plain or selected."""
        row = index.row()
        if not 0 <= row < self._model.rowCount():
            return RowLayout([], [])
        hit, note = self._model.hit_at(row), self._model.note_at(row)
        width = option.rect.width()
        key = (hit, note, width, selected, option.font.key())
        found = self._laid_out.get(key)
        if found is not None:
            self._laid_out.move_to_end(key)
            return found
        found = self._lay_out(hit, note, option.font, width, selected)
        self._laid_out[key] = found
        if len(self._laid_out) > _ROWS_KEPT:
            self._laid_out.popitem(last=False)
        return found

    def _lay_out(
        self, hit: SearchHit, note: tuple[Span, ...], font: QFont, width: int, selected: bool
    ) -> RowLayout:
        theme = self.theme
        if selected:
            # On the selection colour the kind label and snippet take the selected-text colour;
            # their usual greys would be hard to read there.
            theme = replace(theme, text=theme.selection_text, muted=theme.selection_text)
        layouts = line_layouts(hit_lines(hit, note), theme, font, width)
        ellipsis_width = QFontMetrics(font).horizontalAdvance(ELLIPSIS)
        return RowLayout(layouts, cut_lines(layouts, width, ellipsis_width))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect = QRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        row = self.row_layout(option, index, selected)
        painter.save()
        if selected:
            # The theme's selection, not the view's: it is the palette's, made readable (Qt's
            # default blue under white text is 3.7:1).
            painter.fillRect(rect, QColor(self.theme.selection_background))
        painter.translate(rect.topLeft())
        bounds = QRect(0, 0, rect.width(), rect.height())
        # Lines too long for the row stop short of an ellipsis instead of at the edge (at a 2x
        # scale a snippet was cut mid-word with nothing to say there was more).
        visible = QRegion()
        for line in row.lines:
            visible += line.rect
        painter.setClipRegion(visible & QRegion(bounds))
        for layout in row.layouts:
            layout.draw(painter, QPointF(0, 0))
        painter.setClipRect(bounds)
        painter.setFont(option.font)
        painter.setPen(QColor(self.theme.selection_text if selected else self.theme.text))
        metrics = QFontMetrics(option.font)
        for line in row.lines:
            if line.overflows:
                box = line.rect
                baseline = box.top() + (box.height() + metrics.ascent() - metrics.descent()) // 2
                painter.drawText(box.right() + 1, baseline, ELLIPSIS)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # A row is two lines (kind and title, then the snippet, clipped), so the view can lay
        # out 50 rows without laying out any (setUniformItemSizes); a hit matched by the
        # reader's note has a third, "Your note: …" (the panel turns uniform sizes off then).
        row = index.row()
        noted = self._model.has_notes and 0 <= row < self._model.rowCount()
        rows = 2
        if noted and self._model.note_at(row) and self._model.hit_at(row).snippet:
            rows = 3  # a hit found only by its note has no atlas snippet: the note takes line 2
        lines = QFontMetrics(option.font).lineSpacing() * rows
        return QSize(self._view.viewport().width() or 400, lines + 12)
