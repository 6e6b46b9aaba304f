"""Imported model data on the command line: ``import-epoch FILE [--json]`` and ``--remove``.

The same code as File ▸ Import Model Data…: the file is read and checked whole first, before the
store is even opened, so a file that is not Epoch AI's dataset ends in one line on stderr and
exit 2 with nothing changed. The import itself is one transaction of the model data store
(``model-data.sqlite3`` in the data folder, apart from the reader's library): Ctrl+C, SIGTERM or
``kill -9`` during it leave the previous data as they were.

No Qt is imported here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..data import Atlas, echo
from ..data.model_data import (
    ModelData,
    open_model_store,
    read_for_import,
    save_import,
)
from ..data.model_records import ImportReport, attribution_line

COMMANDS = ("import-epoch",)


class _Progress:
    """ "Importing… 45%" on stderr, rewritten in place, only when stderr is a terminal."""

    def __init__(self) -> None:
        stream = sys.stderr
        self._shown = -1
        self._on = stream is not None and stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self._on:
            return
        percent = done * 100 // max(total, 1)
        if percent != self._shown:
            self._shown = percent
            sys.stderr.write(f"\rImporting… {percent}%")
            sys.stderr.flush()

    def end(self) -> None:
        if self._on and self._shown >= 0:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import-epoch",
        help='import Epoch AI\'s "Notable AI Models" CSV, or remove what was imported',
        description='Import the CSV of Epoch AI\'s "Data on Notable AI Models" (downloaded '
        "from epoch.ai) into your model data, in one step: a file that is not the dataset "
        "changes nothing. Models are matched by name: a newer file updates them and adds new "
        "ones; models it does not list are kept. Prints the counts and each skipped row with "
        "its line number and reason.",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument("file", nargs="?", metavar="FILE", help="the CSV file to import")
    what.add_argument("--remove", action="store_true", help="remove all imported model data")
    parser.add_argument("--json", action="store_true", help="print the outcome as one JSON object")
    parser.set_defaults(run=run_import_epoch)


@contextmanager
def _open_model_data(atlas: Atlas) -> Iterator[ModelData]:
    """The model data store in the data folder; its notices said once on stderr as it opens."""
    store = open_model_store()
    try:
        for notice in store.notices:
            print(f"genai-atlas: {notice}", file=sys.stderr)
        yield ModelData.for_atlas(store, atlas)
    finally:
        store.close()


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}" if number == 1 else f"{number:,} {word}s"


def report_lines(report: ImportReport) -> list[str]:
    """The outcome as a person reads it: counts, rows kept from earlier, skipped rows, values
    left empty, and the attribution with the file's date."""
    name = echo(report.file_name, limit=160)
    lines = [
        f"Imported {name}: {report.added:,} added, {report.updated:,} updated, "
        f"{report.unchanged:,} unchanged, {len(report.skipped):,} skipped."
    ]
    if report.not_in_file:
        lines.append(
            f"{_count(report.not_in_file, 'model')} from earlier imports "
            f"{'is' if report.not_in_file == 1 else 'are'} not in this file and kept as "
            f"{'it was' if report.not_in_file == 1 else 'they were'}."
        )
    lines.extend(f"Skipped line {row.line:,}: {row.reason}." for row in report.skipped)
    lines.extend(f"Line {remark.line:,}: {remark.text}." for remark in report.remarks)
    lines.append(attribution_line(report.info))
    return lines


def report_json(report: ImportReport) -> dict[str, Any]:
    info = report.info
    return {
        "file": report.file_name,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": [{"line": row.line, "reason": row.reason} for row in report.skipped],
        "not_in_file": report.not_in_file,
        "remarks": [{"line": remark.line, "text": remark.text} for remark in report.remarks],
        "models": info.model_count,
        "file_modified": info.file_modified,
        "newest_publication_date": info.newest_publication_date,
        "imported_at": info.imported_at,
        "attribution": attribution_line(info),
    }


def run_import_epoch(args: argparse.Namespace, atlas: Atlas) -> int:
    if args.remove:
        return _remove(args, atlas)
    if args.file is None:
        print(
            "genai-atlas: import-epoch needs a FILE to import (or --remove); "
            "see 'genai-atlas import-epoch --help'",
            file=sys.stderr,
        )
        return 2
    progress = _Progress()
    try:
        # Read and checked before the store opens: a bad file creates or changes nothing.
        found = read_for_import(
            args.file,  # as given: a name with undecodable bytes still opens
            progress=progress,
        )
        with _open_model_data(atlas) as data:
            report = save_import(data, found, progress=progress)
    finally:
        progress.end()
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False))
    else:
        for line in report_lines(report):
            print(line)
    return 0


def _remove(args: argparse.Namespace, atlas: Atlas) -> int:
    with _open_model_data(atlas) as data:
        removed = data.remove_all()
    if args.json:
        print(json.dumps({"removed": removed}))
    elif removed:
        print(f"Removed {_count(removed, 'imported model')}.")
    else:
        print("There was no imported model data to remove.")
    return 0
