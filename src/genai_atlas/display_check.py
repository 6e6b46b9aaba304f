"""Is there a display to open the window on? Asked before Qt is loaded.

Without one, Qt's xcb plugin aborts the process (exit 134) with a message that blames a missing
library ("xcb-cursor0 is needed"); the app says what is really wrong instead. Only local displays
are checked, through their Unix sockets (no network): a remote X display such as ``host:0`` and an
explicit ``QT_QPA_PLATFORM`` are the user's choice and are left to Qt. Windows and macOS always
have a display.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping

# [host]:display[.screen]; an empty host or "unix" means this machine's X server.
_X_DISPLAY = re.compile(r"(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?")
_X_SOCKET_DIR = "/tmp/.X11-unix"


def _answers(address: str | bytes) -> bool:
    """Whether a server accepts a connection on the Unix socket ``address``.

    Only a refused connection or a missing socket counts as "no": any other failure (a
    permission, a full backlog) might still be a working display, and Qt is left to try it.
    """
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(2)
        try:
            probe.connect(address)
        except (ConnectionRefusedError, FileNotFoundError):
            return False
        except OSError:
            return True
    return True


def _x_server_answers(number: str) -> bool:
    path = f"{_X_SOCKET_DIR}/X{number}"
    # libxcb tries Linux's abstract socket first, then the file; an X server listens on both.
    if sys.platform.startswith("linux") and _answers(b"\0" + path.encode()):
        return True
    return _answers(path)


def _wayland_answers(name: str, environ: Mapping[str, str]) -> bool:
    if os.path.isabs(name):
        return _answers(name)
    runtime_dir = environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime_dir) and _answers(os.path.join(runtime_dir, name))


def no_display_reason(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no window can be opened (e.g. "DISPLAY is not set"), or None if one may well open."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")) or environ.get("QT_QPA_PLATFORM"):
        return None
    from .data.echo import echo

    wayland = environ.get("WAYLAND_DISPLAY", "")
    if wayland and _wayland_answers(wayland, environ):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        if wayland:
            return f"nothing answers on WAYLAND_DISPLAY={echo(wayland)} and DISPLAY is not set"
        return "DISPLAY is not set"
    match = _X_DISPLAY.fullmatch(display)
    if match is None or match["host"] not in ("", "unix"):
        return None  # a remote or unusual display: Qt knows best how to reach it
    if _x_server_answers(match["number"]):
        return None
    return f"nothing answers on DISPLAY={echo(display)}"
