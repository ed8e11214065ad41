"""One window per case: a lock per case folder, so two windows never overwrite each other.

A double-click on case.json while that case is already open elsewhere would otherwise give two
windows whose autosaves replace each other's edits. The lock is a QLockFile kept in the user's
data folder (not in the case folder, which the user may copy or share), named after the case
folder's resolved path. A lock left by a crashed window is recognised by its dead process and
taken over; a live one is never considered stale, however old.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile

from beian_desktop.core.errors import BeianError
from beian_desktop.core.paths import user_data_dir
from beian_desktop.core.text import Text

log = logging.getLogger(__name__)


class CaseInUse(BeianError):
    code = "case-in-use"

    def __init__(self, folder: Path, process: int | None) -> None:
        self.folder, self.process = folder, process
        where = f"（进程 {process}）" if process else ""
        where_en = f" (process {process})" if process else ""
        super().__init__(
            Text(
                f"这个案卷已在另一个窗口中打开{where}：{folder.name}",
                f"This case is already open in another window{where_en}: {folder.name}",
            ),
            Text(
                "为免两处的修改互相覆盖，请在那个窗口中继续；关闭那个窗口后即可在这里打开。",
                "So that the two windows do not overwrite each other's changes, continue in "
                "that window; once it is closed, the case opens here.",
            ),
        )


def locks_dir() -> Path:
    return user_data_dir() / "locks"


class CaseLock:
    """The lock of one case folder, held while this window edits that case."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        key = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:32]
        self._file = QLockFile(str(locks_dir() / f"{key}.lock"))
        # Held as long as the window lives: only a dead process's lock is stale, never an old one.
        self._file.setStaleLockTime(0)

    def acquire(self) -> None:
        """Take the lock, or raise CaseInUse naming the process that holds it. Where no lock
        can be made at all (a read-only data folder) the case opens unguarded: refusing to
        open it would be worse."""
        try:
            locks_dir().mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("no case lock (cannot create %s): %s", locks_dir(), error.strerror)
            return
        if self._file.tryLock(0):
            return
        if self._file.error() != QLockFile.LockError.LockFailedError:
            log.warning("no case lock: %s", self._file.error().name)
            return
        process, _host, _app = self._file.getLockInfo()  # 0 when the file cannot be read
        raise CaseInUse(self.folder, int(process) or None)

    def release(self) -> None:
        if self._file.isLocked():
            self._file.unlock()
