"""The History panel's model: the reader's visits grouped by day, newest first.

``group_visits(visits, now)`` does the grouping and the wording (no Qt): days in the reader's
local time zone, labelled "Today", "Yesterday" or "Friday 27 November 2026", each with its visits
at their local time ("14:05"). ``HistoryModel`` shows those groups as a two-level tree. It is a
hand-written ``QAbstractItemModel`` rather than a ``QStandardItemModel`` because a history runs to
tens of thousands of rows, and building an item per row on every navigation would cost a frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import attrgetter

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from ..data.library import Visit
from .roles import ENTRY_ID_ROLE

MISSING_SUFFIX = " (missing entry)"
UNKNOWN_DAY_LABEL = "Date unknown"
# English names, not strftime's %A/%B: QApplication sets the C locale from the environment, so
# strftime would mix languages into an English interface.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# internalId of a day row; a visit row's internalId is its day's row + 1.
_DAY_ID = 0
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class DayVisit:
    visit: Visit
    time: str
    """The local time of the visit, "14:05" ("" when the stored time cannot be read)."""

    @property
    def shown_title(self) -> str:
        return self.visit.title + (MISSING_SUFFIX if self.visit.missing else "")


@dataclass(frozen=True, slots=True)
class HistoryDay:
    day: date | None
    """The local date; None for visits whose stored time cannot be read."""
    label: str
    visits: tuple[DayVisit, ...]
    """Newest first."""


def day_label(day: date, today: date) -> str:
    """ "Today", "Yesterday", else "Friday 27 November 2026"."""
    if day == today:
        return "Today"
    if (today - day).days == 1:
        return "Yesterday"
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _local_time(visited: str) -> datetime | None:
    try:
        # 3.11's fromisoformat reads the library's trailing "Z" as UTC.
        moment = datetime.fromisoformat(visited)
        if moment.tzinfo is None:  # every stored time is UTC, "Z" or not
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone()  # the reader's local zone, as time.tzset() last read it
    except (ValueError, OverflowError):
        # Another tool wrote the row, or year 1 cannot move west of UTC: still listed, undated.
        return None


def group_visits(visits: Sequence[Visit], now: datetime) -> tuple[HistoryDay, ...]:
    """``visits`` in local days, the newest day first and, in each, the newest visit first.

    ``now`` says which day is "Today" (in local time, as every visit is shown). Visits whose time
    cannot be read come last, under "Date unknown".
    """
    today = now.astimezone().date()
    # ISO times of one fixed width sort as the times do; sorted() is stable, so visits of the same
    # moment keep the library's order. The library gives them newest first already: this costs a
    # single pass then.
    ordered = sorted(visits, key=attrgetter("visited"), reverse=True)
    days: list[HistoryDay] = []
    current: date | None = None
    current_visits: list[DayVisit] = []
    undated: list[DayVisit] = []

    def close_day() -> None:
        if current is not None and current_visits:
            days.append(HistoryDay(current, day_label(current, today), tuple(current_visits)))

    for visit in ordered:
        moment = _local_time(visit.visited)
        if moment is None:
            undated.append(DayVisit(visit, ""))
            continue
        day = moment.date()
        if day != current:
            close_day()
            current, current_visits = day, []
        current_visits.append(DayVisit(visit, f"{moment.hour:02d}:{moment.minute:02d}"))
    close_day()
    if undated:
        days.append(HistoryDay(None, UNKNOWN_DAY_LABEL, tuple(undated)))
    return tuple(days)


def visit_count_text(count: int) -> str:
    return f"{count:,} visit" if count == 1 else f"{count:,} visits"


class HistoryModel(QAbstractItemModel):
    """Days (top level, labelled "Today (12)") and their visits ("14:05  GPT-4"), one column.

    A visit row answers ``ENTRY_ID_ROLE`` with its entry id; a day row answers None there.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._days: tuple[HistoryDay, ...] = ()

    # --- contents ------------------------------------------------------------------------------

    def set_days(self, days: Sequence[HistoryDay]) -> None:
        self.beginResetModel()
        self._days = tuple(days)
        self.endResetModel()

    def days(self) -> tuple[HistoryDay, ...]:
        return self._days

    def visit_count(self) -> int:
        return sum(len(day.visits) for day in self._days)

    def day_at(self, index: _Index) -> HistoryDay | None:
        """The day of a day row, or of a visit row's parent."""
        if not index.isValid():
            return None
        internal = index.internalId()
        row = index.row() if internal == _DAY_ID else internal - 1
        return self._days[row] if 0 <= row < len(self._days) else None

    def day_visit_at(self, index: _Index) -> DayVisit | None:
        """The visit of a visit row; None for a day row or an invalid index."""
        if not index.isValid() or index.internalId() == _DAY_ID:
            return None
        day = self.day_at(index)
        if day is None or not 0 <= index.row() < len(day.visits):
            return None
        return day.visits[index.row()]

    def visit_at(self, index: _Index) -> Visit | None:
        shown = self.day_visit_at(index)
        return shown.visit if shown is not None else None

    # --- QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt's signature)
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._days):
                return self.createIndex(row, 0, _DAY_ID)
            return QModelIndex()
        if parent.internalId() != _DAY_ID or parent.column() != 0:
            return QModelIndex()  # visits have no children
        day_row = parent.row()
        if day_row < len(self._days) and row < len(self._days[day_row].visits):
            return self.createIndex(row, 0, day_row + 1)
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 (Qt's signature)
        # PySide6 declares parent() both as QObject.parent() and as this model method.
        if not index.isValid() or index.internalId() == _DAY_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _DAY_ID)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if not parent.isValid():
            return len(self._days)
        if parent.column() != 0 or parent.internalId() != _DAY_ID:
            return 0
        row = parent.row()
        return len(self._days[row].visits) if row < len(self._days) else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if section == 0 and orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return "Visited"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _DAY_ID:
            day = self.day_at(index)
            return self._day_data(day, role) if day is not None else None
        shown = self.day_visit_at(index)
        day = self.day_at(index)
        if shown is None or day is None:
            return None
        return self._visit_data(shown, day, role)

    @staticmethod
    def _day_data(day: HistoryDay, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day.label} ({len(day.visits):,})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{day.label}: {visit_count_text(len(day.visits))}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{day.label}, {visit_count_text(len(day.visits))}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _visit_data(shown: DayVisit, day: HistoryDay, role: int) -> object:
        visit = shown.visit
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{shown.time}  {shown.shown_title}" if shown.time else shown.shown_title
        if role == ENTRY_ID_ROLE:
            return visit.entry_id
        when = f"{day.label} at {shown.time}" if shown.time else "at a time that cannot be read"
        if role == Qt.ItemDataRole.ToolTipRole:
            if visit.missing:
                return (
                    f"{visit.title}: this entry is no longer in this atlas. The visit stays in "
                    "your history until you clear it."
                )
            return f"{visit.title} ({visit.entry_id}), visited {when}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{shown.shown_title}, {when}"
        if visit.missing:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                # Read on each paint, so a switch between light and dark follows; a model holds
                # no widget whose palette it could ask.
                return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None
