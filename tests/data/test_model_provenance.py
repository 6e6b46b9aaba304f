"""Model facts say when they held and what their dates are, as the data layer reads them."""

from __future__ import annotations

from genai_atlas.data import EntryKind, Model
from genai_atlas.data.search import search
from genai_atlas.data.serialize import entry_to_dict


def _models(atlas) -> dict[str, Model]:
    return {ref.id: atlas.get(ref.id) for ref in atlas.list(EntryKind.MODEL)}


def test_every_model_date_says_what_it_is_and_where_it_is_stated(atlas) -> None:
    for model in _models(atlas).values():
        assert model.date_kind in ("release", "announced", "paper"), model.id
        sources = {source.id for source in model.sources}
        assert model.date_source in sources or model.date_approximate, model.id
        assert model.as_of, f"{model.id}: access and modality need an as-of date"


def test_historical_access_is_shown_as_history(atlas) -> None:
    models = _models(atlas)
    palm = models["model/palm"]
    assert palm.availability == "unreleased" and palm.access == ("none",)
    assert palm.access_summary.startswith("Never released (as of August 2024): The PaLM API")
    assert palm.date_label == "Paper 2022"
    codex = models["model/openai-codex"]
    assert codex.availability == "retired"
    assert codex.access_short == "API (retired)"
    assert "March 2023" in codex.access_summary
    assert "Codex" not in codex.aliases  # now also the name of other OpenAI products
    assert models["model/musiclm"].availability == "retired"
    assert "MusicFX" in models["model/musiclm"].access_note


def test_modality_and_aliases_follow_the_cited_pages(atlas) -> None:
    models = _models(atlas)
    assert set(models["model/chatgpt"].modality) >= {"text", "image", "audio"}
    assert "image" in models["model/claude"].modality
    assert "GPT-4 Turbo" not in models["model/gpt-4"].aliases  # a separate model
    assert "30 April 2025" in models["model/gpt-4"].access_note


def test_json_output_carries_the_dates_and_their_labels(atlas) -> None:
    data = entry_to_dict(atlas.get("model/dall-e"))
    assert (data["year"], data["date_kind"], data["date_label"]) == (
        2021,
        "announced",
        "Announced 2021",
    )
    assert data["date_source"] == "source/openai-dall-e"
    assert data["as_of"] == "2023-10" and data["as_of_label"] == "October 2023"
    assert data["access_summary"] == "API, Hosted app (as of October 2023)"
    assert data["availability"] == "available"


def test_titles_use_the_makers_spelling_and_search_finds_the_articles(atlas) -> None:
    renamed = {
        "model/midjourney": ("Midjourney", "MidJourney"),
        "model/runway-ml": ("Runway", "Runway ML"),
        "model/pika-labs": ("Pika", "Pika Labs"),
        "model/llama": ("Llama", "LLaMA"),
    }
    for entry_id, (title, article_spelling) in renamed.items():
        model = atlas.get(entry_id)
        assert model.title == title
        assert article_spelling in model.aliases
        # the article's spelling still finds the entry, first
        assert search(atlas, article_spelling).hits[0].id == entry_id, article_spelling
    assert atlas.get("model/llama").organisation == "Meta"
