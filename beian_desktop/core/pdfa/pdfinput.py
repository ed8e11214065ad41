"""PDF inputs: kept when they pass PDF/A already, repaired when they can be, else rendered.

1. Kept: the file itself passes pikepdf's PDF/A validation and the byte checks (its claim to
   be PDF/A is never trusted). Its pages are copied unchanged.
2. Repaired: its pages, copied into a new document without the catalog's baggage (document
   JavaScript, open actions, forms, outlines, attachments), cleaned of what PDF/A forbids on
   pages (actions, transparency groups in 1b) and prepared by pikepdf pass the check.
3. Rasterised: everything else — fonts not embedded, JPEG 2000, DeviceCMYK, damage — is
   rendered with PDFium at 300 dpi, so the archive copy looks like the original.
"""

from __future__ import annotations

import logging
import math
from contextlib import ExitStack
from pathlib import Path

import pikepdf
from pikepdf import pdfa

from beian_desktop.core.errors import InputFileError
from beian_desktop.core.inspect import (
    PdfDocument,
    Sniffed,
    decode_boundary,
    open_pdf,
    open_pdfium,
    page_size,
    render_page_at_dpi,
)
from beian_desktop.core.inspect.boundary import library_warnings
from beian_desktop.core.pdfa import encode
from beian_desktop.core.pdfa.geometry import PT_PER_INCH, within_limits
from beian_desktop.core.pdfa.model import KEPT, RASTERISED, REPAIRED, InputOutcome, PageOutcome
from beian_desktop.core.pdfa.pages import ImagePages
from beian_desktop.core.pdfa.raster import Target
from beian_desktop.core.pdfa.verify import byte_problems
from beian_desktop.core.text import Text

log = logging.getLogger(__name__)

RASTER_DPI = 300.0
MAX_RASTER_PIXELS = 40_000_000  # an A1 page at 300 dpi; larger pages are rendered coarser
_ALLOWED_ACTIONS = {"/GoTo", "/GoToR", "/GoToE", "/Thread", "/URI", "/SubmitForm"}
_ALLOWED_NAMED = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
_PAGE_KEYS_REMOVED = ("/AA", "/Trans", "/PresSteps")

NOTE_KEPT = Text(
    "该 PDF 已通过 PDF/A 校验，页面原样保留。",
    "The PDF already passes PDF/A validation; its pages are kept unchanged.",
)
NOTE_REPAIRED = Text(
    "已移除 PDF/A 不允许的部分（脚本、动作、表单、附件、书签等），页面内容不变。",
    "Parts PDF/A forbids (scripts, actions, forms, attachments, bookmarks, …) were removed; "
    "the page content is unchanged.",
)
NOTE_RASTERISED = Text(
    "无法修复为 PDF/A，页面已按原样渲染为图像（文字不能再复制或搜索）。",
    "The PDF could not be repaired for PDF/A; its pages were rendered as images "
    "(text can no longer be copied or searched).",
)


def _forbidden(action: object) -> bool:
    if not isinstance(action, pikepdf.Dictionary):
        return False
    kind = str(action.get("/S", ""))
    if kind == "/Named":
        return str(action.get("/N", "")) not in _ALLOWED_NAMED
    return kind not in _ALLOWED_ACTIONS or "/Next" in action


def copy_pages(source: pikepdf.Pdf, target: pikepdf.Pdf) -> None:
    """Append `source`'s pages to `target`. Forms are left behind on purpose (PDF/A-b archive
    copies show the fields' appearances), so pikepdf's warning about them only goes to the
    log."""
    with library_warnings():
        target.pages.extend(source.pages)


def clean_pages(pdf: pikepdf.Pdf, flavour: str) -> None:
    """Remove what PDF/A forbids on pages and their annotations (in place)."""
    for page in pdf.pages:
        for key in _PAGE_KEYS_REMOVED:
            if key in page.obj:
                del page.obj[key]
        group = page.obj.get("/Group")
        if flavour == "1b" and isinstance(group, pikepdf.Dictionary):
            del page.obj["/Group"]
        annotations = page.obj.get("/Annots")
        if not isinstance(annotations, pikepdf.Array):
            continue
        for annotation in annotations:
            if not isinstance(annotation, pikepdf.Dictionary):
                continue
            if "/AA" in annotation:
                del annotation["/AA"]
            if _forbidden(annotation.get("/A")):
                del annotation["/A"]


def valid_as_is(path: Path, flavour: str) -> bool:
    """The file passes PDF/A-`flavour` validation and the byte checks, as it is."""
    if byte_problems(path, flavour):
        return False
    return pdfa.validate_written(path, flavour).passed


def page_outcomes(document: PdfDocument, encoding: str) -> tuple[PageOutcome, ...]:
    outcomes = []
    for index in range(document.page_count):
        facts = document.page(index)
        main = facts.main_image
        dpi = main.dpi if main is not None and main.dpi > 0 else None
        outcomes.append(PageOutcome(index, facts.width_pt, facts.height_pt, encoding, dpi))
    return tuple(outcomes)


def _repaired(
    document: PdfDocument, flavour: str, stack: ExitStack
) -> tuple[pikepdf.Pdf | None, tuple[str, ...]]:
    """A new document holding the input's pages, cleaned and prepared, when it passes the
    check; else None and the rules it breaks."""
    scratch = stack.enter_context(pikepdf.new())
    try:
        copy_pages(document.pdf, scratch)
        clean_pages(scratch, flavour)
        pdfa.prepare(scratch, flavour)
        report = pdfa.check(scratch, flavour)
    except Exception as error:  # repair is best effort: whatever breaks, rendering remains
        log.info("PDF/A repair failed: %s: %s", type(error).__name__, error)
        return None, ("pikepdf:internal",)
    if report.passed:
        return scratch, ()
    return None, tuple(sorted({finding.rule for finding in report.findings}))


def _raster_dpi(width_pt: float, height_pt: float) -> float:
    """300 dpi, or less for pages so large that the picture would exceed the pixel budget."""
    area = max(width_pt, 1.0) * max(height_pt, 1.0)
    return min(RASTER_DPI, PT_PER_INCH * math.sqrt(MAX_RASTER_PIXELS / area))


def _rasterise(document: PdfDocument, pages: ImagePages) -> tuple[PageOutcome, ...]:
    source: Path | bytes = document.path
    try:
        with open_pdfium(source):
            pass
    except InputFileError:  # PDFium refuses some damaged or oddly encrypted files qpdf reads
        source = document.rewritten()
    outcomes = []
    with open_pdfium(source) as rendered, decode_boundary("PDF", document.path):
        for index in range(document.page_count):
            width_pt, height_pt = page_size(rendered, index)
            dpi = _raster_dpi(width_pt, height_pt)
            image = render_page_at_dpi(rendered, index, dpi)
            width_pt, height_pt = within_limits(width_pt, height_pt)
            pages.add(encode.jpeg(image), width_pt, height_pt)
            outcomes.append(PageOutcome(index, width_pt, height_pt, "rendered-jpeg", dpi))
    return tuple(outcomes)


def add_pdf(
    path: Path, sniffed: Sniffed, target: Target, pages: ImagePages, stack: ExitStack
) -> InputOutcome:
    """Append every page of a PDF; the source stays open in `stack` until the output is saved.

    Raises `EncryptedPdf` for a password-protected file, and other `InputFileError`s when the
    file cannot be read at all.
    """
    document = stack.enter_context(open_pdf(path, limits=target.limits, sniffed=sniffed))
    out = pages.pdf
    if target.passthrough and valid_as_is(path, target.flavour):
        outcomes = page_outcomes(document, "pdf-page")
        copy_pages(document.pdf, out)
        return InputOutcome(path.name, "PDF", KEPT, outcomes, (NOTE_KEPT,))
    rules: tuple[str, ...] = ()
    if target.passthrough:
        repaired, rules = _repaired(document, target.flavour, stack)
        if repaired is not None:
            outcomes = page_outcomes(document, "pdf-page")
            copy_pages(repaired, out)
            return InputOutcome(path.name, "PDF", REPAIRED, outcomes, (NOTE_REPAIRED,))
    outcomes = _rasterise(document, pages)
    return InputOutcome(path.name, "PDF", RASTERISED, outcomes, (NOTE_RASTERISED,), rules)
