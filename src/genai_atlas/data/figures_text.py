"""Big numbers as people read them: "175 B" parameters, "3.1 × 10²³" FLOP (no Qt here).

Tables sort by the raw value (``sort_number``); these strings are only what a cell or a pane shows.
"""

from __future__ import annotations

import math

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
MISSING_SORT = -1.0  # sorts a missing figure before every real one (ascending)


def _significant(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant digits, without a trailing ".0"."""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def count_text(value: float | None) -> str:
    """A count such as a number of parameters: "175 B", "1.8 T", "340 M", "7,200"; "" if None."""
    if value is None or not math.isfinite(value) or value < 0:
        return ""
    scales = _SCALES[:-1]  # thousands read better written out: "7,200"
    for position, (scale, suffix) in enumerate(scales):
        if value >= scale:
            shown = _significant(value / scale, 3)
            if float(shown) >= 1000 and position > 0:
                # 999.96 B rounds to "1000 B": say it one scale up, "1 T"
                scale, suffix = scales[position - 1]
                shown = _significant(value / scale, 3)
            return f"{shown} {suffix}"
    if value >= 1000:
        return f"{value:,.0f}"
    return _significant(value, 3)


def scientific_text(value: float | None, digits: int = 2) -> str:
    """A large quantity such as training compute: "3.1 × 10²³"; "" if None; small ones plainly."""
    if value is None or not math.isfinite(value) or value < 0:
        return ""
    if value < 1e4:
        return _significant(value, digits) if value else "0"
    exponent = math.floor(math.log10(value))
    mantissa = value / 10**exponent
    if float(_significant(mantissa, digits)) >= 10:  # 9.96e22 rounds up to 1.0 × 10²³
        exponent += 1
        mantissa = value / 10**exponent
    power = f"10{str(exponent).translate(_SUPERSCRIPT)}"
    shown = _significant(mantissa, digits)
    return power if shown == "1" else f"{shown} × {power}"


def sort_number(value: float | None) -> float:
    """What a table sorts a figure by: the value, or ``MISSING_SORT`` when there is none."""
    return MISSING_SORT if value is None or not math.isfinite(value) else float(value)
