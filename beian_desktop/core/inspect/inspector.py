"""`inspect(path, material, profile)`: what a file is, and what a reviewer would object to.

The original is only read. Every failure to read it surfaces as an `InputFileError` subclass
(`EmptyFile`, `CorruptFile`, `TruncatedFile`, `UnsupportedFormat`, `EncryptedPdf`, `TooLarge`, …).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from beian_desktop.core.errors import InputFileError
from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.inspect import checks, pdf_checks
from beian_desktop.core.inspect.boundary import decode_boundary
from beian_desktop.core.inspect.images import ANALYSIS_LONG_SIDE, RasterFile, open_image
from beian_desktop.core.inspect.limits import Limits
from beian_desktop.core.inspect.metadata import Dpi
from beian_desktop.core.inspect.model import Inspection, PageReport
from beian_desktop.core.inspect.normalise import to_l_or_rgb
from beian_desktop.core.inspect.pdf import PageFacts, PdfDocument, open_pdf
from beian_desktop.core.inspect.physical import (
    A4,
    MM_PER_INCH,
    FormatChoice,
    aspect_mismatch,
    choose_for_pixels,
    choose_format,
    effective_dpi,
)
from beian_desktop.core.inspect.pixels import PixelStats, analyse
from beian_desktop.core.inspect.render import open_pdfium, render_page
from beian_desktop.core.inspect.sniff import FileKind, Sniffed, require_supported, sniff
from beian_desktop.core.rules.model import Material, PaperFormat, UploadProfile
from beian_desktop.core.text import Text

log = logging.getLogger(__name__)

BILEVEL_PAGE_COVERAGE = 0.8  # a 1-bit image covering this much of a PDF page makes it bilevel
FILLED_PAGE_COVERAGE = 0.9  # the scan is the page
LARGEST_PAPER_MM = 600.0  # longer than A2: not a physical page size but pixels written as points


def inspect(
    path: Path | str,
    material: Material | None = None,
    profile: UploadProfile | None = None,
    *,
    limits: Limits | None = None,
) -> Inspection:
    """Inspect one input file against a material (None: unknown, A4 assumed) and, optionally,
    an upload profile's size cap and formats."""
    path = Path(path)
    limits = limits or Limits()
    sniffed = sniff(path)
    limits.check_bytes(sniffed.size)
    require_supported(sniffed)
    formats = material.formats if material is not None else (A4,)
    # The outer boundary also covers the pixel statistics: nothing escapes untyped.
    with decode_boundary(sniffed.kind.label, path, max_pixels=limits.max_pixels):
        if sniffed.kind is FileKind.PDF:
            with open_pdf(path, limits=limits, sniffed=sniffed) as document:
                pages, extra = _pdf_pages(document, formats, limits)
                frame_count, pdf_facts = document.page_count, document.facts
        else:
            with open_image(path, limits=limits, sniffed=sniffed) as raster:
                pages = _raster_pages(raster, formats, limits)
                frame_count, pdf_facts, extra = raster.frame_count, None, []
    concerns = material.id if material is not None else None
    findings = _file_findings(sniffed, path.name, material, profile, frame_count, len(pages))
    findings += extra
    for page in pages:
        findings += checks.page_findings(page, material, len(pages) > 1, concerns)
    if pdf_facts is not None:
        findings += pdf_checks.pdf_findings(pdf_facts, tuple(pages), material, concerns)
    return Inspection(
        file_name=path.name,
        kind=sniffed.kind,
        format_name=sniffed.kind.label,
        size_bytes=sniffed.size,
        extension=sniffed.extension,
        extension_matches=sniffed.extension_matches,
        material_id=concerns,
        page_count=frame_count if sniffed.kind in (FileKind.PDF, FileKind.TIFF) else 1,
        frame_count=frame_count,
        pages=tuple(pages),
        findings=tuple(findings),
        pdf=pdf_facts,
    )


def _file_findings(
    sniffed: Sniffed,
    name: str,
    material: Material | None,
    profile: UploadProfile | None,
    frame_count: int,
    page_count: int,
) -> list[Finding]:
    concerns = material.id if material is not None else None
    extra_frames = frame_count if sniffed.kind not in (FileKind.PDF, FileKind.TIFF) else 1
    candidates = [
        checks.extension_finding(sniffed, name, concerns),
        checks.material_assumed_finding(concerns) if material is None else None,
        checks.extra_frames_finding(extra_frames, concerns),
        checks.page_count_finding(page_count, material, concerns),
        checks.accepted_input_finding(sniffed.kind, material),
        *checks.upload_findings(sniffed.kind, sniffed.size, profile, concerns),
    ]
    return [finding for finding in candidates if finding is not None]


# -- raster files ----------------------------------------------------------------------------


def _raster_pages(
    raster: RasterFile, formats: Sequence[PaperFormat], limits: Limits
) -> list[PageReport]:
    pages = []
    for index in range(raster.page_count):
        info = raster.frame_info(index)
        width, height = info.upright_size
        choice = choose_for_pixels(formats, width, height, info.dpi)
        dpi = effective_dpi(width, height, choice.format)
        stats = None
        if index < limits.analysed_pages:
            reduced = raster.reduced(index)
            px_per_mm = dpi * reduced.scale / MM_PER_INCH
            stats = analyse(reduced.image, reduced.two_tone, px_per_mm)
        pages.append(
            PageReport(
                index=index,
                width_px=width,
                height_px=height,
                mode=info.mode,
                orientation=info.orientation,
                metadata_dpi=info.dpi,
                effective_dpi=dpi,
                paper=choice,
                pixels=stats,
            )
        )
    return pages


# -- PDFs ------------------------------------------------------------------------------------


def _pdf_pages(
    document: PdfDocument, formats: Sequence[PaperFormat], limits: Limits
) -> tuple[list[PageReport], list[Finding]]:
    facts = [document.page(index) for index in range(document.page_count)]
    stats, problems = _render_stats(document, facts, limits)
    pages = [_pdf_page(page, formats, stats.get(page.index)) for page in facts]
    return pages, problems


def _pdf_effective_dpi(
    page: PageFacts, formats: Sequence[PaperFormat]
) -> tuple[float | None, FormatChoice]:
    """Effective DPI of a PDF page's scan, and the format it is measured against.

    - A scan that fills a page of paper size (what scanners write) is at physical scale: the
      image's placed DPI counts, whatever the material (an ID card scanned on an A4 page too).
    - A picture of the document's shape placed on a larger page (phone scanner apps fit photos
      to A4), or a page far larger than paper (pixels written as points): as for an image file,
      the picture's pixels over the material's size count.
    """
    width_mm, height_mm = page.size_mm
    long_page, short_page = max(width_mm, height_mm), min(width_mm, height_mm)
    aspect = long_page / max(short_page, 1e-6)
    choice = choose_format(formats, width_mm, height_mm, aspect, height_mm > width_mm)
    main = page.main_image
    if main is None:
        return None, choice
    fills_page = page.image_coverage >= FILLED_PAGE_COVERAGE
    if fills_page and long_page <= LARGEST_PAPER_MM:
        return main.dpi, choice
    by_pixels = choose_for_pixels(formats, main.width_px, main.height_px, None)
    shaped_like_document = (
        aspect_mismatch(main.width_px, main.height_px, by_pixels.format) <= checks.ASPECT_NOTE
    )
    if shaped_like_document or long_page > LARGEST_PAPER_MM:
        return effective_dpi(main.width_px, main.height_px, by_pixels.format), by_pixels
    return main.dpi, choice


def _pdf_page(
    page: PageFacts, formats: Sequence[PaperFormat], stats: PixelStats | None
) -> PageReport:
    dpi, choice = _pdf_effective_dpi(page, formats)
    main = page.main_image
    placed = Dpi(main.dpi, main.dpi, "pdf") if main is not None and main.dpi > 0 else None
    return PageReport(
        index=page.index,
        width_px=main.width_px if main else None,
        height_px=main.height_px if main else None,
        mode=None,
        orientation=1,
        metadata_dpi=placed,
        effective_dpi=dpi,
        paper=choice,
        pixels=stats,
        page_size_mm=page.size_mm,
        rotate=page.rotate,
        images=page.images,
        fonts=page.fonts,
        has_text=page.text_operators > 0,
        content_error=page.content_error,
    )


def _render_stats(
    document: PdfDocument, pages: list[PageFacts], limits: Limits
) -> tuple[dict[int, PixelStats], list[Finding]]:
    """Pixel statistics of the first pages, rendered small with PDFium — from the file, or from
    qpdf's repaired copy when PDFium refuses the file (damage, unusual encryption)."""
    wanted = pages[: limits.analysed_pages]
    try:
        return _rendered_stats(document.path, wanted), []
    except InputFileError as error:
        log.info("PDFium refused the file (%s); trying qpdf's rewrite", error.detail)
    try:
        return _rendered_stats(document.rewritten(), wanted), []
    except InputFileError as error:
        log.info("PDF page rendering failed: %s", error.detail)
    message = Text(
        "无法渲染 PDF 页面，未能检查颜色、清晰度和空白页。",
        "The PDF pages could not be rendered; colour, sharpness and blank pages were not checked.",
    )
    return {}, [Finding("pdf.render-failed", Severity.WARNING, message)]


def _rendered_stats(source: Path | bytes, pages: list[PageFacts]) -> dict[int, PixelStats]:
    stats: dict[int, PixelStats] = {}
    with open_pdfium(source) as rendered:
        for page in pages:
            image = to_l_or_rgb(render_page(rendered, page.index, ANALYSIS_LONG_SIDE))
            long_mm = max(page.size_mm)
            px_per_mm = max(image.size) / long_mm if long_mm > 0 else None
            stats[page.index] = analyse(image, _two_tone(page), px_per_mm)
    return stats


def _two_tone(page: PageFacts) -> bool | None:
    main = page.main_image
    if main is None or page.image_coverage < BILEVEL_PAGE_COVERAGE:
        return None
    return main.bilevel or None
