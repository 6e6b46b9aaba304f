"""The bar above the Models table: text, domain, organisation, accessibility and years, combined.

It only edits a ``ModelFilter`` (data/model_filter.py), the same one the charts and the command line
use, and says how many models it leaves ("312 of 995 models"). The Columns button lists every
column with a check box; the tab remembers the choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..data.model_filter import ACCESSIBILITY_ORDER, ModelFilter, models_shown_text
from .flow_layout import FlowLayout

ANY_DOMAIN = "All domains"
ANY_ORGANISATION = "All organisations"
ANY_ACCESS = "Any access"
# Typing waits this long before filtering: one pass per pause, not one per letter of a word.
TYPING_PAUSE_MS = 120


class ModelFilterBar(QWidget):
    filter_changed = Signal(object)  # ModelFilter
    column_toggled = Signal(int, bool)  # column, shown
    charts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelFilterBar")
        self._updating = False
        self._text = QLineEdit()
        self._text.setObjectName("modelFilterText")
        self._text.setPlaceholderText("Filter models by name or organisation")
        self._text.setClearButtonEnabled(True)
        self._text.setAccessibleName("Filter models")
        self._text.setMinimumWidth(120)
        self._domain = self._combo("modelFilterDomain", "Domain")
        self._organisation = self._combo("modelFilterOrganisation", "Organisation")
        self._organisation.setEditable(True)
        self._organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self._organisation.lineEdit()
        assert line is not None  # the combo is editable
        line.setAccessibleName("Organisation")
        completer = QCompleter(self._organisation.model(), self._organisation)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._organisation.setCompleter(completer)
        self._access = self._combo("modelFilterAccess", "Accessibility")
        self._year_from = self._year("modelFilterYearFrom", "From year")
        self._year_to = self._year("modelFilterYearTo", "To year")
        self._count = QLabel()
        self._count.setObjectName("modelFilterCount")
        self._columns = QToolButton()
        self._columns.setObjectName("modelColumnsButton")
        self._columns.setText("Columns")
        self._columns.setAccessibleName("Choose the table's columns")
        self._columns.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._columns_menu = QMenu(self._columns)
        self._columns.setMenu(self._columns_menu)
        self._charts = QToolButton()
        self._charts.setObjectName("modelChartsButton")
        self._charts.setText("Charts")
        self._charts.setToolTip("Chart the models on show")
        self._charts.clicked.connect(self.charts_requested)
        self._clear = QToolButton()
        self._clear.setObjectName("modelFilterClear")
        self._clear.setText("Clear")
        self._clear.setToolTip("Show every model")
        self._clear.clicked.connect(self.clear)

        first = QHBoxLayout()
        first.addWidget(self._text, 1)
        first.addWidget(self._count)
        # The choices wrap onto more lines when the list is narrow: the bar must never widen
        # the list past what the splitter gives it (the detail pane keeps its minimum).
        years = QWidget()
        years_row = QHBoxLayout(years)
        years_row.setContentsMargins(0, 0, 0, 0)
        years_row.addWidget(self._year_from)
        years_row.addWidget(QLabel("–"))
        years_row.addWidget(self._year_to)
        choices = QWidget()
        flow = FlowLayout(choices)
        for widget in (self._domain, self._organisation, self._access, years):
            flow.addWidget(widget)
        for button in (self._columns, self._charts, self._clear):
            flow.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addWidget(choices)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._emit)
        self._text.textChanged.connect(self._typing.start)
        self._text.returnPressed.connect(self._emit)
        for combo in (self._domain, self._access):
            combo.currentIndexChanged.connect(self._emit)
        self._organisation.currentIndexChanged.connect(self._emit)
        line.editingFinished.connect(self._emit)
        self._year_from.valueChanged.connect(self._emit)
        self._year_to.valueChanged.connect(self._emit)

    def _combo(self, name: str, label: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        combo.view().setAccessibleName(f"{label} choices")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _year(self, name: str, label: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setAccessibleName(label)
        box.setToolTip(label)
        box.setSpecialValueText("any")  # the minimum: no bound
        return box

    # --- what the tab sets --------------------------------------------------------------------

    def set_choices(
        self,
        domains: Iterable[str],
        organisations: Iterable[str],
        accessibilities: Iterable[str],
        years: Sequence[int],
    ) -> None:
        """The values the data has: each list offers only those (after "All …")."""
        self._updating = True
        try:
            wanted = self.model_filter()
            _fill(self._domain, ANY_DOMAIN, sorted(set(domains), key=str.casefold))
            _fill(
                self._organisation, ANY_ORGANISATION, sorted(set(organisations), key=str.casefold)
            )
            order = {name: i for i, name in enumerate(ACCESSIBILITY_ORDER)}
            present = sorted(set(accessibilities) - {""}, key=lambda a: (order.get(a, 99), a))
            _fill(self._access, ANY_ACCESS, present)
            low, high = (min(years), max(years)) if years else (1950, 2030)
            for box in (self._year_from, self._year_to):
                box.setRange(low - 1, high)  # low - 1 is "any"
            self.set_filter(wanted)
        finally:
            self._updating = False

    def set_filter(self, wanted: ModelFilter) -> None:
        """Show ``wanted`` in the widgets (without emitting filter_changed)."""
        updating, self._updating = self._updating, True
        try:
            self._text.setText(wanted.text)
            _select(self._domain, wanted.domain)
            _select(self._organisation, wanted.organisation)
            _select(self._access, wanted.accessibility)
            for box, year in ((self._year_from, wanted.year_from), (self._year_to, wanted.year_to)):
                box.setValue(box.minimum() if year is None else year)
        finally:
            self._updating = updating

    def set_count(self, shown: int, total: int) -> None:
        self._count.setText(models_shown_text(shown, total))

    def count_label(self) -> str:
        return self._count.text()

    def set_columns(self, titles: Sequence[str], shown: Sequence[bool]) -> None:
        """The Columns menu: one check box a column (the first, the name, always shown)."""
        self._columns_menu.clear()
        for column, (title, visible) in enumerate(zip(titles, shown, strict=True)):
            action = QAction(title, self._columns_menu)
            action.setCheckable(True)
            action.setChecked(visible)
            action.setEnabled(column != 0)
            action.toggled.connect(
                lambda checked, c=column: self.column_toggled.emit(c, bool(checked))
            )
            self._columns_menu.addAction(action)

    def column_actions(self) -> list[QAction]:
        return list(self._columns_menu.actions())

    # --- reading it ---------------------------------------------------------------------------

    def model_filter(self) -> ModelFilter:
        low = self._year_from.value()
        high = self._year_to.value()
        organisation = self._organisation.currentText().strip()
        return ModelFilter(
            text=self._text.text(),
            domain=_chosen(self._domain),
            organisation="" if organisation == ANY_ORGANISATION else organisation,
            accessibility=_chosen(self._access),
            year_from=None if low == self._year_from.minimum() else low,
            year_to=None if high == self._year_to.minimum() else high,
        )

    @Slot()
    def clear(self) -> None:
        self.set_filter(ModelFilter())
        self._emit()

    @Slot()
    def _emit(self) -> None:
        if not self._updating:
            self._typing.stop()
            self.filter_changed.emit(self.model_filter())


def _fill(combo: QComboBox, any_label: str, values: Sequence[str]) -> None:
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(any_label, "")
        for value in values:
            combo.addItem(value, value)
    finally:
        combo.blockSignals(False)


def _select(combo: QComboBox, value: str) -> None:
    combo.blockSignals(True)
    try:
        index = combo.findData(value) if value else 0
        if index < 0 and combo.isEditable():
            combo.setEditText(value)
        else:
            combo.setCurrentIndex(max(index, 0))
    finally:
        combo.blockSignals(False)


def _chosen(combo: QComboBox) -> str:
    value = combo.currentData()
    return value if isinstance(value, str) else ""
