"""Issue 9: all text in the detail pane, the lists and the search panel meets WCAG AA, under the
light palette, a dark Fusion palette, the GTK dark theme's palette, and the Preferences' own light
and dark themes. Every colour is read from what the window really shows (tests/ui/contrast_audit).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from genai_atlas.ui.appearance import ThemeChoice

from .contrast_audit import audit_window, weakest

R = QPalette.ColorRole

# The palette Qt gives under QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita:dark (GTK 3.24.38, Qt
# 6.11, read from a real run under Xvfb): Qt's link colour on GTK's dark base is 3.48:1, and the
# pane's own palette had Qt's default #0000ff link, 1.49:1 (issue 9).
GTK_ADWAITA_DARK = {
    R.Window: "#323232",
    R.WindowText: "#ffffff",
    R.Base: "#323232",
    R.AlternateBase: "#2f2f2f",
    R.Text: "#ffffff",
    R.Button: "#323232",
    R.ButtonText: "#ffffff",
    R.BrightText: "#ffffff",
    R.Highlight: "#15539e",
    R.HighlightedText: "#ffffff",
    R.Link: "#308cc6",
    R.LinkVisited: "#ff00ff",
    R.ToolTipBase: "#ffffdc",
    R.ToolTipText: "#000000",
    R.PlaceholderText: "#9b9b9b",
    R.Mid: "#383838",
    R.Dark: "#2c2c2c",
    R.Light: "#3e3e3e",
    R.Midlight: "#383838",
    R.Shadow: "#020202",
}
# The dark Fusion palette many Qt apps build (and Qt's own examples): its link, #2a82da, is
# 4.44:1 on its base.
DARK_FUSION = {
    R.Window: "#353535",
    R.WindowText: "#ffffff",
    R.Base: "#191919",
    R.AlternateBase: "#353535",
    R.ToolTipBase: "#ffffff",
    R.ToolTipText: "#ffffff",
    R.Text: "#ffffff",
    R.Button: "#353535",
    R.ButtonText: "#ffffff",
    R.BrightText: "#ff0000",
    R.Link: "#2a82da",
    R.Highlight: "#2a82da",
    R.HighlightedText: "#000000",
}


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def _light() -> QPalette:
    style = QStyleFactory.create("Fusion")
    palette = style.standardPalette()  # Qt's light palette: its selection is 3.7:1 under white
    return palette


SYSTEM_PALETTES = {
    "light": _light,
    "dark Fusion": lambda: _palette(DARK_FUSION),
    "GTK Adwaita dark": lambda: _palette(GTK_ADWAITA_DARK),
}


@pytest.fixture
def appearance(qapp, main_window) -> Iterator[object]:  # type: ignore[no-untyped-def]
    appearance = main_window.preferences.appearance
    yield appearance
    qapp.setPalette(QPalette())  # the next test starts from the system's palette again
    appearance.apply(ThemeChoice.SYSTEM)


@pytest.mark.parametrize("name", list(SYSTEM_PALETTES))
def test_every_text_meets_aa_under_a_system_palette(qapp, main_window, appearance, name) -> None:  # type: ignore[no-untyped-def]
    # What the platform would give the app, then what the app does with the system's palette.
    qapp.setPalette(SYSTEM_PALETTES[name]())
    appearance.make_readable()
    _check(main_window, name)


@pytest.mark.parametrize("choice", [ThemeChoice.LIGHT, ThemeChoice.DARK])
def test_every_text_meets_aa_under_the_preferences_themes(main_window, appearance, choice) -> None:  # type: ignore[no-untyped-def]
    appearance.apply(choice)
    _check(main_window, choice.label)


def _check(window, name: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()  # widgets take a new application palette from posted events
    seen = audit_window(window)
    assert len(seen) > 100  # pane fragments, rows plain and selected, messages, chips, lists
    failing = [str(s) for s in seen if s.ratio < s.minimum]
    assert not failing, f"{name}: below WCAG AA:\n" + "\n".join(failing)
    low = weakest(seen)
    print(f"\n{name}: {len(seen)} pairings, weakest {low}")


def test_links_are_no_longer_faint_under_gtk_dark(qapp, main_window, appearance) -> None:  # type: ignore[no-untyped-def]
    qapp.setPalette(_palette(GTK_ADWAITA_DARK))
    appearance.make_readable()
    main_window.navigate_to("model/gpt-4")
    theme = main_window.detail_pane().theme()
    assert theme.link != "#0000ff" and theme.link != "#308cc6"
    # The same blue, lighter: the hue of the system's link is kept.
    assert QColor(theme.link).hue() == pytest.approx(QColor("#308cc6").hue(), abs=3)
    assert theme.link in main_window.detail_pane().toHtml()
