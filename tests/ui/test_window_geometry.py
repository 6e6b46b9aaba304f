"""The window fits the screen: its first size, restored geometry, and a long search (issue 8).

The offscreen platform's screen is 800x800; the 1280x800 cases resize the window to that size, as
on the laptop screen where a pasted search once widened the window to 1,701 px.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QToolButton, QWidget

from genai_atlas.render.theme import LIGHT
from genai_atlas.ui.main_window import MainWindow
from genai_atlas.ui.result_rows import Run, cut_lines, line_layouts
from genai_atlas.ui.search_results import PANEL_CHARS, message_html
from genai_atlas.ui.tabs.base import PANE_MIN_CHARS
from genai_atlas.ui.window_geometry import first_run_geometry, fit_on_screens

LAPTOP = QRect(0, 0, 1280, 800)
PASTE = "qzxv" * 50  # 200 characters in one word that matches nothing


def settle(window: MainWindow) -> None:
    """Run the layout requests a change queued, as the event loop would before painting."""
    for _ in range(3):
        QCoreApplication.processEvents()
    window.layout().activate()


def readable_width(window: MainWindow) -> int:
    return QFontMetrics(window.detail_pane().font()).averageCharWidth() * PANE_MIN_CHARS


# --- where the window opens ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("screen", "expected"),
    [(LAPTOP, QSize(1024, 640)), (QRect(0, 0, 2560, 1440), QSize(1200, 780))],
)
def test_first_run_takes_at_most_80_percent_centred(screen: QRect, expected: QSize) -> None:
    rect = first_run_geometry(screen)
    assert rect.size() == expected
    assert rect.center() == screen.center()


def test_a_window_saved_on_a_monitor_that_is_gone_comes_back() -> None:
    second_monitor = QRect(1280, 0, 1920, 1080)
    saved = QRect(1500, 100, 1600, 900)
    assert fit_on_screens(saved, [LAPTOP, second_monitor], LAPTOP) == saved  # still there
    back = fit_on_screens(saved, [LAPTOP], LAPTOP)  # unplugged
    assert LAPTOP.contains(back)
    assert back.size() == QSize(1280, 800)


def test_a_window_partly_off_screen_slides_in_and_shrinks() -> None:
    assert fit_on_screens(QRect(400, 200, 1000, 700), [LAPTOP], LAPTOP) == QRect(
        280, 100, 1000, 700
    )
    too_big = fit_on_screens(QRect(-50, -20, 3000, 2000), [LAPTOP], LAPTOP)
    assert too_big == LAPTOP


def test_first_run_window_fits_the_real_screen(qtbot, library, settings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() * 0.8 and window.height() <= area.height() * 0.8
    assert abs(window.geometry().center().x() - area.center().x()) <= 1
    assert abs(window.geometry().center().y() - area.center().y()) <= 1


def test_restored_geometry_is_moved_back_onto_the_screen(qtbot, library, settings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(library, settings)
    qtbot.addWidget(first)
    area = first.screen().availableGeometry()
    # As if saved on a monitor to the right that has since been unplugged, and taller than this.
    first.setGeometry(QRect(area.right() + 500, 40, 900, area.height() + 300))
    first.save_state()
    again = MainWindow(library, settings)
    qtbot.addWidget(again)
    assert area.contains(again.geometry())


# --- a long search at 1280x800 ------------------------------------------------------------------


@pytest.fixture
def laptop_window(qtbot, main_window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    main_window.resize(LAPTOP.size())
    assert main_window.navigate_to("model/gpt-4")
    settle(main_window)
    return main_window


def test_a_pasted_200_character_search_never_widens_the_window(qtbot, laptop_window) -> None:  # type: ignore[no-untyped-def]
    box = laptop_window.search_box
    QGuiApplication.clipboard().setText(PASTE)
    box.focus_search()
    box.field.paste()
    settle(laptop_window)
    panel = box.results_panel
    assert panel.message_text().startswith("No entries match")
    assert "(200 characters)" in panel.message_text()  # the search is quoted shortened
    assert laptop_window.width() <= LAPTOP.width()
    assert laptop_window.minimumSizeHint().width() <= LAPTOP.width()
    assert laptop_window.detail_pane().width() >= readable_width(laptop_window)
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    settle(laptop_window)
    assert box.text() == ""
    assert laptop_window.width() <= LAPTOP.width()


@pytest.mark.parametrize("size", [LAPTOP.size(), first_run_geometry(LAPTOP).size()])
@pytest.mark.parametrize("search", ["a", "diffusion"])  # "a": a hit in every kind, nine chips
def test_detail_pane_stays_readable_with_the_results_open(
    qtbot, laptop_window, size, search
) -> None:  # type: ignore[no-untyped-def]
    laptop_window.resize(size)
    laptop_window.search_box.start_search(search)
    settle(laptop_window)
    dock = laptop_window.search_box.results_dock
    assert dock.isVisible()
    assert laptop_window.width() == size.width()
    assert laptop_window.detail_pane().width() >= readable_width(laptop_window)
    # Every kind chip is on show inside the dock: they wrap onto lines instead of widening it.
    panel = laptop_window.search_box.results_panel
    chips_box = panel.findChild(QWidget, "searchChips")
    chips = [chip for chip in chips_box.findChildren(QToolButton) if chip.isVisible()]
    assert len(chips) == len(panel.chip_texts()) >= 5
    assert all(chips_box.rect().contains(chip.geometry()) for chip in chips)
    assert dock.width() >= QFontMetrics(panel.font()).averageCharWidth() * PANEL_CHARS * 0.8


# --- long texts in the results panel ----------------------------------------------------------


def test_the_quoted_search_is_shortened_and_breakable(atlas) -> None:  # type: ignore[no-untyped-def]
    from genai_atlas.data.search import search

    html = message_html(search(atlas, PASTE))
    assert "(200 characters)" in html
    longest = max(len(word) for word in html.replace("\u200b", " ").split())
    assert longest < 40  # a wrapped label can break it into lines of the dock's width


def test_a_snippet_too_long_for_its_row_ends_in_an_ellipsis(qapp) -> None:  # type: ignore[no-untyped-def]
    font = QFont()
    text = ((Run("Model GPT-4"),), (Run("a long snippet " * 30),))
    lines = cut_lines(line_layouts(text, LIGHT, font, 300), 300, reserve=12)
    assert [line.overflows for line in lines] == [False, True]
    assert [line.text for line in lines][0] == "Model GPT-4"
    assert lines[0].rect.width() == 300
    # The cut line stops after a whole letter, leaving room for the ellipsis, and says so.
    assert lines[1].text.endswith("\u2026") and not lines[1].text.endswith(" \u2026")
    assert ("a long snippet " * 30).startswith(lines[1].text[:-1])
    assert lines[1].rect.right() <= 300 - 4 - 12
    # The cut falls where the last whole letter shown ends, not at a fixed x through a letter.
    shown = QFontMetrics(font).horizontalAdvance(lines[1].text[:-1])
    assert abs(lines[1].rect.right() - (4 + shown)) <= 1
    assert lines[1].rect.top() >= lines[0].rect.bottom()


def test_the_compare_window_fits_the_screen(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    features = main_window.sheet_features
    features.basket.add("model/gpt-4")
    features.basket.add("model/claude")
    features.compare_basket_action.trigger()
    view = features.compare_views[-1]
    qtbot.addWidget(view)
    area = view.screen().availableGeometry()  # 800x800 offscreen: narrower than 900x600
    assert view.isVisible()
    assert view.width() <= area.width() * 0.8 and view.height() <= area.height() * 0.8
