"""The app's remembered state, typed and with defaults, over one QSettings store.

Nothing else reads or writes QSettings directly. ``run_app`` sets the organisation and application
names before the first ``Settings()`` is made, so the default store lands in the user's config
folder; tests pass their own ``QSettings`` (an INI file in a temporary folder).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_LAST_TAB = "navigation/last_tab"
_LAST_ENTRY = "navigation/last_entry"
_ZOOM = "detail/zoom_steps"
_SPLITTER = "splitters/{key}"
_PAPER = "print/paper"
_MARGINS = "print/margins_mm"


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

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
        try:
            return [int(v) for v in value or []]
        except (TypeError, ValueError):
            return []

    def set_splitter_sizes(self, key: str, sizes: list[int]) -> None:
        self._store.setValue(_SPLITTER.format(key=key), [int(s) for s in sizes])

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
        try:
            return int(self._store.value(_ZOOM, 0))
        except (TypeError, ValueError):
            return 0

    @zoom_steps.setter
    def zoom_steps(self, value: int) -> None:
        self._store.setValue(_ZOOM, int(value))

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
        try:
            margins = tuple(float(v) for v in value or [])
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
