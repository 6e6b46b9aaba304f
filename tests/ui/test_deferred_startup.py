"""The window run_app opens (``MainWindow(defer=True)``): its first frame is the whole app a
reader can see, and the menu entries and shortcuts that frame does not show follow once it has
painted, the same as in a window built at once."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from genai_atlas.data.library import Library
from genai_atlas.settings import Settings
from genai_atlas.ui.main_window import MainWindow


def menu_bar(window: MainWindow) -> list[tuple[str, list[str]]]:
    """Each menu's title and its entries as a reader sees them ("-" for a separator)."""
    menus = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        entries = [
            "-" if action.isSeparator() else f"{action.text()}\t{action.shortcut().toString()}"
            for action in menu.actions()
        ]
        menus.append((menu.title(), entries))
    return menus


def visible_part(window: MainWindow, name: str) -> QWidget:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    assert widget.isVisible(), name
    return widget


def test_the_first_frame_has_every_visible_part_and_the_rest_follows_unseen(
    qtbot, library: Library, settings: Settings
) -> None:
    window = MainWindow(library, settings, defer=True)
    qtbot.addWidget(window)
    titles = [title for title, _entries in menu_bar(window)]
    toolbar = [action.text() for action in window.tool_bar().actions()]
    assert not window.startup_complete()

    window.show()
    # Before the first paint: the toolbar's search field, the star and the note editor.
    assert isinstance(visible_part(window, "searchField"), QLineEdit)
    visible_part(window, "bookmarkStar")
    visible_part(window, "noteEditor")
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.startup_complete, timeout=5000)

    # Nothing the reader could see moved: the same menus in the bar, the same toolbar.
    assert [title for title, _entries in menu_bar(window)] == titles
    assert [action.text() for action in window.tool_bar().actions()] == toolbar
    window.close()


def test_the_deferred_window_ends_with_the_menus_of_one_built_at_once(
    qtbot, library: Library, settings: Settings
) -> None:
    at_once = MainWindow(library, settings)
    qtbot.addWidget(at_once)
    assert at_once.startup_complete()
    deferred = MainWindow(library, settings, defer=True)
    qtbot.addWidget(deferred)
    deferred.show()
    qtbot.waitUntil(deferred.startup_complete, timeout=5000)

    expected = menu_bar(at_once)
    assert menu_bar(deferred) == expected
    entries = [entry.split("\t") for _title, menu in expected for entry in menu]
    # The deferred ones are among them, with their shortcuts.
    assert ["&Preferences…", "Ctrl+,"] in entries
    assert any(text == "Export &Library…" for text, *_ in entries)
    assert any(text == "Import &Model Data…" for text, *_ in entries)
    shortcuts = [action.text() for action in deferred.shortcut_actions()]
    assert shortcuts == [action.text() for action in at_once.shortcut_actions()]
    deferred.close()
    at_once.close()


def test_completing_twice_installs_once(qtbot, library: Library, settings: Settings) -> None:
    window = MainWindow(library, settings, defer=True)
    qtbot.addWidget(window)
    window.complete_startup()
    before = menu_bar(window)
    window.complete_startup()  # run_app's fallback timer after the first paint did it
    assert menu_bar(window) == before
    window.close()
