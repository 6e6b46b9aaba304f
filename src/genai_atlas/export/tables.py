"""A ``CompareTable`` as CSV or Markdown text (pure functions, no Qt)."""

from __future__ import annotations

import csv
import io

from ..data.compare import CompareTable


def table_to_csv(table: CompareTable) -> str:
    """One header line (aspect label, then the columns), then one line per row.

    Multi-item cells keep their line breaks inside the quoted field, as spreadsheets expect.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([table.aspect_label, *table.columns])
    for row in table.rows:
        writer.writerow([row.aspect, *row.cells])
    if table.notices:
        # The data's licence asks for its attribution wherever it goes: after a blank line.
        writer.writerow([])
        for notice in table.notices:
            writer.writerow([notice])
    return buffer.getvalue()


def _markdown_cell(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    escaped = [line.replace("\\", "\\\\").replace("|", "\\|") for line in lines]
    return "<br>".join(escaped) if escaped else "—"


def table_to_markdown(table: CompareTable) -> str:
    """A heading, the subtitle, a pipe table and the sources, as GitHub-flavoured Markdown."""
    header = [table.aspect_label, *table.columns]
    lines = [f"# {table.title}", ""]
    if table.subtitle:
        lines += [table.subtitle, ""]
    lines.append("| " + " | ".join(_markdown_cell(cell) for cell in header) + " |")
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    for row in table.rows:
        cells = [f"**{_markdown_cell(row.aspect)}**", *(_markdown_cell(c) for c in row.cells)]
        lines.append("| " + " | ".join(cells) + " |")
    if table.notices:
        lines += ["", *(f"_{notice}_" for notice in table.notices)]
    if table.sources:
        lines += ["", "Sources:", ""]
        lines += [
            f"- {source.title}" + (f" <{source.url}>" if source.url else "")
            for source in table.sources
        ]
    return "\n".join(lines) + "\n"
