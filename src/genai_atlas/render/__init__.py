"""Pure renderers: data records in, HTML out. No Qt imports here, so they test as strings."""

from .detail_html import render_entry
from .theme import DARK, LIGHT, Theme

__all__ = ["DARK", "LIGHT", "Theme", "render_entry"]
