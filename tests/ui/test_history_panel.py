"""The History panel in the real main window: visits by day, newest first, reopening one, Clear
History… (everything or older than a age), a visit whose entry left the atlas, the day labels in
the reader's time zone, and a history that cannot be read."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget

from genai_atlas.data.library import Library, Visit, iso_time
from genai_atlas.data.userdb import UserStore
from genai_atlas.settings import Settings
from genai_atlas.ui.history_feature import CLEAR_CHOICES, HistoryFeature
from genai_atlas.ui.history_model import HistoryModel, day_label, group_visits
from genai_atlas.ui.main_window import MainWindow
from genai_atlas.ui.roles import ENTRY_ID_ROLE


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


class FakeDialogs:
    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.offered: list[str] = []

    def clear_choice(self, parent: QWidget | None, choices: Sequence[str]) -> str | None:
        self.offered = list(choices)
        return self.answer


@pytest.fixture
def utc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The reader's zone is UTC, so "today" and the shown times are the clock's own."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 12, 5, 15, 30, tzinfo=UTC))


@pytest.fixture
def window(qtbot, atlas, user_store: UserStore, settings: Settings, clock: Clock, utc_zone):  # type: ignore[no-untyped-def]
    library = Library(atlas, user_store, clock=clock)
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # The window opened its first entry, a visit of its own; each test starts from no visits.
    library.clear_history()
    yield window
    window.close()


@pytest.fixture
def library_rows(user_store: UserStore):  # type: ignore[no-untyped-def]
    """The single value of a query on the library file."""

    def count(sql: str) -> int:
        return int(user_store.read_tuples(sql, [])[0][0])

    return count


def feature(window: MainWindow) -> HistoryFeature:
    return window.history_panel


def open_panel(qtbot, window: MainWindow) -> HistoryFeature:  # type: ignore[no-untyped-def]
    history = feature(window)
    history.panel_action.trigger()  # Go ▸ History, Ctrl+H
    qtbot.waitUntil(lambda: history.dock.isVisible() and not history._stale)
    return history


def visit_at(window: MainWindow, clock: Clock, entry_id: str, moment: datetime) -> None:
    clock.moment = moment
    assert window.navigate_to(entry_id)


def test_ctrl_h_shows_today_s_visits_newest_first(qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
    history = feature(window)
    assert history.panel_action.shortcut().toString() == "Ctrl+H"
    visit_at(window, clock, "model/gpt-4", datetime(2026, 12, 5, 9, 5, tzinfo=UTC))
    visit_at(window, clock, "term/transformer", datetime(2026, 12, 5, 14, 20, tzinfo=UTC))
    open_panel(qtbot, window)
    assert history.panel.view.hasFocus()
    rows = history.panel.rows()
    assert rows[0] == f"Today ({len(rows) - 1})"
    assert rows[1] == "  14:20  Transformer"
    assert "  09:05  GPT-4" in rows
    # Opening another entry while the panel is shown puts it on top at once.
    visit_at(window, clock, "model/claude", datetime(2026, 12, 5, 15, 0, tzinfo=UTC))
    qtbot.waitUntil(lambda: history.panel.rows()[1] == "  15:00  Claude")


def test_the_go_menu_lists_history(window) -> None:  # type: ignore[no-untyped-def]
    go_menu = window.findChild(QMenu, "goMenu")
    assert feature(window).panel_action in go_menu.actions()
    assert feature(window).panel_action.text() == "&History"


def test_yesterday_and_older_days_have_their_own_groups(qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
    visit_at(window, clock, "model/gpt-4", datetime(2026, 11, 27, 18, 0, tzinfo=UTC))
    visit_at(window, clock, "term/transformer", datetime(2026, 12, 4, 8, 0, tzinfo=UTC))
    visit_at(window, clock, "model/claude", datetime(2026, 12, 5, 10, 0, tzinfo=UTC))
    history = open_panel(qtbot, window)
    days = [row for row in history.panel.rows() if not row.startswith("  ")]
    assert days == ["Today (1)", "Yesterday (1)", "Friday 27 November 2026 (1)"]
    model = history.panel.model
    yesterday = model.index(1, 0)
    assert model.rowCount(yesterday) == 1
    assert model.index(0, 0, yesterday).data() == "08:00  Transformer"


def test_double_click_or_enter_opens_the_visit(qtbot, window, clock) -> None:  # type: ignore[no-untyped-def]
    visit_at(window, clock, "model/gpt-4", datetime(2026, 12, 5, 9, 0, tzinfo=UTC))
    visit_at(window, clock, "term/transformer", datetime(2026, 12, 5, 10, 0, tzinfo=UTC))
    history = open_panel(qtbot, window)
    view = history.panel.view
    model = history.panel.model
    gpt4 = model.index(1, 0, model.index(0, 0))
    assert gpt4.data(ENTRY_ID_ROLE) == "model/gpt-4"
    view.setCurrentIndex(gpt4)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_entry_id() == "model/gpt-4"
    # The reopening is itself a visit, on top of the list.
    qtbot.waitUntil(lambda: history.panel.rows()[1].endswith("GPT-4"))


def test_clear_everything_leaves_an_empty_panel_that_says_so(
    qtbot, window, clock, library_rows
) -> None:  # type: ignore[no-untyped-def]
    visit_at(window, clock, "model/gpt-4", datetime(2026, 12, 5, 9, 0, tzinfo=UTC))
    history = open_panel(qtbot, window)
    fake = FakeDialogs("Everything")
    history.dialogs = fake  # type: ignore[assignment]
    qtbot.mouseClick(history.panel.clear_button, Qt.MouseButton.LeftButton)
    assert fake.offered == [label for label, _age in CLEAR_CHOICES]
    assert window.statusBar().currentMessage().startswith("Removed ")
    assert library_rows("SELECT count(*) FROM visit") == 0
    qtbot.waitUntil(lambda: history.panel.empty_label.isVisible())
    assert history.panel.rows() == []
    assert not history.panel.clear_button.isEnabled()
    assert "No visits yet" in history.panel.empty_label.text()


def test_clear_older_than_seven_days_keeps_the_recent_week(
    qtbot, window, clock, library_rows
) -> None:  # type: ignore[no-untyped-def]
    visit_at(window, clock, "model/gpt-4", datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    visit_at(window, clock, "term/transformer", datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    visit_at(window, clock, "model/claude", datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    clock.moment = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
    history = open_panel(qtbot, window)
    before = library_rows("SELECT count(*) FROM visit")
    history.dialogs = FakeDialogs("Older than 7 days")  # type: ignore[assignment]
    history.clear_history()
    after = library_rows("SELECT count(*) FROM visit")
    assert before - after == 2
    assert window.statusBar().currentMessage() == "Removed 2 visits."
    qtbot.waitUntil(lambda: not any("GPT-4" in row for row in history.panel.rows()))
    rows = history.panel.rows()
    assert "  12:00  Claude" in rows
    assert not any("Transformer" in row for row in rows)


def test_cancelling_clear_history_removes_nothing(qtbot, window, clock, library_rows) -> None:  # type: ignore[no-untyped-def]
    visit_at(window, clock, "model/gpt-4", datetime(2026, 12, 5, 9, 0, tzinfo=UTC))
    history = open_panel(qtbot, window)
    before = library_rows("SELECT count(*) FROM visit")
    history.dialogs = FakeDialogs(None)  # type: ignore[assignment]
    history.clear_history()
    assert library_rows("SELECT count(*) FROM visit") == before > 0


def test_a_visit_whose_entry_left_the_atlas_is_kept_and_marked(qtbot, window, user_store) -> None:  # type: ignore[no-untyped-def]
    with user_store.transaction("test") as connection:
        connection.execute(
            "INSERT INTO visit (entry_id, title, visited) VALUES (?, ?, ?)",
            [
                "model/retired-one",
                "Retired Model",
                iso_time(datetime(2026, 12, 5, 8, 0, tzinfo=UTC)),
            ],
        )
    history = open_panel(qtbot, window)
    assert "  08:00  Retired Model (missing entry)" in history.panel.rows()
    model = history.panel.model
    today = model.index(0, 0)
    missing = next(
        model.index(row, 0, today)
        for row in range(model.rowCount(today))
        if model.index(row, 0, today).data(ENTRY_ID_ROLE) == "model/retired-one"
    )
    assert missing.data(Qt.ItemDataRole.FontRole).italic()
    shown = window.current_entry_id()
    history.panel.view.activated.emit(missing)
    assert window.current_entry_id() == shown  # nothing to open…
    assert "no longer in this atlas" in window.statusBar().currentMessage()  # …and it says why


def test_a_hidden_panel_reads_nothing_until_shown(qtbot, window, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    history = feature(window)
    calls: list[int] = []
    real = history._library.history
    monkeypatch.setattr(history._library, "history", lambda *a: calls.append(1) or real(*a))
    for hour in range(8, 12):
        visit_at(
            window,
            clock,
            "model/gpt-4" if hour % 2 else "term/transformer",
            datetime(2026, 12, 5, hour, 0, tzinfo=UTC),
        )
    qtbot.wait(20)
    assert calls == []
    open_panel(qtbot, window)
    assert calls == [1]


def test_a_history_that_cannot_be_read_is_a_status_message(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from genai_atlas.data.userdb import StoreError

    def refuse(*_args: object) -> list[Visit]:
        raise StoreError("Cannot read your library: disk I/O error.")

    history = feature(window)
    monkeypatch.setattr(history._library, "history", refuse)
    assert history.reload() is False
    assert "Your history cannot be read" in window.statusBar().currentMessage()


def test_days_follow_the_reader_s_time_zone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # 23:30 UTC on 4 December is already 5 December in Tokyo (UTC+9).
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        visits = [
            Visit("model/gpt-4", "GPT-4", "2026-12-04T23:30:00.000000Z", False),
            Visit("term/transformer", "Transformer", "2026-12-03T10:00:00.000000Z", False),
            Visit("model/x", "Unreadable time", "not a time", True),
        ]
        days = group_visits(visits, datetime(2026, 12, 5, 1, 0, tzinfo=UTC))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [day.label for day in days] == ["Today", "Thursday 3 December 2026", "Date unknown"]
    assert days[0].visits[0].time == "08:30"
    assert days[1].visits[0].time == "19:00"
    assert days[2].visits[0].time == ""


def test_day_labels() -> None:
    today = datetime(2026, 12, 5).date()
    assert day_label(today, today) == "Today"
    assert day_label(today - timedelta(days=1), today) == "Yesterday"
    assert day_label(today - timedelta(days=8), today) == "Friday 27 November 2026"


def test_the_history_model_is_a_well_formed_qt_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    visits = [
        Visit("model/gpt-4", "GPT-4", "2026-12-05T09:00:00.000000Z", False),
        Visit("term/transformer", "Transformer", "2026-12-04T09:00:00.000000Z", False),
        Visit("model/old", "Old", "2026-11-01T09:00:00.000000Z", True),
    ]
    model = HistoryModel()
    model.set_days(group_visits(visits, datetime(2026, 12, 5, 12, 0, tzinfo=UTC)))
    qtmodeltester.check(model)
