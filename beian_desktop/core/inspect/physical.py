"""Effective DPI: pixels over the document's physical size.

A scan's metadata often says 72 dpi or nothing; what the reviewer sees is how many pixels cover
each inch of the document. The physical size comes from the material (ID card 85.6 × 54 mm, A4,
the business licence's 正本 and 副本 formats, …); with several formats the one that fits best is
chosen — by the size the metadata DPI implies when that is plausible, else by aspect ratio.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from beian_desktop.core.inspect.metadata import Dpi
from beian_desktop.core.rules.model import PaperFormat
from beian_desktop.core.text import Text

MM_PER_INCH = 25.4
MM_PER_PT = MM_PER_INCH / 72
A4 = PaperFormat(Text("A4", "A4"), 210.0, 297.0)
SIZE_MATCH_TOLERANCE = 0.15  # metadata-implied size within 15 % of a format picks that format
ASPECT_TIE = 0.02  # aspect ratios this close cannot tell formats apart (A4 vs A3)


@dataclass(frozen=True, slots=True)
class FormatChoice:
    format: PaperFormat
    basis: str  # "only", "size" (metadata DPI or PDF page size), "aspect", "default"

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.format.name.to_dict(),
            "width_mm": self.format.width_mm,
            "height_mm": self.format.height_mm,
            "basis": self.basis,
        }


def _long_short(width: float, height: float) -> tuple[float, float]:
    return max(width, height), min(width, height)


def _size_error(fmt: PaperFormat, long_mm: float, short_mm: float) -> float:
    return max(abs(long_mm / fmt.long_mm - 1), abs(short_mm / fmt.short_mm - 1))


def _aspect_error(fmt: PaperFormat, aspect: float) -> float:
    return abs(math.log(aspect / (fmt.long_mm / fmt.short_mm)))


def _closest(
    formats: Sequence[PaperFormat], errors: Sequence[float], portrait: bool | None
) -> tuple[list[PaperFormat], PaperFormat]:
    """Formats whose error ties with the best, and among them the one to use: the first that is
    oriented like the picture (A4 portrait vs A4 landscape certificate), else the first."""
    best_error = min(errors)
    tied = [f for f, e in zip(formats, errors, strict=True) if e - best_error <= ASPECT_TIE]
    same_size = [f for f in tied if (f.long_mm, f.short_mm) == (tied[0].long_mm, tied[0].short_mm)]
    oriented = [f for f in same_size if portrait is None or (f.height_mm > f.width_mm) == portrait]
    return tied, (oriented or same_size)[0]


def choose_format(
    formats: Sequence[PaperFormat],
    width_mm: float | None,
    height_mm: float | None,
    aspect: float,
    portrait: bool | None = None,
) -> FormatChoice:
    """The format a document most likely has.

    `width_mm`/`height_mm`: its size as far as known (from metadata DPI or a PDF page), else None;
    `aspect`: long side over short side of the picture; `portrait`: whether it stands upright.
    """
    if not formats:
        return FormatChoice(A4, "default")
    if len(formats) == 1:
        return FormatChoice(formats[0], "only")
    if width_mm and height_mm:
        long_mm, short_mm = _long_short(width_mm, height_mm)
        errors = [_size_error(f, long_mm, short_mm) for f in formats]
        if min(errors) <= SIZE_MATCH_TOLERANCE:
            return FormatChoice(_closest(formats, errors, portrait)[1], "size")
    tied, chosen = _closest(formats, [_aspect_error(f, aspect) for f in formats], portrait)
    # Formats of the same shape (A3 正本, A4 副本) cannot be told apart by pixels: the rule pack
    # lists the usual one first.
    sizes = {(f.long_mm, f.short_mm) for f in tied}
    return FormatChoice(chosen, "aspect" if len(sizes) == 1 else "default")


def choose_for_pixels(
    formats: Sequence[PaperFormat], width_px: int, height_px: int, dpi: Dpi | None
) -> FormatChoice:
    """The format for a picture of `width_px` × `height_px` whose metadata says `dpi`."""
    long_px, short_px = _long_short(width_px, height_px)
    aspect, portrait = long_px / max(1, short_px), height_px > width_px
    if dpi is None:
        return choose_format(formats, None, None, aspect, portrait)
    width_mm, height_mm = width_px / dpi.x * MM_PER_INCH, height_px / dpi.y * MM_PER_INCH
    return choose_format(formats, width_mm, height_mm, aspect, portrait)


def effective_dpi(width_px: int, height_px: int, fmt: PaperFormat) -> float:
    """Pixels per inch of the document, assuming it fills the picture (long side to long side).

    The smaller of the two axes counts: if the picture has margins, the document is smaller than
    the picture, so this is an upper bound — the honest best case.
    """
    long_px, short_px = _long_short(width_px, height_px)
    return min(
        long_px / (fmt.long_mm / MM_PER_INCH),
        short_px / (fmt.short_mm / MM_PER_INCH),
    )


def aspect_mismatch(width_px: int, height_px: int, fmt: PaperFormat) -> float:
    """How far the picture's shape is from the format's: |log(aspect ratio / format's)|."""
    long_px, short_px = _long_short(width_px, height_px)
    return _aspect_error(fmt, long_px / max(1, short_px))
