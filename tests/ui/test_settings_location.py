"""Settings never go to the filesystem root, and a folder that can't be written is said once.

Nothing here writes outside the test's temporary folder: the locations are checked as paths, and
the one subprocess only asks Qt where it would store the settings.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from genai_atlas import app
from genai_atlas.settings import (
    THIS_RUN_ONLY_NOTICE,
    Settings,
    SettingsLocation,
    apply_location,
    settings_location,
)


def test_home_unset_takes_the_account_home(tmp_path: Path) -> None:
    location = settings_location({}, lambda: str(tmp_path))
    assert location == SettingsLocation(tmp_path / ".config", home=str(tmp_path))


@pytest.mark.parametrize("home", ["", "/", "//", "relative/home"])
def test_an_unusable_home_is_replaced(tmp_path: Path, home: str) -> None:
    location = settings_location({"HOME": home}, lambda: str(tmp_path))
    assert location.config_folder == tmp_path / ".config"
    assert location.home == str(tmp_path)


def test_a_usable_home_is_kept(tmp_path: Path) -> None:
    location = settings_location({"HOME": str(tmp_path)}, lambda: "/somewhere/else")
    assert location == SettingsLocation(tmp_path / ".config")


def test_no_home_anywhere_keeps_settings_for_this_run(tmp_path: Path) -> None:
    for account in (None, "/", str(tmp_path / "nonexistent")):
        location = settings_location({}, lambda account=account: account)
        assert location.config_folder is None
        assert location.home is None


def test_xdg_config_home_wins_when_absolute(tmp_path: Path) -> None:
    location = settings_location({"XDG_CONFIG_HOME": str(tmp_path)}, lambda: None)
    assert location.config_folder == tmp_path


@pytest.mark.parametrize("xdg", ["relative/config", "/"])
def test_an_unusable_xdg_config_home_is_dropped(tmp_path: Path, xdg: str) -> None:
    environ = {"XDG_CONFIG_HOME": xdg, "HOME": str(tmp_path)}
    location = settings_location(environ, lambda: None)
    assert location.config_folder == tmp_path / ".config"
    apply_location(location, environ)
    assert environ == {"HOME": str(tmp_path)}


def test_qt_stores_settings_in_the_account_home_when_home_is_unset() -> None:
    # Only asks QSettings for its file name; nothing is written.
    script = textwrap.dedent(
        """
        import os
        from genai_atlas.settings import apply_location, settings_location
        location = settings_location(os.environ)
        apply_location(location, os.environ)
        from genai_atlas.app import application
        from PySide6.QtCore import QSettings
        application()
        print(QSettings().fileName())
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CONFIG_HOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    path = done.stdout.strip()
    assert not path.startswith("/.config"), path
    assert path == f"{pwd.getpwuid(os.getuid()).pw_dir}/.config/GenAI Atlas/GenAI Atlas.conf"


def test_settings_for_this_run_only_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.for_this_run_only()
    settings.zoom_steps = 3
    settings.last_entry = "model/gpt-4"
    settings.sync()
    assert settings.zoom_steps == 3 and settings.last_entry == "model/gpt-4"
    assert settings.storage_notice("1.0") == THIS_RUN_ONLY_NOTICE
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_config_folder_is_noticed(tmp_path: Path) -> None:
    # A file where the folder should be: refused even to root, unlike a read-only folder.
    blocker = tmp_path / "config"
    blocker.write_text("a file, not a folder")
    store = QSettings(str(blocker / "GenAI Atlas" / "GenAI Atlas.conf"), QSettings.Format.IniFormat)
    notice = Settings(store).storage_notice("1.0")
    assert notice == (
        f"Settings cannot be saved: the folder {blocker}/GenAI Atlas cannot be written. "
        "Changes are kept only until GenAI Atlas quits."
    )


def test_a_writable_config_folder_says_nothing(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert Settings(store).storage_notice("1.0") == ""
    assert (tmp_path / "settings.ini").is_file()


# --- the notice in the running app -------------------------------------------------------------


@pytest.fixture
def status_at_start(qtbot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Runs run_app up to its event loop and returns the status bar's message then."""
    from genai_atlas.ui.main_window import MainWindow

    seen: list[str] = []

    def fake_exec() -> int:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        window = windows[0]
        qtbot.addWidget(window)
        seen.append(window.statusBar().currentMessage())
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def run(config_folder: Path | None = None) -> str:
        # QSettings reads the config folder from the environment once per process, so a test
        # points it at its own folder explicitly.
        if config_folder is not None:
            QSettings.setDefaultFormat(QSettings.Format.IniFormat)
            QSettings.setPath(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_folder)
            )
        try:
            assert app.run_app() == 0
        finally:
            QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
        return seen[-1]

    return run


def test_run_app_tells_once_that_settings_cannot_be_saved(
    status_at_start, atlas_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    message = status_at_start(blocker)
    assert message.startswith(f"Settings cannot be saved: the folder {blocker}/GenAI Atlas")


def test_run_app_without_any_home_keeps_settings_for_this_run(
    status_at_start,
    atlas_db_path: Path,
    tmp_path: Path,
    user_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr("genai_atlas.settings.account_home", lambda: None)
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.iterdir())
    assert status_at_start() == THIS_RUN_ONLY_NOTICE
    # Only the library's data folder (GENAI_ATLAS_DATA_DIR, the test's own) may have appeared.
    assert set(tmp_path.iterdir()) - {user_data_dir} == before
    assert not Path("/.config/GenAI Atlas").exists()


def test_run_app_with_a_writable_folder_says_nothing(
    status_at_start, atlas_db_path: Path, tmp_path: Path
) -> None:
    assert status_at_start(tmp_path / "config") == ""
    assert (tmp_path / "config" / "GenAI Atlas" / "GenAI Atlas.ini").is_file()


def test_run_app_says_where_a_damaged_library_went(
    status_at_start, atlas_db_path: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    user_data_dir.mkdir()
    damaged = user_data_dir / "library.sqlite3"
    damaged.write_bytes(b"not a library " * 300)
    message = status_at_start(tmp_path / "config")
    (aside,) = user_data_dir.glob("library.sqlite3.damaged-*")
    assert aside.read_bytes() == b"not a library " * 300  # moved, never overwritten
    assert f"Your library {damaged} is damaged" in message
    assert f"moved to {aside}" in message
    assert damaged.is_file()  # a new, empty library in its place
