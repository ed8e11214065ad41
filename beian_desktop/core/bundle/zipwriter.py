"""Deterministic, atomic zip writing with UTF-8 names.

The same entries always give the same bytes: entries in a fixed order, one fixed timestamp,
fixed permissions and "made by Unix", no extra fields. Names are UTF-8 with the zip's
language-encoding flag (bit 11, 0x800), which Info-ZIP unzip, 7-Zip, bsdtar, Windows Explorer
and macOS Archive Utility all honour. The zip is written to a temporary file in the target
folder and renamed into place, so a crash or kill never leaves half a zip under the final name.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from beian_desktop.core.atomic import atomic_writer

UTF8_FLAG = 0x800
_UNIX = 3
_FILE_MODE = 0o100644
_DIR_MODE = 0o040755
_MSDOS_DIRECTORY = 0x10
# Already-compressed payloads are stored: deflating them costs time and gains nothing.
_CHUNK = 1024 * 1024
_ZIP64_LIMIT = 0x7FFFFFFF
_STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".pdf", ".zip", ".heic", ".webp"}


@dataclass(frozen=True)
class ZipEntry:
    """One file in the zip: its name inside the archive and where its bytes come from."""

    name: str  # POSIX path inside the zip, e.g. "某某-首次备案-备案材料-20261127/上传/x.jpg"
    data: bytes | None = None
    source: Path | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.source is not None
        return self.source.read_bytes()

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.source is not None
        return self.source.stat().st_size

    def copy_into(self, stream: IO[bytes]) -> None:
        """Stream the bytes (files are not held in memory whole)."""
        if self.data is not None:
            stream.write(self.data)
            return
        assert self.source is not None
        with self.source.open("rb") as source:
            shutil.copyfileobj(source, stream, _CHUNK)


def _info(
    name: str, stamp: tuple[int, int, int, int, int, int], *, directory: bool
) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.create_system = _UNIX
    info.flag_bits |= UTF8_FLAG
    if directory:
        info.external_attr = (_DIR_MODE << 16) | _MSDOS_DIRECTORY
        info.compress_type = zipfile.ZIP_STORED
    else:
        info.external_attr = _FILE_MODE << 16
        suffix = Path(name).suffix.lower()
        info.compress_type = (
            zipfile.ZIP_STORED if suffix in _STORED_SUFFIXES else (zipfile.ZIP_DEFLATED)
        )
    return info


def _folders(names: Iterable[str]) -> list[str]:
    found: set[str] = set()
    for name in names:
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            found.add("/".join(parts[:depth]) + "/")
    return sorted(found)


def write_zip(
    entries: list[ZipEntry],
    target: Path,
    *,
    timestamp: dt.datetime,
    overwrite: bool = False,
    on_entry: Callable[[int, int, str], None] | None = None,
) -> Path:
    """Write `entries` to `target` atomically. Raises FileExistsError unless `overwrite`."""
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        raise ValueError("duplicate names in the package")
    for name in names:
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            raise ValueError(f"unsafe name in the package: {name!r}")
    stamp = (
        timestamp.year,
        timestamp.month,
        timestamp.day,
        timestamp.hour,
        timestamp.minute,
        timestamp.second - timestamp.second % 2,
    )
    ordered = sorted(entries, key=lambda e: e.name)
    with (
        atomic_writer(target, overwrite=overwrite) as handle,
        zipfile.ZipFile(handle, "w", allowZip64=True, compresslevel=9) as archive,
    ):
        for folder in _folders(names):
            archive.writestr(_info(folder, stamp, directory=True), b"")
        for number, entry in enumerate(ordered, 1):
            if on_entry is not None:
                on_entry(number, len(ordered), entry.name)
            info = _info(entry.name, stamp, directory=False)
            info.file_size = entry.size()
            with archive.open(info, "w", force_zip64=info.file_size > _ZIP64_LIMIT) as stream:
                entry.copy_into(stream)
    return target
