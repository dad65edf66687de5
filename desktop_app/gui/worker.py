"""One helper for all background work: `run_in_background(op, on_done, on_error)`.

Like Anki's QueryOp: `op` runs on a QThreadPool thread and must not touch widgets; it returns a
value that `on_done` receives on the UI thread. Errors arrive in `on_error` (also on the UI thread),
so no handler needs its own try/except. A `Task` can be cancelled: a task not yet started never
runs, and a running or finished task's callbacks are dropped. The pool owns and deletes the
QRunnable it runs; the Task (a plain object on the UI side) only lets go of it under a lock, so a
cancel never touches a runnable the pool has already deleted. `op` may accept a `cancel` keyword (a
threading.Event) and a `progress` keyword (a callable taking a float in 0..1) to co-operate.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

# Workers and the UI thread share the GIL. Every Qt call releases it, and getting it back waits for the
# running worker's switch interval (5 ms by default), so a UI thread making many small Qt calls while
# a worker analyses would crawl. A 1 ms interval trades a little worker throughput for a UI that keeps
# up (measured: benchmarks/bench_gui.py).
if sys.getswitchinterval() > 0.001:
    sys.setswitchinterval(0.001)


class _Relay(QObject):
    """Lives on the UI thread; carries workers' outcomes back to it through queued signals.

    One relay serves every task (a QObject and two connections per task cost ~0.5 ms each on the UI
    thread, which adds up when a folder of thousands of files is opened).
    """

    done = Signal(object, object)
    failed = Signal(object, object, str)
    progressed = Signal(object, float)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(lambda task, result: task._deliver_done(result))
        self.failed.connect(lambda task, exc, tb: task._deliver_error(exc, tb))
        self.progressed.connect(lambda task, f: task._deliver_progress(f))


_relay: _Relay | None = None


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _Runnable(QRunnable):
    """What the pool runs and then deletes (autoDelete); the Task outlives it on the UI side."""

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.task = task

    def run(self) -> None:  # worker thread
        task, self.task = self.task, None
        task._execute()


class Task:
    """A unit of background work; keep the object to cancel it."""

    def __init__(self, op: Callable[..., Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException, str], None] | None,
                 on_progress: Callable[[float], None] | None) -> None:
        self.op = op
        self.cancel_event = threading.Event()
        self.finished = threading.Event()
        self._lock = threading.Lock()
        self._started = False
        self._runnable: _Runnable | None = _Runnable(self)
        self._relay = _get_relay()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        try:
            params = inspect.signature(op).parameters
        except (TypeError, ValueError):
            params = {}
        self._kwargs: dict[str, Any] = {}
        if "cancel" in params:
            self._kwargs["cancel"] = self.cancel_event
        if "progress" in params:
            self._kwargs["progress"] = lambda f: self._emit(self._relay.progressed, self, f)

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def cancel(self) -> None:
        """Ask the op to stop (if it listens) and drop its callbacks; a task not started never runs."""
        with self._lock:
            self.cancel_event.set()
            if not self._started and self._runnable is not None:
                # Still queued, so the pool has not deleted it: take it back.
                QThreadPool.globalInstance().tryTake(self._runnable)
                self._runnable = None
                self.finished.set()
                _live.discard(self)

    def _execute(self) -> None:  # worker thread
        with self._lock:
            if self.cancelled:
                return
            self._started = True
            self._runnable = None
        try:
            try:
                result = self.op(**self._kwargs)
            except BaseException as exc:  # noqa: BLE001 - reported to on_error, never lost
                self._emit(self._relay.failed, self, exc, traceback.format_exc())
                return
            self._emit(self._relay.done, self, result)
        finally:
            self.finished.set()

    @staticmethod
    def _emit(signal, *args) -> None:
        # RuntimeError: the application is shutting down and the relay is gone.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def _deliver_progress(self, fraction: float) -> None:
        if not self.cancelled and self._on_progress is not None:
            self._on_progress(fraction)

    def _deliver_done(self, result: Any) -> None:
        _live.discard(self)
        if not self.cancelled and self._on_done is not None:
            self._on_done(result)

    def _deliver_error(self, exc: BaseException, tb: str) -> None:
        _live.discard(self)
        if self.cancelled:
            return
        log.info("background task failed: %s\n%s", exc, tb)
        if self._on_error is not None:
            self._on_error(exc, tb)


# Tasks are kept alive here until their outcome has been delivered on the UI thread.
_live: set[Task] = set()


def run_in_background(op: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException, str], None] | None = None, *,
                      on_progress: Callable[[float], None] | None = None, priority: int = 0) -> Task:
    """Run `op()` on the global thread pool; call `on_done(result)` or `on_error(exc, traceback)` later.

    Must be called from the UI thread. Returns the Task (cancel() it to drop the outcome).
    """
    task = Task(op, on_done, on_error, on_progress)
    _live.add(task)
    QThreadPool.globalInstance().start(task._runnable, priority)
    return task


def wait_for_idle(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (tests and shutdown only)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
