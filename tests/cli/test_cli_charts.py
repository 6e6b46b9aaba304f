"""``genai-atlas chart`` as a user runs it: files that open, the attribution in them, one-line
messages and exit 2 for what cannot be drawn."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QImage

from genai_atlas.data.data_dir import MODEL_DATA_FILE_NAME

from ..cli_process import run_cli
from ..conftest import EPOCH_CSV
from ..epoch_files import SKIP_WITHOUT_REAL_FILE, model_row, write_csv

ATTRIBUTION = 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0'


def assert_one_line_exit_2(result: subprocess.CompletedProcess[Any], text: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("genai-atlas: ") and text in result.stderr


@pytest.fixture
def imported(atlas_db_path: Path, tmp_path: Path) -> Path:
    """Four invented models imported through the real command; returns the output folder."""
    rows = [
        model_row("Lumen Alpha", Publication_date="2019-05-01", Training_compute_FLOP="3e21"),
        model_row(
            "Lumen Beta",
            Publication_date="2022-02-01",
            Domain="Vision",
            Model_accessibility="API access",
        ),
        model_row("Lumen Gamma", Publication_date="2024-07-01", Training_compute_FLOP=""),
        model_row("Lumen Delta", Publication_date="2023-01-15", Parameters="175000000000"),
    ]
    result = run_cli("import-epoch", str(write_csv(tmp_path / "m.csv", rows)), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    out.mkdir()
    return out


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def test_without_imported_data_says_to_import_first(
    atlas_db_path: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    result = run_cli("chart", "compute", "--png", str(tmp_path / "c.png"), db=atlas_db_path)
    assert_one_line_exit_2(result, "genai-atlas import-epoch FILE")
    assert "import Epoch AI's CSV first" in result.stderr
    assert not (tmp_path / "c.png").exists()
    assert not (user_data_dir / MODEL_DATA_FILE_NAME).exists()


def test_compute_chart_as_png(atlas_db_path: Path, imported: Path) -> None:
    target = imported / "compute.png"
    result = run_cli("chart", "compute", "--png", str(target), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data)
    assert not image.isNull() and (image.width(), image.height()) == (2000, 1240)
    assert len({image.pixel(x, 600) for x in range(0, 2000, 7)}) > 3  # not blank


def test_parameters_chart_as_svg_names_its_models_and_the_data(
    atlas_db_path: Path, imported: Path
) -> None:
    target = imported / "parameters.svg"
    result = run_cli(
        "chart", "parameters", "--domain", "language", "--svg", str(target), db=atlas_db_path
    )
    assert result.returncode == 0, result.stderr
    root = ElementTree.parse(target).getroot()
    texts = [" ".join((t.text or "").split()) for t in root.iter() if t.tag.endswith("text")]
    assert ATTRIBUTION in texts
    assert "Parameters over time" in texts
    assert "3 models drawn of 3 · Filter: language" in texts


def test_per_year_by_accessibility_as_pdf(atlas_db_path: Path, imported: Path) -> None:
    target = imported / "per-year.pdf"
    result = run_cli(
        "chart", "per-year", "--by", "accessibility", "--since", "2020", "--pdf", str(target),
        db=atlas_db_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    assert "Models per year, by accessibility" in text
    assert ATTRIBUTION in text
    assert "Filter: since 2020" in text
    assert "API access" in text and "Open weights (unrestricted)" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("compute", "--by", "domain"), "--by applies to the per-year chart only"),
        (("compute", "--domain", "Astrology"), "no imported model matches the filter"),
        (("per-year", "--since", "2100"), "no imported model matches the filter (since 2100)"),
    ],
)
def test_what_cannot_be_drawn_is_one_line_and_exit_2(
    atlas_db_path: Path, imported: Path, arguments: tuple[str, ...], message: str
) -> None:
    target = imported / "x.png"
    result = run_cli("chart", *arguments, "--png", str(target), db=atlas_db_path)
    assert_one_line_exit_2(result, message)
    assert not target.exists()


def test_an_unwritable_target_is_refused_before_any_drawing(
    atlas_db_path: Path, imported: Path
) -> None:
    result = run_cli("chart", "compute", "--svg", str(imported / "no" / "c.svg"), db=atlas_db_path)
    assert_one_line_exit_2(result, "does not exist")


@pytest.mark.skipif(not EPOCH_CSV.exists(), reason=SKIP_WITHOUT_REAL_FILE)
def test_the_real_dataset_charts(atlas_db_path: Path, tmp_path: Path) -> None:
    assert run_cli("import-epoch", str(EPOCH_CSV), db=atlas_db_path).returncode == 0
    target = tmp_path / "real.svg"
    result = run_cli("chart", "compute", "--svg", str(target), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    texts = [
        " ".join((t.text or "").split())
        for t in ElementTree.parse(target).getroot().iter()
        if t.tag.endswith("text")
    ]
    assert ATTRIBUTION in texts
    # Several of the atlas's own models carry Epoch AI's figures, and are drawn as such.
    curated = next(t for t in texts if t.startswith("Described in this atlas ("))
    assert int(curated.split("(")[1].rstrip(")")) >= 3
    assert any(t.endswith("models without a value (not drawn)") for t in texts)
