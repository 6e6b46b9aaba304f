"""Side-by-side tables: a built-in comparison, 2–4 entries of one kind, or one entry's fields.

Every printed sheet, CSV and Markdown export and the compare view read the same ``CompareTable``:
columns are the compared items, rows are aspects. Cells are plain text (links reduced to their
shown text); a cell holding several items has one item per line. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .atlas import Atlas
from .errors import UnknownEntryError
from .markup import plain_text
from .records import (
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
    Source,
    Takeaway,
    Term,
    Trend,
    kind_of,
)

MIN_ITEMS = 2
MAX_ITEMS = 4
COMPARABLE_KINDS = (
    EntryKind.MODEL,
    EntryKind.CATEGORY,
    EntryKind.INDUSTRY,
    EntryKind.APPLICATION,
    EntryKind.TREND,
    EntryKind.TERM,
    EntryKind.TAKEAWAY,
)
# Epoch AI data is used only by a test that cross-checks facts; no sheet shows it, so a sheet
# never credits it.
_NOT_SHOWN_SOURCES = frozenset({"source/epoch-ai-notable-models"})


class CompareError(ValueError):
    """The entries asked for cannot be compared; ``str(error)`` is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class CompareRow:
    aspect: str
    cells: tuple[str, ...]

    @property
    def differs(self) -> bool:
        """True when the cells are not all the same (ignoring case and surrounding spaces)."""
        return len({_normalise(cell) for cell in self.cells}) > 1


@dataclass(frozen=True, slots=True)
class CompareTable:
    """A side-by-side table. ``kind`` is the compared entries' kind; None for a built-in one."""

    title: str
    subtitle: str
    columns: tuple[str, ...]
    rows: tuple[CompareRow, ...]
    sources: tuple[Source, ...] = ()
    entry_ids: tuple[str, ...] = ()
    kind: EntryKind | None = None
    aspect_label: str = "Aspect"

    @property
    def builtin(self) -> bool:
        return self.kind is None

    @property
    def differing_rows(self) -> tuple[CompareRow, ...]:
        return tuple(row for row in self.rows if row.differs)

    def only_differences(self) -> CompareTable:
        return replace(self, rows=self.differing_rows)

    def attribution(self) -> str:
        """The source line for a printed footer: every source title, or the first few."""
        titles = [source.title for source in self.sources]
        if not titles:
            return "GenAI Atlas content"
        if len(titles) == 1:
            return f"Source: {titles[0]}"
        if len(titles) == 2:
            return "Sources: " + "; ".join(titles)
        return f"Sources: {titles[0]} and {len(titles) - 1} more (listed after the table)"


def _normalise(cell: str) -> str:
    return " ".join(cell.split()).casefold()


def _lines(items: Sequence[str]) -> str:
    return "\n".join(plain_text(item) for item in items)


def _titles(refs: Sequence[EntryRef]) -> str:
    return "\n".join(ref.title for ref in refs)


def _unique(refs: Sequence[EntryRef]) -> tuple[EntryRef, ...]:
    seen: dict[str, EntryRef] = {}
    for ref in refs:
        seen.setdefault(ref.id, ref)
    return tuple(seen.values())


def _sources(entries: Sequence[AnyEntry]) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for entry in entries:
        for source in entry.sources:
            if source.id not in _NOT_SHOWN_SOURCES:
                seen.setdefault(source.id, source)
    return tuple(seen.values())


# --- the fields of each kind, as (aspect, cell) pairs ----------------------------------------


def _model_fields(model: Model) -> list[tuple[str, str]]:
    return [
        ("Organisation", model.organisation),
        ("Date", model.date_label),
        ("Type", model.model_type_label),
        ("Modality", model.modality_label),
        ("Access", model.access_summary),
        ("Categories", _titles(model.linked_from(EntryKind.CATEGORY))),
        ("Uses", _titles(model.linked_from(EntryKind.APPLICATION))),
        ("Website", model.website),
        ("Summary", plain_text(model.summary)),
    ]


def _category_fields(category: Category) -> list[tuple[str, str]]:
    applications = [link.entry for link in category.backlinks if link.relation == "category"]
    return [
        ("Summary", plain_text(category.summary)),
        ("Examples", _titles(category.examples)),
        ("Use cases", _lines(category.use_cases)),
        ("Techniques", _titles(category.techniques)),
        ("Applications", _titles(applications)),
    ]


def _industry_fields(industry: Industry) -> list[tuple[str, str]]:
    def scoped(scope: str) -> str:
        return _titles([app.ref for app in industry.applications if app.scope == scope])

    categories = _unique([ref for app in industry.applications for ref in app.categories])
    models = _unique([ref for app in industry.applications for ref in app.models])
    return [
        ("Summary", plain_text(industry.summary)),
        *((label + "s", scoped(scope)) for scope, label in SCOPE_LABELS.items()),
        ("Categories", _titles(categories)),
        ("Models", _titles(models)),
    ]


def _application_fields(application: Application) -> list[tuple[str, str]]:
    return [
        ("Industry", application.industry.title),
        ("Scope", application.scope_label),
        ("Description", plain_text(application.description)),
        ("Categories", _titles(application.categories)),
        ("Models", _titles(application.models)),
        ("See also (the atlas's choice)", _titles(application.see_also)),
    ]


def _trend_fields(trend: Trend) -> list[tuple[str, str]]:
    return [
        ("Section", SECTION_LABELS.get(trend.section, trend.section)),
        ("Summary", plain_text(trend.summary)),
        ("Key points", _lines(trend.points)),
        ("Examples", _lines(trend.examples)),
        ("Impact", _lines(trend.impact)),
        ("Initiatives", _lines(trend.initiatives)),
        (
            "Industry impacts",
            "\n".join(f"{i.industry.title}: {plain_text(i.text)}" for i in trend.industry_impacts),
        ),
        ("Related", _titles(trend.linked("related"))),
    ]


def _term_fields(term: Term) -> list[tuple[str, str]]:
    return [
        ("Definition", plain_text(term.definition)),
        ("Also known as", "\n".join(term.aliases)),
        ("Related", _titles(term.linked("related"))),
        ("Used in categories", _titles(term.linked_from(EntryKind.CATEGORY))),
    ]


def _takeaway_fields(takeaway: Takeaway) -> list[tuple[str, str]]:
    return [
        ("Group", takeaway.group.capitalize()),
        ("Takeaway", plain_text(takeaway.text)),
        ("Related", _titles(takeaway.linked("related"))),
    ]


_FIELDS: dict[EntryKind, Callable[[Any], list[tuple[str, str]]]] = {
    EntryKind.MODEL: _model_fields,
    EntryKind.CATEGORY: _category_fields,
    EntryKind.INDUSTRY: _industry_fields,
    EntryKind.APPLICATION: _application_fields,
    EntryKind.TREND: _trend_fields,
    EntryKind.TERM: _term_fields,
    EntryKind.TAKEAWAY: _takeaway_fields,
}


def _field_rows(entries: Sequence[AnyEntry]) -> tuple[CompareRow, ...]:
    kind = entries[0].kind
    per_entry = [_FIELDS[kind](entry) for entry in entries]
    aspects = [aspect for aspect, _ in per_entry[0]]
    rows = []
    for index, aspect in enumerate(aspects):
        cells = tuple(fields[index][1] for fields in per_entry)
        if any(cell.strip() for cell in cells):
            rows.append(CompareRow(aspect, cells))
    return tuple(rows)


# --- public builders -----------------------------------------------------------------------


def comparison_table(comparison: Comparison) -> CompareTable:
    """A built-in comparison as a table: columns are its two labels, rows its aspects."""
    return CompareTable(
        title=comparison.title,
        subtitle=comparison.subtitle,
        columns=(comparison.left_label, comparison.right_label),
        rows=tuple(
            CompareRow(row.aspect, (plain_text(row.left), plain_text(row.right)))
            for row in comparison.rows
        ),
        sources=_sources([comparison]),
        entry_ids=(comparison.id,),
        kind=None,
    )


def check_compare_ids(entry_ids: Sequence[str]) -> EntryKind:
    """The common kind of ``entry_ids``; CompareError if they cannot be compared."""
    ids = list(entry_ids)
    if len(ids) < MIN_ITEMS or len(ids) > MAX_ITEMS:
        raise CompareError(
            f"compare takes {MIN_ITEMS} to {MAX_ITEMS} entries of the same kind; {len(ids)} given"
        )
    if len(set(ids)) != len(ids):
        raise CompareError("each entry can be compared only once; an id is repeated")
    kinds = []
    for entry_id in ids:
        try:
            kinds.append(kind_of(entry_id))
        except ValueError:
            raise UnknownEntryError(entry_id) from None
    if len(set(kinds)) > 1:
        named = ", ".join(sorted({kind.value for kind in kinds}))
        raise CompareError(f"entries of different kinds cannot be compared ({named})")
    kind = kinds[0]
    if kind not in COMPARABLE_KINDS:
        raise CompareError(f"{kind.plural.lower()} cannot be compared side by side")
    return kind


def compare_entries(atlas: Atlas, entry_ids: Sequence[str]) -> CompareTable:
    """2–4 entries of one kind side by side, one row per field that any of them fills."""
    kind = check_compare_ids(entry_ids)
    entries = [atlas.get(entry_id) for entry_id in entry_ids]
    titles = [entry.title for entry in entries]
    return CompareTable(
        title=" vs ".join(titles),
        subtitle=f"{kind.plural} compared field by field",
        columns=tuple(titles),
        rows=_field_rows(entries),
        sources=_sources(entries),
        entry_ids=tuple(entry.id for entry in entries),
        kind=kind,
        aspect_label="Field",
    )


def entry_table(atlas: Atlas, entry_id: str) -> CompareTable:
    """What printing an entry shows: a comparison's own table, else a field/value sheet."""
    entry = atlas.get(entry_id)
    if isinstance(entry, Comparison):
        return comparison_table(entry)
    return CompareTable(
        title=entry.title,
        subtitle=entry.kind.label,
        columns=(entry.title,),
        rows=_field_rows([entry]),
        sources=_sources([entry]),
        entry_ids=(entry.id,),
        kind=entry.kind,
        aspect_label="Field",
    )
