"""The roles the atlas's models answer; they are defined once, in ``ui/roles.py``."""

from ..roles import ENTRY_ID_ROLE, KIND_ROLE, SORT_ROLE

__all__ = ["ENTRY_ID_ROLE", "KIND_ROLE", "SORT_ROLE"]
