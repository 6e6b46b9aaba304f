"""Render the app icon (resources/<app-id>.svg) to the PNG sizes desktops ask for, and to the
.ico and .icns files of the Windows and macOS builds.

Run after editing the SVG: ``.venv/bin/python packaging/render_icons.py``. It renders with Qt's own
SVG renderer, so the PNGs match what the window icon looks like, and copies the SVG into the
package (``src/genai_atlas/assets/icon.svg``) where the running app finds it. The outputs are
committed; neither the build nor the app runs this.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from genai_atlas import APP_ID  # noqa: E402

SIZES = (16, 32, 48, 64, 128, 256, 512)
SVG = ROOT / "resources" / f"{APP_ID}.svg"
ICON_DIR = ROOT / "resources" / "icons"
PACKAGE_COPY = ROOT / "src" / "genai_atlas" / "assets" / "icon.svg"
# The Windows and macOS executables' icons, which the spec uses when it builds on those systems.
# Both formats are a small index of PNG images. They are packed here: Qt's icns writer makes a
# table of contents its own reader calls corrupt, and its ico writer stores a single size.
ICO = ROOT / "packaging" / "genai-atlas.ico"
ICO_SIZES = (16, 32, 48, 64, 128, 256)
ICNS = ROOT / "packaging" / "genai-atlas.icns"
ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09"}


def pack_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (Windows Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def pack_icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file holding PNG images of the sizes macOS asks for."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size, kind in sorted(ICNS_TYPES.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


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
    pngs = {size: png_path(size).read_bytes() for size in SIZES}
    ICO.write_bytes(pack_ico({size: pngs[size] for size in ICO_SIZES}))
    ICNS.write_bytes(pack_icns(pngs))
    written += [ICO, ICNS]
    shutil.copyfile(svg, PACKAGE_COPY)
    written.append(PACKAGE_COPY)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))
