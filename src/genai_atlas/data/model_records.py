"""Records of imported model data (Epoch AI's "Notable AI Models"), and its attribution line.

These are what the catalogue, the charts, the CLI and printouts read; they come from
:class:`~.model_data.ModelData`. Every view, printout, export or chart that shows them shows
:func:`attribution_line` (the licence requires it), and shows the dataset's free text
(``abstract`` and the ``*_notes``) as the publisher's quoted words under that line, never as the
atlas's own. All text in them came from a file the reader imported: escape it wherever it
becomes HTML, and open only ``links`` (all ``http``/``https``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .echo import echo
from .model_filter import publication_year

if TYPE_CHECKING:
    from .epoch_csv import Remark, SkippedRow

EPOCH_ATTRIBUTION = 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0'
EPOCH_SOURCE_URL = "https://epoch.ai/data/notable-ai-models"


@dataclass(frozen=True, slots=True)
class ImportedModel:
    """One model of the imported dataset.

    ``entry_id`` is ``model/<slug>``, stable across re-imports. Where a curated model of the
    atlas names this row in its ``epoch_name``, ``entry_id`` is that model's id and ``curated``
    is True: the two are one entry, the atlas's text plus these figures.
    """

    entry_id: str
    name: str
    organisations: tuple[str, ...]
    countries: tuple[str, ...]
    publication_date: str | None
    """``YYYY-MM-DD`` as the file gives it (rarely only ``YYYY-MM`` or ``YYYY``); None if absent."""
    domains: tuple[str, ...]
    tasks: tuple[str, ...]
    parameters: float | None
    training_compute_flop: float | None
    accessibility: str
    """As the file says: "Open weights (unrestricted)", "API access", … or ""."""
    links: tuple[str, ...]
    """``http``/``https`` URLs only, as given in the file's Link column."""
    reference: str
    """The title of the paper or post the file cites."""
    abstract: str
    parameters_notes: str
    compute_notes: str
    accessibility_notes: str
    source_line: int
    """The line of the imported file this model's record started on (the header is line 1)."""
    curated: bool = False

    @property
    def year(self) -> int | None:
        return publication_year(self.publication_date)

    @property
    def organisation(self) -> str:
        """The organisations as one line: "Google DeepMind, Google"."""
        return ", ".join(self.organisations)


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """The file the data came from, and when it was imported (the last import that changed it)."""

    file_name: str
    """The file's name (no folder)."""
    file_modified: str
    """When the file was last modified (UTC, ``YYYY-MM-DDTHH:MM:SSZ``): usually the download."""
    newest_publication_date: str | None
    """The newest publication date in the file: how current the data is."""
    imported_at: str
    """When it was imported (UTC, ``YYYY-MM-DDTHH:MM:SSZ``)."""
    row_count: int
    """Models read from that file (skipped rows not counted)."""
    model_count: int
    """Models in the store now: ``row_count`` plus any kept from earlier files."""

    @property
    def file_date(self) -> str:
        """The file's date, ``YYYY-MM-DD``."""
        return self.file_modified[:10]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did. The counts add up to the records of the file."""

    file_name: str
    added: int
    updated: int
    unchanged: int
    skipped: tuple[SkippedRow, ...]
    """Rows left out, each with its line and why."""
    remarks: tuple[Remark, ...]
    """Values left empty in rows that were imported (a number that is not a number)."""
    not_in_file: int
    """Models imported earlier that this file does not list: kept as they were."""
    info: DatasetInfo

    @property
    def imported(self) -> int:
        return self.added + self.updated + self.unchanged


def attribution_line(info: DatasetInfo | None) -> str:
    """The line to show under imported data: the licence's attribution and the file's date.

    ``Data: Epoch AI, "Data on Notable AI Models" (epoch.ai), CC BY 4.0; file of 2026-01-26,
    models up to 2025-12-31``.
    """
    if info is None:
        return EPOCH_ATTRIBUTION
    newest = (
        f", models up to {info.newest_publication_date}" if info.newest_publication_date else ""
    )
    return f"{EPOCH_ATTRIBUTION}; file of {info.file_date}{newest}"


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}" if number == 1 else f"{number:,} {word}s"


def report_summary(report: ImportReport) -> list[str]:
    """The counts, as every front end words them: one line, and one more when models of an
    earlier file were kept."""
    lines = [
        f"Imported {echo(report.file_name, limit=160)}: {report.added:,} added, "
        f"{report.updated:,} updated, {report.unchanged:,} unchanged, "
        f"{len(report.skipped):,} skipped."
    ]
    kept = report.not_in_file
    if kept:
        lines.append(
            f"{_count(kept, 'model')} from earlier imports {'is' if kept == 1 else 'are'} not "
            f"in this file and kept as {'it was' if kept == 1 else 'they were'}."
        )
    return lines


def report_details(report: ImportReport) -> list[str]:
    """Each skipped row (line and reason), then each value left empty (line and what)."""
    return [
        *(f"Skipped line {row.line:,}: {row.reason}." for row in report.skipped),
        *(f"Line {remark.line:,}: {remark.text}." for remark in report.remarks),
    ]
