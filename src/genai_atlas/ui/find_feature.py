"""Find in page, installed through ``FeatureHost``: Edit ▸ Find in Page… (Ctrl+F), Find Next (F3),
Find Previous (Shift+F3).

Every tab's detail pane gets its own ``FindBar`` (ui/find_bar.py) as a pane section, right under
the pane, so each tab keeps its own search, as browser tabs do. The actions act on the bar of the
pane on show; F3 with the bar closed opens it again with the last text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTextEdit, QWidget

from .features import FeatureHost, MenuKey, frame_pane
from .find_bar import FindBar

FIND_SHORTCUT = QKeySequence.StandardKey.Find  # Ctrl+F
NEXT_SHORTCUT = "F3"
PREVIOUS_SHORTCUT = "Shift+F3"


class FindInPage(QObject):
    def __init__(self, host: FeatureHost) -> None:
        window = host.window()
        super().__init__(window)
        self._host = host
        self.bars: list[FindBar] = []

        self.find_action = QAction("&Find in Page…", window)
        self.find_action.setObjectName("findInPageAction")
        self.find_action.setShortcut(QKeySequence(FIND_SHORTCUT))
        self.find_action.setToolTip("Find text in the entry shown (Ctrl+F)")
        self.find_action.triggered.connect(self.open_bar)
        self.next_action = QAction("Find &Next", window)
        self.next_action.setShortcut(QKeySequence(NEXT_SHORTCUT))
        self.next_action.triggered.connect(self.find_next)
        self.previous_action = QAction("Find Pre&vious", window)
        self.previous_action.setShortcut(QKeySequence(PREVIOUS_SHORTCUT))
        self.previous_action.triggered.connect(self.find_previous)

        host.add_menu_actions(
            MenuKey.EDIT, [self.find_action, self.next_action, self.previous_action]
        )
        host.add_pane_section(self._make_bar)

    # --- the bar of the pane on show --------------------------------------------------------

    def current_bar(self) -> FindBar | None:
        pane = self._host.current_pane()
        return next((bar for bar in self.bars if bar.pane is pane), None)

    @Slot()
    def open_bar(self) -> FindBar | None:
        bar = self.current_bar()
        if bar is not None:
            bar.open()
        return bar

    @Slot()
    def find_next(self) -> None:
        self._step(forward=True)

    @Slot()
    def find_previous(self) -> None:
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        bar = self.current_bar()
        if bar is None:
            return
        if bar.isHidden():
            bar.open()
            if bar.field.text():
                return  # opening marks the first match from the top of the view
        if forward:
            bar.find_next()
        else:
            bar.find_previous()

    # --- pane sections ----------------------------------------------------------------------

    def _make_bar(self, frame: QWidget) -> QWidget:
        pane = frame_pane(frame)
        assert isinstance(pane, QTextEdit), "a pane section's parent is the pane's frame"
        bar = FindBar(pane, frame)
        self.bars.append(bar)
        bar.destroyed.connect(lambda: self.bars.remove(bar))
        return bar


def install_find_in_page(host: FeatureHost) -> FindInPage:
    """Add Find in Page to the window behind ``host``. Installed before the sections that should
    stand below the find bar (the notes editor): sections stand in the order installed."""
    return FindInPage(host)
