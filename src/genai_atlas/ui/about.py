"""The text of Help ▸ About: versions, where the content comes from and its licences."""

from __future__ import annotations

from html import escape

from .. import APP_NAME, __version__
from ..data import AtlasInfo

# Third-party parts with their licences, besides the sources listed in the database.
_CREDITS = (
    (
        "Epoch AI, “Data on Notable AI Models” (epoch.ai)",
        "CC BY 4.0",
        "used by the tests to cross-check the models' organisations and years",
    ),
    ("Qt for Python (PySide6)", "LGPLv3", "the user interface toolkit"),
)


def about_html(info: AtlasInfo) -> str:
    seed = next((s for s in info.sources if s.id == "source/article"), None)
    seed_line = (
        f"<li>{escape(seed.title)} — the article this atlas restructures, "
        "in the atlas's own words</li>"
        if seed
        else ""
    )
    credits = "".join(
        f"<li>{escape(name)} — {escape(licence)}; {escape(use)}</li>"
        for name, licence, use in _CREDITS
    )
    return (
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>"
        "<p>An offline reference on Large Language Models and Generative AI.</p>"
        f"<p>Data version {escape(info.data_version or 'unknown')} "
        f"(schema {info.schema_version}).</p>"
        f"<p><b>Sources and licences</b></p><ul>{seed_line}{credits}</ul>"
        "<p>Every entry lists its own sources at the bottom of its page.</p>"
        "<p>GenAI Atlas works offline: it reads the database that ships with it and never "
        "connects to the internet. Web links open in your browser only when you click them. "
        "The print dialog asks this computer's own print service (CUPS, at 127.0.0.1:631) "
        "which printers there are; nothing leaves the computer unless you print to a network "
        "printer.</p>"
    )
