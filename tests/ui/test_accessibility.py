"""What a screen reader finds: a name on everything that takes the focus, the detail pane named
after its entry, real headings and table headers in the page, names in the dialogs we own."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextBlock, QTextTable
from PySide6.QtWidgets import QApplication, QWidget

from .accessible_tree import unnamed_focusable, walk


def _open_everything(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every tab built and shown once, the panels, the find bar and a search with results."""
    for number in range(1, len(window.tabs()) + 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    window.bookmarks.panel_action.trigger()
    window.history_panel.panel_action.trigger()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_in_page.current_bar().field, "model")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_box.field, "diffusion")
    qtbot.waitUntil(lambda: window.search_box.results_dock.isVisible(), timeout=3000)


def test_every_focusable_node_of_the_window_has_a_name(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open_everything(main_window, qtbot)
    nodes = list(walk(main_window))
    roles = {node.role for node in nodes}
    # the walk reached what was opened: every kind of view, the pane, the results
    assert {"List", "Tree", "Table", "Cell", "EditableText", "PageTab"} <= roles
    names = {node.name for node in nodes}
    assert "Models table" in names and "Search results" in names and "Find in page" in names
    assert unnamed_focusable(main_window) == []


def test_views_and_panes_have_names_and_descriptions(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open_everything(main_window, qtbot)
    for tab in main_window.tabs():
        view, pane = tab.view(), tab.detail_pane()
        assert view.accessibleName() == tab.list_name()
        assert "Tab" in view.accessibleDescription()
        title = main_window._atlas.ref(tab.current_entry_id()).title
        assert pane.accessibleName() == f"{title} — details"
        assert "links" in pane.accessibleDescription()
    chips = main_window.search_box.results_panel.findChildren(QWidget, "searchChip_all")
    assert chips[0].accessibleName().startswith("All kinds: ")
    assert chips[0].accessibleName().endswith(("result", "results"))


def test_the_pane_names_the_entry_it_shows(main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.navigate_to("model/gpt-4")
    assert main_window.detail_pane().accessibleName() == "GPT-4 — details"
    main_window.navigate_to("term/diffusion-model")
    pane = main_window.detail_pane()
    assert (
        pane.accessibleName() == f"{main_window._atlas.ref('term/diffusion-model').title} — details"
    )


def _blocks(pane) -> list[QTextBlock]:  # type: ignore[no-untyped-def]
    blocks, block = [], pane.document().begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def test_the_page_has_real_headings(main_window) -> None:  # type: ignore[no-untyped-def]
    """The pane's document keeps the page's h1 and h2 as heading levels, which is what a reader's
    "next heading" key has to go by; the facts' labels are row headers in the HTML."""
    import re
    from html import unescape

    from genai_atlas.render import render_entry

    main_window.navigate_to("industry/healthcare")
    pane = main_window.detail_pane()
    html = render_entry(main_window._atlas.get("industry/healthcare"), pane.theme())
    levels = [(b.blockFormat().headingLevel(), b.text()) for b in _blocks(pane)]
    assert [text for level, text in levels if level == 1] == ["Healthcare"]
    sections = [text for level, text in levels if level == 2]
    assert sections == [unescape(h) for h in re.findall(r"<h2>([^<]*)</h2>", html)]
    assert "Sources" in sections and len(sections) >= 3
    assert '<th class="label" scope="row">Scope</th>' in html


def test_a_comparison_grid_has_a_header_row(main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.navigate_to("comparison/key-differences")
    document = main_window.detail_pane().document()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    grid = max(tables, key=lambda table: table.columns())
    assert grid.columns() == 3 and grid.format().headerRowCount() == 1
    assert grid.cellAt(0, 0).firstCursorPosition().block().text() == "Aspect"


# --- dialogs ----------------------------------------------------------------------------------


def _walk_next_dialog(found: dict[str, list[str]], tries: int = 400) -> None:
    """Walk the next modal dialog to open, then close it (Esc's reject)."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            found[dialog.windowTitle()] = unnamed_focusable(dialog)
            dialog.reject()  # type: ignore[attr-defined]
        elif left > 0:  # not shown yet: look again shortly, for about two seconds at most
            QTimer.singleShot(5, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


def test_help_dialogs_name_what_takes_the_focus(main_window) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}
    _walk_next_dialog(found)
    main_window.show_about()
    _walk_next_dialog(found)
    main_window.show_shortcuts()
    assert found == {"About GenAI Atlas": [], "Keyboard Shortcuts": []}


def test_error_dialogs_name_what_takes_the_focus(qtbot) -> None:  # type: ignore[no-untyped-def]
    from genai_atlas.ui.crash_dialog import CrashDialog
    from genai_atlas.ui.known_error_dialog import database_box, known_error_box, no_browser_box

    crash = CrashDialog("Traceback (most recent call last): …")
    boxes = [
        crash,
        known_error_box(None, "The disk is full: /tmp/x.pdf"),
        database_box(None, "The atlas database is damaged")[0],
        no_browser_box(None, "https://example.org/"),
    ]
    for box in boxes:
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        assert unnamed_focusable(box) == [], box.windowTitle()
    assert any(node.name == "Crash report" for node in walk(crash))


def test_compare_view_names_its_grid(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    features = main_window.sheet_features
    features.basket.add("model/gpt-4")
    features.basket.add("model/claude")
    view = features.compare_basket()
    assert view is not None
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    assert unnamed_focusable(view) == []
    names = [node.name for node in walk(view) if node.role == "Table"]
    assert names == [f"Comparison of {view.table().title}"]


def test_print_dialogs_name_what_takes_the_focus(main_window) -> None:  # type: ignore[no-untyped-def]
    """Qt's own print dialogs, as the app opens them: the parts Qt leaves unnamed are named."""
    main_window.navigate_to("model/gpt-4")
    actions = main_window.sheet_features.print_actions
    found: dict[str, list[str]] = {}
    _walk_next_dialog(found)
    actions.preview_action.trigger()
    _walk_next_dialog(found)
    actions.print_action.trigger()
    assert found == {"Print Preview": [], "Print": []}
