"""The Charts window: a chooser of the charts, the chart, and its export and print buttons.

One window per main window, created when a chart is first asked for. It shows the filter it was
given (the Models tab's), opens a model in the main window when its point is clicked, and
writes files through the project's atomic writer. Dialogs come from ``SheetDialogs`` (tests pass
a stand-in with the same methods).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data.chart_data import ChartDataset, ChartKind
from ...data.model_filter import ModelFilter
from ..print_actions import SheetDialogs
from .chart_widget import ChartWidget

WINDOW_TITLE = "Charts — GenAI Atlas"


def suggested_name(kind: ChartKind, suffix: str) -> str:
    """'training-compute-over-time.png'."""
    return f"{re.sub(r'[^a-z0-9]+', '-', kind.title.lower()).strip('-')}.{suffix}"


class ChartsWindow(QWidget):
    entry_activated = Signal(str)  # a point was clicked: the main window opens that model
    exported = Signal(str)  # a file was written (its path)

    def __init__(
        self,
        dataset: ChartDataset,
        dialogs: SheetDialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("chartsWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.dialogs = dialogs if dialogs is not None else SheetDialogs()
        self._chart = ChartWidget(dataset, self)
        self._chart.entry_activated.connect(self.entry_activated)

        self._chooser = QComboBox(self)
        self._chooser.setObjectName("chartChooser")
        for kind in ChartKind:
            self._chooser.addItem(kind.title, kind)
        self._chooser.currentIndexChanged.connect(self._on_chosen)
        self._filter_label = QLabel(self)
        self._filter_label.setObjectName("chartFilter")
        self._clear_filter = QPushButton("Show All Models", self)
        self._clear_filter.setObjectName("chartClearFilter")
        self._clear_filter.clicked.connect(lambda: self.set_filter(ModelFilter()))

        top = QHBoxLayout()
        chart_label = QLabel("&Chart:", self)
        chart_label.setBuddy(self._chooser)
        top.addWidget(chart_label)
        top.addWidget(self._chooser)
        top.addSpacing(12)
        top.addWidget(self._filter_label)
        top.addWidget(self._clear_filter)
        top.addStretch(1)
        self._buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("png", "PNG…", self.export_png),
            ("svg", "SVG…", self.export_svg),
            ("pdf", "PDF…", self.export_pdf),
            ("print", "Print…", self.print_chart),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"chartExport_{key}")
            button.setToolTip(
                "Print the chart" if key == "print" else f"Save the chart as {key.upper()}"
            )
            button.clicked.connect(slot)
            top.addWidget(button)
            self._buttons[key] = button
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_chart)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._chart, 1)
        self.resize(1000, 680)
        self._update_controls()

    # --- what is shown ---------------------------------------------------------------------------

    def chart(self) -> ChartWidget:
        return self._chart

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]

    def show_chart(self, kind: ChartKind) -> None:
        self._chooser.setCurrentIndex(list(ChartKind).index(kind))

    def set_filter(self, model_filter: ModelFilter) -> None:
        self._chart.set_filter(model_filter)
        self._update_controls()

    def set_dataset(self, dataset: ChartDataset) -> None:
        self._chart.set_dataset(dataset)
        self._update_controls()

    def set_marked(self, entry_id: str) -> None:
        self._chart.set_marked(entry_id)

    def _update_controls(self) -> None:
        model_filter = self._chart.model_filter()
        self._filter_label.setText(
            f"Filter: {model_filter.describe()}" if not model_filter.is_empty else "All models"
        )
        self._clear_filter.setVisible(not model_filter.is_empty)
        has_data = not self._chart.dataset().is_empty
        for button in self._buttons.values():
            button.setEnabled(has_data)

    @Slot(int)
    def _on_chosen(self, index: int) -> None:
        kind = self._chooser.itemData(index)
        if isinstance(kind, ChartKind):
            self._chart.set_kind(kind)

    # --- files and printing ----------------------------------------------------------------------

    def _save(self, suffix: str, filters: str, render: Callable[[], bytes]) -> bool:
        title = f"Export {suffix.upper()}"
        path = self.dialogs.save_path(
            self, title, suggested_name(self._chart.kind(), suffix), filters
        )
        if not path:
            return False
        from ...export.files import atomic_write  # export code loads on first use

        try:
            atomic_write(path, render())
        except OSError as error:  # ExportError too: it names the file and the reason
            self.dialogs.error(self, title, str(error))
            return False
        self.exported.emit(path)
        return True

    @Slot()
    def export_png(self) -> bool:
        return self._save("png", "PNG images (*.png)", self._chart.png_bytes)

    @Slot()
    def export_svg(self) -> bool:
        return self._save("svg", "SVG images (*.svg)", self._chart.svg_bytes)

    @Slot()
    def export_pdf(self) -> bool:
        return self._save("pdf", "PDF files (*.pdf)", self._chart.pdf_bytes)

    @Slot()
    def print_chart(self) -> bool:
        from PySide6.QtPrintSupport import QPrinter  # printing support loads on first use

        from .chart_page import landscape_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(landscape_layout())
        printer.setDocName(self._chart.kind().title)
        if not self.dialogs.print_dialog(printer, self):
            return False
        try:
            self._chart.print_to(printer)
        except OSError as error:
            self.dialogs.error(self, "Print", str(error))
            return False
        return True
