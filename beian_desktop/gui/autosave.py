"""Autosave: the case is written 1.5 s after the last edit, atomically, off the GUI thread.

* Debounce: every edit restarts one single-shot QTimer; a burst of typing is one write.
* Snapshot on the GUI thread (a deep copy of the case, well under a millisecond), write in the
  pool with the core's atomic `save_case`: a kill at any moment leaves the previous complete
  case.json or the new one, never half a file. So a kill loses at most the debounce interval.
* One write at a time: snapshots queue per folder (the newest replaces an older one still
  waiting), so an older snapshot can never overwrite a newer one.
* Switching cases writes the old case first; `shutdown()` (window closing) stops the timer,
  waits for the write in flight and writes what is left before the window goes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from beian_desktop.core.errors import BeianError
from beian_desktop.core.text import Text
from beian_desktop.gui.session import CaseSession
from beian_desktop.gui.workers import JobContext, TaskRunner

if TYPE_CHECKING:
    from beian_desktop.core.case import Case

log = logging.getLogger(__name__)

DEFAULT_DELAY_MS = 1500
TIMER_NAME = "beian.autosave"


class CaseNotSaved(BeianError):
    code = "case-not-saved"

    def __init__(self, error: OSError) -> None:
        super().__init__(
            Text(
                "案卷无法自动保存（磁盘已满或没有写入权限）。",
                "The case could not be saved (the disk is full or the folder is not writable).",
            ),
            Text(
                "请释放磁盘空间或检查文件夹权限；修改仍保留在窗口中。",
                "Free some disk space or check the folder's permissions; your edits are "
                "still in the window.",
            ),
            detail=type(error).__name__,
        )


def snapshot(case: Case) -> Case:
    """An independent copy, so the GUI may keep editing while the copy is written."""
    from beian_desktop.core.case import Case

    return Case.from_dict(case.to_dict())


def write_case(case: Case, folder: Path) -> Path:
    from beian_desktop.core.case import save_case

    folder.mkdir(parents=True, exist_ok=True)
    return save_case(case, folder)


class Autosaver(QObject):
    """Debounced, serialised, atomic saving of the session's case.

    Signals:
        saved(object): the folder whose case.json was just written.
        failed(object): the OSError or BeianError of a failed write.
    """

    saved = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        session: CaseSession,
        runner: TaskRunner,
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.timer = QTimer(self)
        self.timer.setObjectName(TIMER_NAME)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        self._dirty = False
        self._queue: dict[Path, Case] = {}
        self._in_flight = False
        self._stopped = False
        session.edited.connect(self.schedule)
        session.about_to_switch.connect(self.save_now)

    @property
    def pending(self) -> bool:
        """Edits not yet on disk (waiting for the timer, queued, or being written)."""
        return self._dirty or bool(self._queue) or self._in_flight

    def schedule(self) -> None:
        if self._stopped:
            return
        self._dirty = True
        self.timer.start()  # restarts: the write waits for a pause in the editing

    def save_now(self) -> None:
        """Write the current state soon (in the pool), without waiting for the timer."""
        self.timer.stop()
        self._take_snapshot()
        self._kick()

    def _take_snapshot(self) -> None:
        case, folder = self.session.case, self.session.folder
        if self._dirty and case is not None and folder is not None:
            self._queue.pop(folder, None)
            self._queue[folder] = snapshot(case)
        self._dirty = False

    def _kick(self) -> None:
        if self._in_flight or not self._queue or self._stopped:
            return
        folder = next(iter(self._queue))
        case = self._queue.pop(folder)
        self._in_flight = True

        def job(_context: JobContext) -> Path:
            try:
                write_case(case, folder)
            except OSError as error:
                raise CaseNotSaved(error) from None
            return folder

        started = self.runner.start(
            job,
            name="autosave",
            on_done=self._written,
            on_failed=self._write_failed,
            cancellable=False,
        )
        if started is None:
            self._in_flight = False
            self._queue[folder] = case

    def _written(self, folder: Path) -> None:
        self._in_flight = False
        log.debug("autosaved")
        self.saved.emit(folder)
        self._kick()

    def _write_failed(self, error: BeianError) -> None:
        self._in_flight = False
        self._dirty = True  # the next edit (or closing) tries again with the whole case
        self.failed.emit(error)
        self._kick()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop the timer and get every edit onto disk before the window closes."""
        self.timer.stop()
        self._take_snapshot()
        self._stopped = True
        self.runner.wait(timeout_ms)
        for folder, case in list(self._queue.items()):
            try:
                write_case(case, folder)
            except OSError as error:
                log.warning("final save failed (%s)", type(error).__name__)
        self._queue.clear()
