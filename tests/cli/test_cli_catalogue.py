"""After ``import-epoch``, every command sees the imported models as the app does: ``list``,
``show``, ``search`` and ``compare`` include them, with Epoch AI's attribution where their
figures are shown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ..cli_process import run_cli
from ..conftest import EPOCH_CSV
from ..epoch_files import SKIP_WITHOUT_REAL_FILE, model_row, write_csv

ATTRIBUTION = 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0'


@pytest.fixture
def imported(atlas_db_path: Path, tmp_path: Path, user_data_dir: Path) -> Path:
    rows = [
        model_row("Quokka 1", Organization="Marsupial Labs", Parameters="7000000000"),
        model_row(
            "GPT-4 (Mar 2023)",
            Organization="OpenAI",
            Parameters="",
            **{"Training compute (FLOP)": "2.1e25"},
        ),
    ]
    result = run_cli("import-epoch", str(write_csv(tmp_path / "m.csv", rows)), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    return atlas_db_path


def test_list_shows_the_imported_model_after_the_curated_ones(imported: Path) -> None:
    result = run_cli("list", "model", db=imported)
    assert result.returncode == 0, result.stderr
    ids = [line.split("\t")[1] for line in result.stdout.splitlines()]
    assert ids[-1] == "model/quokka-1" and "model/gpt-4" in ids
    assert ids.count("model/gpt-4") == 1  # the curated model and its Epoch row are one entry


def test_show_gives_the_figures_under_the_attribution(imported: Path) -> None:
    text = run_cli("show", "model/quokka-1", db=imported)
    assert text.returncode == 0, text.stderr
    assert "Quokka 1" in text.stdout and "7 B" in text.stdout
    shown = run_cli("show", "model/quokka-1", "--json", db=imported)
    data = json.loads(shown.stdout)
    assert data["id"] == "model/quokka-1" and data["parameters"] == "7 B"
    gpt4 = json.loads(run_cli("show", "model/gpt-4", "--json", db=imported).stdout)
    assert gpt4["organisation"] == "OpenAI" and gpt4["training_compute_flop"] == "2.1 × 10²⁵"


def test_search_finds_an_imported_model_by_name_and_by_a_typo(imported: Path) -> None:
    for query in ("quokka", "marsupial", "quokkka"):
        result = run_cli("search", query, db=imported)
        assert result.returncode == 0, result.stderr
        assert "model/quokka-1" in result.stdout, (query, result.stdout)


def test_compare_puts_a_curated_and_an_imported_model_side_by_side(imported: Path) -> None:
    result = run_cli("compare", "model/gpt-4", "model/quokka-1", "--csv", "-", db=imported)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Field", "GPT-4", "Quokka 1"]
    table = {row[0]: row[1:] for row in rows if row}
    assert table["Source"] == ["GenAI Atlas + Epoch AI", "Epoch AI"]
    assert table["Parameters"] == ["", "7 B"]
    assert rows[-1][0].startswith(ATTRIBUTION)


@pytest.mark.skipif(not EPOCH_CSV.is_file(), reason=SKIP_WITHOUT_REAL_FILE)
def test_the_real_file_makes_a_catalogue(atlas_db_path: Path, user_data_dir: Path) -> None:
    assert run_cli("import-epoch", str(EPOCH_CSV), db=atlas_db_path).returncode == 0
    listed = run_cli("list", "model", db=atlas_db_path).stdout.splitlines()
    assert len(listed) > 900
    found = run_cli("search", "alphago", "--kind", "model", db=atlas_db_path).stdout
    assert "AlphaGo" in found


def test_show_quotes_the_publishers_text_under_the_attribution(
    atlas_db_path: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    row = model_row("Quokka 2", Abstract="We present Quokka 2.\n\nIt is small.")
    assert run_cli("import-epoch", str(write_csv(tmp_path / "q.csv", [row])), db=atlas_db_path)
    text = run_cli("show", "model/quokka-2", db=atlas_db_path).stdout
    heading = next(line for line in text.splitlines() if line.startswith("figures, as Epoch"))
    assert ATTRIBUTION in heading
    assert "  abstract, quoted:\n    > We present Quokka 2.\n    > \n    > It is small." in text
    assert "source line" not in text and "entry id" not in text
