"""How large a scanned page is: its pixels over a resolution we can believe.

The metadata DPI decides when it describes a real document: the size it implies matches one of
the material's formats, or it is a scanner-like value (≥ 100 dpi) giving a paper-sized page.
Otherwise — 72/96 dpi camera and editor defaults, nothing at all — the page takes the material's
physical size (A4 when the material is unknown), through the same effective DPI `inspect()`
reports. PDF pages stay within 3–14,400 pt a side (PDF/A-2 rule 6.1.13-11).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from beian_desktop.core.inspect import Dpi, choose_for_pixels, effective_dpi
from beian_desktop.core.inspect.physical import MM_PER_INCH, SIZE_MATCH_TOLERANCE
from beian_desktop.core.rules.model import PaperFormat

PT_PER_INCH = 72.0
MIN_PAGE_PT, MAX_PAGE_PT = 3.0, 14_400.0
SCANNER_DPI = 100.0  # cameras and editors say 72 or 96 when they know nothing
PAPER_MM = (40.0, 600.0)  # from a small card to beyond A2: sizes of real documents


@dataclass(frozen=True, slots=True)
class PageSize:
    """An upright page in points, and how its size was decided."""

    width_pt: float
    height_pt: float
    effective_dpi: float  # as `inspect()` reports it: pixels over the chosen physical format
    basis: str  # "metadata", "material" or "a4" (the material was unknown)
    paper: str  # the format the effective DPI is measured against, e.g. "A4"

    def to_dict(self) -> dict[str, object]:
        return {
            "width_pt": round(self.width_pt, 2),
            "height_pt": round(self.height_pt, 2),
            "effective_dpi": round(self.effective_dpi, 1),
            "size_basis": self.basis,
            "paper": self.paper,
        }


def _matches(formats: Sequence[PaperFormat], long_mm: float, short_mm: float) -> bool:
    return any(
        max(abs(long_mm / f.long_mm - 1), abs(short_mm / f.short_mm - 1)) <= SIZE_MATCH_TOLERANCE
        for f in formats
    )


def credible(
    dpi: Dpi | None, width_px: int, height_px: int, formats: Sequence[PaperFormat]
) -> bool:
    """Whether the metadata DPI gives the document's real size."""
    if dpi is None:
        return False
    width_mm = width_px / dpi.x * MM_PER_INCH
    height_mm = height_px / dpi.y * MM_PER_INCH
    long_mm, short_mm = max(width_mm, height_mm), min(width_mm, height_mm)
    if _matches(formats, long_mm, short_mm):
        return True
    return dpi.value >= SCANNER_DPI and PAPER_MM[0] <= long_mm <= PAPER_MM[1]


def within_limits(width: float, height: float) -> tuple[float, float]:
    """A page size in points scaled (keeping its shape) to at most 14,400 pt a side, and at
    least 3 pt."""
    scale = min(1.0, MAX_PAGE_PT / max(width, height))
    return max(MIN_PAGE_PT, width * scale), max(MIN_PAGE_PT, height * scale)


def image_page_size(
    width_px: int,
    height_px: int,
    dpi: Dpi | None,
    formats: Sequence[PaperFormat],
    material_known: bool,
) -> PageSize:
    """The page for an upright picture of `width_px` × `height_px` whose metadata says `dpi`."""
    choice = choose_for_pixels(formats, width_px, height_px, dpi)
    effective = effective_dpi(width_px, height_px, choice.format)
    if dpi is not None and credible(dpi, width_px, height_px, formats):
        width, height, basis = width_px / dpi.x, height_px / dpi.y, "metadata"
    else:
        width, height = width_px / effective, height_px / effective
        basis = "material" if material_known else "a4"
    width_pt, height_pt = within_limits(width * PT_PER_INCH, height * PT_PER_INCH)
    return PageSize(width_pt, height_pt, effective, basis, choice.format.name.en)
