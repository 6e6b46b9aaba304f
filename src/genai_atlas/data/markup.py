"""The one piece of markup prose fields may carry: links written as ``[shown text](kind/slug)``.

Shared by the database build (which checks and records every link) and by the renderers (which turn
links into ``atlas:`` anchors or plain text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .records import KIND_ORDER

# The id prefixes a link may name, in the one order of kinds (records.EntryKind). The database
# build imports this module too: records is plain Python, so that needs nothing installed.
KINDS: tuple[str, ...] = tuple(kind.value for kind in KIND_ORDER)

_ID = r"[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*"
ENTRY_ID_RE = re.compile(rf"^{_ID}$")
LINK_RE = re.compile(rf"\[([^\[\]]+)\]\(({_ID})\)")


@dataclass(frozen=True, slots=True)
class InlineLink:
    """A link in a text: the words shown and the entry id they open."""

    text: str
    target: str


def iter_links(text: str) -> Iterator[InlineLink]:
    """Yield every ``[text](kind/slug)`` link in ``text``, in order."""
    for match in LINK_RE.finditer(text):
        yield InlineLink(match.group(1), match.group(2))


def plain_text(text: str) -> str:
    """``text`` with every link replaced by its shown text."""
    return LINK_RE.sub(lambda m: m.group(1), text)


def split_links(text: str) -> list[str | InlineLink]:
    """``text`` as a list of plain strings and links, in order (for renderers)."""
    parts: list[str | InlineLink] = []
    position = 0
    for match in LINK_RE.finditer(text):
        if match.start() > position:
            parts.append(text[position : match.start()])
        parts.append(InlineLink(match.group(1), match.group(2)))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return parts


def is_entry_id(value: str) -> bool:
    return bool(ENTRY_ID_RE.match(value)) and value.split("/", 1)[0] in KINDS
