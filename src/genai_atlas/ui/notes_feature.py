"""Notes installed into the main window: an editor under every detail pane, and the notes
printed with their entry.

One line in the window: ``install_notes(self.host, self.sheet_features.printing)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QWidget

from ..data.compare import CompareTable
from ..render.sheet import SheetNote
from .notes_editor import NoteEditor

if TYPE_CHECKING:
    from ..data.library import Library
    from .features import FeatureHost
    from .print_actions import SheetPrinting


def sheet_notes(library: Library) -> Callable[[CompareTable], tuple[SheetNote, ...]]:
    """The printing's note source: the reader's notes on a sheet's entries, in its order."""

    def notes(table: CompareTable) -> tuple[SheetNote, ...]:
        found = []
        for entry_id in table.entry_ids:
            note = library.note(entry_id)
            if note is not None and note.text.strip():
                found.append(SheetNote(note.title, note.text))
        return tuple(found)

    return notes


class NotesFeature(QObject):
    """Keeps the note editors of every tab, and saves or reloads them together."""

    def __init__(self, host: FeatureHost, printing: SheetPrinting | None = None) -> None:
        super().__init__(host.window())
        self._host = host
        self.editors: list[NoteEditor] = []
        host.add_pane_section(self._make_editor)
        # Another window, the command line or an import changed the library: show its notes,
        # except where the reader is typing (their text is saved over it).
        host.library_changed.connect(self.reload_all)
        application = QCoreApplication.instance()
        if application is not None:
            # Quitting from the session manager closes no window first.
            application.aboutToQuit.connect(self.save_all)
        if printing is not None:
            printing.set_note_source(sheet_notes(host.library))

    def _make_editor(self, parent: QWidget) -> QWidget:
        editor = NoteEditor(self._host.library, parent)
        self.editors.append(editor)
        editor.destroyed.connect(lambda: self._forget(editor))
        return editor

    def _forget(self, editor: NoteEditor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    @Slot()
    def save_all(self) -> bool:
        return all([editor.save_now() for editor in list(self.editors)])

    @Slot()
    def reload_all(self) -> None:
        for editor in list(self.editors):
            editor.reload()


def install_notes(host: FeatureHost, printing: SheetPrinting | None = None) -> NotesFeature:
    """Add the note editor under every detail pane of ``host``'s window; with ``printing``,
    "Include my note" prints the note under its entry's sheet."""
    return NotesFeature(host, printing)
