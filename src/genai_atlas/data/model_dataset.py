"""Imported model data as atlas entries: Epoch AI's figures beside the curated models (no Qt).

The reader imports Epoch AI's "Notable AI Models" CSV into a store of their own (``model_data``);
what the store holds reaches the atlas as one :class:`ModelDataset`, attached with
``Atlas.set_dataset`` (or ``Atlas.set_dataset_loader``, read on first use). Each imported row
has a stable entry id (``model_ids``):

* a curated model's id (``model/gpt-4``) when the row is the model the atlas already describes
  (its ``epoch_name``): that entry stays one entry, the atlas's text plus the dataset's figures;
* otherwise ``model/<slug>``: an entry of kind ``model`` that exists only because the dataset
  lists it. Its facts are all the publisher's, shown under the attribution line.

The attribution travels with the data: every such entry carries ``dataset_attribution``, the
line (with the imported file's date) that every view, printout and export of it shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .model_records import DatasetInfo, ImportedModel, attribution_line
from .records import EntryKind, EntryRef, LinkedEntry, Model, Source

if TYPE_CHECKING:
    from .model_data import ModelData

# The atlas's own source entry for the dataset (database/content/sources.toml): imported models
# cite it, as the curated models that checked a fact against it do.
EPOCH_SOURCE_ID = "source/epoch-ai-notable-models"

# Glossary entries that explain a dataset value. Only where the glossary's term is what the value
# means: a "Language" model is the field of LLMs, an "Image generation" one is Generative AI.
DOMAIN_TERMS: dict[str, tuple[str, ...]] = {
    "Language": ("term/llm",),
    "Multimodal": ("term/multimodal",),
    "Image generation": ("term/generative-ai",),
}
# Every accessibility value the dataset gives (open weights, API access, hosted, unreleased) is
# one of the ways of reaching a model that the glossary's Model Access explains.
ACCESS_TERMS: tuple[str, ...] = ("term/model-access",)
GLOSSARY_RELATION = "glossary"


@dataclass
class ModelDataset:
    """Everything imported, as the atlas shows it. Built once per import; read-only after.

    ``rows`` come in the order the catalogue lists them: newest publication first, as
    ``ModelData.models()`` gives them.
    """

    rows: Sequence[ImportedModel]
    info: DatasetInfo | None
    _by_id: dict[str, ImportedModel] = field(init=False, repr=False)
    _entries: dict[str, Model] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {row.entry_id: row for row in self.rows}

    @property
    def attribution(self) -> str:
        return attribution_line(self.info)

    def figures(self, entry_id: str) -> ImportedModel | None:
        return self._by_id.get(entry_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def entries(
        self, atlas_refs: Mapping[str, EntryRef], sources: tuple[Source, ...]
    ) -> dict[str, Model]:
        """The models that exist only in the dataset, by id, in the order of ``rows``.

        ``atlas_refs``: the atlas's own entries (a row with one of their ids is a curated model);
        ``sources``: what such a model cites (the atlas's entry for the dataset).
        """
        if self._entries is None:
            line = self.attribution
            self._entries = {
                entry_id: dataset_model(row, line, sources, glossary_links(row, atlas_refs))
                for entry_id, row in self._by_id.items()
                if entry_id not in atlas_refs
            }
        return self._entries


def dataset_model(
    row: ImportedModel,
    attribution: str,
    sources: tuple[Source, ...],
    links: tuple[LinkedEntry, ...] = (),
) -> Model:
    """The entry for a model that only the dataset lists: the figures, no atlas prose."""
    return Model(
        id=row.entry_id,
        kind=EntryKind.MODEL,
        title=row.name,
        summary="",
        sources=sources,
        links=links,
        organisation="",
        year=row.year or 0,
        modality=(),
        model_type="",
        access=(),
        website="",
        figures=row,
        dataset_attribution=attribution,
        curated=False,
    )


def glossary_links(
    figures: ImportedModel, atlas_refs: Mapping[str, EntryRef]
) -> tuple[LinkedEntry, ...]:
    """Links to the glossary terms that explain this model's domains and accessibility."""
    term_ids = [term_id for domain in figures.domains for term_id in DOMAIN_TERMS.get(domain, ())]
    if figures.accessibility:
        term_ids += ACCESS_TERMS
    refs: list[EntryRef] = []
    for term_id in term_ids:
        ref = atlas_refs.get(term_id)
        if ref is not None and ref not in refs:
            refs.append(ref)
    return tuple(LinkedEntry(ref, GLOSSARY_RELATION) for ref in refs)


def load_dataset(path: Path | None = None) -> ModelDataset | None:
    """What the model data store in the data folder holds; None when nothing was imported.

    Never creates the store: with no file there is nothing to show. A store that cannot be read
    is moved aside or opened read-only by ``open_model_store`` (its notice is the import
    feature's to give); here it only means no dataset.
    """
    from .data_dir import model_data_path
    from .errors import KnownError
    from .model_data import ModelData, open_model_store

    where = path if path is not None else model_data_path()
    if where is None or not where.is_file():
        return None
    try:
        store = open_model_store(where)
    except KnownError:
        return None
    try:
        return dataset_of(ModelData(store))
    except KnownError:
        return None
    finally:
        store.close()


def dataset_of(data: ModelData) -> ModelDataset | None:
    """What ``data`` holds, as the atlas shows it; None when it holds no model."""
    rows = data.models()
    return ModelDataset(rows, data.info()) if rows else None
