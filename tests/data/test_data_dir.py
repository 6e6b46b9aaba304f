"""Where the library lives, without Qt: the environment variable, then the platform's folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from genai_atlas.data.data_dir import DATA_DIR_ENV, data_folder, library_path

APP = Path("GenAI Atlas") / "GenAI Atlas"


def _no_account() -> str | None:
    return None


def test_the_environment_variable_wins(tmp_path: Path) -> None:
    environ = {DATA_DIR_ENV: str(tmp_path / "mine"), "XDG_DATA_HOME": "/elsewhere"}
    assert data_folder(environ, "linux") == tmp_path / "mine"
    assert library_path(environ, "linux") == tmp_path / "mine" / "library.sqlite3"


def test_a_relative_data_dir_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert data_folder({DATA_DIR_ENV: "rel"}, "linux") == tmp_path / "rel"


def test_an_empty_variable_is_unset() -> None:
    environ = {DATA_DIR_ENV: "", "HOME": "/home/ada"}
    assert data_folder(environ, "linux") == Path("/home/ada/.local/share") / APP


def test_linux_follows_xdg() -> None:
    assert (
        data_folder({"XDG_DATA_HOME": "/x/data", "HOME": "/home/ada"}, "linux")
        == Path("/x/data") / APP
    )
    # A relative XDG_DATA_HOME is ignored, as the XDG spec and Qt say.
    assert (
        data_folder({"XDG_DATA_HOME": "data", "HOME": "/home/ada"}, "linux")
        == Path("/home/ada/.local/share") / APP
    )


def test_macos_and_windows() -> None:
    assert (
        data_folder({"HOME": "/Users/ada"}, "darwin")
        == Path("/Users/ada/Library/Application Support") / APP
    )
    assert (
        data_folder({"APPDATA": "C:/Users/ada/AppData/Roaming"}, "win32")
        == Path("C:/Users/ada/AppData/Roaming") / APP
    )
    assert (
        data_folder({"USERPROFILE": "C:/Users/ada"}, "win32")
        == Path("C:/Users/ada/AppData/Roaming") / APP
    )
    assert data_folder({}, "win32") is None


def test_no_home_at_all_is_no_folder(tmp_path: Path) -> None:
    assert data_folder({}, "linux", find_account_home=_no_account) is None
    assert data_folder({"HOME": "/"}, "linux", find_account_home=_no_account) is None


def test_a_missing_home_is_taken_from_the_account(tmp_path: Path) -> None:
    folder = data_folder({}, "linux", find_account_home=lambda: str(tmp_path))
    assert folder == tmp_path / ".local" / "share" / APP


def test_nothing_is_created(tmp_path: Path) -> None:
    data_folder({DATA_DIR_ENV: str(tmp_path / "new")}, "linux")
    assert not (tmp_path / "new").exists()


def test_the_library_modules_load_no_qt() -> None:
    code = (
        "import sys; import genai_atlas.data.library_file, genai_atlas.data.data_dir; "
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
