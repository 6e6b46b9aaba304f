"""Screenshots of the Charts window on Epoch AI's real data, light and dark: shots/charts-*.png.

Run under a real X display, e.g.:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshot_charts.py

The dataset is read from ../shared with the app's own reader into a store in memory (never
copied, nothing of the user's touched). It saves charts-compute-light.png and
charts-compute-dark.png (the whole screen, as X shows it) and charts-compute.pdf (the printed
page, as Export PDF writes it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
EPOCH_CSV = ROOT.parent / "shared" / "data" / "epoch-ai" / "notable-ai-models.csv"

from genai_atlas import resources  # noqa: E402
from genai_atlas.data import open_atlas  # noqa: E402
from genai_atlas.data.chart_data import imported_dataset  # noqa: E402
from genai_atlas.data.model_data import ModelData, import_epoch, memory_model_store  # noqa: E402


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        ("Window", "#26272b"), ("WindowText", "#e6e6e6"), ("Base", "#1d1e21"),
        ("AlternateBase", "#2a2b2f"), ("Text", "#e6e6e6"), ("Button", "#2f3034"),
        ("ButtonText", "#e6e6e6"), ("Link", "#7ab7ff"), ("Highlight", "#3d6fb4"),
        ("HighlightedText", "#ffffff"),
    ):  # fmt: skip
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def main() -> int:
    app = QApplication(sys.argv)
    app.setStyle(QStyleFactory.create("Fusion"))
    shots = ROOT / "shots"
    shots.mkdir(exist_ok=True)
    with open_atlas(resources.database_path()) as atlas:
        store = memory_model_store()
        data = ModelData.for_atlas(store, atlas)
        import_epoch(data, EPOCH_CSV)
        dataset = imported_dataset(data.models(), data.info())
    from genai_atlas.ui.charts.charts_window import ChartsWindow

    window = ChartsWindow(dataset)
    window.setGeometry(20, 20, 1200, 740)
    window.show()
    for name, palette in (("light", app.style().standardPalette()), ("dark", dark_palette())):
        app.setPalette(palette)
        for _ in range(20):
            app.processEvents()
        target = shots / f"charts-compute-{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print(f"wrote {target}")
    (shots / "charts-compute.pdf").write_bytes(window.chart().pdf_bytes())
    print(f"wrote {shots / 'charts-compute.pdf'}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
