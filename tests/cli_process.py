"""``genai-atlas`` in a real process, as a user runs it: the one helper every CLI test uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# Without these the command cannot open a window: a word that is not a command ends with the
# "no display" line instead of starting the app, and a PDF must be rendered off-screen by the
# CLI's own choice.
NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
COMMAND = (sys.executable, "-m", "genai_atlas")


def cli_env(db: Path | None = None, **changes: str | None) -> dict[str, str]:
    """This process's environment with no display, ``$GENAI_ATLAS_DB`` set to ``db`` when given,
    and ``changes`` applied (a value of None removes the variable)."""
    env = {key: value for key, value in os.environ.items() if key not in NO_DISPLAY}
    if db is not None:
        env["GENAI_ATLAS_DB"] = str(db)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_cli(
    *args: str | bytes,
    db: Path | None = None,
    env: dict[str, str] | None = None,
    text: bool = True,
    **options: Any,
) -> subprocess.CompletedProcess[Any]:
    """Run ``genai-atlas ARGS`` and capture what it printed (bytes with ``text=False``)."""
    if "stdout" not in options and "stderr" not in options:
        options["capture_output"] = True
    options.setdefault("timeout", 120)
    return subprocess.run(
        [*COMMAND, *args], env=env if env is not None else cli_env(db), text=text, **options
    )
