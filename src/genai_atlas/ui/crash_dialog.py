"""The crash report: what a user sees instead of a silent death when the code has a bug."""

from __future__ import annotations

import platform
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__


def crash_report(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} ({platform.platform()})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        "",
        "".join(traceback.format_exception(exc_type, error, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} — unexpected error")
        intro = QLabel(
            f"{APP_NAME} ran into a bug. The report below says where; please copy it into a bug "
            "report. You can keep working, but what you just did may not have finished.",
            self,
        )
        intro.setWordWrap(True)
        self._text = QPlainTextEdit(report, self)
        self._text.setReadOnly(True)
        self._text.setAccessibleName("Crash report")
        self._text.setAccessibleDescription("The report to copy into a bug report")
        self._text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        copy = QPushButton("Copy report", self)
        copy.clicked.connect(self.copy_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._text)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def report(self) -> str:
        return self._text.toPlainText()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
