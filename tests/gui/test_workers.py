"""Background tasks: progress, results, failures and cancellation come back as signals."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread

from beian_desktop.core.errors import BeianError
from beian_desktop.core.pipeline.progress import Progress
from beian_desktop.core.text import Text
from beian_desktop.gui.workers import JobContext, TaskRunner


@pytest.fixture
def runner(qapp: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_progress_and_the_result_arrive_in_the_gui_thread(qtbot: Any, runner: TaskRunner) -> None:
    seen: list[tuple[int, int, bool]] = []
    results: list[object] = []

    def job(context: JobContext) -> str:
        for index in (1, 2, 3):
            context.token.check()
            context.report(Progress("review", index, 3, f"file-{index}.jpg"))
        return "done"

    def progress(update: Progress) -> None:
        seen.append((update.index, update.total, QThread.currentThread() is qapp_thread()))

    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    runner.start(job, on_progress=progress, on_done=results.append)
    qtbot.waitUntil(lambda: results == ["done"])
    assert seen == [(1, 3, True), (2, 3, True), (3, 3, True)]
    assert busy == [True, False] and not runner.busy


def qapp_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_cancel_stops_a_job_at_its_next_check(qtbot: Any, runner: TaskRunner) -> None:
    started = threading.Event()
    cancelled: list[bool] = []

    def job(context: JobContext) -> None:
        started.set()
        while True:
            context.token.check()
            threading.Event().wait(0.005)

    task = runner.start(job, on_cancelled=lambda: cancelled.append(True))
    assert task is not None
    started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: cancelled == [True])


def test_a_user_facing_error_goes_to_on_failed(qtbot: Any, runner: TaskRunner) -> None:
    failures: list[BeianError] = []

    def job(_context: JobContext) -> None:
        raise BeianError(Text("文件无法读取", "cannot read the file"))

    runner.start(job, on_failed=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert failures[0].user_message("zh") == "文件无法读取"


def test_shutdown_cancels_waits_and_refuses_new_work(runner: TaskRunner) -> None:
    started = threading.Event()
    reached: list[str] = []

    def job(context: JobContext) -> None:
        started.set()
        while not context.token.cancelled:
            threading.Event().wait(0.005)
        reached.append("stopped")

    runner.start(job, on_done=lambda _result: reached.append("handler"))
    started.wait(5)
    assert runner.shutdown(timeout_ms=5000)
    assert reached == ["stopped"]  # the job ended; the closing window gets no callback
    assert runner.start(job) is None
