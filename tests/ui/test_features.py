"""Features plug in through the FeatureHost: menus by key in a fixed order, groups above the
closing group, widgets above and below every detail pane, and one composed context menu."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from genai_atlas.ui.features import MenuKey


def menu_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_menus_stand_in_key_order_whenever_they_are_made(main_window) -> None:  # type: ignore[no-untyped-def]
    host = main_window.host
    tools = host.menu(MenuKey.TOOLS)
    assert host.menu(MenuKey.TOOLS) is tools  # made once
    titles = menu_titles(main_window)
    assert titles[:4] == ["File", "Edit", "Go", "View"] and titles[-1] == "Help"
    assert titles.index("Compare") < titles.index("Tools") < titles.index("Help")


def test_a_feature_group_goes_above_quit(main_window) -> None:  # type: ignore[no-untyped-def]
    host = main_window.host
    export = QAction("Export &Library…", main_window)
    host.add_menu_actions(MenuKey.FILE, [export])
    texts = [a.text() for a in host.menu(MenuKey.FILE).actions()]
    assert texts[-1] == "&Quit" and texts[-2] == ""  # a separator, then Quit
    assert texts.index("&Print…") < texts.index("Export &Library…") < texts.index("&Quit")


class EntryLabel(QLabel):
    """A pane section that shows which entry its pane is on."""

    def show_entry(self, entry_id: str) -> None:
        self.setText(f"on {entry_id}")


def test_sections_and_header_widgets_follow_their_pane(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    host = main_window.host
    made: list[QWidget] = []

    def section(parent: QWidget) -> QWidget:
        label = EntryLabel(parent)
        label.setObjectName("testSection")
        made.append(label)
        return label

    host.add_pane_section(section)
    host.add_pane_header_widget(lambda parent: QLabel("header", parent))
    assert main_window.navigate_to("model/gpt-4")
    tab = main_window.current_tab()
    label = tab.findChild(EntryLabel, "testSection")
    assert label is not None and label.isVisible()
    assert label.text() == "on model/gpt-4"
    assert main_window.navigate_to("model/claude")
    assert label.text() == "on model/claude"
    # the pane is still the DetailPane, above the section
    pane = tab.detail_pane()
    assert (
        pane.mapTo(tab, pane.rect().bottomLeft()).y()
        <= label.mapTo(tab, label.rect().topLeft()).y()
    )


def test_context_menu_items_are_composed_by_the_host(main_window) -> None:  # type: ignore[no-untyped-def]
    host = main_window.host
    asked: list[str] = []
    mine = QAction("Bookmark", main_window)

    def provider(entry_id: str) -> list[QAction | None]:
        asked.append(entry_id)
        return [mine]

    host.add_pane_context_actions(provider)
    assert main_window.navigate_to("term/transformer")
    groups = main_window.current_tab()._pane_parts.context_menu_items("term/transformer")
    texts = [[a.text() if a else "" for a in group] for group in groups]
    assert ["&Add to Comparison"] == texts[0][:1]  # the compare feature's group first
    assert texts[-1] == ["Bookmark"] and asked == ["term/transformer"]


def test_entry_changed_announces_each_entry_once(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    main_window.host.entry_changed.connect(seen.append)
    assert main_window.navigate_to("model/gpt-4")
    assert main_window.navigate_to("model/gpt-4")
    main_window.go_back()
    assert seen[0] == "model/gpt-4" and seen.count("model/gpt-4") == 1
    assert seen[-1] == main_window.current_entry_id()
