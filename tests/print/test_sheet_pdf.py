"""Printed sheets read back from the PDF: every cell, header on every page, "page N of M",
embedded fonts, paper size and orientation."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from genai_atlas.data.compare import CompareRow, CompareTable, compare_entries, entry_table

MODELS = ["model/gpt-4", "model/claude", "model/dall-e", "model/llama"]
MM_PER_PT = 25.4 / 72


@pytest.fixture
def render(qapp):  # type: ignore[no-untyped-def]
    from genai_atlas.printing.pdf import make_footer, render_pdf

    def _render(table, **options):  # type: ignore[no-untyped-def]
        footer = make_footer(table, "test-version", "2026-01-02")
        return pypdf.PdfReader(io.BytesIO(render_pdf(table, footer, **options)))

    return _render


def flat(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Without any whitespace: a cell may wrap anywhere, even after a hyphen."""
    return "".join(text.split())


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in reader.pages]


def cell_lines(text: str) -> list[str]:
    return [flat(line) for line in text.split("\n") if line.strip()]


def test_builtin_comparison_shows_every_aspect_and_cell(render, atlas):
    for ref in atlas.list():
        if ref.kind.value != "comparison":
            continue
        table = entry_table(atlas, ref.id)
        text = squash(" ".join(page_texts(render(table))))
        assert squash(table.title) in text
        for label in table.columns:
            assert squash(label) in text
        for row in table.rows:
            assert squash(row.aspect) in text, row.aspect
            for cell in row.cells:
                for line in cell_lines(cell):
                    assert squash(line) in text, (ref.id, line)


def test_footer_carries_source_app_version_and_date(render, atlas):
    reader = render(entry_table(atlas, "comparison/overview"))
    text = page_texts(reader)[0]
    # The article is cited by its title alone: no "seed article", no file path.
    assert "Source: LLMs vs Generative AI" in text
    assert "seed article" not in text
    assert "GenAI Atlas · data test-version · printed 2026-01-02" in text
    assert "page 1 of 1" in text
    assert "Epoch" not in text


def test_long_sheet_repeats_the_header_and_numbers_every_page(render):
    rows = tuple(
        CompareRow(
            f"Aspect {i:02d}",
            tuple(f"cell {i:02d}{c} " + "filler " * (10 + i % 9 * 15) for c in "abc"),
        )
        for i in range(45)
    )
    table = CompareTable("A long sheet", "synthetic", ("Alpha", "Beta", "Gamma"), rows)
    reader = render(table)
    texts = page_texts(reader)
    pages = len(texts)
    assert pages >= 3
    for number, text in enumerate(texts, start=1):
        assert re.search(r"Aspect Alpha Beta Gamma", text), f"no header row on page {number}"
        assert f"page {number} of {pages}" in text
        assert len(re.findall(r"page \d+ of \d+", text)) == 1
    # Every row appears exactly once, whole: its aspect and the first words of each cell are on
    # the same page.
    for i in range(45):
        holders = [t for t in texts if f"Aspect {i:02d} " in t + " "]
        assert len(holders) == 1, i
        for c in "abc":
            assert f"cell {i:02d}{c}" in holders[0]


def test_four_models_print_in_landscape_with_long_cells_kept_whole(render, atlas):
    table = compare_entries(atlas, MODELS)
    reader = render(table, page_size="A4")
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape by itself for 4 columns
    assert round(float(box.width) * MM_PER_PT) == 297
    text = squash(" ".join(page_texts(reader)))
    for row in table.rows:
        assert squash(row.aspect) in text
        for cell in row.cells:
            for line in cell_lines(cell):
                assert squash(line) in text


def test_two_columns_print_portrait_on_letter_when_asked(render, atlas):
    reader = render(entry_table(atlas, "comparison/overview"), page_size="Letter")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    landscape = render(entry_table(atlas, "comparison/overview"), landscape=True)
    box = landscape.pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_fonts_are_embedded(render, atlas):
    reader = render(entry_table(atlas, "comparison/use-cases"))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if "/DescendantFonts" in font
            else font["/FontDescriptor"]
        ).get_object()
        assert {"/FontFile2", "/FontFile3"} & set(descriptor.keys()), font["/BaseFont"]


def test_dark_palette_still_prints_black_text(render, atlas, qapp):
    from PySide6.QtGui import QColor, QPalette

    saved = qapp.palette()
    dark = QPalette(saved)
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#111111"))
    qapp.setPalette(dark)
    try:
        from genai_atlas.printing.pdf import make_footer, render_pdf

        table = entry_table(atlas, "comparison/overview")
        data = render_pdf(table, make_footer(table, "v", "2026-01-02"))
    finally:
        qapp.setPalette(saved)
    content = pypdf.PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")
    colours = {
        tuple(round(float(part), 2) for part in match.split())
        for match in re.findall(r"([\d.]+ [\d.]+ [\d.]+) scn", content)
    }
    # Black text, grey fills (zebra, header), dark grey subtitle; never the palette's light text.
    assert (0.0, 0.0, 0.0) in colours
    assert (0.94, 0.94, 0.94) not in colours


def test_a_row_taller_than_a_page_is_continued_not_lost(render):
    words = [f"w{i:04d}" for i in range(1400)]
    table = CompareTable(
        "Huge cell",
        "synthetic",
        ("Left", "Right"),
        (CompareRow("Short", ("a", "b")), CompareRow("Huge", (" ".join(words), "x"))),
    )
    texts = page_texts(render(table))
    assert len(texts) >= 2
    every = squash(" ".join(texts))
    assert all(word in every for word in words)
    for number, text in enumerate(texts, start=1):
        assert "Aspect Left Right" in text
        assert f"page {number} of {len(texts)}" in text


def test_a_sheet_with_imported_figures_prints_the_attribution(render, atlas):
    from tests.dataset_fixtures import sample_dataset

    atlas.set_dataset(sample_dataset())
    reader = render(compare_entries(atlas, ["model/gpt-4", "model/quillwork-7b"]))
    text = " ".join(page_texts(reader))
    line = 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0; file of 2026-01-26'
    # under the table once, and on every page's footer (elided there if it must be)
    assert text.count(line) >= 1
    assert all("Data: Epoch AI" in page for page in page_texts(reader))
    assert "3.1 × 10²³" in text or "3.1×10²³" in squash(text)
    assert "Epoch AI" in text and "Quillwork 7B" in text
