"""A sheet as a PDF: real text with embedded fonts, as bytes or written to a file atomically."""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPdfWriter

from ..data.compare import CompareTable
from ..export.files import atomic_write, check_target
from ..render.sheet import APP_NAME, SheetFooter, SheetNote
from .layout import paint_sheet
from .pages import page_layout, wants_landscape

PDF_RESOLUTION = 600  # device pixels per inch: fine enough for exact rules and text placement


def make_footer(table: CompareTable, data_version: str, date: str | None = None) -> SheetFooter:
    return SheetFooter(
        attribution=table.attribution(),
        data_version=data_version,
        date=date or _dt.date.today().isoformat(),
    )


def render_pdf(
    table: CompareTable,
    footer: SheetFooter,
    *,
    page_size: str | None = None,
    landscape: bool | None = None,
    margins_mm: tuple[float, float, float, float] | None = None,
    notes: tuple[SheetNote, ...] = (),
) -> bytes:
    """The sheet (and ``notes`` under it) as PDF bytes. ``landscape`` None: chosen from the
    number of item columns."""
    if landscape is None:
        landscape = wants_landscape(len(table.columns))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(page_size, landscape, margins_mm))
    writer.setTitle(table.title)
    writer.setCreator(APP_NAME)
    paint_sheet(writer, table, footer, notes)
    del writer  # the writer finishes the file when it goes away
    buffer.close()
    return bytes(data.data())


def export_pdf(
    table: CompareTable,
    footer: SheetFooter,
    path: str | os.PathLike[str],
    *,
    page_size: str | None = None,
    landscape: bool | None = None,
    margins_mm: tuple[float, float, float, float] | None = None,
    notes: tuple[SheetNote, ...] = (),
) -> Path:
    """Write the sheet to ``path`` and return the file written (a symbolic link followed).

    The target is checked before the sheet is rendered, so a FIFO, device or missing folder is
    refused at once (ExportError); then a temporary file is renamed into place.
    """
    check_target(path)
    pdf = render_pdf(
        table,
        footer,
        page_size=page_size,
        landscape=landscape,
        margins_mm=margins_mm,
        notes=notes,
    )
    return atomic_write(path, pdf)
