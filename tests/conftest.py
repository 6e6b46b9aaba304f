"""Shared fixtures: one real database built by the real build code per session, a copy per test."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tests.library_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "database" / "content"
SHARED = ROOT.parent / "shared"
EPOCH_CSV = SHARED / "data" / "epoch-ai" / "notable-ai-models.csv"
SEED_ARTICLE = SHARED / "seed" / "000_2790fb489a344226.txt"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def load_build_module():
    """database/build.py as a module (it is a script, not part of the installed package)."""
    spec = importlib.util.spec_from_file_location("atlas_build", ROOT / "database" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["atlas_build"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_module():
    return load_build_module()


@pytest.fixture(scope="session")
def built_database(tmp_path_factory: pytest.TempPathFactory, build_module) -> Path:
    """The real content built once per session with the real build code."""
    path = tmp_path_factory.mktemp("built") / "atlas.db"
    build_module.build_database(CONTENT, path)
    return path


@pytest.fixture
def atlas_db_path(built_database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the built database for one test, also set as $GENAI_ATLAS_DB."""
    path = tmp_path / "atlas.db"
    shutil.copyfile(built_database, path)
    monkeypatch.setenv("GENAI_ATLAS_DB", str(path))
    return path


@pytest.fixture
def atlas(atlas_db_path: Path) -> Iterator[object]:
    from genai_atlas.data import open_atlas

    with open_atlas(atlas_db_path) as opened:
        yield opened


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of database/content, for tests that break the sources on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings and app data of every test out of the real user's home."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
