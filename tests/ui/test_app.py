"""Starting the app: database problems become a message naming the file; bugs get a report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from genai_atlas import APP_ID, APP_NAME, app


@pytest.fixture
def critical_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake_critical(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    return shown


@pytest.fixture(autouse=True)
def _keep_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


def test_missing_database_is_reported_and_exits_1(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, critical_messages: list[str]
) -> None:
    missing = tmp_path / "nowhere" / "atlas.db"
    monkeypatch.setenv("GENAI_ATLAS_DB", str(missing))
    assert app.run_app() == 1
    assert len(critical_messages) == 1
    assert str(missing) in critical_messages[0]
    assert "make db" in critical_messages[0] or "Reinstall" in critical_messages[0]


def test_corrupt_database_is_reported_and_exits_1(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, critical_messages: list[str]
) -> None:
    corrupt = tmp_path / "atlas.db"
    corrupt.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("GENAI_ATLAS_DB", str(corrupt))
    assert app.run_app() == 1
    assert str(corrupt) in critical_messages[0]
    assert "corrupt" in critical_messages[0]


def test_run_app_opens_the_window_with_names_set(
    qtbot, atlas_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Settings go to an INI file in tmp_path, never the real user config.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen: dict[str, object] = {}

    def fake_exec() -> int:
        from genai_atlas.ui.main_window import MainWindow

        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        assert len(windows) == 1
        window = windows[0]
        qtbot.addWidget(window)
        seen["title"] = window.windowTitle()
        seen["search"] = window.pending_search()
        seen["text"] = window.detail_pane().toPlainText()
        seen["hook"] = sys.excepthook
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    try:
        assert app.run_app(search_text="diffusion") == 0
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    assert QApplication.applicationName() == APP_NAME
    assert QApplication.desktopFileName() == APP_ID
    assert QApplication.organizationName()
    assert seen["search"] == "diffusion"
    assert APP_NAME in str(seen["title"])
    assert str(seen["text"]).strip()
    assert seen["hook"] is not sys.__excepthook__


def test_a_bug_shows_a_crash_report_with_the_traceback(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from genai_atlas import __version__
    from genai_atlas.ui.crash_dialog import CrashDialog
    from genai_atlas.ui.crash_hook import make_excepthook

    reports: list[str] = []

    def fake_exec(dialog: CrashDialog) -> int:
        dialog.copy_report()
        reports.append(dialog.report())
        dialog.deleteLater()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    hook = make_excepthook()
    try:
        raise ZeroDivisionError("a bug in a slot")
    except ZeroDivisionError:
        hook(*sys.exc_info())
    assert len(reports) == 1
    report = reports[0]
    assert __version__ in report and "Python" in report and "Qt" in report
    assert "ZeroDivisionError: a bug in a slot" in report
    assert "test_a_bug_shows_a_crash_report" in report  # the traceback, not just the message
    assert QApplication.clipboard().text() == report
