"""Builds the renderer's colour Theme from a Qt palette, so the detail pane follows light/dark.

Callers pass the application palette (``QGuiApplication.palette()``), not a widget's: under the
GTK platform theme a text browser's own palette kept Qt's default link blue, #0000ff, which on
GTK's dark #323232 is 1.49:1 (issue 9). ``derive_theme`` then makes every colour readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from ..render.theme import Theme, derive_theme


def _hex(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexRgb)


def opaque(
    palette: QPalette,
    role: QPalette.ColorRole,
    over: QPalette.ColorRole,
    group: QPalette.ColorGroup = QPalette.ColorGroup.Active,
) -> str:
    """``role``'s colour as seen on ``over``'s: Qt's placeholder text is Text at half alpha."""
    colour, ground = palette.color(group, role), palette.color(group, over)
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + ground.redF() * (1 - alpha),
        colour.greenF() * alpha + ground.greenF() * (1 - alpha),
        colour.blueF() * alpha + ground.blueF() * (1 - alpha),
    ).name(QColor.NameFormat.HexRgb)


def theme_from_palette(palette: QPalette, on_window: bool = False) -> Theme:
    """The theme of text on the Base colour (a page, a list), or with ``on_window`` on the
    Window colour (a label in a panel)."""
    role = QPalette.ColorRole
    text, base = (role.WindowText, role.Window) if on_window else (role.Text, role.Base)
    return derive_theme(
        text=_hex(palette.color(text)),
        base=_hex(palette.color(base)),
        link=opaque(palette, role.Link, base),
        selection=_hex(palette.color(role.Highlight)),
        selection_text=opaque(palette, role.HighlightedText, role.Highlight),
    )
