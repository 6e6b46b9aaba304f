"""Bundle size: dist/genai-atlas next to two bare bundles built in the same run.

    .venv/bin/python bench/bundle_size.py           # measure dist/genai-atlas (build it if missing)
    .venv/bin/python bench/bundle_size.py --build   # rebuild it first (make bundle)

The floor is what PyInstaller makes, with its default hooks, of a script that shows a pyqtgraph
PlotWidget with a scatter in a QMainWindow (PySide6 + pyqtgraph + numpy, as the charts need):
where an app that draws charts would start without choosing what to leave out. A bare PySide6
"hello window" (a QLabel) is built too, for scale. Prints the sizes and the ratios; the goal is a
ratio to the floor of at most 1.0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "genai-atlas"
PYINSTALLER = Path(sys.executable).parent / "pyinstaller"
GOAL = 1.0

HELLO = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.show()
sys.exit(app.exec())
"""

SCATTER = """
import sys
import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
plot = pg.PlotWidget()
x = np.linspace(1950.0, 2025.0, 200)
plot.addItem(pg.ScatterPlotItem(x=x, y=10 ** ((x - 1950.0) / 4.0), size=7))
plot.setLogMode(y=True)
window.setCentralWidget(plot)
window.show()
sys.exit(app.exec())
"""


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of the files under ``folder`` (a link counts as a link)."""
    total = count = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            info = os.lstat(os.path.join(dirpath, name))
            total += info.st_size
            count += 1
    return total, count


def build_bare(workdir: Path, name: str, source: str) -> Path:
    """``source`` as ``name``.py, bundled one-folder with PyInstaller's defaults; the folder."""
    workdir = workdir / name
    workdir.mkdir()
    script = workdir / f"{name}.py"
    script.write_text(source, encoding="utf-8")
    subprocess.run(
        [
            str(PYINSTALLER),
            "--noconfirm",
            "--onedir",
            "--windowed",
            "--log-level",
            "ERROR",
            "--distpath",
            str(workdir / "dist"),
            "--workpath",
            str(workdir / "build"),
            "--specpath",
            str(workdir),
            str(script),
        ],
        check=True,
        cwd=workdir,
    )
    return workdir / "dist" / name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="run 'make bundle' first")
    args = parser.parse_args()
    if not PYINSTALLER.is_file():
        raise SystemExit(f"{PYINSTALLER} is missing: install the dev tools (make setup)")
    if args.build or not (BUNDLE / "genai-atlas").is_file():
        subprocess.run(["make", "--no-print-directory", "bundle"], cwd=ROOT, check=True)

    app_size, app_files = folder_size(BUNDLE)
    with tempfile.TemporaryDirectory(prefix="bare-bundle-") as workdir:
        floor_size, floor_files = folder_size(build_bare(Path(workdir), "scatter", SCATTER))
        hello_size, hello_files = folder_size(build_bare(Path(workdir), "hello", HELLO))

    ratio = app_size / floor_size
    print("one-folder bundle sizes (PyInstaller, this machine):")
    rows = (
        ("genai-atlas (dist/genai-atlas)", app_size, app_files),
        ("floor: PySide6 + pyqtgraph + numpy", floor_size, floor_files),
        ("bare PySide6 hello window", hello_size, hello_files),
    )
    for label, size, files in rows:
        print(f"  {label:36s} {size / 1e6:7.1f} MB  {files:5d} files")
    print(f"  ratio to the bare PySide6 window: {app_size / hello_size:.2f}")
    verdict = "ok" if ratio <= GOAL else "over the goal"
    print(f"  ratio to the floor {ratio:.2f} (goal <= {GOAL}): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
