"""PDF pages as pictures for upload: rendered with PDFium at the page's own scan resolution.

A scanned page is rendered at its main image's resolution (capped at 600 dpi), so the scan's
pixels come out one to one — never enlarged into fake detail. A page with no image (a letter
typed and exported) is rendered at 300 dpi. PDFium refuses some damaged or oddly encrypted files
that qpdf can repair: those are rendered from qpdf's rewritten copy, as inspection does.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from beian_desktop.core.convert.geometry import PageGeometry
from beian_desktop.core.errors import InputFileError
from beian_desktop.core.inspect import (
    Dpi,
    Inspection,
    Limits,
    PageFacts,
    PageReport,
    Sniffed,
    choose_for_pixels,
    effective_dpi,
    open_pdf,
    open_pdfium,
    render_page_at_dpi,
)
from beian_desktop.core.rules.model import Material

VECTOR_DPI = 300.0  # pages without a scan: plenty for text, and above every floor
MIN_RENDER_DPI = 72.0  # a scan placed "pixels as points" is rendered at least one to one
MAX_RENDER_DPI = 600.0  # more only costs bytes the search would throw away


@dataclass(frozen=True, slots=True)
class RenderedPage:
    index: int
    image: Image.Image  # RGB, upright (the page's /Rotate applied), on white
    dpi: float  # pixels per inch of the page
    geometry: PageGeometry


def render_dpi(page: PageFacts, limits: Limits) -> float:
    """The resolution to render `page` at: its scan's own, within limits."""
    main = page.main_image
    dpi = main.dpi if main is not None and main.dpi > 0 else VECTOR_DPI
    dpi = min(max(dpi, MIN_RENDER_DPI), MAX_RENDER_DPI)
    area_in = (page.width_pt / 72) * (page.height_pt / 72)
    if area_in > 0:
        dpi = min(dpi, math.sqrt(limits.max_pixels / area_in))  # the pixel limit holds
    return dpi


def _geometry(
    page: PageFacts, report: PageReport, image: Image.Image, dpi: float, material: Material
) -> PageGeometry:
    main = page.main_image
    if report.effective_dpi is not None and main is not None and main.dpi > 0:
        full_dpi = report.effective_dpi * dpi / main.dpi  # the scan's DPI, as rendered
        return PageGeometry(image.size, report.paper, full_dpi, True)
    # No scan on the page: the rendering is the document, measured like a picture file.
    width, height = image.size
    paper = choose_for_pixels(material.formats, width, height, Dpi(dpi, dpi, "pdf"))
    return PageGeometry(image.size, paper, effective_dpi(width, height, paper.format), False)


class _Renderer:
    """Renders pages from the file, or from qpdf's repaired copy when PDFium refuses it."""

    def __init__(self, path: Path, limits: Limits, sniffed: Sniffed) -> None:
        self.path, self.limits, self.sniffed = path, limits, sniffed
        self._repaired: bytes | None = None

    def render(self, index: int, dpi: float) -> Image.Image:
        if self._repaired is None:
            try:
                with open_pdfium(self.path) as document:
                    return render_page_at_dpi(document, index, dpi)
            except InputFileError:
                with open_pdf(self.path, limits=self.limits, sniffed=self.sniffed) as document:
                    self._repaired = document.rewritten()
        with open_pdfium(self._repaired) as document:
            return render_page_at_dpi(document, index, dpi)


def rendered_pages(
    path: Path,
    inspection: Inspection,
    material: Material,
    pages: Sequence[int],
    limits: Limits,
    sniffed: Sniffed,
) -> Iterator[RenderedPage]:
    """The `pages` of the PDF at `path`, one at a time (each can be large)."""
    with open_pdf(path, limits=limits, sniffed=sniffed) as document:
        facts = {index: document.page(index) for index in pages}
    renderer = _Renderer(path, limits, sniffed)
    for index in pages:
        page, report = facts[index], inspection.pages[index]
        dpi = render_dpi(page, limits)
        image = renderer.render(index, dpi)
        geometry = _geometry(page, report, image, dpi, material)
        yield RenderedPage(index, image, dpi, geometry)
