"""The compare builder on screen: marked differences, the filter, and its print/export buttons
(with the modal dialogs replaced by a recording fake)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from genai_atlas.data.compare import CompareError, compare_entries
from genai_atlas.ui.compare_view import DIFFERS_MARK, CompareView, open_compare_window
from genai_atlas.ui.print_actions import SheetPrinting
from genai_atlas.ui.sheet_features import CompareBasket

MODELS = ["model/gpt-4", "model/chatgpt", "model/claude"]


class FakeDialogs:
    """Answers the save dialog with a fixed path; records what else was asked."""

    def __init__(self, path: str = "") -> None:
        self.path = path
        self.saved_as: list[str] = []
        self.errors: list[str] = []
        self.printed = 0
        self.previewed_pages: list[int] = []
        self.accept_print = False

    def save_path(self, parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        self.saved_as.append(suggested)
        return self.path

    def print_dialog(self, printer, parent):  # type: ignore[no-untyped-def]
        self.printed += 1
        if self.accept_print:
            from PySide6.QtPrintSupport import QPrinter

            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(self.path)
        return self.accept_print

    def preview(self, printer, parent, paint):  # type: ignore[no-untyped-def]
        # What QPrintPreviewDialog does on paintRequested, without showing the dialog.
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.path)
        self.previewed_pages.append(paint(printer))

    def error(self, parent, title, text):  # type: ignore[no-untyped-def]
        self.errors.append(text)


@pytest.fixture
def make_view(qtbot, atlas):  # type: ignore[no-untyped-def]
    def _make(ids=MODELS, path: str = ""):  # type: ignore[no-untyped-def]
        dialogs = FakeDialogs(path)
        printing = SheetPrinting("test-version", None, dialogs)
        view = CompareView(compare_entries(atlas, ids), printing)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        return view, dialogs

    return _make


def test_rows_that_differ_are_marked_and_the_filter_hides_the_rest(make_view, qtbot):
    view, _ = make_view()
    labels = view.row_labels()
    assert "Organisation" in [label.removeprefix(f"{DIFFERS_MARK} ") for label in labels]
    assert f"{DIFFERS_MARK} Organisation" in labels  # OpenAI, OpenAI, Anthropic
    assert f"{DIFFERS_MARK} Type" not in labels and "Type" in labels  # all three are LLMs
    assert view.cell_text(labels.index("Type"), 0) == "LLM"

    qtbot.mouseClick(view._only_differences, Qt.MouseButton.LeftButton)
    assert view.only_differences()
    shown = view.row_labels()
    assert shown and all(label.startswith(DIFFERS_MARK) for label in shown)
    assert "Type" not in shown

    view.set_only_differences(False)
    assert view.row_labels() == labels


def test_export_csv_and_markdown_write_what_is_shown(make_view, qtbot, tmp_path):
    target = tmp_path / "compare.csv"
    view, dialogs = make_view(path=str(target))
    view.set_only_differences(True)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Field,GPT-4,ChatGPT,Claude")
    assert "Organisation" in text and "\nType," not in text
    assert dialogs.saved_as[0].endswith(".csv")

    dialogs.path = str(tmp_path / "compare.md")
    qtbot.mouseClick(view.markdown_button, Qt.MouseButton.LeftButton)
    assert "| Field | GPT-4 | ChatGPT | Claude |" in (tmp_path / "compare.md").read_text()


def test_copy_as_markdown_fills_the_clipboard(make_view, qtbot):
    view, _ = make_view()
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert "| Field | GPT-4 | ChatGPT | Claude |" in QGuiApplication.clipboard().text()


def test_export_pdf_button_writes_the_sheet(make_view, qtbot, tmp_path):
    target = tmp_path / "compare.pdf"
    view, dialogs = make_view(path=str(target))
    with qtbot.waitSignal(view._printing.exported, timeout=10000):
        qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    reader = pypdf.PdfReader(target)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Anthropic" in text and "page 1 of" in " ".join(text.split())
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)
    assert [name for name in os.listdir(tmp_path) if "compare" in name] == ["compare.pdf"]


def test_cancelled_save_dialog_writes_nothing(make_view, qtbot, tmp_path):
    view, dialogs = make_view(path="")
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors == [] and len(dialogs.saved_as) == 2


def test_an_unwritable_target_shows_one_error(make_view, qtbot, tmp_path):
    view, dialogs = make_view(path=str(tmp_path / "missing" / "x.csv"))
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.errors) == 1 and "does not exist" in dialogs.errors[0]


def test_preview_paints_every_page_through_the_printer(make_view, qtbot, tmp_path):
    target = tmp_path / "preview.pdf"
    view, dialogs = make_view(path=str(target))
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    assert dialogs.previewed_pages == [1]
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "GPT-4" in text and "Claude" in text


def test_print_goes_to_the_printer_only_when_the_dialog_is_accepted(make_view, qtbot, tmp_path):
    target = tmp_path / "printed.pdf"
    view, dialogs = make_view(path=str(target))
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert dialogs.printed == 1 and not target.exists()
    dialogs.accept_print = True
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert "ChatGPT" in pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()


def test_open_compare_window_refuses_mixed_kinds(qtbot, atlas):
    printing = SheetPrinting("v", None, FakeDialogs())
    with pytest.raises(CompareError):
        open_compare_window(atlas, ["model/gpt-4", "term/gan"], printing)
    view = open_compare_window(atlas, ["term/gan", "term/vae"], printing)
    qtbot.addWidget(view)
    assert view.windowTitle().startswith("Compare — ")


def test_basket_keeps_up_to_four_of_one_kind(qtbot):
    basket = CompareBasket()
    with qtbot.waitSignal(basket.changed, timeout=1000):
        basket.add("model/gpt-4")
    assert not basket.ready()
    basket.add("model/claude")
    assert basket.ready()
    assert "Already" in basket.add("model/claude")
    for model in ("model/llama", "model/bert", "model/palm"):
        basket.add(model)
    assert basket.ids() == ["model/claude", "model/llama", "model/bert", "model/palm"]
    basket.add("term/gan")
    assert basket.ids() == ["term/gan"]


def test_suggested_name_is_a_file_name(make_view):
    view, dialogs = make_view()
    view._printing.export_markdown(view.visible_table())
    name = Path(dialogs.saved_as[0]).name
    assert name == "gpt-4-vs-chatgpt-vs-claude.md"
