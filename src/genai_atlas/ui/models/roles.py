"""Item-data roles shared by every model of the atlas (values outside Qt's own roles)."""

from PySide6.QtCore import Qt

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # "kind/slug"
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # EntryKind value, e.g. "model"
