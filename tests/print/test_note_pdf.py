"""The reader's note printed under an entry's sheet, read back from the PDF."""

from __future__ import annotations

import io

import pypdf
import pytest

from genai_atlas.data.compare import entry_table
from genai_atlas.render.sheet import SheetNote, note_html


@pytest.fixture
def render(qapp):  # type: ignore[no-untyped-def]
    from genai_atlas.printing.pdf import make_footer, render_pdf

    def _render(table, notes=()):  # type: ignore[no-untyped-def]
        footer = make_footer(table, "test-version", "2026-01-02")
        return pypdf.PdfReader(io.BytesIO(render_pdf(table, footer, notes=notes)))

    return _render


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_note_html_is_plain_text_with_its_line_breaks() -> None:
    html = note_html(SheetNote("GPT-4", "first <b>line</b>\n\n  indented & more"))
    assert "Your note" in html
    assert "&lt;b&gt;line&lt;/b&gt;" in html and "<b>" not in html
    assert html.count("<p ") == 4  # the heading, two lines and the blank line between them
    assert "  indented &amp; more" in html


def test_note_prints_under_the_sheet_with_its_heading(render, atlas) -> None:  # type: ignore[no-untyped-def]
    table = entry_table(atlas, "model/gpt-4")
    note = SheetNote("GPT-4", "Quantised on my laptop.\nSecond line of my note.")
    text = " ".join(page_texts(render(table, (note,))))
    assert "Your note Quantised on my laptop. Second line of my note." in text
    # The sheet is all there, and above the note.
    assert text.index("Organisation") < text.index("Your note")
    assert "Your note" not in " ".join(page_texts(render(table)))


def test_a_long_note_goes_on_over_pages_with_every_line(render, atlas) -> None:  # type: ignore[no-untyped-def]
    table = entry_table(atlas, "term/diffusion-model")
    lines = [f"note line {i:03d} " + "filler " * (i % 12) for i in range(260)]
    texts = page_texts(render(table, (SheetNote("Diffusion Model", "\n".join(lines)),)))
    assert len(texts) >= 3
    every = " ".join(texts)
    for i in range(260):
        # each line once: a page edge falls between lines, never through one
        assert every.count(f"note line {i:03d} ") == 1, i
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {len(texts)}" in text


def test_notes_of_several_entries_are_each_named(render, atlas) -> None:  # type: ignore[no-untyped-def]
    from genai_atlas.data.compare import compare_entries

    table = compare_entries(atlas, ["model/gpt-4", "model/claude"])
    notes = (SheetNote("GPT-4", "mine on gpt"), SheetNote("Claude", "mine on claude"))
    text = " ".join(page_texts(render(table, notes)))
    assert "Your note on GPT-4 mine on gpt" in text
    assert "Your note on Claude mine on claude" in text
