"""The find bar under a detail pane: find text in the page being read, as in a browser.

Typing searches at once; the count says "3 of 7" or "No matches". Enter or F3 goes to the next
match, Shift+Enter or Shift+F3 to the previous one, wrapping at the ends. The search ignores case
unless "Match case" is ticked. Every match is marked and the current one stands out; the marks are
``QTextEdit`` extra selections, so the page's own HTML (and its search highlights) stays as it is.
Esc (in the bar or in the page) closes the bar, removes the marks and gives the focus back to
the pane.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

NO_MATCHES = "No matches"
# Browser colours: every match on yellow, the current one on orange, both with black text
# (contrast 19.6:1 and 9.6:1), so they read the same on a light or a dark page.
MATCH_BACKGROUND = "#fff176"
CURRENT_BACKGROUND = "#ff9632"
MATCH_TEXT = "#000000"
MATCH_LIMIT = 1000  # more marks than this cost time and tell the reader nothing more


def count_text(current: int, total: int, text: str) -> str:
    """What the count label says: "" with nothing typed, "No matches", or "3 of 7"."""
    if not text:
        return ""
    if total == 0:
        return NO_MATCHES
    return f"{current + 1} of {total}"


def find_all(
    document: QTextDocument, text: str, match_case: bool, limit: int = MATCH_LIMIT
) -> list[QTextCursor]:
    """Every occurrence of ``text`` in ``document``, in reading order (at most ``limit``)."""
    if not text:
        return []
    flags = QTextDocument.FindFlag(0)
    if match_case:
        flags |= QTextDocument.FindFlag.FindCaseSensitively
    found: list[QTextCursor] = []
    cursor = QTextCursor(document)
    while len(found) < limit:
        cursor = document.find(text, cursor, flags)
        if cursor.isNull():
            break
        found.append(QTextCursor(cursor))
    return found


class FindBar(QWidget):
    """Find in one ``QTextEdit`` (the detail pane it sits under). Hidden until ``open()``."""

    closed = Signal()

    def __init__(self, pane: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find in page")
        self._pane = pane
        self._matches: list[QTextCursor] = []
        self._current = -1

        self._field = QLineEdit(self)
        self._field.setObjectName("findField")
        self._field.setPlaceholderText("Find in page")
        self._field.setClearButtonEnabled(True)
        self._field.setAccessibleName("Find in page")
        self._field.setAccessibleDescription(
            "Text to find in the entry shown; Enter finds the next match, Shift+Enter the "
            "previous one, Esc closes"
        )
        self._field.installEventFilter(self)
        self._field.textChanged.connect(self._search)

        self._count = QLabel(self)
        self._count.setObjectName("findCount")
        self._count.setMinimumWidth(self._count.fontMetrics().horizontalAdvance("999 of 999"))
        self._previous = self._button("findPrevious", "\u2191", "Previous match (Shift+F3)")
        self._previous.clicked.connect(self.find_previous)
        self._next = self._button("findNext", "\u2193", "Next match (F3)")
        self._next.clicked.connect(self.find_next)
        self._case = QCheckBox("Match &case", self)
        self._case.setObjectName("findMatchCase")
        self._case.setAccessibleDescription("Find only text with the same capitals")
        self._case.toggled.connect(self._search)
        self._close = self._button("findClose", "\u2715", "Close the find bar (Esc)")
        self._close.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(4)
        layout.addWidget(self._field, 1)
        layout.addWidget(self._count)
        layout.addWidget(self._previous)
        layout.addWidget(self._next)
        layout.addWidget(self._case)
        layout.addStretch(0)
        layout.addWidget(self._close)

        pane.textChanged.connect(self._on_page_changed)
        pane.installEventFilter(self)  # Esc in the page closes the bar too, as in a browser
        self.hide()

    def _button(self, name: str, symbol: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(symbol)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        # Reached with Enter, F3 and Esc: Tab goes from the field to "Match case".
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # --- what the feature and the tests use -------------------------------------------------

    @property
    def field(self) -> QLineEdit:
        return self._field

    @property
    def pane(self) -> QTextEdit:
        return self._pane

    def count_label(self) -> str:
        return self._count.text()

    def match_count(self) -> int:
        return len(self._matches)

    def current_index(self) -> int:
        return self._current

    def current_match(self) -> str:
        return self._matches[self._current].selectedText() if self._matches else ""

    def set_match_case(self, on: bool) -> None:
        self._case.setChecked(on)

    @Slot()
    def open(self) -> None:
        """Show the bar with its text selected and the focus in it, marking the matches."""
        was_hidden = self.isHidden()
        self.show()
        self._field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._field.selectAll()
        if was_hidden:
            self._search()

    @Slot()
    def close_bar(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self._pane.setExtraSelections([])
        self._pane.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    # --- searching --------------------------------------------------------------------------

    @Slot()
    def _search(self) -> None:
        text = self._field.text()
        if self.isHidden():
            return
        self._matches = find_all(self._pane.document(), text, self._case.isChecked())
        self._current = self._first_in_view() if self._matches else -1
        self._show_current()

    @Slot()
    def _on_page_changed(self) -> None:
        # Another entry (or the same one rendered again): the old cursors point nowhere.
        if not self.isHidden():
            self._search()

    def _first_in_view(self) -> int:
        """The first match at or below the top of the pane, as a browser starts from the view."""
        top = self._pane.cursorForPosition(self._pane.viewport().rect().topLeft()).position()
        for number, match in enumerate(self._matches):
            if match.selectionStart() >= top:
                return number
        return 0

    def _step(self, step: int) -> None:
        if not self._matches:
            self._search()
        if not self._matches:
            return
        self._current = (self._current + step) % len(self._matches)
        self._show_current()

    def _show_current(self) -> None:
        self._count.setText(count_text(self._current, len(self._matches), self._field.text()))
        self._field.setProperty("noMatches", bool(self._field.text()) and not self._matches)
        selections = []
        for number, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            selection.format = _format(
                CURRENT_BACKGROUND if number == self._current else MATCH_BACKGROUND
            )
            selections.append(selection)
        self._pane.setExtraSelections(selections)
        if self._matches:
            match = self._matches[self._current]
            # Scroll the match into view without selecting it in the pane (a selection would
            # paint over the marks): the cursor goes to its end, then to its start.
            cursor = QTextCursor(match)
            cursor.setPosition(match.selectionEnd())
            self._pane.setTextCursor(cursor)
            self._pane.ensureCursorVisible()
            cursor.setPosition(match.selectionStart())
            self._pane.setTextCursor(cursor)
            self._pane.ensureCursorVisible()

    # --- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(-1 if shifted else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        if (
            watched is self._pane
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not self.isHidden()
        ):
            self.close_bar()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # from "Match case"
            self.close_bar()
            return
        super().keyPressEvent(event)


def _format(background: str) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setBackground(QColor(background))
    text_format.setForeground(QColor(MATCH_TEXT))
    return text_format
