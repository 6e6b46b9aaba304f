"""The exception hook: a known fault gets a plain message, a bug gets a report it can copy.

Exceptions raised in a slot reach ``sys.excepthook``; this hook sorts them as qutebrowser's
``misc/sql.py`` sorts database errors into ``KnownError`` and ``BugError``:

- a fault of the environment (any ``KnownError``, which includes ``AtlasError``, or an
  ``OSError``) prints one line to stderr and shows a message that says what to do. A database
  that stopped working is told once per run, with Quit and Keep Open; after Keep Open, later
  failures only show a line in the status bar, so a user is not stopped on every click;
- anything else is a bug: the report goes to stderr and into a ``CrashDialog``.

Kept apart from the dialogs so that installing the hook at startup loads no dialog widgets.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from ..data import AtlasError

if TYPE_CHECKING:
    from .known_error_dialog import UserMessages

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

DATABASE_STATUS = "The atlas database cannot be read. Quit and start GenAI Atlas again."
STATUS_TIMEOUT_MS = 10_000


def make_excepthook(
    parent: Callable[[], QWidget | None] = lambda: None,
    messages: UserMessages | None = None,
    quit_app: Callable[[], None] = QCoreApplication.quit,
) -> ExceptHook:
    """A sys.excepthook for the GUI. ``messages`` shows the known faults (tests pass a fake);
    ``quit_app`` runs when the user picks Quit on the database message."""
    showing = False
    database_told = False

    def user_messages() -> UserMessages:
        nonlocal messages
        if messages is None:
            from .known_error_dialog import UserMessages

            messages = UserMessages()
        return messages

    def show_known_fault(error: BaseException, text: str) -> None:
        nonlocal database_told
        window = parent()
        if not isinstance(error, AtlasError):
            user_messages().known_error(window, text)
        elif not database_told:
            database_told = True
            if user_messages().database_unusable(window, text):
                quit_app()
        elif isinstance(window, QMainWindow):
            window.statusBar().showMessage(DATABASE_STATUS, STATUS_TIMEOUT_MS)

    def show_crash(report: str) -> None:
        from .crash_dialog import CrashDialog

        dialog = CrashDialog(report, parent())
        dialog.exec()
        dialog.deleteLater()

    def hook(exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, tb)
            return
        from .known_error_dialog import is_known_fault, known_fault_text

        show: Callable[[], None]
        if is_known_fault(error):
            text = known_fault_text(error)
            print(f"genai-atlas: {text}", file=sys.stderr)  # one line, no traceback
            show = partial(show_known_fault, error, text)
        else:
            from .crash_dialog import crash_report

            report = crash_report(exc_type, error, tb)
            print(report, file=sys.stderr)
            show = partial(show_crash, report)
        if showing or QGuiApplication.instance() is None:
            return  # an error while a dialog is up goes to stderr only
        showing = True
        try:
            show()
        finally:
            showing = False

    return hook
