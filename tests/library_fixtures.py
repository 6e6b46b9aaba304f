"""Fixtures for the reader's library, wired into tests/conftest.py with ``pytest_plugins``.

* every test gets its own ``GENAI_ATLAS_DATA_DIR`` in tmp_path, so no test (nor a CLI or app it
  starts) ever touches a real user's library;
* ``user_store``: the library file in that folder, opened and closed around the test;
* ``library``: a ``Library`` over the test's own copy of the atlas (the ``atlas`` fixture) and
  ``user_store``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from genai_atlas.data.data_dir import DATA_DIR_ENV, LIBRARY_FILE_NAME
from genai_atlas.data.library import Library
from genai_atlas.data.userdb import UserStore
from genai_atlas.data.userdb_open import open_user_store


@pytest.fixture
def user_data_dir(tmp_path: Path) -> Path:
    """The test's data folder (it need not exist yet: the store makes it)."""
    return tmp_path / "user-data"


@pytest.fixture(autouse=True)
def _isolated_user_data(user_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(user_data_dir))


@pytest.fixture
def user_store(user_data_dir: Path) -> Iterator[UserStore]:
    """The library file in the test's data folder: the one a CLI run by the test would open."""
    store = open_user_store(user_data_dir / LIBRARY_FILE_NAME)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def library(atlas: object, user_store: UserStore) -> Iterator[Library]:
    from genai_atlas.data.atlas import Atlas

    assert isinstance(atlas, Atlas)
    # The atlas fixture closes the atlas; the user_store fixture closes the store.
    yield Library(atlas, user_store)
