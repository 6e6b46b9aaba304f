"""Qt item models adapting the data layer. Models hold records, never widgets.

Import the model classes from their modules (``models.grouped_model`` …): this package only
re-exports the roles, so that importing it does not load the Qt classes a tab may never need.
"""

from .roles import ENTRY_ID_ROLE, KIND_ROLE

__all__ = ["ENTRY_ID_ROLE", "KIND_ROLE"]
