"""Importing Epoch AI's "Notable AI Models" CSV, against ``sqlite-utils insert --csv`` (the floor).

    .venv/bin/python bench/import_epoch.py [--csv FILE] [--rounds N]

Reads the real file from ../shared/data/epoch-ai/ (never copied into the repository; the
benchmark says so and stops when it is absent). Each round, alternating:

* **import**: ``import_epoch`` into a fresh model data store (file created, migrated, WAL), the
  whole of it: reading by header names, trimming, splitting lists, parsing numbers, assigning
  ids against the atlas's curated models, one transaction, closing;
* **floor**: what ``sqlite-utils insert DB models FILE --csv`` does, in this process (no
  interpreter start-up counted): a fresh database, the CSV read with ``csv.DictReader`` and
  ``Table.insert_all`` of every row as text.

Then a re-import of the same file into the filled store (every row unchanged). Prints medians in
ms and the ratio to the floor. Goals: the import under 1 s, and within 3x the floor.

Last, for the catalogue built on it: ``ModelData.models()`` (every row as an ``ImportedModel``)
on the real file and on a synthetic 10x copy (each row ten times under new names, written to the
temporary folder), against the raw ``SELECT`` of the same rows as tuples. No Qt.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

REAL_FILE = ROOT.parent / "shared" / "data" / "epoch-ai" / "notable-ai-models.csv"
GOAL_MS = 1000.0
GOAL_RATIO = 3.0


def _curated() -> dict[str, str]:
    """The atlas's curated models and their Epoch names (from the built database)."""
    from genai_atlas.data import open_atlas
    from genai_atlas.data.model_data import curated_epoch_names
    from genai_atlas.resources import database_path

    with open_atlas(database_path()) as atlas:
        return curated_epoch_names(atlas)


def _import(csv_path: Path, folder: Path, curated: dict[str, str], *, again: bool = False) -> float:
    """Milliseconds to import the file into the store in ``folder``: a fresh one, or ``again``
    into the store an earlier import filled (every row unchanged)."""
    from genai_atlas.data.model_data import ModelData, import_epoch, open_model_store

    start = time.perf_counter()
    store = open_model_store(folder / "model-data.sqlite3")
    try:
        report = import_epoch(ModelData(store, curated), csv_path)
    finally:
        store.close()
    elapsed = (time.perf_counter() - start) * 1000
    assert (report.added == 0 and report.unchanged > 0) if again else report.added > 0
    return elapsed


def _floor(csv_path: Path, folder: Path) -> float:
    import sqlite_utils

    start = time.perf_counter()
    db = sqlite_utils.Database(folder / "floor.db")
    try:
        with open(csv_path, encoding="utf-8-sig", newline="") as handle:
            db["models"].insert_all(csv.DictReader(handle))
    finally:
        db.close()
    return (time.perf_counter() - start) * 1000


def _ten_times(csv_path: Path, target: Path) -> Path:
    """The file with every row ten times, renamed "<name> #k": a catalogue ten times as long."""
    with open(csv_path, encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    header, body = rows[0], rows[1:]
    name = header.index("Model")
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for copy in range(10):
            for row in body:
                renamed = list(row)
                renamed[name] = f"{row[name].strip()} #{copy}" if copy else row[name]
                writer.writerow(renamed)
    return target


def _listing(csv_path: Path, folder: Path, curated: dict[str, str], rounds: int) -> str:
    from genai_atlas.data.model_data import ModelData, import_epoch, open_model_store

    folder.mkdir()
    store = open_model_store(folder / "model-data.sqlite3")
    try:
        data = ModelData(store, curated)
        import_epoch(data, csv_path)
        listed, lean, raw = [], [], []
        for _ in range(rounds):
            start = time.perf_counter()
            count = len(data.models())
            listed.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            data.models(with_text=False)
            lean.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            store.read_tuples("SELECT * FROM imported_model ORDER BY publication_date DESC")
            raw.append((time.perf_counter() - start) * 1000)
    finally:
        store.close()
    models, without, floor = (statistics.median(times) for times in (listed, lean, raw))
    return (
        f"  {count:>6,} rows: models() {models:6.1f} ms {models / floor:5.2f}x, "
        f"models(with_text=False) {without:6.1f} ms {without / floor:5.2f}x; "
        f"raw SELECT * {floor:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, default=REAL_FILE, help="the Epoch AI CSV to import")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if not args.csv.is_file():
        print(
            f"skipped: the Epoch AI dataset is not at {args.csv} (it is read from ../shared, "
            "never copied into the repository)"
        )
        return 0
    curated = _curated()
    imports: list[float] = []
    floors: list[float] = []
    reimports: list[float] = []
    with tempfile.TemporaryDirectory(prefix="genai-atlas-bench-") as temporary:
        base = Path(temporary)
        # One unmeasured round each: imports, page cache and file system warm.
        _import(args.csv, base / "warm-import", curated)
        (base / "warm-floor").mkdir()
        _floor(args.csv, base / "warm-floor")
        for number in range(args.rounds):
            import_folder = base / f"import-{number}"
            floor_folder = base / f"floor-{number}"
            floor_folder.mkdir()
            if number % 2:
                floors.append(_floor(args.csv, floor_folder))
                imports.append(_import(args.csv, import_folder, curated))
            else:
                imports.append(_import(args.csv, import_folder, curated))
                floors.append(_floor(args.csv, floor_folder))
            reimports.append(_import(args.csv, import_folder, curated, again=True))
        listings = [
            _listing(args.csv, base / "list-1x", curated, args.rounds),
            _listing(_ten_times(args.csv, base / "ten.csv"), base / "list-10x", curated, 5),
        ]
    size = args.csv.stat().st_size / (1024 * 1024)
    imported = statistics.median(imports)
    floor = statistics.median(floors)
    again = statistics.median(reimports)
    print(f"file: {args.csv.name} ({size:.1f} MiB), {args.rounds} rounds, medians")
    print(f"  sqlite-utils insert --csv (floor)   {floor:8.1f} ms")
    print(f"  import_epoch into a fresh store     {imported:8.1f} ms   {imported / floor:5.2f}x")
    print(f"  import_epoch again (all unchanged)  {again:8.1f} ms   {again / floor:5.2f}x")
    print("listing for the catalogue, medians")
    for line in listings:
        print(line)
    met = imported < GOAL_MS and imported / floor <= GOAL_RATIO
    print(
        f"goal: under {GOAL_MS:.0f} ms and within {GOAL_RATIO:g}x the floor: "
        f"{'met' if met else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
