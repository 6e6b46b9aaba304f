"""The desktop entry, AppStream metainfo and icon that desktops and software centres read."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from genai_atlas import APP_ID, APP_NAME, __version__
from genai_atlas.resources import asset_path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SVG = RESOURCES / f"{APP_ID}.svg"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_app_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"] == "genai-atlas"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils missing")
def test_desktop_entry_validates_without_errors_or_warnings() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_metainfo_describes_this_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    assert root.findtext("summary")
    assert len(root.findall("description/p")) >= 2
    assert root.findall("screenshots/screenshot/image")
    assert __version__ in [r.get("version") for r in root.findall("releases/release")]


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream missing")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_renders_exist_at_every_size(size: int) -> None:
    assert png_size(RESOURCES / "icons" / f"{size}x{size}" / f"{APP_ID}.png") == (size, size)


def test_the_app_ships_the_same_icon_as_the_desktop() -> None:
    assert asset_path("icon.svg").read_bytes() == SVG.read_bytes()


def test_icon_draws_a_globe_and_a_spark(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(asset_path("icon.svg")))
    assert renderer.isValid()
    image = QImage(128, 128, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    globe = QColor(image.pixel(30, 85))  # the sea, left of the central meridian
    spark = QColor(image.pixel(100, 28))  # the spark's centre
    corner = QColor.fromRgba(image.pixel(2, 125))
    assert globe.blue() > 150 and globe.red() < 120
    assert spark.red() > 200 and spark.green() > 150 and spark.blue() < 120
    assert corner.alpha() == 0


def test_windows_and_macos_icons_are_rendered_from_the_svg() -> None:
    from PySide6.QtGui import QImageReader

    root = Path(__file__).resolve().parents[2]
    for name, sizes in (
        ("genai-atlas.ico", {16, 32, 48, 64, 128, 256}),
        ("genai-atlas.icns", {128, 256, 512}),
    ):
        reader = QImageReader(str(root / "packaging" / name))
        found = set()
        for number in range(reader.imageCount()):
            reader.jumpToImage(number)
            image = reader.read()
            assert not image.isNull(), f"packaging/{name}: image {number}: {reader.errorString()}"
            found.add(image.width())
        assert found == sizes, f"packaging/{name} holds {sorted(found)}"
