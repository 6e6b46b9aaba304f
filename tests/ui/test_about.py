"""Help ▸ About tells what the app does on the network: nothing, except asking CUPS for printers."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from genai_atlas.ui.about import about_html


def test_about_names_the_local_print_service(qapp, atlas) -> None:
    document = QTextDocument()
    document.setHtml(about_html(atlas.info()))
    text = " ".join(document.toPlainText().split())
    assert "never connects to the internet" in text
    assert "print service (CUPS, at 127.0.0.1:631)" in text
