"""A chart on screen: the plot, the attribution and the data file's date under it, and exports.

``ChartWidget`` shows one ``ChartKind`` of a ``ChartDataset`` through a ``ModelFilter``. It
follows the application palette (drawn again on a palette change), opens a model on a click
(``entry_activated``), and writes PNG, SVG and PDF, or prints, through ``chart_page``: a fresh
off-screen plot at page size, so the chart on screen is never resized or disturbed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QPdfWriter
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from ...data.chart_data import ChartDataset, ChartKind, ScatterSeries, YearCounts, caption_lines
from ...data.model_filter import ModelFilter
from .chart_page import PLOT_TEXT_PX, PageText, paint_on_pages, render_pdf, render_png, render_svg
from .colours import ChartColours, colours_from_palette, paper_colours
from .plot import ChartPlot

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

NO_DATA_TEXT = (
    "No model data has been imported yet. Download Epoch AI's “Notable AI Models” CSV from "
    "epoch.ai and import it with File ▸ Import Model Data…, or on the command line with "
    "<code>genai-atlas import-epoch FILE</code>."
)


def count_text(result: ScatterSeries | YearCounts) -> str:
    """'312 models drawn' / '995 models' for the line above a chart."""
    if isinstance(result, ScatterSeries):
        drawn = len(result.points)
        return f"{drawn:,} {'model' if drawn == 1 else 'models'} drawn of {result.considered:,}"
    total = result.model_count
    return f"{total:,} {'model' if total == 1 else 'models'}"


def left_out_text(result: ScatterSeries | YearCounts) -> str:
    if isinstance(result, ScatterSeries):
        return result.left_out_text()
    if result.without_date:
        noun = "model" if result.without_date == 1 else "models"
        return f"{result.without_date:,} {noun} without a date (not counted)"
    return ""


class ChartWidget(QWidget):
    entry_activated = Signal(str)  # a model's point was clicked: open that model

    def __init__(self, dataset: ChartDataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartWidget")
        self._dataset = dataset
        self._kind = ChartKind.COMPUTE
        self._filter = ModelFilter()
        self._result: ScatterSeries | YearCounts | None = None
        self._plot = ChartPlot(self)
        self._plot.point_clicked.connect(self.entry_activated)
        self._summary = QLabel(self)
        self._summary.setObjectName("chartSummary")
        self._caption = QLabel(self)
        self._caption.setObjectName("chartCaption")
        self._caption.setWordWrap(True)
        self._caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._empty = QLabel(NO_DATA_TEXT, self)
        self._empty.setObjectName("chartNoData")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setTextFormat(Qt.TextFormat.RichText)
        chart = QWidget(self)
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self._summary)
        chart_layout.addWidget(self._plot, 1)
        chart_layout.addWidget(self._caption)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(chart)
        self._stack.addWidget(self._empty)
        self._redraw()

    # --- what is shown ---------------------------------------------------------------------------

    def set_dataset(self, dataset: ChartDataset) -> None:
        self._dataset = dataset
        self._redraw()

    def set_kind(self, kind: ChartKind) -> None:
        if kind is not self._kind:
            self._kind = kind
            self._redraw()

    def set_filter(self, model_filter: ModelFilter) -> None:
        if model_filter != self._filter:
            self._filter = model_filter
            self._redraw()

    def set_marked(self, entry_id: str) -> None:
        """Ring the point of ``entry_id`` on the scatter charts ("" for none)."""
        self._plot.set_marked(entry_id)

    def kind(self) -> ChartKind:
        return self._kind

    def model_filter(self) -> ModelFilter:
        return self._filter

    def dataset(self) -> ChartDataset:
        return self._dataset

    def plot(self) -> ChartPlot:
        return self._plot

    def result(self) -> ScatterSeries | YearCounts | None:
        return self._result

    def caption_lines(self) -> list[str]:
        note = left_out_text(self._result) if self._result is not None else ""
        return caption_lines(self._dataset, self._filter, note)

    def colours(self) -> ChartColours:
        return colours_from_palette(self.palette())

    def _redraw(self) -> None:
        if self._dataset.is_empty:
            self._result = None
            self._stack.setCurrentWidget(self._empty)
            return
        self._stack.setCurrentIndex(0)
        self._result = self._plot.show_chart(
            self._kind, self._dataset, self._filter, self.colours()
        )
        self._summary.setText(self._subtitle())
        self._caption.setText("\n".join(self.caption_lines()))

    def _subtitle(self) -> str:
        assert self._result is not None
        parts = [count_text(self._result)]
        if not self._filter.is_empty:
            parts.append(f"Filter: {self._filter.describe()}")
        return " · ".join(parts)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.refresh_colours()

    @Slot()
    def refresh_colours(self) -> None:
        """Draw again in the current palette's colours (light/dark switch)."""
        if self._result is not None:
            self._plot.set_colours(self.colours())

    # --- exports ---------------------------------------------------------------------------------

    def page_text(self) -> PageText:
        subtitle = self._subtitle() if self._result is not None else ""
        return PageText(self._kind.title, subtitle, tuple(self.caption_lines()))

    def _page_plot(self, colours: ChartColours) -> ChartPlot:
        """An off-screen copy of the chart for one export, showing what the screen shows."""
        plot = ChartPlot(None, text_px=PLOT_TEXT_PX)
        plot.show_chart(self._kind, self._dataset, self._filter, colours)
        plot.set_marked("")
        plot.copy_view(self._plot)
        return plot

    def _export(self, colours: ChartColours, render) -> bytes:  # type: ignore[no-untyped-def]
        plot = self._page_plot(colours)
        try:
            return bytes(render(plot, self.page_text(), colours))
        finally:
            plot.deleteLater()

    def png_bytes(self, colours: ChartColours | None = None) -> bytes:
        """The chart as a PNG, in ``colours`` (default: as on screen, this palette's)."""
        return self._export(colours or self.colours(), render_png)

    def svg_bytes(self, colours: ChartColours | None = None) -> bytes:
        return self._export(colours or self.colours(), render_svg)

    def pdf_bytes(self, page_size: str | None = None) -> bytes:
        """A landscape page in print colours (dark text on white), as a PDF."""
        return self._export(
            paper_colours(), lambda plot, text, colours: render_pdf(plot, text, colours, page_size)
        )

    def print_to(self, device: QPdfWriter | QPrinter) -> None:
        """Paint the page on a printer whose dialog the reader has accepted."""
        colours = paper_colours()
        plot = self._page_plot(colours)
        try:
            paint_on_pages(device, plot, self.page_text(), colours)
        finally:
            plot.deleteLater()
