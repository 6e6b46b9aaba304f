"""Find in page: Ctrl+F opens a find bar under the detail pane on show, counts and marks the
matches, steps through them with Enter/Shift+Enter and F3/Shift+F3, and Esc closes it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from genai_atlas.ui.find_bar import (
    CURRENT_BACKGROUND,
    MATCH_BACKGROUND,
    NO_MATCHES,
    count_text,
    find_all,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def marks(pane) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(text, background) of every mark the bar put on the pane."""
    return [
        (s.cursor.selectedText(), s.format.background().color().name())
        for s in pane.extraSelections()
    ]


@pytest.fixture
def window(main_window, qtbot):  # type: ignore[no-untyped-def]
    """The main window on GPT-4, a long entry, with the focus in its detail pane."""
    assert main_window.navigate_to("model/gpt-4")
    main_window.detail_pane().setFocus()
    qtbot.waitUntil(main_window.detail_pane().hasFocus, timeout=2000)
    return main_window


def test_count_text() -> None:
    assert count_text(-1, 0, "") == ""
    assert count_text(-1, 0, "zzz") == NO_MATCHES == "No matches"
    assert count_text(2, 7, "a") == "3 of 7"


def test_find_all_ignores_case_unless_asked(qapp) -> None:  # type: ignore[no-untyped-def]
    document = QTextDocument()
    document.setPlainText("Model, model, MODEL; a remodelled modelling")
    assert [c.selectedText() for c in find_all(document, "model", False)] == [
        "Model", "model", "MODEL", "model", "model",
    ]  # fmt: skip
    assert [c.selectionStart() for c in find_all(document, "model", True)] == [7, 25, 34]
    assert find_all(document, "", False) == []
    assert len(find_all(document, "o", False, limit=3)) == 3


def test_ctrl_f_finds_in_the_page_with_a_count(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = window.detail_pane()
    expected = len(re.findall("openai", pane.toPlainText(), re.IGNORECASE))
    assert expected >= 3
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.find_in_page.current_bar()
    assert bar.isVisible() and bar.field.hasFocus()
    assert not window.search_box.field.hasFocus()  # Ctrl+F is no longer the atlas search
    # the bar stands under the pane and above the note
    note = bar.parentWidget().findChild(QPlainTextEdit, "noteText")
    assert (
        pane.geometry().bottom()
        < bar.geometry().top()
        < note.mapTo(bar.parentWidget(), note.rect().topLeft()).y()
    )

    qtbot.keyClicks(bar.field, "openai")  # incremental: counted as typed
    assert bar.count_label() == f"1 of {expected}"
    found = marks(pane)
    assert len(found) == expected
    assert {text.lower() for text, _ in found} == {"openai"}
    assert [colour for _, colour in found] == [CURRENT_BACKGROUND] + [MATCH_BACKGROUND] * (
        expected - 1
    )

    press(qtbot, Qt.Key.Key_Return)
    assert bar.count_label() == f"2 of {expected}"
    assert marks(pane)[1][1] == CURRENT_BACKGROUND and marks(pane)[0][1] == MATCH_BACKGROUND
    press(qtbot, Qt.Key.Key_Return, SHIFT)
    assert bar.count_label() == f"1 of {expected}"
    press(qtbot, Qt.Key.Key_F3, SHIFT)  # wraps round to the last
    assert bar.count_label() == f"{expected} of {expected}"
    press(qtbot, Qt.Key.Key_F3)  # and on to the first
    assert bar.count_label() == f"1 of {expected}"

    bar.set_match_case(True)  # "OpenAI" no longer counts; the lower-case web addresses do
    exact = pane.toPlainText().count("openai")
    assert exact < expected and bar.count_label() == count_text(0, exact, "openai")
    bar.set_match_case(False)

    qtbot.keyClicks(bar.field, "zzqx")
    assert bar.count_label() == NO_MATCHES and marks(pane) == []

    press(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible() and pane.hasFocus()
    assert marks(pane) == []


def test_the_current_match_is_scrolled_into_view(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = window.detail_pane()
    window.resize(900, 420)  # a short window: the sources are below the fold
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.find_in_page.current_bar()
    qtbot.keyClicks(bar.field, "Sources")
    assert bar.match_count() >= 1
    press(qtbot, Qt.Key.Key_F3, SHIFT)  # the last one, at the bottom of the page
    assert pane.verticalScrollBar().value() > 0
    rect = pane.cursorRect()
    assert pane.viewport().rect().contains(rect.center())


def test_each_tab_has_its_own_find_bar(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_F, CTRL)
    models_bar = window.find_in_page.current_bar()
    qtbot.keyClicks(models_bar.field, "gpt")
    press(qtbot, Qt.Key.Key_6, CTRL)  # Glossary: its own pane, no bar open yet
    glossary_bar = window.find_in_page.current_bar()
    assert glossary_bar is not models_bar and glossary_bar.pane is window.detail_pane()
    assert not glossary_bar.isVisible()
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert glossary_bar.isVisible() and glossary_bar.field.text() == ""
    qtbot.keyClicks(glossary_bar.field, "the")
    total = len(re.findall("the", window.detail_pane().toPlainText(), re.IGNORECASE))
    assert glossary_bar.count_label() == f"1 of {total}"
    press(qtbot, Qt.Key.Key_5, CTRL)
    assert models_bar.isVisible() and models_bar.field.text() == "gpt"


def test_the_count_follows_the_entry_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.find_in_page.current_bar()
    qtbot.keyClicks(bar.field, "claude")
    before = bar.match_count()
    window.navigate_to("model/claude")
    pane = window.detail_pane()
    total = len(re.findall("claude", pane.toPlainText(), re.IGNORECASE))
    assert total != before and bar.count_label() == f"1 of {total}"


def test_esc_in_the_page_closes_the_bar(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.find_in_page.current_bar()
    qtbot.keyClicks(bar.field, "gpt")
    assert marks(window.detail_pane())
    press(qtbot, Qt.Key.Key_F6, SHIFT)  # from the bar (in no region) to the details
    assert window.detail_pane().hasFocus() and bar.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible() and marks(window.detail_pane()) == []


def test_f3_with_the_bar_closed_opens_it_on_the_last_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.find_in_page.current_bar()
    qtbot.keyClicks(bar.field, "model")
    press(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    press(qtbot, Qt.Key.Key_F3)
    assert bar.isVisible() and bar.count_label().startswith("1 of ")


def test_the_shortcuts_list_has_find_and_search(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from genai_atlas.ui.shortcuts_dialog import ShortcutsDialog

    opened: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.show_shortcuts()
    rows = dict(opened[0].rows())
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Find in Page"] == QKeySequence("Ctrl+F").toString(native)
    assert rows["Find Next"] == "F3" and rows["Find Previous"] == "Shift+F3"
    assert rows["Search the atlas"] == f"{QKeySequence('Ctrl+K').toString(native)}, /"
    assert rows["Move between the search, the list and the details"] == "F6 / Shift+F6"
    assert rows["Print Preview"] == QKeySequence("Ctrl+Shift+P").toString(native)
    opened[0].deleteLater()
