"""Taking files in: what a drop of files and folders means, and the work done per file.

`expand(paths)` turns what the user dropped into the files to take in: files as given (even
unsupported ones, so the user hears why each is refused), folders walked recursively for
supported formats, skipping hidden and system files (.DS_Store, Thumbs.db, ~$ lock files …).

`take_in(source, folder)` inspects one file, makes its thumbnail and copies it into the case
folder, in that order: a file inspection refuses (empty, damaged, encrypted, unsupported) is
never copied. The original is only read. Both run in a worker thread.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from beian_desktop.core.case.model import StoredFile
from beian_desktop.core.case.store import import_file
from beian_desktop.core.errors import InputFileError
from beian_desktop.core.inspect import (
    FileKind,
    Inspection,
    inspect,
    open_image,
    open_pdfium,
    render_page,
    to_l_or_rgb,
    upright,
)
from beian_desktop.core.inspect.normalise import shrink

THUMBNAIL_SIDE = 176  # pixels: sharp on a 2× screen at the page's 88-pixel thumbnails
MAX_FILES = 300  # per drop: a whole home folder dropped by mistake must not flood the case
SUPPORTED_EXTENSIONS = frozenset(
    extension for kind in FileKind if kind.supported for extension in kind.extensions
)
_SYSTEM_NAMES = {"thumbs.db", "desktop.ini", "__macosx", "$recycle.bin", "ehthumbs.db"}
_HIDDEN_ATTRIBUTES = 0x2 | 0x4  # Windows FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM


@dataclass
class Expanded:
    files: list[Path] = field(default_factory=list)  # to take in, in the order given
    unsupported: list[Path] = field(default_factory=list)  # inside folders, by extension
    hidden: int = 0  # hidden or system files skipped inside folders
    over_limit: int = 0  # files left out beyond MAX_FILES

    def add(self, path: Path) -> None:
        if len(self.files) < MAX_FILES:
            self.files.append(path)
        else:
            self.over_limit += 1


def is_hidden(path: Path) -> bool:
    """Hidden or system files and folders, as file managers hide them."""
    name = path.name.lower()
    if name.startswith((".", "~$")) or name in _SYSTEM_NAMES:
        return True
    try:
        attributes = getattr(path.lstat(), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & _HIDDEN_ATTRIBUTES)


def expand(paths: Iterable[Path], check: Callable[[], None] | None = None) -> Expanded:
    """Files to take in from dropped files and folders (folders walked, sorted by name).
    `check` is called between folders (a cancel token's check)."""
    found = Expanded()
    for path in paths:
        if check is not None:
            check()
        if _is_folder(path):
            _walk(path, found)
        else:
            found.add(path)
    return found


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False  # reported when the file is taken in (UnreadableFile)


def _walk(folder: Path, found: Expanded) -> None:
    for root, folders, names in os.walk(folder, followlinks=False):
        here = Path(root)
        kept = sorted((d for d in folders if not is_hidden(here / d)), key=str.casefold)
        found.hidden += len(folders) - len(kept)
        folders[:] = kept  # os.walk descends only into these
        for name in sorted(names, key=str.casefold):
            path = here / name
            if is_hidden(path):
                found.hidden += 1
            elif path.suffix.lower() in SUPPORTED_EXTENSIONS:
                found.add(path)
            else:
                found.unsupported.append(path)


@dataclass(frozen=True)
class Thumbnail:
    """A small upright picture of the first page: 8-bit RGB rows without padding."""

    width: int
    height: int
    rgb: bytes


@dataclass(frozen=True)
class Intake:
    source: Path
    inspection: Inspection
    thumbnail: Thumbnail | None
    stored: StoredFile | None  # None when the file was only looked at (already in the case)


def thumbnail(path: Path, kind: FileKind, side: int = THUMBNAIL_SIDE) -> Thumbnail | None:
    """The first page, small and upright; None when it cannot be drawn (the inspection has
    already said why)."""
    try:
        if kind is FileKind.PDF:
            with open_pdfium(path) as document:  # holds PDFIUM_LOCK while it renders
                return _rgb(render_page(document, 0, side), side)
        with open_image(path) as raster:  # the reduced image lives only as long as the file
            reduced = raster.reduced(0, side).image
            return _rgb(upright(reduced, raster.orientation_after_load(0)), side)
    except InputFileError:
        return None


def _rgb(image: Image.Image, side: int) -> Thumbnail:
    small = shrink(to_l_or_rgb(image), side).convert("RGB")
    return Thumbnail(small.width, small.height, small.tobytes())


def look_at(source: Path, check: Callable[[], None] | None = None) -> Intake:
    """Inspect a file and draw its thumbnail; raises the InputFileError the user should see."""
    inspection = inspect(source)
    if check is not None:
        check()
    return Intake(source, inspection, thumbnail(source, inspection.kind), None)


def take_in(source: Path, folder: Path, check: Callable[[], None] | None = None) -> Intake:
    """Inspect, draw, then copy into the case folder (only files inspection accepts)."""
    looked = look_at(source, check)
    if check is not None:
        check()
    stored = import_file(folder, source)
    return Intake(source, looked.inspection, looked.thumbnail, stored)
