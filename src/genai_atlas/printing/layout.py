"""Lays a sheet out on pages and paints it with QPainter on any paged device (PDF or printer).

Two passes: ``plan_pages`` measures every cell (one QTextDocument each, laid out at the device's
resolution) and places the title, the header row and whole rows page by page; only then is the
page count known, so ``paint_sheet`` can write "page N of M" in every footer. A row moves to the
next page rather than being split, unless it is taller than a whole page, in which case it is
cut at the page edge and continued under a repeated header. The reader's notes, when asked for,
follow the sheet; a long note is cut between lines and goes on over as many pages as it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextDocument,
)

from ..data.compare import CompareTable
from ..render import sheet

FONT_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans"]
PAD_X_PT = 4.5
PAD_Y_PT = 3.5
TITLE_GAP_PT = 10.0
FOOTER_GAP_PT = 8.0
NOTE_GAP_PT = 14.0


def sheet_font(point_size: float = sheet.BODY_PT) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # No ligatures: "fi" drawn as one glyph is extracted as U+FB01, so copying text out of the
    # PDF or searching it for "field" would fail.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@dataclass
class _Row:
    docs: list[QTextDocument]
    height: float
    index: int  # -1 for the header row
    lines: list[tuple[float, float]] = field(default_factory=list)  # (top, bottom), row coords

    def cut_before(self, limit: float, after: float) -> float:
        """The lowest cut at or above ``limit`` that splits no line of text (for tall rows)."""
        return _cut_before(self.lines, limit, after)


def _cut_before(lines: list[tuple[float, float]], limit: float, after: float) -> float:
    """The lowest cut at or above ``limit`` that splits none of ``lines`` starting below
    ``after`` (a line taller than the room left is cut at ``limit`` all the same)."""
    cut = limit
    moved = True
    while moved:
        moved = False
        for top, bottom in lines:
            if top < cut < bottom and top > after:
                cut, moved = top, True
    return cut


@dataclass
class _Placement:
    what: str  # "title", "header", "row", "sources" or "note"
    y: float
    height: float
    row: _Row | None = None
    doc: QTextDocument | None = None
    offset: float = 0.0  # for a slice of a row taller than a page, or of a long note


@dataclass
class SheetPlan:
    width: float
    height: float
    body_bottom: float
    column_x: list[float]
    column_widths: list[float]
    pages: list[list[_Placement]] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)


# PySide6 makes a text layout the owner of the device passed to setPaintDevice() (its typesystem
# says <parent index="this" action="add"/>) and never lets go: every QPrinter and QPdfWriter a
# sheet was measured on stayed alive, ~30 kB per print preview or PDF export (issue 8). Cells are
# measured on a 1x1 image of the device's resolution instead, one kept per resolution; the layout
# depends only on the resolution, and the sheet is still painted on the real device.
_STAND_INS: dict[tuple[int, int], QImage] = {}


def _stand_in(device: QPagedPaintDevice) -> QImage:
    key = (device.logicalDpiX() or 72, device.logicalDpiY() or 72)
    image = _STAND_INS.get(key)
    if image is None:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.setDotsPerMeterX(round(key[0] / 0.0254))
        image.setDotsPerMeterY(round(key[1] / 0.0254))
        _STAND_INS[key] = image
    return image


class _Measure:
    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = _stand_in(device)
        self.dpi = device.logicalDpiY() or 72

    def px(self, points: float) -> float:
        return points * self.dpi / 72.0

    def document(self, html: str, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDefaultFont(sheet_font())
        doc.setDocumentMargin(0)
        doc.setIndentWidth(sheet.BULLET_INDENT_PX)
        doc.setHtml(html)
        doc.setTextWidth(max(width, 1.0))
        return doc


def _column_widths(table: CompareTable, width: float) -> list[float]:
    items = len(table.columns)
    aspect_share = 0.24 if items <= 1 else 0.2 if items == 2 else 0.16
    aspect = width * aspect_share
    rest = (width - aspect) / max(items, 1)
    return [aspect] + [rest] * items


def _line_spans(docs: list[QTextDocument], pad_y: float) -> list[tuple[float, float]]:
    spans = []
    for doc in docs:
        block = doc.begin()
        while block.isValid():
            text_layout = block.layout()
            origin = text_layout.position().y() + pad_y  # lines are placed relative to this
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                spans.append((origin + line.y(), origin + line.y() + line.height()))
            block = block.next()
    return spans


def plan_pages(
    device: QPagedPaintDevice, table: CompareTable, notes: tuple[sheet.SheetNote, ...] = ()
) -> SheetPlan:
    """Measure the sheet (and the notes under it) for ``device``; decide what goes on which
    page."""
    measure = _Measure(device)
    width, height = float(device.width()), float(device.height())
    footer_font = sheet_font(sheet.FOOTER_PT)
    footer_height = 2 * QFontMetricsF(footer_font, device).lineSpacing() + measure.px(FOOTER_GAP_PT)
    widths = _column_widths(table, width)
    xs = [sum(widths[:i]) for i in range(len(widths))]
    pad_x, pad_y = measure.px(PAD_X_PT), measure.px(PAD_Y_PT)

    def row(texts: list[str], index: int, header: bool) -> _Row:
        docs = [
            measure.document(
                sheet.cell_html(
                    text,
                    bold=header or column == 0,
                    size_pt=sheet.HEADER_PT if header else sheet.BODY_PT,
                ),
                widths[column] - 2 * pad_x,
            )
            for column, text in enumerate(texts)
        ]
        tallest = max(doc.size().height() for doc in docs)
        return _Row(docs, tallest + 2 * pad_y, index, _line_spans(docs, pad_y))

    plan = SheetPlan(width, height, height - footer_height, xs, widths)
    header = row([table.aspect_label, *table.columns], -1, header=True)
    title = measure.document(sheet.title_html(table), width)
    page: list[_Placement] = [_Placement("title", 0.0, title.size().height(), doc=title)]
    y = title.size().height() + measure.px(TITLE_GAP_PT)

    def start_page(with_header: bool = True) -> float:
        nonlocal page
        plan.pages.append(page)
        page = []
        if with_header:
            page.append(_Placement("header", 0.0, header.height, row=header))
            return header.height
        return 0.0

    page.append(_Placement("header", y, header.height, row=header))
    y += header.height
    rows_on_page = 0
    for index, table_row in enumerate(table.rows):
        body = row([table_row.aspect, *table_row.cells], index, header=False)
        if y + body.height > plan.body_bottom and rows_on_page:
            y, rows_on_page = start_page(), 0
        if y + body.height <= plan.body_bottom:
            page.append(_Placement("row", y, body.height, row=body))
            y += body.height
            rows_on_page += 1
            continue
        # Taller than the room left on an empty page: slice it across pages.
        offset = 0.0
        while offset < body.height:
            if plan.body_bottom - y < measure.px(PAD_Y_PT) * 4:
                y = start_page()  # next to no room left: start the slice on a fresh page
                continue
            limit = offset + plan.body_bottom - y
            take = body.height - offset
            if limit < body.height:
                take = body.cut_before(limit, offset) - offset  # cut between lines of text
            page.append(_Placement("row", y, take, row=body, offset=offset))
            offset += take
            y += take
            if offset < body.height:
                y = start_page()
        rows_on_page = 1

    sources = sheet.sources_html(table)
    if sources:
        doc = measure.document(sources, width)
        gap = measure.px(TITLE_GAP_PT)
        if y + gap + doc.size().height() > plan.body_bottom:
            y, gap = start_page(with_header=False), 0.0
        page.append(_Placement("sources", y + gap, doc.size().height(), doc=doc))
        y += gap + doc.size().height()

    several = len(notes) > 1
    for note in notes:
        doc = measure.document(sheet.note_html(note, several), width)
        total = doc.size().height()
        lines = _line_spans([doc], 0.0)
        # The heading and the first lines stay together: a heading alone at the foot of a page
        # says nothing.
        first_lines = lines[min(2, len(lines) - 1)][1] if lines else total
        y += measure.px(NOTE_GAP_PT)
        if y + min(first_lines, total) > plan.body_bottom:
            y = start_page(with_header=False)
        offset = 0.0
        while offset < total:
            room = plan.body_bottom - y
            take = total - offset
            if take > room:
                cut = _cut_before(lines, offset + room, offset)
                take = (cut if cut > offset else offset + room) - offset
            page.append(_Placement("note", y, take, doc=doc, offset=offset))
            offset += take
            y += take
            if offset < total:
                y = start_page(with_header=False)
    plan.pages.append(page)
    return plan


# --- painting --------------------------------------------------------------------------------


def _draw_doc(painter: QPainter, doc: QTextDocument, x: float, y: float, clip: QRectF) -> None:
    painter.save()
    painter.translate(x, y)
    # Every fragment of the sheet HTML sets its colour, so the application palette (which
    # drawContents falls back on) never colours the text: dark mode still prints black on white.
    # (A hand-made QAbstractTextDocumentLayout.PaintContext would avoid the palette too, but
    # PySide6 6.12 crashes in garbage collection after a few hundred of them.)
    doc.drawContents(painter, clip)
    painter.restore()


def _draw_lines(
    painter: QPainter, doc: QTextDocument, y: float, offset: float, height: float
) -> None:
    """Draw the lines of ``doc`` that lie between ``offset`` and ``offset + height`` (in its
    own coordinates), the document's top at ``y``.

    Line by line rather than drawContents under a clip: a clip only hides the lines beyond
    it, and the PDF would still carry them as invisible text, so a note's line at a page edge
    was found (and copied) twice.
    """
    block = doc.begin()
    while block.isValid():
        text_layout = block.layout()
        origin = text_layout.position()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            middle = origin.y() + line.y() + line.height() / 2
            if offset <= middle < offset + height:
                line.draw(painter, QPointF(origin.x(), y + origin.y()))
        block = block.next()


def _draw_row(
    painter: QPainter, plan: SheetPlan, measure: _Measure, item: _Placement, header: bool
) -> None:
    assert item.row is not None
    pad_x, pad_y = measure.px(PAD_X_PT), measure.px(PAD_Y_PT)
    band = QRectF(0, item.y, plan.width, item.height)
    if header:
        painter.fillRect(band, QColor(sheet.HEADER_FILL))
    elif item.row.index % 2 == 1:
        painter.fillRect(band, QColor(sheet.ZEBRA))
    for column, doc in enumerate(item.row.docs):
        x = plan.column_x[column] + pad_x
        top = item.y + pad_y - item.offset
        # Clip in the document's own coordinates to the part of the row on this page. Slice
        # edges fall between lines, so no line is cut in half; the clip only hides the
        # neighbouring lines (the PDF may still carry them as invisible text).
        sliced = item.offset > 0 or item.height < item.row.height
        edge = measure.px(0.4) if sliced else 0.0
        visible = QRectF(
            0, item.offset - pad_y + edge, plan.column_widths[column], item.height - 2 * edge
        )
        _draw_doc(painter, doc, x, top, visible)
    thin = QPen(QColor(sheet.RULE), measure.px(0.5))
    painter.setPen(thin)
    for x in plan.column_x[1:]:
        painter.drawLine(QPointF(x, item.y), QPointF(x, item.y + item.height))
    painter.drawLine(QPointF(0, item.y), QPointF(0, item.y + item.height))
    painter.drawLine(QPointF(plan.width, item.y), QPointF(plan.width, item.y + item.height))
    if header:
        painter.setPen(QPen(QColor(sheet.INK), measure.px(1.0)))
        painter.drawLine(QPointF(0, item.y), QPointF(plan.width, item.y))
    painter.drawLine(QPointF(0, item.y + item.height), QPointF(plan.width, item.y + item.height))


def _draw_footer(
    painter: QPainter,
    plan: SheetPlan,
    measure: _Measure,
    footer: sheet.SheetFooter,
    page: int,
) -> None:
    attribution, line, number = sheet.footer_text(footer, page, plan.page_count)
    font = sheet_font(sheet.FOOTER_PT)
    metrics = QFontMetricsF(font, measure.device)
    painter.setFont(font)
    painter.setPen(QPen(QColor(sheet.INK), measure.px(0.5)))
    top = plan.body_bottom + measure.px(FOOTER_GAP_PT) / 2
    painter.drawLine(QPointF(0, top), QPointF(plan.width, top))
    number_width = metrics.horizontalAdvance(number)
    room = plan.width - number_width - measure.px(12)
    first = top + measure.px(2) + metrics.ascent()
    painter.drawText(
        QPointF(0, first), metrics.elidedText(attribution, Qt.TextElideMode.ElideRight, room)
    )
    painter.drawText(QPointF(plan.width - number_width, first), number)
    painter.drawText(
        QPointF(0, first + metrics.lineSpacing()),
        metrics.elidedText(line, Qt.TextElideMode.ElideRight, room),
    )


def paint_sheet(
    device: QPagedPaintDevice,
    table: CompareTable,
    footer: sheet.SheetFooter,
    notes: tuple[sheet.SheetNote, ...] = (),
) -> int:
    """Paint the whole sheet, and ``notes`` under it, on ``device`` (a QPdfWriter or QPrinter);
    return the page count."""
    plan = plan_pages(device, table, notes)
    measure = _Measure(device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for painting")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for number, placements in enumerate(plan.pages, start=1):
            if number > 1:
                device.newPage()
            for item in placements:
                if item.what in ("header", "row"):
                    _draw_row(painter, plan, measure, item, header=item.what == "header")
                elif item.what == "note" and item.doc is not None:
                    _draw_lines(painter, item.doc, item.y - item.offset, item.offset, item.height)
                elif item.doc is not None:
                    clip = QRectF(0, 0, plan.width, item.height)
                    _draw_doc(painter, item.doc, 0, item.y, clip)
            _draw_footer(painter, plan, measure, footer, number)
    finally:
        painter.end()
    return plan.page_count
