"""Page size and orientation: the locale's paper (Letter or A4), landscape for wide tables."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

# Territories where Letter is the usual paper size; everywhere else uses A4.
_LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.PuertoRico,
    QLocale.Country.Guatemala,
    QLocale.Country.CostaRica,
    QLocale.Country.Panama,
}
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(15, 14, 15, 12)
LANDSCAPE_FROM_COLUMNS = 3


def locale_page_size_name(locale: QLocale | None = None) -> str:
    """``"Letter"`` for the US, Canada and the other Letter countries, else ``"A4"``."""
    locale = locale if locale is not None else QLocale.system()
    return "Letter" if locale.territory() in _LETTER_TERRITORIES else "A4"


def wants_landscape(item_columns: int) -> bool:
    """Three or more compared items do not fit side by side on a portrait page."""
    return item_columns >= LANDSCAPE_FROM_COLUMNS


def page_size_id(name: str | None) -> QPageSize.PageSizeId:
    """The Qt paper for ``name`` ("A4", "Letter", or any other QPageSize id name such as
    "Legal"); the locale's paper for None, "" or a name Qt does not know."""
    if name in PAGE_SIZES:
        return PAGE_SIZES[name]
    if name:
        member = getattr(QPageSize.PageSizeId, name, None)
        if isinstance(member, QPageSize.PageSizeId) and member != QPageSize.PageSizeId.Custom:
            return member
    return PAGE_SIZES[locale_page_size_name()]


def page_size_name(size: QPageSize) -> str:
    """The name ``page_size_id`` reads back, for remembering a paper in the settings."""
    return size.id().name


def page_layout(
    page_size: str | None,
    landscape: bool,
    margins_mm: tuple[float, float, float, float] | None = None,
) -> QPageLayout:
    """The layout of a sheet: ``page_size`` "A4", "Letter", … (None: the locale's)."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    margins = QMarginsF(*margins_mm) if margins_mm is not None else MARGINS_MM
    return QPageLayout(
        QPageSize(page_size_id(page_size)), orientation, margins, QPageLayout.Unit.Millimeter
    )
