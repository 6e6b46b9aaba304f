"""Startup time: from launching the process to the main window shown, against a bare PySide6 window.

    .venv/bin/python bench/startup.py            # the app from source, 9 runs each
    .venv/bin/python bench/startup.py --bundle   # the PyInstaller bundle in dist/genai-atlas

Each run is a fresh process on the offscreen platform. The app is started through
packaging/launcher.py (the bundle's own entry script) with GENAI_ATLAS_STARTUP_PROBE=1, which
prints the time at which the main window was first exposed and painted; the baseline is a bare
QApplication + QMainWindow timed the same way, in the same run. Prints the medians and their
ratio; the goal is a ratio of at most 1.5.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "packaging" / "launcher.py"
BUNDLE = ROOT / "dist" / "genai-atlas" / "genai-atlas"
GOAL = 1.5

# The baseline: the least a PySide6 app does to show a main window, with the same probe.
BARE_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication([])

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched is window.windowHandle():
            app.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False

def report():
    print(f"shown {time.monotonic_ns()}", flush=True)
    app.quit()

app.installEventFilter(Probe(app))
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1000, 700)
window.show()
app.exec()
"""


def time_to_shown(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` to the ``shown <ns>`` line it prints."""
    start = time.monotonic_ns()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("shown "):
            return (int(line.split()[1]) - start) / 1e9
    raise SystemExit(
        f"{' '.join(command)} never reported its window (exit {result.returncode}):\n"
        f"{result.stderr.strip()[-2000:]}"
    )


def median_time(command: list[str], env: dict[str, str], runs: int) -> tuple[float, list[float]]:
    time_to_shown(command, env)  # warm-up: file cache, font cache
    times = [time_to_shown(command, env) for _ in range(runs)]
    return statistics.median(times), times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", action="store_true", help="time dist/genai-atlas instead")
    parser.add_argument(
        "--runs", type=int, default=None, help="runs of each (default 9, 5 with --bundle)"
    )
    args = parser.parse_args()
    runs = args.runs or (5 if args.bundle else 9)

    if args.bundle:
        if not BUNDLE.is_file():
            raise SystemExit(f"{BUNDLE} is missing: run 'make bundle' first")
        app_command = [str(BUNDLE)]
        label = "bundled app (dist/genai-atlas)"
    else:
        app_command = [sys.executable, str(LAUNCHER)]
        label = "app from source"

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        # A user's Python caches compiled modules; with this set (as some shells and sandboxes
        # do) every run would compile the app from source and time the compiler instead.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            GENAI_ATLAS_STARTUP_PROBE="1",
            # Remembered window state goes to a throw-away folder, not the user's config.
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            XDG_DATA_HOME=str(Path(home) / "data"),
        )
        app_median, app_times = median_time(app_command, env, runs)
        bare_median, bare_times = median_time([sys.executable, "-c", BARE_WINDOW], env, runs)

    def show(times: list[float]) -> str:
        return " ".join(f"{t * 1000:.0f}" for t in times)

    ratio = app_median / bare_median
    print(f"startup to main window shown, median of {runs} runs (offscreen):")
    bare = "bare PySide6 QMainWindow"
    print(f"  {label:<32} {app_median * 1000:7.0f} ms   (runs: {show(app_times)})")
    print(f"  {bare:<32} {bare_median * 1000:7.0f} ms   (runs: {show(bare_times)})")
    print(f"  ratio {ratio:.2f} (goal <= {GOAL}): {'ok' if ratio <= GOAL else 'over the goal'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
