"""Typed, immutable records of the atlas: what the data layer returns to every front end."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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


def kind_of(entry_id: str) -> EntryKind:
    """The kind named by an id's prefix; ValueError if it is not one."""
    return EntryKind(entry_id.split("/", 1)[0])


@dataclass(frozen=True, slots=True)
class Source:
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
    aspect: str
    left: str
    right: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison(Entry):
    subtitle: str
    left_label: str
    right_label: str
    rows: tuple[ComparisonRow, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Category(Entry):
    use_cases: tuple[str, ...]
    examples: tuple[EntryRef, ...]
    techniques: tuple[EntryRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Application(Entry):
    industry: EntryRef
    scope: str  # "llm" or "generative-ai"
    description: str
    categories: tuple[EntryRef, ...]
    models: tuple[EntryRef, ...]

    @property
    def scope_label(self) -> str:
        return SCOPE_LABELS.get(self.scope, self.scope)


SCOPE_LABELS = {"llm": "LLM use", "generative-ai": "Generative AI use"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Industry(Entry):
    applications: tuple[Application, ...]


@dataclass(frozen=True, slots=True)
class IndustryImpact:
    industry: EntryRef
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Trend(Entry):
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
    organisation: str
    year: int
    modality: tuple[str, ...]
    model_type: str  # "llm" or "generative"
    access: tuple[str, ...]
    website: str
    release_note: str = ""
    epoch_name: str = ""

    @property
    def model_type_label(self) -> str:
        return "LLM" if self.model_type == "llm" else "Other generative model"

    @property
    def access_label(self) -> str:
        return ", ".join(ACCESS_LABELS.get(a, a) for a in self.access)

    @property
    def modality_label(self) -> str:
        return ", ".join(m.capitalize() for m in self.modality)


ACCESS_LABELS = {"api": "API", "open-weights": "Open weights", "hosted-app": "Hosted app"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Term(Entry):
    definition: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Takeaway(Entry):
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
