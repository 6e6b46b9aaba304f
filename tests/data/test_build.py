"""The database build: it writes what the sources say, and refuses bad sources by name."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from genai_atlas.data.schema import SCHEMA_VERSION


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_build_writes_tables_with_schema_version(built_database: Path) -> None:
    with sqlite3.connect(built_database) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"entry", "comparison", "comparison_row", "model", "application", "link"} <= tables
        fks = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert fks == []
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "idx_link_to_id" in indexes


def test_same_sources_build_same_content(build_module, tmp_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    build_module.build_database(build_module.DEFAULT_CONTENT, first)
    build_module.build_database(build_module.DEFAULT_CONTENT, second)
    dump = [list(sqlite3.connect(p).iterdump()) for p in (first, second)]
    assert dump[0] == dump[1]


@pytest.mark.parametrize(
    ("file_name", "old", "new", "message"),
    [
        (
            "models.toml",
            'id = "model/chatgpt"',
            'id = "model/gpt-4"',
            "models.toml: model/gpt-4: duplicate id",
        ),
        (
            "industries.toml",
            'see_also = ["model/gpt-4", "model/claude", "model/gemini"]',
            'see_also = ["model/gpt-4", "model/no-such-model"]',
            "industries.toml: application/content-creation: field 'see_also' links to unknown "
            "'model/no-such-model'",
        ),
        (
            "models.toml",
            'organisation = "OpenAI"',
            'organization = "OpenAI"',
            "models.toml: model/gpt-4: unknown field(s) organization",
        ),
        (
            "glossary.toml",
            'title = "Transformer"',
            'name = "Transformer"',
            "glossary.toml: term/transformer: unknown field(s) name",
        ),
        (
            "comparisons.toml",
            "[transformers](term/transformer)",
            "[transformers](term/transformers)",
            "comparisons.toml: comparison/overview: text links to unknown 'term/transformers'",
        ),
        (
            "models.toml",
            'model_type = "llm"',
            'model_type = "chatbot"',
            "models.toml: model/gpt-4: field 'model_type' must be one of llm, generative",
        ),
        (
            "models.toml",
            'date_kind = "release"',
            'date_kind = "launch"',
            "models.toml: model/gpt-4: field 'date_kind' must be one of release, announced, paper",
        ),
        (
            "models.toml",
            'as_of = "2026-10"',
            'as_of = "October 2026"',
            "models.toml: model/gpt-4: field 'as_of' must be a month as YYYY-MM",
        ),
        (
            "models.toml",
            'as_of = "2026-10"',
            'as_of = "2026-13"',
            "models.toml: model/gpt-4: field 'as_of' must be a month as YYYY-MM",
        ),
        (
            "models.toml",
            'availability = "retired"',
            'availability = "gone"',
            "models.toml: model/gpt-4: field 'availability' must be one of available, retired, "
            "unreleased",
        ),
        (
            "models.toml",
            'date_source = "source/openai-gpt-4"',
            'date_source = "source/nowhere"',
            "models.toml: model/gpt-4: date_source 'source/nowhere' must also be in the entry's "
            "source list",
        ),
        (
            "models.toml",
            'date_source = "source/openai-gpt-4"\n',
            "",
            "models.toml: model/gpt-4: the release year needs a date_source, "
            "or date_approximate = true",
        ),
        (
            "models.toml",
            'access_note = "In ChatGPT from March 2023',
            'release_note = "In ChatGPT from March 2023',
            "models.toml: model/gpt-4: a retired model needs an access_note",
        ),
        (
            "models.toml",
            'access = ["none"]',
            'access = ["api"]',
            "models.toml: model/palm: availability 'unreleased' goes with access = [\"none\"]",
        ),
    ],
)
def test_build_rejects_bad_sources_naming_file_and_entry(
    build_module,
    content_copy: Path,
    tmp_path: Path,
    file_name: str,
    old: str,
    new: str,
    message: str,
) -> None:
    _replace(content_copy / file_name, old, new)
    output = tmp_path / "out.db"
    with pytest.raises(build_module.SourceError) as caught:
        build_module.build_database(content_copy, output)
    assert message in str(caught.value)
    assert not output.exists(), "a refused build must not leave a database behind"


def test_build_rejects_missing_required_field(build_module, content_copy: Path) -> None:
    _replace(content_copy / "models.toml", "year = 2023\n", "\n")
    with pytest.raises(
        build_module.SourceError,
        match=r"models\.toml: model/gpt-4: missing "
        r"required field 'year'",
    ):
        build_module.build_database(content_copy, content_copy / "x.db")


def test_build_cli_exits_2_with_one_line(build_module, content_copy: Path, capsys) -> None:
    (content_copy / "trends.toml").write_text("[[trend]\nbroken", encoding="utf-8")
    code = build_module.main(
        ["--content", str(content_copy), "--output", str(content_copy / "x.db")]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("build: error: trends.toml: not valid TOML")
    assert err.count("\n") == 1


def test_the_built_database_is_readable_by_every_user(build_module, tmp_path: Path) -> None:
    output = build_module.build_database(build_module.DEFAULT_CONTENT, tmp_path / "atlas.db")
    assert output.stat().st_mode & 0o777 == 0o644
