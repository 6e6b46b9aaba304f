"""Screenshots for reading comfort (issue 9): a search and an entry with links, then the
Preferences dialog, in whatever scale and theme the environment gives.

Run under a real X display, for example at twice the scale, and under the GTK dark theme:

    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2560x1600x24" \\
        .venv/bin/python tools/screenshot_reading.py shots/2x
    QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita:dark xvfb-run -a -s "-screen 0 1400x900x24" \\
        .venv/bin/python tools/screenshot_reading.py shots/gtk-dark

``--theme dark`` (or light) picks the Preferences theme first. Settings go to a temporary INI
file, so the user's own settings are neither read nor changed. Prints each file and the weakest
text contrast on show (from the window's own theme).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from genai_atlas import resources  # noqa: E402
from genai_atlas.app import application  # noqa: E402
from genai_atlas.data import open_atlas  # noqa: E402
from genai_atlas.data.library import Library  # noqa: E402
from genai_atlas.data.userdb import memory_store  # noqa: E402
from genai_atlas.settings import Settings  # noqa: E402
from genai_atlas.ui.appearance import ThemeChoice  # noqa: E402
from genai_atlas.ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", choices=[c.value for c in ThemeChoice], default="system")
    parser.add_argument("--search", default="transformer attention")
    parser.add_argument("--entry", default="comparison/overview")
    args = parser.parse_args()
    app = application()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_atlas(resources.database_path()) as atlas:
        store = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Library(atlas, memory_store()), Settings(store))
        window.preferences.set_theme(ThemeChoice.parse(args.theme))
        window.resize(1200, 750)
        window.show()
        QTest.qWaitForWindowExposed(window, 10_000)
        window.navigate_to(args.entry)
        window.start_search(args.search)
        QTest.qWait(300)
        shots = {"window.png": window}
        dialog = window.preferences.show_dialog()
        QTest.qWaitForWindowExposed(dialog, 10_000)
        QTest.qWait(200)
        shots["preferences.png"] = dialog
        for name, widget in shots.items():
            widget.grab().save(str(args.out / name))
            print(f"{args.out / name}: {widget.width()}x{widget.height()} logical pixels")
        theme = window.detail_pane().theme()
        low = min(theme.pairs(), key=lambda pair: pair.ratio / pair.minimum)
        print(
            f"platform {QGuiApplication.platformName()}, style {app.style().name()}, "
            f"scale {window.devicePixelRatioF()}; weakest: {low.name} {low.foreground} on "
            f"{low.background} = {low.ratio:.2f}:1; link {theme.link}"
        )
        dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
