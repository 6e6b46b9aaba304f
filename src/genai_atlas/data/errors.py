"""The one error type the data layer raises for problems in the environment."""

from __future__ import annotations


class AtlasError(Exception):
    """The database cannot be used: missing, unreadable, corrupt or of another schema version.

    ``str(error)`` is a full sentence for the user: it names the file and says what to do.
    """

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class UnknownEntryError(LookupError):
    """No entry has the id asked for."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(f"no entry with id '{entry_id}'")
        self.entry_id = entry_id
