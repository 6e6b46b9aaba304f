"""Big numbers as people read them: "175 B" parameters, "3.1 × 10²³" FLOP (no Qt here).

One spelling everywhere: the Models table, the detail pane, compare sheets and the charts'
tooltips and axes. Tables sort by the raw value (``sort_number``); these strings are only what a
cell, a pane or a tooltip shows.
"""

from __future__ import annotations

import math

_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
MISSING_SORT = -1.0  # sorts a missing figure before every real one (ascending)


def format_power_of_ten(value: float) -> str:
    """3.14e23 → '3.1 × 10²³'; small numbers as they are (950 → '950')."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    exponent = math.floor(math.log10(abs(value)))
    if 0 <= exponent < 4:
        return f"{value:,.0f}" if value == int(value) else f"{value:.3g}"
    mantissa = value / 10**exponent
    if round(mantissa, 1) >= 10:  # 9.96e23 rounds to 10.0 × 10²³: say 1.0 × 10²⁴
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{mantissa:.1f} × 10{str(exponent).translate(_SUPERSCRIPTS)}"


def format_count(value: float) -> str:
    """A large count with a short scale: 175e9 → '175 B', 1.3e9 → '1.3 B', 6.6e5 → '660 K'."""
    for position, (scale, suffix) in enumerate(_SCALES):
        if abs(value) >= scale:
            scaled = value / scale
            text = f"{scaled:.3g}" if scaled < 1000 else f"{scaled:,.0f}"
            if "e" in text and position > 0:  # 999.96 B rounds to 1000 B: say "1 T"
                scale, suffix = _SCALES[position - 1]
                text = f"{value / scale:.3g}"
            return f"{text} {suffix}"
    text = f"{value:.3g}"
    return f"{value:,.0f}" if "e" in text else text  # 999.7 is "1,000", never "1e+03"


def _usable(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value >= 0


def count_text(value: float | None) -> str:
    """A count such as a number of parameters ("175 B"); "" when there is none."""
    return format_count(value) if value is not None and _usable(value) else ""


def scientific_text(value: float | None) -> str:
    """A large quantity such as training compute ("3.1 × 10²³"); "" when there is none."""
    return format_power_of_ten(value) if value is not None and _usable(value) else ""


def sort_number(value: float | None) -> float:
    """What a table sorts a figure by: the value, or ``MISSING_SORT`` when there is none."""
    return MISSING_SORT if value is None or not math.isfinite(value) else float(value)
