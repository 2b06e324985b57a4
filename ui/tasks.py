"""The one way to run work off the UI thread: ``run_task(fn, on_done, on_error)``.

The work runs on this module's ``QThreadPool``; its results, errors and progress
come back to the UI thread as queued signals, so callbacks may touch widgets and the
work never does. The worker opens its own database connection (peewee keeps one per
thread) and closes it when done.

``fn`` is called with one argument, ``progress``: a callable taking a fraction 0..1.
It raises ``helpdesk.reports.Cancelled`` once the task is cancelled, so long work that
reports its progress stops there; between calls it gives the UI thread a turn at the
interpreter. Progress reaches the UI at most every ``PROGRESS_INTERVAL`` seconds.

A cancelled task ends in ``on_error`` with ``Cancelled``; any other exception goes to
``on_error`` as it was raised, its traceback on ``__traceback__``.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from helpdesk.db import database
from helpdesk.reports import Cancelled

PROGRESS_INTERVAL = 0.05  # seconds between two progress signals: 20 a second is smooth, and no flood

_running: set[Task] = set()  # kept alive until their results have been delivered


class Task(QObject):
    """A handle on running work: ``cancel()``, ``is_running()``, ``wait()``.

    It lives in the UI thread; the worker emits its private signals, and Qt queues them
    to its slots, which call the callbacks in the UI thread."""

    _progressed = Signal(float)
    _finished = Signal(bool, object)  # ok, result or exception

    def __init__(
        self,
        fn: Callable,
        on_done: Callable,
        on_error: Callable,
        parent: QObject | None,
        on_progress: Callable[[float], None] | None,
    ):
        super().__init__()  # no parent: it must outlive a window closed while the work runs
        self._fn = fn
        self._on_done: Callable | None = on_done  # dropped (None) once delivered: see _let_go
        self._on_error: Callable | None = on_error
        self._on_progress: Callable[[float], None] | None = on_progress
        self._parent = parent
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self._last_emit = 0.0
        self._running = True
        self._progressed.connect(self._deliver_progress)
        self._finished.connect(self._deliver)
        if parent is not None:
            # A page that goes away takes its work with it.
            self._watch = parent.destroyed.connect(self.cancel)

    # --- from the UI thread ----------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._running

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (its callbacks still come through the event loop)."""
        return self._ended.wait(timeout)

    def _alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)  # (before _let_go)

    @Slot(float)
    def _deliver_progress(self, fraction: float) -> None:
        if self._running and self._on_progress is not None and self._alive():
            self._on_progress(fraction)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        self._running = False
        _running.discard(self)
        try:
            if not self._alive():
                return
            if ok:  # delivered once: the callbacks are dropped only after (_let_go)
                cast(Callable, self._on_done)(value)
            else:
                cast(Callable, self._on_error)(value)
        finally:
            self._let_go()

    def _let_go(self) -> None:
        """Drop the parent and the callbacks now, while this task is whole: held by nothing else (a
        model only its own counting task keeps), the parent goes here, and its ``destroyed`` must not
        reach a task in the middle of being freed (that crashed)."""
        if self._parent is not None and shiboken6.isValid(self._parent):
            QObject.disconnect(self._watch)
        self._parent = self._on_done = self._on_error = self._on_progress = None

    # --- from the worker thread ------------------------------------------------
    def progress(self, fraction: float) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_emit >= PROGRESS_INTERVAL:
            self._last_emit = now
            self._progressed.emit(max(0.0, min(1.0, float(fraction))))
        # Hand the interpreter to the UI thread for a moment: pure-Python work here
        # would otherwise keep it for a whole switch interval at a time.
        time.sleep(0)

    def run(self) -> None:
        opened = False
        _quiet_collector(True)
        try:
            if database.obj is not None:
                database.connect(reuse_if_open=True)
                opened = True
            if self._cancel.is_set():
                raise Cancelled()
            result = self._fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the UI thread
            self._finished.emit(False, exc)
        else:
            self._finished.emit(True, result)
        finally:
            if opened and database.obj is not None and not database.is_closed():
                database.close()
            _quiet_collector(False)
            self._ended.set()


_busy = 0
_busy_lock = threading.Lock()


def _quiet_collector(starting: bool) -> None:
    """While work runs, the garbage collector's automatic passes are held back. A full pass
    scans every object while it holds the interpreter lock: on a big report that stalled the
    UI for 80–130 ms (measured with ``benchmarks/report_stall.py``); setting the old objects
    aside (``gc.freeze``) made the passes more frequent and still 50–80 ms. The work's objects
    are freed by reference counting as usual; cycles wait for the passes, which resume when
    the last task ends (a report lasts seconds, so little is held back)."""
    global _busy
    with _busy_lock:
        _busy += 1 if starting else -1
        if starting and _busy == 1:
            gc.disable()
        elif not starting and _busy == 0:
            gc.enable()


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task.run()


_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The app's own pool, apart from Qt's global one. Its threads keep the UI's priority: a
    lower one made things worse, since a worker descheduled while it holds the interpreter
    lock keeps the UI thread waiting (measured: 0.2–0.8 s stalls on a busy machine)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(2, min(4, QThread.idealThreadCount())))
    return _pool


def run_task(
    fn: Callable,
    on_done: Callable[[Any], object],  # given what ``fn`` returned
    on_error: Callable[[BaseException], None],
    parent: QObject | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Task:
    """Run ``fn(progress)`` on the thread pool; ``on_done(result)`` or ``on_error(exception)`` follow
    on the UI thread. With a ``parent``, nothing is delivered once it is gone (and the work is cancelled)."""
    task = Task(fn, on_done, on_error, parent, on_progress)
    _running.add(task)
    pool().start(_Runnable(task))
    return task


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """For tests and shutdown: let every running task end."""
    return pool().waitForDone(timeout_ms)
