"""Records as plain JSON-ready dicts (for the CLI's --json); links keep their markup stripped."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from .field_values import field_json
from .fields import fields_of
from .markup import plain_text
from .records import AnyEntry, EntryRef, LinkedEntry, Source


def _plain(value: Any) -> Any:
    if isinstance(value, EntryRef):
        return {"id": value.id, "kind": value.kind.value, "title": value.title}
    if isinstance(value, LinkedEntry):
        return {**_plain(value.entry), "relation": value.relation}
    if isinstance(value, Source):
        return dataclasses.asdict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return plain_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def entry_to_dict(entry: AnyEntry) -> dict[str, Any]:
    """The full record as a dict: every stored field, with nested records and links expanded,
    then each declared field (data/fields.py) the record does not store as such, in words: the
    raw fields need rules to read (what a year is the year of, whether access is past)."""
    result: dict[str, Any] = _plain(entry)
    for field in fields_of(entry.kind):
        result.setdefault(field.key, field_json(field, entry))
    return result
