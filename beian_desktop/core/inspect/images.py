"""Open raster files safely: format by content, limits before decoding, typed errors.

    with open_image(path) as raster:
        info = raster.frame_info(0)           # header facts: size, mode, orientation, DPI
        small = raster.reduced(0)             # cheap decode for analysis (JPEG: libjpeg scaling)
        page = raster.load(0)                 # the full frame, for conversion

Only the Pillow plugin matching the sniffed content may open the file, so a GIF renamed .jpg
never reaches the GIF decoder. HEIC/HEIF goes through pillow-heif, registered on first use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from beian_desktop.core.errors import CorruptFile, UnsupportedFormat
from beian_desktop.core.inspect.boundary import decode_boundary
from beian_desktop.core.inspect.limits import Limits
from beian_desktop.core.inspect.metadata import (
    Dpi,
    has_location,
    metadata_dpi,
    orientation,
    swaps_axes,
)
from beian_desktop.core.inspect.normalise import has_alpha, shrink, to_l_or_rgb
from beian_desktop.core.inspect.sniff import FileKind, Sniffed, require_supported, sniff

ANALYSIS_LONG_SIDE = 800  # pixels; enough for colour, exposure and blur statistics
# A reduced JPEG decode lands between 1× and 2× the requested size; shrinking it further costs
# more than analysing the extra pixels, so only renditions beyond this are shrunk.
ANALYSIS_SLACK = 1.5


@functools.cache
def register_heif_opener() -> None:
    """Teach Pillow to open HEIC/HEIF (once per process; importing pillow-heif is not free)."""
    import pillow_heif

    pillow_heif.register_heif_opener()


@dataclass(frozen=True, slots=True)
class FrameInfo:
    """What a frame's header says, before any pixel is decoded."""

    index: int
    width: int  # as stored; see `upright_size` for how it displays
    height: int
    mode: str  # Pillow mode, e.g. "RGB", "L", "1", "CMYK", "I;16"
    orientation: int  # EXIF orientation 1–8 (1 when absent or invalid)
    dpi: Dpi | None  # metadata DPI; None when absent or implausible
    alpha: bool
    icc_profile: bytes | None
    location: bool = False  # EXIF/XMP GPS present: converters must not pass it on

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def upright_size(self) -> tuple[int, int]:
        swapped = swaps_axes(self.orientation)
        return (self.height, self.width) if swapped else (self.width, self.height)


@dataclass(frozen=True, slots=True)
class Reduced:
    """A small "L" or "RGB" rendition of a frame (alpha on white), for statistics."""

    image: Image.Image
    scale: float  # reduced pixels per original pixel
    two_tone: bool | None  # exactly two grey levels in a lossless source; None if not checked


class RasterFile:
    """An opened raster file. Create it with `open_image()`; not for use across threads."""

    def __init__(self, path: Path, sniffed: Sniffed, limits: Limits) -> None:
        self.path, self.sniffed, self.limits = path, sniffed, limits
        self._image: Image.Image = self._open()
        self._drafted = False  # a JPEG decoded at reduced scale must be reopened for full size
        self._infos: dict[int, FrameInfo] = {}  # read before any draft changes the sizes
        try:
            self.frame_count = self._count_frames()
        except BaseException:
            self._image.close()
            raise

    @property
    def kind(self) -> FileKind:
        return self.sniffed.kind

    @property
    def page_count(self) -> int:
        """Document pages: every frame of a TIFF; for other formats extra frames are not pages
        (MPO depth/stereo pictures, animation frames, HEIF thumbnails and bursts)."""
        return self.frame_count if self.kind is FileKind.TIFF else 1

    @property
    def pillow_format(self) -> str:
        return self._image.format or ""

    # -- decoding, always inside the boundary ------------------------------------------------

    def _boundary(self) -> AbstractContextManager[None]:
        return decode_boundary(self.kind.label, self.path, max_pixels=self.limits.max_pixels)

    def _open(self) -> Image.Image:
        if self.kind is FileKind.HEIF:
            register_heif_opener()
        with self._boundary():
            try:
                image = Image.open(self.path, formats=list(self.kind.pillow_formats))
            except UnidentifiedImageError as error:
                raise self._unidentified(error) from None
            try:
                self.limits.check_pixels(*image.size)
            except BaseException:
                image.close()
                raise
            return image

    def _unidentified(self, error: Exception) -> Exception:
        hint = self.sniffed.codec_hint
        if self.kind is FileKind.HEIF and hint and hint != "HEVC":
            return UnsupportedFormat(f"HEIF ({hint})", detail=str(type(error).__name__))
        return CorruptFile(self.kind.label, detail=type(error).__name__)

    def _count_frames(self) -> int:
        if self.kind is not FileKind.TIFF:  # the others know their frame count from the header
            with self._boundary():
                return max(1, int(getattr(self._image, "n_frames", 1)))
        # TIFF IFD chains may be long or looped: walk them with a cap instead of n_frames
        # (past the limit a little further, to report the real count in most cases).
        count, cap = 1, self.limits.max_pages * 4
        with self._boundary():
            while count <= cap:
                try:
                    self._image.seek(count)
                except EOFError:
                    break
                count += 1
            self._image.seek(0)
        self.limits.check_pages(count)
        return count

    def _seek(self, index: int) -> Image.Image:
        if not 0 <= index < self.frame_count:
            raise IndexError(f"frame {index} of {self.frame_count}")
        if self._image.tell() != index:
            self._image.seek(index)
            self.limits.check_pixels(*self._image.size)
        return self._image

    def frame_info(self, index: int = 0) -> FrameInfo:
        """Header facts of one frame (cheap: no pixel data is decoded)."""
        if index not in self._infos:
            self._infos[index] = self._read_info(index)
        return self._infos[index]

    def _read_info(self, index: int) -> FrameInfo:
        with self._boundary():
            image = self._seek(index)
            icc = image.info.get("icc_profile")
            width, height = self._stored_size(image)
            return FrameInfo(
                index=index,
                width=width,
                height=height,
                mode=image.mode,
                orientation=orientation(image),
                dpi=metadata_dpi(image),
                alpha=has_alpha(image),
                icc_profile=icc if isinstance(icc, bytes) and icc else None,
                location=has_location(image),
            )

    @staticmethod
    def _stored_size(image: Image.Image) -> tuple[int, int]:
        """Pixel size as stored. Pillow reports a TIFF's size already turned by its Orientation
        tag (and turns the pixels on load); its tags keep the stored size."""
        tags = getattr(image, "tag_v2", None) if image.format == "TIFF" else None
        if tags is not None:
            width, height = tags.get(256), tags.get(257)  # ImageWidth, ImageLength
            if isinstance(width, int) and isinstance(height, int):
                return width, height
        return image.width, image.height

    def tiff_tags(self, index: int = 0) -> dict[int, Any]:
        """The TIFF tags of frame `index` ({} for other formats), for converters that pass
        compressed strips through. Values as Pillow reads them (tag_v2); nothing is decoded."""
        if self.pillow_format != "TIFF":
            return {}
        with self._boundary():
            tags = getattr(self._seek(index), "tag_v2", None)
            return dict(tags) if tags is not None else {}

    def load(self, index: int = 0) -> Image.Image:
        """The fully decoded frame. The object is shared: it changes on the next load/seek."""
        if self._drafted:
            self._image.close()
            self._image = self._open()
            self._drafted = False
        with self._boundary():
            image = self._seek(index)
            image.load()
            return image

    def orientation_after_load(self, index: int = 0) -> int:
        """The EXIF orientation still to apply to what `load(index)` returns: Pillow turns TIFF
        pixels upright itself while decoding (and drops the tag), other formats keep theirs."""
        return 1 if self.pillow_format == "TIFF" else self.frame_info(index).orientation

    def pages(self) -> Iterator[tuple[FrameInfo, Image.Image]]:
        """Every document page, fully decoded, with its header facts. The image is shared: copy
        it to keep it past the next step."""
        for index in range(self.page_count):
            yield self.frame_info(index), self.load(index)

    def reduced(self, index: int = 0, long_side: int = ANALYSIS_LONG_SIDE) -> Reduced:
        """A small rendition for statistics. JPEGs are decoded at 1/2–1/8 scale by libjpeg
        (`draft`), so memory does not grow with the scan's resolution and time grows only with
        the compressed data."""
        full_width = self.frame_info(index).width
        with self._boundary():
            image = self._seek(index)
            if self._can_draft(index):
                longest = max(image.size)
                target = (
                    max(1, image.width * long_side // longest),
                    max(1, image.height * long_side // longest),
                )
                image.draft(image.mode, target)
                self._drafted = True
            image.load()
            two_tone = self._two_tone(image)
            small = to_l_or_rgb(image)
            if max(small.size) > long_side * ANALYSIS_SLACK:
                small = shrink(small, long_side)
            return Reduced(small, small.width / full_width, two_tone)

    def _can_draft(self, index: int) -> bool:
        return self.pillow_format in ("JPEG", "MPO") and index == 0 and not self._drafted

    def _two_tone(self, image: Image.Image) -> bool | None:
        """Exactly two grey levels (a bilevel scan) — only meaningful for lossless data."""
        if image.mode == "1":
            return True
        if self.pillow_format in ("JPEG", "MPO", "WEBP", "HEIF", "AVIF"):
            return None
        if image.mode not in ("L", "P"):
            return False
        used = image.getcolors(2)  # grey levels, or palette indices
        if used is None or len(used) != 2:
            return False
        if image.mode == "L":
            return True
        palette = image.getpalette("RGB") or []
        indices = [i for _, i in used if isinstance(i, int)]
        entries = [palette[3 * i : 3 * i + 3] for i in indices]
        return len(entries) == 2 and all(len(set(rgb)) == 1 for rgb in entries)  # both grey

    def close(self) -> None:
        self._image.close()


@contextmanager
def open_image(
    path: Path | str, *, limits: Limits | None = None, sniffed: Sniffed | None = None
) -> Iterator[RasterFile]:
    """Open a raster file for reading; raises an `InputFileError` subclass when it can't be used.

    The file is only read, never written. `sniffed` may be passed to skip sniffing again.
    """
    path = Path(path)
    limits = limits or Limits()
    sniffed = sniffed or sniff(path)
    limits.check_bytes(sniffed.size)
    require_supported(sniffed)
    if sniffed.kind is FileKind.PDF:
        raise UnsupportedFormat("PDF")  # a document, not a picture: use open_pdf()
    raster = RasterFile(path, sniffed, limits)
    try:
        yield raster
    finally:
        raster.close()
