"""Edit ▸ Preferences… (Ctrl+,): theme, text size, default paper and margins, recent searches.

``Preferences`` does the work: each change applies at once and is saved at once, through the
typed settings. The dialog (ui/preferences_dialog.py) is built when first opened and only calls
these methods, so a test can change each preference without it. Installed through
``FeatureHost``; at startup it only applies the saved theme and adds the menu action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from .appearance import Appearance, ThemeChoice
from .features import FeatureHost, MenuKey

if TYPE_CHECKING:
    from ..settings import Settings
    from .preferences_dialog import PreferencesDialog
    from .print_actions import SheetPrinting
    from .search_box import RecentSearches

Margins = tuple[float, float, float, float]
# Papers offered by name; any QPageSize id name works in the settings (printing/pages.py).
PAPERS = ("A4", "Letter", "Legal", "A3", "A5", "Executive", "Tabloid")


class TextZoom(Protocol):
    """The main window's zoom of the detail panes, in steps of one point."""

    def zoom_steps(self) -> int: ...
    def set_zoom_steps(self, steps: int) -> None: ...


class Preferences(QObject):
    """The reader's preferences for one window: read, change (at once) and save."""

    recent_searches_cleared = Signal()

    def __init__(
        self,
        host: FeatureHost,
        appearance: Appearance,
        zoom: TextZoom,
        printing: SheetPrinting,
        recent: RecentSearches,
    ) -> None:
        super().__init__(host.window())
        self._host = host
        self._settings = host.settings
        self.appearance = appearance
        self._zoom = zoom
        self._printing = printing
        self._recent = recent
        self._dialog: PreferencesDialog | None = None
        self.action = QAction("&Preferences…", host.window())
        self.action.setObjectName("preferencesAction")
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        # The platform's key (Ctrl+, on GNOME and macOS, Ctrl+Shift+, on KDE), and Ctrl+, always:
        # the key Zeal, GoldenDict and browsers use.
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        if QKeySequence("Ctrl+,") not in keys:
            keys.append(QKeySequence("Ctrl+,"))
        self.action.setShortcuts(keys)
        self.action.triggered.connect(self.show_dialog)

    # --- reading ------------------------------------------------------------------------------

    @property
    def theme(self) -> ThemeChoice:
        return self.appearance.choice

    @property
    def zoom_steps(self) -> int:
        return self._zoom.zoom_steps()

    @property
    def paper(self) -> str:
        """ "" for the paper of the reader's region."""
        return self._printing.paper

    @property
    def margins_mm(self) -> Margins | None:
        return self._printing.margins_mm

    def recent_searches(self) -> list[str]:
        return self._recent.items()

    # --- changing: each applies now and is saved now -----------------------------------------

    def set_theme(self, choice: ThemeChoice) -> None:
        self.appearance.apply(choice)
        self._settings.theme = choice.value
        self._settings.sync()

    def set_zoom_steps(self, steps: int) -> None:
        self._zoom.set_zoom_steps(steps)
        self._settings.zoom_steps = self._zoom.zoom_steps()
        self._settings.sync()

    def set_page_setup(self, paper: str, margins_mm: Margins) -> None:
        """The paper ("" for the region's) and margins sheets print and export on by default."""
        self._printing.set_page_setup(paper, margins_mm)
        self._settings.sync()

    @Slot()
    def clear_recent_searches(self) -> None:
        self._recent.clear()
        self._settings.sync()
        self._host.status("Recent searches cleared")
        self.recent_searches_cleared.emit()

    # --- the dialog ---------------------------------------------------------------------------

    @Slot()
    def show_dialog(self) -> PreferencesDialog:
        """Open the dialog (window-modal, without blocking), or raise the one already open."""
        if self._dialog is None:
            from .preferences_dialog import PreferencesDialog  # built when first opened

            self._dialog = PreferencesDialog(self, self._host.window())
            self._dialog.finished.connect(self._forget_dialog)
        if self._dialog.isVisible():
            self._dialog.raise_()
            self._dialog.activateWindow()
        else:
            self._dialog.open()
        return self._dialog

    @property
    def dialog(self) -> PreferencesDialog | None:
        return self._dialog

    @Slot()
    def _forget_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
            self._dialog = None


def apply_saved_theme(window: QWidget, settings: Settings) -> Appearance:
    """The saved theme applied to the application now, owned by ``window``.

    The main window calls it before it builds any other widget: set later, the palette (and the
    readable fix-ups of ``Appearance``) reached every widget already polished and re-rendered the
    detail pane on show, one more style pass and page layout at startup.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # the window exists, so the application does
    appearance = Appearance(app, window)
    appearance.apply(ThemeChoice.parse(settings.theme))
    return appearance


def install_preferences(
    host: FeatureHost,
    zoom: TextZoom,
    printing: SheetPrinting,
    recent: RecentSearches,
    appearance: Appearance | None = None,
) -> Preferences:
    """Edit ▸ Preferences…, with the saved theme applied (now, unless ``appearance`` is the one
    ``apply_saved_theme`` gave)."""
    if appearance is None:
        appearance = apply_saved_theme(host.window(), host.settings)
    preferences = Preferences(host, appearance, zoom, printing, recent)
    host.add_menu_actions(MenuKey.EDIT, [preferences.action])
    return preferences
