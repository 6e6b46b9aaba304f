"""The charts in the main window: View ▸ Charts…, the chart link above a trend, atlas:chart/…
links, Show on Chart for a model, and a click on a point opening that model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from genai_atlas.data.chart_data import ChartDataset, ChartKind
from genai_atlas.data.model_filter import ModelFilter
from genai_atlas.ui.features import MenuKey
from tests.chart_models import ATTRIBUTION, SAMPLE, fake

pytest.importorskip("pyqtgraph")
# The Charts window is raised when opened, which the offscreen plugin cannot do (a real display
# can); the marker is on each test, as the closest marker wins over tests/ui's own.
OFFSCREEN_RAISE = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", r"This plugin does not support propagateSizeHints\(\)"
)

# model/gpt-4 is one of the atlas's own models: an imported row matched to it keeps its id.
CURATED_ROW = fake("Some GPT", publication_date="2023-03-14", training_compute_flop=2e25)
CURATED_ROW = type(CURATED_ROW)(**{**CURATED_ROW.__dict__, "entry_id": "model/gpt-4"})
DATASET = ChartDataset(
    models=(*SAMPLE, CURATED_ROW),
    curated_ids=frozenset({"model/gpt-4"}),
    attribution=ATTRIBUTION,
    file_name="notable-ai-models.csv",
    file_date="2026-01-26",
)


@pytest.fixture
def charts(main_window):  # type: ignore[no-untyped-def]
    feature = main_window.charts
    feature._load = lambda: DATASET  # the imported data, as the model data store would give it
    return feature


@OFFSCREEN_RAISE
def test_view_menu_opens_the_charts(qtbot, main_window, charts) -> None:  # type: ignore[no-untyped-def]
    view_menu = main_window.host.menu(MenuKey.VIEW)
    assert charts.action in view_menu.actions()
    assert charts.window() is None  # nothing built before it is asked for
    charts.action.trigger()
    window = charts.window()
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.chart().kind() is ChartKind.COMPUTE
    assert window.chart().caption_lines()[0] == ATTRIBUTION


@OFFSCREEN_RAISE
def test_a_chart_link_routes_to_the_chart(qtbot, main_window, charts) -> None:  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("chart/per-year")
    window = charts.window()
    qtbot.addWidget(window)
    assert window.chart().kind() is ChartKind.PER_YEAR_DOMAIN
    assert not main_window.navigate_to("chart/nothing-here")


@OFFSCREEN_RAISE
def test_the_trend_pane_links_to_its_chart(qtbot, main_window, charts) -> None:  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("trend/multimodal-ai")
    frame = main_window.detail_pane().parentWidget()
    link = frame.findChild(QLabel, "chartLink")
    assert link is not None and link.isVisible()
    assert 'href="atlas:chart/per-year"' in link.text()
    link.linkActivated.emit("atlas:chart/per-year")
    qtbot.addWidget(charts.window())
    assert charts.window().chart().kind() is ChartKind.PER_YEAR_DOMAIN
    # a trend whose claim no chart shows has no chart link
    assert main_window.navigate_to("trend/future-outlook")
    assert not link.isVisible()


@OFFSCREEN_RAISE
def test_show_on_chart_rings_the_model_and_a_click_opens_it(qtbot, main_window, charts) -> None:  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("model/gpt-4")
    groups = main_window.host._pane_parts.context_menu_items("model/gpt-4")
    action = next(a for group in groups for a in group if a and a.text() == "Show on Chart")
    action.trigger()
    window = charts.window()
    qtbot.addWidget(window)
    window.resize(900, 600)
    qtbot.waitExposed(window)
    plot = window.chart().plot()
    assert plot._mark_item is not None and len(plot._mark_item.data) == 1

    charts.set_filter(ModelFilter(year_from=2023))
    assert window.chart().model_filter() == ModelFilter(year_from=2023)
    assert "Filter: since 2023" in window.findChild(QLabel, "chartFilter").text()

    assert main_window.navigate_to("trend/future-outlook")
    pos = plot.mapFromScene(plot.point_scene_pos("model/gpt-4"))
    with qtbot.waitSignal(window.entry_activated, timeout=2000) as clicked:
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert clicked.args == ["model/gpt-4"]
    qtbot.waitUntil(lambda: main_window.current_entry_id() == "model/gpt-4", timeout=2000)
