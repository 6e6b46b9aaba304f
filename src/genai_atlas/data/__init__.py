"""The data layer: plain Python and sqlite3, no Qt. Every front end (GUI, CLI) goes through it."""

from .atlas import Atlas, open_atlas
from .echo import echo
from .errors import AtlasError, KnownError, UnknownEntryError
from .records import (
    AnyEntry,
    Application,
    AtlasInfo,
    Category,
    Comparison,
    ComparisonRow,
    Entry,
    EntryKind,
    EntryRef,
    Industry,
    IndustryImpact,
    LinkedEntry,
    Model,
    Source,
    Takeaway,
    Term,
    Trend,
)

__all__ = [
    "AnyEntry",
    "Application",
    "Atlas",
    "AtlasError",
    "KnownError",
    "AtlasInfo",
    "Category",
    "Comparison",
    "ComparisonRow",
    "Entry",
    "EntryKind",
    "EntryRef",
    "Industry",
    "IndustryImpact",
    "LinkedEntry",
    "Model",
    "Source",
    "Takeaway",
    "Term",
    "Trend",
    "UnknownEntryError",
    "echo",
    "open_atlas",
]
