"""QueryOp: work runs on a worker thread; its result, a known fault or a bug comes back on the
GUI thread; a cancelled operation calls nothing back; a shut-down pool leaves no worker running."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from types import TracebackType

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from genai_atlas.data import KnownError
from genai_atlas.ui.operations import BackgroundWork, QueryOp, Task

TIMEOUT = 10_000


@pytest.fixture
def pool(qapp: QApplication) -> Iterator[BackgroundWork]:
    work = BackgroundWork()
    yield work
    work.shutdown()
    work.deleteLater()


@pytest.fixture
def hooked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[BaseException, bool]]:
    """What reached sys.excepthook, with whether it was on the GUI thread."""
    seen: list[tuple[BaseException, bool]] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        seen.append((error, QThread.currentThread() is QApplication.instance().thread()))

    monkeypatch.setattr("sys.excepthook", hook)
    return seen


def on_gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_success_gets_the_result_on_the_gui_thread(qtbot, pool: BackgroundWork) -> None:  # type: ignore[no-untyped-def]
    parent = QObject()
    worker_threads: list[bool] = []
    got: list[tuple[int, bool]] = []

    def work(task: Task) -> int:
        worker_threads.append(on_gui_thread())
        return 6 * 7

    op = QueryOp(parent=parent, work=work, success=lambda n: got.append((n, on_gui_thread())))
    with qtbot.waitSignal(op.done, timeout=TIMEOUT):
        op.run_in_background(pool)
    assert worker_threads == [False]
    assert got == [(42, True)]
    assert pool.running() == 0


def test_a_known_error_goes_to_failure(qtbot, pool: BackgroundWork, hooked) -> None:  # type: ignore[no-untyped-def]
    parent = QObject()
    failures: list[tuple[str, bool]] = []
    successes: list[object] = []

    def work(task: Task) -> int:
        raise KnownError("The library file cannot be written: the disk is full.")

    op = QueryOp(parent=parent, work=work, success=successes.append).failure(
        lambda error: failures.append((str(error), on_gui_thread()))
    )
    with qtbot.waitSignal(op.done, timeout=TIMEOUT):
        op.run_in_background(pool)
    assert failures == [("The library file cannot be written: the disk is full.", True)]
    assert successes == [] and hooked == []


def test_a_known_error_without_failure_reaches_the_crash_hook(qtbot, pool, hooked) -> None:  # type: ignore[no-untyped-def]
    def work(task: Task) -> None:
        raise OSError(28, "No space left on device", "library.sqlite3")

    op = QueryOp(parent=QObject(pool), work=work, success=print)
    with qtbot.waitSignal(op.done, timeout=TIMEOUT):
        op.run_in_background(pool)
    assert [(type(e), on_gui) for e, on_gui in hooked] == [(OSError, True)]


def test_a_bug_goes_to_the_excepthook_not_to_failure(qtbot, pool, hooked) -> None:  # type: ignore[no-untyped-def]
    failures: list[Exception] = []

    def work(task: Task) -> None:
        raise ZeroDivisionError("a bug")

    op = QueryOp(parent=QObject(pool), work=work, success=print).failure(failures.append)
    with qtbot.waitSignal(op.done, timeout=TIMEOUT):
        op.run_in_background(pool)
    assert failures == []
    assert len(hooked) == 1
    error, on_gui = hooked[0]
    assert isinstance(error, ZeroDivisionError) and on_gui
    assert error.__traceback__ is not None  # the report can name the line


def test_progress_is_reported_on_the_gui_thread(qtbot, pool) -> None:  # type: ignore[no-untyped-def]
    steps: list[tuple[int, int, bool]] = []

    def work(task: Task) -> str:
        for done in range(1, 4):
            task.report(done, 3, "counting")
        return "counted"

    results: list[str] = []
    op = QueryOp(parent=QObject(pool), work=work, success=results.append).with_progress(
        lambda done, total, text: steps.append((done, total, on_gui_thread()))
    )
    with qtbot.waitSignal(op.done, timeout=TIMEOUT):
        op.run_in_background(pool)
    assert steps == [(1, 3, True), (2, 3, True), (3, 3, True)]
    assert results == ["counted"]


def test_cancel_stops_the_work_and_calls_nothing_back(qtbot, pool, hooked) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    successes: list[object] = []
    failures: list[object] = []

    def work(task: Task) -> str:
        started.set()
        while True:  # a long loop that checks between steps, as long work should
            task.check()
            threading.Event().wait(0.001)

    op = QueryOp(parent=QObject(pool), work=work, success=successes.append).failure(failures.append)
    op.run_in_background(pool)
    assert started.wait(TIMEOUT / 1000)
    with qtbot.waitSignal(op.done, timeout=TIMEOUT):
        op.cancel()
    assert successes == [] and failures == [] and hooked == []
    assert not op.is_running()


def test_no_callback_after_the_parent_is_deleted(qtbot, pool) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    parent = QObject()
    successes: list[object] = []
    op = QueryOp(parent=parent, work=lambda task: release.wait(TIMEOUT), success=successes.append)
    op.run_in_background(pool)
    with qtbot.waitSignal(parent.destroyed, timeout=TIMEOUT):
        parent.deleteLater()
    with qtbot.waitSignal(op.done, timeout=TIMEOUT):
        release.set()
    assert successes == []


def test_shutdown_waits_for_every_worker(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    pool = BackgroundWork()
    finished = threading.Event()
    successes: list[object] = []

    def work(task: Task) -> str:
        for _ in range(200):
            if task.is_cancelled():
                break
            threading.Event().wait(0.005)
        finished.set()
        return "late"

    QueryOp(parent=pool, work=work, success=successes.append).run_in_background(pool)
    assert pool.shutdown()
    assert finished.is_set()  # the worker ended before shutdown returned
    qapp.processEvents()  # the queued result arrives, and is dropped: the window is gone
    assert successes == []
    with pytest.raises(RuntimeError):
        QueryOp(parent=pool, work=lambda task: 1, success=print).run_in_background(pool)
    pool.deleteLater()
