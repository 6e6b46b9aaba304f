"""Notes installed through the window's FeatureHost: editors follow the library, and the note
printed with its entry comes from the reader's library."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from genai_atlas.data.compare import entry_table
from genai_atlas.data.library import Library
from genai_atlas.ui.notes_editor import NoteEditor
from genai_atlas.ui.notes_feature import install_notes
from genai_atlas.ui.print_actions import SheetPrinting


class Host(QObject):
    """The part of the window's FeatureHost the notes use."""

    library_changed = Signal()

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._window = QMainWindow()
        self.library = library
        self.pane = QWidget()
        self._layout = QVBoxLayout(self.pane)
        self._window.setCentralWidget(self.pane)

    def window(self) -> QMainWindow:
        return self._window

    def add_pane_section(self, factory) -> None:  # type: ignore[no-untyped-def]
        self._layout.addWidget(factory(self.pane))


def test_editors_reload_when_the_library_changed_elsewhere(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    host = Host(library)
    qtbot.addWidget(host.window())
    feature = install_notes(host)  # type: ignore[arg-type]
    (editor,) = feature.editors
    assert isinstance(editor, NoteEditor)
    editor.show_entry("model/gpt-4")
    assert editor.text() == ""
    library.set_note("model/gpt-4", "written by the command line")
    host.library_changed.emit()  # the window was activated and data_version() had changed
    assert editor.text() == "written by the command line"


def test_save_all_saves_what_is_typed(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    host = Host(library)
    qtbot.addWidget(host.window())
    feature = install_notes(host)  # type: ignore[arg-type]
    host.window().show()
    qtbot.waitExposed(host.window())
    editor = feature.editors[0]
    editor.show_entry("model/claude")
    qtbot.keyClicks(editor.editor, "typed just before quitting")
    assert feature.save_all()  # what the app's aboutToQuit runs
    assert library.note("model/claude").text == "typed just before quitting"


def test_the_printed_note_comes_from_the_library(qtbot, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    host = Host(library)
    qtbot.addWidget(host.window())
    printing = SheetPrinting("v", None)
    install_notes(host, printing)  # type: ignore[arg-type]
    library.set_note("model/gpt-4", "Quantised on my laptop.\n\nKept for the workshop.")
    target = tmp_path / "gpt-4.pdf"
    assert printing.write_pdf(entry_table(library.atlas, "model/gpt-4"), str(target))
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(target).pages)
    assert "Your note Quantised on my laptop. Kept for the workshop." in text
