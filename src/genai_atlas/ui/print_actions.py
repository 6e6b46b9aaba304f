"""Print…, Print Preview…, Export PDF/CSV/Markdown… and Copy as Markdown for a sheet.

``SheetPrinting`` does the work for one window; the modal dialogs it needs sit behind
``SheetDialogs`` so tests replace them instead of clicking through real dialogs. Printing loads
QtPrintSupport only when first used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from ..data import KnownError
from ..data.compare import CompareTable
from ..render.sheet import SheetNote
from ..settings import Settings

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QCheckBox

TableSource = Callable[[], CompareTable | None]
# The reader's notes on the entries of a sheet (the notes feature provides it; none without it).
NoteSource = Callable[[CompareTable], tuple[SheetNote, ...]]
INCLUDE_NOTE_TEXT = "Include my note"
PREVIEW_SHORTCUT = "Ctrl+Shift+P"  # as in Firefox on Linux; Qt has no standard key for it


@dataclass
class NoteChoice:
    """The "Include my note" box of one print or preview: the dialog sets ``checked``."""

    checked: bool
    text: str = INCLUDE_NOTE_TEXT


class SheetDialogs:
    """The real modal dialogs. Tests pass an object with the same four methods (``note`` is
    passed only when the sheet has a note to offer, so older stand-ins keep working)."""

    def save_path(self, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog  # dialogs load when first opened

        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path

    def print_dialog(
        self, printer: QPrinter, parent: QWidget | None, note: NoteChoice | None = None
    ) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog
        from PySide6.QtWidgets import QCheckBox, QVBoxLayout

        from .print_dialog_names import name_print_dialog_parts

        dialog = QPrintDialog(printer, parent)
        name_print_dialog_parts(dialog)
        box: QCheckBox | None = None
        if note is not None:
            # An "Options" tab of Qt's own dialog; the native Windows and macOS dialogs show no
            # extra tabs, and there the preview's toolbar box is the way to choose.
            tab = QWidget()
            tab.setWindowTitle("Note")
            box = QCheckBox(note.text, tab)
            box.setObjectName("includeNoteBox")
            box.setChecked(note.checked)
            layout = QVBoxLayout(tab)
            layout.addWidget(box)
            layout.addStretch(1)
            dialog.setOptionTabs([tab])
        try:
            accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
            if note is not None and box is not None and accepted:
                note.checked = box.isChecked()
            return accepted
        finally:
            # Owned by its parent window, a closed dialog would otherwise live (and keep its
            # printer list, ~0.5 MB) until the window goes: issue 8 saw one more per Ctrl+P.
            dialog.deleteLater()

    def preview(
        self,
        printer: QPrinter,
        parent: QWidget | None,
        paint: Callable[[QPrinter], object],
        note: NoteChoice | None = None,
    ) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from .print_dialog_names import name_preview_parts

        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle("Print Preview")
        name_preview_parts(dialog, printer.docName())
        dialog.paintRequested.connect(paint)
        if note is not None:
            add_note_toggle(dialog, note)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()  # as for the print dialog: not kept until the window closes

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)


def add_note_toggle(dialog: QWidget, note: NoteChoice) -> QCheckBox | None:
    """An "Include my note" check box on a print preview's toolbar; toggling it paints the
    preview again. None if the dialog has no toolbar (Qt changed its insides).

    A check box rather than a checkable tool button: unchecked, a text-only tool button looks
    like a label, and nothing says it can be switched on.
    """
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QCheckBox, QToolBar

    tool_bar = dialog.findChild(QToolBar)
    preview = dialog.findChild(QPrintPreviewWidget)
    if tool_bar is None or preview is None:
        return None
    box = QCheckBox(note.text, tool_bar)
    box.setObjectName("includeNoteBox")
    box.setChecked(note.checked)
    box.setToolTip("Print your note on this entry under the sheet")

    def toggled(checked: bool) -> None:
        note.checked = checked
        preview.updatePreview()

    box.toggled.connect(toggled)
    tool_bar.addSeparator()
    tool_bar.addWidget(box)
    return box


def suggested_file_name(table: CompareTable, suffix: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", table.title).strip("-").lower() or "sheet"
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder) / f"{stem[:60]}.{suffix}") if folder else f"{stem[:60]}.{suffix}"


class SheetPrinting(QObject):
    """Prints and exports sheets for one window; emits ``exported(path)`` after each file.

    The paper and margins picked in the print dialog or the preview's page setup are kept in
    ``settings`` and used again for printing and PDF export, also after a restart (DB Browser
    for SQLite forgetting them is its issue #3921). Orientation is chosen per sheet.
    """

    exported = Signal(str)

    def __init__(
        self,
        data_version: str,
        parent: QWidget | None = None,
        dialogs: SheetDialogs | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_version = data_version
        self._window = parent
        self.dialogs = dialogs or SheetDialogs()
        self._settings = settings
        # Without settings (tests, a bare view) the choice is kept for this run only.
        self._paper = settings.paper if settings else ""
        self._margins = settings.margins_mm if settings else None
        self._note_source: NoteSource | None = None
        # "Include my note", as last chosen in a print dialog or preview (this run only); the
        # PDF export follows it too.
        self.include_note = True

    # --- printing ------------------------------------------------------------------------------

    def _footer(self, table: CompareTable):  # type: ignore[no-untyped-def]
        from ..printing.pdf import make_footer

        return make_footer(table, self._data_version)

    def make_printer(self, table: CompareTable):  # type: ignore[no-untyped-def]
        """A high-resolution QPrinter with the locale's paper, landscape for 3+ columns."""
        from PySide6.QtPrintSupport import QPrinter

        from ..printing.pages import page_layout, wants_landscape

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The paper and margins picked last time; the orientation follows this table.
        layout = page_layout(self._paper, wants_landscape(len(table.columns)), self._margins)
        printer.setPageLayout(layout)
        printer.setDocName(table.title)
        printer.setCreator("GenAI Atlas")
        return printer

    # --- the reader's notes ----------------------------------------------------------------

    def set_note_source(self, source: NoteSource | None) -> None:
        """Where the notes printed under a sheet come from (the notes feature sets it)."""
        self._note_source = source

    def notes_of(self, table: CompareTable) -> tuple[SheetNote, ...]:
        """The notes on ``table``'s entries, whether or not they are to be printed."""
        if self._note_source is None:
            return ()
        try:
            return self._note_source(table)
        except KnownError:
            # A store that cannot be read prints the sheet without notes: the sheet itself is
            # what was asked for, and the notes editor already says what is wrong.
            return ()

    def notes_to_print(self, table: CompareTable) -> tuple[SheetNote, ...]:
        return self.notes_of(table) if self.include_note else ()

    def _note_choice(self, table: CompareTable) -> NoteChoice | None:
        return NoteChoice(self.include_note) if self.notes_of(table) else None

    def paint(self, printer: QPrinter, table: CompareTable, with_notes: bool | None = None) -> int:
        from ..printing.layout import paint_sheet

        self._remember(printer.pageLayout())
        wanted = self.include_note if with_notes is None else with_notes
        notes = self.notes_of(table) if wanted else ()
        return paint_sheet(printer, table, self._footer(table), notes)

    def _remember(self, layout) -> None:  # type: ignore[no-untyped-def]
        """Keep the paper and margins the user picked (print dialog or page setup)."""
        from PySide6.QtGui import QPageLayout

        from ..printing.pages import page_size_name

        margins = layout.margins(QPageLayout.Unit.Millimeter)
        self._paper = page_size_name(layout.pageSize())
        self._margins = (margins.left(), margins.top(), margins.right(), margins.bottom())
        if self._settings is not None:
            self._settings.paper = self._paper
            self._settings.margins_mm = self._margins

    @property
    def paper(self) -> str:
        """The paper sheets are printed on now ("" for the locale's)."""
        return self._paper

    @property
    def margins_mm(self) -> tuple[float, float, float, float] | None:
        """Left, top, right and bottom margins in millimetres (None: the sheet's default)."""
        return self._margins

    def set_page_setup(self, paper: str, margins_mm: tuple[float, float, float, float]) -> None:
        """Use ``paper`` ("" for the locale's) and ``margins_mm`` from now on, as if picked in
        page setup (Edit ▸ Preferences sets them); kept in the settings."""
        self._paper = paper
        self._margins = margins_mm
        if self._settings is not None:
            self._settings.paper = paper
            self._settings.margins_mm = margins_mm

    def print_table(self, table: CompareTable) -> bool:
        printer = self.make_printer(table)
        choice = self._note_choice(table)
        if choice is None:
            accepted = self.dialogs.print_dialog(printer, self._window)
        else:
            accepted = self.dialogs.print_dialog(printer, self._window, note=choice)
            self.include_note = choice.checked
        if not accepted:
            return False
        self._report(lambda: self.paint(printer, table), "Print")
        return True

    def preview_table(self, table: CompareTable) -> None:
        printer = self.make_printer(table)
        choice = self._note_choice(table)
        if choice is None:
            self.dialogs.preview(printer, self._window, lambda device: self.paint(device, table))
            return
        self.dialogs.preview(
            printer,
            self._window,
            lambda device: self.paint(device, table, with_notes=choice.checked),
            note=choice,
        )
        self.include_note = choice.checked

    # --- files -----------------------------------------------------------------------------

    def _ask(self, table: CompareTable, caption: str, suffix: str, filters: str) -> str:
        return self.dialogs.save_path(
            self._window, caption, suggested_file_name(table, suffix), filters
        )

    def _report(self, work: Callable[[], object], title: str) -> bool:
        try:
            work()
        except OSError as error:  # ExportError too: it names the file and the reason
            self.dialogs.error(self._window, title, str(error))
            return False
        return True

    def write_pdf(self, table: CompareTable, path: str) -> bool:
        from ..printing.pdf import export_pdf

        ok = self._report(
            lambda: export_pdf(
                table,
                self._footer(table),
                path,
                page_size=self._paper or None,
                margins_mm=self._margins,
                notes=self.notes_to_print(table),
            ),
            "Export PDF",
        )
        if ok:
            self.exported.emit(path)
        return ok

    def _write_text(self, path: str, text: str, title: str) -> bool:
        from ..export.files import atomic_write  # export code loads on first use

        ok = self._report(lambda: atomic_write(path, text), title)
        if ok:
            self.exported.emit(path)
        return ok

    def export_pdf(self, table: CompareTable) -> bool:
        path = self._ask(table, "Export PDF", "pdf", "PDF files (*.pdf)")
        return bool(path) and self.write_pdf(table, path)

    def export_csv(self, table: CompareTable) -> bool:
        path = self._ask(table, "Export CSV", "csv", "CSV files (*.csv)")
        from ..export.tables import table_to_csv

        return bool(path) and self._write_text(path, table_to_csv(table), "Export CSV")

    def export_markdown(self, table: CompareTable) -> bool:
        path = self._ask(table, "Export Markdown", "md", "Markdown files (*.md)")
        from ..export.tables import table_to_markdown

        return bool(path) and self._write_text(path, table_to_markdown(table), "Export Markdown")

    def copy_markdown(self, table: CompareTable) -> None:
        from ..export.tables import table_to_markdown

        QGuiApplication.clipboard().setText(table_to_markdown(table))


class PrintActions(QObject):
    """File-menu actions (Print… Ctrl+P, Print Preview…, Export PDF…) on the current sheet.

    ``current_table`` returns the sheet of whatever the window shows, or None (then the actions
    are disabled after ``refresh()``).
    """

    def __init__(self, printing: SheetPrinting, current_table: TableSource, parent: QObject):
        super().__init__(parent)
        self._printing = printing
        self._current = current_table
        self.print_action = QAction("&Print…", parent)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.preview_action = QAction("Print Pre&view…", parent)
        self.preview_action.setShortcut(QKeySequence(PREVIEW_SHORTCUT))
        self.export_pdf_action = QAction("Export &PDF…", parent)
        self.print_action.triggered.connect(self._print)
        self.preview_action.triggered.connect(self._preview)
        self.export_pdf_action.triggered.connect(self._export_pdf)

    @property
    def actions(self) -> list[QAction]:
        return [self.print_action, self.preview_action, self.export_pdf_action]

    @Slot()
    def refresh(self) -> None:
        enabled = self._current() is not None
        for action in self.actions:
            action.setEnabled(enabled)

    @Slot()
    def _print(self) -> None:
        table = self._current()
        if table is not None:
            self._printing.print_table(table)

    @Slot()
    def _preview(self) -> None:
        table = self._current()
        if table is not None:
            self._printing.preview_table(table)

    @Slot()
    def _export_pdf(self) -> None:
        table = self._current()
        if table is not None:
            self._printing.export_pdf(table)
