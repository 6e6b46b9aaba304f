"""Reading a file the reader chose to import: a regular file, of bounded size (no Qt here).

A FIFO or a device is refused before it is opened (reading one could block, or never end); a
folder, a file too large for what it claims to be, or one that cannot be read gets a sentence
naming the file and what to do. Each kind of import (a library file, Epoch AI's CSV) words its
refusals in its own ``Refusals`` and raises its own error type.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass

from .echo import echo

_SHOWN_CHARS = 160


@dataclass(frozen=True, slots=True)
class Refusals:
    """How one kind of import says no. ``error`` turns a sentence into the exception to raise."""

    error: Callable[[str], Exception]
    cannot_read: str  # "Cannot read" or "cannot read", before the file's name
    cannot_import: str  # "Cannot import" …
    folder: str  # what to do instead of choosing a folder
    not_regular: str  # … instead of a FIFO, device or socket
    too_large: str  # why a file this large cannot be what is asked for


def why(error: BaseException) -> str:
    """A reason a file could not be opened, as the end of a sentence."""
    if isinstance(error, FileNotFoundError):
        return "there is no such file."
    if isinstance(error, PermissionError):
        return "permission denied; choose a file you can read."
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror.rstrip('.')}."
    return "the name cannot be used; choose another file."


def read_input_file(path: str | os.PathLike[str], limit: int, refusals: Refusals) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them."""
    shown = echo(os.fspath(path), limit=_SHOWN_CHARS)
    try:
        info = os.stat(path)
    except (OSError, ValueError) as error:
        raise refusals.error(f"{refusals.cannot_read} {shown}: {why(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise refusals.error(f"{refusals.cannot_import} {shown}: it is a folder; {refusals.folder}")
    if not stat.S_ISREG(info.st_mode):
        raise refusals.error(
            f"{refusals.cannot_import} {shown}: it is not a regular file; {refusals.not_regular}"
        )
    too_large = refusals.error(
        f"{refusals.cannot_import} {shown}: it is larger than {limit // (1024 * 1024):,} MiB, "
        f"{refusals.too_large}"
    )
    if info.st_size > limit:
        raise too_large
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as error:
        raise refusals.error(f"{refusals.cannot_read} {shown}: {why(error)}") from None
    if len(raw) > limit:  # it grew after the check
        raise too_large
    return raw
