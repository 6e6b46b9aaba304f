"""What packaging/genai-atlas.spec leaves out of the bundle, checked without building it.

The spec's lists and its file filter are read from the spec itself (only those statements run:
the rest builds licence folders and needs PyInstaller). The modules to compare them with are the
ones the self-test really loads, from source, in a fresh interpreter.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "genai-atlas.spec"
LICENSES_README = ROOT / "packaging" / "licenses" / "README.txt"
SPEC_NAMES = {
    "UNUSED_QT",
    "PYQTGRAPH_UNUSED",
    "EXCLUDES",
    "KEEP_PLUGINS",
    "DROP_LIBRARIES",
    "PYQTGRAPH_DATA",
    "BUNDLED_PACKAGES",
    "keep",
}
# Loaded from source but left out of the bundle on purpose: the importer copes without them.
LEFT_OUT_ON_PURPOSE = {
    "PySide6.QtTest": "pyqtgraph imports it in a try/except, for its qWait only",
}
# What pyqtgraph can use but the charts do not (issue 11: OpenGL, other Qt bindings, extras).
PYQTGRAPH_OPTIONAL = [
    "OpenGL",
    "pyqtgraph.opengl",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "scipy",
    "h5py",
    "matplotlib",
    "colorcet",
    "cupy",
    "numba",
    "IPython",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "PySide6.QtTest",
    "PySide6.QtSvgWidgets",
]

LOADED_BY_SELF_TEST = """
import io, json, sys
from genai_atlas.self_test import CHECKS, run_checks

out = io.StringIO()
code = run_checks(CHECKS, out)
print(json.dumps({"code": code, "output": out.getvalue(), "modules": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The spec's exclude lists, plugin and library filters and ``keep``, as the spec makes them."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), str(SPEC))
    wanted = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names = {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.FunctionDef):
            names = {node.name}
        else:
            continue
        if names & SPEC_NAMES:
            wanted.append(node)
    namespace: dict[str, Any] = {"re": re, "Path": Path}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), str(SPEC), "exec"), namespace)
    missing = SPEC_NAMES - namespace.keys()
    assert not missing, f"the spec no longer defines {sorted(missing)}"
    return namespace


def excluded_by(excludes: list[str], module: str) -> str | None:
    """The entry of ``excludes`` that leaves ``module`` out (a package takes its submodules)."""
    return next((e for e in excludes if module == e or module.startswith(e + ".")), None)


def test_the_spec_leaves_out_nothing_the_self_test_loads(
    spec: dict[str, Any], atlas_db_path: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", LOADED_BY_SELF_TEST],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout.splitlines()[-1])
    assert run["code"] == 0, run["output"]
    assert "ok   chart draws to PNG" in run["output"]  # so pyqtgraph and numpy were loaded
    left_out = {
        module: entry
        for module in run["modules"]
        if (entry := excluded_by(spec["EXCLUDES"], module)) and module not in LEFT_OUT_ON_PURPOSE
    }
    assert left_out == {}, "the bundle would miss these (module: the EXCLUDES entry)"
    assert {"numpy", "pyqtgraph", "PySide6.QtOpenGL", "PySide6.QtSvg"} <= set(run["modules"])


def test_the_spec_leaves_out_what_pyqtgraph_does_not_need(spec: dict[str, Any]) -> None:
    excludes = spec["EXCLUDES"]
    assert [name for name in PYQTGRAPH_OPTIONAL if not excluded_by(excludes, name)] == []
    # What the charts draw with stays in: exports go through QSvgGenerator; pyqtgraph imports
    # QtOpenGL and QtOpenGLWidgets whenever it is imported.
    for needed in ("numpy", "pyqtgraph", "PySide6.QtSvg", "PySide6.QtOpenGL", "pydoc"):
        assert excluded_by(excludes, needed) is None, needed
    for library in ("libQt6OpenGL.so.6", "libQt6OpenGLWidgets.so.6", "libQt6Svg.so.6"):
        assert not spec["DROP_LIBRARIES"].search(library), library
    assert spec["DROP_LIBRARIES"].search("libQt6Test.so.6")


def test_pyqtgraph_keeps_its_icons_and_leaves_out_its_colour_maps(
    spec: dict[str, Any],
) -> None:
    import pyqtgraph  # type: ignore[import-untyped]

    keep: Callable[[str], bool] = spec["keep"]
    package = Path(pyqtgraph.__file__).parent
    data = [
        path.relative_to(package.parent).as_posix()
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "examples" not in path.parts
    ]
    kept = sorted(name for name in data if keep(name))
    # The plot items load these (the auto-range button draws icons/auto.png).
    icons = sorted(
        f"pyqtgraph/icons/{path.name}" for path in (package / "icons").iterdir() if path.is_file()
    )
    assert [name for name in icons if not name.endswith(".py")] == kept
    assert "pyqtgraph/icons/auto.png" in kept
    assert any(name.startswith("pyqtgraph/colors/maps/") for name in data)  # left out, not absent
    assert keep("pyqtgraph/graphicsItems/PlotItem/PlotItem.pyc")  # code is never filtered here


def test_every_bundled_package_licence_is_listed(spec: dict[str, Any]) -> None:
    readme = LICENSES_README.read_text(encoding="utf-8")
    assert {"numpy", "pyqtgraph"} <= set(spec["BUNDLED_PACKAGES"])
    for package in spec["BUNDLED_PACKAGES"]:
        assert f"{package.upper()}-LICENSE.txt" in readme
