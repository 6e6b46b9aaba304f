"""Odd things to point an export at, all made inside a test's temporary folder (never /dev).

Shared by the export tests and the CLI tests: a FIFO, a character device like /dev/null, a
socket, a snapshot to prove one was left untouched, and a tiny tmpfs to fill up.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def make_char_device(path: Path) -> Path:
    """A character device with /dev/null's numbers (1, 3): harmless even if written."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return path


def make_socket(path: Path) -> Path:
    """A Unix socket file. Bound through a relative name: a socket's path is limited to 107
    bytes, and pytest's temporary folders can be longer than that."""
    here = os.getcwd()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.chdir(path.parent)
        server.bind(path.name)
    finally:
        os.chdir(here)
        server.close()  # the socket file stays until it is unlinked
    return path


MAKERS = {
    "fifo": make_fifo,
    "character device": make_char_device,
    "socket": make_socket,
    "folder": lambda path: path.mkdir() or path,
}

KIND_WORDS = {
    "fifo": "a FIFO (named pipe)",
    "character device": "a character device",
    "socket": "a socket",
    "folder": "a folder",
}

TEST_KIND = {
    "fifo": stat.S_ISFIFO,
    "character device": stat.S_ISCHR,
    "socket": stat.S_ISSOCK,
    "folder": stat.S_ISDIR,
}


def snapshot(path: Path) -> tuple[int, ...]:
    """What shows that ``path`` was left alone: its kind, inode, device numbers, size, times."""
    info = os.lstat(path)
    return (info.st_mode, info.st_ino, info.st_rdev, info.st_size, info.st_mtime_ns)


@contextlib.contextmanager
def tiny_disk(folder: Path, size: str = "64k", *, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder`` for the test; skipped where mount is refused."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir()
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Fill the file system ``folder`` is on until it has no byte left."""
    with open(folder / "filler", "wb", buffering=0) as stream:  # unbuffered: close cannot fail
        try:
            while True:
                stream.write(b"\0" * 4096)
        except OSError:
            pass


def leftovers(folder: Path, *keep: str) -> list[str]:
    """Names in ``folder`` other than ``keep``: a temporary file left behind shows here."""
    return sorted(set(os.listdir(folder)) - set(keep))
