"""Background work: core functions run as QRunnables on a QThreadPool and report by signals.

A job is a plain function `job(context) -> result`. It receives a `JobContext` with the core's
`CancelToken` (`context.token.check()` between files) and `context.report(Progress)`; the same
core code runs under the CLI with its own callback. Results, progress, failures and
cancellations come back as queued signals, so slots run in the GUI thread and may touch widgets.

    runner.start(job, on_done=..., on_progress=..., on_failed=..., on_cancelled=...)

Expected failures (`BeianError`, carrying a bilingual message) go to `on_failed`; anything
else is a bug and goes to `sys.excepthook` — the crash dialog — after the task has ended.
Closing the app calls `shutdown()`: cancel every task, then wait for the pool.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from beian_desktop.core.errors import BeianError
from beian_desktop.core.pipeline.progress import Cancelled, CancelToken, Progress

log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT_MS = 10_000


@dataclass
class JobContext:
    token: CancelToken
    report: Callable[[Progress], None]


Job = Callable[[JobContext], Any]

PROGRESS, DONE, FAILED, CANCELLED = "progress", "done", "failed", "cancelled"


class _Dispatcher(QObject):
    """Carries every task's reports to the GUI thread. It lives there, so a report emitted in a
    pool thread arrives as a queued call. One long-lived object for all tasks: no QObject is
    created per task, so none can end up deleted by the wrong thread."""

    report = Signal(int, str, object)  # task id, kind, payload


class Task(QRunnable):
    """Runs one job in a pool thread; never lets an exception escape into Qt."""

    def __init__(self, task_id: int, job: Job, name: str, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; it holds no QObject, so any thread may free it
        self.id = task_id
        self.job = job
        self.name = name
        self.token = CancelToken()
        self.cancellable = True
        self._dispatcher = dispatcher

    def cancel(self) -> None:
        """Ask the job to stop at its next `token.check()`."""
        self.token.cancel()

    def _send(self, kind: str, payload: object = None) -> None:
        try:
            self._dispatcher.report.emit(self.id, kind, payload)
        except RuntimeError:  # the window is gone (shutdown timed out): nobody to tell
            log.info("task %s outlived its window", self.name)

    def run(self) -> None:
        context = JobContext(self.token, lambda progress: self._send(PROGRESS, progress))
        try:
            self.token.check()
            result = self.job(context)
        except Cancelled:
            self._send(CANCELLED)
        except BaseException as error:  # reported, never raised into the pool thread
            self._send(FAILED, error)
        else:
            self._send(DONE, result)


@dataclass
class _Handlers:
    task: Task
    on_done: Callable[[Any], None] | None = None
    on_failed: Callable[[BeianError], None] | None = None
    on_progress: Callable[[Progress], None] | None = None
    on_cancelled: Callable[[], None] | None = None


class TaskRunner(QObject):
    """Starts tasks on a pool, routes their reports, cancels and waits on shutdown.

    Signals:
        busy_changed(bool): whether any task is running.
    """

    busy_changed = Signal(bool)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._dispatcher = _Dispatcher(self)
        self._dispatcher.report.connect(self._report)
        self._running: dict[int, _Handlers] = {}
        self._ids = itertools.count(1)
        self._closed = False

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(
        self,
        job: Job,
        *,
        name: str = "task",
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BeianError], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = True,
    ) -> Task | None:
        """Queue `job`; returns its task (for `cancel()`), or None after shutdown.
        `cancellable=False` exempts it from `cancel_all()` (a save must finish)."""
        if self._closed:
            log.info("task %s refused: shutting down", name)
            return None
        task = Task(next(self._ids), job, name, self._dispatcher)
        task.cancellable = cancellable
        was_busy = self.busy
        self._running[task.id] = _Handlers(task, on_done, on_failed, on_progress, on_cancelled)
        if not was_busy:
            self.busy_changed.emit(True)
        self.pool.start(task)
        return task

    def cancel_all(self) -> None:
        for handlers in self._running.values():
            if handlers.task.cancellable:
                handlers.task.cancel()

    def wait(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Block until the pool is idle (shutdown and tests only). True if it is."""
        return bool(self.pool.waitForDone(timeout_ms))

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Cancel everything, refuse new work, and wait for the running tasks to stop.
        Reports still queued afterwards reach no handler: the window is going away."""
        self._closed = True
        self.cancel_all()
        idle = self.wait(timeout_ms)
        if not idle:
            log.warning("tasks still running after %d ms", timeout_ms)
        return idle

    @Slot(int, str, object)
    def _report(self, task_id: int, kind: str, payload: object) -> None:
        handlers = self._running.get(task_id)
        if handlers is None:
            return
        if kind == PROGRESS:
            if handlers.on_progress is not None and not self._closed:
                handlers.on_progress(payload)  # type: ignore[arg-type]
            return
        del self._running[task_id]
        if not self._running:
            self.busy_changed.emit(False)
        if not self._closed:
            self._finish(handlers, kind, payload)

    def _finish(self, handlers: _Handlers, kind: str, payload: object) -> None:
        name = handlers.task.name
        if kind == DONE:
            if handlers.on_done is not None:
                handlers.on_done(payload)
        elif kind == CANCELLED:
            log.info("task %s cancelled", name)
            if handlers.on_cancelled is not None:
                handlers.on_cancelled()
        elif isinstance(payload, BeianError):
            log.info("task %s failed: %s", name, payload.code)
            if handlers.on_failed is not None:
                handlers.on_failed(payload)
        elif isinstance(payload, BaseException):
            sys.excepthook(type(payload), payload, payload.__traceback__)
