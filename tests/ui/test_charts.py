"""The charts as a reader uses them: points named under the cursor, a click opens the model,
light and dark palettes, and files that open (PNG, SVG with the attribution, PDF text)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from genai_atlas.data.chart_data import ChartKind
from genai_atlas.data.model_filter import ModelFilter
from tests.chart_models import ATTRIBUTION, sample_dataset

pytest.importorskip("pyqtgraph")

from genai_atlas.ui.charts.chart_widget import ChartWidget  # noqa: E402
from genai_atlas.ui.charts.charts_window import ChartsWindow  # noqa: E402


@pytest.fixture
def chart(qtbot) -> ChartWidget:  # type: ignore[no-untyped-def]
    widget = ChartWidget(sample_dataset())
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def view_pos(chart: ChartWidget, entry_id: str) -> QPoint:
    plot = chart.plot()
    scene_pos = plot.point_scene_pos(entry_id)
    assert scene_pos is not None, f"{entry_id} is not drawn"
    return plot.mapFromScene(scene_pos)


# QToolTip raises its window, which the offscreen plugin cannot do (a real display can).
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_point_under_the_cursor_is_named(chart: ChartWidget) -> None:
    plot = chart.plot()
    scene_pos = plot.point_scene_pos("model/heron-two")
    assert scene_pos is not None
    assert plot.tooltip_at(scene_pos) == (
        "Heron Two\nQuill Labs\n2022-11-30 · 3.1 × 10²³ FLOP\nDescribed in this atlas"
    )
    plot.scene().sigMouseMoved.emit(scene_pos)  # what the scene emits as the mouse moves
    assert plot.hover_text().startswith("Heron Two")
    plot.scene().sigMouseMoved.emit(scene_pos + QPointF(0, 200))
    assert plot.hover_text() == ""


def test_a_click_on_a_point_opens_that_model(qtbot, chart: ChartWidget) -> None:  # type: ignore[no-untyped-def]
    viewport = chart.plot().viewport()
    for entry_id in ("model/marten-vision", "model/heron-two"):
        with qtbot.waitSignal(chart.entry_activated, timeout=2000) as blocker:
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=view_pos(chart, entry_id))
        assert blocker.args == [entry_id]


def test_the_filter_leaves_out_models_and_says_so(chart: ChartWidget) -> None:
    chart.set_filter(ModelFilter(organisation="Pellucid AI"))
    assert chart.plot().point_scene_pos("model/heron-two") is None
    assert chart.plot().point_scene_pos("model/marten-vision") is not None
    assert chart.page_text().subtitle == "2 models drawn of 2 · Filter: Pellucid AI"
    assert chart.caption_lines()[0] == ATTRIBUTION


def test_models_per_year_name_the_bar_under_the_cursor(chart: ChartWidget) -> None:
    chart.set_kind(ChartKind.PER_YEAR_DOMAIN)
    box = chart.plot().getPlotItem().vb
    inside_2023_language = box.mapViewToScene(QPointF(2023, 0.5))
    assert chart.plot().tooltip_at(inside_2023_language) == (
        "2023: 1 model — Language\n2 in 2023 in all"
    )
    assert chart.plot().tooltip_at(box.mapViewToScene(QPointF(2019, 0.5))) == ""


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1b1d"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Link, "#7ab7ff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_chart_follows_a_palette_change(qtbot, chart: ChartWidget) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = chart.plot().colours()
    assert light is not None and not light.dark
    before = chart.plot().backgroundBrush().color().name()
    old = app.palette()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: chart.plot().colours().dark, timeout=2000)
        assert chart.plot().backgroundBrush().color().name() == "#1b1b1d"
        assert chart.plot().backgroundBrush().color().name() != before
        # Drawn again, the log axis still reads in powers of ten (pyqtgraph once rescaled it).
        axis = chart.plot().getPlotItem().getAxis("left")
        assert axis.autoSIPrefixScale == 1.0 and "x1e" not in axis.labelString()
        assert axis.tickStrings([24.0], 1.0, 1.0) == ["10²⁴"]
        image = QImage.fromData(chart.png_bytes())
        assert image.pixelColor(5, 5).name() == "#1b1b1d"  # the PNG shows what the screen shows
    finally:
        app.setPalette(old)


def test_png_export_is_a_real_picture(chart: ChartWidget) -> None:
    data = chart.png_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data)
    assert not image.isNull() and image.width() >= 1000
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, 1200, 29)}
    assert len(colours) > 10  # not blank: text, axes and points


def test_svg_export_parses_and_carries_the_attribution(chart: ChartWidget) -> None:
    data = chart.svg_bytes()
    root = ElementTree.fromstring(data)
    assert root.tag.endswith("svg")
    texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert ATTRIBUTION in texts
    assert "dated 2026-01-26" in texts
    assert "Training compute over time" in texts


def test_pdf_export_carries_the_attribution_and_file_date(chart: ChartWidget) -> None:
    data = chart.pdf_bytes()
    text = " ".join(pypdf.PdfReader(__import__("io").BytesIO(data)).pages[0].extract_text().split())
    assert ATTRIBUTION in text
    assert "notable-ai-models.csv, dated 2026-01-26" in text
    assert "Described in this atlas (1)" in text


class FakeDialogs:
    def __init__(self, path: str = "", accept_print: bool = True) -> None:
        self.path, self.accept_print = path, accept_print
        self.errors: list[str] = []
        self.printed_to: object = None

    def save_path(self, parent: object, caption: str, suggested: str, filters: str) -> str:
        self.suggested = suggested
        return self.path

    def print_dialog(self, printer, parent: object, note: object = None) -> bool:  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        # No real printer here: the accepted dialog "chose" printing to a PDF file.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.path)
        return self.accept_print

    def error(self, parent: object, title: str, text: str) -> None:
        self.errors.append(text)


def test_window_exports_through_its_buttons(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(str(tmp_path / "chart.svg"))
    window = ChartsWindow(sample_dataset(), dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show_chart(ChartKind.PARAMETERS)
    with qtbot.waitSignal(window.exported, timeout=5000):
        qtbot.mouseClick(window.button("svg"), Qt.MouseButton.LeftButton)
    assert dialogs.suggested == "parameters-over-time.svg"
    assert ATTRIBUTION in (tmp_path / "chart.svg").read_text(encoding="utf-8").replace(
        "&quot;", '"'
    )

    dialogs.path = str(tmp_path / "missing" / "chart.png")
    assert not window.export_png()
    assert dialogs.errors and "does not exist" in dialogs.errors[0]

    dialogs.path = str(tmp_path / "printed.pdf")
    assert window.print_chart()
    printed = pypdf.PdfReader(tmp_path / "printed.pdf").pages[0].extract_text()
    assert ATTRIBUTION in " ".join(printed.split())
    assert "Parameters over time" in " ".join(printed.split())


def test_window_without_data_says_how_to_import(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = ChartsWindow(sample_dataset(()), FakeDialogs())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    message = window.findChild(QLabel, "chartNoData")
    assert message is not None and message.isVisible()
    assert "genai-atlas import-epoch FILE" in message.text()
    assert not window.button("png").isEnabled()


def test_starting_the_main_window_does_not_load_pyqtgraph(
    atlas_db_path: Path, tmp_path: Path
) -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from genai_atlas.data import open_atlas\n"
        "from genai_atlas.data.library import Library\n"
        "from genai_atlas.data.userdb_open import open_user_store\n"
        "from genai_atlas.settings import Settings\n"
        "from genai_atlas.ui.main_window import MainWindow\n"
        f"atlas = open_atlas({str(atlas_db_path)!r})\n"
        f"store = open_user_store({str(tmp_path / 'library.sqlite3')!r})\n"
        f"settings = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "window = MainWindow(Library(atlas, store), settings)\n"
        "window.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyqtgraph', 'numpy')))\n"
        "window.close(); store.close(); atlas.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
