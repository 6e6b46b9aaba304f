"""The CLI (no Qt) and the GUI (Qt) must find the same library: data_folder() is checked against
QStandardPaths.writableLocation(AppDataLocation) with the app's own names set."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from genai_atlas.app import application
from genai_atlas.data.data_dir import DATA_DIR_ENV, data_folder


def _qt_answer() -> Path:
    application()  # sets the organisation and application names, as the app does
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def test_with_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg data"))
    assert data_folder() == _qt_answer() == tmp_path / "xdg data" / "GenAI Atlas" / "GenAI Atlas"


def test_with_only_a_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".local" / "share" / "GenAI Atlas" / "GenAI Atlas"
    assert data_folder() == _qt_answer() == expected
