"""Render the app icon (resources/<app-id>.svg) to the PNG sizes desktops ask for.

Run after editing the SVG: ``.venv/bin/python packaging/render_icons.py``. It renders with Qt's own
SVG renderer, so the PNGs match what the window icon looks like, and copies the SVG into the
package (``src/genai_atlas/assets/icon.svg``) where the running app finds it. The outputs are
committed; neither the build nor the app runs this.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from genai_atlas import APP_ID  # noqa: E402

SIZES = (16, 32, 48, 64, 128, 256, 512)
SVG = ROOT / "resources" / f"{APP_ID}.svg"
ICON_DIR = ROOT / "resources" / "icons"
PACKAGE_COPY = ROOT / "src" / "genai_atlas" / "assets" / "icon.svg"


def png_path(size: int) -> Path:
    """Where the PNG of one size lives, laid out like share/icons/hicolor."""
    return ICON_DIR / f"{size}x{size}" / f"{APP_ID}.png"


def render(svg: Path = SVG) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG that Qt can draw")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    shutil.copyfile(svg, PACKAGE_COPY)
    written.append(PACKAGE_COPY)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))
