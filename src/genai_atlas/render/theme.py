"""The colours a rendered page uses: a small frozen value built from the application palette.

``derive_theme`` turns the palette's own colours into a ``Theme`` whose every pairing of text and
background meets WCAG AA (render/contrast.py), moving a colour only where the palette's is too
faint: Qt's default link blue on a dark base is 1.5:1, the GTK dark theme's link 3.5:1 (issue 9).
``Theme.pairs`` lists each pairing the renderers put on screen, so a test can check them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from .contrast import AA_LARGE, AA_TEXT, contrast_ratio, is_dark, mix, readable

# The marker behind matched words has no palette role (the selection colour would look like a
# selected row), so it is fixed: a pale yellow on light pages, amber on dark ones, as in browsers.
LIGHT_MARK = "#ffe066"
DARK_MARK = "#e0b400"


@dataclass(frozen=True, slots=True)
class ContrastPair:
    """A text colour on the background it is drawn on, and the ratio WCAG AA asks of it."""

    name: str
    foreground: str
    background: str
    minimum: float

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)


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
    highlight_background: str = LIGHT_MARK
    dark: bool = False
    selection_text: str = "#ffffff"  # a selected search result
    selection_background: str = "#0b5cad"

    def pairs(self) -> list[ContrastPair]:
        """Every text colour the detail pane and the search panel draw, on its background."""
        return [
            ContrastPair("body text", self.text, self.background, AA_TEXT),
            ContrastPair("headings", self.text, self.background, AA_LARGE),
            ContrastPair("muted text", self.muted, self.background, AA_TEXT),
            ContrastPair("links", self.link, self.background, AA_TEXT),
            ContrastPair("table header", self.text, self.header_background, AA_TEXT),
            ContrastPair("highlighted match", self.highlight_text, self.highlight_background, 4.5),
            ContrastPair("selected result", self.selection_text, self.selection_background, 4.5),
        ]


def derive_theme(
    *,
    text: str,
    base: str,
    link: str,
    selection: str | None = None,
    selection_text: str | None = None,
) -> Theme:
    """A readable theme from a palette's Text, Base, Link, Highlight and HighlightedText colours
    (``#rrggbb``); for text on the window (the search panel's message line), pass WindowText and
    Window as ``text`` and ``base``."""
    grounds = (base,)
    dark = is_dark(base)
    text = readable(text, grounds)
    header = mix(base, text, 0.08)
    text = readable(text, (base, header))  # a table's header row is a shade towards the text
    muted = readable(mix(text, base, 0.4), grounds)
    mark = DARK_MARK if dark else LIGHT_MARK
    # Matched words keep the page's text colour on a light page; on the amber of a dark page
    # they turn dark (the amber is lighter than the page's light text).
    mark_text = readable(base if dark else text, (mark,))
    selection = selection or ("#2f65ca" if dark else "#0b5cad")
    selection_text = selection_text or "#ffffff"
    if contrast_ratio(selection_text, selection) < AA_TEXT:
        # Qt's default #308cc6 under white text is 3.7:1: the selection darkens (or lightens)
        # rather than the text changing colour, so a selected row still looks like the system's.
        selection = readable(selection, (selection_text,))
    return Theme(
        text=text,
        background=base,
        muted=muted,
        link=readable(link, grounds),
        border=mix(text, base, 0.75),
        header_background=header,
        highlight_text=mark_text,
        highlight_background=mark,
        dark=dark,
        selection_text=selection_text,
        selection_background=selection,
    )


LIGHT = Theme()
DARK = Theme(
    text="#e6e6e6",
    background="#1e1f22",
    muted="#a0a4a8",
    link="#6cb6ff",
    border="#4a4d52",
    header_background="#2b2d31",
    highlight_text="#1e1f22",
    highlight_background=DARK_MARK,
    dark=True,
    selection_text="#ffffff",
    selection_background="#2f65ca",
)
