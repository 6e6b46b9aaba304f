"""The detail page renderer, tested as a string without Qt."""

from __future__ import annotations

import re
import subprocess
import sys

from genai_atlas.data import (
    Category,
    Comparison,
    ComparisonRow,
    EntryKind,
    EntryRef,
    LinkedEntry,
    Model,
    Source,
    Term,
)
from genai_atlas.render import DARK, LIGHT, render_entry

ARTICLE = Source("source/article", "The seed <article>")
GPT4 = EntryRef("model/gpt-4", EntryKind.MODEL, "GPT-4")


def _model(**changes: object) -> Model:
    fields: dict[str, object] = dict(
        id="model/demo",
        kind=EntryKind.MODEL,
        title="Demo <b>model</b> & co",
        summary="Built on [transformers](term/transformer); see <script>alert(1)</script>.",
        organisation="Acme & Sons",
        year=2023,
        modality=("text", "image"),
        model_type="llm",
        access=("api",),
        website="https://example.org/demo?a=1&b=2",
        sources=(ARTICLE, Source("source/web", "Web page", "https://example.org/page")),
        backlinks=(
            LinkedEntry(
                EntryRef("category/text-generation", EntryKind.CATEGORY, "Text Generation"),
                "example",
            ),
            LinkedEntry(EntryRef("term/llm", EntryKind.TERM, "LLM"), "related"),
        ),
    )
    fields.update(changes)
    return Model(**fields)  # type: ignore[arg-type]


def _visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_all_text_is_escaped() -> None:
    html = render_entry(_model(), LIGHT)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Demo &lt;b&gt;model&lt;/b&gt; &amp; co" in html
    assert "Acme &amp; Sons" in html
    assert "The seed &lt;article&gt;" in html
    assert 'href="https://example.org/demo?a=1&amp;b=2"' in html


def test_markup_links_become_atlas_anchors() -> None:
    html = render_entry(_model(), LIGHT)
    assert '<a href="atlas:term/transformer">transformers</a>' in html
    assert "[transformers]" not in html


def test_backlinks_and_facts_are_shown() -> None:
    html = render_entry(_model(), LIGHT)
    text = _visible_text(html)
    assert '<a href="atlas:category/text-generation">Text Generation</a>' in html
    assert "Referenced by" in text and '<a href="atlas:term/llm">LLM</a>' in html
    for fact in ("Organisation", "2023", "Text, Image", "LLM", "API"):
        assert fact in text


def test_sources_come_last_with_urls_as_text() -> None:
    html = render_entry(_model(), LIGHT)
    text = _visible_text(html)
    assert text.rindex("Sources") > text.rindex("Referenced by")
    assert "https://example.org/page" in text
    assert "The seed &lt;article&gt;" in text


def test_comparison_is_a_three_column_table_with_lists_for_multi_line_cells() -> None:
    comparison = Comparison(
        id="comparison/demo",
        kind=EntryKind.COMPARISON,
        title="Demo",
        summary="Why.",
        subtitle="Side by side",
        left_label="LLMs",
        right_label="Generative AI",
        rows=(
            ComparisonRow("Definition & Purpose", "Text", "Many [media](term/multimodal)"),
            ComparisonRow("Examples", "GPT-4\nClaude", "DALL·E"),
        ),
        sources=(ARTICLE,),
    )
    html = render_entry(comparison, LIGHT)
    assert "<th" in html and ">LLMs</th>" in html and ">Generative AI</th>" in html
    assert "Definition &amp; Purpose" in html
    assert "<ul><li>GPT-4</li><li>Claude</li></ul>" in html
    assert '<a href="atlas:term/multimodal">media</a>' in html


def test_highlight_terms_wrap_every_case_insensitive_match() -> None:
    term = Term(
        id="term/gan",
        kind=EntryKind.TERM,
        title="GAN",
        summary="",
        definition="A gan pits two networks; GANs make [images](category/image-generation).",
    )
    html = render_entry(term, LIGHT, highlight_terms=["gan", "  "])
    spans = re.findall(r'<span class="hl"[^>]*>([^<]*)</span>', html)
    assert [s.lower() for s in spans] == ["gan", "gan", "gans"]  # title, "gan", the word "GANs"
    # Highlighting never breaks a link's markup and never matches inside tags.
    assert 'href="atlas:category/image-generation"' in html
    assert render_entry(term, LIGHT, highlight_terms=["href"]).count('class="hl"') == 0


def test_highlight_terms_are_text_not_regex() -> None:
    term = Term(
        id="term/x", kind=EntryKind.TERM, title="X", summary="", definition="costs (a+b) or ab"
    )
    html = render_entry(term, LIGHT, highlight_terms=["(a+b)"])
    assert html.count('class="hl"') == 1


def test_theme_colours_are_used() -> None:
    category = Category(
        id="category/demo",
        kind=EntryKind.CATEGORY,
        title="Demo",
        summary="S",
        use_cases=("chat",),
        examples=(GPT4,),
        techniques=(),
    )
    assert DARK.text in render_entry(category, DARK)
    assert LIGHT.link in render_entry(category, LIGHT)
    html = render_entry(category, LIGHT)
    assert '<a href="atlas:model/gpt-4">GPT-4</a>' in html and "chat" in html


def test_renderer_imports_no_qt() -> None:
    code = "import sys, genai_atlas.render; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_every_real_entry_renders(atlas) -> None:  # type: ignore[no-untyped-def]
    for ref in atlas.list():
        html = render_entry(atlas.get(ref.id), LIGHT, ["ai"])
        assert "Sources" in html, ref.id
        for target in re.findall(r'href="atlas:([^"]+)"', html):
            assert atlas.has(target), (ref.id, target)


def test_a_term_lists_each_linked_entry_once(atlas) -> None:
    from genai_atlas.render import LIGHT, render_entry

    html = render_entry(atlas.get("term/transformer"), LIGHT)
    related, _, also = html.partition("Also used by")
    assert 'href="atlas:comparison/overview"' in related
    assert 'href="atlas:comparison/overview"' not in also.split("Sources")[0]


def test_highlight_marks_whole_words_that_start_like_the_term(atlas) -> None:
    from genai_atlas.render import LIGHT, render_entry

    # "gan" is the start of "GANs" but sits inside "Organisation" (a fact label on model pages).
    model_page = render_entry(atlas.get("model/gpt-4"), LIGHT, ["gan"])
    assert "Organisation" in model_page
    assert 'class="hl"' not in model_page.split("Organisation")[0][-200:]
    category_page = render_entry(atlas.get("category/image-generation"), LIGHT, ["gan"])
    assert 'class="hl"' in category_page
    highlighted = re.findall(r'<span class="hl"[^>]*>([^<]*)</span>', category_page)
    assert highlighted and all(word.lower().startswith("gan") for word in highlighted)


def test_model_date_says_what_it_is_with_its_source() -> None:
    paper = Source("source/paper", "A & B (2022), The paper", "https://example.org/paper")
    model = _model(
        year=2022, date_kind="paper", date_source="source/paper", sources=(ARTICLE, paper)
    )
    text = _visible_text(render_entry(model, LIGHT))
    assert "DatePaper 2022 — A &amp; B (2022), The paper" in text
    assert "Year" not in text
    assert 'href="https://example.org/paper"' in render_entry(model, LIGHT)


def test_model_date_without_a_source_says_it_is_approximate() -> None:
    text = _visible_text(render_entry(_model(date_approximate=True), LIGHT))
    assert "DateReleased about 2023 (no source states the date)" in text


def test_access_and_modality_carry_their_as_of_date() -> None:
    text = _visible_text(render_entry(_model(as_of="2026-11"), LIGHT))
    assert "AccessAPI (as of November 2026)" in text
    assert "ModalityText, Image (as of November 2026)" in text


def test_a_retired_model_shows_its_access_as_history() -> None:
    model = _model(
        as_of="2024-08",
        availability="retired",
        access_note="API, 2023 to August 2024; shut down.",
    )
    text = _visible_text(render_entry(model, LIGHT))
    assert "AccessRetired (as of August 2024): API, 2023 to August 2024; shut down." in text
    assert "AccessAPI (" not in text
    assert "ModalityText, ImageType" in text  # no as-of date on a past state's modality


def test_models_the_article_does_not_name_are_the_atlas_own_see_also(atlas) -> None:  # type: ignore[no-untyped-def]
    voice = _visible_text(render_entry(atlas.get("application/synthetic-voice-audio"), LIGHT))
    assert "See alsoElevenLabs (the atlas's choice; the article names no model here)" in voice
    assert "ModelsElevenLabs" not in voice
    # The one application for which the article names its tools keeps them as plain "Models".
    visuals = _visible_text(
        render_entry(atlas.get("application/ai-generated-visuals-videos"), LIGHT)
    )
    assert "ModelsDALL·E, Midjourney, Runway" in visuals
    assert "See also" not in visuals
