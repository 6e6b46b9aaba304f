"""Screenshots of the Models catalogue on Epoch AI's real data: shots/catalogue-*.png.

Run under a real X display, e.g.:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_catalogue.py

The real CSV is read from ../shared (never copied into the repository) and imported with the
app's own importer into a model data store in a temporary data folder; the main window reads it
from there as the installed app does. Nothing of the user's is read or changed. It saves:

- catalogue-organisation.png: the Models tab filtered to one organisation, with the count;
- catalogue-imported-model.png: an imported model's detail pane (figures, attribution, quote);
- catalogue-compare.png: a curated and an imported model side by side.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
EPOCH_CSV = ROOT.parent / "shared" / "data" / "epoch-ai" / "notable-ai-models.csv"

from genai_atlas import resources  # noqa: E402
from genai_atlas.app import application  # noqa: E402
from genai_atlas.data import open_atlas  # noqa: E402
from genai_atlas.data.library import Library  # noqa: E402
from genai_atlas.data.model_data import ModelData, import_epoch, open_model_store  # noqa: E402
from genai_atlas.data.model_dataset import load_dataset  # noqa: E402
from genai_atlas.data.model_filter import ModelFilter  # noqa: E402
from genai_atlas.data.userdb_open import open_user_store  # noqa: E402
from genai_atlas.settings import Settings  # noqa: E402
from genai_atlas.ui.main_window import MainWindow  # noqa: E402

ORGANISATION = "Google DeepMind"
IMPORTED = "AlphaFold 2"


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def main(out_dir: Path = ROOT / "shots") -> int:
    if not EPOCH_CSV.is_file():
        print(f"screenshot_catalogue: {EPOCH_CSV} is not there")
        return 1
    app = application()
    out_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_atlas(resources.database_path()) as atlas:
        folder = Path(tmp)
        os.environ["GENAI_ATLAS_DATA_DIR"] = str(folder)
        store = open_model_store(folder / "model-data.sqlite3")
        report = import_epoch(ModelData.for_atlas(store, atlas), EPOCH_CSV)
        store.close()
        print(f"imported: {report.added} added, {len(report.skipped)} skipped")
        atlas.set_dataset_loader(lambda: load_dataset(folder / "model-data.sqlite3"))
        library = Library(atlas, open_user_store(folder / "library.sqlite3"))
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(library, settings)
        window.resize(1380, 860)
        window.show()
        settle(app)
        window.navigate_to("model/gpt-4")
        tab = window.current_tab()
        tab.set_model_filter(ModelFilter(organisation=ORGANISATION))  # type: ignore[attr-defined]
        settle(app)
        window.grab().save(str(out_dir / "catalogue-organisation.png"))
        print(f"shots/catalogue-organisation.png: {tab.filter_bar().count_label()}")  # type: ignore[attr-defined]

        found = next(m for m in atlas.models() if m.title == IMPORTED)
        window.navigate_to(found.id)
        settle(app)
        window.grab().save(str(out_dir / "catalogue-imported-model.png"))
        print(f"shots/catalogue-imported-model.png: {found.id}")

        window.sheet_features.basket.add("model/gpt-4")
        window.sheet_features.basket.add(found.id)
        view = window.sheet_features.compare_basket()
        if view is not None:
            view.resize(1100, 760)
            settle(app)
            view.grab().save(str(out_dir / "catalogue-compare.png"))
            print("shots/catalogue-compare.png: GPT-4 beside an imported model")
            view.close()
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
