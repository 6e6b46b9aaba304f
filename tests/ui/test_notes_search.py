"""The global search finds the reader's notes: the hit says it matched the note."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout, QWidget

from genai_atlas.data.search import search
from genai_atlas.data.search_text import marked_text
from genai_atlas.ui.notes_search import merge_note_hits
from genai_atlas.ui.result_rows import hit_lines
from genai_atlas.ui.search_box import SearchBox
from genai_atlas.ui.search_model import ENTRY_ID_ROLE


def make_box(qtbot, library, tmp_path):  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "search.ini"), QSettings.Format.IniFormat)
    host = QWidget()
    layout = QVBoxLayout(host)
    box = SearchBox(library, store)
    layout.addWidget(box)
    layout.addWidget(box.results_panel)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return box, host  # the test keeps the host alive as long as the box


def listed_ids(box: SearchBox) -> list[str]:
    model = box.model
    return [model.index(row, 0).data(ENTRY_ID_ROLE) for row in range(model.rowCount())]


def note_line(box: SearchBox, entry_id: str) -> str:
    row = listed_ids(box).index(entry_id)
    return marked_text(box.model.note_at(row), "[", "]")


def test_a_word_only_in_a_note_finds_its_entry(qtbot, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/llama", "quantised on my laptop")
    box, _host = make_box(qtbot, library, tmp_path)
    qtbot.keyClicks(box.field, "laptop")
    assert listed_ids(box) == ["model/llama"]
    assert note_line(box, "model/llama") == "quantised on my [laptop]"
    *_, note = hit_lines(box.model.hit_at(0), note=box.model.note_at(0))
    assert "".join(run.text for run in note) == "Your note: quantised on my laptop"
    assert "Your note: quantised on my laptop" in box.model.index(0, 0).data(3)  # tooltip
    # The note, not a correction of the word, is what was found.
    assert box.results_panel.message_text() == ""
    assert box.results.terms == ("laptop",)
    assert "Models 1" in box.results_panel.chip_texts()


def test_an_entry_the_atlas_finds_too_is_listed_once_with_its_note(
    qtbot, library, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/midjourney", "Midjourney made my poster")
    box, _host = make_box(qtbot, library, tmp_path)
    qtbot.keyClicks(box.field, "midjourney")
    ids = listed_ids(box)
    assert ids.count("model/midjourney") == 1
    assert ids[0] == "model/midjourney"  # still where the atlas ranks it
    assert note_line(box, "model/midjourney") == "[Midjourney] made my poster"
    assert box.model.hit_at(0).snippet  # the atlas's own snippet is kept beside the note


def test_without_a_note_match_the_rows_are_as_before(qtbot, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/llama", "quantised on my laptop")
    box, _host = make_box(qtbot, library, tmp_path)
    qtbot.keyClicks(box.field, "diffusion")
    assert not box.model.has_notes
    assert listed_ids(box) == [hit.id for hit in search(library.atlas, "diffusion").hits]


def test_the_kind_filter_applies_to_note_hits(qtbot, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/llama", "tried on my laptop")
    library.set_note("term/diffusion-model", "laptop too slow for this")
    box, _host = make_box(qtbot, library, tmp_path)
    qtbot.keyClicks(box.field, "laptop")
    assert sorted(listed_ids(box)) == ["model/llama", "term/diffusion-model"]
    box.results_panel.set_kind_filter("term")
    assert listed_ids(box) == ["term/diffusion-model"]
    # The chips still count every kind.
    chips = " ".join(box.results_panel.chip_texts())
    assert "All 2" in chips


def test_a_note_on_an_entry_no_longer_in_the_atlas_is_not_offered(library) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/llama", "laptop notes")
    with library.store.transaction() as connection:
        connection.execute("UPDATE note SET entry_id = 'model/gone'")
    text = "laptop"
    merged, notes = merge_note_hits(
        search(library.atlas, text), text, library.search_notes(text), library.atlas
    )
    assert "model/gone" not in [hit.id for hit in merged.hits]
    assert notes == {}


def test_the_note_line_keeps_the_spaces_around_a_matched_word(library) -> None:  # type: ignore[no-untyped-def]
    from genai_atlas.data.search_text import Span

    hit = search(library.atlas, "llama").hits[0]
    note = (Span("on my\nown "), Span("laptop", True), Span(" (4-bit)"))
    *_, line = hit_lines(hit, note=note)
    assert [(run.text, run.highlighted) for run in line[2:]] == [
        ("on my own ", False),
        ("laptop", True),
        (" (4-bit)", False),
    ]


def test_only_a_hit_with_both_snippets_takes_a_third_line(qtbot, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/midjourney", "Midjourney made my poster")
    box, _host = make_box(qtbot, library, tmp_path)
    qtbot.keyClicks(box.field, "midjourney")
    view = box.results_panel.list_view
    first = view.visualRect(box.model.index(0, 0)).height()
    second = view.visualRect(box.model.index(1, 0)).height()
    assert box.model.note_at(0) and not box.model.note_at(1)
    assert first > second
