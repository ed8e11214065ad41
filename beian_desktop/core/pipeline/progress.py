"""Progress reports and cancellation, shared by the CLI and the GUI's worker threads."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from beian_desktop.core.errors import BeianError
from beian_desktop.core.text import Text

STEP_LABELS = {
    "review": Text("检查", "Checking"),
    "convert": Text("转换", "Converting"),
    "bundle": Text("打包", "Packing"),
}


@dataclass(frozen=True)
class Progress:
    step: str  # review | convert | bundle
    index: int  # 1-based
    total: int
    current: str  # the file (or entry) being worked on; a name, never a full path

    @property
    def label(self) -> Text:
        return STEP_LABELS.get(self.step, Text(self.step, self.step))


ProgressCallback = Callable[[Progress], None]


class Cancelled(BeianError):
    code = "cancelled"

    def __init__(self) -> None:
        super().__init__(Text("已取消，未写入任何文件。", "Cancelled; nothing was written."))


class CancelToken:
    """Checked between files; cancelling from another thread stops the run at the next check."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled
