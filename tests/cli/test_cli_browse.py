"""The CLI as a user runs it: real processes, their output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from genai_atlas import __version__
from tests.cli_process import run_cli


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"genai-atlas {__version__}"


def test_list_prints_kind_id_title(atlas_db_path: Path) -> None:
    result = run_cli("list", db=atlas_db_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "model\tmodel/gpt-4\tGPT-4" in lines
    assert "comparison\tcomparison/overview\t" in "\n".join(lines)
    kinds = {line.split("\t")[0] for line in lines}
    assert kinds == {
        "comparison",
        "category",
        "industry",
        "application",
        "trend",
        "model",
        "term",
        "takeaway",
    }


def test_list_one_kind_as_json(atlas_db_path: Path) -> None:
    result = run_cli("list", "industry", "--json", db=atlas_db_path)
    assert result.returncode == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["title"] for row in rows] == [
        "Business & Marketing",
        "Healthcare",
        "Education",
        "Entertainment & Creativity",
        "Software Development",
    ]
    assert set(rows[0]) == {"kind", "id", "title"}


def test_show_comparison_json_has_rows(atlas_db_path: Path) -> None:
    result = run_cli("show", "comparison/overview", "--json", db=atlas_db_path)
    assert result.returncode == 0
    record = json.loads(result.stdout)
    assert record["id"] == "comparison/overview"
    assert [row["aspect"] for row in record["rows"]][0] == "Definition & Purpose"
    assert "](" not in json.dumps(record["rows"]), "link markup must be stripped in JSON"


def test_show_industry_lists_applications(atlas_db_path: Path) -> None:
    result = run_cli("show", "industry/education", db=atlas_db_path)
    assert result.returncode == 0
    assert "title: Education" in result.stdout
    assert "AI Tutors & Personalized Learning" in result.stdout
    record = json.loads(run_cli("show", "industry/education", "--json", db=atlas_db_path).stdout)
    assert len(record["applications"]) == 4


def test_unknown_id_exits_2_with_one_line(atlas_db_path: Path) -> None:
    result = run_cli("show", "model/gpt-99", db=atlas_db_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "genai-atlas: no entry with id 'model/gpt-99' (try 'genai-atlas list')"
    )


def test_bad_arguments_exit_2_with_one_line(atlas_db_path: Path) -> None:
    for args in (("list", "planets"), ("show",), ("list", "--bogus")):
        result = run_cli(*args, db=atlas_db_path)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_missing_database_exits_2_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.db"
    result = run_cli("list", db=missing)
    assert result.returncode == 2
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_command_names_match_the_parser() -> None:
    from genai_atlas.cli import command_names
    from genai_atlas.command_names import COMMAND_NAMES

    assert command_names() == COMMAND_NAMES


def test_every_command_is_documented_in_the_readme() -> None:
    from genai_atlas.command_names import COMMAND_NAMES

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in sorted(COMMAND_NAMES):
        assert f"genai-atlas {name}" in readme, f"README does not document 'genai-atlas {name}'"
