"""Edit ▸ Preferences (Ctrl+,): each preference applies at once, as a reader sees it, and is there
again in a new window (a fresh Settings over the same file)."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from genai_atlas.data.compare import comparison_table
from genai_atlas.settings import Settings
from genai_atlas.ui.appearance import DARK_COLOURS, ThemeChoice
from genai_atlas.ui.features import MenuKey
from genai_atlas.ui.main_window import MainWindow
from genai_atlas.ui.shortcuts_dialog import shortcut_rows

R = QPalette.ColorRole


@pytest.fixture
def preferences(qapp, main_window):  # type: ignore[no-untyped-def]
    preferences = main_window.preferences
    yield preferences
    preferences.appearance.apply(ThemeChoice.SYSTEM)  # later tests start from the system's look


@pytest.fixture
def reopen(qtbot, library, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A new window over the same settings file: what the next start of the app sees."""
    windows = []

    def make() -> MainWindow:
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(library, settings)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.preferences.appearance.apply(ThemeChoice.SYSTEM)
        window.close()


def _open_dialog(qtbot, window):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.preferences.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_preferences_is_in_the_edit_menu_and_the_shortcuts_list(main_window, preferences) -> None:  # type: ignore[no-untyped-def]
    menu = main_window.host.menu(MenuKey.EDIT)
    assert preferences.action in menu.actions()
    assert QKeySequence("Ctrl+,") in preferences.action.shortcuts()
    rows = dict(shortcut_rows(main_window.shortcut_actions()))
    assert "Ctrl+," in rows["Preferences"].split(", ")


def test_dark_theme_applies_at_once_and_in_the_next_window(
    qtbot, qapp, main_window, preferences, reopen
) -> None:  # type: ignore[no-untyped-def]
    system_base = qapp.palette().color(R.Base)
    main_window.navigate_to("model/gpt-4")
    dialog = _open_dialog(qtbot, main_window)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    assert qapp.palette().color(R.Base) == QColor(DARK_COLOURS[R.Base])
    assert qapp.style().name().lower() == "fusion"
    qapp.processEvents()  # the panes re-render on the posted palette change
    pane = main_window.detail_pane()
    assert pane.theme().dark and pane.theme().text in pane.toHtml()
    assert QColor(DARK_COLOURS[R.Text]) == pane.palette().color(R.Text)

    # Back to the system's colours, then a new start: the saved choice is applied again.
    preferences.appearance.apply(ThemeChoice.SYSTEM)
    assert qapp.palette().color(R.Base) == system_base
    window = reopen()
    assert window.preferences.theme is ThemeChoice.DARK
    assert qapp.palette().color(R.Base) == QColor(DARK_COLOURS[R.Base])


def test_follow_the_system_gives_back_the_systems_colours(qapp, main_window, preferences) -> None:  # type: ignore[no-untyped-def]
    before = qapp.palette().color(R.Window)
    preferences.set_theme(ThemeChoice.LIGHT)
    preferences.set_theme(ThemeChoice.DARK)
    assert qapp.palette().color(R.Window) != before
    preferences.set_theme(ThemeChoice.SYSTEM)
    assert qapp.palette().color(R.Window) == before
    assert main_window.host.settings.theme == "system"


def test_text_size_changes_the_pane_at_once_and_is_kept(
    qtbot, main_window, preferences, reopen
) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.detail_pane()
    normal = pane.font().pointSizeF()
    dialog = _open_dialog(qtbot, main_window)
    assert dialog.text_size_box.text() == "Normal"
    dialog.text_size_box.setValue(3)
    assert dialog.text_size_box.text() == "+3 pt"
    assert pane.font().pointSizeF() == normal + 3
    assert all(tab.detail_pane().font().pointSizeF() == normal + 3 for tab in main_window.tabs())

    window = reopen()
    assert window.detail_pane().font().pointSizeF() == normal + 3
    assert window.preferences.zoom_steps == 3


def test_paper_and_margins_are_what_an_exported_pdf_uses(
    qtbot, atlas, main_window, preferences, reopen, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_dialog(qtbot, main_window)
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A5"))
    for box, value in zip(dialog.margin_boxes, (30, 20, 10, 15), strict=True):
        box.setValue(value)
    table = comparison_table(atlas.get("comparison/overview"))

    def exported_page(window: MainWindow, name: str) -> tuple[tuple[int, int], float]:
        target = tmp_path / name
        assert window.sheet_features.printing.write_pdf(table, str(target))
        page = pypdf.PdfReader(str(target)).pages[0]
        lefts: list[float] = []
        page.extract_text(
            visitor_text=lambda text, cm, tm, _font, _size: (
                lefts.append(float(cm[0] * tm[4] + cm[4])) if text.strip() else None
            )
        )
        box = page.mediabox
        return (round(float(box.width)), round(float(box.height))), min(lefts)

    # A5 is 148 x 210 mm, 420 x 595 points; text starts at the 30 mm (85 pt) left margin.
    size, left = exported_page(main_window, "now.pdf")
    assert size == (420, 595)
    assert left == pytest.approx(30 / 25.4 * 72, abs=3)

    window = reopen()
    assert window.preferences.paper == "A5"
    assert window.preferences.margins_mm == (30.0, 20.0, 10.0, 15.0)
    assert exported_page(window, "next.pdf")[0] == (420, 595)


def test_clearing_recent_searches(qtbot, main_window, preferences, reopen) -> None:  # type: ignore[no-untyped-def]
    box = main_window.search_box
    box.start_search("difusion")
    qtbot.keyClick(box.field, Qt.Key.Key_Return)  # opening a hit remembers the search
    assert box.recent.items() == ["difusion"]
    dialog = _open_dialog(qtbot, main_window)
    assert dialog.recent_label.text() == "1 recent search kept"
    qtbot.mouseClick(dialog.clear_recent_button, Qt.MouseButton.LeftButton)
    assert box.recent.items() == []
    assert dialog.recent_label.text() == "None kept"
    assert not dialog.clear_recent_button.isEnabled()
    assert reopen().search_box.recent.items() == []


def test_an_unknown_saved_theme_reads_as_follow_the_system(settings) -> None:  # type: ignore[no-untyped-def]
    settings.store.setValue("appearance/theme", "neon")
    assert settings.theme == "system"
    assert ThemeChoice.parse("neon") is ThemeChoice.SYSTEM
