"""WCAG contrast arithmetic (render/contrast.py) and the readable theme built on it, without Qt."""

from __future__ import annotations

import colorsys
import subprocess
import sys

import pytest

from genai_atlas.render.contrast import (
    AA_TEXT,
    contrast_ratio,
    mix,
    readable,
    relative_luminance,
    rgb,
)
from genai_atlas.render.theme import DARK, LIGHT, derive_theme


def test_luminance_and_ratio_match_wcag() -> None:
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == contrast_ratio("#000000", "#ffffff")
    assert contrast_ratio("#777777", "#777777") == 1
    # The figures measured in issue 9 under the GTK dark theme.
    assert round(contrast_ratio("#0000ff", "#323232"), 2) == 1.49
    assert round(contrast_ratio("#308cc6", "#323232"), 2) == 3.48
    # WebAIM's checker: #767676 is the lightest grey that passes AA on white.
    assert contrast_ratio("#767676", "#ffffff") >= AA_TEXT > contrast_ratio("#777777", "#ffffff")


def test_colours_are_read_strictly() -> None:
    assert rgb("#fff") == (255, 255, 255)
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        rgb("blue")


def _hue(colour: str) -> float:
    return colorsys.rgb_to_hls(*(c / 255 for c in rgb(colour)))[0]


@pytest.mark.parametrize(
    ("colour", "backgrounds"),
    [
        ("#0000ff", ["#323232"]),  # Qt's default link on GTK's dark base
        ("#308cc6", ["#323232"]),  # GTK's link on its base
        ("#2a82da", ["#191919", "#353535"]),  # dark Fusion's link on its base and window
        ("#ffe066", ["#ffffff"]),  # far too light on white: made darker
    ],
)
def test_a_faint_colour_is_moved_just_enough_keeping_its_hue(colour, backgrounds) -> None:  # type: ignore[no-untyped-def]
    fixed = readable(colour, backgrounds)
    ratio = min(contrast_ratio(fixed, ground) for ground in backgrounds)
    assert AA_TEXT <= ratio < AA_TEXT + 0.15  # no further than needed
    assert _hue(fixed) == pytest.approx(_hue(colour), abs=0.02)


def test_a_readable_colour_is_kept_and_an_impossible_one_falls_back() -> None:
    assert readable("#0b5cad", ["#ffffff"]) == "#0b5cad"
    # No colour reaches 7:1 on a mid grey: the better of black and white is taken.
    assert readable("#777777", ["#777777"], 7.0) == "#000000"


@pytest.mark.parametrize(
    "colours",
    [
        # Qt's light Fusion palette, and Qt's default link on the GTK dark base.
        dict(text="#000000", base="#ffffff", link="#0000ff", selection="#308cc6"),
        dict(text="#ffffff", base="#323232", link="#0000ff", selection="#15539e"),
        dict(text="#ffffff", base="#191919", link="#2a82da", selection="#2a82da"),
        # A badly made palette: grey text on grey, a yellow link on white.
        dict(text="#9a9a9a", base="#808080", link="#ffff00", selection="#cccccc"),
        dict(text="#aaaaaa", base="#ffffff", link="#ffff00", selection="#ffffff"),
    ],
)
def test_every_pairing_of_a_derived_theme_meets_aa(colours) -> None:  # type: ignore[no-untyped-def]
    theme = derive_theme(**colours)
    failing = [(p.name, round(p.ratio, 2)) for p in theme.pairs() if p.ratio < p.minimum]
    assert failing == []


def test_the_built_in_themes_meet_aa() -> None:
    for theme in (LIGHT, DARK):
        assert [p.name for p in theme.pairs() if p.ratio < p.minimum] == []


def test_the_contrast_module_needs_no_qt() -> None:
    code = (
        "import sys, genai_atlas.render.contrast, genai_atlas.render.theme; "
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
