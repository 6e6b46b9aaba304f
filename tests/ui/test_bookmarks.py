"""Bookmarks in the real main window: the star, Ctrl+D, the Bookmarks menu and panel, folders,
renaming, moving, removing, missing entries, another window's bookmarks and a store that
cannot be written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget

from genai_atlas.data.library import Library
from genai_atlas.data.userdb_open import open_user_store
from genai_atlas.ui.bookmark_star import BookmarkStar
from genai_atlas.ui.main_window import MainWindow
from genai_atlas.ui.roles import ENTRY_ID_ROLE


class FakeDialogs:
    """Answers the text prompts from a list; records the error messages."""

    def __init__(self) -> None:
        self.answers: list[str | None] = []
        self.prompts: list[tuple[str, str]] = []
        self.errors: list[str] = []

    def text(self, parent: QWidget | None, title: str, label: str, initial: str) -> str | None:
        self.prompts.append((title, initial))
        return self.answers.pop(0)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def dialogs(main_window: MainWindow) -> FakeDialogs:
    fake = FakeDialogs()
    main_window.bookmarks.dialogs = fake  # type: ignore[assignment]
    return fake


def shown_star(window: MainWindow) -> BookmarkStar:
    stars = [s for s in window.current_tab().findChildren(BookmarkStar) if s.isVisible()]
    assert len(stars) == 1
    return stars[0]


def menu_texts(window: MainWindow) -> list[str]:
    menu = window.bookmarks.menu
    menu.aboutToShow.emit()  # what opening the menu does
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if sub is not None:
            texts.append(f"{action.text()}: " + ", ".join(a.text() for a in sub.actions()))
        else:
            texts.append(action.text())
    return texts


def test_the_star_bookmarks_the_entry_on_show(qtbot, main_window, library) -> None:  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("model/gpt-4")
    star = shown_star(main_window)
    assert star.text() == "\u2606 Bookmark" and not star.isChecked()
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert library.is_bookmarked("model/gpt-4")
    assert star.text() == "\u2605 Bookmarked" and star.isChecked()
    assert main_window.statusBar().currentMessage() == "Bookmarked GPT-4"
    assert main_window.bookmarks.toggle_action.isChecked()
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert not library.is_bookmarked("model/gpt-4")
    assert star.text() == "\u2606 Bookmark"


def test_ctrl_d_toggles_and_every_tab_s_star_follows(qtbot, main_window, library) -> None:  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("term/diffusion-model")
    main_window.current_tab().setFocus()
    qtbot.keyClick(main_window.current_tab(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert library.is_bookmarked("term/diffusion-model")
    assert shown_star(main_window).isChecked()
    assert main_window.navigate_to("model/claude")
    assert not shown_star(main_window).isChecked()  # another entry, another state
    assert main_window.navigate_to("term/diffusion-model")
    assert shown_star(main_window).isChecked()


def test_the_bookmarks_menu_lists_folders_and_opens_an_entry(qtbot, main_window, library) -> None:  # type: ignore[no-untyped-def]
    assert menu_texts(main_window) == [
        "&Bookmark This Entry",
        "Show &All Bookmarks",
        "No bookmarks yet",
    ]
    library.add_bookmark("model/llama", folder="Open models")
    library.add_bookmark("model/gpt-4")
    assert menu_texts(main_window) == [
        "&Bookmark This Entry",
        "Show &All Bookmarks",
        "Open models: Llama",
        "GPT-4",
    ]
    menu = main_window.bookmarks.menu
    (folder,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    folder.actions()[0].trigger()
    assert main_window.current_entry_id() == "model/llama"


def test_the_panel_renames_moves_and_removes(qtbot, main_window, library, dialogs) -> None:  # type: ignore[no-untyped-def]
    library.add_bookmark("model/gpt-4")
    library.add_bookmark("model/claude")
    feature = main_window.bookmarks
    main_window.bookmarks.panel_action.trigger()
    assert feature.dock.isVisible()
    panel = feature.panel
    assert panel.rows() == ["GPT-4", "Claude"]

    dialogs.answers = ["Work"]
    panel.new_folder_button.click()
    assert library.folders() == ["Work"]
    assert panel.rows() == ["Work", "GPT-4", "Claude"]

    # Right-click ▸ Move To ▸ Work.
    assert panel.select("model/claude")
    menu = panel.context_menu_for(panel.view.currentIndex())
    (move,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    [a for a in move.actions() if a.text() == "Work"][0].trigger()
    assert library.bookmark("model/claude").folder == "Work"
    assert panel.rows() == ["Work", "  Claude", "GPT-4"]

    # F2 renames; an empty name goes back to the entry's title.
    assert panel.select("model/gpt-4")
    dialogs.answers = ["The one from the workshop"]
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert dialogs.prompts[-1] == ("Rename Bookmark", "GPT-4")
    assert panel.rows() == ["Work", "  Claude", "The one from the workshop"]

    # Enter opens; Delete removes.
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert main_window.current_entry_id() == "model/gpt-4"
    assert panel.select("model/gpt-4")
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert not library.is_bookmarked("model/gpt-4")
    assert panel.rows() == ["Work", "  Claude"]

    # Removing a folder keeps its bookmarks at the top level.
    assert panel.select("Work")
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert library.folders() == [] and library.bookmark("model/claude").folder == ""
    assert panel.rows() == ["Claude"]
    assert dialogs.errors == []


def test_a_taken_folder_name_is_a_message_and_changes_nothing(
    qtbot, main_window, library, dialogs
) -> None:  # type: ignore[no-untyped-def]
    library.add_folder("Reading")
    library.add_folder("Work")
    main_window.bookmarks.show_panel()
    dialogs.answers = ["Work"]
    main_window.bookmarks.rename_folder("Reading")
    assert dialogs.errors == ["A folder named 'Work' exists already; choose another name."]
    assert library.folders() == ["Reading", "Work"]


def test_a_bookmark_whose_entry_left_the_atlas_is_kept_and_marked(
    qtbot, main_window, library
) -> None:  # type: ignore[no-untyped-def]
    with library.store.transaction() as connection:
        connection.execute(
            "INSERT INTO bookmark (entry_id, title, folder, added) VALUES (?, ?, '', ?)",
            ["model/retired-one", "Retired One", library.now()],
        )
    feature = main_window.bookmarks
    feature.show_panel()
    assert feature.panel.rows() == ["Retired One (missing entry)"]
    before = main_window.current_entry_id()
    index = feature.panel.model.index(0, 0)
    assert index.data(ENTRY_ID_ROLE) == "model/retired-one"
    feature.panel.view.activated.emit(index)
    assert main_window.current_entry_id() == before
    assert "no longer in this atlas" in main_window.statusBar().currentMessage()
    assert library.is_bookmarked("model/retired-one")  # never dropped


def test_another_window_s_bookmark_shows_when_this_one_is_activated(
    qtbot, main_window, library
) -> None:  # type: ignore[no-untyped-def]
    assert main_window.navigate_to("model/claude")
    star = shown_star(main_window)
    main_window.bookmarks.show_panel()
    store = open_user_store(library.store.path)  # another process's own connection
    try:
        Library(library.atlas, store).add_bookmark("model/claude", folder="From the CLI")
    finally:
        store.close()
    QCoreApplication.sendEvent(main_window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(star.isChecked, timeout=3000)
    assert main_window.bookmarks.panel.rows() == ["From the CLI", "  Claude"]


@pytest.fixture
def read_only_window(qtbot, atlas, settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    store = open_user_store(None)  # no data folder: read-only, as when it cannot be written
    window = MainWindow(Library(atlas, store), settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    store.close()


def test_a_store_that_cannot_be_written_says_so_and_keeps_going(qtbot, read_only_window) -> None:  # type: ignore[no-untyped-def]
    window = read_only_window
    assert window.navigate_to("model/gpt-4")
    star = shown_star(window)
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert not star.isChecked()
    assert window.statusBar().currentMessage().startswith("Cannot save the bookmark:")
    assert window.navigate_to("model/claude")  # the app goes on
