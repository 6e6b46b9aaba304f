"""Synthetic models for the chart tests: invented names, the shape of imported models."""

from __future__ import annotations

from dataclasses import dataclass

from genai_atlas.data.chart_data import ChartDataset

ATTRIBUTION = 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0'


@dataclass(frozen=True)
class FakeModel:
    entry_id: str
    name: str
    organisations: tuple[str, ...] = ("Quill Labs",)
    publication_date: str | None = "2021-06-15"
    domains: tuple[str, ...] = ("Language",)
    parameters: float | None = None
    training_compute_flop: float | None = None
    accessibility: str = "API access"


def fake(name: str, **fields: object) -> FakeModel:
    slug = name.lower().replace(" ", "-")
    return FakeModel(entry_id=f"model/{slug}", name=name, **fields)  # type: ignore[arg-type]


SAMPLE = (
    fake(
        "Heron One", publication_date="2018-03-01", training_compute_flop=2.0e20, parameters=1.1e8
    ),
    fake(
        "Marten Vision",
        organisations=("Pellucid AI", "Quill Labs"),
        publication_date="2020-07-02",
        domains=("Vision",),
        training_compute_flop=4.5e21,
        parameters=6.0e8,
        accessibility="Open weights (unrestricted)",
    ),
    fake(
        "Heron Two",
        publication_date="2022-11-30",
        training_compute_flop=3.14e23,
        parameters=1.75e11,
    ),
    fake(
        "Osprey Multi",
        organisations=("Pellucid AI",),
        publication_date="2023-05-10",
        domains=("Multimodal", "Language", "Vision"),
        training_compute_flop=2.1e24,
        parameters=None,
        accessibility="Unreleased",
    ),
    fake("Wren Small", publication_date="2023-09-01", parameters=7.0e9, accessibility=""),
    fake("Undated Finch", publication_date=None, training_compute_flop=1e22, parameters=1e9),
)
CURATED = frozenset({"model/heron-two"})


def sample_dataset(models: tuple[FakeModel, ...] = SAMPLE) -> ChartDataset:
    return ChartDataset(
        models=models,
        curated_ids=CURATED,
        attribution=ATTRIBUTION,
        file_name="notable-ai-models.csv",
        file_date="2026-01-26",
    )
