"""Reading Epoch AI's "Notable AI Models" CSV (no Qt, no database here).

The file is untrusted input that the reader downloaded. It is read by header names, never by
position, so reordered and extra columns are fine, and only the columns in
``REQUIRED_COLUMNS`` must be there. What the real file does and this copes with:

* a UTF-8 byte-order mark, CRLF line endings, quoted fields spanning lines (RFC 4180);
* names with trailing line breaks or spaces (``"Some Model\\n"``): every value is trimmed;
* comma-separated lists with repeats (``Domain``, ``Task``, ``Organization``, ``Country (of
  organization)``): split, trimmed, repeats dropped, order kept;
* empty numbers (``None``) and numbers that are not numbers (``None`` too, and a
  :class:`Remark` says which line and column, so nothing is silently lost);
* several links in one cell: only ``http``/``https`` URLs are kept.

A file that is not this dataset (empty, binary, not UTF-8, a quoted field cut off at the end, a
required column missing) raises :class:`EpochFileError` with one sentence saying what is wrong;
nothing has been written at that point. A row that cannot be used (no model name, a name already
given on an earlier line, a row with the wrong number of fields) is skipped and listed with the
line it starts on and why, and the rest of the file is read.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .echo import echo
from .errors import KnownError
from .input_file import Refusals, read_input_file

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

# The header names of the columns read, as Epoch AI spells them.
COL_MODEL = "Model"
COL_ORGANISATION = "Organization"
COL_COUNTRY = "Country (of organization)"
COL_DATE = "Publication date"
COL_DOMAIN = "Domain"
COL_TASK = "Task"
COL_PARAMETERS = "Parameters"
COL_PARAMETERS_NOTES = "Parameters notes"
COL_COMPUTE = "Training compute (FLOP)"
COL_COMPUTE_NOTES = "Training compute notes"
COL_ACCESSIBILITY = "Model accessibility"
COL_ACCESSIBILITY_NOTES = "Accessibility notes"
COL_LINK = "Link"
COL_REFERENCE = "Reference"
COL_ABSTRACT = "Abstract"

# Without these a file is not the dataset (or a version too different to read safely).
REQUIRED_COLUMNS = (
    COL_MODEL,
    COL_ORGANISATION,
    COL_DATE,
    COL_DOMAIN,
    COL_PARAMETERS,
    COL_COMPUTE,
    COL_ACCESSIBILITY,
)
# Read when present; empty when a (future or trimmed) file leaves them out.
OPTIONAL_COLUMNS = (
    COL_COUNTRY,
    COL_TASK,
    COL_PARAMETERS_NOTES,
    COL_COMPUTE_NOTES,
    COL_ACCESSIBILITY_NOTES,
    COL_LINK,
    COL_REFERENCE,
    COL_ABSTRACT,
)

# The real file is about 2 MB; forty times that is no longer this dataset, and reading it whole
# would only fill the memory.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_NAME_CHARS = 300
# csv's default limit (128 KiB) is per field; an abstract is a few KiB.
_FIELD_LIMIT = 1024 * 1024
_LIST_SEPARATOR = ","
_URL_SPLIT = re.compile(r"\s+")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Control characters other than tab and line break have no place in the dataset's text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class EpochFileError(KnownError):
    """The file is not an Epoch AI "Notable AI Models" CSV that can be read. ``str(error)`` says
    what is wrong and what to do, in one sentence."""


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A record of the file that was not imported: the line it starts on, and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Remark:
    """A value that could not be read and was left empty; the row itself was imported."""

    line: int
    text: str


@dataclass(frozen=True, slots=True)
class EpochRow:
    """One model as read from the file: trimmed, lists split, numbers parsed."""

    line: int
    """The physical line of the file the record starts on (the header is line 1)."""
    name: str
    organisations: tuple[str, ...]
    countries: tuple[str, ...]
    publication_date: str | None
    """``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` if the file gives only that); None if absent."""
    domains: tuple[str, ...]
    tasks: tuple[str, ...]
    parameters: float | None
    training_compute_flop: float | None
    accessibility: str
    links: tuple[str, ...]
    """Only ``http``/``https`` URLs."""
    reference: str
    abstract: str
    parameters_notes: str
    compute_notes: str
    accessibility_notes: str


@dataclass(frozen=True, slots=True)
class EpochFile:
    """What :func:`read_epoch_csv` found: the usable rows in file order, and what it left out."""

    rows: tuple[EpochRow, ...]
    skipped: tuple[SkippedRow, ...]
    remarks: tuple[Remark, ...]
    columns: tuple[str, ...]
    """The header as found (trimmed), extra columns included."""

    @property
    def newest_publication_date(self) -> str | None:
        dates = [row.publication_date for row in self.rows if row.publication_date]
        return max(dates) if dates else None


# --- reading the bytes ---------------------------------------------------------------------------


_REFUSALS = Refusals(
    error=EpochFileError,
    cannot_read="Cannot read",
    cannot_import="Cannot import",
    folder="choose the CSV file.",
    not_regular="choose a CSV file.",
    too_large="far more than Epoch AI's model data; choose the CSV downloaded from epoch.ai.",
)


def read_file_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``; EpochFileError naming the file otherwise.

    A FIFO or a device is refused before it is opened: reading one could block, or never end.
    """
    return read_input_file(path, limit, _REFUSALS)


def decode(raw: bytes, shown: str) -> str:
    """The file's text: UTF-8 with or without a byte-order mark, and no binary data."""
    not_dataset = "it is not Epoch AI's model data (a CSV file)"
    if b"\x00" in raw:
        raise EpochFileError(f"Cannot import {shown}: it holds binary data; {not_dataset}.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EpochFileError(
            f"Cannot import {shown}: it is not UTF-8 text (byte 0x{raw[error.start]:02x} at "
            f"offset {error.start:,}); {not_dataset} as downloaded from epoch.ai."
        ) from None
    if not text.strip():
        raise EpochFileError(f"Cannot import {shown}: the file is empty; {not_dataset}.")
    return text


# --- reading the records -------------------------------------------------------------------------


def read_epoch_csv(
    path: str | os.PathLike[str],
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EpochFile:
    """Read the file at ``path``; EpochFileError if it is not the dataset."""
    shown = echo(Path(path).name, limit=120)
    return parse_epoch_csv(read_file_bytes(path), shown, cancelled=cancelled, progress=progress)


def parse_epoch_csv(
    raw: bytes,
    shown: str = "the file",
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EpochFile:
    """Read the dataset from ``raw``. ``shown`` names the file in messages.

    ``cancelled()`` is asked between records; when it says True, :class:`ReadCancelled` is
    raised. ``progress(lines_done, lines_total)`` is told how far the reading is, a few dozen
    times at most.
    """
    text = decode(raw, shown)
    total_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    previous_limit = csv.field_size_limit(_FIELD_LIMIT)
    try:
        return _read_records(reader, shown, total_lines, cancelled, progress)
    except csv.Error as error:
        raise EpochFileError(_csv_problem(shown, reader.line_num, error)) from None
    finally:
        csv.field_size_limit(previous_limit)


class ReadCancelled(Exception):  # noqa: N818 — what happened, not an error
    """``cancelled()`` said True while the file was read."""


def _csv_problem(shown: str, line: int, error: csv.Error) -> str:
    detail = str(error)
    if "unexpected end of data" in detail or "EOF" in detail:
        what = f"a quoted field that starts by line {line:,} is never closed (the file is cut off)"
    elif "field larger than field limit" in detail:
        what = f"a field by line {line:,} is longer than {_FIELD_LIMIT // 1024:,} KiB"
    else:
        what = f"line {line:,} is not valid CSV ({detail})"
    return (
        f"Cannot import {shown}: {what}. Download the file from epoch.ai again; nothing was "
        "changed."
    )


def _read_records(
    reader: CsvReader,
    shown: str,
    total_lines: int,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[int, int], None] | None,
) -> EpochFile:
    records = iter(reader)
    header: list[str] | None = None
    for fields in records:
        if any(field.strip() for field in fields):
            header = [field.strip() for field in fields]
            break
    if header is None:
        raise EpochFileError(f"Cannot import {shown}: the file is empty; it has no header line.")
    position: dict[str, int] = {}
    for index, name in enumerate(header):
        position.setdefault(name, index)  # a repeated column: its first one is read
    missing = [name for name in REQUIRED_COLUMNS if name not in position]
    if missing:
        names = ", ".join(f"'{name}'" for name in missing)
        column = "column" if len(missing) == 1 else "columns"
        raise EpochFileError(
            f"Cannot import {shown}: it has no {names} {column}, so it is not Epoch AI's "
            '"Notable AI Models" data; choose the CSV downloaded from epoch.ai.'
        )
    reading = _RowReader(header, position)
    rows: list[EpochRow] = []
    skipped: list[SkippedRow] = []
    remarks: list[Remark] = []
    first_line: dict[str, int] = {}
    step = max(total_lines // 40, 1)
    next_report = step
    line = reader.line_num + 1
    for fields in records:
        start, line = line, reader.line_num + 1
        if cancelled is not None and cancelled():
            raise ReadCancelled
        if progress is not None and start >= next_report:
            progress(start, total_lines)
            next_report = start + step
        if not any(fields):
            continue  # a blank line is no record
        if len(fields) != len(header):
            skipped.append(
                SkippedRow(
                    start, f"it has {len(fields):,} fields where the header has {len(header):,}"
                )
            )
            continue
        row, problem = reading.row(start, fields, remarks)
        if row is None:
            skipped.append(SkippedRow(start, problem))
            continue
        earlier = first_line.get(row.name)
        if earlier is not None:
            skipped.append(
                SkippedRow(start, f"the model '{echo(row.name)}' is already on line {earlier:,}")
            )
            continue
        first_line[row.name] = start
        rows.append(row)
    if progress is not None:
        progress(total_lines, total_lines)
    return EpochFile(tuple(rows), tuple(skipped), tuple(remarks), tuple(header))


class _RowReader:
    """Turns one record's fields into an :class:`EpochRow`, by the header's positions."""

    def __init__(self, header: list[str], position: dict[str, int]) -> None:
        self._width = len(header)
        columns = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
        # Absent optional columns read from an index past the record: always "".
        self._index = {name: position.get(name, self._width) for name in columns}

    def row(
        self, line: int, fields: list[str], remarks: list[Remark]
    ) -> tuple[EpochRow | None, str]:
        fields = [*fields, ""]
        index = self._index

        def text(column: str) -> str:
            return _clean(fields[index[column]])

        name = normalise_name(_clean(fields[index[COL_MODEL]]))
        if not name:
            return None, "the Model column is empty"
        if len(name) > MAX_NAME_CHARS:
            return None, f"the model name is longer than {MAX_NAME_CHARS} characters"
        return (
            EpochRow(
                line=line,
                name=name,
                organisations=split_list(fields[index[COL_ORGANISATION]]),
                countries=split_list(fields[index[COL_COUNTRY]]),
                publication_date=_date(line, text(COL_DATE), remarks),
                domains=split_list(fields[index[COL_DOMAIN]]),
                tasks=split_list(fields[index[COL_TASK]]),
                parameters=_number(line, COL_PARAMETERS, text(COL_PARAMETERS), remarks),
                training_compute_flop=_number(line, COL_COMPUTE, text(COL_COMPUTE), remarks),
                accessibility=" ".join(text(COL_ACCESSIBILITY).split()),
                links=web_links(fields[index[COL_LINK]]),
                reference=text(COL_REFERENCE),
                abstract=text(COL_ABSTRACT),
                parameters_notes=text(COL_PARAMETERS_NOTES),
                compute_notes=text(COL_COMPUTE_NOTES),
                accessibility_notes=text(COL_ACCESSIBILITY_NOTES),
            ),
            "",
        )


# --- values ---------------------------------------------------------------------------------


def _clean(value: str) -> str:
    """A cell's text: trimmed, CRLF as LF, control characters (bar tab and LF) dropped."""
    value = value.strip()
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROLS.search(value):
        value = _CONTROLS.sub("", value)
    return value


def split_list(value: str) -> tuple[str, ...]:
    """``"China,China, United States"`` as ``("China", "United States")``: split, trimmed,
    repeats dropped, first order kept."""
    if not value:
        return ()
    seen: dict[str, None] = {}
    for item in value.split(_LIST_SEPARATOR):
        cleaned = " ".join(_clean(item).split())
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


def web_links(value: str) -> tuple[str, ...]:
    """The ``http``/``https`` URLs in a cell (one or several, split by white space)."""
    links: dict[str, None] = {}
    for token in _URL_SPLIT.split(value.strip()):
        if not token or _CONTROLS.search(token):
            continue
        try:
            parts = urlsplit(token)
        except ValueError:
            continue
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            links.setdefault(token, None)
    return tuple(links)


def _number(line: int, column: str, value: str, remarks: list[Remark]) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 0:
        remarks.append(Remark(line, f"{column} '{echo(value, 40)}' is not a number; left empty"))
        return None
    return number


def _date(line: int, value: str, remarks: list[Remark]) -> str | None:
    if not value:
        return None
    if _DATE.fullmatch(value):
        try:
            year, month, day = (int(part) for part in (value + "-01-01")[:10].split("-"))
            date(year, month, day)
        except ValueError:
            pass
        else:
            return value
    remarks.append(Remark(line, f"{COL_DATE} '{echo(value, 40)}' is not a date; left empty"))
    return None


def normalise_name(name: str) -> str:
    """A model name as it is matched: trimmed, inner runs of white space as one space, NFC."""
    return unicodedata.normalize("NFC", " ".join(name.split()))
