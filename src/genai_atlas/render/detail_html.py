"""The detail page of one entry as HTML: a pure function of the record and a colour theme.

Every cross-reference becomes ``<a href="atlas:kind/slug">``; ``[text](kind/slug)`` markup in prose
becomes the same kind of link; every piece of text is HTML-escaped. Highlight terms (from a search)
are wrapped in ``<span class="hl">`` wherever they occur, case-insensitively. No Qt here: the
output is rich text that ``QTextBrowser`` and ``QTextDocument`` (printing) both understand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from ..data.markup import InlineLink, split_links
from ..data.records import (
    GROUP_LABELS,
    SCOPE_LABELS,
    SECTION_LABELS,
    AnyEntry,
    Application,
    Category,
    Comparison,
    EntryKind,
    EntryRef,
    Industry,
    Model,
    Takeaway,
    Term,
    Trend,
)
from ..data.search import terms_pattern
from .theme import Theme

# Order in which "Referenced by" groups the entries that point at this one.
_BACKLINK_ORDER = tuple(EntryKind)


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

    def see_also(self, refs: Iterable[EntryRef]) -> str:
        """Links the atlas adds where the article names nothing, marked as the atlas's own."""
        links = self.links(refs)
        if not links:
            return ""
        return f"{links} <i>(the atlas's choice; the article names no model here)</i>"

    def link_list(self, refs: Iterable[EntryRef]) -> str:
        rows = "".join(f"<li>{self.link(ref)}</li>" for ref in refs)
        return f"<ul>{rows}</ul>" if rows else ""

    def section(self, title: str, body: str) -> str:
        return f"<h2>{escape(title)}</h2>{body}" if body else ""

    def facts(self, rows: Iterable[tuple[str, str]]) -> str:
        """A two-column label/value table; values are already HTML."""
        body = "".join(
            f'<tr><td class="label">{escape(label)}</td><td>{value}</td></tr>'
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
            f"td.label {{ color:{t.muted}; padding-right:12px; }}"
            f"table.grid th {{ background-color:{t.header_background}; text-align:left; }}"
        )
        return (
            f'<html><head><meta charset="utf-8"><style>{style}</style></head>'
            f"<body>{body}</body></html>"
        )

    def body(self, entry: AnyEntry) -> str:
        kind_line = f'<p class="kind">{escape(self.kind_line(entry))}</p>'
        title = f"<h1>{self.text(entry.title)}</h1>"
        match entry:
            case Comparison():
                main, shown = self.comparison(entry), set[EntryKind]()
            case Category():
                main, shown = self.category(entry), {EntryKind.APPLICATION}
            case Industry():
                main, shown = self.industry(entry), {EntryKind.APPLICATION}
            case Application():
                main, shown = self.application(entry), set()
            case Trend():
                main, shown = self.trend(entry), set()
            case Model():
                main, shown = self.model(entry), {EntryKind.CATEGORY, EntryKind.APPLICATION}
            case Term():
                main, shown = self.term(entry), set(EntryKind)
            case Takeaway():
                main, shown = self.takeaway(entry), set()
            case _:
                main, shown = self.paragraphs(entry.summary), set()
        return kind_line + title + main + self.referenced_by(entry, shown) + self.sources(entry)

    def kind_line(self, entry: AnyEntry) -> str:
        match entry:
            case Application():
                return f"Application · {entry.industry.title} · {entry.scope_label}"
            case Trend():
                return f"Trend · {SECTION_LABELS.get(entry.section, entry.section)}"
            case Takeaway():
                return f"Takeaway · {GROUP_LABELS.get(entry.group, entry.group)}"
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

    # --- one method per kind ------------------------------------------------------------------

    def comparison(self, entry: Comparison) -> str:
        t = self.theme
        head = (
            f'<tr><th width="20%">Aspect</th><th width="40%">{self.text(entry.left_label)}</th>'
            f'<th width="40%">{self.text(entry.right_label)}</th></tr>'
        )
        rows = "".join(
            f"<tr><td><b>{self.prose(row.aspect)}</b></td><td>{self.cell(row.left)}</td>"
            f"<td>{self.cell(row.right)}</td></tr>"
            for row in entry.rows
        )
        table = (
            f'<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="6" '
            f'style="border-collapse:collapse; border-color:{t.border}; border-style:solid; '
            f'margin-top:6px; margin-bottom:10px;">'
            f"{head}{rows}</table>"
        )
        subtitle = f'<p class="muted"><i>{self.text(entry.subtitle)}</i></p>'
        return subtitle + self.paragraphs(entry.summary) + table

    def cell(self, raw: str) -> str:
        items = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(items) > 1:
            return self.bullets(items)
        return self.prose(raw)

    def category(self, entry: Category) -> str:
        return (
            self.paragraphs(entry.summary)
            + self.section("Examples", self.link_list(entry.examples))
            + self.section("Use cases", self.bullets(entry.use_cases))
            + self.section("Techniques", self.link_list(entry.techniques))
            + self.section(
                "Applications using this category",
                self.link_list(entry.linked_from(EntryKind.APPLICATION)),
            )
        )

    def industry(self, entry: Industry) -> str:
        out = [self.paragraphs(entry.summary)]
        for scope, label in SCOPE_LABELS.items():
            apps = [a for a in entry.applications if a.scope == scope]
            if not apps:
                continue
            out.append(f"<h2>{escape(label)}</h2>")
            for app in apps:
                out.append(f"<h3>{self.link(app.ref)}</h3>")
                out.append(self.paragraphs(app.description))
                out.append(
                    self.facts(
                        [
                            ("Scope", escape(app.scope_label)),
                            ("Categories", self.links(app.categories)),
                            ("Models", self.links(app.models)),
                            ("See also", self.see_also(app.see_also)),
                        ]
                    )
                )
        return "".join(out)

    def application(self, entry: Application) -> str:
        return self.paragraphs(entry.description) + self.facts(
            [
                ("Industry", self.link(entry.industry)),
                ("Scope", escape(entry.scope_label)),
                ("Categories", self.links(entry.categories)),
                ("Models", self.links(entry.models)),
                ("See also", self.see_also(entry.see_also)),
            ]
        )

    def trend(self, entry: Trend) -> str:
        impacts = "".join(
            f"<li>{self.link(impact.industry)}: {self.prose(impact.text)}</li>"
            for impact in entry.industry_impacts
        )
        return (
            self.paragraphs(entry.summary)
            + self.section("Key points", self.bullets(entry.points))
            + self.section("Examples", self.bullets(entry.examples))
            + self.section("Impact", self.bullets(entry.impact))
            + self.section("Initiatives", self.bullets(entry.initiatives))
            + self.section("Industry impacts", f"<ul>{impacts}</ul>" if impacts else "")
            + self.section("Related", self.link_list(entry.linked("related")))
        )

    def model(self, entry: Model) -> str:
        site = self.anchor(entry.website, entry.website) if entry.website else ""
        facts = self.facts(
            [
                ("Organisation", self.text(entry.organisation)),
                self._model_date(entry),
                ("Modality", self.text(self._as_of(entry.modality_label, entry))),
                ("Type", self.text(entry.model_type_label)),
                ("Access", self.text(entry.access_summary)),
                ("Official site", site),
            ]
        )
        note = ""
        if entry.release_note:
            note = f'<p class="muted"><i>Release note:</i> {self.prose(entry.release_note)}</p>'
        return (
            facts
            + self.paragraphs(entry.summary)
            + note
            + self.section("Categories", self.link_list(entry.linked_from(EntryKind.CATEGORY)))
            + self.section("Applications", self.link_list(entry.linked_from(EntryKind.APPLICATION)))
        )

    def _model_date(self, entry: Model) -> tuple[str, str]:
        """("Paper", "2022 — <the source that states it>"): the label says what the year is."""
        label, year = entry.date_kind_label, entry.year_text
        source = next((s for s in entry.sources if s.id == entry.date_source), None)
        if source is None:
            return label, self.text(f"{year} (no source states the date)")
        cited = self.anchor(source.url, source.title) if source.url else self.text(source.title)
        return label, f"{self.text(year)} — {cited}"

    @staticmethod
    def _as_of(value: str, entry: Model) -> str:
        # A retired or unreleased model's modality is history; its Access line carries the date.
        if entry.as_of and entry.availability == "available":
            return f"{value} (as of {entry.as_of_label})"
        return value

    def term(self, entry: Term) -> str:
        related = list(entry.linked("related"))
        # "Also used by": the entries that mention the term and are not listed as related.
        used_by: list[EntryRef] = []
        for link in entry.backlinks:
            if link.entry not in used_by and link.entry not in related:
                used_by.append(link.entry)
        return (
            self.paragraphs(entry.definition)
            + self.section("Related", self.link_list(related))
            + self.section("Also used by", self.link_list(used_by))
        )

    def takeaway(self, entry: Takeaway) -> str:
        return self.paragraphs(entry.text) + self.section(
            "Related", self.link_list(entry.linked("related"))
        )
