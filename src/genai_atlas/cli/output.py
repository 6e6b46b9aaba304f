"""Standard output for the CLI: one place that knows it can be full, closed or a broken pipe.

Commands write through here; ``OutputError`` says standard output cannot take more, and the
command line turns it into one line on stderr and exit 1 (as ``cat`` does).
"""

from __future__ import annotations

import os
import sys


class OutputError(Exception):
    """Standard output cannot be written; ``str(error)`` is the reason (e.g. "No space left")."""


def stdout_is_terminal() -> bool:
    stream = sys.stdout
    try:
        return stream is not None and os.isatty(stream.fileno())
    except (OSError, ValueError):
        return False


def write_bytes(data: bytes) -> None:
    """Write ``data`` to standard output as it is (a PDF, a CSV) and flush it."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except (OSError, ValueError) as error:
        raise OutputError(getattr(error, "strerror", None) or str(error)) from None
