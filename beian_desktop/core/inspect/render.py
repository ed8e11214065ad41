"""Render PDF pages with pypdfium2 (PDFium), for pixel statistics and for rasterising.

PDFium is not thread-safe: every call into it must hold `PDFIUM_LOCK`, across the whole
application (the PDF/A converter uses the same lock when it rasterises).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from beian_desktop.core.inspect.boundary import decode_boundary

PDFIUM_LOCK = threading.RLock()
MAX_RENDER_SCALE = 4.0  # 288 dpi: enough for any analysis; more only costs memory


@contextmanager
def open_pdfium(source: Path | bytes, password: str | None = None) -> Iterator[pdfium.PdfDocument]:
    """A PDFium document from a file or from bytes (e.g. a copy qpdf repaired and decrypted),
    holding PDFIUM_LOCK until it is closed."""
    path = source if isinstance(source, Path) else None
    with PDFIUM_LOCK, decode_boundary("PDF", path):
        document = pdfium.PdfDocument(str(source) if path else source, password=password)
        try:
            yield document
        finally:
            document.close()


def render_page(document: pdfium.PdfDocument, index: int, long_side: int) -> Image.Image:
    """Page `index` as an RGB image whose longer side is about `long_side` pixels, upright
    (the page's /Rotate applied), on white."""
    with PDFIUM_LOCK:
        page = document[index]
        try:
            width, height = page.get_size()
            return _rendered(page, min(MAX_RENDER_SCALE, long_side / max(width, height, 1.0)))
        finally:
            page.close()


def render_page_at_dpi(document: pdfium.PdfDocument, index: int, dpi: float) -> Image.Image:
    """Page `index` as an RGB image at `dpi` pixels per inch of the page, upright, on white.

    Unlike `render_page` there is no cap: converters choose the resolution (the page's own image
    resolution, so its pixels are kept one to one) and check the pixel limit before calling.
    """
    with PDFIUM_LOCK:
        page = document[index]
        try:
            return _rendered(page, dpi / 72)
        finally:
            page.close()


def _rendered(page: pdfium.PdfPage, scale: float) -> Image.Image:
    """The page at `scale` pixels per point, as an RGB image on white (caller holds the lock)."""
    bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
    try:
        image: Image.Image = bitmap.to_pil().convert("RGB")  # a copy, own memory
        return image
    finally:
        bitmap.close()


def page_size(document: pdfium.PdfDocument, index: int) -> tuple[float, float]:
    """Page `index`'s size in points as displayed (its /Rotate applied)."""
    with PDFIUM_LOCK:
        page = document[index]
        try:
            width, height = page.get_size()
            return float(width), float(height)
        finally:
            page.close()
