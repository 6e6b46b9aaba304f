"""The keyboard alone: Tab leaves every list, F6 cycles the regions, and a reader's whole way
from the Models tab to a print preview, with keys only (sent to whichever widget has the focus)."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit

from .test_compare_view import FakeDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
MODELS_TAB = 5


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    """A key as the user presses it: to the widget with the focus."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the focus"
    qtbot.keyClick(focus, key, modifier)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the focus"
    qtbot.keyClicks(focus, text)


def number_key(number: int) -> Qt.Key:
    return Qt.Key(Qt.Key.Key_0 + number)


def focused_link(pane) -> str:  # type: ignore[no-untyped-def]
    """The address of the link Tab put the focus on (the pane selects it), or ""."""
    selection = pane.textCursor()
    if not selection.hasSelection():
        return ""
    end = QTextCursor(pane.document())
    end.setPosition(selection.selectionEnd())  # its format is the link's last character's
    return end.charFormat().anchorHref()


@pytest.fixture
def window(main_window, qtbot):  # type: ignore[no-untyped-def]
    main_window.activateWindow()
    main_window.search_box.field.setFocus()  # where a reader starts: the focus in the window
    qtbot.waitUntil(main_window.search_box.field.hasFocus, timeout=2000)
    return main_window


def test_models_tab_to_print_preview_with_keys_only(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(str(tmp_path / "preview.pdf"))
    window.sheet_features.printing.dialogs = dialogs

    # open the Models tab: the focus is in its table
    press(qtbot, number_key(MODELS_TAB), CTRL)
    tab = window.current_tab()
    assert tab.title == "Models" and tab.view().hasFocus()

    # pick GPT-4: to the end of the table, then type its name
    press(qtbot, Qt.Key.Key_End, CTRL)
    assert window.current_entry_id() != "model/gpt-4"
    type_text(qtbot, "GPT-4")
    pane = window.detail_pane()
    assert window.current_entry_id() == "model/gpt-4"
    assert pane.toPlainText().splitlines()[1] == "GPT-4"  # the kind line, then the title

    # Tab leaves the table for the details
    press(qtbot, Qt.Key.Key_Tab)
    assert pane.hasFocus() and pane.accessibleName() == "GPT-4 — details"

    # Tab through the links to the first one that opens an entry (the sources come first)
    passed: list[str] = []
    while not focused_link(pane).startswith("atlas:"):
        press(qtbot, Qt.Key.Key_Tab)
        assert pane.hasFocus(), f"Tab left the pane after {passed}"
        passed.append(focused_link(pane))
        assert len(passed) < 10
    assert all(link.startswith("https://") for link in passed[:-1])
    target = focused_link(pane).removeprefix("atlas:")
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_entry_id() == target
    title = window._atlas.ref(target).title
    assert title in window.detail_pane().toPlainText()
    assert window.detail_pane().hasFocus()  # the focus stays in the page, as in a browser

    # back to GPT-4, in the Models tab
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert window.current_tab().title == "Models"
    assert window.current_entry_id() == "model/gpt-4"
    assert "GPT-4" in window.detail_pane().toPlainText()

    # print preview: the sheet of GPT-4 is what is painted
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    assert len(dialogs.previewed_pages) == 1 and dialogs.previewed_pages[0] >= 1
    text = " ".join(pypdf.PdfReader(tmp_path / "preview.pdf").pages[0].extract_text().split())
    assert "GPT-4" in text and "OpenAI" in text


def test_tab_and_shift_tab_leave_every_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for number, tab in enumerate(window.tabs(), start=1):
        press(qtbot, number_key(number), CTRL)
        view, pane = tab.view(), tab.detail_pane()
        assert view.hasFocus(), tab.title
        press(qtbot, Qt.Key.Key_Tab)
        assert pane.hasFocus(), f"Tab stayed in the {tab.title} list"
        press(qtbot, Qt.Key.Key_Tab, SHIFT)
        assert view.hasFocus(), f"Shift+Tab from the {tab.title} details"
        press(qtbot, Qt.Key.Key_Tab, SHIFT)
        assert not view.isAncestorOf(QApplication.focusWidget()) and not view.hasFocus()


def test_no_view_keeps_tab_to_itself(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for number in range(1, len(window.tabs()) + 1):
        press(qtbot, number_key(number), CTRL)
    window.bookmarks.panel_action.trigger()
    window.history_panel.panel_action.trigger()
    window.start_search("diffusion")
    views = window.findChildren(QAbstractItemView)
    assert len(views) >= 8
    assert [v.objectName() for v in views if v.tabKeyNavigation()] == []


def test_f6_cycles_search_list_and_details(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, number_key(3), CTRL)
    tab = window.current_tab()
    field, view, pane = window.search_box.field, tab.view(), tab.detail_pane()
    assert view.hasFocus()
    order = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_F6)
        order.append(QApplication.focusWidget())
    assert order == [pane, field, view, pane]
    backwards = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F6, SHIFT)
        backwards.append(QApplication.focusWidget())
    assert backwards == [view, field, pane]
    # from the note under the pane (no region of its own), F6 starts again at the search
    note = tab.findChild(QPlainTextEdit, "noteText")
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=2000)
    press(qtbot, Qt.Key.Key_F6)
    assert field.hasFocus()


def test_shift_tab_goes_back_through_the_links_then_to_the_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, number_key(MODELS_TAB), CTRL)
    view, pane = window.current_tab().view(), window.detail_pane()
    press(qtbot, Qt.Key.Key_Tab)
    links = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Tab)
        links.append((pane.textCursor().selectionStart(), focused_link(pane)))
    assert len({start for start, _ in links}) == 3  # three links, one after the other
    for start, link in reversed(links[:-1]):
        press(qtbot, Qt.Key.Key_Tab, SHIFT)
        assert pane.hasFocus() and pane.textCursor().selectionStart() == start
        assert focused_link(pane) == link
    press(qtbot, Qt.Key.Key_Tab, SHIFT)  # before the first link: back to the table
    assert view.hasFocus()
