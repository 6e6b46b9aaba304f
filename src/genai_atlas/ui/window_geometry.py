"""Where the main window opens: sized to the screen on first run, kept on a screen afterwards.

Pure functions of rectangles, so they are tested without real monitors; ``MainWindow`` passes in
its screens' available areas (the screen less panels and docks).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize

FIRST_RUN_SIZE = QSize(1200, 780)  # enough for the list, the detail pane and a results dock
FIRST_RUN_SHARE = 0.8  # of the available area, at most, on a screen smaller than that
MIN_VISIBLE = 0.5  # a restored window less visible than this moves back onto a screen


def first_run_geometry(available: QRect, preferred: QSize = FIRST_RUN_SIZE) -> QRect:
    """``preferred`` shrunk to at most 80% of ``available`` each way, centred on it."""
    size = preferred.boundedTo(
        QSize(int(available.width() * FIRST_RUN_SHARE), int(available.height() * FIRST_RUN_SHARE))
    )
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(available.center())
    return rect


def fit_on_screens(rect: QRect, screens: Sequence[QRect], primary: QRect) -> QRect:
    """``rect`` (a saved window geometry) on the screen showing most of it, shrunk to fit it.

    A window that is mostly off every screen (saved on a monitor that is gone, or a resolution
    that shrank) is centred on ``primary`` instead.
    """
    best, shown = primary, 0
    for area in screens:
        overlap = area.intersected(rect)
        visible = overlap.width() * overlap.height() if overlap.isValid() else 0
        if visible > shown:
            best, shown = area, visible
    whole = max(rect.width() * rect.height(), 1)
    fitted = QRect(rect.topLeft(), rect.size().boundedTo(best.size()))
    if shown / whole < MIN_VISIBLE:
        fitted.moveCenter(best.center())
        return fitted
    # Slide it inside the area: right and bottom edges first, so the title bar (top left) wins.
    fitted.moveRight(min(fitted.right(), best.right()))
    fitted.moveBottom(min(fitted.bottom(), best.bottom()))
    fitted.moveLeft(max(fitted.left(), best.left()))
    fitted.moveTop(max(fitted.top(), best.top()))
    return fitted
