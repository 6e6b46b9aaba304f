"""Invented models in the shape of Epoch AI's dataset, for tests (never the real file's rows)."""

from __future__ import annotations

from genai_atlas.data.model_dataset import DatasetInfo, DatasetRow, ModelDataset
from genai_atlas.data.records import ModelFigures

INFO = DatasetInfo(
    file_name="notable-ai-models.csv", file_date="2026-01-26", imported_at="2026-12-06T10:00:00Z"
)


def figures(name: str, **values: object) -> ModelFigures:
    return ModelFigures(name=name, **values)  # type: ignore[arg-type]


def sample_dataset() -> ModelDataset:
    """Three invented models and figures for one curated model (GPT-4, by its epoch_name)."""
    rows = [
        DatasetRow(
            "model/quillwork-7b",
            figures(
                "Quillwork 7B",
                organisations=("Inkwell Labs",),
                countries=("France",),
                publication_date="2024-05-01",
                domains=("Language",),
                parameters=7.2e9,
                training_compute_flop=3.1e23,
                accessibility="Open weights (unrestricted)",
                links=("https://example.org/quillwork", "javascript:alert(1)"),
                abstract='We present <b>Quillwork</b> & "friends".\n\nA second paragraph.',
            ),
        ),
        DatasetRow(
            "model/lumen-v",
            figures(
                "Lumen-V",
                organisations=("Northlight", "Inkwell Labs"),
                countries=("Canada",),
                publication_date="2021-02-10",
                domains=("Vision", "Multimodal"),
                parameters=3.4e8,
                accessibility="API access",
            ),
        ),
        DatasetRow(
            "model/old-net",
            figures("Old-Net", organisations=("Retro Institute",), publication_date="1998-11"),
        ),
        DatasetRow(
            "model/gpt-4",
            figures(
                "GPT-4 (Mar 2023)",
                organisations=("OpenAI",),
                publication_date="2023-03-15",
                domains=("Language", "Vision", "Multimodal"),
                training_compute_flop=2.1e25,
                accessibility="API access",
            ),
        ),
    ]
    return ModelDataset(rows, INFO)
