"""Starts the desktop app: the QApplication, the crash hook, the library and the main window.

The library is the read-only atlas and the reader's own store (bookmarks, notes, history) in the
data folder. A store that cannot be opened for writing never stops the app: it opens read-only or
in memory, and its notices (a damaged file moved aside, and where) are shown once.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

# The data layer and the page renderer load here, before anything imports PySide6: once it is
# loaded, its import hook reads the source of every module imported after it, to look for
# "PySide6" in it (shibokensupport/feature.py, PYSIDE-2029), a few milliseconds for these.
from . import APP_ID, APP_NAME, __version__, resources
from .data import AtlasError, KnownError, open_atlas
from .data.library import Library
from .render import detail_html as _detail_html  # noqa: F401 - loaded early, see above

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .data.model_dataset import ModelDataset
    from .data.userdb import UserStore

ORGANISATION_NAME = "GenAI Atlas"
# How long the one notice about unsaved settings stays in the status bar.
NOTICE_TIMEOUT_MS = 30_000
# When the features left out of the first frame are installed if the window has not painted.
STARTUP_FALLBACK_MS = 500


def application() -> QApplication:
    """The QApplication, created with the app's names and high-DPI policy if not there yet."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

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
    from .settings import Settings, apply_location, settings_location

    # Before Qt reads the environment: with HOME unset it would keep settings at the root.
    location = settings_location(os.environ)
    apply_location(location, os.environ)
    app = application()
    path = resources.database_path()
    try:
        atlas = open_atlas(path)
    except AtlasError as error:
        from PySide6.QtWidgets import QMessageBox  # only on this path; costs ~6 ms to load

        QMessageBox.critical(None, f"{APP_NAME} cannot start", str(error))
        return 1

    from PySide6.QtCore import QTimer

    from .ui.crash_hook import make_excepthook
    from .ui.main_window import MainWindow

    # Imported model data (Epoch AI's) is read the first time a model or a search needs it.
    atlas.set_dataset_loader(_load_dataset)
    library = Library(atlas, open_store())
    settings = Settings() if location.config_folder is not None else Settings.for_this_run_only()
    # Menu entries and shortcuts that the first frame does not show are installed right after
    # it is painted (MainWindow.complete_startup); a window that is never painted (started
    # minimised) gets them a moment later.
    window = MainWindow(library, settings, defer=True)
    # A fault of the environment in a slot gets a plain message (a database that stopped working:
    # once, with Quit); a bug gets a report that can be copied. Neither dies silently.
    sys.excepthook = make_excepthook(lambda: window)
    # Qt swaps the palette when the system switches light/dark; the panes re-render on the palette
    # change, and this covers platforms that only announce the new scheme.
    app.styleHints().colorSchemeChanged.connect(window.refresh_theme)
    if search_text:
        window.start_search(search_text)
    window.show()
    QTimer.singleShot(STARTUP_FALLBACK_MS, window.complete_startup)
    # Said once per run, never on each save: the settings', then the library's.
    notices = [settings.storage_notice(__version__), *library.store.notices]
    notice = " ".join(text for text in notices if text)
    if notice:
        window.statusBar().showMessage(notice, NOTICE_TIMEOUT_MS)
    try:
        return app.exec()
    finally:
        library.close()  # the store and the atlas


def _load_dataset() -> ModelDataset | None:
    from .data.model_dataset import load_dataset  # with the first model shown, not at startup

    return load_dataset()


def open_store() -> UserStore:
    """The reader's store in the data folder; in memory, read-only, if it cannot be opened."""
    from .data.data_dir import library_path
    from .data.userdb_open import open_user_store

    try:
        return open_user_store(library_path())
    except KnownError as error:  # open_user_store moves a bad file aside; this is the rest
        store = open_user_store(None)
        store.notices = (f"Your library cannot be opened, so nothing is saved this run: {error}",)
        return store
