"""Imported model data: Epoch AI's "Notable AI Models" in a writable store of its own (no Qt).

The store is ``model-data.sqlite3`` in the data folder, beside the reader's library but never
inside it: importing or removing model data cannot touch bookmarks, notes or history. It is
opened by :func:`userdb_open.open_user_store` with its own migrations
(:mod:`model_migrations`), so a damaged file or one from a newer version is moved aside exactly
as the library's would be.

:func:`import_epoch` reads the whole file first (a file that is not the dataset changes nothing)
and then writes it in **one transaction**: a cancelled, failed or killed import (``kill -9``
included: the commit is all or nothing) leaves the previous data exactly as it was. Models are
keyed by their name after trimming; a newer file updates them in place and adds new ones.
Models an earlier file had and this one does not are **kept** unchanged and counted as
``not_in_file`` (Epoch AI rarely drops a model; a reader who wants only the new file can remove
the data first). Importing the same file twice adds and updates nothing.

:class:`ModelData` is what front ends get: the store plus the atlas's curated models, so that a
row a curated model names in its ``epoch_name`` takes that model's id (one entry, not two).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data_dir import model_data_path
from .errors import KnownError
from .model_migrations import MIGRATIONS, TABLES
from .model_records import DatasetInfo, ImportedModel, ImportReport
from .userdb import StoreKind, UserStore, memory_store
from .userdb_open import open_user_store

if TYPE_CHECKING:
    from .atlas import Atlas
    from .epoch_csv import EpochFile, EpochRow

MODEL_DATA = StoreKind(name="model data store", contents="imported model data", tables=TABLES)
# progress(done, PROGRESS_TOTAL): reading the file is most of the work, writing the rest.
PROGRESS_TOTAL = 1000
_READ_SHARE = 900
_CHUNK = 256
_SEPARATOR = "\x1f"

_VALUE_COLUMNS = (
    "name",
    "organisations",
    "countries",
    "publication_date",
    "domains",
    "tasks",
    "parameters",
    "training_compute_flop",
    "accessibility",
    "links",
    "reference",
    "abstract",
    "parameters_notes",
    "compute_notes",
    "accessibility_notes",
)
_COLUMNS = ("entry_id", *_VALUE_COLUMNS, "source_line")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM imported_model"
# The publisher's prose, left out of a listing that shows none of it (see ModelData.models).
_FREE_TEXT = frozenset(
    {"reference", "abstract", "parameters_notes", "compute_notes", "accessibility_notes"}
)
_SELECT_WITHOUT_TEXT = "SELECT {} FROM imported_model".format(
    ", ".join(f"'' AS {c}" if c in _FREE_TEXT else c for c in _COLUMNS)
)
_INSERT = (
    f"INSERT INTO imported_model ({', '.join(_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _COLUMNS)})"
)
_UPDATE = (
    f"UPDATE imported_model SET {', '.join(f'{c} = ?' for c in _VALUE_COLUMNS)}, "
    "source_line = ? WHERE entry_id = ?"
)

Values = tuple[Any, ...]


class ImportCancelled(KnownError):
    """The import was cancelled before it was saved: the model data is as it was."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; the model data is as it was before.")


def open_model_store(path: Path | None = None, **options: Any) -> UserStore:
    """The model data store at ``path`` (default: ``model-data.sqlite3`` in the data folder).

    As :func:`userdb_open.open_user_store`: never raises for a damaged or newer file (moved aside,
    with a notice), read-only or in memory when it cannot be written.
    """
    where = path if path is not None else model_data_path()
    return open_user_store(where, migrations=MIGRATIONS, kind=MODEL_DATA, **options)


def memory_model_store() -> UserStore:
    """A writable model data store in memory: for tests and benchmarks."""
    return memory_store(MIGRATIONS, MODEL_DATA)


def curated_epoch_names(atlas: Atlas) -> dict[str, str]:
    """``{curated model id: epoch_name}`` for every model of the atlas ("" = not in Epoch)."""
    return {model.id: model.epoch_name for model in atlas.models() if model.curated}


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ModelData:
    """Imported model data over one store. Methods may be called from any thread (each gets its
    own connection); reads raise ``StoreError`` if the file fails, writes too if it is
    read-only.

    ``curated`` is ``{curated model id: epoch_name}`` (see :func:`curated_epoch_names`); give it
    on the GUI thread, since the atlas's connection belongs there.
    """

    def __init__(self, store: UserStore, curated: Mapping[str, str] | None = None) -> None:
        self.store = store
        self.curated: dict[str, str] = dict(curated or {})

    @classmethod
    def for_atlas(cls, store: UserStore, atlas: Atlas) -> ModelData:
        return cls(store, curated_epoch_names(atlas))

    def close(self) -> None:
        self.store.close()

    # --- reading -------------------------------------------------------------------------------

    def models(self, *, with_text: bool = True) -> list[ImportedModel]:
        """Every imported model, newest publication first (undated last), then by name.

        ``with_text=False`` leaves the free text out (``reference``, ``abstract`` and the
        ``*_notes`` are ""): for a table or a chart of thousands of rows, which shows none of
        it, and reads in a third of the time. :meth:`model` gives one model whole.
        """
        select = _SELECT if with_text else _SELECT_WITHOUT_TEXT
        rows = self.store.read_tuples(
            f"{select} ORDER BY publication_date IS NULL, publication_date DESC, name"
        )
        return [self._record(row) for row in rows]

    def model(self, entry_id: str) -> ImportedModel | None:
        """The imported model with this id, or None."""
        rows = self.store.read_tuples(f"{_SELECT} WHERE entry_id = ?", (entry_id,))
        return self._record(rows[0]) if rows else None

    def figures_for(self, curated_id: str) -> ImportedModel | None:
        """The dataset's row for a curated model (``model/gpt-4``), or None if none matched."""
        return self.model(curated_id) if curated_id in self.curated else None

    def count(self) -> int:
        return int(self.store.read_tuples("SELECT count(*) FROM imported_model")[0][0])

    def info(self) -> DatasetInfo | None:
        """The file last imported, or None when there is no model data."""
        rows = self.store.read_tuples(
            "SELECT file_name, file_modified, newest_publication_date, imported_at, row_count, "
            "(SELECT count(*) FROM imported_model) FROM dataset WHERE id = 1"
        )
        return DatasetInfo(*rows[0]) if rows else None

    def data_version(self) -> int:
        """Changes when another connection or process commits (an import in another window)."""
        return self.store.data_version()

    def _record(self, row: tuple[Any, ...]) -> ImportedModel:
        # Positional, in ImportedModel's field order (= _COLUMNS): a catalogue builds
        # thousands of these at once.
        (entry_id, name, organisations, countries, published, domains, tasks) = row[:7]
        return ImportedModel(
            entry_id,
            name,
            tuple(organisations.split(_SEPARATOR)) if organisations else (),
            tuple(countries.split(_SEPARATOR)) if countries else (),
            published,
            tuple(domains.split(_SEPARATOR)) if domains else (),
            tuple(tasks.split(_SEPARATOR)) if tasks else (),
            row[7],
            row[8],
            row[9],
            tuple(row[10].split(_SEPARATOR)) if row[10] else (),
            row[11],
            row[12],
            row[13],
            row[14],
            row[15],
            row[16],
            entry_id in self.curated,
        )

    # --- writing -------------------------------------------------------------------------------

    def remove_all(self) -> int:
        """Remove every imported model and the file's details, in one transaction; how many."""
        with self.store.transaction("remove the imported model data") as connection:
            removed = connection.execute("DELETE FROM imported_model").rowcount
            connection.execute("DELETE FROM dataset")
        return int(removed)


def _joined(items: tuple[str, ...]) -> str:
    return _SEPARATOR.join(items)


def _values(row: EpochRow) -> Values:
    """The stored form of a row's values, in ``_VALUE_COLUMNS`` order."""
    return (
        row.name,
        _joined(row.organisations),
        _joined(row.countries),
        row.publication_date,
        _joined(row.domains),
        _joined(row.tasks),
        row.parameters,
        row.training_compute_flop,
        row.accessibility,
        _joined(row.links),
        row.reference,
        row.abstract,
        row.parameters_notes,
        row.compute_notes,
        row.accessibility_notes,
    )


def import_epoch(
    data: ModelData,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: Callable[[], datetime] | None = None,
) -> ImportReport:
    """Import Epoch AI's CSV at ``path`` into ``data`` in one transaction (module docstring).

    ``progress(done, PROGRESS_TOTAL)`` is called a few dozen times; ``cancelled()`` is asked
    between rows, and when it says True nothing is saved and :class:`ImportCancelled` is
    raised. A file that is not the dataset raises ``EpochFileError`` before anything is written.
    """
    found = read_for_import(path, progress=progress, cancelled=cancelled)
    return save_import(data, found, progress=progress, cancelled=cancelled, now=now)


@dataclass(frozen=True, slots=True)
class FileToImport:
    """A file read whole and found to be the dataset, not yet saved (:func:`save_import`)."""

    file_name: str
    file_modified: datetime | None
    contents: EpochFile


def read_for_import(
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FileToImport:
    """The first half of :func:`import_epoch`: read and check the file, touching no store (the
    CLI reads the file before it opens the store, so a bad file changes nothing at all)."""
    # The reader and the id rules load with the first import, not with the app.
    from .epoch_csv import ReadCancelled, read_epoch_csv

    report = progress or _no_progress
    try:
        modified: datetime | None = datetime.fromtimestamp(os.stat(path).st_mtime, UTC)
    except (OSError, ValueError, OverflowError):
        modified = None  # read_epoch_csv says what is wrong with the file
    try:
        found = read_epoch_csv(
            path,
            cancelled=cancelled,
            progress=lambda done, total: report(
                done * _READ_SHARE // max(total, 1), PROGRESS_TOTAL
            ),
        )
    except ReadCancelled:
        raise ImportCancelled from None
    # A name with bytes the locale cannot decode reaches Python as lone surrogates: stored as
    # U+FFFD, since SQLite takes only valid UTF-8.
    name = os.fsencode(Path(path).name).decode("utf-8", "replace")
    return FileToImport(name, modified, found)


def save_import(
    data: ModelData,
    file: FileToImport,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: Callable[[], datetime] | None = None,
) -> ImportReport:
    """The second half of :func:`import_epoch`: write what was read, in one transaction."""
    report = progress or _no_progress
    asked = cancelled or (lambda: False)
    found = file.contents
    moment = (now or (lambda: datetime.now(UTC)))()
    with data.store.transaction("import the model data") as connection:
        counts = _write(connection, data.curated, found.rows, report, asked)
        connection.execute(
            "INSERT OR REPLACE INTO dataset (id, file_name, file_modified, "
            "newest_publication_date, imported_at, row_count) VALUES (1, ?, ?, ?, ?, ?)",
            (
                file.file_name,
                utc_text(file.file_modified or moment),
                found.newest_publication_date,
                utc_text(moment),
                len(found.rows),
            ),
        )
        if asked():  # the last moment a cancel can still keep the old data
            raise ImportCancelled
        info = data.info()
    assert info is not None
    report(PROGRESS_TOTAL, PROGRESS_TOTAL)
    added, updated, unchanged, not_in_file = counts
    return ImportReport(
        file_name=file.file_name,
        added=added,
        updated=updated,
        unchanged=unchanged,
        skipped=found.skipped,
        remarks=found.remarks,
        not_in_file=not_in_file,
        info=info,
    )


def _no_progress(done: int, total: int) -> None:
    pass


def _write(
    connection: sqlite3.Connection,
    curated: Mapping[str, str],
    rows: Iterable[EpochRow],
    report: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> tuple[int, int, int, int]:
    """Insert and update in place; (added, updated, unchanged, not in the file)."""
    from .model_ids import assign_ids

    rows = list(rows)
    cursor = connection.cursor()
    cursor.row_factory = None
    stored: dict[str, tuple[str, Values, int]] = {
        row[1]: (row[0], tuple(row[1:-1]), row[-1]) for row in cursor.execute(_SELECT)
    }
    ids = assign_ids((row.name for row in rows), {n: s[0] for n, s in stored.items()}, curated)
    # A row whose id changes (a curated model now names it) is taken out and put back.
    moved = {name for name, (entry_id, _, _) in stored.items() if ids[name] != entry_id}
    cursor.executemany(
        "DELETE FROM imported_model WHERE entry_id = ?", [(stored[n][0],) for n in moved]
    )
    in_file = {row.name for row in rows}
    inserts: list[Values] = [
        (ids[name], *stored[name][1], stored[name][2]) for name in moved if name not in in_file
    ]
    added = updated = unchanged = 0
    for start in range(0, len(rows), _CHUNK):
        if cancelled():
            raise ImportCancelled
        updates: list[Values] = []
        for row in rows[start : start + _CHUNK]:
            values = _values(row)
            old = stored.get(row.name)
            if old is None or row.name in moved:
                inserts.append((ids[row.name], *values, row.line))
                if old is None:
                    added += 1
                else:
                    updated += 1
            elif old[1] != values:
                updates.append((*values, row.line, old[0]))
                updated += 1
            else:
                unchanged += 1
                if old[2] != row.line:  # the same model, moved in the file: not a change
                    updates.append((*values, row.line, old[0]))
        cursor.executemany(_INSERT, inserts)
        cursor.executemany(_UPDATE, updates)
        inserts = []
        done = min(start + _CHUNK, len(rows))
        report(_READ_SHARE + done * (PROGRESS_TOTAL - _READ_SHARE) // len(rows), PROGRESS_TOTAL)
    cursor.executemany(_INSERT, inserts)
    cursor.close()
    not_in_file = sum(1 for name in stored if name not in in_file)
    return added, updated, unchanged, not_in_file
