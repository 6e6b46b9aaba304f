"""A two-level tree of entries (industries with their applications; trends by section)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from ...data import EntryRef
from .roles import ENTRY_ID_ROLE, KIND_ROLE


@dataclass(frozen=True, slots=True)
class EntryGroup:
    """A top-level row: an entry itself (an industry) or only a heading (``entry`` None)."""

    label: str
    children: tuple[EntryRef, ...]
    entry: EntryRef | None = None


def _entry_item(ref: EntryRef) -> QStandardItem:
    item = QStandardItem(ref.title)
    item.setEditable(False)
    item.setToolTip(ref.title)
    item.setData(ref.id, ENTRY_ID_ROLE)
    item.setData(ref.kind.value, KIND_ROLE)
    return item


def build_grouped_model(
    groups: Sequence[EntryGroup], parent: QObject | None = None
) -> QStandardItemModel:
    model = QStandardItemModel(parent)
    for group in groups:
        if group.entry is not None:
            top = _entry_item(group.entry)
        else:
            top = QStandardItem(group.label)
            top.setEditable(False)
            top.setSelectable(False)
        font = QFont()
        font.setBold(True)
        top.setData(font, Qt.ItemDataRole.FontRole)
        for child in group.children:
            top.appendRow(_entry_item(child))
        model.appendRow(top)
    return model
