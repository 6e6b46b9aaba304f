"""Item-data roles are declared once: distinct, past Qt's own roles, and nowhere else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

import genai_atlas
from genai_atlas.data import EntryKind
from genai_atlas.data.search import SearchHit, SearchResults
from genai_atlas.ui import roles
from genai_atlas.ui.models import ENTRY_ID_ROLE as MODELS_ENTRY_ID_ROLE
from genai_atlas.ui.models.model_table_model import SORT_ROLE as TABLE_SORT_ROLE
from genai_atlas.ui.search_model import ENTRY_ID_ROLE as SEARCH_ENTRY_ID_ROLE
from genai_atlas.ui.search_model import SearchResultsModel


def test_every_role_is_distinct_and_beyond_qt_user_role() -> None:
    values = list(roles.ALL_ROLES.values())
    assert len(set(values)) == len(values)
    assert all(value > Qt.ItemDataRole.UserRole for value in values)


def test_the_catalogue_lists_every_role_the_module_defines() -> None:
    defined = {name: getattr(roles, name) for name in dir(roles) if name.endswith("_ROLE")}
    assert defined == roles.ALL_ROLES


def test_the_old_import_paths_give_the_one_value() -> None:
    assert MODELS_ENTRY_ID_ROLE == SEARCH_ENTRY_ID_ROLE == roles.ENTRY_ID_ROLE
    assert TABLE_SORT_ROLE == roles.SORT_ROLE


def test_no_other_module_numbers_a_role_of_its_own() -> None:
    package = Path(genai_atlas.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path != package / "ui" / "roles.py" and "UserRole" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_a_search_row_and_an_entry_list_row_answer_the_same_id_role(qtbot) -> None:  # type: ignore[no-untyped-def]
    hit = SearchHit(id="model/gpt-4", kind=EntryKind.MODEL, title="GPT-4", snippet=(), score=1.0)
    model = SearchResultsModel()
    model.set_results(SearchResults(text="gpt", hits=(hit,)))
    assert model.index(0, 0, QModelIndex()).data(roles.ENTRY_ID_ROLE) == "model/gpt-4"
    assert model.index(0, 0, QModelIndex()).data(roles.KIND_ROLE) == "model"
