"""Walking the QAccessible tree the way a screen reader sees a window (no platform bridge needed:
the offscreen platform answers ``queryAccessibleInterface`` as any other)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface

MAX_NODES = 20_000  # a guard against a cycle in a broken tree


@dataclass(frozen=True)
class Node:
    role: str
    name: str
    description: str
    focusable: bool
    path: str  # the object names (or classes) from the window down, to find the widget


def _label(interface: QAccessibleInterface) -> str:
    target = interface.object()
    if isinstance(target, QObject):
        return target.objectName() or type(target).__name__
    return interface.role().name


def walk(widget: QObject) -> Iterator[Node]:
    """Every node under ``widget``'s accessible interface, depth first."""
    root = QAccessible.queryAccessibleInterface(widget)
    assert root is not None and root.isValid(), f"{widget} has no accessible interface"
    stack: list[tuple[QAccessibleInterface, str]] = [(root, _label(root))]
    seen = 0
    while stack:
        interface, path = stack.pop()
        seen += 1
        assert seen < MAX_NODES, "the accessible tree does not end"
        yield Node(
            role=interface.role().name,
            name=interface.text(QAccessible.Text.Name).strip(),
            description=interface.text(QAccessible.Text.Description).strip(),
            focusable=bool(interface.state().focusable),
            path=path,
        )
        children = []
        for number in range(interface.childCount()):
            child = interface.child(number)
            if child is not None and child.isValid():
                children.append((child, f"{path} > {_label(child)}"))
        stack.extend(reversed(children))


def unnamed_focusable(widget: QObject) -> list[str]:
    """A line for each node a reader could focus that has no accessible name."""
    return [
        f"{node.role} at {node.path}" for node in walk(widget) if node.focusable and not node.name
    ]
