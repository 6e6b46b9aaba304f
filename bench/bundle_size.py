"""Bundle size: dist/genai-atlas next to a bare PySide6 "hello window" bundle built in the same run.

    .venv/bin/python bench/bundle_size.py           # measure dist/genai-atlas (build it if missing)
    .venv/bin/python bench/bundle_size.py --build   # rebuild it first (make bundle)

The bare bundle is what PyInstaller makes, with its default hooks, of a script that shows a
QMainWindow with a label: the floor an app would start from without choosing what to leave out.
Prints both sizes and the ratio; the goal is a ratio of at most 1.0.
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


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of the files under ``folder`` (a link counts as a link)."""
    total = count = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            info = os.lstat(os.path.join(dirpath, name))
            total += info.st_size
            count += 1
    return total, count


def build_hello(workdir: Path) -> Path:
    script = workdir / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
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
    return workdir / "dist" / "hello"


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
        hello_size, hello_files = folder_size(build_hello(Path(workdir)))

    ratio = app_size / hello_size
    print("one-folder bundle sizes (PyInstaller, this machine):")
    print(f"  genai-atlas (dist/genai-atlas)  {app_size / 1e6:7.1f} MB  {app_files:5d} files")
    print(f"  bare PySide6 hello window       {hello_size / 1e6:7.1f} MB  {hello_files:5d} files")
    print(f"  ratio {ratio:.2f} (goal <= {GOAL}): {'ok' if ratio <= GOAL else 'over the goal'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
