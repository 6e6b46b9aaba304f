"""``genai-atlas import-epoch`` as a user runs it: counts, skipped rows, bad files, removal, and
signals in the middle of an import."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from genai_atlas.data.data_dir import LIBRARY_FILE_NAME, MODEL_DATA_FILE_NAME
from genai_atlas.data.model_data import ModelData, open_model_store

from ..cli_process import COMMAND, cli_env, run_cli
from ..conftest import EPOCH_CSV
from ..epoch_files import SKIP_WITHOUT_REAL_FILE, csv_text, many_rows, model_row, write_csv

ATTRIBUTION = 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0; file of '


def assert_one_line_exit_2(result: subprocess.CompletedProcess[Any], text: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("genai-atlas: ") and text in lines[0], lines[0]
    assert result.stdout == ""


def stored(user_data_dir: Path) -> list[object]:
    store = open_model_store(user_data_dir / MODEL_DATA_FILE_NAME)
    try:
        data = ModelData(store)
        return [*data.models(), data.info()]
    finally:
        store.close()


def test_import_prints_counts_skipped_rows_and_the_attribution(
    atlas_db_path: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    rows = [model_row("Quokka 1"), model_row(""), model_row("Numbat", Parameters="lots")]
    path = write_csv(tmp_path / "models.csv", rows)
    result = run_cli("import-epoch", str(path), db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Imported models.csv: 2 added, 0 updated, 0 unchanged, 1 skipped.",
        "Skipped line 3: the Model column is empty.",
        "Line 4: Parameters 'lots' is not a number; left empty.",
    ]
    assert lines[3].startswith(ATTRIBUTION) and lines[3].endswith("models up to 2024-03-01")
    assert result.stderr == ""
    # The reader's library is another file, and the import never opened it.
    assert not (user_data_dir / LIBRARY_FILE_NAME).exists()

    again = run_cli("import-epoch", str(path), "--json", db=atlas_db_path)
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert {key: report[key] for key in ("added", "updated", "unchanged", "not_in_file")} == {
        "added": 0,
        "updated": 0,
        "unchanged": 2,
        "not_in_file": 0,
    }
    assert report["skipped"] == [{"line": 3, "reason": "the Model column is empty"}]
    assert report["remarks"] == [
        {"line": 4, "text": "Parameters 'lots' is not a number; left empty"}
    ]
    assert report["attribution"].startswith(ATTRIBUTION)


def test_a_newer_file_updates_and_keeps_what_it_does_not_list(
    atlas_db_path: Path, tmp_path: Path
) -> None:
    run_cli("import-epoch", str(write_csv(tmp_path / "a.csv", many_rows(3))), db=atlas_db_path)
    newer = many_rows(2)
    newer[0]["Parameters"] = "123.0"
    newer.append(model_row("Brand New"))
    result = run_cli("import-epoch", str(write_csv(tmp_path / "b.csv", newer)), db=atlas_db_path)
    assert result.stdout.splitlines()[:2] == [
        "Imported b.csv: 1 added, 1 updated, 1 unchanged, 0 skipped.",
        "1 model from earlier imports is not in this file and kept as it was.",
    ]


def _bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    header_only = ",".join(name for name in ("Name", "Year"))
    truncated = csv_text([model_row("A", Frontier_model="yes, it is")]).encode()[:-6]
    files = {
        "missing column": (f"{header_only}\nx,1\n".encode(), "it has no 'Model', "),
        "binary": (b"\x00\x01\x02PK\x03\x04" * 50, "it holds binary data"),
        "empty": (b"", "the file is empty"),
        "truncated quote": (truncated, "a quoted field that starts by line 2 is never closed"),
        "not utf-8": ("Model,Año\n".encode("latin-1"), "it is not UTF-8 text"),
    }
    made = {}
    for name, (raw, message) in files.items():
        path = folder / f"{name.replace(' ', '-')}.csv"
        path.write_bytes(raw)
        made[name] = (path, message)
    made["missing file"] = (folder / "nowhere.csv", "there is no such file")
    made["folder"] = (folder, "it is a folder")
    return made


def test_a_bad_file_is_one_line_exit_2_and_changes_nothing(
    atlas_db_path: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    bad_folder = tmp_path / "bad"
    bad_folder.mkdir()
    bad = _bad_files(bad_folder)
    # With no model data yet: not even the store's file is made.
    for path, message in bad.values():
        assert_one_line_exit_2(run_cli("import-epoch", str(path), db=atlas_db_path), message)
    assert not user_data_dir.exists()
    # With model data: it stays exactly as it was.
    run_cli("import-epoch", str(write_csv(tmp_path / "ok.csv", many_rows(4))), db=atlas_db_path)
    before = stored(user_data_dir)
    for path, message in bad.values():
        assert_one_line_exit_2(run_cli("import-epoch", str(path), db=atlas_db_path), message)
    assert stored(user_data_dir) == before


def test_remove(atlas_db_path: Path, tmp_path: Path, user_data_dir: Path) -> None:
    run_cli("import-epoch", str(write_csv(tmp_path / "m.csv", many_rows(5))), db=atlas_db_path)
    result = run_cli("import-epoch", "--remove", db=atlas_db_path)
    assert (result.returncode, result.stdout) == (0, "Removed 5 imported models.\n")
    again = run_cli("import-epoch", "--remove", "--json", db=atlas_db_path)
    assert (again.returncode, json.loads(again.stdout)) == (0, {"removed": 0})
    assert stored(user_data_dir) == [None]


@pytest.mark.parametrize(
    "args, message",
    [
        ((), "import-epoch needs a FILE to import (or --remove)"),
        (("a.csv", "--remove"), "argument --remove: not allowed with argument FILE"),
    ],
)
def test_usage_errors(args: tuple[str, ...], message: str, atlas_db_path: Path) -> None:
    result = run_cli("import-epoch", *args, db=atlas_db_path)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGKILL])
def test_a_signal_while_the_import_writes_leaves_the_old_data(
    signal_number: int, atlas_db_path: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    run_cli(
        "import-epoch", str(write_csv(tmp_path / "old.csv", many_rows(30, "Old"))), db=atlas_db_path
    )
    before = stored(user_data_dir)
    # Large enough that its rows overflow SQLite's page cache into the WAL before the commit.
    big = write_csv(tmp_path / "big.csv", many_rows(40_000, "New"))
    wal = user_data_dir / f"{MODEL_DATA_FILE_NAME}-wal"
    wal.unlink(missing_ok=True)
    process = subprocess.Popen(
        [*COMMAND, "import-epoch", str(big)],
        env=cli_env(atlas_db_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # The moment uncommitted pages reach the WAL, the import is writing inside its
        # transaction; the signal lands there.
        deadline = time.monotonic() + 120
        while not (wal.exists() and wal.stat().st_size > 64 * 1024):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.001)
        process.send_signal(signal_number)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    if signal_number == signal.SIGINT:
        assert (process.returncode, stderr) == (130, b"genai-atlas: interrupted\n")
    else:
        assert process.returncode == -signal.SIGKILL
    assert stdout == b""
    assert stored(user_data_dir) == before


@pytest.mark.skipif(not EPOCH_CSV.is_file(), reason=SKIP_WITHOUT_REAL_FILE)
def test_the_real_file(atlas_db_path: Path) -> None:
    result = run_cli("import-epoch", str(EPOCH_CSV), "--json", db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert 900 <= report["added"] <= 1100 and report["skipped"] == []
    assert report["models"] == report["added"]


def test_no_qt_is_loaded_by_the_command(atlas_db_path: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from genai_atlas.cli import run; "
        f"code = run(['import-epoch', {str(write_csv(tmp_path / 'm.csv', many_rows(2)))!r}]); "
        "print(code, 'PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(os.environ, GENAI_ATLAS_DB=str(atlas_db_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.splitlines()[-1] == "0 False", result.stderr
