"""File ▸ Import Model Data… and File ▸ Remove Imported Model Data…: Epoch AI's dataset.

The import runs off the GUI thread through the window's ``BackgroundWork`` (``QueryOp``), with a
progress dialog whose Cancel button stops it; the data layer does it in one transaction
(``model_data.import_epoch``), so a cancelled or failed import leaves the previous data as it
was. At the end a dialog shows the counts, and under "Show Details…" each skipped row with its
line number and reason.

The feature owns the model data store (``model-data.sqlite3`` beside the library), opened on
first use; :meth:`ModelDataFeature.data` gives it to other features (the catalogue, charts),
and :attr:`ModelDataFeature.changed` tells them when an import or a removal changed it. The
modal dialogs sit behind ``ModelDataDialogs`` so tests replace them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..data import echo
from ..data.model_data import (
    PROGRESS_TOTAL,
    ImportCancelled,
    ModelData,
    import_epoch,
    open_model_store,
)
from ..data.model_dataset import dataset_of
from ..data.model_records import (
    EPOCH_SOURCE_URL,
    ImportReport,
    attribution_line,
    report_details,
    report_summary,
)
from .features import MenuKey
from .library_file_actions import LibraryFileDialogs, default_folder
from .operations import QueryOp, Task

if TYPE_CHECKING:
    from .features import FeatureHost

FILE_FILTER = "CSV files (*.csv);;All files (*)"
IMPORT_TITLE = "Import Model Data"
REMOVE_TITLE = "Remove Imported Model Data"
CANCELLED = "The import was cancelled; the model data is as it was before."


class ModelDataDialogs(LibraryFileDialogs):
    """The real modal dialogs: the library actions' file dialogs and error box, a report with
    details and a confirmation. Tests pass an object with the same methods."""

    def report(self, parent: QWidget | None, title: str, text: str, details: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and reasons come from the file
        if details:
            box.setDetailedText(details)
        box.exec()

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(
            parent, title, text, buttons, QMessageBox.StandardButton.Cancel
        )
        return answer == QMessageBox.StandardButton.Yes


def report_text(report: ImportReport) -> tuple[str, str]:
    """(the dialog's text, its details): counts and attribution; skipped rows and remarks."""
    text = "\n".join([*report_summary(report), "", attribution_line(report.info)])
    return text, "\n".join(report_details(report))


class _StoreHolder:
    """The store, opened on first use and closed with the feature (a plain object, so that the
    feature's ``destroyed`` signal can still call it)."""

    def __init__(self, data: ModelData | None) -> None:
        self.data = data

    def close(self) -> None:
        if self.data is not None:
            self.data.close()


class ModelDataFeature(QObject):
    """The two File-menu actions, the work they start (one at a time) and the store."""

    # The model data changed (an import or a removal committed): views of it reload.
    changed = Signal()
    # The message shown when an import or removal ended, whatever the outcome (tests, status).
    finished = Signal(str)

    def __init__(
        self,
        host: FeatureHost,
        dialogs: ModelDataDialogs | None = None,
        data: ModelData | None = None,
    ) -> None:
        super().__init__(host.window())
        self._host = host
        self.dialogs = dialogs or ModelDataDialogs()
        self._holder = _StoreHolder(data)
        self.destroyed.connect(self._holder.close)
        self._running: QueryOp[object] | None = None
        # Cancel asks the import to stop; the operation itself is not cancelled, so whichever
        # comes first, the commit or the stop, is what the reader is told.
        self._stop = threading.Event()
        self.progress_dialog: QProgressDialog | None = None
        window = host.window()
        self.import_action = QAction("Import &Model Data…", window)
        self.import_action.setObjectName("importModelDataAction")
        self.import_action.setStatusTip(
            "Import Epoch AI's “Notable AI Models” CSV, downloaded from epoch.ai"
        )
        self.import_action.triggered.connect(self.import_model_data)
        self.remove_action = QAction("Remove Imported Model Data…", window)
        self.remove_action.setObjectName("removeModelDataAction")
        self.remove_action.setStatusTip("Remove every imported model; your library is kept")
        self.remove_action.triggered.connect(self.remove_model_data)
        host.add_menu_actions(MenuKey.FILE, [self.import_action, self.remove_action])

    @property
    def actions(self) -> list[QAction]:
        return [self.import_action, self.remove_action]

    def data(self) -> ModelData:
        """The imported model data, its store opened on first call (on the GUI thread)."""
        if self._holder.data is None:
            store = open_model_store()
            self._holder.data = ModelData.for_atlas(store, self._host.library.atlas)
            for notice in store.notices:
                self._host.status(notice)
        return self._holder.data

    def _show_in_atlas(self) -> None:
        """Give the atlas what the store now holds, so every view and search shows it."""
        self._host.library.atlas.set_dataset(dataset_of(self.data()))

    def is_busy(self) -> bool:
        return self._running is not None

    # --- import --------------------------------------------------------------------------------

    @Slot()
    def import_model_data(self) -> None:
        path = self.dialogs.open_path(
            self._host.window(), IMPORT_TITLE, default_folder(), FILE_FILTER
        )
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        data = self.data()
        shown = echo(path, limit=160)
        stop = self._stop = threading.Event()

        def work(task: Task) -> object:
            # task.is_cancelled: the window is closing (BackgroundWork.shutdown).
            return import_epoch(
                data,
                path,
                progress=task.report,
                cancelled=lambda: stop.is_set() or task.is_cancelled(),
            )

        def done(report: object) -> None:
            assert isinstance(report, ImportReport)
            self._show_in_atlas()
            self.changed.emit()
            text, details = report_text(report)
            self._host.status(report_summary(report)[0])
            self.dialogs.report(self._host.window(), IMPORT_TITLE, text, details)
            self.finished.emit(text)

        op = self._start(work, done, IMPORT_TITLE, f"Nothing was imported from {shown}")
        if op is None:
            return
        dialog = QProgressDialog(
            f"Importing {echo(path.rsplit('/', 1)[-1], limit=80)}…",
            "Cancel",
            0,
            PROGRESS_TOTAL,
            self._host.window(),
        )
        dialog.setObjectName("modelDataProgress")
        dialog.setWindowTitle(IMPORT_TITLE)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)  # a quick import flashes no dialog
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)
        op.with_progress(lambda done, total, _text: dialog.setValue(min(done, total)))
        self.progress_dialog = dialog

    @Slot()
    def cancel(self) -> None:
        """Stop the running import: nothing of it is saved (unless it was already saved)."""
        if self._running is not None and not self._stop.is_set():
            self._stop.set()
            self._host.status("Cancelling the import…", 0)

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()

    # --- removal -------------------------------------------------------------------------------

    @Slot()
    def remove_model_data(self) -> None:
        question = (
            "Remove every imported model and the details of the file they came from? Your "
            "bookmarks, notes and history are kept; the atlas's own models stay. You can "
            f"import the file from {EPOCH_SOURCE_URL} again at any time."
        )
        if self.dialogs.confirm(self._host.window(), REMOVE_TITLE, question):
            self.remove_all()

    def remove_all(self) -> None:
        data = self.data()

        def work(task: Task) -> object:
            task.check()
            return data.remove_all()

        def done(removed: object) -> None:
            assert isinstance(removed, int)
            self._show_in_atlas()
            self.changed.emit()
            if removed:
                message = f"Removed {removed:,} imported model{'s' if removed != 1 else ''}."
            else:
                message = "There was no imported model data to remove."
            self._host.status(message)
            self.finished.emit(message)

        self._start(work, done, REMOVE_TITLE, "The imported model data was not removed")

    # --- shared --------------------------------------------------------------------------------

    def _start(
        self,
        work: Callable[[Task], object],
        success: Callable[[object], None],
        title: str,
        failed: str,
    ) -> QueryOp[object] | None:
        if self._running is not None:
            self._host.status("Model data is still being imported; try again when it ends.")
            return None
        for action in self.actions:
            action.setEnabled(False)

        def succeeded(result: object) -> None:
            self._op_over()  # the actions work again before the report dialog shows
            success(result)

        def failure(error: Exception) -> None:
            self._op_over()
            if isinstance(error, ImportCancelled):  # as asked: no error dialog
                self._host.status(CANCELLED)
                self.finished.emit(CANCELLED)
                return
            message = f"{failed}: {error}"
            self._host.status(message)
            self.dialogs.error(self._host.window(), title, message)
            self.finished.emit(message)

        op: QueryOp[object] = QueryOp(parent=self, work=work, success=succeeded)
        op.failure(failure)
        op.done.connect(self._op_over)
        self._running = op
        self._host.status(f"{title}…", 0)
        op.run_in_background(self._host.background)
        return op

    @Slot()
    def _op_over(self) -> None:
        """The outcome is in (or the window is closing): close the progress, enable actions."""
        self._running = None
        self._close_progress()
        for action in self.actions:
            action.setEnabled(True)


def install_model_data(
    host: FeatureHost,
    dialogs: ModelDataDialogs | None = None,
    data: ModelData | None = None,
) -> ModelDataFeature:
    """Add File ▸ Import Model Data… and Remove Imported Model Data… to ``host``'s window."""
    return ModelDataFeature(host, dialogs, data)
