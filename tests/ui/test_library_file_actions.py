"""File ▸ Export Library… and Import Library… as a reader uses them (dialogs stood in for)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from genai_atlas.data.library import Library
from genai_atlas.data.library_file import ImportReport, dumps, export_library
from genai_atlas.data.userdb_open import open_user_store
from genai_atlas.ui.features import MenuKey
from genai_atlas.ui.library_file_actions import LibraryFileActions, report_text
from genai_atlas.ui.operations import BackgroundWork


class Host(QObject):
    """The part of the window's FeatureHost these actions use."""

    library_changed = Signal()

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._window = QMainWindow()
        self.library = library
        self.background = BackgroundWork(self._window)
        self.file_menu = QMenu("&File", self._window)
        self.messages: list[str] = []

    def window(self) -> QMainWindow:
        return self._window

    def add_menu_actions(self, key, actions) -> None:  # type: ignore[no-untyped-def]
        assert key is MenuKey.FILE
        self.file_menu.addActions(list(actions))

    def status(self, message: str, timeout_ms: int = 5000) -> None:
        self.messages.append(message)

    def library_edited(self) -> None:
        self.library_changed.emit()


class Dialogs:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.shown: list[tuple[str, str]] = []

    def save_path(self, parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        return str(self.path)

    def open_path(self, parent, caption, folder, filters):  # type: ignore[no-untyped-def]
        return str(self.path)

    def information(self, parent, title, text):  # type: ignore[no-untyped-def]
        self.shown.append(("information", text))

    def error(self, parent, title, text):  # type: ignore[no-untyped-def]
        self.shown.append(("error", text))


@pytest.fixture
def make_actions(qtbot):  # type: ignore[no-untyped-def]
    made = []

    def make(library: Library, path: Path) -> tuple[LibraryFileActions, Dialogs, Host]:
        host = Host(library)
        qtbot.addWidget(host.window())
        dialogs = Dialogs(path)
        actions = LibraryFileActions(host, dialogs)  # type: ignore[arg-type]
        made.append(host)
        return actions, dialogs, host

    yield make
    for host in made:
        host.background.shutdown()


def run(qtbot, actions: LibraryFileActions, action) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(actions.finished, timeout=10_000) as blocker:
        action.trigger()
    qtbot.waitUntil(lambda: not actions.is_busy(), timeout=5000)
    return str(blocker.args[0])


@pytest.fixture
def filled(library: Library) -> Library:
    library.add_folder("Reading")
    library.add_bookmark("model/gpt-4", "Reading")
    library.add_bookmark("term/diffusion-model")
    library.set_note("model/gpt-4", "Quantised on my laptop.\nSecond line.")
    library.record_visit("model/claude")
    return library


def test_export_then_import_into_a_fresh_library_round_trips(  # type: ignore[no-untyped-def]
    qtbot, make_actions, filled, tmp_path
) -> None:
    target = tmp_path / "mine.json"
    actions, dialogs, _host = make_actions(filled, target)
    assert [a.text() for a in actions.actions] == ["Export &Library…", "&Import Library…"]
    message = run(qtbot, actions, actions.export_action)
    assert message == f"Your library was exported to {target}."
    assert dialogs.shown == [("information", message)]
    assert target.read_bytes() == dumps(export_library(filled))

    store = open_user_store(tmp_path / "other" / "library.sqlite3")
    fresh = Library(filled.atlas, store)
    try:
        importer, dialogs, host = make_actions(fresh, target)
        with qtbot.waitSignal(host.library_changed, timeout=10_000):
            message = run(qtbot, importer, importer.import_action)
        assert message == "Imported 2 bookmarks, 1 folder, 1 note, 1 visit."
        assert dialogs.shown == [("information", message)]
        assert export_library(fresh) == export_library(filled)
        # Again: nothing is duplicated.
        message = run(qtbot, importer, importer.import_action)
        assert message.startswith("Nothing new to import")
        assert export_library(fresh) == export_library(filled)
    finally:
        store.close()


def test_a_truncated_file_says_what_is_wrong_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, make_actions, filled, tmp_path
) -> None:
    whole = dumps(export_library(filled))
    broken = tmp_path / "broken.json"
    broken.write_bytes(whole[: len(whole) // 2])
    store = open_user_store(tmp_path / "other" / "library.sqlite3")
    other = Library(filled.atlas, store)
    try:
        other.set_note("model/claude", "my own")
        before = export_library(other)
        actions, dialogs, _host = make_actions(other, broken)
        message = run(qtbot, actions, actions.import_action)
        assert message.startswith(f"Nothing was imported from {broken}: line ")
        assert dialogs.shown == [("error", message)]
        assert "\n" not in message
        assert export_library(other) == before
    finally:
        store.close()


def test_a_fifo_or_an_oversized_file_is_refused_unread(  # type: ignore[no-untyped-def]
    qtbot, make_actions, library, tmp_path
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    actions, dialogs, _host = make_actions(library, fifo)
    message = run(qtbot, actions, actions.import_action)
    assert "it is not a regular file" in message
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    from genai_atlas.ui import library_file_actions

    with pytest.raises(library_file_actions.LibraryFileError, match="larger than"):
        library_file_actions.read_library_file(str(big), limit=1024)
    assert library.notes() == []


def test_export_to_a_folder_says_so(qtbot, make_actions, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    actions, dialogs, _host = make_actions(library, tmp_path)
    message = run(qtbot, actions, actions.export_action)
    assert dialogs.shown[0][0] == "error"
    assert message.startswith(f"Cannot export to {tmp_path}: ")


def test_report_text_counts_in_words() -> None:
    assert report_text(ImportReport(3, 1, 1, 1, 40)) == (
        "Imported 3 bookmarks, 1 folder, 2 notes (1 merged), 40 visits."
    )
