"""Printing and the compare builder inside the main window (dialogs replaced by a fake)."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import QItemSelectionModel

from genai_atlas.ui.models import ENTRY_ID_ROLE
from genai_atlas.ui.sheet_features import install_sheet_features

from .test_compare_view import FakeDialogs


@pytest.fixture
def features(main_window, atlas):  # type: ignore[no-untyped-def]
    installed = getattr(main_window, "sheet_features", None)
    features = installed or install_sheet_features(main_window, atlas)
    features.printing.dialogs = FakeDialogs()
    return features


def _tab_showing(window, kind: str):  # type: ignore[no-untyped-def]
    for index, tab in enumerate(window.tabs()):
        if tab.shows(f"{kind}/x"):
            window.show_tab(index)
            tab.ensure_loaded()
            return tab
    raise AssertionError(f"no tab for {kind}")


def test_file_menu_has_print_preview_and_export(main_window, features):
    texts = [a.text() for a in main_window.file_menu().actions()]
    assert "&Print…" in texts and "Print Pre&view…" in texts and "Export &PDF…" in texts
    assert features.print_actions.print_action.shortcut().toString() == "Ctrl+P"
    menus = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert "Compare" in menus


def test_export_pdf_of_the_current_comparison(main_window, features, tmp_path, qtbot):
    assert main_window.navigate_to("comparison/training-process")
    target = tmp_path / "sheet.pdf"
    features.printing.dialogs.path = str(target)
    with qtbot.waitSignal(features.printing.exported, timeout=10000):
        features.print_actions.export_pdf_action.trigger()
    text = " ".join(pypdf.PdfReader(target).pages[0].extract_text().split())
    assert "Training Process" in text and "Pre-training" in text and "page 1 of 1" in text


def test_any_entry_prints_as_a_field_sheet(main_window, features, tmp_path):
    assert main_window.navigate_to("model/gpt-4")
    target = tmp_path / "preview.pdf"
    features.printing.dialogs.path = str(target)
    features.print_actions.preview_action.trigger()
    text = " ".join(pypdf.PdfReader(target).pages[0].extract_text().split())
    assert "Organisation" in text and "OpenAI" in text


def test_compare_selected_models_opens_a_compare_window(main_window, features, qtbot):
    tab = _tab_showing(main_window, "model")
    assert tab.select_entry("model/gpt-4")
    view = tab.view()
    model = view.model()
    wanted = {"model/claude", "model/llama"}
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(model.rowCount()):  # Ctrl-click on two more rows
        index = model.index(row, 0)
        if index.data(ENTRY_ID_ROLE) in wanted:
            view.selectionModel().select(index, flags)
    selected = tab.selected_entry_ids()
    assert sorted(selected) == ["model/claude", "model/gpt-4", "model/llama"]
    compare = features.compare_selected()
    assert compare is not None
    qtbot.addWidget(compare)
    assert list(compare.table().entry_ids) == selected
    assert any(label.endswith("Organisation") for label in compare.row_labels())


def test_compare_needs_two_entries(main_window, features):
    tab = _tab_showing(main_window, "model")
    tab.select_entry("model/gpt-4")
    assert features.compare_selected() is None
    assert "Select 2 to 4" in main_window.statusBar().currentMessage()


def test_add_to_comparison_collects_entries(main_window, features, qtbot):
    for entry_id in ("term/gan", "term/vae"):
        assert main_window.navigate_to(entry_id)
        features.add_action.trigger()
    assert features.basket.ids() == ["term/gan", "term/vae"]
    assert features.compare_basket_action.isEnabled()
    compare = features.compare_basket()
    assert compare is not None
    qtbot.addWidget(compare)
    assert compare.table().columns == (
        "Generative Adversarial Network (GAN)",
        "Variational Autoencoder (VAE)",
    )
