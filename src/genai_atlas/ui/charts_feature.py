"""Charts as a feature: View ▸ Charts…, a chart link above the detail pane, ``atlas:chart/…``.

Installed through the ``FeatureHost`` like every feature; nothing of pyqtgraph loads until the
first chart is shown (``ui/charts/`` is imported then). It adds:

- View ▸ Charts… (Ctrl+Shift+G), opening the Charts window on the chart last shown;
- the route for ``chart/<slug>`` ids: an ``atlas:chart/compute`` link in any detail pane (or
  ``host.navigate_to("chart/compute")``) opens that chart;
- above the detail pane, a link to the chart that shows an entry's claim (``TREND_CHARTS``), and
  for a model "Show on chart", which opens the compute chart with its point ringed;
- "Show on Chart" in the detail pane's context menu of a model.

The data come from ``load_dataset`` (the imported model data), read again each time the window
is opened, so an import made meanwhile shows. ``set_filter`` takes the Models tab's filter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from ..data import KnownError
from ..data.model_filter import ModelFilter
from .features import FeatureHost, MenuKey

if TYPE_CHECKING:
    from ..data.chart_data import ChartDataset, ChartKind
    from .charts.charts_window import ChartsWindow
    from .print_actions import SheetDialogs

DatasetLoader = Callable[[], "ChartDataset"]

# The Trends entries whose claim a chart shows: that models come to handle several formats at
# once is what the Multimodal share of models per year shows. No other trend of the article
# makes a claim these charts measure (none speaks of training compute or of model sizes), so no
# other trend links to one: a chart beside a claim it does not show would only look like proof.
# (The charts' data module loads with the first chart or chart link, not with the window.)
TREND_CHARTS: dict[str, str] = {
    "trend/multimodal-ai": "chart/per-year",
}
COMPUTE_CHART = "chart/compute"
SHOW_ON_CHART = "Show on Chart"


def chart_link_for(entry_id: str) -> tuple[str, str] | None:
    """(href, text) of the chart link above ``entry_id``'s pane, or None."""
    link_id = TREND_CHARTS.get(entry_id)
    if link_id is not None:
        from ..data.chart_data import ChartKind

        kind = ChartKind.from_link(link_id)
        assert kind is not None, link_id
        return f"atlas:{kind.link_id}", f"Chart: {kind.title} ▸"
    if entry_id.startswith("model/"):
        return f"atlas:{COMPUTE_CHART}?model={entry_id}", "Show on chart ▸"
    return None


class ChartLink(QLabel):
    """The link above a detail pane (a ``PaneSection``: told each entry the pane shows)."""

    def __init__(self, feature: ChartsFeature, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartLink")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(feature.open_link)
        self.hide()

    def show_entry(self, entry_id: str) -> None:
        link = chart_link_for(entry_id)
        if link is None:
            self.hide()
            return
        href, text = link
        self.setText(f'<a href="{href}">{text}</a>')
        self.setToolTip("Open the Charts window (imported Epoch AI data)")
        self.show()


class ChartsFeature(QObject):
    def __init__(
        self,
        host: FeatureHost,
        load_dataset: DatasetLoader,
        dialogs: SheetDialogs | None = None,
    ) -> None:
        super().__init__(host.window())
        self._host = host
        self._load = load_dataset
        self._dialogs = dialogs
        self._window: ChartsWindow | None = None
        self._filter = ModelFilter()
        self._kind: ChartKind | None = None  # the compute chart until another is shown
        self.action = QAction("&Charts…", host.window())
        self.action.setObjectName("chartsAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.action.setStatusTip("Charts of the imported model data")
        self.action.triggered.connect(lambda: self.open_chart(self.kind()))
        host.add_menu_actions(MenuKey.VIEW, [self.action])
        host.add_link_route("chart", self.open_link_id)
        host.add_pane_header_widget(lambda parent: ChartLink(self, parent))
        host.add_pane_context_actions(self._context_actions)

    # --- public ----------------------------------------------------------------------------------

    def window(self) -> ChartsWindow | None:
        """The Charts window, once one was opened."""
        return self._window

    def kind(self) -> ChartKind:
        """The chart last shown (the compute chart at first)."""
        from ..data.chart_data import ChartKind

        return self._kind if self._kind is not None else ChartKind.COMPUTE

    @Slot()
    def reload(self) -> None:
        """The imported data changed (an import or a removal): an open window shows it now."""
        if self._window is not None and self._window.isVisible():
            try:
                self._window.set_dataset(self._load())
            except KnownError as error:
                self._host.status(f"Charts: {error}")

    def set_filter(self, model_filter: ModelFilter) -> None:
        """The Models tab's filter: the charts show the models it lets through."""
        self._filter = model_filter
        if self._window is not None:
            self._window.set_filter(model_filter)

    def open_chart(self, kind: ChartKind, marked: str = "") -> ChartsWindow | None:
        """Show ``kind`` in the Charts window (made on first use), ``marked`` ringed."""
        try:
            dataset = self._load()
        except KnownError as error:  # the model data store cannot be read: say so, go on
            self._host.status(f"Charts: {error}")
            return None
        if self._window is None:
            from .charts.charts_window import ChartsWindow  # pyqtgraph loads here, once

            self._window = ChartsWindow(dataset, self._dialogs, self._host.window())
            self._window.entry_activated.connect(self._open_model)
        else:
            self._window.set_dataset(dataset)
        self._kind = kind
        self._window.set_filter(self._filter)
        self._window.show_chart(kind)
        self._window.set_marked(marked)
        self._window.show()
        self._window.raise_()
        self._window.activateWindow()
        return self._window

    @Slot(str)
    def open_link(self, href: str) -> None:
        """Open an ``atlas:chart/<slug>[?model=<id>]`` link."""
        self.open_link_id(href.removeprefix("atlas:"))

    def open_link_id(self, link_id: str) -> bool:
        """Open ``chart/<slug>[?model=<id>]``; False if it names no chart."""
        path, _, query = link_id.partition("?")
        from ..data.chart_data import ChartKind

        kind = ChartKind.from_link(path)
        if kind is None:
            return False
        marked = query.removeprefix("model=") if query.startswith("model=") else ""
        self.open_chart(kind, marked)
        return True

    # --- internals -------------------------------------------------------------------------------

    def _context_actions(self, entry_id: str) -> list[QAction | None]:
        if not entry_id.startswith("model/"):
            return []
        action = QAction(SHOW_ON_CHART, self)
        action.triggered.connect(lambda: self.open_link_id(f"{COMPUTE_CHART}?model={entry_id}"))
        return [action]

    @Slot(str)
    def _open_model(self, entry_id: str) -> None:
        if self._host.navigate_to(entry_id):
            main = self._host.window()
            main.raise_()
            main.activateWindow()


def imported_data_loader(host: FeatureHost) -> DatasetLoader:
    """Reads the imported model data (on the GUI thread: about 1,000 rows take milliseconds)."""

    def load() -> ChartDataset:
        from ..data.chart_data import read_imported_dataset

        return read_imported_dataset(host.library.atlas)

    return load


def install_charts(
    host: FeatureHost,
    load_dataset: DatasetLoader | None = None,
    dialogs: SheetDialogs | None = None,
) -> ChartsFeature:
    return ChartsFeature(host, load_dataset or imported_data_loader(host), dialogs)
