"""Known faults of the environment get a plain message; a database gone mid-run is told once.

The dialogs sit behind ``UserMessages``; these tests pass a fake that records what a user would
have read, or build the real boxes and press their buttons without running them modally.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from genai_atlas.data import AtlasError, KnownError, echo
from genai_atlas.ui.crash_dialog import CrashDialog
from genai_atlas.ui.crash_hook import DATABASE_STATUS, make_excepthook
from genai_atlas.ui.detail_pane import DetailPane
from genai_atlas.ui.known_error_dialog import (
    database_box,
    known_fault_text,
    no_browser_box,
)


class FakeMessages:
    """Records every message instead of showing it; answers the database one with ``quit``."""

    def __init__(self, quit: bool = False) -> None:
        self.quit = quit
        self.known: list[str] = []
        self.database: list[str] = []
        self.no_browser_urls: list[str] = []

    def known_error(self, parent, text: str) -> None:  # type: ignore[no-untyped-def]
        self.known.append(text)

    def database_unusable(self, parent, text: str) -> bool:  # type: ignore[no-untyped-def]
        self.database.append(text)
        return self.quit

    def no_browser(self, parent, url: str) -> None:  # type: ignore[no-untyped-def]
        self.no_browser_urls.append(url)


@pytest.fixture
def crash_reports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Crash reports that would have been shown (none is expected for a known fault)."""
    shown: list[str] = []

    def fake_exec(dialog: CrashDialog) -> int:
        shown.append(dialog.report())
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return shown


def raise_into(hook, error: BaseException) -> None:  # type: ignore[no-untyped-def]
    try:
        raise error
    except BaseException:
        hook(*sys.exc_info())


# --- the hook sorts faults from bugs --------------------------------------------------------------


def test_database_fault_is_told_once_then_in_the_status_bar(
    qtbot, crash_reports: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    messages = FakeMessages(quit=False)
    quits: list[bool] = []
    hook = make_excepthook(lambda: window, messages, lambda: quits.append(True))
    error = AtlasError("The atlas database /x/atlas.db was emptied while GenAI Atlas was running.")
    for _ in range(5):  # five clicks after the file was emptied
        raise_into(hook, error)
    assert messages.database == [str(error)]
    assert quits == []  # Keep Open
    assert window.statusBar().currentMessage() == DATABASE_STATUS
    assert crash_reports == []
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("genai-atlas: The atlas database /x/atlas.db was emptied") == 5


def test_quit_on_the_database_message_quits(qapp, crash_reports: list[str]) -> None:
    messages = FakeMessages(quit=True)
    quits: list[bool] = []
    hook = make_excepthook(lambda: None, messages, lambda: quits.append(True))
    raise_into(hook, AtlasError("gone"))
    assert quits == [True]


def test_disk_full_is_a_message_not_a_crash_report(
    qapp, crash_reports: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    messages = FakeMessages()
    hook = make_excepthook(lambda: None, messages)
    raise_into(hook, OSError(errno.ENOSPC, "No space left on device", "/media/usb/table.csv"))
    raise_into(hook, OSError(errno.ENOSPC, "No space left on device", "/media/usb/table.csv"))
    assert (
        messages.known
        == [
            "GenAI Atlas could not use /media/usb/table.csv: No space left on device. "
            "Free some disk space and try again."
        ]
        * 2
    )  # every failed export is its own action, so each is told
    assert messages.database == []
    assert crash_reports == []
    assert "Traceback" not in capsys.readouterr().err


def test_any_known_error_shows_its_own_sentence(qapp, crash_reports: list[str]) -> None:
    class ExportRefused(KnownError, OSError):
        pass

    messages = FakeMessages()
    hook = make_excepthook(lambda: None, messages)
    raise_into(hook, ExportRefused("cannot write /tmp/out.pdf: it is a folder; choose a file"))
    assert messages.known == ["cannot write /tmp/out.pdf: it is a folder; choose a file"]
    assert crash_reports == []


def test_a_bug_still_gets_the_crash_report(qapp, crash_reports: list[str]) -> None:
    messages = FakeMessages()
    hook = make_excepthook(lambda: None, messages)
    raise_into(hook, KeyError("a bug"))
    assert len(crash_reports) == 1 and "KeyError: 'a bug'" in crash_reports[0]
    assert messages.known == messages.database == []


def test_permission_denied_text() -> None:
    text = known_fault_text(PermissionError(errno.EACCES, "Permission denied", "/etc/x.md"))
    assert text == (
        "GenAI Atlas could not use /etc/x.md: Permission denied. "
        "Choose a folder you may write to, or change the file's permissions."
    )


def test_hostile_file_name_is_escaped() -> None:
    text = known_fault_text(OSError(errno.EIO, "Input/output error", "a\x1b[2Jb" + "c" * 500))
    assert "\x1b" not in text and "a\\x1b[2Jb" in text and "characters)" in text


# --- the database emptied under the running app -------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_emptied_database_while_running_shows_one_message(
    qtbot,
    main_window,
    atlas_db_path: Path,
    crash_reports: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages = FakeMessages(quit=False)
    monkeypatch.setattr(
        sys, "excepthook", make_excepthook(lambda: main_window, messages, lambda: None)
    )
    tab = main_window.current_tab()
    view = tab.view()
    model = view.model()
    assert model.rowCount() >= 4
    atlas_db_path.write_bytes(b"")  # ': > atlas.db' while the app runs
    for row in (1, 2, 3):  # three clicks on other entries, each reads the database
        view.setCurrentIndex(model.index(row, 0))
    assert len(messages.database) == 1
    assert (
        f"The atlas database {atlas_db_path} was emptied while GenAI Atlas was running"
        in (messages.database[0])
    )
    assert main_window.statusBar().currentMessage() == DATABASE_STATUS
    assert crash_reports == []


# --- links with no browser ----------------------------------------------------------------------


def test_web_link_with_no_browser_shows_the_address(qtbot, monkeypatch) -> None:
    messages = FakeMessages()
    pane = DetailPane(messages=messages)
    qtbot.addWidget(pane)
    asked: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: asked.append(url.toString()) or False
    )
    pane.anchorClicked.emit(QUrl("https://openai.com/index/gpt-4/"))
    assert asked == ["https://openai.com/index/gpt-4/"]
    assert messages.no_browser_urls == ["https://openai.com/index/gpt-4/"]


def test_other_schemes_are_never_opened(qtbot, monkeypatch) -> None:
    messages = FakeMessages()
    pane = DetailPane(messages=messages)
    qtbot.addWidget(pane)
    asked: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url.toString()))
    for url in ("file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "mailto:a@b"):
        pane.anchorClicked.emit(QUrl(url))
    assert asked == [] and messages.no_browser_urls == []


def test_no_browser_box_shows_the_address_and_copies_it_whole(qtbot) -> None:
    url = "https://example.com/" + "a" * 500 + "?q=<b>"
    box = no_browser_box(None, url)
    qtbot.addWidget(box)
    assert echo(url, 300) in box.text()
    assert url not in box.text()  # very long: shortened, with its length
    assert "No web browser could be opened" in box.text()
    copy = next(b for b in box.buttons() if b.text() == "Copy Address")
    QApplication.clipboard().clear()
    copy.click()
    assert QApplication.clipboard().text() == url


def test_no_browser_box_shows_a_usual_address_whole(qtbot) -> None:
    box = no_browser_box(None, "https://openai.com/index/gpt-4/")
    qtbot.addWidget(box)
    assert "https://openai.com/index/gpt-4/" in box.text()


def test_database_box_offers_quit_and_keep_open(qtbot) -> None:
    box, quit_button = database_box(None, "The atlas database /x/atlas.db was emptied …")
    qtbot.addWidget(box)
    assert "/x/atlas.db was emptied" in box.text()
    assert sorted(b.text() for b in box.buttons()) == ["Keep Open", "Quit"]
    assert quit_button.text() == "Quit"
    assert box.escapeButton().text() == "Keep Open"
    assert box.icon() == QMessageBox.Icon.Critical
