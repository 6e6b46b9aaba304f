"""The main window as a user meets it: tabs, detail panes, links, history, keys and settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from genai_atlas.ui.main_window import MainWindow
from genai_atlas.ui.models import ENTRY_ID_ROLE

TAB_TITLES = ["Comparisons", "Categories", "Industries", "Trends", "Models", "Glossary"]


def _click_entry(qtbot, window: MainWindow, entry_id: str) -> None:  # type: ignore[no-untyped-def]
    """Click the list row of ``entry_id`` in the current tab, as a user would."""
    view = window.current_tab().view()
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().height() > 100, timeout=3000)
    model = view.model()
    matches = model.match(
        model.index(0, 0),
        ENTRY_ID_ROLE,
        entry_id,
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
    assert matches, f"{entry_id} not listed"
    index = matches[0]
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _show_tab(window: MainWindow, title: str) -> None:
    window.show_tab(TAB_TITLES.index(title))


def test_tabs_are_in_the_documented_order(main_window: MainWindow) -> None:
    tabs = main_window.centralWidget()
    assert [tabs.tabText(i) for i in range(tabs.count())] == TAB_TITLES


def test_first_tab_shows_its_first_entry_at_start(main_window: MainWindow) -> None:
    assert main_window.current_tab().title == "Comparisons"
    assert main_window.current_entry_id() == "comparison/overview"
    assert "Definition & Purpose" in main_window.detail_pane().toPlainText()


@pytest.mark.parametrize(
    ("tab", "entry_id", "expected"),
    [
        ("Comparisons", "comparison/training-process", ["Training Process", "Pre-training"]),
        (
            "Categories",
            "category/image-generation",
            ["Image Generation", "Stable Diffusion", "Use cases", "AI-generated art"],
        ),
        (
            "Industries",
            "industry/healthcare",
            ["Healthcare", "AI-Powered Diagnostics", "LLM use", "Generative AI use"],
        ),
        (
            "Industries",
            "application/ai-powered-diagnostics",
            ["AI-Powered Diagnostics", "Healthcare", "Generative AI use"],
        ),
        (
            "Trends",
            "trend/multimodal-ai",
            ["Multimodal AI: The Next Evolution", "Examples", "Google Gemini", "Impact"],
        ),
        ("Trends", "takeaway/llms-excel-at-text", ["Takeaway"]),
        ("Models", "model/gpt-4", ["GPT-4", "OpenAI", "2023", "https://openai.com/index/gpt-4/"]),
        ("Glossary", "term/gan", ["Generative Adversarial Network", "Also used by"]),
    ],
)
def test_selecting_an_entry_shows_it_in_the_detail_pane(
    qtbot, main_window: MainWindow, tab: str, entry_id: str, expected: list[str]
) -> None:
    _show_tab(main_window, tab)
    _click_entry(qtbot, main_window, entry_id)
    assert main_window.current_entry_id() == entry_id
    text = main_window.detail_pane().toPlainText()
    for piece in expected:
        assert piece in text
    assert "Sources" in text  # every entry names its sources at the bottom


def test_comparison_is_shown_as_a_table(main_window: MainWindow) -> None:
    pane = main_window.detail_pane()
    tables = []
    frame_iter = pane.document().rootFrame().childFrames()
    from PySide6.QtGui import QTextTable

    tables = [frame for frame in frame_iter if isinstance(frame, QTextTable)]
    assert tables, "no table in the comparison"
    table = tables[0]
    assert table.columns() == 3
    header = [table.cellAt(0, c).firstCursorPosition().block().text() for c in range(3)]
    assert header == ["Aspect", "Large Language Models (LLMs)", "Generative AI"]
    assert table.cellAt(1, 0).firstCursorPosition().block().text() == "Definition & Purpose"


def test_models_table_sorts_years_as_numbers(qtbot, main_window: MainWindow) -> None:
    from genai_atlas.ui.models.model_table_model import COL_YEAR, SORT_ROLE

    _show_tab(main_window, "Models")
    view = main_window.current_tab().view()
    view.sortByColumn(COL_YEAR, Qt.SortOrder.AscendingOrder)
    model = view.model()
    years = [model.index(r, COL_YEAR).data(SORT_ROLE) for r in range(model.rowCount())]
    assert years == sorted(years) and len(years) > 10
    # each year says what it is the year of, since papers, announcements and releases mix
    cells = {model.index(r, COL_YEAR).data() for r in range(model.rowCount())}
    assert {"2022 (paper)", "2023 (released)", "2021 (announced)"} <= cells
    # with no dataset imported, the table opens on the atlas's own columns
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(model.columnCount())
        if not view.isColumnHidden(c)
    ]
    assert headers == ["Model", "Organisation", "Date", "Modality", "Type", "Access"]


def test_link_moves_to_the_entry_in_its_own_tab(qtbot, main_window: MainWindow) -> None:
    _show_tab(main_window, "Categories")
    _click_entry(qtbot, main_window, "category/text-generation")
    pane = main_window.detail_pane()
    assert "atlas:model/gpt-4" in pane.toHtml()
    pane.anchorClicked.emit(QUrl("atlas:model/gpt-4"))  # what a click on the link sends
    assert main_window.current_tab().title == "Models"
    assert main_window.current_entry_id() == "model/gpt-4"
    assert "OpenAI" in main_window.detail_pane().toPlainText()
    view = main_window.current_tab().view()
    assert view.currentIndex().data(ENTRY_ID_ROLE) == "model/gpt-4"


def test_clicking_a_link_with_the_mouse_navigates(qtbot, main_window: MainWindow) -> None:
    _show_tab(main_window, "Glossary")
    _click_entry(qtbot, main_window, "term/gan")
    pane = main_window.detail_pane()
    # Find where the first atlas: link is drawn and click it.
    document = pane.document()
    block = document.begin()
    target = None
    while block.isValid() and target is None:
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref()
            if href.startswith("atlas:"):
                target = (href, fragment.position())
                break
            iterator += 1
        block = block.next()
    assert target is not None
    href, position = target
    cursor = pane.textCursor()
    cursor.setPosition(position + 1)
    point = pane.cursorRect(cursor).center()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert main_window.current_entry_id() == href.removeprefix("atlas:")


def test_back_and_forward_cross_tabs(qtbot, main_window: MainWindow) -> None:
    assert not main_window._actions.back.isEnabled()
    main_window.navigate_to("model/gpt-4")
    main_window.navigate_to("term/gan")
    assert main_window._actions.back.isEnabled()
    qtbot.keyClick(main_window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert main_window.current_tab().title == "Models"
    assert main_window.current_entry_id() == "model/gpt-4"
    main_window.go_back()
    assert main_window.current_tab().title == "Comparisons"
    assert main_window.current_entry_id() == "comparison/overview"
    assert not main_window._actions.back.isEnabled()
    qtbot.keyClick(main_window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert main_window.current_entry_id() == "model/gpt-4"
    main_window.go_forward()
    assert main_window.current_tab().title == "Glossary"
    assert "Generative Adversarial Network" in main_window.detail_pane().toPlainText()
    assert not main_window._actions.forward.isEnabled()


def test_switching_tabs_is_remembered_in_history(qtbot, main_window: MainWindow) -> None:
    _show_tab(main_window, "Models")
    assert main_window.current_entry_id() == "model/gpt-4"
    main_window.go_back()
    assert main_window.current_tab().title == "Comparisons"


@pytest.mark.parametrize("number", range(1, 7))
def test_ctrl_number_switches_tabs(qtbot, main_window: MainWindow, number: int) -> None:
    qtbot.keyClick(
        main_window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
    )
    assert main_window.current_tab().title == TAB_TITLES[number - 1]
    assert main_window.detail_pane().toPlainText().strip()


def test_arrow_keys_move_through_a_list(qtbot, main_window: MainWindow) -> None:
    view = main_window.current_tab().view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert main_window.current_entry_id() == "comparison/training-process"
    assert "Pre-training" in main_window.detail_pane().toPlainText()


def test_zoom_keys_change_the_detail_font_size(qtbot, main_window: MainWindow) -> None:
    pane = main_window.detail_pane()
    normal = pane.document().defaultFont().pointSizeF()
    qtbot.keyClick(main_window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(main_window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.document().defaultFont().pointSizeF() == normal + 2
    qtbot.keyClick(main_window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.document().defaultFont().pointSizeF() == normal + 1
    qtbot.keyClick(main_window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.document().defaultFont().pointSizeF() == normal


def test_settings_restore_last_tab_entry_and_zoom(
    qtbot, main_window: MainWindow, library, settings
) -> None:
    main_window.navigate_to("model/gpt-4")
    main_window.zoom_in()
    main_window.resize(800, 640)  # room for a 400 px list beside the detail pane's minimum
    main_window.current_tab().splitter().setSizes([400, 700])
    main_window.close()
    again = MainWindow(library, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.current_tab().title == "Models"
    assert again.current_entry_id() == "model/gpt-4"
    assert "OpenAI" in again.detail_pane().toPlainText()
    assert again.zoom_steps() == 1
    assert again.current_tab().splitter().sizes()[0] == 400


def test_highlight_terms_stay_across_navigation_until_cleared(main_window: MainWindow) -> None:
    main_window.set_highlight_terms(["openai"])
    main_window.navigate_to("model/gpt-4")
    html = main_window.detail_pane().toHtml()
    assert "OpenAI" in main_window.detail_pane().toPlainText()
    assert "background-color:#ffe066" in html or "background-color:#e0b400" in html
    main_window.set_highlight_terms([])
    html = main_window.detail_pane().toHtml()
    assert "background-color:#ffe066" not in html and "background-color:#e0b400" not in html


def test_about_names_version_and_licences(main_window: MainWindow, monkeypatch) -> None:
    from genai_atlas import __version__

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    main_window.show_about()
    assert shown
    text = shown[0]
    assert __version__ in text
    assert "CC BY 4.0" in text and "Epoch AI" in text and "LGPLv3" in text
    assert "offline" in text
    assert main_window._atlas.info().data_version in text


def test_shortcuts_dialog_lists_the_real_actions(main_window: MainWindow, monkeypatch) -> None:
    from genai_atlas.ui.shortcuts_dialog import ShortcutsDialog

    opened: list[ShortcutsDialog] = []

    def fake_exec(dialog: ShortcutsDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(ShortcutsDialog, "exec", fake_exec)
    main_window.show_shortcuts()
    rows = dict(opened[0].rows())
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Back"] == QKeySequence("Alt+Left").toString(native)
    assert rows["Quit"] == QKeySequence("Ctrl+Q").toString(native)
    assert rows["6 Glossary"] == QKeySequence("Ctrl+6").toString(native)
    assert QKeySequence("Ctrl+=").toString(native) in rows["Zoom In"]
    opened[0].deleteLater()


def test_external_links_go_to_the_browser_only_when_clicked(main_window, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    # openUrl answers whether a browser took the address; this one always does
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) is None
    )
    main_window.navigate_to("model/gpt-4")
    assert opened == []
    main_window.detail_pane().anchorClicked.emit(QUrl("https://openai.com/index/gpt-4/"))
    assert opened == ["https://openai.com/index/gpt-4/"]
    assert main_window.current_entry_id() == "model/gpt-4"


def test_selection_allows_several_entries(qtbot, main_window: MainWindow) -> None:
    _show_tab(main_window, "Models")
    tab = main_window.current_tab()
    view = tab.view()
    model = view.model()
    first = view.visualRect(model.index(0, 0)).center()
    third = view.visualRect(model.index(2, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=third
    )
    assert len(tab.selected_entry_ids()) == 2


def test_unknown_link_leaves_the_view_alone(main_window: MainWindow) -> None:
    before = main_window.current_entry_id()
    assert main_window.navigate_to("model/no-such-model") is False
    assert main_window.current_entry_id() == before


def test_group_headings_select_nothing(main_window: MainWindow) -> None:
    _show_tab(main_window, "Trends")
    tab = main_window.current_tab()
    heading = tab.view().model().index(0, 0, QModelIndex())
    assert heading.data() == "The Future of LLMs & Generative AI"
    assert heading.data(ENTRY_ID_ROLE) is None
    assert main_window.current_entry_id() == "trend/multimodal-ai"


def test_detail_pane_follows_a_dark_palette(qapp, main_window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    from genai_atlas.render.theme import LIGHT

    pane = main_window.detail_pane()
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        assert pane.theme().dark
        assert "#e6e6e6" in pane.toHtml()  # the page was rendered again in the dark colours
    finally:
        qapp.setPalette(original)
        qapp.processEvents()
    assert not pane.theme().dark
    assert "#e6e6e6" not in pane.toHtml()
    assert LIGHT.dark is False
