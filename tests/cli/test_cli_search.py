"""`genai-atlas search` as a user runs it: a real process, its output and its exit code."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_process import run_cli


def test_search_json_prints_one_object_per_line(atlas_db_path: Path) -> None:
    result = run_cli("search", "difusion", "--json", db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert objects[0]["id"] == "term/diffusion-model"
    assert objects[0]["kind"] == "term"
    assert objects[0]["title"] == "Diffusion Model"
    assert "[[" in objects[0]["snippet"]
    for item in objects:
        assert set(item) == {"kind", "id", "title", "snippet", "score"}
        assert isinstance(item["score"], float)
    scores = [item["score"] for item in objects]
    assert scores == sorted(scores, reverse=True)


def test_search_kind_and_limit(atlas_db_path: Path) -> None:
    result = run_cli(
        "search", "image", "--kind", "model", "--limit", "2", "--json", db=atlas_db_path
    )
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 2
    assert {item["kind"] for item in objects} == {"model"}


def test_search_text_output_and_did_you_mean(atlas_db_path: Path) -> None:
    result = run_cli("search", "stabel", "diffusion", db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Showing results for: stable diffusion"
    assert lines[1] == "model\tmodel/stable-diffusion\tStable Diffusion"


def test_search_with_query_syntax_is_not_an_error(atlas_db_path: Path) -> None:
    result = run_cli("search", '"NEAR(', "AND", "*", db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("No entries match")


def test_search_bad_arguments_exit_2_with_one_line(atlas_db_path: Path) -> None:
    for args in (
        ["search"],
        ["search", "x", "--kind", "song"],
        ["search", "x", "--limit", "0"],
        ["search", "x", "--limit", "many"],
    ):
        result = run_cli(*args, db=atlas_db_path)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stdout == ""


def test_search_missing_database_is_a_message(tmp_path: Path) -> None:
    result = run_cli("search", "gpt", db=tmp_path / "nowhere.db")
    assert result.returncode == 2
    assert "nowhere.db" in result.stderr and "Traceback" not in result.stderr
