"""Every title of the seed article — table aspects, names, bullet headings — is in the atlas.

The test reads the article itself, so a heading added to the article and missing from the data
fails here. It skips (with the reason) where ../shared is not laid beside the checkout.
"""

from __future__ import annotations

import re

import pytest

from genai_atlas.data import EntryKind
from genai_atlas.data.markup import plain_text

from ..conftest import SEED_ARTICLE

pytestmark = pytest.mark.skipif(
    not SEED_ARTICLE.is_file(), reason=f"the seed article is not at {SEED_ARTICLE}"
)

HEADER_LABELS = {
    "Category",
    "Aspect",
    "Feature",
    "Large Language Models (LLMs)",
    "Generative AI",
    "Examples",
    "Use Cases",
}


@pytest.fixture(scope="module")
def article() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def atlas_text(atlas) -> dict[str, str]:
    """Per-kind titles, and all visible text of the atlas in one string."""
    conn = atlas.connection
    everything = [row[0] for row in conn.execute("SELECT title || ' ' || summary FROM entry")]
    everything += [
        " ".join(r) for r in conn.execute("SELECT aspect, left, right FROM comparison_row")
    ]
    everything += [r[0] for r in conn.execute("SELECT text FROM trend_item")]
    everything += [r[0] for r in conn.execute("SELECT use_cases FROM category")]
    everything += [r[0] for r in conn.execute("SELECT alias FROM entry_alias")]
    return {"all": plain_text("\n".join(everything))}


def _table_rows(article: str) -> list[list[str]]:
    rows = []
    for line in article.splitlines():
        if " | " in line and not line.startswith("---") and line.count("|") >= 3:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append(cells)
    return rows


def test_every_table_aspect_is_a_comparison_row_or_category(
    atlas, article: str, atlas_text
) -> None:
    aspects = {r[0] for r in atlas.connection.execute("SELECT aspect FROM comparison_row")}
    categories = {ref.title for ref in atlas.list(EntryKind.CATEGORY)}
    first_cells = [row[0] for row in _table_rows(article) if row[0] not in HEADER_LABELS]
    assert len(first_cells) >= 16
    # The article's garbled table fragment starts a row with a bullet ("- Audio & Video → …");
    # such a line is kept word for word in a comparison cell.
    missing = [
        cell
        for cell in first_cells
        if cell not in aspects | categories
        and not (cell.startswith("- ") and cell[2:] in atlas_text["all"])
    ]
    assert missing == []


def test_table_headers_are_comparison_titles(atlas, article: str) -> None:
    titles = {ref.title for ref in atlas.list(EntryKind.COMPARISON)}
    for heading in ("Training Process", "Key Differences Between LLMs & Generative AI"):
        assert heading in article
        assert heading in titles


def test_every_named_model_is_a_model_entry(atlas, article: str) -> None:
    names: dict[str, str] = {}
    for ref in atlas.list(EntryKind.MODEL):
        names[ref.title.lower()] = ref.id
        for alias in atlas.get(ref.id).aliases:
            names[alias.lower()] = ref.id
    category_rows = [row for row in _table_rows(article) if row[0].endswith("Generation")]
    assert len(category_rows) == 5
    mentioned = [name.strip() for row in category_rows for name in row[1].split(",")]
    popular = re.search(r"Popular Models \| (.*?) \| (.*?) \|", article)
    assert popular is not None
    for cell in popular.groups():
        mentioned += [item.strip() for item in re.sub(r"\s*\([^)]*\)", "", cell).split(",")]
    mentioned += ["ChatGPT", "GitHub Copilot", "OpenAI Codex", "Runway ML"]
    missing = [name for name in mentioned if name.lower() not in names]
    assert missing == [], f"models named in the article but not in the atlas: {missing}"


def test_category_use_cases_match_the_table(atlas, article: str) -> None:
    for row in _table_rows(article):
        if not row[0].endswith("Generation"):
            continue
        category = next(c for c in atlas.list(EntryKind.CATEGORY) if c.title == row[0])
        use_cases = {u.lower() for u in atlas.get(category.id).use_cases}
        for use_case in row[2].split(","):
            assert use_case.strip().lower() in use_cases, (row[0], use_case)


def _section(article: str, start: str, end: str) -> str:
    return article[article.index(start) : article.index(end, article.index(start))]


def test_every_industry_and_application_is_present(atlas, article: str) -> None:
    section = _section(
        article, "Applications of LLMs & Generative AI in Industries", "Key Takeaways:"
    )
    industries = re.findall(r"^\d\. (.+)$", section, flags=re.M)
    assert industries == [ref.title for ref in atlas.list(EntryKind.INDUSTRY)]
    bullets = re.findall(r"^- ([^:]+):", section, flags=re.M)
    applications = [ref.title for ref in atlas.list(EntryKind.APPLICATION)]
    assert sorted(bullets) == sorted(applications)
    # the article lists 24 applications (7 + 5 + 4 + 4 + 4)
    assert len(applications) == len(bullets) == 24


def test_every_trend_title_and_industry_impact_is_present(atlas, article: str) -> None:
    section = _section(article, "The Future of LLMs & Generative AI", "Conclusion")
    headings = re.findall(r"^\d\. (.+)$", section, flags=re.M)
    future = [atlas.get(ref.id) for ref in atlas.list(EntryKind.TREND)]
    assert headings == [t.title for t in future if t.section == "future"]
    impacts = {i.industry.title.split(" & ")[0] for t in future for i in t.industry_impacts}
    for industry in re.findall(
        r"^- (Business & Marketing|Healthcare|Education|Entertainment):", section, flags=re.M
    ):
        assert industry.split(" & ")[0] in impacts
    assert any(
        t.section == "responsible-ai" and t.title == "The Need for Responsible AI Development"
        for t in future
    )


def test_trend_examples_and_initiatives_are_kept(atlas, article: str, atlas_text) -> None:
    for label in ("Examples", "Initiatives"):
        line = re.search(rf"^- {label}: (.+)\.$", article, flags=re.M)
        assert line is not None
        for item in re.split(r", (?:and )?", line.group(1)):
            # the atlas writes straight apostrophes where the article has curly ones
            folded = item.strip().lower().replace("’", "'")
            assert folded in atlas_text["all"].lower().replace("’", "'"), item


def test_key_takeaways_are_all_present(atlas, article: str) -> None:
    blocks = article.split("Key Takeaways:")[1:]
    bullets = [
        b
        for block in blocks
        for b in re.findall(r"^- (.+)$", block.split("\n\n")[0], flags=re.M)[:3]
    ]
    assert len(bullets) == 6
    takeaways = [atlas.get(ref.id) for ref in atlas.list(EntryKind.TAKEAWAY)]
    assert len([t for t in takeaways if t.group == "applications"]) == 3
    assert len([t for t in takeaways if t.group == "conclusion"]) >= 3


def test_glossary_has_the_required_terms(atlas) -> None:
    ids = {ref.id for ref in atlas.list(EntryKind.TERM)}
    for slug in (
        "transformer",
        "attention-mechanism",
        "gan",
        "diffusion-model",
        "vae",
        "rlhf",
        "pre-training",
        "fine-tuning",
        "multimodal",
        "hallucination",
    ):
        assert f"term/{slug}" in ids
        term = atlas.get(f"term/{slug}")
        assert term.definition and term.links, f"term/{slug} needs a definition and links"


def test_each_application_is_credited_as_the_article_credits_it(atlas, article: str) -> None:  # type: ignore[no-untyped-def]
    """An application's scope says what the article's bullet credits: LLMs, Generative AI, or
    AI in general ("AI analyzes…", "AI-powered tools…", "AI models…") where it names neither."""
    wrong = []
    for ref in atlas.list(EntryKind.APPLICATION):
        app = atlas.get(ref.id)
        bullet = re.search(rf"^- {re.escape(app.title)}: (.+)$", article, re.MULTILINE)
        assert bullet is not None, f"no bullet '{app.title}:' in the article"
        text = bullet.group(1)
        credited = (
            "generative-ai"
            if text.startswith("Generative AI")
            else "llm"
            if text.startswith("LLMs")
            else "ai"
        )
        if app.scope != credited:
            wrong.append(f"{app.id}: scope {app.scope}, the article says '{text[:40]}…'")
    assert not wrong, "\n".join(wrong)
