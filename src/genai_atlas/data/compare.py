"""Side-by-side tables: a built-in comparison, 2–4 entries of one kind, or one entry's fields.

Every printed sheet, CSV and Markdown export and the compare view read the same ``CompareTable``:
columns are the compared items, rows are aspects. Cells are plain text (links reduced to their
shown text); a cell holding several items has one item per line. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .atlas import Atlas
from .errors import UnknownEntryError
from .field_values import field_text
from .fields import fields_of
from .markup import plain_text
from .model_dataset import EPOCH_SOURCE_ID
from .model_records import EPOCH_ATTRIBUTION
from .records import AnyEntry, Comparison, EntryKind, Model, Source, kind_of

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
# The curated models cite Epoch AI's record only where a fact was checked against it; a sheet
# credits the dataset when it shows the dataset's figures, with its attribution line (below).
_NOT_SHOWN_SOURCES = frozenset({EPOCH_SOURCE_ID})


class CompareError(ValueError):
    """The entries asked for cannot be compared; ``str(error)`` is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One aspect of a side-by-side table: a cell per entry compared."""

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
    # Attribution lines the licence of shown data asks for (an imported dataset's), said
    # wherever the table goes: under it on a sheet, in every footer, at the end of a CSV.
    notices: tuple[str, ...] = ()

    @property
    def builtin(self) -> bool:
        return self.kind is None

    @property
    def differing_rows(self) -> tuple[CompareRow, ...]:
        return tuple(row for row in self.rows if row.differs)

    def only_differences(self) -> CompareTable:
        return replace(self, rows=self.differing_rows)

    def attribution(self) -> str:
        """The source line for a printed footer: the data's notices, then the sources."""
        sources = self._source_line()
        return " · ".join((*self.notices, sources)) if self.notices else sources

    def _source_line(self) -> str:
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


def _with_figures(entries: Sequence[AnyEntry]) -> list[Model]:
    return [entry for entry in entries if isinstance(entry, Model) and entry.figures is not None]


def _sources(entries: Sequence[AnyEntry], atlas: Atlas | None = None) -> tuple[Source, ...]:
    """Each entry's sources once; the atlas's entry for the dataset where its figures show."""
    shows_dataset = bool(_with_figures(entries))
    seen: dict[str, Source] = {}
    for entry in entries:
        for source in entry.sources:
            if source.id not in _NOT_SHOWN_SOURCES or shows_dataset:
                seen.setdefault(source.id, source)
    cited = atlas.sources().get(EPOCH_SOURCE_ID) if atlas is not None else None
    if shows_dataset and cited is not None:
        seen.setdefault(EPOCH_SOURCE_ID, cited)
    return tuple(seen.values())


def _notices(entries: Sequence[AnyEntry]) -> tuple[str, ...]:
    """The dataset's attribution line (with its file's date) when any entry shows its figures."""
    lines = {model.dataset_attribution or EPOCH_ATTRIBUTION for model in _with_figures(entries)}
    return tuple(sorted(lines))


def _field_rows(entries: Sequence[AnyEntry]) -> tuple[CompareRow, ...]:
    """One row per field of the kind (data/fields.py) that any of the entries fills."""
    rows = []
    for field in fields_of(entries[0].kind):
        if not field.compare:
            continue
        cells = tuple(field_text(field, entry) for entry in entries)
        if any(cell.strip() for cell in cells):
            rows.append(CompareRow(field.label, cells))
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
        sources=_sources(entries, atlas),
        entry_ids=tuple(entry.id for entry in entries),
        kind=kind,
        aspect_label="Field",
        notices=_notices(entries),
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
        sources=_sources([entry], atlas),
        entry_ids=(entry.id,),
        kind=entry.kind,
        aspect_label="Field",
        notices=_notices([entry]),
    )
