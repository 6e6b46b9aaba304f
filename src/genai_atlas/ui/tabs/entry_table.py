"""The Models tab's table view: typing a title finds it from any column.

Imported when the Models tab is first shown (QTableView is not needed at startup).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

TITLE_COLUMN = 0


class EntryTable(QTableView):
    """A table of entries, one per row, whose title column is the one type-ahead searches.

    Qt's type-ahead searches the current column: after Ctrl+End (the last row's last column)
    typing "GPT-4" searched the access column and found nothing.
    """

    def keyboardSearch(self, search: str) -> None:
        current = self.currentIndex()
        if current.isValid() and current.column() != TITLE_COLUMN:
            # The same row: the selection and the entry shown stay as they are.
            self.setCurrentIndex(current.siblingAtColumn(TITLE_COLUMN))
        super().keyboardSearch(search)
