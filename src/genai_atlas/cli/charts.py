"""``genai-atlas chart``: a chart of the imported model data to PNG, SVG or PDF, headless.

The same ``ModelFilter`` and the same painting code as the Charts window. Qt (and pyqtgraph) load
only once the data is known to be there, on an off-screen platform unless the user named one
with ``QT_QPA_PLATFORM``: a chart needs a QApplication (pyqtgraph's plot is a widget), never a
window. Files go through the atomic writer; ``-`` writes to standard output when it is not a
terminal.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..data import Atlas, KnownError, echo
from ..data.chart_data import ChartDataset, ChartKind, read_imported_dataset
from ..data.model_filter import ModelFilter
from ..export.files import ExportError, atomic_write, check_target
from ..printing.app import ensure_gui_app
from .output import stdout_is_terminal, write_bytes

COMMANDS = ("chart",)
CHARTS = ("compute", "parameters", "per-year")
GROUPINGS = ("domain", "accessibility")
STDOUT = "-"
NO_DATA = (
    "no model data has been imported; import Epoch AI's CSV first (genai-atlas import-epoch FILE)"
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "chart",
        help="draw a chart of the imported model data to PNG, SVG or PDF",
        description="Draw a chart of the imported Epoch AI model data: training compute or "
        "parameters over time (log axis), or models per year stacked by domain or "
        "accessibility. The attribution and the data file's date are printed under it.",
    )
    parser.add_argument("chart", choices=CHARTS, metavar="compute|parameters|per-year")
    parser.add_argument("--domain", metavar="D", help="only models of this domain (e.g. Language)")
    parser.add_argument("--since", type=int, metavar="YEAR", help="only models of YEAR or later")
    parser.add_argument(
        "--by", choices=GROUPINGS, help="per-year: stack by domain (default) or accessibility"
    )
    output = parser.add_mutually_exclusive_group(required=True)
    output.add_argument("--png", metavar="FILE", help="write a PNG image ('-': standard output)")
    output.add_argument("--svg", metavar="FILE", help="write an SVG image ('-': standard output)")
    output.add_argument("--pdf", metavar="FILE", help="write a one-page PDF ('-': standard output)")
    parser.set_defaults(run=run_chart)


def _fail(message: str) -> Exception:
    from . import CliError  # imported late: cli/__init__ imports this module

    return CliError(message)


def chart_kind(args: argparse.Namespace) -> ChartKind:
    if args.chart != "per-year":
        if args.by is not None:
            raise _fail("--by applies to the per-year chart only")
        return ChartKind.COMPUTE if args.chart == "compute" else ChartKind.PARAMETERS
    if args.by == "accessibility":
        return ChartKind.PER_YEAR_ACCESSIBILITY
    return ChartKind.PER_YEAR_DOMAIN


def _check_target(path: str, binary: bool) -> None:
    if path == STDOUT:
        if binary and stdout_is_terminal():
            raise _fail("will not write an image or PDF to the terminal; redirect standard output")
        return
    try:
        check_target(path)
    except ExportError as error:
        raise _fail(str(error)) from None


def render_chart(dataset: ChartDataset, kind: ChartKind, model_filter: ModelFilter, fmt: str):  # type: ignore[no-untyped-def]
    """The chart as bytes in ``fmt`` (png, svg or pdf), and what it drew."""
    ensure_gui_app(widgets=True)
    from ..ui.charts.chart_widget import ChartWidget  # pyqtgraph loads here
    from ..ui.charts.colours import paper_colours

    widget = ChartWidget(dataset)
    widget.set_kind(kind)
    widget.set_filter(model_filter)
    try:
        if fmt == "png":
            data = widget.png_bytes(paper_colours())  # no screen: the printed page's colours
        elif fmt == "svg":
            data = widget.svg_bytes(paper_colours())
        else:
            data = widget.pdf_bytes()
        return data, widget.result()
    finally:
        widget.deleteLater()


def run_chart(args: argparse.Namespace, atlas: Atlas) -> int:
    fmt, path = next((f, getattr(args, f)) for f in ("png", "svg", "pdf") if getattr(args, f))
    kind = chart_kind(args)
    _check_target(path, binary=fmt != "svg")
    model_filter = ModelFilter(domain=(args.domain or "").strip(), year_from=args.since)
    dataset = read_imported_dataset(atlas)
    if dataset.is_empty:
        raise _fail(NO_DATA)
    if not model_filter.apply(dataset.models):
        raise _fail(
            f"no imported model matches the filter ({echo(model_filter.describe())}); "
            "nothing was written"
        )
    data, _result = render_chart(dataset, kind, model_filter, fmt)
    if path == STDOUT:
        write_bytes(data)
        return 0
    try:
        written = atomic_write(path, data)
    except (ExportError, KnownError) as error:
        raise _fail(str(error)) from None
    print(f"wrote {echo(str(written), limit=4096)}")
    return 0
