"""``genai-atlas print`` and ``genai-atlas compare``: sheets to PDF, CSV or Markdown, headless.

Qt is imported only when a PDF is rendered, so the other commands stay Qt-free. Every file is
checked before any work and written through a temporary file renamed into place. ``-`` names
standard output: always for CSV and Markdown, for a PDF only when it is not a terminal.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from ..data import Atlas, echo
from ..data.compare import CompareError, CompareTable, compare_entries, entry_table
from ..export.files import ExportError, atomic_write, check_target
from ..export.tables import table_to_csv, table_to_markdown
from .output import stdout_is_terminal, write_bytes

COMMANDS = ("print", "compare")
PAGE_SIZES = ("A4", "Letter")
STDOUT = "-"  # as a FILE: standard output


def add_parser(subparsers: Any) -> None:
    printing = subparsers.add_parser(
        "print",
        help="print an entry's sheet (a comparison's table) to a PDF file",
        description="Render the printed sheet of an entry to PDF. A comparison prints its "
        "side-by-side table; any other entry prints its fields.",
    )
    printing.add_argument("entry_id", metavar="KIND/SLUG", help="e.g. comparison/overview")
    printing.add_argument(
        "--pdf",
        required=True,
        metavar="FILE",
        help="the PDF file to write ('-': standard output, when it is not a terminal)",
    )
    _page_options(printing)
    printing.set_defaults(run=run_print)

    compare = subparsers.add_parser(
        "compare",
        help="compare 2 to 4 entries of the same kind side by side",
        description="Compare 2 to 4 entries of one kind (models, categories, industries, "
        "trends, glossary terms) field by field and write the table to a file.",
    )
    compare.add_argument("entry_ids", nargs="+", metavar="KIND/SLUG")
    output = compare.add_mutually_exclusive_group(required=True)
    output.add_argument(
        "--pdf",
        metavar="FILE",
        help="write the printed sheet as PDF ('-': standard output, when not a terminal)",
    )
    output.add_argument("--csv", metavar="FILE", help="write the table as CSV ('-': stdout)")
    output.add_argument(
        "--markdown", metavar="FILE", help="write the table as Markdown ('-': stdout)"
    )
    compare.add_argument(
        "--only-differences", action="store_true", help="leave out rows where all agree"
    )
    _page_options(compare)
    compare.set_defaults(run=run_compare)


def _page_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--page-size", choices=PAGE_SIZES, help="paper size (default: the locale's, A4 or Letter)"
    )
    parser.add_argument(
        "--landscape",
        action="store_true",
        help="landscape pages (default: portrait, landscape for 3 or more columns)",
    )


def _fail(message: str) -> Exception:
    from . import CliError  # imported late: cli/__init__ imports this module

    return CliError(message)


def _check(path: str, *, pdf: bool) -> None:
    """Refuse a target before any work is done: the same checks as the write makes."""
    if path == STDOUT:
        if pdf and stdout_is_terminal():
            raise _fail(
                "will not write a PDF to the terminal; redirect standard output "
                "(--pdf - > sheet.pdf) or name a file (--pdf sheet.pdf)"
            )
        return
    try:
        check_target(path)
    except ExportError as error:
        raise _fail(str(error)) from None


def write_pdf(
    table: CompareTable, atlas: Atlas, path: str, page_size: str | None, landscape: bool
) -> None:
    """Render ``table`` to ``path`` or standard output (Qt is loaded here, and only here)."""
    from ..printing.app import ensure_gui_app

    ensure_gui_app()
    from ..printing.pdf import export_pdf, make_footer, render_pdf

    footer = make_footer(table, atlas.info().data_version)
    if path == STDOUT:
        # An OutputError (stdout full or closed) goes up: the command line makes it exit 1.
        write_bytes(render_pdf(table, footer, page_size=page_size, landscape=landscape or None))
        return
    try:
        export_pdf(table, footer, path, page_size=page_size, landscape=landscape or None)
    except OSError as error:
        raise _fail(str(error)) from None


def _write_text(path: str, text: str) -> None:
    if path == STDOUT:
        write_bytes(text.encode("utf-8"))
        return
    try:
        atomic_write(path, text)
    except ExportError as error:
        raise _fail(str(error)) from None


def _report_written(path: str) -> None:
    """Say where the file went; nothing when it went to standard output (the data must stay
    clean for the program reading it)."""
    if path == STDOUT:
        return
    try:
        shown = os.path.abspath(path)
    except OSError:  # the current folder is gone; the name as given still says which file
        shown = path
    # A path is at most PATH_MAX (4096) bytes: escaped, but not shortened, for scripts.
    print(f"wrote {echo(shown, limit=4096)}")


def run_print(args: argparse.Namespace, atlas: Atlas) -> int:
    _check(args.pdf, pdf=True)
    table = entry_table(atlas, args.entry_id)
    write_pdf(table, atlas, args.pdf, args.page_size, args.landscape)
    _report_written(args.pdf)
    return 0


def run_compare(args: argparse.Namespace, atlas: Atlas) -> int:
    # "is not None": an empty name is given too, and gets its own message from the check.
    target = next(name for name in (args.pdf, args.csv, args.markdown) if name is not None)
    _check(target, pdf=args.pdf is not None)
    try:
        table = compare_entries(atlas, args.entry_ids)
    except CompareError as error:
        raise _fail(str(error)) from None
    if args.only_differences:
        table = table.only_differences()
    if args.pdf is not None:
        write_pdf(table, atlas, args.pdf, args.page_size, args.landscape)
    elif args.csv is not None:
        _write_text(args.csv, table_to_csv(table))
    else:
        _write_text(args.markdown, table_to_markdown(table))
    _report_written(target)
    return 0
