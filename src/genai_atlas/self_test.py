"""``genai-atlas --self-test``: checks an installation headlessly, one printed line per check.

It runs the same code paths as the app (the data layer, search, every tab, printing, a chart)
against the database that ships with this installation, in the venv, a wheel install or the
PyInstaller bundle. Each check is a small function; add one by appending to ``CHECKS``. A check
returns an optional detail for its line, raises ``Skipped`` when the feature it needs is not part
of this build, and fails by raising anything else. The first failure stops the run with exit
code 1.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

SEARCHES = ("diffusion", "transformer", "GPT")
MISSPELT = "difusion"


class Skipped(Exception):
    """The check does not apply to this build; the message says why."""


@dataclass
class State:
    """What earlier checks hand to later ones (the open atlas, the QApplication, a temp folder)."""

    workdir: Path
    atlas: Any = None
    library: Any = None
    app: Any = None
    window: Any = None
    qt_messages: list[str] = field(default_factory=list)


# --- the checks --------------------------------------------------------------------------------


def check_database_opens(state: State) -> str:
    from .data import open_atlas
    from .resources import database_path

    state.atlas = open_atlas(database_path())
    connection = state.atlas.connection
    # A write must be refused; the transaction is rolled back should it ever succeed.
    connection.execute("BEGIN")
    try:
        connection.execute("CREATE TABLE main._self_test_probe (x)")
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error).replace("-", ""):
            raise
    else:
        raise AssertionError("the database accepted a write; it must be opened read-only")
    finally:
        connection.execute("ROLLBACK")
    return str(state.atlas.path)


def check_schema_and_integrity(state: State) -> str:
    from .data.schema import SCHEMA_VERSION

    version = state.atlas.connection.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        raise AssertionError(f"schema version {version}, expected {SCHEMA_VERSION}")
    result = state.atlas.quick_check()
    if result != "ok":
        raise AssertionError(f"PRAGMA quick_check says: {result}")
    return f"schema version {version}, quick_check ok"


def check_entries(state: State) -> str:
    from .data import EntryKind

    counts = {kind: len(state.atlas.list(kind)) for kind in EntryKind}
    empty = [kind.value for kind, count in counts.items() if count == 0]
    if empty:
        raise AssertionError(f"no entries of kind {', '.join(empty)}")
    return f"{sum(counts.values())} entries"


def check_search(state: State) -> str:
    try:
        from .data.search import search
    except ImportError:
        raise Skipped("genai_atlas.data.search is not part of this build") from None
    found = []
    for text in SEARCHES:
        hits = search(state.atlas, text).hits
        if not hits:
            raise AssertionError(f"searching for {text!r} found nothing")
        found.append(f"{text!r}: {len(hits)}")
    # A misspelling goes through the fuzzy matcher, an optional-looking import that must be there.
    corrected = search(state.atlas, MISSPELT).did_you_mean
    if not corrected:
        raise AssertionError(f"searching for {MISSPELT!r} offered no correction")
    found.append(f"{MISSPELT!r} -> {corrected!r}")
    return ", ".join(found)


def check_qt_starts(state: State) -> str:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from .app import application

    def keep(kind: QtMsgType, _context: object, message: str) -> None:
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            state.qt_messages.append(message)

    # Qt's own warnings (no XDG_RUNTIME_DIR under `env -i`, ...) are shown only if a check fails.
    qInstallMessageHandler(keep)
    # The app's own set-up: names, desktop file name and window icon, as when it starts.
    state.app = application()
    return f"Qt {_qt_version()}, platform {state.app.platformName()}"


def check_icon(state: State) -> str:
    from PySide6.QtGui import QIcon

    from .resources import asset_path

    path = asset_path("icon.svg")
    if not path.is_file():
        raise AssertionError(f"{path} is missing")
    for icon in (QIcon(str(path)), state.app.windowIcon()):
        if icon.pixmap(64, 64).isNull():
            raise AssertionError(f"{path} cannot be drawn (is the Qt SVG icon plugin missing?)")
    return path.name


def check_tabs(state: State) -> str:
    try:
        from .ui.main_window import MainWindow
    except ImportError:
        raise Skipped("genai_atlas.ui.main_window is not part of this build") from None
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTabWidget

    from .settings import Settings

    # Settings in the temporary folder: the self-test must not change the user's remembered state.
    store = QSettings(str(state.workdir / "settings.ini"), QSettings.Format.IniFormat)
    state.window = MainWindow(_library(state), Settings(store))
    tabs = state.window.findChild(QTabWidget)
    if tabs is None or tabs.count() == 0:
        raise AssertionError("the main window has no tabs")
    names = []
    for index in range(tabs.count()):
        # Tabs may build their content on first show; selecting each one builds it.
        tabs.setCurrentIndex(index)
        state.app.processEvents()
        if tabs.widget(index) is None:
            raise AssertionError(f"tab {tabs.tabText(index)!r} has no widget")
        names.append(tabs.tabText(index).replace("&", ""))
    return ", ".join(names)


def _library(state: State) -> Any:
    """A library over the open atlas with its store in the temporary folder (never the user's)."""
    if state.library is None:
        from .data.library import Library
        from .data.userdb_open import open_user_store

        state.library = Library(state.atlas, open_user_store(state.workdir / "library.sqlite3"))
    return state.library


def check_library(state: State) -> str:
    """The reader's store: made, migrated to the current version, written and read back."""
    from .data import EntryKind

    library = _library(state)
    first = state.atlas.list(EntryKind.MODEL)[0].id
    if not library.toggle_bookmark(first) or not library.is_bookmarked(first):
        raise AssertionError(f"a bookmark on {first} was not kept")
    library.record_visit(first)
    if [visit.entry_id for visit in library.history()] != [first]:
        raise AssertionError("a visit was not kept in the history")
    return f"version {library.store.version}"


def check_printing(state: State) -> str:
    try:
        from .data.compare import comparison_table
        from .printing.pdf import export_pdf, make_footer
    except ImportError:
        raise Skipped("genai_atlas.printing is not part of this build") from None
    from .data import EntryKind

    comparisons = state.atlas.list(EntryKind.COMPARISON)
    if not comparisons:
        raise AssertionError("there is no comparison to print")
    table = comparison_table(state.atlas.comparison(comparisons[0].id))
    target = state.workdir / "comparison.pdf"
    export_pdf(table, make_footer(table, state.atlas.info().data_version), target)
    data = target.read_bytes() if target.is_file() else b""
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise AssertionError(f"no complete PDF was written to {target}")
    return f"{comparisons[0].id}, {len(data) // 1024} KiB"


@dataclass(frozen=True)
class _InventedModel:
    """A model made up for the chart check: the facts a chart reads (``data.chart_data``)."""

    entry_id: str
    name: str
    publication_date: str
    training_compute_flop: float
    parameters: float | None = None
    organisations: tuple[str, ...] = ("Self-test Lab",)
    domains: tuple[str, ...] = ("Language",)
    accessibility: str = "API access"


# Invented names and figures, spread over years and orders of magnitude like the real field; the
# check needs no imported data and no user data folder.
_CHART_MODELS = (
    _InventedModel("model/self-test-alpha", "Self-test Alpha", "2017-06-12", 3.0e19),
    _InventedModel("model/self-test-beta", "Self-test Beta", "2019-02-14", 4.0e21),
    _InventedModel("model/self-test-gamma", "Self-test Gamma", "2020-05-28", 3.1e23),
    _InventedModel("model/self-test-delta", "Self-test Delta", "2022-04-04", 2.5e24),
    _InventedModel("model/self-test-epsilon", "Self-test Epsilon", "2023-03-15", 2.0e25),
)
MIN_CHART_COLOURS = 16  # a blank page has one; text, axes, grid and points give hundreds
MIN_CHART_INK = 0.01  # the share of the page that is not background
MIN_STAR_PIXELS = 20  # of the highlight colour, per star on the plot (a star is ~150 in the PNG)


def check_chart(state: State) -> str:
    """The compute chart of a few invented models, drawn headless to PNGs and looked at.

    The bundle must carry pyqtgraph and numpy (loaded here, as on the first chart) and the Qt
    parts they paint with. The chart is drawn twice over the same axes: with every model
    highlighted as the atlas's own (a star in the highlight colour), and with none (a plain
    point; the highlight colour is then only in the legend). The pixels of that colour that
    the first PNG has over the second are the stars on the plot: the points were painted.
    """
    try:
        from .cli.charts import render_chart
        from .data.chart_data import ChartDataset, ChartKind
        from .data.model_filter import ModelFilter
    except ImportError:
        raise Skipped("genai_atlas.ui.charts is not part of this build") from None

    def draw(curated: frozenset[str]) -> tuple[bytes, int]:
        dataset = ChartDataset(
            models=_CHART_MODELS,
            curated_ids=curated,
            attribution="Invented models, drawn by genai-atlas --self-test",
        )
        data, result = render_chart(dataset, ChartKind.COMPUTE, ModelFilter(), "png")
        return data, len(result.points)

    from .ui.charts.colours import paper_colours  # the colours render_chart's PNG is drawn in

    starred, drawn = draw(frozenset(model.entry_id for model in _CHART_MODELS))
    if drawn != len(_CHART_MODELS):
        raise AssertionError(f"the chart drew {drawn} of {len(_CHART_MODELS)} models")
    highlight = paper_colours().curated.rgb()
    width, height, colours, ink, stars = _look_at_png(starred, highlight)
    if colours < MIN_CHART_COLOURS or ink < MIN_CHART_INK:
        raise AssertionError(f"the PNG looks blank: {colours} colours, {ink:.1%} not background")
    plain = _look_at_png(draw(frozenset())[0], highlight)[4]
    if stars - plain < MIN_STAR_PIXELS * drawn:
        raise AssertionError(
            f"the points are not painted: {stars - plain} pixels of the highlight colour for "
            f"{drawn} stars"
        )
    import numpy
    import pyqtgraph  # type: ignore[import-untyped]

    return (
        f"pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}, {drawn} models, "
        f"{width}×{height} PNG, {len(starred) // 1024} KiB"
    )


def _look_at_png(data: bytes, colour: int) -> tuple[int, int, int, float, int]:
    """Width, height, distinct colours, the share of pixels unlike the top-left one (the
    background), and the pixels of ``colour`` (0xAARRGGBB) of a PNG Qt can read; else fails."""
    import numpy
    from PySide6.QtGui import QImage

    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise AssertionError("the chart is not a PNG")
    image = QImage.fromData(data)
    if image.isNull():
        raise AssertionError("the chart's PNG cannot be read back")
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    rows = numpy.frombuffer(image.constBits(), dtype=numpy.uint32)
    pixels = rows.reshape(height, image.bytesPerLine() // 4)[:, :width]
    ink = float(numpy.count_nonzero(pixels != pixels[0, 0])) / pixels.size
    return width, height, len(numpy.unique(pixels)), ink, int(numpy.count_nonzero(pixels == colour))


Check = Callable[[State], str | None]

CHECKS: list[tuple[str, Check]] = [
    ("database opens read-only", check_database_opens),
    ("schema version and quick_check", check_schema_and_integrity),
    ("entries of every kind", check_entries),
    ("searches find entries", check_search),
    ("Qt starts headless", check_qt_starts),
    ("app icon draws", check_icon),
    ("the reader's library saves", check_library),
    ("every tab builds", check_tabs),
    ("comparison sheet prints to PDF", check_printing),
    ("chart draws to PNG", check_chart),
]


# --- running them ------------------------------------------------------------------------------


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return str(qVersion())


def run_checks(checks: list[tuple[str, Check]], out: TextIO) -> int:
    """Run ``checks`` in order, printing one line each; 0 if all pass, 1 at the first failure.

    Each line is flushed as it is printed: a slow check shows where the run is, and an output
    that cannot be written stops the run at the first line instead of after every check.
    """
    # Headless unless the caller chose a platform, and before anything creates a QApplication.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="genai-atlas-self-test-") as workdir:
        state = State(workdir=Path(workdir))
        try:
            for name, check in checks:
                try:
                    detail = check(state)
                except Skipped as why:
                    print(f"skip {name}: {why}", file=out, flush=True)
                    continue
                except Exception as error:  # any failure is reported, not raised
                    print(f"FAIL {name}: {type(error).__name__}: {error}", file=out)
                    for message in state.qt_messages:
                        print(f"     Qt: {message}", file=out)
                    print(f"self-test: FAILED at '{name}'", file=out)
                    return 1
                print(f"ok   {name}" + (f" ({detail})" if detail else ""), file=out, flush=True)
        finally:
            _close(state)
    print("self-test: OK", file=out)
    return 0


def _close(state: State) -> None:
    if state.window is not None:
        state.window.close()
        state.window.deleteLater()
        state.window = None
    if state.library is not None:
        state.library.store.close()  # the atlas is closed below
    if state.atlas is not None:
        state.atlas.close()


def run_self_test() -> int:
    """The ``--self-test`` command: every check in ``CHECKS``, printed to stdout."""
    return run_checks(CHECKS, sys.stdout)
