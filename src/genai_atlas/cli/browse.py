"""``genai-atlas list`` and ``genai-atlas show``: browse entries without the GUI."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..data import Atlas, EntryKind
from ..data.markup import plain_text
from ..data.serialize import entry_to_dict

COMMANDS = ("list", "show")
KIND_CHOICES = [kind.value for kind in EntryKind]


def add_parser(subparsers: Any) -> None:
    listing = subparsers.add_parser("list", help="list entries: kind, id and title")
    listing.add_argument(
        "kind",
        nargs="?",
        choices=KIND_CHOICES,
        metavar="KIND",
        help="only this kind: " + ", ".join(KIND_CHOICES),
    )
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(run=run_list)

    show = subparsers.add_parser("show", help="print one entry's full record")
    show.add_argument("entry_id", metavar="KIND/SLUG")
    show.add_argument("--json", action="store_true", help="print the record as JSON")
    show.set_defaults(run=run_show)


def run_list(args: argparse.Namespace, atlas: Atlas) -> int:
    kind = EntryKind(args.kind) if args.kind else None
    for ref in atlas.list(kind):
        if args.json:
            print(
                json.dumps(
                    {"kind": ref.kind.value, "id": ref.id, "title": ref.title}, ensure_ascii=False
                )
            )
        else:
            print(f"{ref.kind.value}\t{ref.id}\t{ref.title}")
    return 0


def run_show(args: argparse.Namespace, atlas: Atlas) -> int:
    record = entry_to_dict(atlas.get(args.entry_id))
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(format_record(record))
    return 0


# An imported dataset's record, in the text form: its figures, and its free text quoted as the
# publisher wrote it (the JSON form keeps every field as data).
_FIGURES_KEY = "figures"
_FIGURES_LEFT_OUT = frozenset({"entry_id", "curated", "source_line"})
_PUBLISHERS_TEXT = frozenset(
    {"abstract", "parameters_notes", "compute_notes", "accessibility_notes"}
)


def _figures_lines(figures: dict[str, Any], attribution: str, indent: str) -> list[str]:
    lines = [f"{indent}figures, as Epoch AI's dataset gives them ({attribution or 'Epoch AI'}):"]
    quoted: list[str] = []
    for key, value in figures.items():
        if key in _FIGURES_LEFT_OUT or value in ("", (), [], None):
            continue
        label = key.replace("_", " ")
        if key in _PUBLISHERS_TEXT:
            quoted.append(f"{indent}  {label}, quoted:")
            quoted.extend(f"{indent}    > {line}" for line in str(value).splitlines())
        elif isinstance(value, list):
            lines.append(f"{indent}  {label}: {', '.join(str(item) for item in value)}")
        else:
            lines.append(f"{indent}  {label}: {value}")
    return lines + quoted


def format_record(record: dict[str, Any], indent: str = "") -> str:
    """A readable, indented text form of a record dict."""
    lines: list[str] = []
    for key, value in record.items():
        if value in ("", (), [], None):
            continue
        label = key.replace("_", " ")
        if key == _FIGURES_KEY and isinstance(value, dict):
            attribution = str(record.get("dataset_attribution", ""))
            lines.extend(_figures_lines(value, attribution, indent))
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{indent}{label}:")
            for item in value:
                if set(item) >= {"id", "title"} and len(item) <= 4:
                    lines.append(f"{indent}  - {item['title']} ({item['id']})")
                else:
                    nested = format_record(item, indent + "    ").lstrip()
                    lines.append(f"{indent}  - {nested}")
        elif isinstance(value, list):
            lines.append(f"{indent}{label}:")
            lines.extend(f"{indent}  - {plain_text(str(item))}" for item in value)
        elif isinstance(value, dict):
            lines.append(f"{indent}{label}: {value.get('title', value)} ({value.get('id', '')})")
        else:
            lines.append(f"{indent}{label}: {value}")
    return "\n".join(lines)
