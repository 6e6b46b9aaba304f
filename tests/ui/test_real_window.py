"""The app in a real X window (Xvfb), not the offscreen platform: it starts on xcb, every tab
paints something, and the search given on the command line is there.

The rest of the suite runs offscreen; this one proves the xcb platform plugin and the libraries
it needs are present (CI installs them in .ci/run). Skips where Xvfb is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="Xvfb (xvfb-run) not installed"),
]

SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from genai_atlas.app import application
from genai_atlas.data import open_atlas
from genai_atlas.data.library import Library
from genai_atlas.data.userdb import memory_store
from genai_atlas.resources import database_path
from genai_atlas.settings import Settings
from genai_atlas.ui.main_window import MainWindow

out = Path(sys.argv[1])
app = application()
print("platform", QGuiApplication.platformName(), flush=True)
settings = Settings(QSettings(str(out / "settings.ini"), QSettings.Format.IniFormat))
window = MainWindow(Library(open_atlas(database_path()), memory_store()), settings)
window.resize(1200, 800)
window.start_search("difusion")
window.show()
assert QTest.qWaitForWindowExposed(window, 10000), "window never exposed"
for index in range(len(window.tabs())):
    window.show_tab(index)
    QTest.qWait(50)
    window.grab().save(str(out / f"tab-{index}.png"))
print("search", window.search_box.results.did_you_mean, flush=True)
"""


def test_app_paints_every_tab_in_a_real_x_window(atlas_db_path: Path, tmp_path: Path) -> None:
    script = tmp_path / "real_window.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["GENAI_ATLAS_DB"] = str(atlas_db_path)
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x900x24",
            sys.executable,
            str(script),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "platform xcb" in result.stdout
    assert "search diffusion" in result.stdout  # the typo was corrected in a real window too
    shots = sorted(tmp_path.glob("tab-*.png"))
    assert len(shots) == 6
    assert len({shot.read_bytes() for shot in shots}) == 6, "two tabs painted the same picture"
    for shot in shots:
        image = QImage(str(shot))
        assert image.width() >= 1000 and image.height() >= 700
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 20, f"{shot.name} looks blank"
