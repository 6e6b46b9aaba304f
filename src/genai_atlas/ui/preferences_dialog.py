"""The Preferences dialog: a thin form over ``Preferences``; every change applies at once.

There is no OK or Apply: as in Zeal and GoldenDict (and GNOME's own settings), a change shows at
once and is kept, and Close closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..printing.pages import MARGINS_MM, locale_page_size_name, page_size_id
from .appearance import ThemeChoice
from .detail_pane import ZOOM_MAX, ZOOM_MIN
from .preferences_feature import PAPERS

if TYPE_CHECKING:
    from .preferences_feature import Preferences

MARGIN_SIDES = ("Left", "Top", "Right", "Bottom")
MARGIN_LIMIT_MM = 100.0  # what Settings.margins_mm accepts


class TextSizeBox(QSpinBox):
    """Zoom steps shown as "Normal", "+2 pt", "−1 pt"; changed with the arrows or Up/Down (the
    text is not typed over: a spin box's own validator takes only plain numbers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lineEdit().setReadOnly(True)

    def textFromValue(self, value: int) -> str:
        if value == 0:
            return "Normal"
        return f"{'+' if value > 0 else '−'}{abs(value)} pt"

    def valueFromText(self, text: str) -> int:
        digits = "".join(c for c in text if c.isdigit())
        if not digits:
            return 0
        return -int(digits) if text.strip().startswith(("−", "-")) else int(digits)


def paper_label(name: str) -> str:
    return QPageSize(page_size_id(name)).name()


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self._preferences = preferences

        self.theme_box = QComboBox()
        self.theme_box.setObjectName("themeBox")
        for choice in ThemeChoice:
            self.theme_box.addItem(choice.label, choice.value)
        self.theme_box.setCurrentIndex(self.theme_box.findData(preferences.theme.value))
        self.theme_box.currentIndexChanged.connect(self._on_theme)

        self.text_size_box = TextSizeBox()
        self.text_size_box.setObjectName("textSizeBox")
        self.text_size_box.setRange(ZOOM_MIN, ZOOM_MAX)
        self.text_size_box.setValue(preferences.zoom_steps)
        self.text_size_box.setToolTip("The size of the text in the detail pane (Ctrl+= / Ctrl+-)")
        self.text_size_box.valueChanged.connect(preferences.set_zoom_steps)

        appearance = QGroupBox("Appearance")
        form = QFormLayout(appearance)
        form.addRow("&Theme:", self.theme_box)
        form.addRow("Te&xt size:", self.text_size_box)

        self.paper_box = QComboBox()
        self.paper_box.setObjectName("paperBox")
        self.paper_box.addItem(f"Your region's ({paper_label(locale_page_size_name())})", "")
        papers = list(PAPERS)
        if preferences.paper and preferences.paper not in papers:
            papers.append(preferences.paper)  # a paper picked in a print dialog
        for name in papers:
            self.paper_box.addItem(paper_label(name), name)
        self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(preferences.paper)))
        self.paper_box.currentIndexChanged.connect(self._on_page_setup)

        margins = preferences.margins_mm or (
            MARGINS_MM.left(),
            MARGINS_MM.top(),
            MARGINS_MM.right(),
            MARGINS_MM.bottom(),
        )
        self.margin_boxes: list[QDoubleSpinBox] = []
        margins_row = QHBoxLayout()
        for side, value in zip(MARGIN_SIDES, margins, strict=True):
            box = QDoubleSpinBox()
            box.setObjectName(f"margin{side}Box")
            box.setRange(0, MARGIN_LIMIT_MM)
            box.setDecimals(1)
            box.setSuffix(" mm")
            box.setValue(value)
            box.setAccessibleName(f"{side} margin")
            box.valueChanged.connect(self._on_page_setup)
            label = QLabel(f"{side}:")
            label.setBuddy(box)
            margins_row.addWidget(label)
            margins_row.addWidget(box)
            self.margin_boxes.append(box)

        printing = QGroupBox("Printing and PDF")
        form = QFormLayout(printing)
        form.addRow("&Paper:", self.paper_box)
        form.addRow("Margins:", margins_row)

        self.recent_label = QLabel()
        self.recent_label.setObjectName("recentSearchesLabel")
        self.clear_recent_button = QPushButton("&Clear Recent Searches")
        self.clear_recent_button.setObjectName("clearRecentSearchesButton")
        self.clear_recent_button.clicked.connect(preferences.clear_recent_searches)
        preferences.recent_searches_cleared.connect(self._show_recent)
        search = QGroupBox("Search")
        row = QHBoxLayout(search)
        row.addWidget(self.recent_label, 1)
        row.addWidget(self.clear_recent_button)
        self._show_recent()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for group in (appearance, printing, search):
            layout.addWidget(group)
        layout.addStretch(1)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)

    @Slot()
    def _on_theme(self) -> None:
        self._preferences.set_theme(ThemeChoice.parse(str(self.theme_box.currentData())))

    @Slot()
    def _on_page_setup(self) -> None:
        left, top, right, bottom = (box.value() for box in self.margin_boxes)
        paper = str(self.paper_box.currentData() or "")
        self._preferences.set_page_setup(paper, (left, top, right, bottom))

    @Slot()
    def _show_recent(self) -> None:
        count = len(self._preferences.recent_searches())
        self.recent_label.setText(
            f"{count} recent search{'es' if count != 1 else ''} kept" if count else "None kept"
        )
        self.clear_recent_button.setEnabled(bool(count))
