"""File ▸ Import Model Data… and Remove Imported Model Data… as a reader uses them (dialogs
stood in for): counts at the end, Cancel keeps the old data, a bad file says why."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton

import genai_atlas.ui.model_data_feature as feature_module
from genai_atlas.data.library import Library
from genai_atlas.data.model_data import ModelData, import_epoch, open_model_store
from genai_atlas.ui.features import MenuKey
from genai_atlas.ui.model_data_feature import CANCELLED, ModelDataFeature
from genai_atlas.ui.operations import BackgroundWork

from ..epoch_files import many_rows, model_row, write_csv


class Host(QObject):
    """The part of the window's FeatureHost this feature uses."""

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


class Dialogs:
    def __init__(self) -> None:
        self.path = ""
        self.answer = True
        self.shown: list[tuple[str, str, str]] = []

    def open_path(self, parent, caption, folder, filters):  # type: ignore[no-untyped-def]
        return self.path

    def report(self, parent, title, text, details):  # type: ignore[no-untyped-def]
        self.shown.append(("report", text, details))

    def confirm(self, parent, title, text):  # type: ignore[no-untyped-def]
        self.shown.append(("confirm", text, ""))
        return self.answer

    def error(self, parent, title, text):  # type: ignore[no-untyped-def]
        self.shown.append(("error", text, ""))


@pytest.fixture
def feature(qtbot, library: Library) -> Iterator[tuple[ModelDataFeature, Dialogs, Host]]:  # type: ignore[no-untyped-def]
    host = Host(library)
    qtbot.addWidget(host.window())
    dialogs = Dialogs()
    made = ModelDataFeature(host, dialogs)  # type: ignore[arg-type]
    yield made, dialogs, host
    host.background.shutdown()
    made.data().close()


def snapshot(data: ModelData) -> list[object]:
    return [*data.models(), data.info()]


def test_import_from_the_file_menu_shows_the_counts_and_skipped_rows(
    qtbot, feature, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    made, dialogs, host = feature
    assert [action.text() for action in host.file_menu.actions()] == [
        "Import &Model Data…",
        "Remove Imported Model Data…",
    ]
    rows = [model_row("GPT-4 (Mar 2023)"), model_row(" "), model_row("Tiny", Parameters="?")]
    dialogs.path = str(write_csv(tmp_path / "notable.csv", rows))
    with qtbot.waitSignals([made.finished, made.changed], timeout=10_000):
        made.import_action.trigger()
    ((kind, text, details),) = dialogs.shown
    assert kind == "report"
    assert text.startswith("Imported notable.csv: 2 added, 0 updated, 0 unchanged, 1 skipped.")
    assert 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0; file of ' in text
    assert details.splitlines() == [
        "Skipped line 3: the Model column is empty.",
        "Line 4: Parameters '?' is not a number; left empty.",
    ]
    # The curated GPT-4 names this row: one entry, with the curated id.
    gpt4 = made.data().figures_for("model/gpt-4")
    assert gpt4 is not None and gpt4.curated
    assert made.import_action.isEnabled() and made.progress_dialog is None
    assert host.messages[-1].startswith("Imported notable.csv: 2 added")


def test_cancel_leaves_the_previous_data(
    qtbot, feature, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    made, dialogs, _host = feature
    import_epoch(made.data(), write_csv(tmp_path / "old.csv", many_rows(20, "Old")))
    before = snapshot(made.data())
    reached, release = threading.Event(), threading.Event()

    def held_import(
        data: ModelData,
        path: str,
        *,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> Any:
        def held(done: int, total: int) -> None:
            progress(done, total)
            if done and not reached.is_set():  # the worker waits here for the reader's Cancel
                reached.set()
                release.wait(10)

        return import_epoch(data, path, progress=held, cancelled=cancelled)

    monkeypatch.setattr(feature_module, "import_epoch", held_import)
    made.import_from(str(write_csv(tmp_path / "new.csv", many_rows(2000, "New"))))
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    dialog = made.progress_dialog
    assert dialog is not None and dialog.labelText() == "Importing new.csv…"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(made.finished, timeout=10_000) as ended:
        cancel.click()
        release.set()
    assert ended.args == [CANCELLED]
    assert dialogs.shown == []  # cancelling is no error
    assert snapshot(made.data()) == before
    assert made.progress_dialog is None and made.import_action.isEnabled()


def test_a_bad_file_says_why_and_changes_nothing(qtbot, feature, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made, dialogs, _host = feature
    import_epoch(made.data(), write_csv(tmp_path / "old.csv", many_rows(3)))
    before = snapshot(made.data())
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with qtbot.assertNotEmitted(made.changed), qtbot.waitSignal(made.finished, timeout=10_000):
        made.import_from(str(bad))
    ((kind, text, _),) = dialogs.shown
    assert kind == "error"
    assert text.startswith(f"Nothing was imported from {bad}: Cannot import photo.csv: it holds")
    assert snapshot(made.data()) == before


def test_remove_asks_first_and_removes_everything(qtbot, feature, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made, dialogs, _host = feature
    import_epoch(made.data(), write_csv(tmp_path / "m.csv", many_rows(7)))
    dialogs.answer = False
    made.remove_action.trigger()
    assert made.data().count() == 7 and not made.is_busy()
    dialogs.answer = True
    with qtbot.waitSignal(made.changed, timeout=10_000):
        with qtbot.waitSignal(made.finished, timeout=10_000) as ended:
            made.remove_action.trigger()
    assert ended.args == ["Removed 7 imported models."]
    assert "bookmarks, notes and history are kept" in dialogs.shown[0][1]
    assert made.data().models() == [] and made.data().info() is None


def test_the_store_is_opened_on_first_use_in_the_data_folder(feature, user_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    made, _dialogs, _host = feature
    path = user_data_dir / "model-data.sqlite3"
    assert not path.exists()
    assert made.data().store.path == path and path.is_file()


def test_the_main_window_has_the_actions_in_its_file_menu(main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    actions = main_window.file_menu().actions()
    feature = main_window.model_data
    assert actions.index(feature.import_action) < actions.index(main_window.quit_action())
    assert actions.index(feature.remove_action) < actions.index(main_window.quit_action())


def test_opened_store_reads_what_another_process_imported(
    feature, tmp_path: Path, user_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    made, _dialogs, _host = feature
    store = open_model_store()
    try:
        import_epoch(ModelData(store), write_csv(tmp_path / "m.csv", many_rows(4)))
    finally:
        store.close()
    assert made.data().count() == 4
