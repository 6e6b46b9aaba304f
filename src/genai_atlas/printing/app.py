"""A QGuiApplication for headless rendering (the CLI), created only when none exists."""

from __future__ import annotations

import os
import sys

_app: object = None  # keeps the application we create alive for the rest of the process


def ensure_gui_app(*, widgets: bool = False) -> object:
    """The running QGuiApplication, or a new one; off-screen when there is no display to use.

    ``widgets``: a QApplication, for work that builds widgets off screen (a chart's plot).

    On Linux and the BSDs the CLI never needs a window, so a display is used only if the user
    asked for a platform with QT_QPA_PLATFORM; this also avoids Qt aborting the process when
    $DISPLAY points at an X server that is gone.
    """
    global _app
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform not in ("win32", "darwin"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    argv = [sys.argv[0] if sys.argv else "genai-atlas"]
    if widgets:
        from PySide6.QtWidgets import QApplication  # only what draws widgets loads them

        _app = QApplication(argv)
    else:
        _app = QGuiApplication(argv)
    return _app
