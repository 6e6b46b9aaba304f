"""The imported model data store: one-transaction imports, update in place, stable ids, removal,
and the store's own file beside (never inside) the reader's library."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from genai_atlas.data.data_dir import LIBRARY_FILE_NAME, MODEL_DATA_FILE_NAME
from genai_atlas.data.epoch_csv import EpochFileError
from genai_atlas.data.model_data import (
    PROGRESS_TOTAL,
    ImportCancelled,
    ModelData,
    import_epoch,
    memory_model_store,
    open_model_store,
)
from genai_atlas.data.model_ids import assign_ids, slugify
from genai_atlas.data.model_records import EPOCH_ATTRIBUTION, attribution_line
from genai_atlas.data.userdb import StoreError

from ..conftest import EPOCH_CSV, ROOT
from ..epoch_files import SKIP_WITHOUT_REAL_FILE, many_rows, model_row, write_csv

CURATED = {"model/quokka": "Quokka (Jun 2024)", "model/wombat": ""}


@pytest.fixture
def data() -> Iterator[ModelData]:
    model_data = ModelData(memory_model_store(), CURATED)
    yield model_data
    model_data.close()


def snapshot(data: ModelData) -> list[object]:
    return [*data.models(), data.info()]


def test_first_import_adds_every_row(data: ModelData, tmp_path: Path) -> None:
    rows = [
        model_row("Quokka (Jun 2024)\n", Abstract="The publisher's own words."),
        model_row("Wombat"),
        model_row("Bilby 2", Publication_date="2025-06-30", Domain="Vision,Vision"),
    ]
    report = import_epoch(data, write_csv(tmp_path / "models.csv", rows))
    assert (report.added, report.updated, report.unchanged, report.skipped) == (3, 0, 0, ())
    assert report.file_name == "models.csv"
    by_id = {model.entry_id: model for model in data.models()}
    # A curated model's epoch_name gives the curated id; a name equal to a curated id's slug
    # that is not that model gets another one.
    assert sorted(by_id) == ["model/bilby-2", "model/quokka", "model/wombat-2"]
    quokka = data.figures_for("model/quokka")
    assert quokka is not None and quokka.curated and quokka.name == "Quokka (Jun 2024)"
    assert quokka.abstract == "The publisher's own words."
    assert data.figures_for("model/wombat") is None
    bilby = by_id["model/bilby-2"]
    assert (bilby.domains, bilby.year, bilby.curated, bilby.source_line) == (
        ("Vision",),
        2025,
        False,
        5,  # Quokka's name spans lines 2-3
    )
    assert [model.name for model in data.models()][0] == "Bilby 2"  # newest first
    info = data.info()
    assert info is not None
    assert (info.file_name, info.row_count, info.model_count) == ("models.csv", 3, 3)
    assert info.newest_publication_date == "2025-06-30"


def test_importing_the_same_file_twice_changes_nothing(data: ModelData, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "models.csv", many_rows(300))
    import_epoch(data, path)
    models = data.models()
    again = import_epoch(data, path)
    assert (again.added, again.updated, again.unchanged, again.not_in_file) == (0, 0, 300, 0)
    assert data.models() == models


def test_a_newer_file_updates_in_place_keeps_ids_and_keeps_models_it_drops(
    data: ModelData, tmp_path: Path
) -> None:
    old = [model_row("Alpha Model"), model_row("Beta"), model_row("Gamma")]
    import_epoch(data, write_csv(tmp_path / "old.csv", old))
    alpha_id = data.models()[0].entry_id
    newer = [
        model_row("Alpha-Model"),  # would take Alpha Model's slug, were it not kept
        model_row("Alpha Model  ", Parameters="9000000000.0"),
        model_row("Gamma"),
        model_row("Delta"),
    ]
    report = import_epoch(data, write_csv(tmp_path / "new.csv", newer))
    assert (report.added, report.updated, report.unchanged, report.not_in_file) == (2, 1, 1, 1)
    by_name = {model.name: model for model in data.models()}
    assert by_name["Alpha Model"].entry_id == alpha_id == "model/alpha-model"
    assert by_name["Alpha Model"].parameters == 9e9
    assert by_name["Alpha-Model"].entry_id == "model/alpha-model-2"
    assert "Beta" in by_name  # kept, as it was
    info = data.info()
    assert info is not None and (info.file_name, info.row_count, info.model_count) == (
        "new.csv",
        4,
        5,
    )


def test_a_model_that_moved_in_the_file_is_unchanged(data: ModelData, tmp_path: Path) -> None:
    import_epoch(data, write_csv(tmp_path / "a.csv", [model_row("One"), model_row("Two")]))
    report = import_epoch(data, write_csv(tmp_path / "b.csv", [model_row("Two"), model_row("One")]))
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
    assert {m.name: m.source_line for m in data.models()} == {"One": 3, "Two": 2}


def test_a_cancelled_import_leaves_the_previous_data_exactly(
    data: ModelData, tmp_path: Path
) -> None:
    import_epoch(data, write_csv(tmp_path / "old.csv", many_rows(50, "Old")))
    before = snapshot(data)
    path = write_csv(tmp_path / "new.csv", many_rows(2000, "New"))
    # 2,000 checks while reading, 8 while writing (one per chunk), the last just before COMMIT.
    for after_checks in (1, 2003, 2008):
        asked = iter(range(10_000))
        with pytest.raises(ImportCancelled, match="cancelled; the model data is as it was"):
            import_epoch(data, path, cancelled=lambda n=after_checks, a=asked: next(a) >= n)
        assert snapshot(data) == before


def test_a_bad_file_changes_nothing(data: ModelData, tmp_path: Path) -> None:
    import_epoch(data, write_csv(tmp_path / "old.csv", many_rows(5)))
    before = snapshot(data)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"Name,Year\nx,2020\n")
    with pytest.raises(EpochFileError, match="it has no 'Model'"):
        import_epoch(data, bad)
    assert snapshot(data) == before


def test_progress_goes_up_to_the_total_a_few_dozen_times(data: ModelData, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    import_epoch(
        data,
        write_csv(tmp_path / "m.csv", many_rows(3000)),
        progress=lambda done, total: reports.append((done, total)),
    )
    assert 10 <= len(reports) <= 60
    assert {total for _, total in reports} == {PROGRESS_TOTAL}
    assert reports[-1][0] == PROGRESS_TOTAL
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_remove_all(data: ModelData, tmp_path: Path) -> None:
    import_epoch(data, write_csv(tmp_path / "m.csv", many_rows(20)))
    assert data.remove_all() == 20
    assert (data.models(), data.info(), data.count()) == ([], None, 0)


def test_attribution_line_names_the_licence_and_the_file_date(
    data: ModelData, tmp_path: Path
) -> None:
    assert attribution_line(None) == EPOCH_ATTRIBUTION
    path = write_csv(tmp_path / "m.csv", [model_row("A", Publication_date="2025-12-31")])
    os.utime(path, (1769385600, 1769385600))  # 2026-01-26 00:00 UTC
    import_epoch(data, path)
    assert attribution_line(data.info()) == (
        'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0; file of 2026-01-26, '
        "models up to 2025-12-31"
    )


@pytest.mark.parametrize(
    "name, slug",
    [
        ("GPT-4 (Mar 2023)", "gpt-4-mar-2023"),
        ("  Ünïcödé Módel 3.5 ", "unicode-model-3-5"),
        ("Model_with__underscores", "model-with-underscores"),
    ],
)
def test_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_a_name_without_latin_letters_gets_a_stable_hashed_slug() -> None:
    slug = slugify("悟道")
    assert slug.startswith("model-") and len(slug) == len("model-") + 8
    assert slugify("悟道") == slug != slugify("文心")
    assert slugify("---").startswith("model-")


def test_assigned_ids_are_unique_and_never_a_curated_id_of_another_model() -> None:
    ids = assign_ids(
        ["Quokka", "quokka", "QUOKKA!", "Wombat", "Quokka (Jun 2024)"],
        stored={},
        curated={"model/quokka": "Quokka (Jun 2024)", "model/wombat": ""},
    )
    assert ids == {
        "Quokka (Jun 2024)": "model/quokka",
        "Quokka": "model/quokka-2",
        "quokka": "model/quokka-3",
        "QUOKKA!": "model/quokka-4",
        "Wombat": "model/wombat-2",
    }


def test_the_store_is_a_file_of_its_own_beside_the_library(
    user_data_dir: Path, tmp_path: Path
) -> None:
    store = open_model_store()
    try:
        assert store.path == user_data_dir / MODEL_DATA_FILE_NAME
        import_epoch(ModelData(store), write_csv(tmp_path / "m.csv", many_rows(3)))
    finally:
        store.close()
    assert not (user_data_dir / LIBRARY_FILE_NAME).exists()


def test_a_damaged_store_is_moved_aside_and_named_as_model_data(user_data_dir: Path) -> None:
    user_data_dir.mkdir(parents=True)
    damaged = user_data_dir / MODEL_DATA_FILE_NAME
    damaged.write_bytes(b"not a database at all")
    store = open_model_store()
    try:
        (notice,) = store.notices
        assert notice.startswith(f"Your model data store {damaged} is damaged")
        assert notice.endswith("and a new, empty model data store was started.")
        assert store.writable and ModelData(store).models() == []
    finally:
        store.close()
    (aside,) = [p for p in user_data_dir.iterdir() if ".damaged-" in p.name]
    assert aside.read_bytes() == b"not a database at all"


def test_a_read_only_store_refuses_an_import_with_a_message(
    user_data_dir: Path, tmp_path: Path
) -> None:
    store = open_model_store(user_data_dir / "x" / MODEL_DATA_FILE_NAME)
    store.close()
    folder = user_data_dir / "x"
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("root writes a read-only folder")
        store = open_model_store(folder / MODEL_DATA_FILE_NAME)
        with pytest.raises(StoreError, match="Cannot import the model data: the data folder"):
            import_epoch(ModelData(store), write_csv(tmp_path / "m.csv", many_rows(3)))
        store.close()
    finally:
        folder.chmod(0o755)


# --- killed in the middle ---------------------------------------------------------------------

_KILLED_IMPORT = """
import sys
from genai_atlas.data.model_data import ModelData, import_epoch, open_model_store, PROGRESS_TOTAL

def progress(done, total):
    if PROGRESS_TOTAL // 2 < done < PROGRESS_TOTAL:  # writing: rows are in the open transaction
        print("writing", flush=True)
        sys.stdin.read()  # until killed

store = open_model_store()
import_epoch(ModelData(store), sys.argv[1], progress=progress)
print("finished", flush=True)
"""


def test_an_import_killed_mid_write_leaves_the_previous_data(
    user_data_dir: Path, tmp_path: Path
) -> None:
    store = open_model_store()
    data = ModelData(store)
    try:
        import_epoch(data, write_csv(tmp_path / "old.csv", many_rows(40, "Old")))
        before = snapshot(data)
    finally:
        store.close()
    newer = write_csv(tmp_path / "new.csv", many_rows(3000, "New"))
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORT, str(newer)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"writing\n"
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()
    store = open_model_store()
    try:
        assert store.notices == ()
        assert snapshot(ModelData(store)) == before
    finally:
        store.close()


# --- the real file --------------------------------------------------------------------------------


@pytest.mark.skipif(not EPOCH_CSV.is_file(), reason=SKIP_WITHOUT_REAL_FILE)
def test_the_real_file(atlas: object) -> None:
    from genai_atlas.data.atlas import Atlas

    assert isinstance(atlas, Atlas)
    data = ModelData.for_atlas(memory_model_store(), atlas)
    try:
        report = import_epoch(data, EPOCH_CSV)
        assert 900 <= report.added <= 1100
        assert report.skipped == () and report.updated == report.unchanged == 0
        gpt4 = data.figures_for("model/gpt-4")
        assert gpt4 is not None and gpt4.name == "GPT-4 (Mar 2023)"
        assert gpt4.organisations == ("OpenAI",) and gpt4.training_compute_flop
        curated = [model for model in data.models() if model.curated]
        named = [model for model in atlas.models() if model.epoch_name]
        assert len(curated) == len(named)
        assert all(
            link.startswith(("http://", "https://")) for m in data.models() for link in m.links
        )
        assert all(m.name == m.name.strip() for m in data.models())
        again = import_epoch(data, EPOCH_CSV)
        assert (again.added, again.updated, again.unchanged) == (0, 0, report.added)
    finally:
        data.close()


def test_the_importer_loads_no_qt() -> None:
    code = (
        "import sys, genai_atlas.data.model_data, genai_atlas.data.epoch_csv; "
        "print('PySide6' in sys.modules)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert found.stdout.strip() == "False"
