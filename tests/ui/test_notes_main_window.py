"""Notes in the real main window: under the entry in every tab, found by the search, kept in
step with other windows, and File ▸ Export/Import Library."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from genai_atlas.data.library import Library
from genai_atlas.data.userdb_open import open_user_store
from genai_atlas.ui.notes_editor import NoteEditor
from genai_atlas.ui.search_model import ENTRY_ID_ROLE


def shown_editor(window) -> NoteEditor:  # type: ignore[no-untyped-def]
    editors = window.current_tab().findChildren(NoteEditor)
    assert len(editors) == 1
    return editors[0]


def test_every_tab_has_a_note_under_its_entry(qtbot, main_window, library) -> None:  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("model/llama")
    editor = shown_editor(main_window)
    assert editor.entry_id() == "model/llama"
    assert editor.isVisible() and editor.editor.placeholderText()
    qtbot.keyClicks(editor.editor, "Quantised on my laptop")
    assert main_window.navigate_to("term/diffusion-model")  # another tab: saved at once
    assert library.note("model/llama").text == "Quantised on my laptop"
    other = shown_editor(main_window)
    assert other is not editor and other.entry_id() == "term/diffusion-model"
    assert other.text() == ""


def test_search_finds_the_note_and_opens_its_entry(qtbot, main_window, library) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/llama", "quantised on my laptop")
    box = main_window.search_box
    box.focus_search()
    qtbot.keyClicks(box.field, "laptop")
    model = box.model
    ids = [model.index(row, 0).data(ENTRY_ID_ROLE) for row in range(model.rowCount())]
    assert ids == ["model/llama"]
    assert "laptop" in "".join(span.text for span in model.note_at(0))
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert main_window.current_entry_id() == "model/llama"
    assert shown_editor(main_window).text() == "quantised on my laptop"


def test_a_note_written_elsewhere_shows_when_the_window_is_activated(  # type: ignore[no-untyped-def]
    qtbot, main_window, library
) -> None:
    assert main_window.navigate_to("model/claude")
    editor = shown_editor(main_window)
    # Another process: its own connection to the same file.
    store = open_user_store(library.store.path)
    try:
        Library(library.atlas, store).set_note("model/claude", "from the command line")
    finally:
        store.close()
    QCoreApplication.sendEvent(main_window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: editor.text() == "from the command line", timeout=3000)


def test_file_menu_has_export_and_import_before_quit(main_window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in main_window.file_menu().actions() if not a.isSeparator()]
    assert texts.index("Export &Library…") < texts.index("&Quit")
    assert texts.index("&Import Library…") < texts.index("&Quit")
