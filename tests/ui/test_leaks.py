"""Opening and closing the print dialog, print preview and compare window leaves nothing behind.

Each Ctrl+P then Cancel used to leave a QPrintDialog (and its printer list, ~0.5 MB) under the
main window until it closed (issue 8). These tests open the REAL dialogs through the window's own
actions, cancel them as a person would (a timer rejects the active modal dialog), and count the
window's child objects, the application's top-level widgets and the live printers before and
after 50 rounds.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QAbstractAnimation, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

ROUNDS = 50


def settle() -> None:
    """Run deferred deletes (deleteLater) and collect Python garbage, as an idle loop would."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()


def census(window: QObject) -> tuple[int, int, int]:
    """The window's child objects, the top-level widgets, and the printers still alive (a
    QPrinter is no QObject; PySide kept each one a sheet was measured on, ~30 kB a preview)."""
    settle()
    printers = sum(1 for thing in gc.get_objects() if type(thing).__name__ == "QPrinter")
    # The main window layout's geometry animations come and go with relayouts (one made at
    # startup lingers until the next); they are Qt's own, not something a dialog left behind.
    children = [c for c in window.findChildren(QObject) if not isinstance(c, QAbstractAnimation)]
    return len(children), len(QApplication.topLevelWidgets()), printers


def cancel_next_dialog(seen: list[str], tries: int = 400) -> None:
    """Reject the next modal dialog to open (the Cancel button), recording its class name."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(type(dialog).__name__)
            dialog.reject()
        elif left > 0:  # not shown yet: look again shortly, for about two seconds at most
            QTimer.singleShot(5, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


@pytest.fixture
def sheet_window(main_window):  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("comparison/overview")
    return main_window


@pytest.mark.parametrize(
    ("action", "dialog"),
    [("print_action", "QPrintDialog"), ("preview_action", "QPrintPreviewDialog")],
)
def test_cancelled_print_dialogs_leave_no_objects(sheet_window, action: str, dialog: str) -> None:  # type: ignore[no-untyped-def]
    trigger = getattr(sheet_window.sheet_features.print_actions, action).trigger
    seen: list[str] = []
    for _ in range(2):  # the first opening loads print support and caches the printer list
        cancel_next_dialog(seen)
        trigger()
    before = census(sheet_window)
    for _ in range(ROUNDS):
        cancel_next_dialog(seen)
        trigger()
    after = census(sheet_window)
    assert seen == [dialog] * (ROUNDS + 2)  # the real dialog opened, and was cancelled, each time
    assert after == before


def test_closed_compare_windows_leave_no_objects(sheet_window) -> None:  # type: ignore[no-untyped-def]
    features = sheet_window.sheet_features
    features.basket.add("model/gpt-4")
    features.basket.add("model/claude")

    def open_and_close() -> None:
        features.compare_basket_action.trigger()
        view = features.compare_views[-1]
        assert view.isVisible() and view.windowTitle().startswith("Compare")
        QCoreApplication.processEvents()
        view.close()

    open_and_close()
    before = census(sheet_window)
    for _ in range(ROUNDS):
        open_and_close()
    after = census(sheet_window)
    assert features.compare_views == []
    assert after == before
