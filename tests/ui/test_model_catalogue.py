"""The Models tab as a catalogue: the filter bar, the count, sorting by value, the columns."""

from __future__ import annotations

from PySide6.QtCore import Qt

from genai_atlas.data.model_facts import model_facts
from genai_atlas.data.model_filter import ModelFilter
from genai_atlas.ui.model_filter_bar import TYPING_PAUSE_MS
from genai_atlas.ui.models.model_table_model import (
    COL_COMPUTE,
    COL_PARAMETERS,
    ModelTableModel,
    column_of,
)
from genai_atlas.ui.tabs.models import ModelsTab
from tests.dataset_fixtures import sample_dataset


def _models_tab(qtbot, window) -> ModelsTab:  # type: ignore[no-untyped-def]
    window.show_tab([tab.key for tab in window.tabs()].index("models"))
    tab = window.current_tab()
    assert isinstance(tab, ModelsTab)
    return tab


def _names(tab: ModelsTab) -> list[str]:
    model = tab.table_model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_filter_bar_narrows_the_table_and_counts(qtbot, library, main_window) -> None:  # type: ignore[no-untyped-def]
    library.atlas.set_dataset(sample_dataset())
    tab = _models_tab(qtbot, main_window)
    tab.reload_entries()
    bar = tab.filter_bar()
    assert bar.count_label() == "22 models"  # 19 curated + 3 only the dataset lists
    text = bar.findChild(type(bar._text), "modelFilterText")
    qtbot.keyClicks(text, "inkwell")
    qtbot.waitUntil(lambda: bar.count_label() == "2 of 22 models", timeout=TYPING_PAUSE_MS * 20)
    assert _names(tab) == ["Quillwork 7B", "Lumen-V"]
    # combined with a domain: Lumen-V is the one in Vision
    domain = bar._domain
    domain.setCurrentIndex(domain.findData("Vision"))
    assert _names(tab) == ["Lumen-V"] and bar.count_label() == "1 of 22 models"
    bar.clear()
    assert bar.count_label() == "22 models"
    # a year range leaves out models without a date
    bar._year_from.setValue(2021)
    bar._year_to.setValue(2023)
    assert set(_names(tab)) >= {"Lumen-V", "GPT-4"} and "Old-Net" not in _names(tab)
    assert "Quillwork 7B" not in _names(tab)


def test_numbers_sort_by_value_and_read_readably(qtbot, library, main_window) -> None:  # type: ignore[no-untyped-def]
    library.atlas.set_dataset(sample_dataset())
    tab = _models_tab(qtbot, main_window)
    tab.reload_entries()
    view = tab.view()
    view.sortByColumn(COL_PARAMETERS, Qt.SortOrder.DescendingOrder)
    model = tab.table_model()
    shown = [model.index(row, COL_PARAMETERS).data() for row in range(3)]
    assert shown == ["7.2 B", "340 M", ""]
    view.sortByColumn(COL_COMPUTE, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "GPT-4"
    assert model.index(0, COL_COMPUTE).data() == "2.1 × 10²⁵"


def test_the_dataset_columns_show_once_a_dataset_is_there(qtbot, library, main_window) -> None:  # type: ignore[no-untyped-def]
    tab = _models_tab(qtbot, main_window)
    assert not tab.column_shown(column_of("parameters"))
    library.atlas.set_dataset(sample_dataset())
    tab.reload_entries()
    for key in ("countries", "publication_date", "domains", "parameters", "source_label"):
        assert tab.column_shown(column_of(key)), key
    assert not tab.column_shown(column_of("modality_summary"))


def test_the_column_chooser_is_remembered(qtbot, library, settings, main_window) -> None:  # type: ignore[no-untyped-def]
    from genai_atlas.ui.main_window import MainWindow

    tab = _models_tab(qtbot, main_window)
    actions = tab.filter_bar().column_actions()
    type_column = column_of("model_type_label")
    assert actions[type_column].isChecked()
    actions[type_column].trigger()  # the reader hides Type
    assert not tab.column_shown(type_column)
    actions[column_of("parameters")].trigger()  # and shows Parameters
    main_window.close()
    again = MainWindow(library, settings)
    qtbot.addWidget(again)
    tab = _models_tab(qtbot, again)
    assert not tab.column_shown(type_column)
    assert tab.column_shown(column_of("parameters"))
    again.close()


def test_opening_a_filtered_out_model_shows_every_model(qtbot, library, main_window) -> None:  # type: ignore[no-untyped-def]
    library.atlas.set_dataset(sample_dataset())
    tab = _models_tab(qtbot, main_window)
    tab.reload_entries()
    tab.set_model_filter(ModelFilter(text="lumen"))
    assert _names(tab) == ["Lumen-V"]
    assert main_window.navigate_to("model/old-net")
    assert main_window.current_entry_id() == "model/old-net"
    assert tab.filter_bar().count_label() == "22 models"


def test_the_table_model_passes_qt_s_checks(qtmodeltester, atlas) -> None:  # type: ignore[no-untyped-def]
    atlas.set_dataset(sample_dataset())
    table = ModelTableModel(atlas.models())
    qtmodeltester.check(table)
    table.set_filter(ModelFilter(domain="Language"))
    qtmodeltester.check(table)


def test_comparing_a_curated_and_an_imported_model_says_whose_figures(
    qtbot, library, main_window
) -> None:  # type: ignore[no-untyped-def]
    library.atlas.set_dataset(sample_dataset())
    features = main_window.sheet_features
    features.basket.add("model/gpt-4")
    features.basket.add("model/quillwork-7b")
    view = features.compare_basket()
    assert view is not None
    qtbot.addWidget(view)
    assert view.notices_text().startswith('Data: Epoch AI, "Data on Notable AI Models"')
    rows = {row.aspect: row.cells for row in view.table().rows}
    assert rows["Source"] == ("GenAI Atlas + Epoch AI", "Epoch AI")
    assert rows["Training compute (FLOP)"] == ("2.1 × 10²⁵", "3.1 × 10²³")
    view.close()


def test_typing_and_deleting_shows_exactly_what_the_filter_accepts(atlas) -> None:  # type: ignore[no-untyped-def]
    """The table narrows the rows on show while the text only grows; whatever the path, its rows
    are the models the shared filter accepts, in reading order."""
    atlas.set_dataset(sample_dataset())
    models = atlas.models()
    table = ModelTableModel(models)
    typed = ["i", "in", "ink", "inkw", "ink", "i", "", "l", "la", "lab", "labs x", "labs"]
    for text in typed:
        wanted = ModelFilter(text=text)
        table.set_filter(wanted)
        shown = [table.index(row, 0).data() for row in range(table.rowCount())]
        expected = [m.title for m in models if wanted.matches(model_facts(m))]
        assert shown == expected, text
    table.set_filter(ModelFilter(text="labs", domain="Vision"))
    assert [table.index(row, 0).data() for row in range(table.rowCount())] == ["Lumen-V"]
