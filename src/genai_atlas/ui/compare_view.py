"""The compare builder: 2–4 entries of one kind side by side, with the rows that differ marked.

``CompareView`` shows a ``CompareTable`` (built by the data layer) and hands printing and export
to ``SheetPrinting``. ``sheet_features`` puts printing and comparing into the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..data import Atlas
from ..data.compare import CompareTable, compare_entries
from .flow_layout import FlowLayout
from .print_actions import SheetPrinting
from .window_geometry import first_run_geometry

DIFFERS_MARK = "\u2260"  # ≠ before the field name of a row whose values differ
DIFFERS_TIP = "The values in this row differ"
COMPARE_SIZE = QSize(900, 600)


class CompareView(QWidget):
    """One comparison on screen: title, table, "Only show differences" and the export buttons."""

    def __init__(
        self, table: CompareTable, printing: SheetPrinting, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self._table = table
        self._printing = printing

        self._title = QLabel(self)
        self._title.setObjectName("compareTitle")
        title_font = self._title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._title.setWordWrap(True)
        self._subtitle = QLabel(self)
        self._subtitle.setWordWrap(True)
        # The licence of shown data asks for its attribution wherever it is shown (Epoch AI's).
        self._notices = QLabel(self)
        self._notices.setObjectName("compareNotices")
        self._notices.setWordWrap(True)
        self._notices.setTextFormat(Qt.TextFormat.PlainText)
        self._summary = QLabel(self)

        self._only_differences = QCheckBox("Only show &differences", self)
        self._only_differences.toggled.connect(self._refill)

        self._grid = QTableWidget(self)
        self._grid.setObjectName("compareGrid")
        self._grid.setTabKeyNavigation(False)  # Tab goes on to the buttons
        self._grid.setAccessibleDescription(
            "A row for each field and a column for each entry; rows whose values differ are "
            f"marked {DIFFERS_MARK}"
        )
        self._grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._grid.setWordWrap(True)
        self._grid.setAlternatingRowColors(True)
        self._grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Row heights follow the wrapped text at the columns' current widths. The vertical
        # header's ResizeToContents mode measured once, at the widths before the first show, and
        # left rows far too tall; so the rows are measured again whenever a column resizes.
        self._grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._row_timer = QTimer(self)
        self._row_timer.setSingleShot(True)
        self._row_timer.setInterval(0)
        self._row_timer.timeout.connect(self._grid.resizeRowsToContents)
        self._grid.horizontalHeader().sectionResized.connect(self._row_timer.start)
        self._grid.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

        self.print_button = QPushButton("&Print…", self)
        self.preview_button = QPushButton("Print Pre&view…", self)
        self.pdf_button = QPushButton("Export P&DF…", self)
        self.csv_button = QPushButton("Export &CSV…", self)
        self.markdown_button = QPushButton("Export &Markdown…", self)
        self.copy_button = QPushButton("Copy as Mar&kdown", self)
        self.print_button.clicked.connect(lambda: printing.print_table(self.visible_table()))
        self.preview_button.clicked.connect(lambda: printing.preview_table(self.visible_table()))
        self.pdf_button.clicked.connect(lambda: printing.export_pdf(self.visible_table()))
        self.csv_button.clicked.connect(lambda: printing.export_csv(self.visible_table()))
        self.markdown_button.clicked.connect(lambda: printing.export_markdown(self.visible_table()))
        self.copy_button.clicked.connect(lambda: printing.copy_markdown(self.visible_table()))

        options = QHBoxLayout()
        options.addWidget(self._only_differences)
        options.addStretch(1)
        options.addWidget(self._summary)
        # Each group of buttons wraps onto a second line in a narrow window; in one row the six
        # made the window at least 683 px wide, more than a small screen at a 2x scale.
        buttons = QHBoxLayout()
        buttons.addWidget(_wrapping(self.print_button, self.preview_button, self.pdf_button))
        buttons.addStretch(1)
        buttons.addWidget(_wrapping(self.csv_button, self.markdown_button, self.copy_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addWidget(self._notices)
        layout.addLayout(options)
        layout.addWidget(self._grid, 1)
        layout.addLayout(buttons)
        self.set_table(table)

    # --- public API -------------------------------------------------------------------------

    def table(self) -> CompareTable:
        return self._table

    def set_table(self, table: CompareTable) -> None:
        self._table = table
        self._title.setText(table.title)
        self._subtitle.setText(table.subtitle)
        self._notices.setText("\n".join(table.notices))
        self._notices.setVisible(bool(table.notices))
        self.setWindowTitle(f"Compare — {table.title}")
        self._grid.setAccessibleName(f"Comparison of {table.title}")
        self._refill()

    def notices_text(self) -> str:
        """The attribution lines shown under the subtitle ("" when the data needs none)."""
        return self._notices.text() if self._notices.isVisibleTo(self) else ""

    def only_differences(self) -> bool:
        return self._only_differences.isChecked()

    def set_only_differences(self, only: bool) -> None:
        self._only_differences.setChecked(only)

    def visible_table(self) -> CompareTable:
        """The table as shown: with or without the rows where every value is the same."""
        return self._table.only_differences() if self.only_differences() else self._table

    def row_labels(self) -> list[str]:
        """The field names as shown, with ``≠`` before those whose values differ."""
        grid = self._grid
        return [grid.verticalHeaderItem(row).text() for row in range(grid.rowCount())]

    def cell_text(self, row: int, column: int) -> str:
        item = self._grid.item(row, column)
        return item.text() if item is not None else ""

    # --- internals ---------------------------------------------------------------------------

    @Slot()
    def _refill(self) -> None:
        table = self.visible_table()
        grid = self._grid
        grid.clear()
        grid.setColumnCount(len(table.columns))
        grid.setRowCount(len(table.rows))
        grid.setHorizontalHeaderLabels(list(table.columns))
        # Differences stand out by their mark and bold field name; rows where every item has
        # the same value are dimmed, so the eye goes to what differs (as diff tools do).
        same_colour = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for row_index, row in enumerate(table.rows):
            header = QTableWidgetItem(f"{DIFFERS_MARK} {row.aspect}" if row.differs else row.aspect)
            header.setTextAlignment(top_left)
            if row.differs:
                header.setToolTip(DIFFERS_TIP)
                font = QFont(header.font())
                font.setBold(True)
                header.setFont(font)
            grid.setVerticalHeaderItem(row_index, header)
            for column, text in enumerate(row.cells):
                item = QTableWidgetItem(text.strip() or "—")
                item.setTextAlignment(top_left)
                if row.differs:
                    item.setToolTip(DIFFERS_TIP)
                else:
                    item.setForeground(same_colour)
                grid.setItem(row_index, column, item)
        grid.resizeRowsToContents()
        differing = len(self._table.differing_rows)
        self._summary.setText(
            f"{differing} of {len(self._table.rows)} rows differ (marked {DIFFERS_MARK})"
        )


def _wrapping(*buttons: QPushButton) -> QWidget:
    box = QWidget()
    row = FlowLayout(box)
    for button in buttons:
        row.addWidget(button)
    return box


def open_compare_window(
    atlas: Atlas, entry_ids: list[str], printing: SheetPrinting, parent: QWidget | None = None
) -> CompareView:
    """A top-level compare window for ``entry_ids``; CompareError/UnknownEntryError if unfit."""
    view = CompareView(compare_entries(atlas, entry_ids), printing, parent)
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:  # 900x600, or 80% of a smaller screen
        view.resize(first_run_geometry(screen.availableGeometry(), COMPARE_SIZE).size())
    else:
        view.resize(COMPARE_SIZE)
    return view
