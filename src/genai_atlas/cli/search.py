"""``genai-atlas search QUERY``: the GUI's search, on the command line (same data-layer call)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..data import Atlas, EntryKind, echo
from ..data.search import MAX_LIMIT, SearchResults, search

COMMANDS = ("search",)
KIND_CHOICES = [kind.value for kind in EntryKind]


def _limit(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{echo(value)}' is not a whole number") from None
    if not 1 <= number <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT}, not {number}")
    return number


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search", help="search every entry; prints kind, id, title and a snippet"
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="words to search for")
    parser.add_argument(
        "--kind",
        action="append",
        choices=KIND_CHOICES,
        metavar="KIND",
        help="only this kind (may be repeated): " + ", ".join(KIND_CHOICES),
    )
    parser.add_argument(
        "--limit", type=_limit, default=20, metavar="N", help="at most N results (default 20)"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: kind, id, title, snippet, score",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, atlas: Atlas) -> int:
    results = search(atlas, " ".join(args.query), kinds=args.kind, limit=args.limit)
    if args.json:
        for hit in results.hits:
            print(
                json.dumps(
                    {
                        "kind": hit.kind.value,
                        "id": hit.id,
                        "title": hit.title,
                        "snippet": hit.snippet_text(),
                        "score": hit.score,
                    },
                    ensure_ascii=False,
                )
            )
        return 0
    print(format_results(results))
    return 0


def format_results(results: SearchResults) -> str:
    """Readable text: a "did you mean" line, then one line per hit with its snippet below."""
    lines: list[str] = []
    if results.did_you_mean:
        lines.append(f"Showing results for: {results.did_you_mean}")
    if not results.hits:
        lines.append(f"No entries match '{echo(results.text)}'.")
        if results.suggestions:
            lines.append("Nearest names: " + ", ".join(results.suggestions))
        return "\n".join(lines)
    for hit in results.hits:
        lines.append(f"{hit.kind.value}\t{hit.id}\t{hit.title}")
        snippet = hit.snippet_text("*", "*").strip()
        if snippet:
            lines.append(f"\t{snippet}")
    return "\n".join(lines)
