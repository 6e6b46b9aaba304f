"""The one filter over models: the Models tab's bar, the charts and the command line (no Qt).

``ModelFilter`` narrows any sequence of ``ModelFacts`` (an imported model as the importer gives
it, or an atlas entry through ``model_facts``) by text, domain, organisation, accessibility and
years, all at once. It loads with the app; the charts' own data (``chart_data``) loads with the
first chart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

# Epoch AI's accessibility values, from the most open to the least; others follow in name order.
ACCESSIBILITY_ORDER = (
    "Open weights (unrestricted)",
    "Open weights (restricted use)",
    "Open weights (non-commercial)",
    "API access",
    "Hosted access (no API)",
    "Unreleased",
)


class ModelFacts(Protocol):
    """The facts about one model that charts and filters read (``ImportedModel`` has them)."""

    @property
    def entry_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def organisations(self) -> tuple[str, ...]: ...
    @property
    def publication_date(self) -> str | None: ...
    @property
    def domains(self) -> tuple[str, ...]: ...
    @property
    def parameters(self) -> float | None: ...
    @property
    def training_compute_flop(self) -> float | None: ...
    @property
    def accessibility(self) -> str: ...


# --- the filter ---------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def publication_year(date: str | None) -> int | None:
    """The year of an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); None if there is none."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    return int(date[:4])


@dataclass(frozen=True, slots=True)
class FoldedFacts:
    """A model's filterable facts, case-folded and single-spaced once."""

    haystack: str  # the name and the organisations
    domains: frozenset[str]
    organisations: frozenset[str]
    accessibility: str
    year: int | None


def fold_facts(model: ModelFacts) -> FoldedFacts:
    return FoldedFacts(
        haystack=_fold(" ".join((model.name, *model.organisations))),
        domains=frozenset(_fold(d) for d in model.domains),
        organisations=frozenset(_fold(o) for o in model.organisations),
        accessibility=_fold(model.accessibility),
        year=publication_year(model.publication_date),
    )


def models_shown_text(shown: int, total: int) -> str:
    """The count under a filter: "312 of 995 models", or "995 models" when none is left out."""
    noun = "model" if total == 1 else "models"
    return f"{shown:,} of {total:,} {noun}" if shown != total else f"{total:,} {noun}"


@dataclass(frozen=True, slots=True)
class ModelFilter:
    """What the reader narrowed the models to; every part that is set must match (AND).

    - ``text``: every word must occur in the name or an organisation (case and spacing ignored);
    - ``domain``: one of the model's domains, ``organisation``: one of its organisations,
      ``accessibility``: its accessibility; each compared without case, "" = any;
    - ``year_from``/``year_to``: the publication year, both ends included; a model without a
      date is left out once either end is set.

    The Models tab's filter bar, the charts and the command line's flags all use this class.
    """

    text: str = ""
    domain: str = ""
    organisation: str = ""
    accessibility: str = ""
    year_from: int | None = None
    year_to: int | None = None

    @property
    def is_empty(self) -> bool:
        return self == ModelFilter()

    def matches(self, model: ModelFacts) -> bool:
        return self.accepts(fold_facts(model))

    def accepts(self, facts: FoldedFacts) -> bool:
        """``matches`` over facts folded once: a table filters thousands of them per keystroke."""
        if self.domain and _fold(self.domain) not in facts.domains:
            return False
        if self.organisation and _fold(self.organisation) not in facts.organisations:
            return False
        if self.accessibility and _fold(self.accessibility) != facts.accessibility:
            return False
        if self.year_from is not None or self.year_to is not None:
            if facts.year is None:
                return False
            if self.year_from is not None and facts.year < self.year_from:
                return False
            if self.year_to is not None and facts.year > self.year_to:
                return False
        return all(word in facts.haystack for word in self.text.casefold().split())

    def narrows(self, previous: ModelFilter) -> bool:
        """Whether every model this filter accepts is one ``previous`` accepted too (the text
        only grew): a table then needs to look again only at the rows on show."""
        return self.text.casefold().startswith(previous.text.casefold()) and self == replace(
            previous, text=self.text
        )

    def apply(self, models: Iterable[ModelFacts]) -> list[ModelFacts]:
        return [model for model in models if self.matches(model)]

    def describe(self) -> str:
        """The filter in words for a caption ("" when empty): 'Language · 2020–2024 · "llama"'."""
        parts: list[str] = []
        if self.text.strip():
            parts.append(f"“{' '.join(self.text.split())}”")
        parts.extend(p for p in (self.domain, self.organisation, self.accessibility) if p)
        if self.year_from is not None and self.year_to is not None:
            parts.append(
                str(self.year_from)
                if self.year_from == self.year_to
                else f"{self.year_from}–{self.year_to}"
            )
        elif self.year_from is not None:
            parts.append(f"since {self.year_from}")
        elif self.year_to is not None:
            parts.append(f"until {self.year_to}")
        return " · ".join(parts)
