"""One chart drawn with pyqtgraph: points over time on a log axis, or models per year in stacks.

``ChartPlot`` only draws what ``data/chart_data.py`` computed. It names the point (or bar part)
under the cursor in a tooltip and reports a click on a point as ``point_clicked(entry_id)``. The
same class draws the off-screen copy that exports and printouts paint (``chart_page.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from ...data.chart_data import (
    ChartDataset,
    ChartKind,
    ChartPoint,
    ScatterSeries,
    YearCounts,
    models_per_year,
    scatter_series,
)
from ...data.model_filter import ModelFilter
from .colours import ChartColours

POINT_SIZE = 7
CURATED_SIZE = 15
MARK_SIZE = 24
BAR_WIDTH = 0.8
CURATED_LABEL = "Described in this atlas"


def _pen(colour: QColor, width: float = 1.0) -> pg.QtGui.QPen:
    return pg.mkPen(colour, width=width)


class ChartPlot(pg.PlotWidget):  # type: ignore[misc]
    """A pyqtgraph plot of one ``ChartKind`` over a ``ChartDataset``.

    ``text_px``: draw every text in pixels of this size (exports, whose painter scales a fixed
    logical page) instead of the widget's font in points (the screen).
    """

    point_clicked = Signal(str)  # the entry id of the model clicked

    def __init__(self, parent: QWidget | None = None, text_px: int | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("chartPlot")
        self._text_px = text_px
        item = self.getPlotItem()
        item.hideButtons()  # the "A" auto-range button: a double click does not reset either
        item.setMenuEnabled(False)  # pyqtgraph's own menu exports through its broken SVG path
        self._legend = item.addLegend(offset=(12, 8), labelTextSize=self._size_text(1.0))
        # pyqtgraph keeps the legend at screen size whatever the painter's scale; a page painted
        # at twice the size (a PNG, a printer) would get a legend half as large as the rest.
        self._legend.setFlag(self._legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self._kind = ChartKind.COMPUTE
        self._colours: ChartColours | None = None
        self._scatter: ScatterSeries | None = None
        self._counts: YearCounts | None = None
        self._points: dict[str, ChartPoint] = {}
        self._scatter_items: list[pg.ScatterPlotItem] = []
        self._mark_item: pg.ScatterPlotItem | None = None
        self._bar_items: list[pg.BarGraphItem] = []
        self._marked = ""
        self._hover_text = ""
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # --- drawing ---------------------------------------------------------------------------------

    def show_chart(
        self,
        kind: ChartKind,
        dataset: ChartDataset,
        model_filter: ModelFilter,
        colours: ChartColours,
    ) -> ScatterSeries | YearCounts:
        """Draw ``kind`` for the models of ``dataset`` that pass ``model_filter``."""
        self._kind = kind
        metric, grouping = kind.metric, kind.grouping
        if metric is not None:
            self._scatter = scatter_series(
                dataset.models, metric, model_filter, dataset.curated_ids
            )
            self._counts = None
        else:
            assert grouping is not None
            self._counts = models_per_year(dataset.models, grouping, model_filter)
            self._scatter = None
        self.set_colours(colours)
        self._set_ranges()
        result = self._scatter if self._scatter is not None else self._counts
        assert result is not None
        return result

    def _set_ranges(self) -> None:
        item = self.getPlotItem()
        item.enableAutoRange()
        left = item.getAxis("left")
        left.setTickSpacing()  # automatic
        if self._counts is not None and self._counts.years:
            # Counts start at zero, and a few models get whole-number ticks (not 0.5).
            highest = max(self._counts.total(i) for i in range(len(self._counts.years)))
            item.setYRange(0, highest * 1.06, padding=0)
            if highest < 10:
                left.setTickSpacing(1, 1)

    def set_colours(self, colours: ChartColours) -> None:
        """Draw again in ``colours`` (a palette change): the data stays as it is."""
        self._colours = colours
        self._clear_items()
        self._style_frame(colours)
        if self._scatter is not None:
            self._draw_scatter(self._scatter, colours)
        elif self._counts is not None:
            self._draw_bars(self._counts, colours)

    def set_marked(self, entry_id: str) -> None:
        """Ring the point of ``entry_id`` ("" for none): the model the chart was opened for."""
        self._marked = entry_id
        if self._mark_item is None or self._colours is None:
            return
        point = self._points.get(entry_id)
        if point is None:
            self._mark_item.setData([], [])
        else:
            self._mark_item.setData([point.x], [math.log10(point.y)], data=[point.entry_id])

    def colours(self) -> ChartColours | None:
        return self._colours

    def kind(self) -> ChartKind:
        return self._kind

    def scatter(self) -> ScatterSeries | None:
        return self._scatter

    def counts(self) -> YearCounts | None:
        return self._counts

    def _clear_items(self) -> None:
        item = self.getPlotItem()
        self._legend.clear()
        for old in [*self._scatter_items, *self._bar_items]:
            item.removeItem(old)
        if self._mark_item is not None:
            item.removeItem(self._mark_item)
        self._scatter_items, self._bar_items, self._mark_item = [], [], None

    def _size_text(self, factor: float) -> str:
        if self._text_px is not None:
            return f"{round(self._text_px * factor)}px"
        return f"{max(6.0, self.font().pointSizeF() * factor):.1f}pt"

    def _font(self) -> QFont:
        font = QFont(self.font())
        if self._text_px is not None:
            font.setPixelSize(self._text_px)
        return font

    def _style_frame(self, colours: ChartColours) -> None:
        self.setBackground(colours.background)
        item = self.getPlotItem()
        scatter = self._kind.metric is not None
        labels = {
            "left": self._kind.metric.axis_title if self._kind.metric else "Models",
            "bottom": "Publication date" if scatter else "Publication year",
        }
        style = {"color": colours.text.name(), "font-size": self._size_text(1.0)}
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(_pen(colours.muted))
            axis.setTextPen(_pen(colours.text))
            axis.setStyle(tickFont=self._font())
            # A log axis of FLOP reads 10²³, never "(x1e+24)". pyqtgraph 0.14 applies its SI
            # prefix whenever the label is shown, even with the prefix turned off, so no range
            # of values is left where it applies.
            axis.setSIPrefixEnableRanges(((math.inf, math.inf),))
            axis.enableAutoSIPrefix(False)  # recomputes the prefix: none, with those ranges
            axis.setLabel(labels[side], **style)
        item.getAxis("left").setLogMode(scatter)
        item.showGrid(x=scatter, y=True, alpha=0.35 if colours.dark else 0.25)
        self._legend.setBrush(pg.mkBrush(_with_alpha(colours.background, 0.85)))
        self._legend.setPen(_pen(colours.grid))
        self._legend.setLabelTextColor(colours.text)

    def _draw_scatter(self, series: ScatterSeries, colours: ChartColours) -> None:
        plain = [p for p in series.points if not p.curated]
        curated = [p for p in series.points if p.curated]
        self._points = {p.entry_id: p for p in series.points}
        item = self.getPlotItem()
        for points, size, symbol, brush, pen, name in (
            (plain, POINT_SIZE, "o", colours.point, colours.point_edge, "Notable AI models"),
            (curated, CURATED_SIZE, "star", colours.curated, colours.curated_edge, CURATED_LABEL),
        ):
            scatter = pg.ScatterPlotItem(
                x=np.fromiter((p.x for p in points), float, len(points)),
                y=np.fromiter((math.log10(p.y) for p in points), float, len(points)),
                data=[p.entry_id for p in points],
                size=size,
                symbol=symbol,
                brush=pg.mkBrush(brush),
                pen=_pen(pen, 1.0),
                hoverable=False,
            )
            scatter.sigClicked.connect(self._on_points_clicked)
            item.addItem(scatter)
            self._legend.addItem(scatter, f"{name} ({len(points):,})")
            self._scatter_items.append(scatter)
        self._mark_item = pg.ScatterPlotItem(
            size=MARK_SIZE, symbol="o", brush=pg.mkBrush(None), pen=_pen(colours.text, 2.0)
        )
        self._mark_item.sigClicked.connect(self._on_points_clicked)  # the ring is on top
        item.addItem(self._mark_item)
        self.set_marked(self._marked)

    def _draw_bars(self, counts: YearCounts, colours: ChartColours) -> None:
        self._points = {}
        item = self.getPlotItem()
        years = np.array(counts.years, dtype=float)
        bottom = np.zeros(len(counts.years))
        for index, row in enumerate(counts.counts):
            heights = np.array(row, dtype=float)
            bars = pg.BarGraphItem(
                x=years,
                height=heights,
                y0=bottom.copy(),
                width=BAR_WIDTH,
                brush=pg.mkBrush(colours.series_colour(index)),
                pen=_pen(colours.background, 0.5),
            )
            item.addItem(bars)
            self._bar_items.append(bars)
            bottom += heights
        # The legend lists the groups top of the stack first, as they stand on the chart.
        for bars, group in reversed(list(zip(self._bar_items, counts.groups, strict=True))):
            self._legend.addItem(bars, group)

    # --- what is under the cursor ----------------------------------------------------------------

    def point_at(self, scene_pos: QPointF) -> ChartPoint | None:
        """The model drawn at ``scene_pos`` (the atlas's own models first: they are on top)."""
        for scatter in reversed(self._scatter_items):
            hits = scatter.pointsAt(scatter.mapFromScene(scene_pos))
            if len(hits):
                return self._points.get(hits[0].data())
        return None

    def tooltip_at(self, scene_pos: QPointF) -> str:
        """The tooltip for ``scene_pos``: the model there, or the bar part; "" for nothing."""
        if self._scatter is not None:
            point = self.point_at(scene_pos)
            return point.tooltip(self._scatter.metric) if point is not None else ""
        if self._counts is not None and self._counts.years:
            return self._bar_tooltip(self.getPlotItem().vb.mapSceneToView(scene_pos))
        return ""

    def _bar_tooltip(self, at: QPointF) -> str:
        counts = self._counts
        assert counts is not None
        year_index = round(at.x()) - counts.years[0]
        if not 0 <= year_index < len(counts.years) or abs(at.x() - round(at.x())) > BAR_WIDTH / 2:
            return ""
        bottom = 0
        for group_index, row in enumerate(counts.counts):
            top = bottom + row[year_index]
            if row[year_index] and bottom <= at.y() < top:
                return counts.tooltip(group_index, year_index)
            bottom = top
        return ""

    def point_scene_pos(self, entry_id: str) -> QPointF | None:
        """Where the point of ``entry_id`` is drawn, in scene coordinates (None if not drawn)."""
        point = self._points.get(entry_id)
        if point is None or not self._scatter_items:
            return None
        self.getPlotItem().vb.prepareForPaint()  # a range change not painted yet is applied
        scene_pos: QPointF = self._scatter_items[0].mapToScene(
            QPointF(point.x, math.log10(point.y))
        )
        return scene_pos

    def hover_text(self) -> str:
        """The tooltip last shown for the cursor ("" when it is over nothing)."""
        return self._hover_text

    @Slot(object)
    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        text = self.tooltip_at(scene_pos)
        if text == self._hover_text:
            return
        self._hover_text = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    @Slot(object, object, object)
    def _on_points_clicked(self, _item: object, points: Sequence[object], _event: object) -> None:
        if len(points):
            entry_id = points[0].data()  # type: ignore[attr-defined]
            if entry_id:
                self.point_clicked.emit(str(entry_id))

    # --- export ----------------------------------------------------------------------------------

    def copy_view(self, other: ChartPlot) -> None:
        """Show the range ``other`` shows, if its reader zoomed or panned (else: everything)."""
        box = other.getPlotItem().vb
        if all(box.autoRangeEnabled()):
            return
        x_range, y_range = box.viewRange()
        self.getPlotItem().vb.setRange(xRange=x_range, yRange=y_range, padding=0)

    def render_plot(self, painter: QPainter, target: QRectF, device_scale: float) -> None:
        """Paint the plot into ``target`` (painter coordinates), laid out at that size.

        ``device_scale``: device pixels per painter unit, so that pyqtgraph sizes the symbols
        (which it draws in device pixels) as on the screen.
        """
        item = self.getPlotItem()
        item.setGeometry(QRectF(0, 0, target.width(), target.height()))
        item.layout.activate()
        item.vb.updateViewRange()
        items = [i for i in self.scene().items() if hasattr(i, "setExportMode")]
        options = {"antialias": True, "painter": painter, "resolutionScale": device_scale}
        for each in items:
            each.setExportMode(True, options)
        try:
            self.scene().render(painter, target, item.sceneBoundingRect())
        finally:
            for each in items:
                each.setExportMode(False)


def _with_alpha(colour: QColor, alpha: float) -> QColor:
    copy = QColor(colour)
    copy.setAlphaF(alpha)
    return copy
