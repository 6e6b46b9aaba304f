"""Save a screenshot of every tab of the real main window to shots/<tab>.png.

Run under a real X display, e.g.:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_tabs.py

Settings go to a temporary INI file, so the user's own settings are neither read nor changed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from genai_atlas import resources  # noqa: E402
from genai_atlas.app import application  # noqa: E402
from genai_atlas.data import open_atlas  # noqa: E402
from genai_atlas.data.library import Library  # noqa: E402
from genai_atlas.data.userdb import memory_store  # noqa: E402
from genai_atlas.settings import Settings  # noqa: E402
from genai_atlas.ui.main_window import MainWindow  # noqa: E402

# An entry worth looking at in each tab.
SHOTS = {
    "comparisons": "comparison/overview",
    "categories": "category/image-generation",
    "industries": "industry/healthcare",
    "trends": "trend/multimodal-ai",
    "models": "model/gpt-4",
    "glossary": "term/transformer",
}


def dark_palette() -> QPalette:
    role = QPalette.ColorRole
    palette = QPalette()
    for which, colour in (
        (role.Window, "#2b2d31"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1f22"),
        (role.AlternateBase, "#26282c"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#2b2d31"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#3574f0"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#6cb6ff"),
        (role.PlaceholderText, "#8a8d91"),
    ):
        palette.setColor(which, QColor(colour))
    return palette


def main(out_dir: Path = ROOT / "shots", highlight: str = "") -> int:
    app = application()
    out_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_atlas(resources.database_path()) as atlas:
        store = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Library(atlas, memory_store()), Settings(store))
        window.resize(1280, 820)
        window.show()
        if highlight:
            window.set_highlight_terms([highlight])
        for key, entry_id in SHOTS.items():
            window.navigate_to(entry_id)
            for _ in range(5):
                app.processEvents()
            path = out_dir / f"{key}.png"
            window.grab().save(str(path))
            print(f"{path.relative_to(ROOT)}: {window.current_tab().title} / {entry_id}")
        # The same window after a switch to a dark palette: the detail pane must follow.
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out_dir / "dark.png"))
        print(f"shots/dark.png: {window.current_tab().title} in a dark palette")
        window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(highlight=sys.argv[1] if len(sys.argv) > 1 else ""))
