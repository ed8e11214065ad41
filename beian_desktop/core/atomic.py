"""Atomic file writes: a temporary file in the target's folder, flushed, then renamed over it.

A crash or kill at any moment leaves either the old file or the new one under the final name,
never half of one. Temporary files are named so a later run can recognise and remove them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".beian-tmp-"

# Inside `scratch_writes()` files are still written atomically but not forced to disk: for
# intermediate files that are deleted after use, durability buys nothing and costs an fsync each.
_DURABLE: ContextVar[bool] = ContextVar("durable_writes", default=True)


@contextlib.contextmanager
def scratch_writes() -> Iterator[None]:
    token = _DURABLE.set(False)
    try:
        yield
    finally:
        _DURABLE.reset(token)


@contextlib.contextmanager
def atomic_writer(target: Path, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces `target`, on any error it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and target.exists():
        raise FileExistsError(str(target))
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=target.parent)
    temp = Path(temp_name)
    try:
        durable = _DURABLE.get()
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if not overwrite and target.exists():
            raise FileExistsError(str(target))
        temp.replace(target)
        if durable:
            _fsync_dir(target.parent)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(target: Path, data: bytes, *, overwrite: bool = True) -> None:
    with atomic_writer(target, overwrite=overwrite) as handle:
        handle.write(data)


def atomic_copy(source: Path, target: Path, *, overwrite: bool = True) -> None:
    with atomic_writer(target, overwrite=overwrite) as handle, source.open("rb") as src:
        shutil.copyfileobj(src, handle, length=1024 * 1024)


def copy_or_link(source: Path, target: Path) -> None:
    """`atomic_copy`, except that scratch files may be hard links to `source` (same file
    system): nothing is copied for an intermediate file that is only read and then deleted."""
    if not _DURABLE.get() and not target.exists():
        with contextlib.suppress(OSError):
            os.link(source, target)
            return
    atomic_copy(source, target)


def remove_stale_temps(folder: Path) -> int:
    """Delete temporary files a killed run left behind. Returns how many were removed."""
    removed = 0
    if folder.is_dir():
        for leftover in folder.glob(f"{TEMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed += 1
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
