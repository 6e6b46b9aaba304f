"""Work off the GUI thread, with its result or its error handed back on it.

Modelled on Anki's ``QueryOp`` (``qt/aqt/operations/__init__.py``)::

    QueryOp(
        parent=panel,
        work=lambda task: library.history(),  # on a worker thread: no widget may be touched
        success=panel.show_visits,            # on the GUI thread, with what ``work`` returned
    ).failure(panel.show_problem).run_in_background(host.background)

- ``work`` gets a ``Task``: long work calls ``task.report(done, total)`` for progress and
  ``task.check()`` to stop early once cancelled. It runs on a thread of the window's
  ``BackgroundWork`` pool; the data layer gives each thread its own sqlite connection
  (``UserStore.connection()``), so work may call ``Library`` methods freely.
- ``success(result)`` runs on the GUI thread. A known fault of the environment (``KnownError``, or
  an ``OSError``) goes to ``failure(error)``, also on the GUI thread; with no ``failure`` given it
  goes to ``sys.excepthook``, which shows it as a plain message. Any other exception is a bug: it
  goes to ``sys.excepthook`` on the GUI thread (the crash hook shows a report to copy).
- After ``cancel()`` neither ``success`` nor ``failure`` runs. Nor do they when ``parent`` has been
  deleted meanwhile, or when the pool was shut down (the window closed).

``BackgroundWork.shutdown()`` cancels what is running and waits for it, so no worker outlives its
window (the window calls it from ``closeEvent``).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from .known_error_dialog import is_known_fault

T = TypeVar("T")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class Cancelled(Exception):  # noqa: N818 — it is what happened, not an error
    """Raised by ``Task.check()`` inside work that was cancelled; ends the work quietly."""


class Task:
    """What the work sees of its operation: progress to report, and whether to stop."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the operation was cancelled (call it between steps)."""
        if self._cancelled.is_set():
            raise Cancelled

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """Progress for the GUI: ``done`` of ``total`` steps (0 = unknown), with a short text."""
        if not self._cancelled.is_set():
            self._relay.progress.emit(done, total, text)

    def _cancel(self) -> None:
        self._cancelled.set()


class _Relay(QObject):
    """Lives on the GUI thread: a signal the worker emits is queued to these slots there.

    The slots are methods of this QObject, not of the (plain Python) operation, because PySide
    runs a slot that belongs to no QObject in the thread that emitted the signal.
    """

    progress = Signal(int, int, str)
    result = Signal(object)
    known_fault = Signal(object)
    bug = Signal(object)
    ended = Signal()
    # Emitted on the GUI thread once the operation is over, whatever its outcome.
    done = Signal()

    def __init__(self, op: QueryOp[Any]) -> None:
        super().__init__()  # no Qt parent: it must outlive a parent deleted mid-work
        self._op = op
        self.result.connect(self._on_result)
        self.known_fault.connect(self._on_known_fault)
        self.bug.connect(self._on_bug)
        self.ended.connect(self._on_ended)
        self.progress.connect(self._on_progress)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self._op._deliver_result(result)

    @Slot(object)
    def _on_known_fault(self, error: Exception) -> None:
        self._op._deliver_known_fault(error)

    @Slot(object)
    def _on_bug(self, info: ExcInfo) -> None:
        self._op._deliver_bug(info)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._op._deliver_progress(done, total, text)

    @Slot()
    def _on_ended(self) -> None:
        self._op._end()
        self.done.emit()


class QueryOp(Generic[T]):
    """One piece of work to run off the GUI thread (see the module docstring)."""

    def __init__(
        self,
        *,
        parent: QObject,
        work: Callable[[Task], T],
        success: Callable[[T], Any],
    ) -> None:
        self._parent = parent
        self._work = work
        self._success = success
        self._failure: Callable[[Exception], Any] | None = None
        self._on_progress: Callable[[int, int, str], Any] | None = None
        # Made here, so on the GUI thread: construct operations there, never in a worker.
        self._relay = _Relay(self)
        self._task = Task(self._relay)
        self._pool: BackgroundWork | None = None
        self._over = False
        self.progress = self._relay.progress
        self.done = self._relay.done

    def failure(self, failure: Callable[[Exception], Any]) -> QueryOp[T]:
        """Call ``failure(error)`` on the GUI thread for a known fault of the environment."""
        self._failure = failure
        return self

    def with_progress(self, on_progress: Callable[[int, int, str], Any]) -> QueryOp[T]:
        """Call ``on_progress(done, total, text)`` on the GUI thread as the work reports."""
        self._on_progress = on_progress
        return self

    def run_in_background(self, pool: BackgroundWork) -> QueryOp[T]:
        self._pool = pool
        pool._start(self)
        return self

    def cancel(self) -> None:
        """Stop caring about the result: work that calls ``task.check()`` stops early."""
        self._task._cancel()

    def is_cancelled(self) -> bool:
        return self._task.is_cancelled()

    def is_running(self) -> bool:
        return self._pool is not None and not self._over

    # --- on the worker thread -------------------------------------------------------------

    def _run(self) -> None:
        relay = self._relay
        try:
            result = self._work(self._task)
        except Cancelled:
            pass
        except Exception as error:  # noqa: BLE001 — handed to the GUI thread, never dropped
            if is_known_fault(error):
                relay.known_fault.emit(error)
            else:
                relay.bug.emit((type(error), error, error.__traceback__))
        else:
            relay.result.emit(result)
        finally:
            relay.ended.emit()

    # --- on the GUI thread -----------------------------------------------------------------

    def _wanted(self) -> bool:
        return (
            not self._task.is_cancelled()
            and shiboken6.isValid(self._parent)
            and self._pool is not None
            and not self._pool.is_shut_down()
        )

    def _deliver_result(self, result: T) -> None:
        if self._wanted():
            self._success(result)

    def _deliver_known_fault(self, error: Exception) -> None:
        if not self._wanted():
            return
        if self._failure is not None:
            self._failure(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _deliver_bug(self, info: ExcInfo) -> None:
        # A bug is reported even when nobody waits for the result any more: never swallowed.
        sys.excepthook(*info)

    def _deliver_progress(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None and self._wanted():
            self._on_progress(done, total, text)

    def _end(self) -> None:
        self._over = True
        if self._pool is not None:
            self._pool._forget(self)


class _Runnable(QRunnable):
    def __init__(self, op: QueryOp[Any]) -> None:
        super().__init__()
        self._op = op

    def run(self) -> None:
        self._op._run()


class BackgroundWork(QObject):
    """The worker threads of one window, and the operations running on them."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: list[QueryOp[Any]] = []
        self._shut_down = False

    def running(self) -> int:
        """How many operations have not handed back their outcome yet."""
        return len(self._running)

    def is_shut_down(self) -> bool:
        return self._shut_down

    def cancel_all(self) -> None:
        for op in list(self._running):
            op.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every worker thread is idle (True), or ``timeout_ms`` passed (False)."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = -1) -> bool:
        """Cancel everything and wait for the workers: no callback runs after this."""
        self._shut_down = True
        self.cancel_all()
        return self.wait(timeout_ms)

    def _start(self, op: QueryOp[Any]) -> None:
        if self._shut_down:
            raise RuntimeError("BackgroundWork was shut down: its window is closing")
        self._running.append(op)
        runnable = _Runnable(op)
        runnable.setAutoDelete(True)
        self._pool.start(runnable)

    def _forget(self, op: QueryOp[Any]) -> None:
        if op in self._running:
            self._running.remove(op)
