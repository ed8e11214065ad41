"""The leak guard of conftest.py sees what it must: the app's timers and the pool's threads."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QThreadPool

from beian_desktop.gui.wizard import BeianWizard
from beian_desktop.gui.workers import JobContext

from .conftest import app_timers
from .helpers import new_case, pick


def test_an_edit_starts_the_autosave_timer_and_closing_stops_it(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "企业")
    assert [t.objectName() for t in app_timers() if t.isActive()] == ["beian.autosave"]
    wizard.close()
    assert not [t for t in app_timers() if t.isActive()]


def test_running_work_is_visible_to_the_guard_until_the_window_closes(
    qtbot: Any, wizard: BeianWizard
) -> None:
    started = threading.Event()

    def job(context: JobContext) -> None:
        started.set()
        while not context.token.cancelled:
            threading.Event().wait(0.005)

    wizard.runner.start(job)
    assert started.wait(5)
    assert QThreadPool.globalInstance().activeThreadCount() >= 1
    began = time.monotonic()
    wizard.close()  # cancels, then waits
    assert time.monotonic() - began < 2  # a cancelled job does not hold the window up
    assert QThreadPool.globalInstance().activeThreadCount() == 0
