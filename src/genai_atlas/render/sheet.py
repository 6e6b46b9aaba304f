"""The printed sheet as HTML: a pure function of a ``CompareTable`` (no Qt, no palette).

A sheet is always black on white, whatever the app's colours: paper does not follow dark mode.
The printing package lays pages out from the fragments below (one small document per cell, so a
row's height is known before it is placed); ``sheet_html`` joins them into one standalone page
for tests and for anyone who wants the sheet as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..data.compare import CompareTable

APP_NAME = "GenAI Atlas"
INK = "#000000"
PAPER = "#ffffff"
MUTED_INK = "#333333"
ZEBRA = "#ececec"  # light enough for text on top, dark enough to survive a B/W laser printer
HEADER_FILL = "#d6d6d6"
RULE = "#7a7a7a"

TITLE_PT = 17.0
SUBTITLE_PT = 10.5
HEADER_PT = 9.5
BODY_PT = 9.0
FOOTER_PT = 7.5
LONG_TITLE_PT = 14.0  # for titles longer than LONG_TITLE characters ("A vs B vs C vs D")
LONG_TITLE = 60
BULLET_INDENT_PX = 11  # list indent; Qt scales these 1/96-inch pixels to the printer


@dataclass(frozen=True, slots=True)
class SheetFooter:
    """What the footer of every page says, apart from "page N of M"."""

    attribution: str
    data_version: str
    date: str
    app_name: str = APP_NAME

    def line(self) -> str:
        version = f"data {self.data_version}" if self.data_version else "data version unknown"
        return f"{self.app_name} · {version} · printed {self.date}"


def page_label(page: int, pages: int) -> str:
    return f"page {page} of {pages}"


def cell_html(text: str, *, bold: bool = False, size_pt: float = BODY_PT) -> str:
    """One cell: one line is a paragraph; several lines become a bulleted list."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    weight = "font-weight:bold;" if bold else ""
    style = f"color:{INK};font-size:{size_pt}pt;{weight}"
    if not lines:
        return f'<p style="{style}">\u2014</p>'  # an em dash says "nothing here" on paper
    if len(lines) == 1:
        return f'<p style="{style}margin-top:0;margin-bottom:0;">{escape(lines[0])}</p>'
    # A list (not "•" typed into the text) keeps a wrapped item's lines clear of its bullet.
    items = "".join(
        f'<li style="{style}margin-top:0;margin-bottom:1px;">{escape(line)}</li>' for line in lines
    )
    return f'<ul style="margin-top:0;margin-bottom:0;margin-left:0;-qt-list-indent:1;">{items}</ul>'


def title_html(table: CompareTable) -> str:
    size = TITLE_PT if len(table.title) <= LONG_TITLE else LONG_TITLE_PT
    parts = [
        f'<p style="color:{INK};font-size:{size}pt;font-weight:bold;margin:0;">'
        f"{escape(table.title)}</p>"
    ]
    if table.subtitle:
        parts.append(
            f'<p style="color:{MUTED_INK};font-size:{SUBTITLE_PT}pt;margin-top:2px;">'
            f"{escape(table.subtitle)}</p>"
        )
    return "".join(parts)


def sources_html(table: CompareTable) -> str:
    """The data's attribution lines, then the full list of sources when the footer cannot hold
    them; printed after the table."""
    notices = "".join(
        f'<p style="color:{INK};font-size:{FOOTER_PT + 0.5}pt;margin-top:4px;">{escape(line)}</p>'
        for line in table.notices
    )
    if len(table.sources) <= 2:
        return notices
    items = "".join(
        f'<p style="color:{INK};font-size:{FOOTER_PT + 0.5}pt;margin:0;">\u2022\u00a0'
        f"{escape(source.title)}{escape(' — ' + source.url) if source.url else ''}</p>"
        for source in table.sources
    )
    heading = (
        f'<p style="color:{INK};font-size:{HEADER_PT}pt;font-weight:bold;margin-bottom:2px;">'
        "Sources</p>"
    )
    return notices + heading + items


@dataclass(frozen=True, slots=True)
class SheetNote:
    """The reader's own note on an entry of the sheet, printed under it when they ask for it."""

    title: str  # the entry's title, named in the heading when a sheet carries several notes
    text: str


NOTE_HEADING = "Your note"
NO_BREAK_SPACE = "\u00a0"


def note_heading(note: SheetNote, several: bool = False) -> str:
    return f"{NOTE_HEADING} on {note.title}" if several else NOTE_HEADING


def note_html(note: SheetNote, several: bool = False) -> str:
    """A note as printed: a heading, then the text as typed, one paragraph per line.

    Plain text stays plain: it is escaped (a note saying ``<b>`` prints those three characters),
    its line breaks and leading spaces are kept, and a blank line stays a blank line.
    """
    heading = (
        f'<p style="color:{INK};font-size:{HEADER_PT + 1}pt;font-weight:bold;margin-bottom:3px;">'
        f"{escape(note_heading(note, several))}</p>"
    )
    style = f"color:{INK};font-size:{BODY_PT + 0.5}pt;margin-top:0;margin-bottom:0;"
    lines = note.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # pre-wrap keeps runs of spaces and still wraps long lines; an empty paragraph would
    # collapse to nothing, so a blank line holds a no-break space.
    body = "".join(
        f'<p style="{style}white-space:pre-wrap;">{escape(line) or NO_BREAK_SPACE}</p>'
        for line in lines
    )
    return heading + body


def notes_html(notes: tuple[SheetNote, ...]) -> str:
    several = len(notes) > 1
    return "".join(note_html(note, several) for note in notes)


def footer_text(footer: SheetFooter, page: int, pages: int) -> tuple[str, str, str]:
    """The footer's three parts: attribution, app line, and the page number."""
    return footer.attribution, footer.line(), page_label(page, pages)


def sheet_html(table: CompareTable, footer: SheetFooter, notes: tuple[SheetNote, ...] = ()) -> str:
    """The whole sheet as one HTML page (header row in ``<thead>``, zebra rows, the reader's
    notes if given, footer)."""
    head = "".join(
        f'<th style="background:{HEADER_FILL};border:1px solid {RULE};text-align:left;">'
        f"{cell_html(label, bold=True, size_pt=HEADER_PT)}</th>"
        for label in (table.aspect_label, *table.columns)
    )
    body = []
    for index, row in enumerate(table.rows):
        fill = ZEBRA if index % 2 else PAPER
        cells = "".join(
            f'<td style="border:1px solid {RULE};vertical-align:top;">{cell_html(cell)}</td>'
            for cell in row.cells
        )
        body.append(
            f'<tr style="background:{fill};">'
            f'<td style="border:1px solid {RULE};vertical-align:top;">'
            f"{cell_html(row.aspect, bold=True)}</td>{cells}</tr>"
        )
    attribution, line, _ = footer_text(footer, 1, 1)
    return (
        f'<html><body style="color:{INK};background:{PAPER};">'
        f"{title_html(table)}"
        f'<table cellspacing="0" cellpadding="4" width="100%" style="border-collapse:collapse;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"{sources_html(table)}"
        f"{notes_html(notes)}"
        f'<p style="color:{MUTED_INK};font-size:{FOOTER_PT}pt;">'
        f"{escape(attribution)}<br>{escape(line)}</p>"
        "</body></html>"
    )
