"""Typed, immutable records of the atlas: what the data layer returns to every front end."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model_records import ImportedModel


class EntryKind(StrEnum):
    COMPARISON = "comparison"
    CATEGORY = "category"
    INDUSTRY = "industry"
    APPLICATION = "application"
    TREND = "trend"
    MODEL = "model"
    TERM = "term"
    TAKEAWAY = "takeaway"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def plural(self) -> str:
        return KIND_PLURALS[self]


KIND_LABELS = {
    EntryKind.COMPARISON: "Comparison",
    EntryKind.CATEGORY: "Category",
    EntryKind.INDUSTRY: "Industry",
    EntryKind.APPLICATION: "Application",
    EntryKind.TREND: "Trend",
    EntryKind.MODEL: "Model",
    EntryKind.TERM: "Glossary term",
    EntryKind.TAKEAWAY: "Takeaway",
}
KIND_PLURALS = {
    EntryKind.COMPARISON: "Comparisons",
    EntryKind.CATEGORY: "Categories",
    EntryKind.INDUSTRY: "Industries",
    EntryKind.APPLICATION: "Applications",
    EntryKind.TREND: "Trends",
    EntryKind.MODEL: "Models",
    EntryKind.TERM: "Glossary",
    EntryKind.TAKEAWAY: "Takeaways",
}


# The one order of the kinds: the tabs, the search's counts per kind and the kind number the search
# index keeps in each rowid all follow the declaration order of EntryKind.
KIND_ORDER: tuple[EntryKind, ...] = tuple(EntryKind)


def kind_number(kind: EntryKind | str) -> int:
    """The kind's position in ``KIND_ORDER``, counted from 1 so that 0 is never a kind."""
    return KIND_ORDER.index(EntryKind(kind)) + 1


def kind_at(number: int) -> EntryKind:
    """The kind whose ``kind_number`` is ``number``; ValueError if there is none."""
    if not 1 <= number <= len(KIND_ORDER):
        raise ValueError(f"no kind is number {number}")
    return KIND_ORDER[number - 1]


def kind_of(entry_id: str) -> EntryKind:
    """The kind named by an id's prefix; ValueError if it is not one."""
    return EntryKind(entry_id.split("/", 1)[0])


@dataclass(frozen=True, slots=True)
class Source:
    """A source that entries cite: its title, address, licence and a note."""

    id: str
    title: str
    url: str = ""
    licence: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class EntryRef:
    """A pointer to an entry: enough to show a link or a list row."""

    id: str
    kind: EntryKind
    title: str


@dataclass(frozen=True, slots=True)
class LinkedEntry:
    """A cross-link: the entry at the other end and how the two are related."""

    entry: EntryRef
    relation: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """What every kind has. ``summary`` may carry ``[text](kind/slug)`` links."""

    id: str
    kind: EntryKind
    title: str
    summary: str
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    links: tuple[LinkedEntry, ...] = ()  # this entry points at these
    backlinks: tuple[LinkedEntry, ...] = ()  # these point at this entry

    @property
    def ref(self) -> EntryRef:
        return EntryRef(self.id, self.kind, self.title)

    def linked(self, relation: str) -> tuple[EntryRef, ...]:
        return tuple(link.entry for link in self.links if link.relation == relation)

    def linked_from(self, kind: EntryKind) -> tuple[EntryRef, ...]:
        return tuple(link.entry for link in self.backlinks if link.entry.kind == kind)


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One aspect of a comparison: what the left and the right side say about it."""

    aspect: str
    left: str
    right: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison(Entry):
    """Two things compared aspect by aspect (the article's comparison tables)."""

    subtitle: str
    left_label: str
    right_label: str
    rows: tuple[ComparisonRow, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Category(Entry):
    """A kind of generative AI: its use cases, example entries and techniques."""

    use_cases: tuple[str, ...]
    examples: tuple[EntryRef, ...]
    techniques: tuple[EntryRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Application(Entry):
    """A use of AI in an industry, with the categories and models it draws on."""

    industry: EntryRef
    scope: str  # "llm", "generative-ai" or "ai": what the article credits, see SCOPE_LABELS
    description: str
    categories: tuple[EntryRef, ...]
    models: tuple[EntryRef, ...]  # named by the article for this application
    see_also: tuple[EntryRef, ...]  # the atlas's own links: the article names no model here

    @property
    def scope_label(self) -> str:
        return SCOPE_LABELS.get(self.scope, self.scope)


# What the article credits an application to: LLMs, Generative AI, or AI in general ("AI
# analyzes…", "AI-powered tools…", "AI models…") where it names neither.
SCOPE_LABELS = {"llm": "LLM use", "generative-ai": "Generative AI use", "ai": "AI use"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Industry(Entry):
    """An industry and the applications of AI in it."""

    applications: tuple[Application, ...]


@dataclass(frozen=True, slots=True)
class IndustryImpact:
    """What a trend means for one industry."""

    industry: EntryRef
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Trend(Entry):
    """A trend of the article: its points, examples, impact and initiatives."""

    section: str  # "future", "responsible-ai" or "outlook"
    points: tuple[str, ...]
    examples: tuple[str, ...]
    impact: tuple[str, ...]
    initiatives: tuple[str, ...]
    industry_impacts: tuple[IndustryImpact, ...]
    position: int = 0


SECTION_LABELS = {
    "future": "The Future of LLMs & Generative AI",
    "responsible-ai": "Responsible AI",
    "outlook": "Outlook",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Model(Entry):
    """A model: who made it, when, what it takes in and puts out, how to reach it."""

    organisation: str
    year: int
    modality: tuple[str, ...]
    model_type: str  # "llm" or "generative"; "" for a model known only from a dataset
    access: tuple[str, ...]
    website: str
    release_note: str = ""
    epoch_name: str = ""
    # What `year` is the year of ("release", "announced" or "paper"), and the source saying so;
    # an empty date_source goes with date_approximate (no source states the date).
    date_kind: str = "release"
    date_source: str = ""
    date_approximate: bool = False
    # Access, modality and availability change: as_of ("YYYY-MM" or "YYYY") is when the latest
    # source stated them. A "retired" or "unreleased" model says its history in access_note.
    as_of: str = ""
    availability: str = "available"
    access_note: str = ""
    # The imported dataset's figures for this model (None: no dataset imported, or it does not
    # list the model) and the attribution line they go under, with the file's date. ``curated``
    # False: the entry exists only because the dataset lists it.
    figures: ImportedModel | None = None
    dataset_attribution: str = ""
    curated: bool = True

    @property
    def source_label(self) -> str:
        """Where this entry's facts come from, for a table cell."""
        if not self.curated:
            return DATASET_SHORT_NAME
        return (
            f"{CURATED_SHORT_NAME} + {DATASET_SHORT_NAME}" if self.figures else CURATED_SHORT_NAME
        )

    @property
    def model_type_label(self) -> str:
        if not self.model_type:
            return ""
        return "LLM" if self.model_type == "llm" else "Other generative model"

    @property
    def access_label(self) -> str:
        return ", ".join(ACCESS_LABELS.get(a, a) for a in self.access)

    @property
    def date_kind_label(self) -> str:
        """What ``year`` is the year of: "Released", "Announced" or "Paper"."""
        return DATE_KIND_LABELS.get(self.date_kind, "Dated")

    @property
    def year_text(self) -> str:
        """The year, with "about" when no source states it: "2023", "about 2023"."""
        return f"about {self.year}" if self.date_approximate else str(self.year)

    @property
    def date_label(self) -> str:
        """The year with what it is the year of: "Released 2023", "Paper 2022", "Announced 2021".

        "" for a model known only from a dataset: its date is the dataset's publication date."""
        if not self.curated:
            return ""
        return f"{self.date_kind_label} {self.year_text}"

    @property
    def date_cell(self) -> str:
        """The date for a table cell, year first so that a column reads down: "2022 (paper)"."""
        if not self.curated:
            return ""
        return f"{self.year_text} ({self.date_kind_label.lower()})"

    @property
    def as_of_label(self) -> str:
        return month_label(self.as_of)

    @property
    def access_summary(self) -> str:
        """Access as a reader should take it: today's for an available model, else its history."""
        if not self.curated:
            return ""  # the dataset's accessibility is a figure of its own
        state = {"unreleased": "Never released", "retired": "Retired"}.get(
            self.availability, self.access_label
        )
        if self.as_of:
            state += f" (as of {self.as_of_label})"
        if self.availability != "available" and self.access_note:
            state += f": {self.access_note}"
        return state

    @property
    def access_short(self) -> str:
        """Access for a table cell: the modes, marked when they are past."""
        if not self.curated:
            return ""
        if self.availability == "unreleased":
            return "Never released"
        if self.availability == "retired":
            return f"{self.access_label} (retired)"
        return self.access_label

    @property
    def modality_label(self) -> str:
        return ", ".join(m.capitalize() for m in self.modality)


CURATED_SHORT_NAME = "GenAI Atlas"
DATASET_SHORT_NAME = "Epoch AI"

ACCESS_LABELS = {
    "api": "API",
    "open-weights": "Open weights",
    "hosted-app": "Hosted app",
    "none": "None",
}
DATE_KIND_LABELS = {"release": "Released", "announced": "Announced", "paper": "Paper"}
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def month_label(value: str) -> str:
    """ "2026-11" as "November 2026"; a bare year, or anything else, as it is."""
    year, _, month = value.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Term(Entry):
    """A glossary term and its definition."""

    definition: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Takeaway(Entry):
    """One of the article's takeaways, in its group."""

    group: str  # "applications" or "conclusion"
    text: str


GROUP_LABELS = {"applications": "Key Takeaways (applications)", "conclusion": "Conclusion"}

AnyEntry = Comparison | Category | Industry | Application | Trend | Model | Term | Takeaway


@dataclass(frozen=True, slots=True)
class AtlasInfo:
    """Facts about the open database, for About boxes and printed footers."""

    path: str
    schema_version: int
    data_version: str
    sources: tuple[Source, ...] = field(default=())
