"""``genai-atlas --self-test``: one line per check, and the exit code a script can rely on."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from genai_atlas.self_test import Skipped, State, check_chart, run_checks


def run_self_test(env_changes: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **env_changes)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "genai_atlas", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_self_test_passes_on_the_built_database(atlas_db_path: Path) -> None:
    result = run_self_test({})
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[0].startswith("ok   database opens read-only")
    assert any(line.startswith("ok   schema version and quick_check") for line in lines)
    assert any(line.startswith("ok   every tab builds (Comparisons") for line in lines)
    chart = next(line for line in lines if line.startswith("ok   chart draws to PNG"))
    assert "pyqtgraph " in chart and "numpy " in chart and "5 models, 2000×1240 PNG" in chart
    assert lines[-1] == "self-test: OK"
    assert "Traceback" not in result.stderr


def test_self_test_fails_on_a_corrupt_database(tmp_path: Path) -> None:
    broken = tmp_path / "atlas.db"
    broken.write_bytes(b"this is not a database" * 100)
    result = run_self_test({"GENAI_ATLAS_DB": str(broken)})
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert len(lines) == 2
    assert lines[0].startswith("FAIL database opens read-only: AtlasError: ")
    assert lines[1] == "self-test: FAILED at 'database opens read-only'"
    assert str(broken) in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_self_test_leaves_the_database_unchanged(atlas_db_path: Path) -> None:
    before = atlas_db_path.read_bytes()
    assert run_self_test({}).returncode == 0
    assert atlas_db_path.read_bytes() == before


def test_checks_run_in_order_skips_are_shown_and_the_first_failure_stops() -> None:
    ran = []

    def passes(state: State) -> str:
        ran.append("passes")
        return "detail"

    def skips(state: State) -> None:
        raise Skipped("not in this build")

    def fails(state: State) -> None:
        raise ValueError("broken")

    def never(state: State) -> None:
        ran.append("never")

    out = io.StringIO()
    code = run_checks(
        [("first", passes), ("second", skips), ("third", fails), ("fourth", never)], out
    )
    assert code == 1
    assert out.getvalue().splitlines() == [
        "ok   first (detail)",
        "skip second: not in this build",
        "FAIL third: ValueError: broken",
        "self-test: FAILED at 'third'",
    ]
    assert ran == ["passes"]


def test_all_checks_passing_ends_with_ok() -> None:
    out = io.StringIO()
    assert run_checks([("only", lambda state: None)], out) == 0
    assert out.getvalue().splitlines() == ["ok   only", "self-test: OK"]


def test_the_chart_check_fails_when_the_points_are_not_painted(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyqtgraph  # type: ignore[import-untyped]

    out = io.StringIO()
    assert run_checks([("chart draws to PNG", check_chart)], out) == 0
    assert out.getvalue().startswith("ok   chart draws to PNG (pyqtgraph ")

    # A chart with its frame, axes, legend and caption but no points: not blank, and still wrong.
    monkeypatch.setattr(pyqtgraph.ScatterPlotItem, "paint", lambda *args: None)
    out = io.StringIO()
    assert run_checks([("chart draws to PNG", check_chart)], out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(
        "FAIL chart draws to PNG: AssertionError: the points are not painted"
    )
    assert lines[-1] == "self-test: FAILED at 'chart draws to PNG'"
