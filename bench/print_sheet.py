"""Printing speed: the median time to render each built-in comparison sheet to PDF.

    .venv/bin/python bench/print_sheet.py [--runs 9] [--db PATH]

Runs in one process on the offscreen platform (the first render, which loads fonts, is timed
apart as "first"). Also times a 4-model comparison in landscape. Prints one line per sheet:
pages, PDF size and the median of the runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from genai_atlas.data import EntryKind, open_atlas  # noqa: E402
from genai_atlas.data.compare import CompareTable, compare_entries, entry_table  # noqa: E402
from genai_atlas.resources import database_path  # noqa: E402

FOUR_MODELS = ["model/gpt-4", "model/claude", "model/dall-e", "model/llama"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()

    from genai_atlas.printing.app import ensure_gui_app

    ensure_gui_app()
    import pypdf

    from genai_atlas.printing.pdf import make_footer, render_pdf

    with open_atlas(args.db or database_path()) as atlas:
        version = atlas.info().data_version
        sheets: list[tuple[str, CompareTable]] = [
            (ref.id, entry_table(atlas, ref.id)) for ref in atlas.list(EntryKind.COMPARISON)
        ]
        sheets.append(("4 models (landscape)", compare_entries(atlas, FOUR_MODELS)))

    first_table = sheets[0][1]
    start = time.perf_counter()
    render_pdf(first_table, make_footer(first_table, version))
    print(f"first render (loads fonts): {(time.perf_counter() - start) * 1000:.1f} ms")
    print(f"{'sheet':<32} {'pages':>5} {'KiB':>6} {'median ms':>10}  ({args.runs} runs)")
    medians = []
    for name, table in sheets:
        footer = make_footer(table, version)
        times = []
        data = b""
        for _ in range(args.runs):
            start = time.perf_counter()
            data = render_pdf(table, footer)
            times.append(time.perf_counter() - start)
        pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
        median = statistics.median(times) * 1000
        medians.append(median)
        print(f"{name:<32} {pages:>5} {len(data) / 1024:>6.0f} {median:>10.1f}")
    print(f"slowest median: {max(medians):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
