"""The errors the data layer raises, split as qutebrowser splits them (``misc/sql.py``).

``KnownError`` is a fault of the environment that a user can act on: a database gone, changed or
unreadable, a file that cannot be written, no browser. Front ends show its text as a plain
message (the CLI: one line and exit 2) and never as a crash report. Any other exception is a bug.
"""

from __future__ import annotations

from .echo import echo


class KnownError(Exception):
    """A fault of the environment, not of the code. ``str(error)`` is a full sentence for the
    user: it names the problem and says what to do."""


class AtlasError(KnownError):
    """The database cannot be used: missing, unreadable, corrupt or of another schema version.

    ``str(error)`` is a full sentence for the user: it names the file and says what to do.
    """

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class UnknownEntryError(LookupError):
    """No entry has the id asked for."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(f"no entry with id '{echo(entry_id)}'")
        self.entry_id = entry_id
