"""File ▸ Export Library… and File ▸ Import Library…: the reader's library as one JSON file.

Both run off the GUI thread through the window's ``BackgroundWork`` (``ui/operations.py``).
Export writes ``library_file.dumps(export_library(…))`` with ``export.files.atomic_write``: a
regular file only, written beside the target and renamed into place. Import reads a regular
file of at most ``MAX_FILE_BYTES``, checks all of it (``parse_library_file``) and merges it in
one transaction (``import_library``): a bad file says what is wrong, in one message, and changes
nothing. The modal dialogs sit behind ``LibraryFileDialogs`` so tests replace them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..data import echo
from ..data.input_file import Refusals, read_input_file
from ..data.library_file import (
    MAX_FILE_BYTES,
    ImportReport,
    LibraryFileError,
    dumps,
    export_library,
    import_library,
    parse_library_file,
)
from .features import MenuKey
from .operations import QueryOp, Task

if TYPE_CHECKING:
    from .features import FeatureHost

FILE_FILTER = "GenAI Atlas library (*.json);;All files (*)"
SUGGESTED_NAME = "genai-atlas-library.json"
EXPORT_TITLE = "Export Library"
IMPORT_TITLE = "Import Library"


class LibraryFileDialogs:
    """The real modal dialogs. Tests pass an object with the same four methods."""

    def save_path(self, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path

    def open_path(self, parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters)
        return path

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def report_text(report: ImportReport) -> str:
    """ "Imported 3 bookmarks, 1 folder, 2 notes (1 merged), 40 visits"."""
    notes = report.notes_added + report.notes_merged
    if not (report.bookmarks_added or report.folders_added or notes or report.visits_added):
        return "Nothing new to import: your library already has everything in the file."
    merged = f" ({report.notes_merged:,} merged)" if report.notes_merged else ""
    return (
        f"Imported {_count(report.bookmarks_added, 'bookmark', 'bookmarks')}, "
        f"{_count(report.folders_added, 'folder', 'folders')}, "
        f"{_count(notes, 'note', 'notes')}{merged}, "
        f"{_count(report.visits_added, 'visit', 'visits')}."
    )


_REFUSALS = Refusals(
    error=LibraryFileError,
    cannot_read="cannot read",
    cannot_import="cannot import",
    folder="choose a file.",
    not_regular="choose a library file.",
    too_large="more than a library file can be; it is not a GenAI Atlas library.",
)


def read_library_file(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; LibraryFileError
    naming the file and the problem otherwise.

    A FIFO or a device is refused before it is opened (reading one could block, or never end).
    """
    return read_input_file(path, limit, _REFUSALS)


def default_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class LibraryFileActions(QObject):
    """The two File-menu actions and the work they start (one at a time)."""

    # The message shown when an export or import ended, whatever the outcome (for tests and the
    # status bar).
    finished = Signal(str)

    def __init__(self, host: FeatureHost, dialogs: LibraryFileDialogs | None = None) -> None:
        super().__init__(host.window())
        self._host = host
        self.dialogs = dialogs or LibraryFileDialogs()
        self._running: QueryOp[object] | None = None
        window = host.window()
        self.export_action = QAction("Export &Library…", window)
        self.export_action.setObjectName("exportLibraryAction")
        self.export_action.setStatusTip("Save your bookmarks, notes and history in one file")
        self.export_action.triggered.connect(self.export_library)
        self.import_action = QAction("&Import Library…", window)
        self.import_action.setObjectName("importLibraryAction")
        self.import_action.setStatusTip("Merge a library file into yours; nothing is duplicated")
        self.import_action.triggered.connect(self.import_library)
        host.add_menu_actions(MenuKey.FILE, [self.export_action, self.import_action])

    @property
    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action]

    def is_busy(self) -> bool:
        return self._running is not None

    # --- export --------------------------------------------------------------------------------

    @Slot()
    def export_library(self) -> None:
        folder = default_folder()
        suggested = str(Path(folder) / SUGGESTED_NAME) if folder else SUGGESTED_NAME
        path = self.dialogs.save_path(self._host.window(), EXPORT_TITLE, suggested, FILE_FILTER)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        library = self._host.library
        # The atlas's connection belongs to this (the GUI) thread: its titles are read here,
        # so the worker finds them in the atlas's cache and never touches the connection.
        library.atlas.has("")

        def work(task: Task) -> object:
            from ..export.files import atomic_write

            data = dumps(export_library(library))
            task.check()
            return atomic_write(path, data)

        def done(written: object) -> None:
            self._ended(EXPORT_TITLE, f"Your library was exported to {written}.", error=False)

        self._start(work, done, EXPORT_TITLE, f"Cannot export to {echo(path, limit=160)}")

    # --- import --------------------------------------------------------------------------------

    @Slot()
    def import_library(self) -> None:
        path = self.dialogs.open_path(
            self._host.window(), IMPORT_TITLE, default_folder(), FILE_FILTER
        )
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        library = self._host.library
        library.atlas.has("")  # as for export: the worker must find the titles cached

        def work(task: Task) -> object:
            raw = read_library_file(path)
            data = parse_library_file(raw)
            task.check()  # cancelled before anything was written: nothing is
            return import_library(library, data)

        def done(report: object) -> None:
            assert isinstance(report, ImportReport)
            self._host.library_edited()  # stars, panels and note editors show what came in
            self._ended(IMPORT_TITLE, report_text(report), error=False)

        shown = echo(path, limit=160)
        self._start(work, done, IMPORT_TITLE, f"Nothing was imported from {shown}")

    # --- shared --------------------------------------------------------------------------------

    def _start(
        self,
        work: Callable[[Task], object],
        success: Callable[[object], None],
        title: str,
        failed: str,
    ) -> None:
        if self._running is not None:
            self._host.status("An export or import is still running; try again when it ends.")
            return
        for action in self.actions:
            action.setEnabled(False)

        def failure(error: Exception) -> None:
            self._ended(title, f"{failed}: {error}", error=True)

        op: QueryOp[object] = QueryOp(parent=self, work=work, success=success)
        op.failure(failure)
        op.done.connect(self._op_over)
        self._running = op
        self._host.status(f"{title}…", 0)
        op.run_in_background(self._host.background)

    @Slot()
    def _op_over(self) -> None:
        self._running = None
        for action in self.actions:
            action.setEnabled(True)

    def _ended(self, title: str, message: str, error: bool) -> None:
        self._host.status(message)
        if error:
            self.dialogs.error(self._host.window(), title, message)
        else:
            self.dialogs.information(self._host.window(), title, message)
        self.finished.emit(message)


def install_library_file_actions(
    host: FeatureHost, dialogs: LibraryFileDialogs | None = None
) -> LibraryFileActions:
    """Add File ▸ Export Library… and File ▸ Import Library… to ``host``'s window."""
    return LibraryFileActions(host, dialogs)
