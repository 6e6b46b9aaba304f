"""A chart's colours, taken from the application palette so charts follow light and dark."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# Okabe and Ito's colour-blind-safe set, in the order the stacked groups use it; a second,
# lighter set reads on a dark background.
_SERIES_LIGHT = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#b8a300",
    "#7f5fbf",
    "#8c8c8c",
    "#5a5a5a",
)
_SERIES_DARK = (
    "#4fa3e0",
    "#f2b84b",
    "#3cc99f",
    "#e39cc4",
    "#8fd0f5",
    "#ff8a4c",
    "#f0e442",
    "#b39ddb",
    "#a6a6a6",
    "#d0d0d0",
)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0…1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


@dataclass(frozen=True)
class ChartColours:
    background: QColor
    text: QColor
    muted: QColor  # axes, ticks and the caption's second line
    grid: QColor
    point: QColor  # a model of the dataset (partly transparent: dense years stay readable)
    point_edge: QColor
    curated: QColor  # a model this atlas describes
    curated_edge: QColor
    series: tuple[QColor, ...]
    dark: bool

    def series_colour(self, index: int) -> QColor:
        return self.series[index % len(self.series)]


def colours_from_palette(palette: QPalette) -> ChartColours:
    role = QPalette.ColorRole
    text = palette.color(role.Text)
    base = palette.color(role.Base)
    dark = base.lightnessF() < 0.5
    point = QColor(palette.color(role.Link))
    if abs(point.lightnessF() - base.lightnessF()) < 0.25:  # a link colour that would vanish
        point = QColor("#4fa3e0" if dark else "#0072b2")
    point.setAlphaF(0.55)
    curated = QColor("#ff8a4c" if dark else "#c8500a")
    return ChartColours(
        background=QColor(base),
        text=QColor(text),
        muted=_mix(text, base, 0.35),
        grid=_mix(text, base, 0.85),
        point=point,
        point_edge=_mix(point, base, 0.3),
        curated=curated,
        curated_edge=QColor(text),
        series=tuple(QColor(c) for c in (_SERIES_DARK if dark else _SERIES_LIGHT)),
        dark=dark,
    )


def paper_colours() -> ChartColours:
    """Black on white, whatever the screen shows: for printing and PDF."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#0072b2"))
    return colours_from_palette(palette)
