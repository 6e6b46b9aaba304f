"""Model facts agree with Epoch AI's "Data on Notable AI Models" wherever it lists the same model.

The dataset stays in ../shared (CC BY 4.0; never copied into this repository). Where the two
differ, the model entry must carry a release note that says why.
"""

from __future__ import annotations

import csv

import pytest

from genai_atlas.data import EntryKind, Model

from ..conftest import EPOCH_CSV

pytestmark = pytest.mark.skipif(
    not EPOCH_CSV.is_file(),
    reason=f"the Epoch AI dataset is not at {EPOCH_CSV} (it is read from ../shared, never copied)",
)


@pytest.fixture(scope="module")
def epoch_rows() -> dict[str, dict[str, str]]:
    with EPOCH_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["Model"].strip(): row for row in csv.DictReader(handle)}


def _models(atlas) -> list[Model]:
    return [atlas.get(ref.id) for ref in atlas.list(EntryKind.MODEL)]


def test_models_agree_with_epoch_or_say_why(atlas, epoch_rows) -> None:
    checked = 0
    for model in _models(atlas):
        if not model.epoch_name:
            continue
        assert model.epoch_name in epoch_rows, f"{model.id}: '{model.epoch_name}' not in Epoch"
        row = epoch_rows[model.epoch_name]
        epoch_year = int(row["Publication date"][:4])
        epoch_orgs = [org.strip() for org in row["Organization"].split(",")]
        same_year = epoch_year == model.year
        same_org = model.organisation in epoch_orgs
        if not (same_year and same_org):
            assert "Epoch" in model.release_note, (
                f"{model.id}: Epoch says {epoch_orgs} {epoch_year}, the atlas says "
                f"{model.organisation} {model.year}, and no release note explains why"
            )
        checked += 1
    assert checked >= 10


def test_no_epoch_listing_of_an_exact_name_was_missed(atlas, epoch_rows) -> None:
    """A model listed in Epoch under its own name (or alias) must be cross-checked too."""
    for model in _models(atlas):
        for name in (model.title, *model.aliases):
            if name in epoch_rows and not model.epoch_name:
                pytest.fail(f"{model.id}: Epoch lists '{name}' but the entry has no epoch_name")


def test_a_model_epoch_lists_as_unreleased_is_not_shown_as_available_to_developers(
    atlas, epoch_rows
) -> None:
    """Epoch's "Unreleased" means no weights and no API: the atlas may not claim either today."""
    unreleased = 0
    for model in _models(atlas):
        row = epoch_rows.get(model.epoch_name)
        if row is None or row["Model accessibility"].strip() != "Unreleased":
            continue
        unreleased += 1
        developer_access = {"api", "open-weights"} & set(model.access)
        assert not (model.availability == "available" and developer_access), (
            f"{model.id}: Epoch lists it as unreleased, the atlas shows {model.access_summary}"
        )
    assert unreleased >= 2  # PaLM and MusicLM
