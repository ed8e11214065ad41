"""What a drag carries: files from the file manager (URLs) or a file moved inside the page.

Moving a file between slots uses its own MIME type, so the file manager never sees it and an
external drop is never mistaken for a move. The payload names the file by where it is and its
content hash, which is enough to find it again when it is dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData

FILE_MIME = "application/x-beian-desktop-file"
TRAY = ""  # the "material" of a file waiting in the 未分类 tray


@dataclass(frozen=True)
class FileRef:
    """A file on the materials page: the material it is under (TRAY: unsorted), its content
    and side."""

    material: str
    sha256: str
    side: str = ""

    @property
    def in_tray(self) -> bool:
        return self.material == TRAY


def paths_from_mime(mime: QMimeData) -> list[Path]:
    """The local files and folders a drag carries, in order (other URLs are ignored)."""
    if not mime.hasUrls():
        return []
    paths = []
    for url in mime.urls():
        if url.isLocalFile():
            local = url.toLocalFile().rstrip("\x00")
            if local:
                paths.append(Path(local))
    return paths


def carries_files(mime: QMimeData) -> bool:
    return bool(paths_from_mime(mime)) and not mime.hasFormat(FILE_MIME)


def file_mime(ref: FileRef) -> QMimeData:
    mime = QMimeData()
    payload = {"material": ref.material, "sha256": ref.sha256, "side": ref.side}
    mime.setData(FILE_MIME, json.dumps(payload).encode("utf-8"))
    return mime


def file_from_mime(mime: QMimeData) -> FileRef | None:
    if not mime.hasFormat(FILE_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(FILE_MIME).data()).decode("utf-8"))
        return FileRef(str(payload["material"]), str(payload["sha256"]), str(payload["side"]))
    except (ValueError, KeyError, TypeError):
        return None
