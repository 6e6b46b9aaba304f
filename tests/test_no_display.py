"""With no display to open a window on, ``genai-atlas`` says so in one line and exits 2, instead of
Qt aborting (exit 134) with "xcb-cursor0 is needed". A working display, or a platform the user
chose with QT_QPA_PLATFORM, is left alone.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from genai_atlas import display_check
from genai_atlas.display_check import no_display_reason
from tests.cli_process import cli_env, run_cli

ROOT = Path(__file__).resolve().parent.parent
HINT = "; the command line works without one: try 'genai-atlas --help'\n"


def run_app(db: Path, *args: str, **env_changes: str | None) -> subprocess.CompletedProcess[str]:
    """``genai-atlas ARGS`` with no display but those ``env_changes`` give it."""
    return run_cli(*args, env=cli_env(db, **env_changes), timeout=60)


def free_display_number() -> int:
    """An X display number that no server answers on (neither socket file nor abstract)."""
    for number in range(990, 1000):
        if not display_check._x_server_answers(str(number)):
            return number
    pytest.skip("every display number tried has a server")


def test_no_display_variable_is_one_line_and_exit_2(atlas_db_path: Path) -> None:
    result = run_app(atlas_db_path)
    assert result.returncode == 2
    assert result.stderr == (
        "genai-atlas: no display to open a window on (DISPLAY is not set)" + HINT
    )
    assert result.stdout == ""


def test_a_search_with_no_display_says_the_same(atlas_db_path: Path) -> None:
    result = run_app(atlas_db_path, "diffusion")
    assert result.returncode == 2
    assert result.stderr.startswith("genai-atlas: no display to open a window on")


def test_a_display_with_no_server_is_one_line_and_exit_2(atlas_db_path: Path) -> None:
    number = free_display_number()
    result = run_app(atlas_db_path, DISPLAY=f":{number}")
    assert result.returncode == 2
    assert result.stderr == (
        f"genai-atlas: no display to open a window on (nothing answers on DISPLAY=:{number})" + HINT
    )


def test_a_wayland_display_with_no_compositor_and_no_x(atlas_db_path: Path, tmp_path: Path) -> None:
    result = run_app(atlas_db_path, WAYLAND_DISPLAY="wayland-9", XDG_RUNTIME_DIR=str(tmp_path))
    assert result.returncode == 2
    assert "nothing answers on WAYLAND_DISPLAY=wayland-9 and DISPLAY is not set" in result.stderr


def test_the_command_line_works_without_a_display(atlas_db_path: Path) -> None:
    result = run_app(atlas_db_path, "show", "model/gpt-4")
    assert result.returncode == 0
    assert "title: GPT-4" in result.stdout


# --- the check itself, in this process ------------------------------------------------------------


@pytest.fixture
def socket_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private stand-in for /tmp/.X11-unix (Unix socket paths must stay under 108 bytes)."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"gx-{os.getpid()}-{tmp_path.name[-20:]}"
    folder.mkdir()
    monkeypatch.setattr(display_check, "_X_SOCKET_DIR", str(folder))
    yield folder
    shutil.rmtree(folder)


@pytest.fixture
def listening(socket_dir: Path) -> Iterator[Path]:
    """An X-style socket with a server listening on it, as display :7."""
    path = socket_dir / "X7"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    yield path
    server.close()


def test_a_listening_local_display_is_usable(listening: Path) -> None:
    for display in (":7", ":7.0", "unix:7"):
        assert no_display_reason({"DISPLAY": display}, "linux") is None


def test_a_stale_socket_file_is_no_display(socket_dir: Path) -> None:
    # What a crashed X server leaves behind: the file, with nobody listening.
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(socket_dir / "X5"))
    stale.close()
    assert no_display_reason({"DISPLAY": ":5"}, "linux") == "nothing answers on DISPLAY=:5"


def test_a_live_wayland_compositor_is_usable(tmp_path: Path) -> None:
    runtime = Path(os.environ.get("TMPDIR", "/tmp")) / f"gw-{os.getpid()}"
    runtime.mkdir()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(runtime / "wayland-0"))
        server.listen(1)
        environ = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(runtime)}
        assert no_display_reason(environ, "linux") is None
    finally:
        server.close()
        shutil.rmtree(runtime)


@pytest.mark.parametrize(
    "environ, platform",
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),  # the user's explicit choice
        ({"QT_QPA_PLATFORM": "wayland"}, "linux"),
        ({"DISPLAY": "otherhost:0"}, "linux"),  # remote X: Qt connects, no probe from here
        ({"DISPLAY": "localhost:10.0"}, "linux"),  # ssh -X forwarding
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_left_to_qt(environ: dict[str, str], platform: str) -> None:
    assert no_display_reason(environ, platform) is None


def test_display_value_is_echoed_safely() -> None:
    reason = no_display_reason({"DISPLAY": ":\x1b[2J" + "9" * 200}, "linux")
    assert reason is None  # not a display name Qt would read as local; Qt reports it itself
    reason = no_display_reason({"WAYLAND_DISPLAY": "\x1b[2J"}, "linux")
    assert reason == "nothing answers on WAYLAND_DISPLAY=\\x1b[2J and DISPLAY is not set"


# --- a real X server ----------------------------------------------------------------------------


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="Xvfb (xvfb-run) not installed")
def test_the_app_still_opens_under_xvfb(atlas_db_path: Path, tmp_path: Path) -> None:
    # The bundle's entry script with its startup probe: it goes through the same main() and
    # prints "shown <ns>" once the window has painted, then quits.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.update(
        GENAI_ATLAS_DB=str(atlas_db_path),
        GENAI_ATLAS_STARTUP_PROBE="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(ROOT / "packaging" / "launcher.py"), "diffusion"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("shown ")
    assert "no display" not in result.stderr
