"""Small Epoch-AI-style CSV files that tests write themselves (invented models, the real header's
column names and the real file's quirks). The real dataset is never copied into the repository.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from .conftest import EPOCH_CSV

# The columns the importer reads, in the real file's order, with two it ignores among them.
COLUMNS = (
    "Model",
    "Organization",
    "Publication date",
    "Domain",
    "Task",
    "Parameters",
    "Parameters notes",
    "Training compute (FLOP)",
    "Training compute notes",
    "Confidence",
    "Link",
    "Reference",
    "Abstract",
    "Country (of organization)",
    "Model accessibility",
    "Accessibility notes",
    "Frontier model",
)

SKIP_WITHOUT_REAL_FILE = (
    f"the Epoch AI dataset is not at {EPOCH_CSV} (it is read from ../shared, never copied)"
)


def model_row(name: str, **values: str) -> dict[str, str]:
    """A plausible row for an invented model; ``values`` override columns (by header name, with
    spaces as underscores: ``Publication_date="2024-01-02"``)."""
    row = {
        "Model": name,
        "Organization": "Example Labs",
        "Publication date": "2024-03-01",
        "Domain": "Language",
        "Task": "Chat",
        "Parameters": "7000000000.0",
        "Parameters notes": "",
        "Training compute (FLOP)": "8.4e+22",
        "Training compute notes": "",
        "Confidence": "Confident",
        "Link": "https://example.org/paper",
        "Reference": "An Example Paper",
        "Abstract": "",
        "Country (of organization)": "Atlantis",
        "Model accessibility": "Open weights (unrestricted)",
        "Accessibility notes": "",
        "Frontier model": "",
    }
    for key, value in values.items():
        row[key.replace("_", " ")] = value
    return row


def csv_text(
    rows: Sequence[Mapping[str, str]],
    columns: Sequence[str] = COLUMNS,
    *,
    line_end: str = "\n",
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue()


def write_csv(
    path: Path,
    rows: Sequence[Mapping[str, str]],
    columns: Sequence[str] = COLUMNS,
    *,
    line_end: str = "\n",
    bom: bool = False,
) -> Path:
    text = csv_text(rows, columns, line_end=line_end)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def many_rows(count: int, prefix: str = "Synthetic") -> list[dict[str, str]]:
    """``count`` distinct invented models."""
    return [
        model_row(
            f"{prefix} Model {number}",
            Publication_date=f"{2000 + number % 25}-0{1 + number % 9}-1{number % 9}",
            Parameters=f"{1e6 * (number + 1):.1f}",
        )
        for number in range(count)
    ]
