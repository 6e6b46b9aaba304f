"""The search box as a person uses it: type, see results, move with the keys, open, clear."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from genai_atlas.data import EntryKind
from genai_atlas.data.search import SearchHit, search
from genai_atlas.data.search_text import Span
from genai_atlas.ui.result_rows import Run, hit_lines
from genai_atlas.ui.search_box import RecentSearches, SearchBox
from genai_atlas.ui.search_model import ENTRY_ID_ROLE
from genai_atlas.ui.search_results import message_html


def make_box(qtbot, atlas, tmp_path):  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "search.ini"), QSettings.Format.IniFormat)
    host = QWidget()
    layout = QVBoxLayout(host)
    box = SearchBox(atlas, store)
    layout.addWidget(box)
    layout.addWidget(box.results_panel)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    box.field.setFocus()
    return box, host, store


def listed_ids(box: SearchBox) -> list[str]:
    model = box.model
    return [model.index(row, 0).data(ENTRY_ID_ROLE) for row in range(model.rowCount())]


def test_results_update_as_you_type(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, _store = make_box(qtbot, atlas, tmp_path)
    qtbot.keyClicks(box.field, "dif")
    assert "term/diffusion-model" in listed_ids(box)[:3]
    qtbot.keyClicks(box.field, "fusion mod")
    assert listed_ids(box)[0] == "term/diffusion-model"
    first = box.model.index(0, 0)
    assert first.data() == "Glossary term: Diffusion Model"
    assert "All " in " ".join(box.results_panel.chip_texts())


def test_down_and_enter_open_the_chosen_hit(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, _store = make_box(qtbot, atlas, tmp_path)
    qtbot.keyClicks(box.field, "gan")
    expected = listed_ids(box)[1]
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.field, Qt.Key.Key_Up)
    with qtbot.waitSignal(box.entry_chosen, timeout=2000) as blocker:
        qtbot.keyClick(box.field, Qt.Key.Key_Return)
    entry_id, terms = blocker.args
    assert entry_id == expected
    assert "gan" in terms and "generative adversarial network" in terms


def test_enter_right_away_opens_the_best_hit(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, _store = make_box(qtbot, atlas, tmp_path)
    qtbot.keyClicks(box.field, "elevenlab")
    with qtbot.waitSignal(box.entry_chosen, timeout=2000) as blocker:
        qtbot.keyClick(box.field, Qt.Key.Key_Enter)
    assert blocker.args[0] == "model/elevenlabs"


def test_click_opens_a_hit(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, _store = make_box(qtbot, atlas, tmp_path)
    box.start_search("midjourney")
    view = box.results_panel.list_view
    rect = view.visualRect(box.model.index(0, 0))
    with qtbot.waitSignal(box.entry_chosen, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0] == "model/midjourney"


def test_escape_clears(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, _store = make_box(qtbot, atlas, tmp_path)
    qtbot.keyClicks(box.field, "llm")
    assert box.model.rowCount() > 0
    with qtbot.waitSignal(box.cleared, timeout=2000):
        qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert box.model.rowCount() == 0
    assert box.results_panel.chip_texts() == []


def test_kind_chips_show_counts_and_filter(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, _store = make_box(qtbot, atlas, tmp_path)
    qtbot.keyClicks(box.field, "image")
    everything = search(atlas, "image")
    chips = box.results_panel.chip_texts()
    assert chips[0] == f"All {everything.total}"
    assert f"Models {everything.count(EntryKind.MODEL)}" in chips
    chip = box.results_panel.findChild(QWidget, "searchChip_model")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert {hit.kind for hit in box.results.hits} == {EntryKind.MODEL}
    assert box.results_panel.chip_texts() == chips  # counts stay those of every kind
    qtbot.mouseClick(
        box.results_panel.findChild(QWidget, "searchChip_all"), Qt.MouseButton.LeftButton
    )
    assert len({hit.kind for hit in box.results.hits}) > 1


def test_did_you_mean_and_empty_state(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, _store = make_box(qtbot, atlas, tmp_path)
    qtbot.keyClicks(box.field, "stabel diffusion")
    assert listed_ids(box)[0] == "model/stable-diffusion"
    assert "Showing results for <b>stable diffusion</b>" in box.results_panel.message_text()
    box.clear()
    qtbot.keyClicks(box.field, "gpt five turbo xylophone")
    assert box.model.rowCount() == 0
    message = box.results_panel.message_text()
    assert message.startswith("No entries match")
    assert 'href="suggest:GPT-4"' in message
    box.results_panel.suggestion_chosen.emit("GPT-4")
    assert box.text() == "GPT-4"
    assert listed_ids(box)[0] == "model/gpt-4"


def test_recent_searches_are_kept_and_can_be_cleared(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, _host, store = make_box(qtbot, atlas, tmp_path)
    for text in ("claude", "gemini", "claude"):
        box.clear()
        qtbot.keyClicks(box.field, text)
        qtbot.keyClick(box.field, Qt.Key.Key_Return)
    store.sync()
    again = RecentSearches(QSettings(str(tmp_path / "search.ini"), QSettings.Format.IniFormat))
    assert again.items() == ["claude", "gemini"]
    box._fill_recent_menu()  # what opening the drop-down does
    texts = [action.text() for action in box._recent_menu.actions() if action.text()]
    assert texts == ["claude", "gemini", "Clear recent searches"]
    box._recent_menu.actions()[0].trigger()
    assert box.text() == "claude"
    clear = next(a for a in box._recent_menu.actions() if a.text() == "Clear recent searches")
    clear.trigger()
    assert box.recent.items() == []


def test_shortcuts_focus_the_field(qtbot, atlas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box, host, _store = make_box(qtbot, atlas, tmp_path)
    box.install_shortcuts(host)
    other = box.results_panel.list_view
    for key, modifier in (
        (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Slash, Qt.KeyboardModifier.NoModifier),
    ):
        other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        other.setFocus()
        qtbot.waitUntil(other.hasFocus, timeout=2000)
        qtbot.keyClick(other, key, modifier)
        qtbot.waitUntil(box.field.hasFocus, timeout=2000)
    # Ctrl+F is Find in Page now, as in browsers: it leaves the search alone
    other.setFocus()
    qtbot.waitUntil(other.hasFocus, timeout=2000)
    qtbot.keyClick(other, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert other.hasFocus() and not box.field.hasFocus()
    # "/" typed in the field itself is text, not the shortcut
    qtbot.keyClicks(box.field, "a/b")
    assert box.text().endswith("a/b")


def test_rendered_rows_highlight_the_matched_words() -> None:
    hit = SearchHit(
        kind=EntryKind.MODEL,
        id="model/x",
        title="A <b> & Stable",
        snippet=(Span("uses "), Span("stable", True), Span(" things")),
        score=1.0,
        title_spans=(Span("A <b> & "), Span("Stable", True)),
    )
    title, snippet = hit_lines(hit)
    # The text as it is, never read as markup; the matched words and only they highlighted.
    assert "".join(run.text for run in title) == "Model \u00a0A <b> & Stable"
    assert [run.text for run in title + snippet if run.highlighted] == ["Stable", "stable"]
    assert title[0] == Run("Model", muted=True)
    assert all(run.bold for run in title[2:]) and not any(run.bold for run in snippet)


def test_message_escapes_the_query(atlas) -> None:  # type: ignore[no-untyped-def]
    assert "&lt;qqzx&gt;" in message_html(search(atlas, "<qqzx>"))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200))
def test_property_any_text_in_the_box(qtbot, atlas, tmp_path, text: str) -> None:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "search.ini"), QSettings.Format.IniFormat)
    box = SearchBox(atlas, store)
    qtbot.addWidget(box)
    box.start_search(text)
    assert box.model.rowCount() == len(box.results.hits)
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    box.start_search(text * 500)  # a long paste
    box.clear()
    assert box.model.rowCount() == 0
