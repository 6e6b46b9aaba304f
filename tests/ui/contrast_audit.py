"""Every text colour the main window shows, on the background it is drawn on, with its WCAG ratio.

Read from what is really on screen, not from the theme: the detail pane's laid-out document
(each fragment's colour, on its own highlight, table cell or page background), the search
results' row layouts (plain and selected), the message line's rich text, the kind chips' and
the lists' palettes. Used by tests/ui/test_contrast.py and tools/contrast_report.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument, QTextLayout
from PySide6.QtWidgets import QStyleOptionViewItem, QToolButton, QWidget

from genai_atlas.render.contrast import AA_LARGE, AA_TEXT, contrast_ratio
from genai_atlas.ui.palette_theme import opaque

# Entries that together use every part of the page: a comparison grid, facts with links and
# sources, a glossary term with backlinks, an industry with its applications.
ENTRIES = ("comparison/overview", "model/gpt-4", "term/transformer", "industry/healthcare")
HIGHLIGHT = ["model", "transformer", "gpt"]
SEARCHES = ("transformer attention", "difusion", "mistrall xx")  # hits; did you mean; nearest


@dataclass(frozen=True)
class Seen:
    where: str
    foreground: str
    background: str
    minimum: float

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.foreground} on {self.background} = {self.ratio:.2f}:1 "
            f"(needs {self.minimum})"
        )


def _name(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


def document_colours(
    document: QTextDocument, where: str, default_text: str, default_background: str
) -> list[Seen]:
    """Each distinct (text colour, background) of ``document``'s fragments."""
    root = document.rootFrame().frameFormat().background()
    page = _name(root.color()) if root.style() != Qt.BrushStyle.NoBrush else default_background
    found: dict[tuple[str, str, float], Seen] = {}
    block = document.begin()
    while block.isValid():
        heading = block.blockFormat().headingLevel() in (1, 2)
        cell_background = _cell_background(document, block.position())
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.text().strip():
                char = fragment.charFormat()
                foreground = char.foreground()
                text = (
                    _name(foreground.color())
                    if foreground.style() != Qt.BrushStyle.NoBrush
                    else default_text
                )
                background = char.background()
                ground = (
                    _name(background.color())
                    if background.style() != Qt.BrushStyle.NoBrush
                    else cell_background or page
                )
                minimum = AA_LARGE if heading and not char.isAnchor() else AA_TEXT
                key = (text, ground, minimum)
                found.setdefault(key, Seen(f"{where}: {fragment.text()[:30]!r}", *key))
            fragments += 1
        block = block.next()
    return list(found.values())


def layout_colours(
    layouts: list[QTextLayout], where: str, default_text: str, background: str
) -> list[Seen]:
    """Each distinct (text colour, background) of the formatted text of ``layouts``."""
    found: dict[tuple[str, str], Seen] = {}
    for layout in layouts:
        text = layout.text()
        for piece in layout.formats():
            shown = text[piece.start : piece.start + piece.length]
            if not shown.strip():
                continue
            char = piece.format
            key = (
                _name(char.foreground().color())
                if char.foreground().style() != Qt.BrushStyle.NoBrush
                else default_text,
                _name(char.background().color())
                if char.background().style() != Qt.BrushStyle.NoBrush
                else background,
            )
            found.setdefault(key, Seen(f"{where}: {shown[:30]!r}", *key, AA_TEXT))
    return list(found.values())


def _cell_background(document: QTextDocument, position: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    table = cursor.currentTable()
    if table is None:
        return ""
    brush = table.cellAt(cursor).format().background()
    return _name(brush.color()) if brush.style() != Qt.BrushStyle.NoBrush else ""


def palette_pairs(widget: QWidget, where: str) -> list[Seen]:
    """The text roles a style draws a list, tree, table or chip with, on their backgrounds."""
    palette = widget.palette()
    role, seen = QPalette.ColorRole, []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for text, ground in (
            (role.Text, role.Base),
            (role.HighlightedText, role.Highlight),
            (role.PlaceholderText, role.Base),
            (role.WindowText, role.Window),
            (role.ButtonText, role.Button),
        ):
            seen.append(
                Seen(
                    f"{where} {group.name} {text.name}",
                    opaque(palette, text, ground, group),
                    _name(palette.color(group, ground)),
                    AA_TEXT,
                )
            )
    return seen


def audit_window(window) -> list[Seen]:  # type: ignore[no-untyped-def]
    """Every pairing on show in ``window``, after opening ENTRIES and running SEARCHES."""
    seen: list[Seen] = []
    window.set_highlight_terms(HIGHLIGHT)
    for entry_id in ENTRIES:
        assert window.navigate_to(entry_id)
        pane = window.detail_pane()
        palette = pane.palette()
        seen += document_colours(
            pane.document(),
            entry_id,
            _name(palette.color(QPalette.ColorRole.Text)),
            _name(palette.color(QPalette.ColorRole.Base)),
        )
    window.set_highlight_terms([])
    for tab in window.tabs():
        seen += palette_pairs(tab.view(), f"{tab.key} list")
    box = window.search_box
    for text in SEARCHES:
        box.start_search(text)
        panel = box.results_panel
        assert panel.isVisible()  # the search runs as the text changes, and shows its dock
        seen += _results(panel, text)
    box.clear()
    return seen


def _results(panel, search: str) -> list[Seen]:  # type: ignore[no-untyped-def]
    seen: list[Seen] = []
    view = panel.list_view
    delegate = view.itemDelegate()
    theme = delegate.theme
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        for selected in (False, True):
            layouts = delegate.row_layout(option, index, selected).layouts
            # A plain row is on the list's own base; the delegate paints a selected one.
            base = _name(view.palette().color(QPalette.ColorRole.Base))
            ground = theme.selection_background if selected else base
            text = theme.selection_text if selected else theme.text
            where = f"result {search!r} row {row}{' selected' if selected else ''}"
            seen += layout_colours(layouts, where, text, ground)
            seen.append(Seen(f"{where} ellipsis", text, ground, AA_TEXT))
    label = panel.findChild(QWidget, "searchMessage")
    if label.text():
        palette = label.palette()
        document = QTextDocument()
        document.setHtml(label.text())
        seen += document_colours(
            document,
            f"message line {search!r}",
            _name(palette.color(QPalette.ColorRole.WindowText)),
            _name(palette.color(QPalette.ColorRole.Window)),
        )
    for chip in panel.findChildren(QToolButton):
        if chip.isVisible():
            seen += palette_pairs(chip, f"chip {chip.text()!r}")
    return seen


def weakest(seen: list[Seen]) -> Seen:
    """The pairing with the least margin over what it needs."""
    return min(seen, key=lambda s: s.ratio / s.minimum)
