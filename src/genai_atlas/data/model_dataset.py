"""Imported model data as atlas entries: Epoch AI's figures beside the curated models (no Qt).

The reader imports Epoch AI's "Notable AI Models" CSV into a store of their own; what the store
holds reaches the atlas as one :class:`ModelDataset`, attached with ``Atlas.set_dataset``. Each
dataset row has a stable entry id:

* a curated model's id (``model/gpt-4``) when the row is the model the atlas already describes
  (its ``epoch_name``): that entry stays one entry, the atlas's text plus the dataset's figures;
* otherwise ``model/<slug>``: an entry of kind ``model`` that exists only because the dataset
  lists it. Its facts are all the publisher's, shown under the attribution line.

The attribution travels with the data: ``attribution()`` is the line every view, printout,
export and chart that shows imported figures must carry, with the date of the imported file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from .records import EntryKind, EntryRef, LinkedEntry, Model, ModelFigures, Source

EPOCH_ATTRIBUTION = 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0'
# The atlas's own source entry for the dataset (database/content/sources.toml).
EPOCH_SOURCE_ID = "source/epoch-ai-notable-models"
EPOCH_SOURCE = Source(
    id=EPOCH_SOURCE_ID,
    title="Epoch AI — Data on Notable AI Models",
    url="https://epoch.ai/data/notable-ai-models",
    licence="CC BY 4.0",
)

# Glossary entries that explain a dataset value. Only where the glossary's term is what the value
# means: a "Language" model is the field of LLMs, an "Image generation" one is Generative AI.
DOMAIN_TERMS: dict[str, tuple[str, ...]] = {
    "Language": ("term/llm",),
    "Multimodal": ("term/multimodal",),
    "Image generation": ("term/generative-ai",),
}


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """Which file the imported figures come from."""

    file_name: str
    file_date: str  # "YYYY-MM-DD": the file's own date (when it was downloaded or written)
    imported_at: str  # ISO time of the import
    newest_publication: str = ""  # the latest publication date in the file, if any
    row_count: int = 0


def attribution(info: DatasetInfo | None) -> str:
    """The attribution line, with the imported file's date when it is known."""
    if info is None or not info.file_date:
        return EPOCH_ATTRIBUTION
    return f"{EPOCH_ATTRIBUTION}; file of {info.file_date}"


@dataclass(frozen=True, slots=True)
class DatasetRow:
    """One imported model: its stable entry id and the publisher's figures."""

    entry_id: str
    figures: ModelFigures


@dataclass
class ModelDataset:
    """Everything imported, as the atlas shows it. Built once per import; read-only after."""

    rows: Sequence[DatasetRow]
    info: DatasetInfo
    _by_id: dict[str, ModelFigures] = field(init=False, repr=False)
    _entries: dict[str, Model] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        line = attribution(self.info)
        self._by_id = {row.entry_id: replace(row.figures, attribution=line) for row in self.rows}

    @property
    def attribution(self) -> str:
        return attribution(self.info)

    def figures(self, entry_id: str) -> ModelFigures | None:
        return self._by_id.get(entry_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def entries(self, atlas_refs: Mapping[str, EntryRef]) -> dict[str, Model]:
        """The models that exist only in the dataset, by id, newest publication first.

        ``atlas_refs``: the atlas's own entries (a row with one of their ids is a curated model).
        """
        if self._entries is None:
            models = [
                dataset_model(entry_id, figures, glossary_links(figures, atlas_refs))
                for entry_id, figures in self._by_id.items()
                if entry_id not in atlas_refs
            ]
            models.sort(key=lambda m: (-_date_number(m.figures), m.title.casefold()))
            self._entries = {model.id: model for model in models}
        return self._entries


def _date_number(figures: ModelFigures | None) -> int:
    """A publication date as a number that sorts: 20230314; 0 when there is none."""
    date = (figures.publication_date or "") if figures else ""
    digits = (date.replace("-", "") + "0000")[:8]
    return int(digits) if digits.isdigit() else 0


def dataset_model(
    entry_id: str, figures: ModelFigures, links: tuple[LinkedEntry, ...] = ()
) -> Model:
    """The entry for a model that only the dataset lists: the figures, no atlas prose."""
    return Model(
        id=entry_id,
        kind=EntryKind.MODEL,
        title=figures.name,
        summary="",
        sources=(EPOCH_SOURCE,),
        links=links,
        organisation="",
        year=figures.year or 0,
        modality=(),
        model_type="",
        access=(),
        website="",
        figures=figures,
        curated=False,
    )


GLOSSARY_RELATION = "glossary"


def glossary_links(
    figures: ModelFigures, atlas_refs: Mapping[str, EntryRef]
) -> tuple[LinkedEntry, ...]:
    """Links to the glossary terms that explain this model's domains (those the atlas has)."""
    refs: list[EntryRef] = []
    for domain in figures.domains:
        for term_id in DOMAIN_TERMS.get(domain, ()):
            ref = atlas_refs.get(term_id)
            if ref is not None and ref not in refs:
                refs.append(ref)
    return tuple(LinkedEntry(ref, GLOSSARY_RELATION) for ref in refs)
