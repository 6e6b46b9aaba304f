"""F6 and Shift+F6: move the focus between the window's regions, as browsers do between the
address bar and the page.

The regions are asked for on every press (the current tab changes), in cycle order: here the
search field, the current tab's list and its detail pane. A region holds the focus when it has it
itself or one of its children does; from anywhere else F6 goes to the first region.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

NEXT_REGION = "F6"
PREVIOUS_REGION = "Shift+F6"

RegionSource = Callable[[], Sequence[QWidget]]


def region_of(focus: QWidget | None, regions: Sequence[QWidget]) -> int:
    """The index of the region holding ``focus``, or -1."""
    if focus is None:
        return -1
    for number, region in enumerate(regions):
        if region is focus or region.isAncestorOf(focus):
            return number
    return -1


def next_region(focus: QWidget | None, regions: Sequence[QWidget], step: int) -> QWidget | None:
    """The region ``step`` places after (or before) the one holding ``focus``, skipping regions
    that cannot take the focus now (hidden, disabled)."""
    usable = [r for r in regions if r.isVisible() and r.isEnabled()]
    if not usable:
        return None
    here = region_of(focus, usable)
    if here < 0:
        return usable[0] if step > 0 else usable[-1]
    return usable[(here + step) % len(usable)]


class FocusCycle(QObject):
    def __init__(self, window: QWidget, regions: RegionSource) -> None:
        super().__init__(window)
        self._regions = regions
        self.shortcuts: list[QShortcut] = []
        for key, slot in ((NEXT_REGION, self.next), (PREVIOUS_REGION, self.previous)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    @Slot()
    def next(self) -> None:
        self._move(1)

    @Slot()
    def previous(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        target = next_region(QApplication.focusWidget(), self._regions(), step)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)  # a line edit selects its text


def install_focus_cycle(window: QWidget, regions: RegionSource) -> FocusCycle:
    """F6 / Shift+F6 in ``window`` cycle through ``regions()``."""
    return FocusCycle(window, regions)
