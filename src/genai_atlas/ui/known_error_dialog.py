"""Messages for known faults of the environment: plain words and what to do, never a traceback.

A bug gets the crash report (``crash_dialog``); a fault of the environment — the database gone or
changed, a full disk, a file that may not be written, no web browser — gets one of these. They
sit behind one small object, ``UserMessages``, so that widgets receive it as a collaborator and
tests pass a fake that records what would have been shown instead of running modal dialogs.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from .. import APP_NAME
from ..data import KnownError, echo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

# An address is shown whole when it is of a usual length; one from a damaged file is cut.
_ADDRESS_LIMIT = 300

_ADVICE = {
    errno.ENOSPC: "Free some disk space and try again.",
    errno.EDQUOT: "Free some space in your disk quota and try again.",
    errno.EACCES: "Choose a folder you may write to, or change the file's permissions.",
    errno.EPERM: "Choose a folder you may write to, or change the file's permissions.",
    errno.EROFS: "That disk is read-only: choose a folder on another disk.",
}


def is_known_fault(error: BaseException) -> bool:
    """A fault of the environment (a message to the user) rather than a bug (a crash report)."""
    return isinstance(error, (KnownError, OSError))


def known_fault_text(error: BaseException) -> str:
    """The sentence a user reads for a known fault: what went wrong and what to do."""
    if isinstance(error, KnownError):
        return str(error)
    if isinstance(error, OSError):
        reason = error.strerror or str(error) or type(error).__name__
        advice = _ADVICE.get(error.errno or 0, "Check the file and the folder, and try again.")
        if error.filename is not None:
            return f"{APP_NAME} could not use {echo(error.filename, 200)}: {reason}. {advice}"
        return f"{APP_NAME} ran into a problem with the system: {reason}. {advice}"
    return str(error)


def copy_address(url: str) -> None:
    QGuiApplication.clipboard().setText(url)


class UserMessages:
    """The dialogs a known fault shows. Each method takes the parent widget first.

    Tests replace this object with a fake that has the same three methods.
    """

    def known_error(self, parent: QWidget | None, text: str) -> None:
        """A plain warning with OK, for a fault a user can fix and retry (disk full, …)."""
        box = known_error_box(parent, text)
        box.exec()
        box.deleteLater()

    def database_unusable(self, parent: QWidget | None, text: str) -> bool:
        """The database stopped working: True when the user chose Quit, False for Keep Open."""
        box, quit_button = database_box(parent, text)
        box.exec()
        chose_quit = box.clickedButton() is quit_button
        box.deleteLater()
        return chose_quit

    def no_browser(self, parent: QWidget | None, url: str) -> None:
        """No web browser took the address: show it, with a button that copies it whole."""
        box = no_browser_box(parent, url)
        box.exec()
        box.deleteLater()


# The boxes are built by functions so that tests can read their text and press their buttons
# without running them modally.


def known_error_box(parent: QWidget | None, text: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # dialogs load when first needed

    box = QMessageBox(
        QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is shown, never read as markup
    return box


def database_box(parent: QWidget | None, text: str) -> tuple[QMessageBox, QAbstractButton]:
    """The box and its Quit button."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        f"{APP_NAME} — database unavailable",
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        f"What is already on screen stays readable, but nothing new can be opened until "
        f"{APP_NAME} is started again."
    )
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep Open", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    box.setEscapeButton(keep)
    return box, quit_button


def no_browser_box(parent: QWidget | None, url: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Information,
        f"{APP_NAME} — no web browser",
        "No web browser could be opened for this address. Copy it and open it in a browser "
        f"yourself:\n\n{echo(url, _ADDRESS_LIMIT)}",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # an address is shown, never read as markup
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton("Copy Address", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: copy_address(url))  # the whole address, not the shortened one
    box.addButton(QMessageBox.StandardButton.Close)
    return box
