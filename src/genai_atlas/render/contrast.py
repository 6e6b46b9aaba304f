"""WCAG 2 contrast: relative luminance, contrast ratio, and a colour moved until it is readable.

Pure arithmetic on ``#rrggbb`` strings, no Qt: the detail pane's theme, the search rows and the
application palette all take their colours through here, and tests check them without a display.
The formulas are WCAG 2.x's (sRGB relative luminance, ratio ``(L1 + 0.05) / (L2 + 0.05)``).
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable

AA_TEXT = 4.5  # WCAG AA for body text and links
AA_LARGE = 3.0  # WCAG AA for large text (headings)
BLACK = "#000000"
WHITE = "#ffffff"
_STEPS = 24  # halvings of the lightness search: far finer than one of 256 levels


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue (0-255) of ``#rrggbb`` (or ``#rgb``)."""
    value = colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_colour(red: float, green: float, blue: float) -> str:
    """``#rrggbb`` of channels in 0…1 (clamped)."""
    channels = (max(0, min(255, round(c * 255))) for c in (red, green, blue))
    return "#" + "".join(f"{c:02x}" for c in channels)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) … 1 (white)."""
    red, green, blue = (_linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 … 21, the same either way round."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def worst_contrast(colour: str, backgrounds: Iterable[str]) -> float:
    return min(contrast_ratio(colour, background) for background in backgrounds)


def mix(first: str, second: str, amount: float) -> str:
    """``first`` moved ``amount`` (0…1) of the way towards ``second``."""
    a, b = rgb(first), rgb(second)
    return hex_colour(*((x + (y - x) * amount) / 255 for x, y in zip(a, b, strict=True)))


def is_dark(colour: str) -> bool:
    """True when text on ``colour`` should be light (it contrasts more with white than black)."""
    return contrast_ratio(colour, WHITE) > contrast_ratio(colour, BLACK)


def readable(colour: str, backgrounds: Iterable[str], minimum: float = AA_TEXT) -> str:
    """``colour`` itself if it reaches ``minimum`` against every background; else the same hue
    and saturation made just light or dark enough that it does; else black or white, whichever
    contrasts more (when no lightness of that hue is enough, or the backgrounds are mid-grey).

    The lightness moves away from the backgrounds' side: lighter on dark ones, darker on light.
    """
    grounds = list(backgrounds)
    if not grounds or worst_contrast(colour, grounds) >= minimum:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in rgb(colour)))
    lighter = sum(relative_luminance(g) for g in grounds) / len(grounds) < 0.18
    for direction in (lighter, not lighter):
        end = 1.0 if direction else 0.0
        if worst_contrast(hex_colour(*colorsys.hls_to_rgb(hue, end, saturation)), grounds) < (
            minimum
        ):
            continue  # not even white (black) is enough on this side
        # The smallest change of lightness that is enough: halve the gap between a lightness
        # known to fail and one known to pass.
        failing, passing = lightness, end
        for _ in range(_STEPS):
            middle = (failing + passing) / 2
            candidate = hex_colour(*colorsys.hls_to_rgb(hue, middle, saturation))
            if worst_contrast(candidate, grounds) >= minimum:
                passing = middle
            else:
                failing = middle
        found = hex_colour(*colorsys.hls_to_rgb(hue, passing, saturation))
        if worst_contrast(found, grounds) >= minimum:
            return found
    return max((BLACK, WHITE), key=lambda extreme: worst_contrast(extreme, grounds))
