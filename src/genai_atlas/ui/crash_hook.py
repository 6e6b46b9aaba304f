"""The crash hook: a bug in a slot shows a report the user can copy, never a silent death.

Kept apart from the dialog so that installing the hook at startup loads no dialog widgets.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def make_excepthook(parent: Callable[[], QWidget | None] = lambda: None) -> ExceptHook:
    """A sys.excepthook that prints the report to stderr and shows it in a CrashDialog."""
    showing = False

    def hook(exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, tb)
            return
        from .crash_dialog import CrashDialog, crash_report

        report = crash_report(exc_type, error, tb)
        print(report, file=sys.stderr)
        if showing or QGuiApplication.instance() is None:
            return  # an error while the dialog is up goes to stderr only
        showing = True
        try:
            CrashDialog(report, parent()).exec()
        finally:
            showing = False

    return hook
