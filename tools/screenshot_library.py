"""Screenshots of the reader's library in the real main window: shots/library-*.png.

Run under a real X display, e.g.:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_library.py

The library is a fresh file in a temporary folder, filled with a few bookmarks (one in a folder,
one renamed), a note and a day of history, so the user's own library is neither read nor
changed. It saves:

- library-star.png: an entry with its star set and a note under it;
- library-bookmarks.png: the Bookmarks panel, with a folder;
- library-history.png: the History panel.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDockWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from genai_atlas import resources  # noqa: E402
from genai_atlas.app import application  # noqa: E402
from genai_atlas.data import open_atlas  # noqa: E402
from genai_atlas.data.library import Library  # noqa: E402
from genai_atlas.data.userdb_open import open_user_store  # noqa: E402
from genai_atlas.settings import Settings  # noqa: E402
from genai_atlas.ui.main_window import MainWindow  # noqa: E402

NOTE = (
    "Asked about this in the Tuesday workshop.\n"
    "Check the context length against Claude before the client meeting."
)


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def main(out_dir: Path = ROOT / "shots") -> int:
    app = application()
    out_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_atlas(resources.database_path()) as atlas:
        folder = Path(tmp)
        store = open_user_store(folder / "library.sqlite3")
        library = Library(atlas, store)
        library.add_bookmark("model/claude", folder="Client meeting")
        library.add_bookmark("comparison/popular-models", folder="Client meeting")
        library.add_bookmark("term/transformer")
        library.add_bookmark("model/stable-diffusion")
        library.rename_bookmark("model/stable-diffusion", "Stable Diffusion (for the class)")
        library.add_folder("Reading list")
        library.set_note("model/gpt-4", NOTE)
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(library, settings)
        window.resize(1280, 820)
        window.show()
        for entry_id in ("term/diffusion-model", "category/image-generation", "model/claude"):
            window.navigate_to(entry_id)
            settle(app)
        window.navigate_to("model/gpt-4")
        window.bookmarks.toggle("model/gpt-4")
        settle(app)
        window.grab().save(str(out_dir / "library-star.png"))
        print("shots/library-star.png: model/gpt-4 bookmarked, with its note")

        window.bookmarks.show_panel()
        window.bookmarks.panel.select("model/claude")
        settle(app)
        window.grab().save(str(out_dir / "library-bookmarks.png"))
        print("shots/library-bookmarks.png: the Bookmarks panel")
        window.bookmarks.dock.hide()

        history = window.findChild(QDockWidget, "historyDock")
        if history is not None:
            history.show()
            settle(app)
            window.grab().save(str(out_dir / "library-history.png"))
            print("shots/library-history.png: the History panel")
        window.close()
        store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
