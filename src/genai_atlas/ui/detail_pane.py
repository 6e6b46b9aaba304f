"""The detail pane: one entry as rich text, with atlas links, zoom and search highlights."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..data import AnyEntry
from ..render.detail_html import render_entry
from ..render.theme import Theme
from .palette_theme import theme_from_palette

if TYPE_CHECKING:
    from .known_error_dialog import UserMessages

ZOOM_MIN = -4
ZOOM_MAX = 12


class DetailPane(QTextBrowser):
    """Shows one entry. ``atlas:kind/slug`` links are announced, http(s) links open in the browser.

    The app itself never networks: a web link is handed to the user's browser only when clicked,
    and a link of any other scheme is never opened. When no browser takes the address, ``messages``
    shows it with a Copy button (tests pass a fake).
    """

    entry_link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None, messages: UserMessages | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setObjectName("detailPane")
        self.setAccessibleName("Details")
        self.setAccessibleDescription(
            "The entry's text, with a heading for each section; Tab moves between its links, "
            "Enter follows one, Ctrl+F finds text"
        )
        self.document().setDocumentMargin(14)
        self._entry: AnyEntry | None = None
        self._theme: Theme | None = None  # the colours of the page on show
        self._terms: list[str] = []
        self._zoom_steps = 0
        self._base_point_size = self.font().pointSizeF()
        self.anchorClicked.connect(self._on_anchor_clicked)

    # --- content --------------------------------------------------------------------------------

    def show_entry(self, entry: AnyEntry) -> None:
        self._entry = entry
        self.setAccessibleName(f"{entry.title} — details")
        self._render(keep_scroll=False)

    def current_entry_id(self) -> str:
        return self._entry.id if self._entry is not None else ""

    def set_highlight_terms(self, terms: Sequence[str]) -> None:
        """Highlight the words that start like ``terms``; kept until set to []."""
        cleaned = [t for t in terms if t.strip()]
        if cleaned == self._terms:
            return
        self._terms = cleaned
        self._render(keep_scroll=True)

    def highlight_terms(self) -> list[str]:
        return list(self._terms)

    def theme(self) -> Theme:
        """The page's colours, from the application palette: under the GTK platform theme the
        pane's own palette kept Qt's default link blue, 1.49:1 on GTK's dark base (issue 9)."""
        return theme_from_palette(QGuiApplication.palette())

    def refresh(self) -> None:
        """Render again (after a palette or colour-scheme change), keeping the scroll position."""
        self._render(keep_scroll=True)

    def _render(self, keep_scroll: bool) -> None:
        if self._entry is None:
            return
        scroll = self.verticalScrollBar().value()
        self._theme = self.theme()
        self.setHtml(render_entry(self._entry, self._theme, self._terms))
        self.verticalScrollBar().setValue(scroll if keep_scroll else 0)

    # --- zoom -----------------------------------------------------------------------------------

    def zoom_steps(self) -> int:
        return self._zoom_steps

    def set_zoom_steps(self, steps: int) -> None:
        """Zoom to ``steps`` points above (or below) the normal size."""
        self._zoom_steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        font = self.font()
        font.setPointSizeF(self._base_point_size + self._zoom_steps)
        self.setFont(font)  # QTextEdit passes its font on to the document as the default

    # --- events ---------------------------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        # Shift+Tab with no link before the cursor (or the focused link) leaves the pane, as Tab
        # after the last link does. QTextBrowser wrapped round to the last link instead, so a
        # reader who tabbed in from the list could not Shift+Tab back to it.
        if not next and not self._link_before(self.textCursor().selectionStart()):
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def _link_before(self, position: int) -> bool:
        block = self.document().begin()
        while block.isValid() and block.position() < position:
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.position() >= position:
                    break
                if fragment.charFormat().isAnchor():
                    return True
                fragments += 1
            block = block.next()
        return False

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "atlas":
            self.entry_link_activated.emit(url.path())
        elif scheme in ("http", "https") and not QDesktopServices.openUrl(url):
            self.user_messages().no_browser(self, url.toString())

    def set_user_messages(self, messages: UserMessages) -> None:
        self._messages = messages

    def user_messages(self) -> UserMessages:
        if self._messages is None:
            from .known_error_dialog import UserMessages  # loads no dialog until one is shown

            self._messages = UserMessages()
        return self._messages

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # Only when the page's colours change: the pane also gets a PaletteChange when it is
            # first shown under an application palette with fix-ups (ui/appearance.py), and the
            # same page laid out again cost a few milliseconds of every startup.
            if self.theme() != self._theme:
                self.refresh()
