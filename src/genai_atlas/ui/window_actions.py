"""The main window's own actions and where they stand: Quit, Back/Forward, the tabs, zoom, Help.

Features add theirs through the ``FeatureHost``; these are the window's, made here so that
``MainWindow`` only composes. ``create_window_actions`` makes them, connected to the window's
slots; ``place_window_actions`` puts them in the menus and on the navigation toolbar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from .. import APP_NAME
from .features import MenuKey

if TYPE_CHECKING:
    from .main_window import MainWindow


@dataclass(frozen=True)
class WindowActions:
    quit: QAction
    back: QAction
    forward: QAction
    tabs: tuple[QAction, ...]
    zoom_in: QAction
    zoom_out: QAction
    reset_zoom: QAction
    shortcuts: QAction
    about: QAction


def _action(window: MainWindow, text: str, keys: tuple[str, ...] = ()) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts([QKeySequence(key) for key in keys])
    return action


def create_window_actions(window: MainWindow, tab_titles: list[str]) -> WindowActions:
    icon = QStyle.StandardPixmap
    style = window.style()
    quit_action = _action(window, "&Quit", ("Ctrl+Q",))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(window.close)
    back = _action(window, "&Back", ("Alt+Left",))
    back.setIcon(style.standardIcon(icon.SP_ArrowBack))
    back.setToolTip("Back (Alt+Left)")
    back.triggered.connect(window.go_back)
    forward = _action(window, "&Forward", ("Alt+Right",))
    forward.setIcon(style.standardIcon(icon.SP_ArrowForward))
    forward.setToolTip("Forward (Alt+Right)")
    forward.triggered.connect(window.go_forward)
    tabs = []
    for number, title in enumerate(tab_titles, start=1):
        action = _action(window, f"&{number} {title}", (f"Ctrl+{number}",))
        action.triggered.connect(lambda _checked=False, i=number - 1: window.open_tab(i))
        tabs.append(action)
    zoom_in = _action(window, "Zoom &In", ("Ctrl+=", "Ctrl++"))
    zoom_in.triggered.connect(window.zoom_in)
    zoom_out = _action(window, "Zoom &Out", ("Ctrl+-",))
    zoom_out.triggered.connect(window.zoom_out)
    reset_zoom = _action(window, "&Reset Zoom", ("Ctrl+0",))
    reset_zoom.triggered.connect(window.reset_zoom)
    shortcuts = _action(window, "&Keyboard Shortcuts")
    shortcuts.triggered.connect(window.show_shortcuts)
    about = _action(window, f"&About {APP_NAME}")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(window.show_about)
    return WindowActions(
        quit_action, back, forward, tuple(tabs), zoom_in, zoom_out, reset_zoom, shortcuts, about
    )


def place_window_actions(window: MainWindow, actions: WindowActions) -> QToolBar:
    """The actions in the File, Go, View and Help menus; Back and Forward on a toolbar."""
    host = window.host
    host.menu(MenuKey.FILE).addAction(actions.quit)
    host.set_menu_tail(MenuKey.FILE, actions.quit)
    go_menu = host.menu(MenuKey.GO)
    go_menu.addAction(actions.back)
    go_menu.addAction(actions.forward)
    go_menu.addSeparator()
    for action in actions.tabs:
        go_menu.addAction(action)
    view_menu = host.menu(MenuKey.VIEW)
    for action in (actions.zoom_in, actions.zoom_out, actions.reset_zoom):
        view_menu.addAction(action)
    help_menu = host.menu(MenuKey.HELP)
    help_menu.addAction(actions.shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(actions.about)
    host.set_menu_tail(MenuKey.HELP, actions.shortcuts)
    tool_bar = window.addToolBar("Navigation")
    tool_bar.setObjectName("navigationToolBar")
    tool_bar.setMovable(False)
    tool_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    tool_bar.addAction(actions.back)
    tool_bar.addAction(actions.forward)
    return tool_bar
