"""Finds the files that ship with the app, in a wheel, a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATABASE_ENV = "GENAI_ATLAS_DB"


def bundle_root() -> Path | None:
    """The PyInstaller bundle's data folder when frozen, else None."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return None


def asset_path(name: str) -> Path:
    """A file in the ``genai_atlas/assets`` package folder (or its copy in the bundle)."""
    root = bundle_root()
    if root is not None:
        return root / "genai_atlas" / "assets" / name
    folder = Path(__file__).resolve().parent / "assets"
    if folder.is_dir():
        # An installed or checked-out package is a plain folder; importlib.resources (and the
        # zipfile support it loads) would add several milliseconds to every start.
        return folder / name
    from importlib import resources  # a zipped package

    return Path(str(resources.files("genai_atlas.assets").joinpath(name)))


def database_path() -> Path:
    """The atlas database: ``$GENAI_ATLAS_DB`` when set (tests, power users), else the bundled."""
    override = os.environ.get(DATABASE_ENV)
    if override:
        return Path(override)
    return asset_path("atlas.db")
