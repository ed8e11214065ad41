"""Pixels and physical size of one page: effective DPI at any output size, and the DPI floor.

The paper format is the one inspection chose (`PageReport.paper`), so the upload copy is measured
exactly as its source was. For a picture file the effective DPI follows from its pixels and that
format (`effective_dpi`); for a PDF page it scales with the rendering, starting from inspection's
value for the page's scan (which knows whether the scan fills the page or sits on it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from beian_desktop.core.inspect import FormatChoice, effective_dpi

Size = tuple[int, int]

# With no DPI floor (screenshots) a page still keeps a legible size: its longer side is not
# made shorter than this (a phone screen's text stays readable).
NO_FLOOR_LONG_SIDE = 1600


@dataclass(frozen=True, slots=True)
class PageGeometry:
    full_size: Size  # upright pixels of the decoded (or rendered) page
    paper: FormatChoice
    full_dpi: float | None  # effective DPI at full size; None when unknown
    proportional: bool  # PDF pages: DPI scales with size; pictures: measured against the paper

    def dpi_of(self, size: Size) -> float | None:
        """Effective DPI of the page shown at `size` (upright pixels)."""
        if not self.proportional:
            return effective_dpi(size[0], size[1], self.paper.format)
        if self.full_dpi is None:
            return None
        width, height = self.full_size
        return self.full_dpi * min(size[0] / width, size[1] / height)

    def below(self, min_dpi: int) -> bool:
        """The page itself is under the floor (nothing to protect: it is kept as it is)."""
        return min_dpi > 0 and self.full_dpi is not None and self.full_dpi < min_dpi

    def floor_size(self, min_dpi: int) -> Size:
        """The smallest upright size whose effective DPI is still at least `min_dpi` (the full
        size when the page is under it or its DPI is unknown: never enlarge, never guess)."""
        width, height = self.full_size
        if min_dpi <= 0:
            factor = min(1.0, NO_FLOOR_LONG_SIDE / max(width, height))
        elif self.full_dpi is None or self.full_dpi <= min_dpi:
            return self.full_size
        else:
            factor = min_dpi / self.full_dpi
        size = (min(width, math.ceil(width * factor)), min(height, math.ceil(height * factor)))
        while min_dpi > 0 and size != self.full_size and (self.dpi_of(size) or 0) < min_dpi:
            size = (min(width, size[0] + 1), min(height, size[1] + 1))  # rounding, a pixel or two
        return size
