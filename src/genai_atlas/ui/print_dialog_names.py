"""Accessible names for the unnamed parts of Qt's print dialogs, which the app opens and extends.

Qt leaves the print preview's zoom box, page number field and page view, and the print dialog's
printer and page-set lists, without a name, so a screen reader says only "combo box" or "edit".
The parts are found by type and by Qt's own object names; one Qt changes is left as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGraphicsView, QLineEdit, QTabWidget, QToolBar, QWidget


def _name_combo(combo: QComboBox | None, name: str) -> None:
    if combo is None:
        return
    if not combo.accessibleName():
        combo.setAccessibleName(name)
    line = combo.lineEdit()
    if line is not None and not line.accessibleName():
        line.setAccessibleName(name)
    combo.view().setAccessibleName(f"{name}: choices")


def name_preview_parts(dialog: QWidget, title: str) -> None:
    """Name the zoom box, the page number field and the page view of a QPrintPreviewDialog."""
    tool_bar = dialog.findChild(QToolBar)
    if tool_bar is not None:
        for combo in tool_bar.findChildren(QComboBox):
            _name_combo(combo, "Zoom")
        for field in tool_bar.findChildren(QLineEdit):
            if not field.accessibleName():
                field.setAccessibleName("Page number")
    for view in dialog.findChildren(QGraphicsView):
        view.setAccessibleName(f"Preview of {title}")
        view.viewport().setAccessibleName(f"Preview of {title}")


def name_print_dialog_parts(dialog: QWidget) -> None:
    """Name the printer list, the option tabs and the page-set list of a QPrintDialog."""
    _name_combo(dialog.findChild(QComboBox, "printers"), "Printer")
    _name_combo(dialog.findChild(QComboBox, "pageSetCombo"), "Pages to print")
    for tabs in dialog.findChildren(QTabWidget, "tabs"):
        if not tabs.accessibleName():
            tabs.setAccessibleName("Print options")
