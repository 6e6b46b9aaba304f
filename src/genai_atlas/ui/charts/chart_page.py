"""A chart as a page: the title, the plot, and under it the attribution and the data file's date.

One painting function, ``paint_chart_page``, serves every output: PNG (QImage), SVG
(QSvgGenerator), PDF (QPdfWriter) and the printer (QPrinter). pyqtgraph's own exporters are not
used: its SVG exporter fails in ``correctCoordinates`` (ValueError) with pyqtgraph 0.14, and
QPainter on each device gives one look everywhere, with the caption drawn as real text.

The page is laid out in logical units, ``PAGE_WIDTH`` wide, and scaled to the device; text is
sized in logical pixels, so a PNG, an SVG and a printed page look alike whatever the device's
resolution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from .colours import ChartColours

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PAGE_WIDTH = 1000.0  # logical units across the page
IMAGE_SIZE = QSize(1000, 620)  # a PNG or SVG, in logical units
PNG_SCALE = 2  # device pixels per logical unit in a PNG: sharp on high-density screens
PDF_RESOLUTION = 96  # a PDF's device units per inch (its content is vector: this sets no detail)
MARGIN = 18.0
TITLE_PX = 17
SUBTITLE_PX = 12
CAPTION_PX = 11
PLOT_TEXT_PX = 12  # ChartPlot(text_px=...) for a page
APP_NAME = "GenAI Atlas"


@dataclass(frozen=True)
class PageText:
    title: str
    subtitle: str  # e.g. "312 models · Filter: Language" ("" for none)
    caption: tuple[str, ...]  # under the plot: the attribution first


class PlotPainter:
    """What a page needs of a plot (``ChartPlot.render_plot``): kept apart so that this module
    does not import pyqtgraph."""

    def render_plot(self, painter: QPainter, target: QRectF, device_scale: float) -> None:
        raise NotImplementedError


def _font(base: QFont, pixels: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _text_block(
    painter: QPainter, font: QFont, lines: Sequence[str], width: float
) -> list[tuple[str, float]]:
    """Each line with the height it takes when wrapped to ``width``."""
    metrics = QFontMetricsF(font, painter.device())
    flags = int(Qt.TextFlag.TextWordWrap)
    return [
        (line, metrics.boundingRect(QRectF(0, 0, width, 10_000), flags, line).height())
        for line in lines
        if line
    ]


def paint_chart_page(
    painter: QPainter,
    target: QRectF,
    plot: PlotPainter,
    text: PageText,
    colours: ChartColours,
    device_scale: float = 1.0,
) -> None:
    """Paint a chart page into ``target`` (painter coordinates).

    ``device_scale``: device pixels per painter unit on the device painted (2 for a PNG drawn
    at twice its size, 1 elsewhere).
    """
    scale = target.width() / PAGE_WIDTH
    height = target.height() / scale
    painter.save()
    try:
        painter.translate(target.topLeft())
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, PAGE_WIDTH, height), colours.background)
        width = PAGE_WIDTH - 2 * MARGIN
        base = painter.font()
        y = MARGIN
        wrap = int(Qt.TextFlag.TextWordWrap)
        for font, colour, lines in (
            (_font(base, TITLE_PX, bold=True), colours.text, [text.title]),
            (_font(base, SUBTITLE_PX), colours.muted, [text.subtitle]),
        ):
            painter.setFont(font)
            painter.setPen(colour)
            for line, line_height in _text_block(painter, font, lines, width):
                painter.drawText(QRectF(MARGIN, y, width, line_height), wrap, line)
                y += line_height
        y += 6
        caption_font = _font(base, CAPTION_PX)
        caption = _text_block(painter, caption_font, text.caption, width)
        caption_height = sum(h for _, h in caption) + (len(caption) - 1) * 2
        plot_rect = QRectF(MARGIN, y, width, max(120.0, height - MARGIN - caption_height - 10 - y))
        plot.render_plot(painter, plot_rect, scale * device_scale)
        y = plot_rect.bottom() + 10
        painter.setFont(caption_font)
        for index, (line, line_height) in enumerate(caption):
            painter.setPen(colours.text if index == 0 else colours.muted)
            painter.drawText(QRectF(MARGIN, y, width, line_height), wrap, line)
            y += line_height + 2
    finally:
        painter.restore()


# --- devices ------------------------------------------------------------------------------------


def render_png(plot: PlotPainter, text: PageText, colours: ChartColours) -> bytes:
    """The page as a PNG of ``IMAGE_SIZE`` × ``PNG_SCALE`` pixels.

    Scaled by the painter, not by a device pixel ratio: pyqtgraph's axes replay a QPicture
    that a device pixel ratio enlarges twice.
    """
    size = IMAGE_SIZE * PNG_SCALE
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colours.background)
    painter = QPainter(image)
    try:
        rect = QRectF(0, 0, size.width(), size.height())
        paint_chart_page(painter, rect, plot, text, colours, 1.0)
    finally:
        painter.end()
    return _save_image(image)


def _save_image(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes
        raise OSError("the PNG could not be encoded")
    buffer.close()
    return bytes(data.data())


def render_svg(plot: PlotPainter, text: PageText, colours: ChartColours) -> bytes:
    from PySide6.QtSvg import QSvgGenerator  # only an SVG export needs it

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(IMAGE_SIZE)
    generator.setViewBox(QRectF(0, 0, IMAGE_SIZE.width(), IMAGE_SIZE.height()))
    generator.setResolution(PDF_RESOLUTION)
    generator.setTitle(text.title)
    generator.setDescription("\n".join(text.caption))
    painter = QPainter(generator)
    try:
        rect = QRectF(0, 0, IMAGE_SIZE.width(), IMAGE_SIZE.height())
        paint_chart_page(painter, rect, plot, text, colours, 1.0)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def landscape_layout(page_size: str | None = None) -> QPageLayout:
    """A landscape page (A4 unless ``page_size`` is "Letter") with 12 mm margins."""
    size_id = QPageSize.PageSizeId.Letter if page_size == "Letter" else QPageSize.PageSizeId.A4
    return QPageLayout(
        QPageSize(size_id),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    )


def paint_on_pages(
    device: QPdfWriter | QPrinter, plot: PlotPainter, text: PageText, colours: ChartColours
) -> None:
    """Paint the page on a PDF writer or printer (whose page layout is already set)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for drawing")
    try:
        rect = QRectF(device.pageLayout().paintRectPixels(device.resolution()))
        paint_chart_page(painter, rect.translated(-rect.topLeft()), plot, text, colours, 1.0)
    finally:
        painter.end()


def render_pdf(
    plot: PlotPainter, text: PageText, colours: ChartColours, page_size: str | None = None
) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(landscape_layout(page_size))
    writer.setTitle(text.title)
    writer.setCreator(APP_NAME)
    paint_on_pages(writer, plot, text, colours)
    del writer  # the writer finishes the file when it goes away
    buffer.close()
    return bytes(data.data())
