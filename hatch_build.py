"""Hatch build hook: builds the bundled SQLite database from database/content before packing.

The database is a build output; building it here means `pip install .` (and an editable install)
always carries a database made from the same sources as the code.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class AtlasDatabaseHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            # An editable install reads src/ in place; `make db` keeps the database there fresh.
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("atlas_build", root / "database" / "build.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
        # Built in a folder of the build's own and packed from there: the source tree (and a
        # database `make db` put in it) is left untouched.
        self._folder = tempfile.TemporaryDirectory(prefix="genai-atlas-build-")
        output = Path(self._folder.name) / "atlas.db"
        module.build_database(root / "database" / "content", output)
        build_data["force_include"][str(output)] = "genai_atlas/assets/atlas.db"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
