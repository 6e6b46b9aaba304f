"""The paper and margins picked in page setup are used again, also after a restart."""

from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtCore import QMarginsF, QSettings
from PySide6.QtGui import QPageLayout, QPageSize

from genai_atlas.data.compare import comparison_table
from genai_atlas.settings import Settings
from genai_atlas.ui.print_actions import SheetPrinting


class PageSetupDialogs:
    """Stands in for the preview dialog: the user picks Legal paper and wide margins in its
    page setup, then the preview paints."""

    def __init__(self, preview_file: str = "") -> None:
        self.preview_file = preview_file
        self.painted = 0

    def preview(self, printer, parent, paint):  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.preview_file)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Legal))
        printer.setPageMargins(QMarginsF(25, 20, 25, 20), QPageLayout.Unit.Millimeter)
        self.painted += paint(printer)

    def save_path(self, parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        return ""

    def error(self, parent, title, text):  # type: ignore[no-untyped-def]
        raise AssertionError(text)


def test_page_setup_survives_a_restart(qapp, atlas, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ini = str(tmp_path / "settings.ini")
    table = comparison_table(atlas.get("comparison/overview"))

    first_run = SheetPrinting(
        "v",
        None,
        PageSetupDialogs(str(tmp_path / "preview.pdf")),
        Settings(QSettings(ini, QSettings.Format.IniFormat)),
    )
    first_run.preview_table(table)
    assert first_run.paper == "Legal"

    # A new run of the app: a fresh Settings over the same file.
    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    assert settings.paper == "Legal"
    assert settings.margins_mm == (25.0, 20.0, 25.0, 20.0)
    second_run = SheetPrinting("v", None, PageSetupDialogs(), settings)
    printer = second_run.make_printer(table)
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.Legal
    assert layout.margins(QPageLayout.Unit.Millimeter).left() == 25.0

    # Export PDF uses the same paper: Legal is 8.5 x 14 inches, 612 x 1008 points.
    target = tmp_path / "overview.pdf"
    assert second_run.write_pdf(table, str(target))
    box = pypdf.PdfReader(str(target)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 1008)


def test_unreadable_saved_paper_falls_back_to_the_locale(qapp, atlas, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("print/paper", "NoSuchPaper")
    store.setValue("print/margins_mm", ["x", "y"])
    printing = SheetPrinting("v", None, PageSetupDialogs(), Settings(store))
    table = comparison_table(atlas.get("comparison/overview"))
    size = printing.make_printer(table).pageLayout().pageSize().id()
    assert size in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter)
