"""Writing exports to disk: CSV and Markdown tables, and the atomic write every export uses."""

from .files import ExportError, atomic_write, check_target
from .tables import table_to_csv, table_to_markdown

__all__ = ["ExportError", "atomic_write", "check_target", "table_to_csv", "table_to_markdown"]
