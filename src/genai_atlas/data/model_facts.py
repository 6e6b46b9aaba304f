"""A model entry as the facts that charts and filters read (no Qt here).

Charts, the Models tab's filter and the command line's ``chart`` flags work on ``ModelFacts``
(``chart_data``). A curated model with no imported figures still has a name, an organisation
and a year; one with figures, or one only the dataset lists, reads the dataset's values.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import Model


@dataclass(frozen=True, slots=True)
class EntryFacts:
    """``chart_data.ModelFacts`` for an atlas entry."""

    entry_id: str
    name: str
    organisations: tuple[str, ...]
    publication_date: str | None
    domains: tuple[str, ...]
    parameters: float | None
    training_compute_flop: float | None
    accessibility: str
    curated: bool = False


def model_facts(model: Model) -> EntryFacts:
    figures = model.figures
    if figures is None:
        return EntryFacts(
            entry_id=model.id,
            name=model.title,
            organisations=(model.organisation,) if model.organisation else (),
            publication_date=str(model.year) if model.year else None,
            domains=(),
            parameters=None,
            training_compute_flop=None,
            accessibility=model.access_short,
            curated=model.curated,
        )
    organisations = figures.organisations
    if model.organisation and model.organisation not in organisations:
        organisations = (model.organisation, *organisations)
    return EntryFacts(
        entry_id=model.id,
        name=model.title,
        organisations=organisations,
        publication_date=figures.publication_date or (str(model.year) if model.year else None),
        domains=figures.domains,
        parameters=figures.parameters,
        training_compute_flop=figures.training_compute_flop,
        accessibility=figures.accessibility or model.access_short,
        curated=model.curated,
    )
