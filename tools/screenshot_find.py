"""A screenshot of the find bar on a long entry in the real main window: shots/find-bar.png.

Run under a real X display, e.g.:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshot_find.py

It opens the Healthcare industry (a long page), then uses the keys a reader would: Ctrl+F, types
"medical", F3 twice, so the bar says "3 of N" with every match marked and the third one current.
The settings and library are fresh files in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from genai_atlas import resources  # noqa: E402
from genai_atlas.app import application  # noqa: E402
from genai_atlas.data import open_atlas  # noqa: E402
from genai_atlas.data.library import Library  # noqa: E402
from genai_atlas.data.userdb_open import open_user_store  # noqa: E402
from genai_atlas.settings import Settings  # noqa: E402
from genai_atlas.ui.main_window import MainWindow  # noqa: E402

ENTRY = "industry/healthcare"
WORD = "medical"


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def main(out_dir: Path = ROOT / "shots") -> int:
    app = application()
    out_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_atlas(resources.database_path()) as atlas:
        folder = Path(tmp)
        store = open_user_store(folder / "library.sqlite3")
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Library(atlas, store), settings)
        window.resize(1280, 760)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.activateWindow()
        window.navigate_to(ENTRY)
        settle(app)
        window.detail_pane().setFocus()
        settle(app)
        QTest.keyClick(window.detail_pane(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        bar = window.find_in_page.current_bar()
        assert bar is not None
        QTest.keyClicks(bar.field, WORD)
        QTest.keyClick(bar.field, Qt.Key.Key_F3)
        QTest.keyClick(bar.field, Qt.Key.Key_F3)
        settle(app)
        path = out_dir / "find-bar.png"
        window.grab().save(str(path))
        print(f"shots/{path.name}: {ENTRY}, find '{WORD}': {bar.count_label()}")
        window.close()
        store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
