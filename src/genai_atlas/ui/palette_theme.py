"""Builds the renderer's colour Theme from a Qt palette, so the detail pane follows light/dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from ..render.theme import Theme


def _hex(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexRgb)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0…1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def theme_from_palette(palette: QPalette) -> Theme:
    role = QPalette.ColorRole
    text = palette.color(role.Text)
    base = palette.color(role.Base)
    dark = base.lightnessF() < 0.5
    return Theme(
        text=_hex(text),
        background=_hex(base),
        muted=_hex(_mix(text, base, 0.4)),
        link=_hex(palette.color(role.Link)),
        border=_hex(_mix(text, base, 0.75)),
        header_background=_hex(_mix(base, text, 0.08)),
        highlight_text="#1e1f22" if dark else _hex(text),
        highlight_background="#e0b400" if dark else "#ffe066",
        dark=dark,
    )
