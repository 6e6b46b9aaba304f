"""The main window: composes the tabs, the menus and the toolbar, and wires their signals.

It runs no SQL and formats no text: tabs show entries, the detail pane renders them, History keeps
the way back. Features (printing and comparing, bookmarks, history, notes…) install themselves
through ``self.host``, a ``FeatureHost`` (ui/features.py): one line each in ``__init__``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QTabWidget,
    QToolBar,
    QWidget,
)

from .. import APP_NAME
from ..data import KnownError
from ..data.library import Library
from ..data.model_filter import ModelFilter
from ..settings import Settings
from .bookmarks_feature import install_bookmarks
from .charts_feature import install_charts
from .detail_pane import ZOOM_MAX, ZOOM_MIN, DetailPane
from .features import MenuKey, PaneParts, WindowHost
from .find_feature import install_find_in_page
from .history import History
from .history_feature import install_history
from .notes_feature import install_notes
from .operations import BackgroundWork
from .preferences_feature import apply_saved_theme, install_preferences
from .search_box import install_search
from .sheet_features import install_sheet_features
from .tabs import TAB_CLASSES, EntryTab
from .tabs.models import ModelsTab
from .window_actions import create_window_actions, place_window_actions
from .window_geometry import first_run_geometry, fit_on_screens


class MainWindow(QMainWindow):
    """The main window. With ``defer=True`` (``run_app``), the features that show nothing in the
    first frame (menu entries and shortcuts: File ▸ Export/Import Library, Import Model Data,
    Edit ▸ Preferences, F6) are installed right after the window's first paint, by
    ``complete_startup``; their menus' titles are in the menu bar from the start. Without it
    (tests), everything is installed here."""

    entry_changed = Signal(str)  # the entry on show changed (any tab, any cause)

    def __init__(
        self,
        library: Library,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        defer: bool = False,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._atlas = atlas = library.atlas
        self._settings = settings
        self._history = History()
        self._quiet = False  # True while navigation must not be recorded in the history
        self._zoom_steps = 0
        self._announced = ""  # the entry last announced through entry_changed
        self._visit_error_told = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        # Before the other widgets: they are polished once, in the final palette.
        appearance = apply_saved_theme(self, settings)
        self.background = BackgroundWork(self)
        pane_parts = PaneParts(self)

        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("tabs")
        self._tabs.setDocumentMode(True)
        self._tabs.setAccessibleName("Atlas sections")
        self._tabs.setAccessibleDescription(
            "Ctrl+1 to Ctrl+6 open a section; F6 moves between the search, the list and the details"
        )
        self._tab_list: list[EntryTab] = []
        for tab_class in TAB_CLASSES:
            tab = tab_class(atlas, self._tabs, pane_parts, settings)
            sizes = settings.splitter_sizes(tab.key)
            if len(sizes) == 2 and all(s > 0 for s in sizes):
                tab.set_splitter_sizes(sizes)
            tab.current_entry_changed.connect(self._on_tab_entry_changed)
            if isinstance(tab, ModelsTab):  # the charts show what its filter lets through
                tab.charts_requested.connect(self._on_charts_requested)
                tab.model_filter_changed.connect(self._on_model_filter_changed)
            tab.link_activated.connect(self._follow_link)
            self._tabs.addTab(tab, tab.title)
            self._tab_list.append(tab)
        self.setCentralWidget(self._tabs)
        # Made now, not by the first message: a status bar appearing later shifts the whole
        # layout (and features report through it often).
        self.statusBar()

        self.host = WindowHost(
            self, library, settings, pane_parts, self.background, self.entry_changed
        )
        self._actions = create_window_actions(self, [tab.title for tab in self._tab_list])
        self._update_history_actions()
        self._tool_bar = place_window_actions(self, self._actions)
        # Features, one line each: they reach the window only through self.host.
        self.sheet_features = install_sheet_features(self.host, settings=settings)
        self.find_in_page = install_find_in_page(self.host)  # its bar stands above the note
        self.notes = install_notes(self.host, self.sheet_features.printing)
        self.bookmarks = install_bookmarks(self.host)
        self.history_panel = install_history(self.host)  # its dock may be restored open
        self.charts = install_charts(self.host)  # its link above a model's pane
        self.search_box = install_search(self, library, settings.store)  # toolbar + dock
        self._appearance = appearance
        self._startup_pending = True
        self.set_zoom_steps(settings.zoom_steps)
        self._tabs.currentChanged.connect(self._on_tab_changed)
        self._restore()
        if not defer:
            self.complete_startup()

    def complete_startup(self) -> None:
        """Install the features the first frame does not show (once; see the class docstring).

        Their groups stand in their menus as they would without ``defer``: the features
        installed before add to other menus, or above them in the same menu."""
        if not self._startup_pending:
            return
        self._startup_pending = False
        from .focus_cycle import install_focus_cycle
        from .library_file_actions import install_library_file_actions
        from .model_data_feature import install_model_data

        self.library_files = install_library_file_actions(self.host)
        self.model_data = install_model_data(self.host)  # File ▸ Import Model Data…
        self.model_data.changed.connect(self._on_model_data_changed)
        self.model_data.changed.connect(self.charts.reload)
        self.preferences = install_preferences(
            self.host, self, self.sheet_features.printing, self.search_box.recent, self._appearance
        )
        self.focus_cycle = install_focus_cycle(self, self._focus_regions)  # F6, Shift+F6

    def startup_complete(self) -> bool:
        return not self._startup_pending

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._startup_pending:
            # After this paint is on screen, before any input the reader can give.
            QTimer.singleShot(0, self.complete_startup)

    # --- public API (used by app.py, search, printing, compare) --------------------------------

    def tabs(self) -> list[EntryTab]:
        return list(self._tab_list)

    def current_tab(self) -> EntryTab:
        return self._tab_list[self._tabs.currentIndex()]

    def detail_pane(self) -> DetailPane:
        """The current tab's detail pane."""
        return self.current_tab().detail_pane()

    def current_entry_id(self) -> str:
        return self.current_tab().current_entry_id()

    def file_menu(self) -> QMenu:
        return self.host.menu(MenuKey.FILE)

    def tool_bar(self) -> QToolBar:
        return self._tool_bar

    def quit_action(self) -> QAction:
        return self._actions.quit

    def start_search(self, text: str) -> None:
        """Start a search given on the command line (`genai-atlas diffusion`) in the search box."""
        self.search_box.start_search(text)

    def pending_search(self) -> str:
        """The text in the search box (the one given on the command line, until edited)."""
        return self.search_box.text()

    def set_highlight_terms(self, terms: list[str]) -> None:
        """Highlight ``terms`` in every tab's detail pane (until set to [])."""
        for tab in self._tab_list:
            tab.set_highlight_terms(terms)

    def shortcut_actions(self) -> list[QAction]:
        """Every action of the menus and toolbar, in menu order (for the shortcuts dialog)."""
        seen: list[QAction] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                for action in menu.actions():
                    if not action.isSeparator() and action not in seen:
                        seen.append(action)
        for action in self.actions():
            if action not in seen:
                seen.append(action)
        return seen

    @Slot(str)
    def navigate_to(self, entry_id: str) -> bool:
        """Show ``entry_id`` in its own tab (switching tabs), recording it in the history.

        An id a feature routes (``chart/compute``) goes to that feature instead."""
        if self.host.route_link(entry_id):
            return True
        if not self._go(entry_id):
            self.statusBar().showMessage(f"No entry {entry_id} in this atlas", 5000)
            return False
        self._record(entry_id)
        return True

    @Slot(str)
    def _follow_link(self, entry_id: str) -> None:
        """A link in a detail pane: open it, the focus staying in the pane on show (as in a
        browser), not falling to whatever followed the pane that was hidden."""
        focus_in_pane = self.detail_pane().hasFocus()
        if self.navigate_to(entry_id) and focus_in_pane:
            self.detail_pane().setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def go_back(self) -> None:
        entry_id = self._history.back()
        if entry_id:
            self._go(entry_id)
        self._update_history_actions()

    @Slot()
    def go_forward(self) -> None:
        entry_id = self._history.forward()
        if entry_id:
            self._go(entry_id)
        self._update_history_actions()

    def show_tab(self, index: int) -> None:
        if 0 <= index < len(self._tab_list):
            self._tabs.setCurrentIndex(index)

    def open_tab(self, index: int) -> None:
        """Show tab ``index`` with the focus in its list (Ctrl+1…6), ready for the arrows."""
        if 0 <= index < len(self._tab_list):
            self.show_tab(index)
            self.current_tab().view().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- zoom ---------------------------------------------------------------------------------

    def zoom_steps(self) -> int:
        return self._zoom_steps

    def set_zoom_steps(self, steps: int) -> None:
        self._zoom_steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        for tab in self._tab_list:
            tab.set_zoom_steps(self._zoom_steps)

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom_steps(self._zoom_steps + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom_steps(self._zoom_steps - 1)

    @Slot()
    def reset_zoom(self) -> None:
        self.set_zoom_steps(0)

    # --- dialogs ------------------------------------------------------------------------------

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .about import about_html

        QMessageBox.about(self, f"About {APP_NAME}", about_html(self._atlas.info()))

    @Slot()
    def show_shortcuts(self) -> None:
        from .shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.shortcut_actions(), self).exec()

    # --- state --------------------------------------------------------------------------------

    def keep_on_screen(self) -> None:
        """Move the window onto a screen and shrink it to fit, if it is not (restored geometry
        from a monitor that is gone or larger than this one)."""
        if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            return  # the window system sizes these to the screen
        areas = [screen.availableGeometry() for screen in QGuiApplication.screens()]
        fitted = fit_on_screens(self.geometry(), areas, self._primary_area())
        if fitted != self.geometry():
            self.setGeometry(fitted)

    def _primary_area(self) -> QRect:
        screen = QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)

    def save_state(self) -> None:
        settings = self._settings
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.last_tab = self.current_tab().key
        settings.last_entry = self.current_entry_id()
        settings.zoom_steps = self._zoom_steps
        for tab in self._tab_list:
            settings.set_splitter_sizes(tab.key, tab.splitter_sizes())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.background.shutdown()  # no worker outlives the window, nor calls back into it
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ThemeChange:
            self.refresh_theme()

    @Slot()
    def refresh_theme(self) -> None:
        """Render the detail panes again in the current palette (light/dark scheme change)."""
        for tab in self._tab_list:
            tab.refresh()

    # --- internals ----------------------------------------------------------------------------

    def _restore(self) -> None:
        settings = self._settings
        if self.restoreGeometry(settings.window_geometry):
            self.keep_on_screen()
        else:
            self.setGeometry(first_run_geometry(self._primary_area()))
        self.restoreState(settings.window_state)
        last_entry = settings.last_entry
        if last_entry and self._go(last_entry):
            self._record(last_entry)
            return
        keys = [tab.key for tab in self._tab_list]
        index = keys.index(settings.last_tab) if settings.last_tab in keys else 0
        with self._no_history():
            self._tabs.setCurrentIndex(index)
        self._on_tab_changed(index)

    def _focus_regions(self) -> list[QWidget]:
        """What F6 cycles through: the search field, the current list, its detail pane."""
        tab = self.current_tab()
        return [self.search_box.field, tab.view(), tab.detail_pane()]

    def _tab_for(self, entry_id: str) -> EntryTab | None:
        return next((tab for tab in self._tab_list if tab.shows(entry_id)), None)

    def _go(self, entry_id: str) -> bool:
        """Show ``entry_id`` in its tab without touching the history."""
        tab = self._tab_for(entry_id)
        if tab is None:
            return False
        with self._no_history():
            if not tab.select_entry(entry_id):
                return False
            self._tabs.setCurrentWidget(tab)
        self.setWindowTitle(f"{self._atlas.ref(entry_id).title} — {APP_NAME}")
        self._announce()
        return True

    @contextmanager
    def _no_history(self) -> Iterator[None]:
        quiet, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = quiet

    def _announce(self) -> None:
        """Emit entry_changed if the entry on show is not the one last announced."""
        entry_id = self.current_entry_id()
        if entry_id != self._announced:
            self._announced = entry_id
            self.entry_changed.emit(entry_id)

    def _record(self, entry_id: str) -> None:
        """Note ``entry_id`` as opened: in back/forward, and in the reader's history."""
        self._history.visit(entry_id)
        self._update_history_actions()
        try:
            self._library.record_visit(entry_id)
        except KnownError as error:
            # A store that cannot be written (read-only, full disk, locked) never stops
            # navigation; the reader is told once per run.
            if not self._visit_error_told:
                self._visit_error_told = True
                self.statusBar().showMessage(f"History is not being saved: {error}", 15_000)

    def _update_history_actions(self) -> None:
        self._actions.back.setEnabled(self._history.can_go_back())
        self._actions.forward.setEnabled(self._history.can_go_forward())

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if self._quiet or not 0 <= index < len(self._tab_list):
            self._announce()
            return
        tab = self._tab_list[index]
        with self._no_history():
            tab.select_first()
        entry_id = tab.current_entry_id()
        if entry_id:
            self.setWindowTitle(f"{self._atlas.ref(entry_id).title} — {APP_NAME}")
            self._record(entry_id)
        self._announce()

    @Slot(object)
    def _on_model_filter_changed(self, model_filter: ModelFilter) -> None:
        self.charts.set_filter(model_filter)

    @Slot(object)
    def _on_charts_requested(self, model_filter: ModelFilter) -> None:
        self.charts.set_filter(model_filter)
        self.charts.open_chart(self.charts.kind())

    @Slot()
    def _on_model_data_changed(self) -> None:
        """Imported model data came or went: the Models tab lists anew, the pane shows it."""
        for tab in self._tab_list:
            tab.reload_entries()
            tab.reshow_current()

    @Slot(str)
    def _on_tab_entry_changed(self, entry_id: str) -> None:
        if self._quiet or self.sender() is not self.current_tab():
            return
        self.setWindowTitle(f"{self._atlas.ref(entry_id).title} — {APP_NAME}")
        self._record(entry_id)
        self._announce()
