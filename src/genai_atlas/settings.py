"""The app's remembered state, typed and with defaults, over one QSettings store.

Nothing else reads or writes QSettings directly. ``run_app`` sets the organisation and application
names before the first ``Settings()`` is made, so the default store lands in the user's config
folder; tests pass their own ``QSettings`` (an INI file in a temporary folder).

Where that folder is: Qt takes ``$XDG_CONFIG_HOME``, else ``$HOME/.config``, and with ``HOME``
unset its home is the filesystem root, so settings would land in ``/.config/GenAI Atlas/``.
``settings_location`` decides before Qt looks: a missing or unusable ``HOME`` is taken from the
user's account, as ``os.path.expanduser`` does; with no usable folder at all the settings are
kept for this run only (``Settings.for_this_run_only``) and nothing is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from . import APP_NAME
from .data import echo

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_LAST_TAB = "navigation/last_tab"
_LAST_ENTRY = "navigation/last_entry"
_ZOOM = "detail/zoom_steps"
_SPLITTER = "splitters/{key}"
_COLUMNS = "tables/{key}/columns"
_PAPER = "print/paper"
_MARGINS = "print/margins_mm"
_LAST_VERSION = "app/last_version"
_THEME = "appearance/theme"
THEMES = ("system", "light", "dark")

THIS_RUN_ONLY_NOTICE = (
    f"No home folder was found, so settings are kept only until {APP_NAME} quits."
)


# --- where the settings live -------------------------------------------------------------------


@dataclass(frozen=True)
class SettingsLocation:
    """Where the settings go, decided from the environment before Qt reads it."""

    config_folder: Path | None
    """The folder Qt will put the settings under; None when there is no usable one."""
    home: str | None = None
    """A HOME to give Qt, from the user's account, when the environment has no usable one."""
    drop_xdg_config_home: bool = False
    """XDG_CONFIG_HOME is set but unusable (relative, or the root): Qt must not see it."""


def account_home() -> str | None:
    """The home folder of the user's account, where ``os.path.expanduser`` looks without HOME."""
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, OSError):
        return None


def _usable(folder: str) -> bool:
    """An absolute folder other than the filesystem root (settings never go to the root)."""
    return os.path.isabs(folder) and Path(folder).resolve() != Path("/")


def settings_location(
    environ: Mapping[str, str], find_account_home: Callable[[], str | None] | None = None
) -> SettingsLocation:
    xdg = environ.get("XDG_CONFIG_HOME", "")
    home = environ.get("HOME", "")
    new_home = None
    if not _usable(home):
        fallback = (find_account_home or account_home)() or ""
        # An account home that does not exist (nobody's /nonexistent) is no home: creating it
        # would put a new folder at the top of the filesystem.
        if _usable(fallback) and os.path.isdir(fallback):
            home = new_home = fallback
        else:
            home = ""
    if _usable(xdg):
        folder: Path | None = Path(xdg)
    elif home:
        folder = Path(home) / ".config"
    else:
        folder = None
    return SettingsLocation(folder, new_home, drop_xdg_config_home=bool(xdg) and not _usable(xdg))


def apply_location(location: SettingsLocation, environ: MutableMapping[str, str]) -> None:
    """Make Qt see ``location``: call before the QApplication and the first QSettings exist."""
    if location.home is not None:
        environ["HOME"] = location.home
    if location.drop_xdg_config_home:
        environ.pop("XDG_CONFIG_HOME", None)


# --- the settings ------------------------------------------------------------------------------


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()
        self._this_run_only = False

    @classmethod
    def for_this_run_only(cls) -> Settings:
        """Settings kept in memory: a QSettings with no file name reads and writes nothing."""
        settings = cls(QSettings("", QSettings.Format.IniFormat))
        settings._this_run_only = True
        return settings

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

    def storage_notice(self, version: str) -> str:
        """ "" when settings are saved; else one sentence for the status bar, to show once.

        Finds out by saving ``version`` as the version that ran last: QSettings reports an
        unwritable file only after a real write.
        """
        if self._this_run_only:
            return THIS_RUN_ONLY_NOTICE
        self._store.setValue(_LAST_VERSION, version)
        self._store.sync()
        if self._store.status() != QSettings.Status.AccessError:
            return ""
        folder = Path(self._store.fileName()).parent
        return (
            f"Settings cannot be saved: the folder {echo(str(folder), 160)} cannot be written. "
            f"Changes are kept only until {APP_NAME} quits."
        )

    # --- window --------------------------------------------------------------------------------

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes(_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes(_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue(_STATE, value)

    def splitter_sizes(self, key: str) -> list[int]:
        """The saved sizes of the splitter named ``key``; [] when none (or unreadable) saved."""
        value = self._store.value(_SPLITTER.format(key=key), [])
        if isinstance(value, str):  # QSettings returns a one-item list as a plain string
            value = [value]
        if not isinstance(value, list | tuple):
            return []
        try:
            return [int(v) for v in value]
        except (TypeError, ValueError):
            return []

    def set_splitter_sizes(self, key: str, sizes: list[int]) -> None:
        self._store.setValue(_SPLITTER.format(key=key), [int(s) for s in sizes])

    def table_columns(self, key: str) -> dict[str, bool]:
        """The columns the reader showed (True) or hid (False) in the table named ``key``.

        Only their own choices: a column they never touched follows the table's default."""
        value = self._store.value(_COLUMNS.format(key=key), [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return {}
        choices: dict[str, bool] = {}
        for item in value:
            name, _, shown = str(item).rpartition("=")
            if name and shown in ("0", "1"):
                choices[name] = shown == "1"
        return choices

    def set_table_columns(self, key: str, choices: Mapping[str, bool]) -> None:
        self._store.setValue(
            _COLUMNS.format(key=key), [f"{name}={int(shown)}" for name, shown in choices.items()]
        )

    # --- navigation ---------------------------------------------------------------------------

    @property
    def last_tab(self) -> str:
        """The key of the tab shown last ("models", "glossary", …); "" for none."""
        return self._str(_LAST_TAB)

    @last_tab.setter
    def last_tab(self, value: str) -> None:
        self._store.setValue(_LAST_TAB, value)

    @property
    def last_entry(self) -> str:
        """The id of the entry shown last; "" for none."""
        return self._str(_LAST_ENTRY)

    @last_entry.setter
    def last_entry(self, value: str) -> None:
        self._store.setValue(_LAST_ENTRY, value)

    # --- detail pane --------------------------------------------------------------------------

    @property
    def zoom_steps(self) -> int:
        value = self._store.value(_ZOOM, 0)  # an int, or a str from an INI file
        if not isinstance(value, int | float | str):
            return 0
        try:
            return int(value)
        except ValueError:
            return 0

    @zoom_steps.setter
    def zoom_steps(self, value: int) -> None:
        self._store.setValue(_ZOOM, int(value))

    # --- appearance ---------------------------------------------------------------------------

    @property
    def theme(self) -> str:
        """ "system" (follow the desktop), "light" or "dark"; anything else reads as "system"."""
        value = self._str(_THEME)
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._store.setValue(_THEME, value if value in THEMES else "system")

    # --- printing -----------------------------------------------------------------------------

    @property
    def paper(self) -> str:
        """The paper picked last in print or page setup ("A4", "Letter", "Legal", …); "" for
        none yet, which means the locale's paper."""
        return self._str(_PAPER)

    @paper.setter
    def paper(self, value: str) -> None:
        self._store.setValue(_PAPER, value)

    @property
    def margins_mm(self) -> tuple[float, float, float, float] | None:
        """Left, top, right and bottom margins picked last, in millimetres; None for none."""
        value = self._store.value(_MARGINS, [])
        if not isinstance(value, list | tuple):
            return None
        try:
            margins = tuple(float(v) for v in value)
        except (TypeError, ValueError):
            return None
        if len(margins) != 4 or not all(0 <= m <= 100 for m in margins):
            return None
        return (margins[0], margins[1], margins[2], margins[3])

    @margins_mm.setter
    def margins_mm(self, value: tuple[float, float, float, float]) -> None:
        self._store.setValue(_MARGINS, [round(float(v), 2) for v in value])

    # --- helpers ------------------------------------------------------------------------------

    def _str(self, key: str) -> str:
        value = self._store.value(key, "")
        return value if isinstance(value, str) else ""

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key, QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()
