"""The colours a rendered page uses: a small frozen value the UI builds from the Qt palette."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours as CSS hex strings (``#rrggbb``)."""

    text: str = "#1f2328"
    background: str = "#ffffff"
    muted: str = "#59636e"
    link: str = "#0b5cad"
    border: str = "#c8ccd1"
    header_background: str = "#eef1f4"
    highlight_text: str = "#1f2328"
    highlight_background: str = "#ffe066"
    dark: bool = False


LIGHT = Theme()
DARK = Theme(
    text="#e6e6e6",
    background="#1e1f22",
    muted="#a0a4a8",
    link="#6cb6ff",
    border="#4a4d52",
    header_background="#2b2d31",
    highlight_text="#1e1f22",
    highlight_background="#e0b400",
    dark=True,
)
