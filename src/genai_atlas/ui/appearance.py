"""The application's look: follow the system, or a light or dark Fusion palette; always readable.

``readable_palette`` moves the few palette colours that fall short of WCAG AA (a link, the
selection, placeholder text) just far enough, keeping every other role as the system gave it.
``Appearance`` applies the reader's choice to the whole application at once (``QApplication``
style and palette), and keeps following the system's light/dark switch while that is the choice.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ..render.contrast import AA_TEXT, contrast_ratio, readable
from .palette_theme import opaque

FUSION = "Fusion"  # draws every widget from the palette, on every platform
_SYSTEM_STYLE = "genaiAtlasSystemStyle"  # the style the app started with, kept on the app


class ThemeChoice(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "Follow the system", "light": "Light", "dark": "Dark"}[self.value]

    @classmethod
    def parse(cls, value: str) -> ThemeChoice:
        return next((choice for choice in cls if choice.value == value), cls.SYSTEM)


_R = QPalette.ColorRole
LIGHT_COLOURS = {
    _R.Window: "#efefef",
    _R.WindowText: "#1f2328",
    _R.Base: "#ffffff",
    _R.AlternateBase: "#f5f6f7",
    _R.Text: "#1f2328",
    _R.Button: "#efefef",
    _R.ButtonText: "#1f2328",
    _R.BrightText: "#ffffff",
    _R.Light: "#ffffff",
    _R.Midlight: "#e3e3e3",
    _R.Mid: "#b8b8b8",
    _R.Dark: "#9f9f9f",
    _R.Shadow: "#767676",
    _R.Highlight: "#1c62b9",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#0b5cad",
    _R.LinkVisited: "#6f42c1",
    _R.ToolTipBase: "#ffffdc",
    _R.ToolTipText: "#1f2328",
    _R.PlaceholderText: "#6e7781",
}
DARK_COLOURS = {
    _R.Window: "#2b2d31",
    _R.WindowText: "#e6e6e6",
    _R.Base: "#1e1f22",
    _R.AlternateBase: "#26282c",
    _R.Text: "#e6e6e6",
    _R.Button: "#34363b",
    _R.ButtonText: "#e6e6e6",
    _R.BrightText: "#ffffff",
    _R.Light: "#4a4d52",
    _R.Midlight: "#3c3f44",
    _R.Mid: "#2b2d31",
    _R.Dark: "#18191b",
    _R.Shadow: "#000000",
    _R.Highlight: "#2f65ca",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#6cb6ff",
    _R.LinkVisited: "#c297ff",
    _R.ToolTipBase: "#3c3f44",
    _R.ToolTipText: "#e6e6e6",
    _R.PlaceholderText: "#9da3aa",
}
# Disabled text: readable enough to tell what is there, visibly fainter than enabled text.
_DISABLED = {"light": "#8c959f", "dark": "#7d8590"}


def fixed_palette(choice: ThemeChoice) -> QPalette:
    """The light or dark palette the app sets under Fusion."""
    colours = DARK_COLOURS if choice is ThemeChoice.DARK else LIGHT_COLOURS
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(_DISABLED["dark" if choice is ThemeChoice.DARK else "light"])
    for role in (_R.Text, _R.WindowText, _R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


# (text role, the background roles it is drawn on), for the colours readable_palette checks.
_TEXT_ON = (
    (_R.Text, (_R.Base, _R.AlternateBase)),
    (_R.WindowText, (_R.Window,)),
    (_R.ButtonText, (_R.Button,)),
    (_R.Link, (_R.Base, _R.Window)),
    (_R.LinkVisited, (_R.Base, _R.Window)),
    (_R.PlaceholderText, (_R.Base,)),
    (_R.ToolTipText, (_R.ToolTipBase,)),
)


def readable_palette(palette: QPalette) -> QPalette | None:
    """A copy of ``palette`` whose text roles reach AA on their backgrounds, in the active and
    inactive groups; None when ``palette`` already does (nothing needs setting)."""
    result = QPalette(palette)
    changed = False
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, grounds in _TEXT_ON:
            colour = opaque(palette, role, grounds[0], group)
            fixed = readable(colour, [_hex(palette.color(group, ground)) for ground in grounds])
            if fixed != colour:
                result.setColor(group, role, QColor(fixed))
                changed = True
        selection = _hex(palette.color(group, _R.Highlight))
        selected_text = _hex(palette.color(group, _R.HighlightedText))
        if contrast_ratio(selected_text, selection) < AA_TEXT:
            # The selection moves rather than its text: a selected row keeps the system's hue.
            result.setColor(group, _R.Highlight, QColor(readable(selection, [selected_text])))
            changed = True
    return result if changed else None


def _hex(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


class Appearance(QObject):
    """Applies a ``ThemeChoice`` to ``app`` and keeps the palette readable.

    The style the app started with is remembered on the application object, so every window
    (and every test) restores the same one for "Follow the system".
    """

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._choice = ThemeChoice.SYSTEM
        if not app.property(_SYSTEM_STYLE):
            app.setProperty(_SYSTEM_STYLE, app.style().name())
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    def apply(self, choice: ThemeChoice) -> None:
        """Switch the whole application to ``choice`` now."""
        app = self._app
        previous, self._choice = self._choice, choice
        if choice is ThemeChoice.SYSTEM:
            style = str(app.property(_SYSTEM_STYLE) or FUSION)
            if app.style().name().lower() != style.lower():
                app.setStyle(style)
            if previous is not ThemeChoice.SYSTEM:
                app.setPalette(QPalette())  # an empty palette: every role from the system again
            self.make_readable()
            return
        if app.style().name().lower() != FUSION.lower():
            app.setStyle(FUSION)
        app.setPalette(fixed_palette(choice))
        self.make_readable()  # the fixed palettes pass already; this keeps it so if edited

    def make_readable(self) -> None:
        """Set the application palette's faint colours readable (see ``readable_palette``)."""
        fixed = readable_palette(self._app.palette())
        if fixed is not None:
            self._app.setPalette(fixed)

    @Slot()
    def _on_system_scheme(self) -> None:
        if self._choice is ThemeChoice.SYSTEM:
            # The system's new colours replace the ones set for the old scheme, then get the
            # same check.
            self._app.setPalette(QPalette())
            self.make_readable()
