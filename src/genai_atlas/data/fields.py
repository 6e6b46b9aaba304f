"""Each kind's fields, declared once: key, label, value and how to show it.

The detail pane (``render/detail_html.py``), the compare table with everything that prints or
exports it (``data/compare.py``), the Models table (``ui/models/model_table_model.py``) and the
JSON output (``data/serialize.py``) all read these declarations, so a label is written here and
nowhere else, and a field shows the same value in every place. Each front end decides only how a
kind of value looks in its medium (a link in the pane, a title in a table cell, a dict in JSON).

The order of a kind's fields is the order the compare table lists them in. The detail pane keeps
that order too, drawing runs of ``Pane.FACT`` fields as one label/value table. A value read as
text, a cell, a sort key or JSON is in ``field_values``. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from .figures_text import MISSING_SORT, count_text, scientific_text, sort_number
from .model_dataset import GLOSSARY_RELATION
from .model_records import ImportedModel
from .records import (
    GROUP_LABELS,
    SCOPE_LABELS,
    SECTION_LABELS,
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
)

E = TypeVar("E")


class Show(Enum):
    """What a value is, which decides how each front end draws it."""

    TEXT = "text"  # one line of plain text
    PROSE = "prose"  # text that may carry [text](kind/slug) links; paragraphs in the pane
    LINES = "lines"  # several prose items: bullets in the pane, one per line in a cell
    REF = "ref"  # one entry: a link in the pane, its title in a cell
    REFS = "refs"  # several entries
    URL = "url"  # a web address
    URLS = "urls"  # several web addresses
    CITED = "cited"  # a Cited: text and the source that states it
    IMPACTS = "impacts"  # IndustryImpact items: an industry and what changes there
    APPLICATIONS = "applications"  # an industry's applications (the pane shows each one's facts)
    ROWS = "rows"  # a built-in comparison's rows (the pane draws the side-by-side grid)


class Pane(Enum):
    """Where the detail pane puts a field."""

    FACT = "fact"  # a row of a label/value table
    TEXT = "text"  # the entry's own text, unlabelled
    LEAD = "lead"  # a muted line under the title, unlabelled
    NOTE = "note"  # a muted line after the text, led by its label
    SECTION = "section"  # a heading of its own over the value
    GRID = "grid"  # the comparison grid
    DATASET = "dataset"  # the imported dataset's figures, under its attribution
    NONE = "none"  # not in the pane (the line above the title already says it)


@dataclass(frozen=True, slots=True)
class Cited:
    """Text backed by one source; ``source`` None when no source states it."""

    text: str
    source: Source | None
    unsourced: str = "no source states it"


@dataclass(frozen=True, slots=True)
class Field(Generic[E]):
    """One field of a kind of entry: its label, its value and how it is shown."""

    key: str  # the JSON key: the record's attribute when the value is stored as it is
    label: str  # what a person reads, in every front end
    show: Show
    value: Callable[[E], Any]
    pane: Pane = Pane.FACT
    compare: bool = True  # a row of compare tables, printed sheets and CSV/Markdown exports
    column: bool = False  # a column of the kind's table (the Models tab)
    column_shown: bool = True  # shown until the reader hides it (the table's column chooser)
    cell: Callable[[E], str] | None = None  # a table cell's short form; None: the text form
    sort: Callable[[E], Any] | None = None  # a table's sort value; None: the cell, case-folded
    note: str = ""  # said after a non-empty value wherever it is shown (not in JSON)


# --- values that need a rule to read ----------------------------------------------------------


def _model_date(model: Model) -> Cited:
    source = next((s for s in model.sources if s.id == model.date_source), None)
    return Cited(model.date_label, source, "no source states the date")


def _figure(read: Callable[[ImportedModel], Any], default: Any = "") -> Callable[[Model], Any]:
    """A value of the model's imported figures; ``default`` when it has none."""

    def value(model: Model) -> Any:
        return read(model.figures) if model.figures is not None else default

    return value


def _joined(read: Callable[[ImportedModel], Sequence[str]]) -> Callable[[Model], str]:
    return _figure(lambda figures: ", ".join(read(figures)))


def _model_organisation(model: Model) -> str:
    # A model only the dataset lists has no organisation of the atlas's: the dataset's is its own.
    if model.organisation or model.figures is None:
        return model.organisation
    return model.figures.organisation


def _publication_cell(model: Model) -> str:
    """The dataset's date if it has one, else the atlas's year: "2023-03-15", "2022 (paper)"."""
    if model.figures is not None and model.figures.publication_date:
        return model.figures.publication_date
    return model.date_cell


def _publication_sort(model: Model) -> str:
    # ISO dates and bare years sort together as text: "2022" < "2022-04-04" < "2023".
    if model.figures is not None and model.figures.publication_date:
        return model.figures.publication_date
    return f"{model.year:04d}" if model.year else ""


def _accessibility_cell(model: Model) -> str:
    if model.figures is not None and model.figures.accessibility:
        return model.figures.accessibility
    return model.access_short


def _model_modality(model: Model) -> str:
    # A retired or unreleased model's modality is history; its Access line carries the date.
    if model.as_of and model.availability == "available":
        return f"{model.modality_label} (as of {model.as_of_label})"
    return model.modality_label


def _related(entry: Trend | Term | Takeaway) -> tuple[EntryRef, ...]:
    return entry.linked("related")


def _term_used_by(term: Term) -> tuple[EntryRef, ...]:
    """The entries that mention the term and are not listed as related, each once."""
    related = term.linked("related")
    used_by: list[EntryRef] = []
    for link in term.backlinks:
        if link.entry not in used_by and link.entry not in related:
            used_by.append(link.entry)
    return tuple(used_by)


def _unique(refs: Sequence[EntryRef]) -> tuple[EntryRef, ...]:
    seen: dict[str, EntryRef] = {}
    for ref in refs:
        seen.setdefault(ref.id, ref)
    return tuple(seen.values())


def _scoped(scope: str) -> Callable[[Industry], tuple[Application, ...]]:
    def applications(industry: Industry) -> tuple[Application, ...]:
        return tuple(app for app in industry.applications if app.scope == scope)

    return applications


# --- the declarations -------------------------------------------------------------------------

COMPARISON_FIELDS: tuple[Field[Comparison], ...] = (
    Field("subtitle", "Subtitle", Show.TEXT, lambda c: c.subtitle, Pane.LEAD, compare=False),
    Field("summary", "Summary", Show.PROSE, lambda c: c.summary, Pane.TEXT, compare=False),
    Field("rows", "Rows", Show.ROWS, lambda c: c.rows, Pane.GRID, compare=False),
)

CATEGORY_FIELDS: tuple[Field[Category], ...] = (
    Field("summary", "Summary", Show.PROSE, lambda c: c.summary, Pane.TEXT),
    Field("examples", "Examples", Show.REFS, lambda c: c.examples, Pane.SECTION),
    Field("use_cases", "Use cases", Show.LINES, lambda c: c.use_cases, Pane.SECTION),
    Field("techniques", "Techniques", Show.REFS, lambda c: c.techniques, Pane.SECTION),
    Field(
        "applications",
        "Applications",
        Show.REFS,
        lambda c: c.linked_from(EntryKind.APPLICATION),
        Pane.SECTION,
    ),
)

INDUSTRY_FIELDS: tuple[Field[Industry], ...] = (
    Field("summary", "Summary", Show.PROSE, lambda i: i.summary, Pane.TEXT),
    # "LLM uses", "Generative AI uses", "AI uses": the applications of each scope
    *(
        Field(
            f"{scope.replace('-', '_')}_uses",
            f"{label}s",
            Show.APPLICATIONS,
            _scoped(scope),
            Pane.SECTION,
        )
        for scope, label in SCOPE_LABELS.items()
    ),
    Field(
        "categories",
        "Categories",
        Show.REFS,
        lambda i: _unique([ref for app in i.applications for ref in app.categories]),
        Pane.NONE,  # each application's facts name them in the pane
    ),
    Field(
        "models",
        "Models",
        Show.REFS,
        lambda i: _unique([ref for app in i.applications for ref in app.models]),
        Pane.NONE,
    ),
)

APPLICATION_FIELDS: tuple[Field[Application], ...] = (
    Field("description", "Description", Show.PROSE, lambda a: a.description, Pane.TEXT),
    Field("industry", "Industry", Show.REF, lambda a: a.industry),
    Field("scope_label", "Scope", Show.TEXT, lambda a: a.scope_label),
    Field("categories", "Categories", Show.REFS, lambda a: a.categories),
    Field("models", "Models", Show.REFS, lambda a: a.models),
    Field(
        "see_also",
        "See also",
        Show.REFS,
        lambda a: a.see_also,
        note="the atlas's choice; the article names no model here",
    ),
)

TREND_FIELDS: tuple[Field[Trend], ...] = (
    Field(
        "section_label",
        "Section",
        Show.TEXT,
        lambda t: SECTION_LABELS.get(t.section, t.section),
        Pane.NONE,  # the line above the title names the section
    ),
    Field("summary", "Summary", Show.PROSE, lambda t: t.summary, Pane.TEXT),
    Field("points", "Key points", Show.LINES, lambda t: t.points, Pane.SECTION),
    Field("examples", "Examples", Show.LINES, lambda t: t.examples, Pane.SECTION),
    Field("impact", "Impact", Show.LINES, lambda t: t.impact, Pane.SECTION),
    Field("initiatives", "Initiatives", Show.LINES, lambda t: t.initiatives, Pane.SECTION),
    Field(
        "industry_impacts",
        "Industry impacts",
        Show.IMPACTS,
        lambda t: t.industry_impacts,
        Pane.SECTION,
    ),
    Field("related", "Related", Show.REFS, _related, Pane.SECTION),
)

MODEL_FIELDS: tuple[Field[Model], ...] = (
    Field("organisation", "Organisation", Show.TEXT, _model_organisation, column=True),
    # The imported dataset's figures (Epoch AI's): the pane shows them under its attribution.
    Field(
        "countries",
        "Country",
        Show.TEXT,
        _joined(lambda f: f.countries),
        Pane.DATASET,
        column=True,
    ),
    Field(
        "publication_date",
        "Publication date",
        Show.TEXT,
        _figure(lambda f: f.publication_date or ""),
        Pane.DATASET,
        column=True,
        cell=_publication_cell,
        sort=_publication_sort,
    ),
    Field("domains", "Domain", Show.TEXT, _joined(lambda f: f.domains), Pane.DATASET, column=True),
    Field("tasks", "Task", Show.TEXT, _joined(lambda f: f.tasks), Pane.DATASET),
    Field(
        "parameters",
        "Parameters",
        Show.TEXT,
        _figure(lambda f: count_text(f.parameters)),
        Pane.DATASET,
        column=True,
        sort=_figure(lambda f: sort_number(f.parameters), MISSING_SORT),
    ),
    Field(
        "training_compute_flop",
        "Training compute (FLOP)",
        Show.TEXT,
        _figure(lambda f: scientific_text(f.training_compute_flop)),
        Pane.DATASET,
        column=True,
        sort=_figure(lambda f: sort_number(f.training_compute_flop), MISSING_SORT),
    ),
    Field(
        "accessibility",
        "Accessibility",
        Show.TEXT,
        _figure(lambda f: f.accessibility),
        Pane.DATASET,
        column=True,
        cell=_accessibility_cell,
    ),
    Field(
        "dataset_links",
        "Link",
        Show.URLS,
        _figure(lambda f: f.links, ()),
        Pane.DATASET,
        compare=False,
    ),
    Field(
        "glossary",
        "In the glossary",
        Show.REFS,
        lambda m: m.linked(GLOSSARY_RELATION),
        Pane.DATASET,
        compare=False,
    ),
    # The years mix first releases, announcements and papers, so the value says which it is
    # ("Paper 2022", a cell "2022 (paper)"); a table still sorts by the year alone.
    Field(
        "date_label",
        "Date",
        Show.CITED,
        _model_date,
        column=True,
        column_shown=False,
        cell=lambda m: m.date_cell,
        sort=lambda m: m.year,
    ),
    Field(
        "modality_summary",
        "Modality",
        Show.TEXT,
        _model_modality,
        column=True,
        column_shown=False,
        cell=lambda m: m.modality_label,
    ),
    Field(
        "model_type_label",
        "Type",
        Show.TEXT,
        lambda m: m.model_type_label,
        column=True,
        column_shown=False,
    ),
    Field(
        "access_summary",
        "Access",
        Show.TEXT,
        lambda m: m.access_summary,
        column=True,
        column_shown=False,
        cell=lambda m: m.access_short,
    ),
    Field("website", "Website", Show.URL, lambda m: m.website),
    Field("summary", "Summary", Show.PROSE, lambda m: m.summary, Pane.TEXT),
    Field(
        "release_note",
        "Release note",
        Show.PROSE,
        lambda m: m.release_note,
        Pane.NOTE,
        compare=False,
    ),
    Field(
        "categories",
        "Categories",
        Show.REFS,
        lambda m: m.linked_from(EntryKind.CATEGORY),
        Pane.SECTION,
    ),
    Field(
        "applications",
        "Applications",
        Show.REFS,
        lambda m: m.linked_from(EntryKind.APPLICATION),
        Pane.SECTION,
    ),
    # Said within Modality and Access elsewhere; JSON readers get it on its own too.
    Field("as_of_label", "As of", Show.TEXT, lambda m: m.as_of_label, Pane.NONE, compare=False),
    Field(
        "source_label",
        "Source",
        Show.TEXT,
        # Said where the atlas's facts and a dataset's meet (a table cell always says it).
        lambda m: m.source_label if m.figures is not None else "",
        Pane.NONE,  # the pane names its sources at its end, and over the figures
        column=True,
        cell=lambda m: m.source_label,
    ),
)

TERM_FIELDS: tuple[Field[Term], ...] = (
    Field("definition", "Definition", Show.PROSE, lambda t: t.definition, Pane.TEXT),
    Field("aliases", "Also known as", Show.LINES, lambda t: t.aliases, Pane.NONE),
    Field("related", "Related", Show.REFS, _related, Pane.SECTION),
    Field("also_used_by", "Also used by", Show.REFS, _term_used_by, Pane.SECTION),
)

TAKEAWAY_FIELDS: tuple[Field[Takeaway], ...] = (
    Field(
        "group_label",
        "Group",
        Show.TEXT,
        lambda t: GROUP_LABELS.get(t.group, t.group),
        Pane.NONE,  # the line above the title names the group
    ),
    Field("text", "Takeaway", Show.PROSE, lambda t: t.text, Pane.TEXT),
    Field("related", "Related", Show.REFS, _related, Pane.SECTION),
)

FIELDS: dict[EntryKind, tuple[Field[Any], ...]] = {
    EntryKind.COMPARISON: COMPARISON_FIELDS,
    EntryKind.CATEGORY: CATEGORY_FIELDS,
    EntryKind.INDUSTRY: INDUSTRY_FIELDS,
    EntryKind.APPLICATION: APPLICATION_FIELDS,
    EntryKind.TREND: TREND_FIELDS,
    EntryKind.MODEL: MODEL_FIELDS,
    EntryKind.TERM: TERM_FIELDS,
    EntryKind.TAKEAWAY: TAKEAWAY_FIELDS,
}


def fields_of(kind: EntryKind) -> tuple[Field[Any], ...]:
    return FIELDS[kind]


def columns_of(kind: EntryKind) -> tuple[Field[Any], ...]:
    """The fields a table of this kind shows, after the entry's title."""
    return tuple(field for field in FIELDS[kind] if field.column)
