"""Invented models in the shape of Epoch AI's dataset, for tests (never the real file's rows)."""

from __future__ import annotations

from typing import Any

from genai_atlas.data.model_dataset import ModelDataset
from genai_atlas.data.model_records import DatasetInfo, ImportedModel

INFO = DatasetInfo(
    file_name="notable-ai-models.csv",
    file_modified="2026-01-26T09:00:00Z",
    newest_publication_date="2024-05-01",
    imported_at="2026-12-06T10:00:00Z",
    row_count=4,
    model_count=4,
)


def imported(entry_id: str, name: str, **values: Any) -> ImportedModel:
    fields: dict[str, Any] = {
        "organisations": (),
        "countries": (),
        "publication_date": None,
        "domains": (),
        "tasks": (),
        "parameters": None,
        "training_compute_flop": None,
        "accessibility": "",
        "links": (),
        "reference": "",
        "abstract": "",
        "parameters_notes": "",
        "compute_notes": "",
        "accessibility_notes": "",
        "source_line": 2,
    }
    fields.update(values)
    return ImportedModel(entry_id=entry_id, name=name, **fields)


def sample_dataset() -> ModelDataset:
    """Three invented models and figures for one curated model (GPT-4, by its epoch_name)."""
    rows = [
        imported(
            "model/quillwork-7b",
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
        imported(
            "model/lumen-v",
            "Lumen-V",
            organisations=("Northlight", "Inkwell Labs"),
            countries=("Canada",),
            publication_date="2021-02-10",
            domains=("Vision", "Multimodal"),
            parameters=3.4e8,
            accessibility="API access",
        ),
        imported(
            "model/old-net",
            "Old-Net",
            organisations=("Retro Institute",),
            publication_date="1998-11",
        ),
        imported(
            "model/gpt-4",
            "GPT-4 (Mar 2023)",
            organisations=("OpenAI",),
            publication_date="2023-03-15",
            domains=("Language", "Vision", "Multimodal"),
            training_compute_flop=2.1e25,
            accessibility="API access",
            curated=True,
        ),
    ]
    return ModelDataset(rows, INFO)
