"""Files arriving on the materials page: expand the drop, take each file in, report in order.

A drop only queues work. One job walks the dropped folders (`core.intake.expand`); then one job
per file inspects it, draws its thumbnail and copies it into the case folder
(`core.intake.take_in`). The jobs run side by side in the pool, but their results are handed on
in the order the files were dropped, so placing them is deterministic: of two ID-card pictures
without a side in their names, the first gets the front.

Stored files of an opened case are looked at the same way (`look`), without copying.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from beian_desktop.core.errors import BeianError, UnreadableFile

if TYPE_CHECKING:
    from beian_desktop.core.intake import Expanded, Intake
    from beian_desktop.gui.workers import JobContext, Task, TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pending:
    """A file on its way in: shown with a busy state until its result is handed on."""

    number: int
    source: Path

    @property
    def key(self) -> str:
        return f"pending:{self.number}"

    @property
    def name(self) -> str:
        return self.source.name


def _guarded(work: Callable[[], Intake]) -> Intake:
    """Core promises typed errors for bad files; should anything else escape, the file is
    reported as unreadable and the page carries on (the log keeps the error's type only: the
    message could name the user's file)."""
    try:
        return work()
    except BeianError:
        raise
    except Exception as error:  # see the docstring
        log.error("taking a file in failed unexpectedly: %s", type(error).__name__)
        raise UnreadableFile(detail=type(error).__name__) from None


class IntakeQueue(QObject):
    """Signals:
    queued(object): a Pending, as its work is queued.
    arrived(object, object): Pending, Intake — in drop order.
    refused(object, object): Pending, BeianError — in drop order.
    skipped(object): the Expanded drop, when it left files out.
    busy_changed(bool): whether files are on their way.
    """

    queued = Signal(object)
    arrived = Signal(object, object)
    refused = Signal(object, object)
    skipped = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._numbers = itertools.count(1)
        self._generation = 0
        self._walking = 0
        self._order: list[Pending] = []
        self._results: dict[int, tuple[bool, object]] = {}
        self._tasks: list[Task] = []

    @property
    def busy(self) -> bool:
        return bool(self._walking or self._order)

    def pending(self) -> list[Pending]:
        return list(self._order)

    def add(self, paths: Sequence[Path], folder: Path) -> None:
        """Take in these dropped files and folders, copying into the case `folder`."""
        if not paths:
            return
        generation = self._generation
        was_busy = self.busy
        self._walking += 1

        def walked(found: Expanded) -> None:
            self._walked(generation, found, folder)

        def stopped(_error: object = None) -> None:
            self._walked(generation, None, folder)

        chosen = list(paths)
        self._track(
            self.runner.start(
                lambda context: _expand(chosen, context),
                name="expand-drop",
                on_done=walked,
                on_failed=stopped,
                on_cancelled=stopped,
            )
        )
        self._notify(was_busy)

    def _walked(self, generation: int, found: Expanded | None, folder: Path) -> None:
        if generation != self._generation:
            return
        was_busy = self.busy
        self._walking -= 1
        if found is not None:
            if found.unsupported or found.over_limit:
                self.skipped.emit(found)
            for source in found.files:
                self._start(Pending(next(self._numbers), source), folder)
        self._notify(was_busy)

    def _start(self, pending: Pending, folder: Path) -> None:
        generation = self._generation
        self._order.append(pending)
        self.queued.emit(pending)

        def job(context: JobContext) -> Intake:
            from beian_desktop.core.intake import take_in  # in the pool: not a free import

            return _guarded(lambda: take_in(pending.source, folder, context.token.check))

        self._track(
            self.runner.start(
                job,
                name="take-in",
                on_done=lambda intake: self._finished(generation, pending, True, intake),
                on_failed=lambda error: self._finished(generation, pending, False, error),
                on_cancelled=lambda: self._finished(generation, pending, False, None),
            )
        )

    def _track(self, task: Task | None) -> None:
        if task is not None:
            self._tasks.append(task)

    def _finished(self, generation: int, pending: Pending, ok: bool, payload: object) -> None:
        if generation != self._generation:
            return
        self._results[pending.number] = (ok, payload)
        was_busy = self.busy
        while self._order and self._order[0].number in self._results:
            head = self._order.pop(0)
            done, result = self._results.pop(head.number)
            if done:
                self.arrived.emit(head, result)
            elif result is not None:
                self.refused.emit(head, result)
        if not self.busy:
            self._tasks.clear()
        self._notify(was_busy)

    def cancel(self) -> None:
        """Forget everything on its way (another case was opened): stop the jobs, ignore their
        results."""
        was_busy = self.busy
        self._generation += 1
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        self._order.clear()
        self._results.clear()
        self._walking = 0
        self._notify(was_busy)

    def _notify(self, was_busy: bool) -> None:
        if was_busy != self.busy:
            self.busy_changed.emit(self.busy)


def _expand(paths: list[Path], context: JobContext) -> Expanded:
    from beian_desktop.core.intake import expand  # in the pool: it imports the inspection

    return expand(paths, context.token.check)


def look(source: Path) -> Intake:
    """Job body for a file already in the case: inspect it and draw it, copying nothing."""
    from beian_desktop.core.intake import look_at

    return _guarded(lambda: look_at(source))
