"""Fixtures for the GUI tests: settings in a temporary INI file and a shown main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from genai_atlas.settings import Settings

# The offscreen platform plugin warns whenever a shown top-level window's size limits change; the
# warning is about the plugin, not the app (a real display never emits it).
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings stored in an INI file of this test only, never the user's real config."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def main_window(qtbot, library, settings):  # type: ignore[no-untyped-def]
    """A shown main window over the test's atlas and its library in the test's data folder."""
    from genai_atlas.ui.main_window import MainWindow

    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()  # before the library closes: a closing window may still read from it
