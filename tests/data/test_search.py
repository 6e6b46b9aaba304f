"""Search in the data layer: ranking, typing, typos, aliases, kinds and any text at all."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genai_atlas.data import EntryKind
from genai_atlas.data.search import SearchResults, search
from genai_atlas.data.search_text import MAX_QUERY_CHARS, Span, highlight_spans, marked_text


def ids(results: SearchResults) -> list[str]:
    return [hit.id for hit in results.hits]


def first(atlas, text: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
    results = search(atlas, text, **kwargs)
    assert results.hits, f"nothing found for {text!r}"
    return results.hits[0].id


# --- ranking -----------------------------------------------------------------------------------


def test_title_match_beats_body_match(atlas) -> None:  # type: ignore[no-untyped-def]
    results = search(atlas, "elevenlabs")
    assert ids(results)[0] == "model/elevenlabs"
    # the category and the comparison only mention it in their text
    assert "category/audio-generation" in ids(results)[1:]


def test_exact_word_beats_prefix(atlas) -> None:  # type: ignore[no-untyped-def]
    # "gemini" is a title word; "gem" is only a prefix of it
    assert first(atlas, "gemini") == "model/gemini"
    results = search(atlas, "transformer")
    assert ids(results)[0] == "term/transformer"


def test_last_word_is_a_prefix_while_typing(atlas) -> None:  # type: ignore[no-untyped-def]
    results = search(atlas, "diffu")
    assert {"term/diffusion-model", "model/stable-diffusion"} <= set(ids(results)[:2])
    assert results.did_you_mean is None
    assert ids(search(atlas, "stable diffu"))[0] == "model/stable-diffusion"


def test_several_words_narrow(atlas) -> None:  # type: ignore[no-untyped-def]
    one = search(atlas, "image")
    two = search(atlas, "image music")
    assert 0 < two.total < one.total
    assert set(ids(two)) <= set(ids(search(atlas, "image", limit=500)))


@pytest.mark.parametrize("text", ["m", "a", "t", "s", "gen", "model", "ai"])
@pytest.mark.parametrize("kind", [None, "model", "term"])
def test_a_short_page_is_the_top_of_a_long_one(atlas, text: str, kind: str | None) -> None:  # type: ignore[no-untyped-def]
    # A page that title matches alone fill is ranked among those rows only (the first letter
    # typed matches most of the index): it must be exactly the head of the full ranking.
    kinds = [kind] if kind else None
    long = search(atlas, text, kinds=kinds, limit=500)
    titled = sum(1 for hit in long.hits if hit.score >= 1000)
    assert titled
    for limit in range(1, titled + 2):
        short = search(atlas, text, kinds=kinds, limit=limit)
        assert short.hits == long.hits[:limit]
        assert short.counts == long.counts


def test_ampersand_and_the_word_and_are_the_same(atlas) -> None:  # type: ignore[no-untyped-def]
    with_and = search(atlas, "business and marketing")
    with_ampersand = search(atlas, "business & marketing")
    assert ids(with_and) == ids(with_ampersand)
    assert ids(with_and)[0] == "industry/business-marketing"
    assert first(atlas, "AI regulation and ethical AI development") == "trend/ai-regulation-ethics"


def test_comparison_rows_are_results_of_their_own(atlas) -> None:  # type: ignore[no-untyped-def]
    results = search(atlas, "definition purpose")
    row_hits = [hit for hit in results.hits if hit.row is not None]
    assert row_hits and row_hits[0].id == "comparison/overview"
    assert row_hits[0].title == "Overview › Definition & Purpose"


# --- typos and aliases -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected", "corrected"),
    [
        ("difusion", "term/diffusion-model", "diffusion"),
        ("stabel diffusion", "model/stable-diffusion", "stable diffusion"),
        ("elevenlab", "model/elevenlabs", None),  # a prefix, nothing to correct
        ("halucination", "term/hallucination", "hallucination"),
        ("midjurney", "model/midjourney", "midjourney"),
    ],
)
def test_typos_find_the_entry(atlas, typed: str, expected: str, corrected: str | None) -> None:  # type: ignore[no-untyped-def]
    results = search(atlas, typed)
    assert expected in ids(results)[:2]
    assert results.did_you_mean == corrected


@pytest.mark.parametrize(
    ("one", "other", "entry"),
    [
        ("GAN", "generative adversarial network", "term/gan"),
        ("LLM", "large language model", "term/llm"),
        ("VAE", "variational autoencoder", "term/vae"),
        ("SD", "stable diffusion", "model/stable-diffusion"),
    ],
)
def test_aliases_work_both_ways(atlas, one: str, other: str, entry: str) -> None:  # type: ignore[no-untyped-def]
    assert first(atlas, one) == entry
    assert first(atlas, other) == entry
    # the text of other entries is found through either name, and both names are highlighted
    assert set(ids(search(atlas, one, limit=500))) == set(ids(search(atlas, other, limit=500)))
    terms = search(atlas, one).terms
    assert one.lower() in terms and other.lower() in terms


def test_nothing_found_offers_nearest_names(atlas) -> None:  # type: ignore[no-untyped-def]
    results = search(atlas, "claud opus zzzq")
    assert results.hits == ()
    assert results.total == 0
    results = search(atlas, "qqqqqqq")
    assert results.hits == () and results.did_you_mean is None
    offered = search(atlas, "gpt five turbo xylophone").suggestions
    assert offered and any("GPT" in name for name in offered)


# --- kinds ---------------------------------------------------------------------------------------


def test_kind_filter_keeps_counts_of_every_kind(atlas) -> None:  # type: ignore[no-untyped-def]
    everything = search(atlas, "image")
    models = search(atlas, "image", kinds=[EntryKind.MODEL])
    assert {hit.kind for hit in models.hits} == {EntryKind.MODEL}
    assert len(models.hits) == everything.count(EntryKind.MODEL)
    assert models.counts == everything.counts
    assert everything.total == sum(number for _, number in everything.counts)
    assert len({hit.kind for hit in everything.hits}) > 2
    assert {hit.kind for hit in search(atlas, "image", kinds=["term"]).hits} == {EntryKind.TERM}


def test_limit(atlas) -> None:  # type: ignore[no-untyped-def]
    assert len(search(atlas, "ai", limit=3).hits) == 3
    assert len(search(atlas, "ai", limit=0).hits) == 1  # clamped, never an error


# --- highlighting ------------------------------------------------------------------------------


def test_snippets_and_titles_mark_the_matched_words(atlas) -> None:  # type: ignore[no-untyped-def]
    hit = search(atlas, "stable diffu").hits[0]
    assert hit.id == "model/stable-diffusion"
    assert hit.title_spans == (Span("Stable", True), Span(" "), Span("Diffusion", True))
    assert "[[" in hit.snippet_text()


def test_highlight_spans_marks_whole_words_from_their_start() -> None:
    spans = highlight_spans("Diffusion models and a diffuser; undiffused.", ["diffu"])
    assert marked_text(spans) == "[[Diffusion]] models and a [[diffuser]]; undiffused."
    spans = highlight_spans("A Generative  Adversarial-Network here", ["generative adversarial"])
    assert marked_text(spans) == "A [[Generative  Adversarial]]-Network here"
    assert highlight_spans("", ["x"]) == ()
    assert marked_text(highlight_spans("a (b) *c*", ["(", "*"])) == "a (b) *c*"


# --- any input is safe -------------------------------------------------------------------------

NASTY = [
    '"',
    '""',
    "'",
    "*",
    "-",
    "-gpt",
    ":",
    "title:gpt",
    "^gpt",
    "(",
    ")",
    "((gpt",
    "NEAR(",
    "NEAR(gpt claude, 2)",
    "AND",
    "OR",
    "NOT",
    "gpt AND OR NOT claude",
    "'; DROP TABLE entry; --",
    '" OR 1=1 --',
    "{title}: gpt",
    "\x00",
    "gpt\x00claude",
    "\x07\x1b[31m",
    "🤖🎨",
    "🤖 diffusion",
    "שלום עולם",
    "مرحبا diffusion",
    "\u202egpt",
    "x" * 100_000,
    "diffusion " * 20_000,
    " ",
    "",
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_any_text_is_data(atlas, text: str) -> None:  # type: ignore[no-untyped-def]
    results = search(atlas, text)
    assert isinstance(results, SearchResults)
    assert len(results.text) <= MAX_QUERY_CHARS


def test_quoted_syntax_is_searched_as_words(atlas) -> None:  # type: ignore[no-untyped-def]
    assert first(atlas, '("stable" diffusion*)^') == "model/stable-diffusion"
    # NEAR is searched as a word like any other, so here nothing matches (and nothing fails)
    assert search(atlas, 'NEAR("stable" diffusion)').hits == ()
    assert first(atlas, "-midjourney") == "model/midjourney"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_property_search_never_fails(atlas, text: str) -> None:  # type: ignore[no-untyped-def]
    results = search(atlas, text)
    for hit in results.hits:
        assert hit.id and hit.title
    assert results.total >= len(results.hits) or results.did_you_mean


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "gpt",
                "AND",
                "OR",
                "NOT",
                "NEAR",
                '"',
                "*",
                "(",
                ")",
                "^",
                ":",
                "-",
                "{",
                "}",
                "diffusion",
                "+",
                "'",
                ";",
                "\x00",
                "🤖",
            ]
        ),
        max_size=12,
    )
)
def test_property_query_syntax_never_fails(atlas, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    search(atlas, " ".join(words))
    search(atlas, "".join(words), kinds=[EntryKind.MODEL])


def test_data_layer_search_imports_no_qt() -> None:
    code = (
        "import sys, genai_atlas.data.search, genai_atlas.cli.search; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
