"""The search box in the main window: shortcuts, opening a hit in its tab, highlights, clearing."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_ctrl_k_types_and_enter_opens_with_highlights(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    box = main_window.search_box
    assert box.parent() is not None and main_window.tool_bar().isAncestorOf(box)
    main_window.current_tab().setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(box.field.hasFocus, timeout=2000)
    qtbot.keyClicks(box.field, "stabel diffusion")
    assert box.results_dock.isVisible()
    assert box.model.rowCount() > 0
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert main_window.current_entry_id() == "model/stable-diffusion"
    pane = main_window.detail_pane()
    assert "stable diffusion" in pane.highlight_terms()
    assert "Stable Diffusion" in pane.toPlainText()
    assert pane.theme().highlight_background.lower() in pane.toHtml().lower()

    # the words stay highlighted while moving elsewhere, until the search is cleared
    main_window.navigate_to("term/diffusion-model")
    assert main_window.detail_pane().highlight_terms()
    box.field.setFocus()
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert main_window.detail_pane().highlight_terms() == []
    assert not box.results_dock.isVisible()


def test_down_then_click_opens_in_its_tab(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    box = main_window.search_box
    box.focus_search()
    qtbot.keyClicks(box.field, "healthcare")
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    chosen = box.model.hit_at(box.results_panel.current_row())
    qtbot.keyClick(box.field, Qt.Key.Key_Enter)
    assert main_window.current_entry_id() == chosen.id


def test_start_search_fills_the_box(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.start_search("diffusion")
    box = main_window.search_box
    assert box.text() == "diffusion"
    assert box.results.hits[0].id == "term/diffusion-model"
    assert box.results_dock.isVisible()
