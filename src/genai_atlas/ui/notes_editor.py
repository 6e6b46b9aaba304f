"""The reader's note on the entry on show: a plain-text editor under the detail pane.

Saved as the reader types. A save runs half a second after the last key (``SAVE_DELAY_MS``), and
at the latest a second after the first unsaved key (``SAVE_AT_LATEST_MS``) however fast they
type, so a ``kill -9`` loses at most the last second of typing. It also runs at once when
another entry is shown, when the window loses focus or closes, and when the editor is hidden.

A save that fails (disk full, read-only or locked library) says so under the editor, "Not saved:
…", and the text stays where it is: it is tried again on the next key, and kept for its entry if
the reader moves on meanwhile. Blank text deletes the note. A note whose entry left the atlas is
still shown, read-only (the store keeps it; the entry cannot take a new one).
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..data import KnownError, UnknownEntryError

SAVE_DELAY_MS = 500
SAVE_AT_LATEST_MS = 1000
HEADER_TEXT = "Your note"
PLACEHOLDER = "Write your own note on this entry\u2026"
EDITOR_LINES = 5  # the editor's height when the pane opens, in lines of text
MISSING_TEXT = "This entry is no longer in the atlas; your note on it is kept, read-only."


class NoteRecord(Protocol):
    """What the editor reads of ``data.library.Note``."""

    @property
    def text(self) -> str: ...
    @property
    def updated(self) -> str: ...
    @property
    def missing(self) -> bool: ...


class NoteStore(Protocol):
    """What the editor needs of ``data.library.Library``."""

    def note(self, entry_id: str) -> NoteRecord | None: ...
    def set_note(self, entry_id: str, text: str) -> NoteRecord | None: ...


def saved_label(updated: str, now: datetime | None = None) -> str:
    """ "Saved 10:52" for a note saved today (local time), "Saved 3 Nov 2026" before."""
    try:
        moment = datetime.fromisoformat(updated.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return "Saved"
    now = now or datetime.now().astimezone()
    if moment.date() == now.date():
        return f"Saved {moment:%H:%M}"
    return f"Saved {moment.day} {moment:%b %Y}"


class NoteEditor(QWidget):
    """One detail pane's note: a header, the editor and the save status (a ``PaneSection``)."""

    saved = Signal(str)  # the entry whose note was saved (or deleted)

    def __init__(self, library: NoteStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self._library = library
        self._entry_id = ""
        self._dirty = False  # typed text the store does not have yet
        self._loading = False
        self._unsaved: dict[str, str] = {}  # text of other entries a save failed for
        self._watched: QWidget | None = None

        self._header = QLabel(HEADER_TEXT)
        self._header.setObjectName("noteHeader")
        font = QFont(self._header.font())
        font.setBold(True)
        self._header.setFont(font)
        self._status = QLabel()
        self._status.setObjectName("noteStatus")
        self._status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)

        self._editor = QPlainTextEdit()
        self._editor.setObjectName("noteText")
        self._editor.setPlaceholderText(PLACEHOLDER)
        self._editor.setAccessibleName(HEADER_TEXT)
        self._editor.setAccessibleDescription(
            "Your own note on the entry shown above, saved as you type"
        )
        self._editor.setTabChangesFocus(True)  # Tab leaves the note; the note is plain text
        line = self._editor.fontMetrics().lineSpacing()
        self._editor.setMinimumHeight(line * 2 + 12)
        self._editor.setFixedHeight(line * EDITOR_LINES + 12)
        self._editor.textChanged.connect(self._on_text_changed)
        self._header.setBuddy(self._editor)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(SAVE_DELAY_MS)
        self._idle.timeout.connect(self.save_now)
        self._at_latest = QTimer(self)
        self._at_latest.setSingleShot(True)
        self._at_latest.setInterval(SAVE_AT_LATEST_MS)
        self._at_latest.timeout.connect(self.save_now)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._header)
        top.addWidget(self._status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self._editor)
        self.setEnabled(False)  # until an entry is shown

    # --- what the pane and the tests use ----------------------------------------------------

    @property
    def editor(self) -> QPlainTextEdit:
        return self._editor

    def entry_id(self) -> str:
        return self._entry_id

    def text(self) -> str:
        return self._editor.toPlainText()

    def status_text(self) -> str:
        return self._status.text()

    def is_dirty(self) -> bool:
        """Typed text the store does not have yet (waiting for its save, or its save failed)."""
        return self._dirty

    @Slot(str)
    def show_entry(self, entry_id: str) -> None:
        """Show ``entry_id``'s note, saving the one being typed first."""
        if entry_id == self._entry_id:
            return
        if self._dirty and not self.save_now():
            self._unsaved[self._entry_id] = self.text()  # kept for when it comes back
        self._entry_id = entry_id
        self._load()

    @Slot()
    def reload(self) -> None:
        """Show the note as stored now (another window or an import changed it), unless the
        reader has typed something not saved yet: their typing wins and is saved over it."""
        if self._entry_id and not self._dirty:
            self._load()

    @Slot()
    def save_now(self) -> bool:
        """Save what is typed, if anything is unsaved; False if the store refused it."""
        self._idle.stop()
        self._at_latest.stop()
        self._retry_others()
        if not self._dirty or not self._entry_id:
            return True
        text = self.text()
        try:
            note = self._library.set_note(self._entry_id, text)
        except (KnownError, UnknownEntryError) as error:
            self._status.setText(f"Not saved: {error}")
            self._status.setToolTip("Your text stays here and is saved with your next change.")
            return False
        self._dirty = False
        self._status.setToolTip("")
        self._status.setText(saved_label(note.updated) if note is not None else "Note deleted")
        self.saved.emit(self._entry_id)
        return True

    # --- internals -------------------------------------------------------------------------

    def _retry_others(self) -> None:
        for entry_id, text in list(self._unsaved.items()):
            if entry_id == self._entry_id:
                continue
            try:
                self._library.set_note(entry_id, text)
            except (KnownError, UnknownEntryError):
                continue
            del self._unsaved[entry_id]

    def _load(self) -> None:
        self._idle.stop()
        self._at_latest.stop()
        self._dirty = False
        pending = self._unsaved.pop(self._entry_id, None)
        read_only = False
        status = ""
        text = ""
        try:
            note = self._library.note(self._entry_id) if self._entry_id else None
        except KnownError as error:
            note = None
            status = f"Your note cannot be read: {error}"
            read_only = True  # typing over a note that could not be read would replace it
        if note is not None:
            text = note.text
            status = MISSING_TEXT if note.missing else saved_label(note.updated)
            read_only = note.missing
        if pending is not None:
            text, status, read_only = pending, "Not saved yet: it is tried again now.", False
        self._loading = True
        try:
            if text != self.text():  # same text: keep the cursor and the scroll where they are
                self._editor.setPlainText(text)
        finally:
            self._loading = False
        self._editor.setReadOnly(read_only)
        self._status.setText(status)
        self._status.setToolTip("")
        self.setEnabled(bool(self._entry_id))
        if pending is not None:
            self._dirty = True
            self.save_now()

    @Slot()
    def _on_text_changed(self) -> None:
        if self._loading or not self._entry_id:
            return
        if not self._dirty:
            self._dirty = True
            self._at_latest.start()
        self._idle.start()

    # --- saving when the reader leaves ------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_now()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() in (
            QEvent.Type.WindowDeactivate,
            QEvent.Type.Close,
        ):
            self.save_now()
        return False
