"""A declared field's value in each medium: plain text, a table cell, a sort key, JSON (no Qt).

The fields themselves are declared in :mod:`fields`; every front end that is not the detail
pane (the compare tables and what prints or exports them, the Models table, ``--json``) reads a
value through these functions, so it reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .fields import Field, Show
from .markup import plain_text
from .records import AnyEntry, EntryRef, IndustryImpact

# --- the value as plain text and as JSON --------------------------------------------------------


def _titles(refs: Sequence[EntryRef]) -> str:
    return "\n".join(ref.title for ref in refs)


def field_text(field: Field[Any], entry: AnyEntry) -> str:
    """The value as plain text, one item per line, with the field's note; "" when empty."""
    value = field.value(entry)
    match field.show:
        case Show.TEXT | Show.URL:
            text = str(value)
        case Show.PROSE:
            text = plain_text(value)
        case Show.LINES:
            text = "\n".join(plain_text(item) for item in value)
        case Show.URLS:
            text = "\n".join(value)
        case Show.REF:
            text = value.title
        case Show.REFS:
            text = _titles(value)
        case Show.APPLICATIONS:
            text = _titles([app.ref for app in value])
        case Show.CITED:
            text = value.text
        case Show.IMPACTS:
            text = "\n".join(f"{i.industry.title}: {plain_text(i.text)}" for i in value)
        case Show.ROWS:
            text = "\n".join(f"{plain_text(row.aspect)}" for row in value)
    if text.strip() and field.note:
        text += f"\n({field.note})"
    return text


def field_cell(field: Field[Any], entry: AnyEntry) -> str:
    """A table cell: the field's short form if it has one, else its plain text."""
    return field.cell(entry) if field.cell is not None else field_text(field, entry)


def field_sort_value(field: Field[Any], entry: AnyEntry) -> Any:
    """What a table sorts this field by: the raw value it declares, else the cell, case-folded."""
    return field.sort(entry) if field.sort is not None else field_cell(field, entry).casefold()


def _ref_json(ref: EntryRef) -> dict[str, str]:
    return {"id": ref.id, "kind": ref.kind.value, "title": ref.title}


def _impact_json(impact: IndustryImpact) -> dict[str, Any]:
    return {"industry": _ref_json(impact.industry), "text": plain_text(impact.text)}


def field_json(field: Field[Any], entry: AnyEntry) -> Any:
    """The value as JSON-ready data: text as plain strings, entries as {id, kind, title}."""
    value = field.value(entry)
    match field.show:
        case Show.TEXT | Show.URL:
            return str(value)
        case Show.PROSE:
            return plain_text(value)
        case Show.LINES:
            return [plain_text(item) for item in value]
        case Show.URLS:
            return list(value)
        case Show.REF:
            return _ref_json(value)
        case Show.REFS:
            return [_ref_json(ref) for ref in value]
        case Show.APPLICATIONS:
            return [_ref_json(app.ref) for app in value]
        case Show.CITED:
            return value.text
        case Show.IMPACTS:
            return [_impact_json(impact) for impact in value]
        case Show.ROWS:
            return [
                {
                    "aspect": plain_text(r.aspect),
                    "left": plain_text(r.left),
                    "right": plain_text(r.right),
                }
                for r in value
            ]
