"""The detail page of one entry as HTML: a pure function of the record and a colour theme.

Every cross-reference becomes ``<a href="atlas:kind/slug">``; ``[text](kind/slug)`` markup in prose
becomes the same kind of link; every piece of text is HTML-escaped. Highlight terms (from a search)
are wrapped in ``<span class="hl">`` wherever they occur, case-insensitively. No Qt here: the
output is rich text that ``QTextBrowser`` and ``QTextDocument`` (printing) both understand.

The structure is real, for screen readers and the find bar: the title is the one ``<h1>``, each
section an ``<h2>`` (``QTextDocument`` keeps them as ``QTextBlockFormat.headingLevel``), the
label of each fact a row header (``<th scope="row">``), and a comparison's column titles a
``<thead>`` (kept as the table's ``headerRowCount``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from ..data.fields import APPLICATION_FIELDS, Cited, Field, Pane, Show, fields_of
from ..data.markup import InlineLink, split_links
from ..data.model_records import EPOCH_ATTRIBUTION
from ..data.records import (
    DATASET_SHORT_NAME,
    GROUP_LABELS,
    KIND_ORDER,
    SECTION_LABELS,
    AnyEntry,
    Application,
    Comparison,
    EntryKind,
    EntryRef,
    Model,
    Takeaway,
    Trend,
)
from ..data.search_text import terms_pattern
from .theme import Theme

# Order in which "Referenced by" groups the entries that point at this one.
_BACKLINK_ORDER = KIND_ORDER
# Backlinks of these kinds have a section of their own in the page (a declared field lists
# them), so "Referenced by" leaves them out; a term's "Also used by" lists every backlink.
_BACKLINKS_SHOWN: dict[EntryKind, set[EntryKind]] = {
    EntryKind.CATEGORY: {EntryKind.APPLICATION},
    EntryKind.INDUSTRY: {EntryKind.APPLICATION},
    EntryKind.MODEL: {EntryKind.CATEGORY, EntryKind.APPLICATION},
    EntryKind.TERM: set(EntryKind),
}


DATASET_HEADING = "Figures from Epoch AI"


def _web_url(url: str) -> bool:
    """Only web pages open from imported data: never file:, javascript: or an app's scheme."""
    return url.lower().startswith(("https://", "http://"))


def render_entry(entry: AnyEntry, theme: Theme, highlight_terms: Sequence[str] = ()) -> str:
    """The full HTML page for ``entry``."""
    return _Renderer(theme, highlight_terms).page(entry)


def highlight_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """The words to highlight: those that start like one of ``terms``, as in the search results
    (so "gan" marks "GANs" but not the middle of "organisation"), or None."""
    return terms_pattern(tuple(t for t in terms if t and t.strip()))


class _Renderer:
    def __init__(self, theme: Theme, highlight_terms: Sequence[str]) -> None:
        self.theme = theme
        self.pattern = highlight_pattern(highlight_terms)

    # --- text pieces --------------------------------------------------------------------------

    def text(self, raw: str) -> str:
        """Escaped text, with highlight terms wrapped in spans."""
        if self.pattern is None:
            return escape(raw)
        out: list[str] = []
        position = 0
        for match in self.pattern.finditer(raw):
            out.append(escape(raw[position : match.start()]))
            out.append(
                f'<span class="hl" style="background-color:{self.theme.highlight_background};'
                f'color:{self.theme.highlight_text};">{escape(match.group())}</span>'
            )
            position = match.end()
        out.append(escape(raw[position:]))
        return "".join(out)

    def prose(self, raw: str) -> str:
        """Prose with ``[text](kind/slug)`` markup turned into atlas links."""
        parts = []
        for part in split_links(raw):
            if isinstance(part, InlineLink):
                parts.append(self.anchor(f"atlas:{part.target}", part.text))
            else:
                parts.append(self.text(part))
        return "".join(parts)

    def anchor(self, href: str, label: str) -> str:
        return f'<a href="{escape(href)}">{self.text(label)}</a>'

    def link(self, ref: EntryRef) -> str:
        return self.anchor(f"atlas:{ref.id}", ref.title)

    def links(self, refs: Iterable[EntryRef]) -> str:
        return ", ".join(self.link(ref) for ref in refs)

    def paragraphs(self, raw: str) -> str:
        return "".join(f"<p>{self.prose(p)}</p>" for p in raw.split("\n\n") if p.strip())

    def bullets(self, items: Iterable[str]) -> str:
        rows = "".join(f"<li>{self.prose(item)}</li>" for item in items)
        return f"<ul>{rows}</ul>" if rows else ""

    def link_list(self, refs: Iterable[EntryRef]) -> str:
        rows = "".join(f"<li>{self.link(ref)}</li>" for ref in refs)
        return f"<ul>{rows}</ul>" if rows else ""

    def section(self, title: str, body: str) -> str:
        return f"<h2>{escape(title)}</h2>{body}" if body else ""

    def facts(self, rows: Iterable[tuple[str, str]]) -> str:
        """A two-column label/value table; values are already HTML."""
        body = "".join(
            f'<tr><th class="label" scope="row">{escape(label)}</th><td>{value}</td></tr>'
            for label, value in rows
            if value
        )
        return (
            f'<table class="facts" cellspacing="0" cellpadding="3" '
            f'style="margin-top:2px; margin-bottom:10px;">{body}</table>'
        )

    # --- the page -----------------------------------------------------------------------------

    def page(self, entry: AnyEntry) -> str:
        body = self.body(entry)
        t = self.theme
        style = (
            f"body {{ color:{t.text}; background-color:{t.background}; }}"
            f"a {{ color:{t.link}; text-decoration:none; }}"
            f"p {{ margin-top:0; margin-bottom:8px; }}"
            f"h1 {{ margin-top:0; margin-bottom:6px; }}"
            f"h2 {{ margin-top:16px; margin-bottom:4px; }}"
            f"h3 {{ margin-top:10px; margin-bottom:2px; }}"
            f".kind, .muted, .sources {{ color:{t.muted}; }}"
            # A row header, but set like the plain label it was (th is bold and centred).
            f"th.label {{ color:{t.muted}; padding-right:12px; font-weight:normal; "
            f"text-align:left; }}"
            f"table.grid th {{ background-color:{t.header_background}; text-align:left; }}"
        )
        return (
            f'<html><head><meta charset="utf-8"><style>{style}</style></head>'
            f"<body>{body}</body></html>"
        )

    def body(self, entry: AnyEntry) -> str:
        kind_line = f'<p class="kind">{escape(self.kind_line(entry))}</p>'
        title = f"<h1>{self.text(entry.title)}</h1>"
        declared = fields_of(entry.kind)
        main = self.fields(entry, [f for f in declared if f.pane is not Pane.DATASET])
        figures = self.dataset_section(entry, [f for f in declared if f.pane is Pane.DATASET])
        shown = _BACKLINKS_SHOWN.get(entry.kind, set())
        return (
            kind_line
            + title
            + main
            + figures
            + self.referenced_by(entry, shown)
            + self.sources(entry)
        )

    def dataset_section(self, entry: AnyEntry, fields: Sequence[Field[Any]]) -> str:
        """An imported dataset's figures, under its attribution: the publisher's, not ours.

        Its free text (the abstract, the notes on a figure) is quoted as the publisher wrote it.
        """
        if not isinstance(entry, Model) or entry.figures is None:
            return ""
        figures = entry.figures
        rows = [(field.label, self.fact(field, entry)) for field in fields]
        quotes = [
            (label, text)
            for label, text in (
                ("Abstract", figures.abstract),
                ("Parameters notes", figures.parameters_notes),
                ("Training compute notes", figures.compute_notes),
                ("Accessibility notes", figures.accessibility_notes),
            )
            if text.strip()
        ]
        quoted = "".join(
            f'<p class="muted"><i>{escape(label)}, as the dataset gives it:</i></p>'
            f"<blockquote>{self.quoted(text)}</blockquote>"
            for label, text in quotes
        )
        attribution = entry.dataset_attribution or EPOCH_ATTRIBUTION
        return (
            f"<h2>{escape(DATASET_HEADING)}</h2>"
            f'<p class="muted">{self.text(attribution)}</p>' + self.facts(rows) + quoted
        )

    def web_link(self, url: str) -> str:
        """A web address as a link; nothing for any other scheme (imported data is untrusted:
        a ``javascript:`` or ``file:`` link must never reach the pane)."""
        return self.anchor(url, url) if _web_url(url) else ""

    def quoted(self, text: str) -> str:
        """The publisher's prose: escaped, paragraphs kept, never read as markup or links."""
        return "".join(
            f"<p>{self.text(part.strip())}</p>" for part in text.split("\n\n") if part.strip()
        )

    def kind_line(self, entry: AnyEntry) -> str:
        match entry:
            case Application():
                return f"Application · {entry.industry.title} · {entry.scope_label}"
            case Trend():
                return f"Trend · {SECTION_LABELS.get(entry.section, entry.section)}"
            case Takeaway():
                return f"Takeaway · {GROUP_LABELS.get(entry.group, entry.group)}"
            case Model() if not entry.curated:
                return f"Model · from {DATASET_SHORT_NAME}'s dataset"
            case _:
                return entry.kind.label

    def referenced_by(self, entry: AnyEntry, shown: set[EntryKind]) -> str:
        """Backlinks not already shown in a section of their own, grouped by kind."""
        groups: dict[EntryKind, list[EntryRef]] = {}
        seen: set[str] = set()
        for link in entry.backlinks:
            ref = link.entry
            if ref.kind in shown or ref.id in seen:
                continue
            seen.add(ref.id)
            groups.setdefault(ref.kind, []).append(ref)
        rows = [
            (kind.plural, self.links(groups[kind])) for kind in _BACKLINK_ORDER if kind in groups
        ]
        return self.section("Referenced by", self.facts(rows)) if rows else ""

    def sources(self, entry: AnyEntry) -> str:
        items = []
        for source in entry.sources:
            line = self.text(source.title)
            if source.url:
                line += f" — {self.anchor(source.url, source.url)}"
            if source.licence:
                line += f" ({self.text(source.licence)})"
            items.append(f"<li>{line}</li>")
        if not items:
            return ""
        return f'<h2>Sources</h2><ol class="sources">{"".join(items)}</ol>'

    # --- the declared fields (data/fields.py) -------------------------------------------------

    def fields(self, entry: AnyEntry, fields: Sequence[Field[Any]]) -> str:
        """The fields in their declared order; each run of facts is one label/value table."""
        out: list[str] = []
        facts: list[tuple[str, str]] = []
        for field in fields:
            if field.pane is Pane.FACT:
                facts.append((field.label, self.fact(field, entry)))
                continue
            if facts:
                out.append(self.facts(facts))
                facts = []
            out.append(self.placed(field, entry))
        if facts:
            out.append(self.facts(facts))
        return "".join(out)

    def placed(self, field: Field[Any], entry: AnyEntry) -> str:
        """A field that is not a fact, where its declaration puts it."""
        value = field.value(entry)
        match field.pane:
            case Pane.TEXT:
                return self.paragraphs(value)
            case Pane.LEAD:
                return f'<p class="muted"><i>{self.text(value)}</i></p>'
            case Pane.NOTE:
                if not value:
                    return ""
                return f'<p class="muted"><i>{escape(field.label)}:</i> {self.prose(value)}</p>'
            case Pane.SECTION:
                return self.section(field.label, self.block(field, value))
            case Pane.GRID:
                assert isinstance(entry, Comparison)
                return self.grid(entry)
            case _:
                return ""

    def fact(self, field: Field[Any], entry: AnyEntry) -> str:
        """A value for the right-hand side of a facts table (HTML; "" when empty)."""
        value = field.value(entry)
        match field.show:
            case Show.REF:
                html = self.link(value)
            case Show.REFS:
                html = self.links(value)
            case Show.URL:
                html = self.web_link(value)
            case Show.URLS:
                html = "<br>".join(link for link in map(self.web_link, value) if link)
            case Show.CITED:
                html = self.cited(value)
            case Show.PROSE:
                html = self.prose(value)
            case _:
                html = self.text(str(value))
        if html and field.note:
            html += f" <i>({escape(field.note, quote=False)})</i>"
        return html

    def block(self, field: Field[Any], value: Any) -> str:
        """A value under a heading of its own (HTML; "" when empty)."""
        match field.show:
            case Show.REFS:
                return self.link_list(value)
            case Show.LINES:
                return self.bullets(value)
            case Show.IMPACTS:
                impacts = "".join(
                    f"<li>{self.link(impact.industry)}: {self.prose(impact.text)}</li>"
                    for impact in value
                )
                return f"<ul>{impacts}</ul>" if impacts else ""
            case Show.APPLICATIONS:
                return "".join(self.application_block(app) for app in value)
            case _:
                return self.paragraphs(str(value))

    def application_block(self, app: Application) -> str:
        """One of an industry's applications: its link, its text and its facts but the industry."""
        facts = [f for f in APPLICATION_FIELDS if f.pane is Pane.FACT and f.key != "industry"]
        return (
            f"<h3>{self.link(app.ref)}</h3>"
            + self.paragraphs(app.description)
            + self.facts([(field.label, self.fact(field, app)) for field in facts])
        )

    def cited(self, value: Cited) -> str:
        """ "Paper 2022 — <the source that states it>", or says that no source does."""
        source = value.source
        if not value.text:
            return ""
        if source is None:
            return self.text(f"{value.text} ({value.unsourced})")
        cited = self.anchor(source.url, source.title) if source.url else self.text(source.title)
        return f"{self.text(value.text)} — {cited}"

    def grid(self, entry: Comparison) -> str:
        t = self.theme
        head = (
            f'<thead><tr><th width="20%">Aspect</th>'
            f'<th width="40%">{self.text(entry.left_label)}</th>'
            f'<th width="40%">{self.text(entry.right_label)}</th></tr></thead>'
        )
        rows = "".join(
            f"<tr><td><b>{self.prose(row.aspect)}</b></td><td>{self.cell(row.left)}</td>"
            f"<td>{self.cell(row.right)}</td></tr>"
            for row in entry.rows
        )
        return (
            f'<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="6" '
            f'style="border-collapse:collapse; border-color:{t.border}; border-style:solid; '
            f'margin-top:6px; margin-bottom:10px;">'
            f"{head}{rows}</table>"
        )

    def cell(self, raw: str) -> str:
        items = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(items) > 1:
            return self.bullets(items)
        return self.prose(raw)
