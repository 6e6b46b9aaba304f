"""The app is offline by design: a whole self-test (database, searches with typo correction,
every tab, a printed PDF) runs with Python's network calls made to fail loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GUARD = r"""
import socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("network use is not allowed in GenAI Atlas")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from genai_atlas.main import main
code = main(["--self-test"])
print("network attempts:", len(attempts))
sys.exit(code)
"""


def test_self_test_makes_no_network_call(atlas_db_path: Path) -> None:
    env = dict(os.environ, GENAI_ATLAS_DB=str(atlas_db_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", GUARD], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: OK" in result.stdout
    assert "network attempts: 0" in result.stdout
