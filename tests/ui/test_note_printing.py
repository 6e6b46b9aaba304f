""" "Include my note" in the print dialog, the preview and Export PDF: the note is on the paper
when the box is on, and not when it is off."""

from __future__ import annotations

from pathlib import Path

import pypdf

from genai_atlas.data.compare import entry_table
from genai_atlas.render.sheet import SheetNote
from genai_atlas.ui.print_actions import NoteChoice, SheetPrinting, add_note_toggle

NOTE = "Quantised on my laptop.\nRuns at 4 bits."


def notes_for(table):  # type: ignore[no-untyped-def]
    return tuple(
        SheetNote("GPT-4", NOTE) for entry_id in table.entry_ids if entry_id == "model/gpt-4"
    )


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


class Dialogs:
    """Stands in for the print dialog and the preview: the user sets the box to ``include``."""

    def __init__(self, target: Path, include: bool) -> None:
        self.target = target
        self.include = include
        self.offered: list[bool] = []

    def _to_pdf(self, printer):  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))

    def print_dialog(self, printer, parent, note=None):  # type: ignore[no-untyped-def]
        self.offered.append(note is not None)
        if note is not None:
            note.checked = self.include
        self._to_pdf(printer)
        return True

    def preview(self, printer, parent, paint, note=None):  # type: ignore[no-untyped-def]
        self.offered.append(note is not None)
        self._to_pdf(printer)
        if note is not None:
            note.checked = self.include
        paint(printer)

    def save_path(self, parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        return str(self.target)

    def error(self, parent, title, text):  # type: ignore[no-untyped-def]
        raise AssertionError(text)


def make_printing(dialogs: Dialogs) -> SheetPrinting:
    printing = SheetPrinting("v", None, dialogs)  # type: ignore[arg-type]
    printing.set_note_source(notes_for)
    return printing


def test_export_pdf_with_the_box_on_prints_the_note(qapp, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = entry_table(atlas, "model/gpt-4")
    on = tmp_path / "on.pdf"
    printing = make_printing(Dialogs(on, include=True))
    assert printing.export_pdf(table)
    text = pdf_text(on)
    assert "Your note Quantised on my laptop. Runs at 4 bits." in text

    off = tmp_path / "off.pdf"
    printing = make_printing(Dialogs(off, include=False))
    printing.include_note = False
    assert printing.export_pdf(table)
    text = pdf_text(off)
    assert "Organisation" in text
    assert "Your note" not in text and "laptop" not in text


def test_print_dialog_offers_the_box_and_follows_it(qapp, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = entry_table(atlas, "model/gpt-4")
    dialogs = Dialogs(tmp_path / "printed.pdf", include=False)
    printing = make_printing(dialogs)
    assert printing.print_table(table)
    assert dialogs.offered == [True]
    assert "laptop" not in pdf_text(dialogs.target)
    assert printing.include_note is False  # remembered for the next print and export

    dialogs.include = True
    assert printing.print_table(table)
    assert "Your note Quantised on my laptop." in pdf_text(dialogs.target)


def test_preview_follows_the_box(qapp, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = entry_table(atlas, "model/gpt-4")
    dialogs = Dialogs(tmp_path / "preview.pdf", include=True)
    make_printing(dialogs).preview_table(table)
    assert "Your note Quantised on my laptop." in pdf_text(dialogs.target)


def test_an_entry_without_a_note_is_not_offered_the_box(qapp, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(tmp_path / "claude.pdf", include=True)
    printing = make_printing(dialogs)
    assert printing.print_table(entry_table(atlas, "model/claude"))
    assert dialogs.offered == [False]
    assert "Your note" not in pdf_text(dialogs.target)


def test_preview_toolbar_box_paints_again(qtbot, atlas) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    printer = QPrinter()
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    choice = NoteChoice(checked=True)
    box = add_note_toggle(dialog, choice)
    assert box is not None and box.text() == "Include my note" and box.isChecked()
    preview = dialog.findChild(QPrintPreviewWidget)
    with qtbot.waitSignal(preview.paintRequested, timeout=3000):
        box.click()
    assert choice.checked is False
