"""The article is cited as a reader would cite it: by its title, never as a file or a "seed"."""

from __future__ import annotations

import re

from genai_atlas.data.compare import entry_table
from genai_atlas.export.tables import table_to_markdown
from genai_atlas.render.sheet import SheetFooter, sheet_html

ARTICLE_TITLE = "LLMs vs Generative AI"


def _looks_like_a_path(text: str) -> bool:
    return bool(re.search(r"(^|[\s(])(\.{0,2}/)?[\w.-]+/[\w.-]+\.(txt|md|html?)\b", text))


def test_the_article_source_is_its_title_alone(atlas) -> None:
    article = next(s for s in atlas.info().sources if s.id == "source/article")
    assert article.title == ARTICLE_TITLE
    for source in atlas.info().sources:
        shown = f"{source.title} {source.note}"
        assert "seed" not in shown.lower(), source.id
        assert "shared/" not in shown, source.id
        assert not _looks_like_a_path(shown), source.id


def test_markdown_export_lists_the_article_by_title(atlas) -> None:
    markdown = table_to_markdown(entry_table(atlas, "comparison/overview"))
    sources = markdown.split("Sources:", 1)[1]
    assert f"- {ARTICLE_TITLE}\n" in sources
    assert "seed" not in markdown.lower()


def test_printed_sheet_footer_names_the_article_by_title(atlas) -> None:
    table = entry_table(atlas, "comparison/overview")
    footer = SheetFooter(attribution=table.attribution(), data_version="x", date="2026-01-02")
    html = sheet_html(table, footer)
    assert f"Source: {ARTICLE_TITLE}<br>" in html
    assert "seed" not in html.lower()
