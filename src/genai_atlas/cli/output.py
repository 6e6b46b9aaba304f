"""Standard output for the CLI: one place that knows it can be full, closed or a broken pipe.

``guard_standard_streams()`` runs before any command. After it every write to ``sys.stdout``,
from ``print`` or anywhere else, raises ``OutputError`` when standard output cannot take more, and
text that the output encoding cannot hold is escaped instead of raising. The command line turns
``OutputError`` into one line on stderr and exit 1 (as ``cat`` does). A broken stderr is ignored:
there is nowhere left to say anything.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, TextIO


class OutputError(Exception):
    """Standard output cannot be written; ``str(error)`` is the reason (e.g. "No space left")."""


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, ValueError):  # "I/O operation on closed file"
        return "standard output is closed"
    return str(error) or type(error).__name__


class _GuardedOutput:
    """``sys.stdout`` for the CLI: the real stream, with write errors raised as OutputError."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except UnicodeError:
            raise  # a bug (the stream escapes what it cannot encode), not a full disk
        except (OSError, ValueError) as error:
            raise OutputError(_reason(error)) from None

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError) as error:
            raise OutputError(_reason(error)) from None

    def __getattr__(self, name: str) -> Any:
        # fileno, isatty, buffer, encoding, ...: as the real stream has them.
        return getattr(self._stream, name)


class _QuietOutput(_GuardedOutput):
    """``sys.stderr`` for the CLI: a write that fails is dropped, since no message can get out."""

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError):
            pass


def _escaping(stream: TextIO | None, fd: int) -> TextIO:
    """``stream`` set to escape what its encoding cannot hold; a stream on ``fd`` if there is none
    (Python leaves ``sys.stdout`` as None when fd 1 was closed at start, and print() then writes
    nowhere without a word)."""
    if stream is None:
        return open(fd, "w", errors="backslashreplace", closefd=False)  # noqa: SIM115
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        # An ASCII locale or PYTHONIOENCODING=ascii: "—" prints as \u2014 instead of crashing.
        reconfigure(errors="backslashreplace")
    return stream


def guard_standard_streams() -> None:
    """Install the guarded ``sys.stdout`` and the quiet ``sys.stderr`` (once; idempotent)."""
    if not isinstance(sys.stdout, _GuardedOutput):
        sys.stdout = _GuardedOutput(_escaping(sys.stdout, 1))
    if not isinstance(sys.stderr, _GuardedOutput):
        sys.stderr = _QuietOutput(_escaping(sys.stderr, 2))


def discard_standard_output() -> None:
    """Point fd 1 at the null device after a failed write, so that what is still buffered and
    flushed at exit goes nowhere instead of failing again: Python would print "Exception ignored
    … BrokenPipeError" on stderr."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(null, 1)
    except OSError:
        pass
    finally:
        os.close(null)


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
        raise OutputError(os.strerror(errno.EBADF))
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except (OSError, ValueError) as error:
        raise OutputError(_reason(error)) from None
