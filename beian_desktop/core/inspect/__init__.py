"""Inspect input files: format by content, limits, DPI, colour, pages, problems.

Public API (the PDF/A and upload converters reuse the decode layer):

- `inspect(path, material=None, profile=None, *, limits=None) -> Inspection`
- `sniff(path) -> Sniffed` (`.kind: FileKind`, `.extension_matches`, `.suggested_name(name)`);
  `require_supported(sniffed)` raises the user-facing error for GIF, JPEG 2000, unknown content
- `open_image(path, *, limits=None, sniffed=None)` → `RasterFile`: `.kind`, `.frame_count`,
  `.page_count`, `.frame_info(i) -> FrameInfo`, `.load(i)`, `.pages()`, `.reduced(i)`,
  `.tiff_tags(i)` (a TIFF frame's tags, for passing compressed strips through)
- `open_pdf(path, *, limits=None, sniffed=None)` → `PdfDocument`: `.pdf` (pikepdf.Pdf),
  `.facts: PdfFacts`, `.page(i) -> PageFacts`, `.rewritten() -> bytes` (repaired, decrypted)
- `open_pdfium(path)`, `render_page(doc, i, long_side)`, `render_page_at_dpi(doc, i, dpi)`,
  `page_size(doc, i)` (points, as displayed), `PDFIUM_LOCK`
- `decode_boundary(label, path)`: wrap your own decoding so library errors become typed errors
- `metadata_dpi(image)`, `orientation(image)`, `upright(image, orientation)`,
  `to_l_or_rgb(image)`, `flatten_on_white(image)`, `effective_dpi(w, h, fmt)`
- `Limits`: max_pixels, max_bytes, max_pages, analysed_pages
"""

from beian_desktop.core.inspect.boundary import decode_boundary, translate
from beian_desktop.core.inspect.images import (
    ANALYSIS_LONG_SIDE,
    FrameInfo,
    RasterFile,
    Reduced,
    open_image,
    register_heif_opener,
)
from beian_desktop.core.inspect.inspector import inspect
from beian_desktop.core.inspect.limits import Limits
from beian_desktop.core.inspect.metadata import Dpi, metadata_dpi, orientation, upright
from beian_desktop.core.inspect.model import Inspection, PageReport
from beian_desktop.core.inspect.normalise import flatten_on_white, has_alpha, to_l_or_rgb
from beian_desktop.core.inspect.pdf import PageFacts, PdfDocument, PdfFacts, open_pdf
from beian_desktop.core.inspect.pdf_content import FontInfo, PlacedImage
from beian_desktop.core.inspect.physical import A4, FormatChoice, choose_for_pixels, effective_dpi
from beian_desktop.core.inspect.pixels import ColourClass, PixelStats, analyse
from beian_desktop.core.inspect.render import (
    PDFIUM_LOCK,
    open_pdfium,
    page_size,
    render_page,
    render_page_at_dpi,
)
from beian_desktop.core.inspect.sniff import FileKind, Sniffed, require_supported, sniff

__all__ = [
    "A4",
    "ANALYSIS_LONG_SIDE",
    "PDFIUM_LOCK",
    "ColourClass",
    "Dpi",
    "FileKind",
    "FontInfo",
    "FormatChoice",
    "FrameInfo",
    "Inspection",
    "Limits",
    "PageFacts",
    "PageReport",
    "PdfDocument",
    "PdfFacts",
    "PixelStats",
    "PlacedImage",
    "RasterFile",
    "Reduced",
    "Sniffed",
    "analyse",
    "choose_for_pixels",
    "decode_boundary",
    "effective_dpi",
    "flatten_on_white",
    "has_alpha",
    "inspect",
    "metadata_dpi",
    "open_image",
    "open_pdf",
    "open_pdfium",
    "orientation",
    "page_size",
    "register_heif_opener",
    "render_page",
    "render_page_at_dpi",
    "require_supported",
    "sniff",
    "to_l_or_rgb",
    "translate",
    "upright",
]
