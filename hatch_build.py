"""Hatch build hook: builds the bundled SQLite database from database/content before packing.

The database is a build output; building it here means `pip install .` (and an editable install)
always carries a database made from the same sources as the code.
"""

from __future__ import annotations

import importlib.util
import sys
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
        output = root / "src" / "genai_atlas" / "assets" / "atlas.db"
        module.build_database(root / "database" / "content", output)
