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


def page_layout(page_size: str | None, landscape: bool) -> QPageLayout:
    """The layout of a sheet: ``page_size`` "A4" or "Letter" (None: the locale's)."""
    name = page_size or locale_page_size_name()
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(PAGE_SIZES[name]), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
    )
