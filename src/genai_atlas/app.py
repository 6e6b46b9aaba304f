"""Starts the desktop app: the QApplication, the crash hook, the database and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__, resources
from .data import AtlasError, open_atlas

ORGANISATION_NAME = "GenAI Atlas"


def application() -> QApplication:
    """The QApplication, created with the app's names and high-DPI policy if not there yet."""
    app = QApplication.instance()
    if app is None:
        # Qt 6 always scales for high DPI; pass fractional factors (125 %, 150 %) through exactly.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # Before anything creates a QSettings: these names decide where settings are stored.
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = resources.asset_path("icon.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(search_text: str = "") -> int:
    """Open the atlas in the main window; return the exit code (1 if the database is unusable)."""
    app = application()
    path = resources.database_path()
    try:
        atlas = open_atlas(path)
    except AtlasError as error:
        from PySide6.QtWidgets import QMessageBox  # only on this path; costs ~6 ms to load

        QMessageBox.critical(None, f"{APP_NAME} cannot start", str(error))
        return 1

    from .settings import Settings
    from .ui.crash_hook import make_excepthook
    from .ui.main_window import MainWindow

    window = MainWindow(atlas, Settings())
    # A bug in a slot must not kill the app silently: show a report that can be copied.
    sys.excepthook = make_excepthook(lambda: window)
    # Qt swaps the palette when the system switches light/dark; the panes re-render on the palette
    # change, and this covers platforms that only announce the new scheme.
    app.styleHints().colorSchemeChanged.connect(window.refresh_theme)
    if search_text:
        window.start_search(search_text)
    window.show()
    try:
        return app.exec()
    finally:
        atlas.close()
