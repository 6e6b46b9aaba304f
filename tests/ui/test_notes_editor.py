"""The note under the detail pane as a reader uses it: type, and it is in the library."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from genai_atlas.data.userdb import StoreError
from genai_atlas.ui.notes_editor import PLACEHOLDER, NoteEditor


@pytest.fixture
def editor(qtbot, library):  # type: ignore[no-untyped-def]
    host = QWidget()
    layout = QVBoxLayout(host)
    note_editor = NoteEditor(library)
    layout.addWidget(note_editor)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    note_editor.show_entry("model/gpt-4")
    return note_editor


def stored(library, entry_id: str = "model/gpt-4") -> str | None:  # type: ignore[no-untyped-def]
    note = library.note(entry_id)
    return note.text if note is not None else None


def test_typing_is_saved_without_any_other_step(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    assert editor.editor.placeholderText() == PLACEHOLDER
    assert editor.editor.accessibleName() == "Your note"
    qtbot.keyClicks(editor.editor, "Quantised on my laptop")
    qtbot.waitUntil(lambda: stored(library) == "Quantised on my laptop", timeout=3000)
    assert editor.status_text().startswith("Saved ")
    assert not editor.is_dirty()


def test_line_breaks_are_kept(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    editor.editor.setPlainText("first line\n\n  indented third")
    qtbot.waitUntil(lambda: stored(library) == "first line\n\n  indented third", timeout=3000)


def test_showing_another_entry_saves_at_once(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(editor.editor, "mine")
    assert editor.is_dirty()
    editor.show_entry("model/claude")
    # No wait: the switch itself saved it.
    assert stored(library) == "mine"
    assert editor.text() == ""
    library.set_note("model/claude", "on claude")
    editor.show_entry("model/gpt-4")
    assert editor.text() == "mine"
    editor.show_entry("model/claude")
    assert editor.text() == "on claude"


def test_window_deactivation_saves_at_once(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    qtbot.keyClicks(editor.editor, "leaving")
    QCoreApplication.sendEvent(editor.window(), QEvent(QEvent.Type.WindowDeactivate))
    assert stored(library) == "leaving"


def test_blank_text_deletes_the_note(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/claude", "old note")
    editor.show_entry("model/claude")
    assert editor.text() == "old note"
    editor.editor.selectAll()
    qtbot.keyClicks(editor.editor, "   ")
    qtbot.waitUntil(lambda: library.note("model/claude") is None, timeout=3000)
    assert editor.status_text() == "Note deleted"


def test_a_store_error_is_shown_and_the_text_kept(qtbot, editor, library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real_set_note = library.set_note

    def full_disk(entry_id: str, text: str):  # type: ignore[no-untyped-def]
        raise StoreError("Cannot save the note: the disk is full; free some space.")

    monkeypatch.setattr(library, "set_note", full_disk)
    qtbot.keyClicks(editor.editor, "precious words")
    qtbot.waitUntil(lambda: editor.status_text().startswith("Not saved"), timeout=3000)
    assert editor.status_text() == (
        "Not saved: Cannot save the note: the disk is full; free some space."
    )
    assert editor.text() == "precious words"
    assert editor.is_dirty()
    assert stored(library) is None

    # Moving on keeps the text for its entry; once the disk has room it is saved.
    editor.show_entry("model/claude")
    monkeypatch.setattr(library, "set_note", real_set_note)
    editor.show_entry("model/gpt-4")
    assert editor.text() == "precious words"
    assert stored(library) == "precious words"


def test_a_note_changed_elsewhere_is_shown_on_reload_unless_typing(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/gpt-4", "from the command line")
    editor.reload()
    assert editor.text() == "from the command line"
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.editor, " and more")
    library.set_note("model/gpt-4", "from another window")
    editor.reload()  # the reader's typing wins
    assert editor.text() == "from the command line and more"
    qtbot.waitUntil(lambda: stored(library) == "from the command line and more", timeout=3000)


def test_a_note_of_an_entry_that_left_the_atlas_still_shows(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    library.set_note("model/claude", "kept")
    connection = library.store.connection()
    with library.store.transaction():
        connection.execute(
            "UPDATE note SET entry_id = 'model/gone' WHERE entry_id = 'model/claude'"
        )
    editor.show_entry("model/gone")
    assert editor.text() == "kept"
    assert editor.editor.isReadOnly()
    assert "no longer in the atlas" in editor.status_text()


def test_typing_without_a_pause_is_saved_while_it_goes_on(qtbot, editor, library) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    # A key every 100 ms never leaves the half-second pause the first save waits for; the
    # second deadline (a second after the first unsaved key) saves anyway, so a crash mid-way
    # loses only the last moments.
    keys = QTimer()
    keys.setInterval(100)
    typed: list[str] = []

    def press() -> None:
        qtbot.keyClicks(editor.editor, "x")
        typed.append("x")
        if len(typed) >= 60:
            keys.stop()

    keys.timeout.connect(press)
    keys.start()
    try:
        qtbot.waitUntil(lambda: bool(stored(library)), timeout=5000)
        assert keys.isActive()  # saved while the reader was still typing
    finally:
        keys.stop()
