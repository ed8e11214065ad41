"""What an inspection found: plain, frozen data that serialises to JSON with `to_dict()`."""

from __future__ import annotations

from dataclasses import dataclass

from beian_desktop.core.findings import Finding, Severity, sort_findings
from beian_desktop.core.inspect.metadata import Dpi
from beian_desktop.core.inspect.pdf import PdfFacts
from beian_desktop.core.inspect.pdf_content import FontInfo, PlacedImage
from beian_desktop.core.inspect.physical import FormatChoice
from beian_desktop.core.inspect.pixels import ColourClass, PixelStats
from beian_desktop.core.inspect.sniff import FileKind


@dataclass(frozen=True, slots=True)
class PageReport:
    """One page (a PDF page, a TIFF page, or the picture of a single-image file)."""

    index: int  # 0-based
    width_px: int | None  # upright pixel size of the picture (PDF: its main image, as stored)
    height_px: int | None
    mode: str | None  # Pillow mode of the stored picture, e.g. "RGB", "L", "1", "CMYK"
    orientation: int  # EXIF orientation 1–8 (1 = stored upright); PDFs: 1
    metadata_dpi: Dpi | None
    effective_dpi: float | None  # None when the page has no picture (a born-digital PDF page)
    paper: FormatChoice  # the physical format the effective DPI is measured against
    pixels: PixelStats | None  # None for pages beyond Limits.analysed_pages
    page_size_mm: tuple[float, float] | None = None  # PDF pages, as displayed
    rotate: int = 0  # PDF /Rotate
    images: tuple[PlacedImage, ...] = ()  # PDF: images drawn on the page
    fonts: tuple[FontInfo, ...] = ()
    has_text: bool = False  # PDF: the page draws text
    content_error: bool = False  # PDF: the page's content could not be read completely

    @property
    def scanned(self) -> bool:
        """A picture of paper: every image page, and PDF pages that show an image."""
        return self.page_size_mm is None or bool(self.images)

    @property
    def colour(self) -> ColourClass | None:
        return None if self.pixels is None else self.pixels.colour

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "index": self.index,
            "width_px": self.width_px,
            "height_px": self.height_px,
            "mode": self.mode,
            "orientation": self.orientation,
            "metadata_dpi": self.metadata_dpi.to_dict() if self.metadata_dpi else None,
            "effective_dpi": None if self.effective_dpi is None else round(self.effective_dpi, 1),
            "paper": self.paper.to_dict(),
            "pixels": self.pixels.to_dict() if self.pixels else None,
        }
        if self.page_size_mm is not None:
            data["page_size_mm"] = [round(v, 1) for v in self.page_size_mm]
            data["rotate"] = self.rotate
            data["images"] = [image.to_dict() for image in self.images]
            data["fonts"] = [font.to_dict() for font in self.fonts]
            data["has_text"] = self.has_text
            data["content_error"] = self.content_error
        return data


@dataclass(frozen=True, slots=True)
class Inspection:
    file_name: str  # the name only: inspections may be shown or logged
    kind: FileKind
    format_name: str  # e.g. "JPEG", "HEIC/HEIF"
    size_bytes: int
    extension: str
    extension_matches: bool
    material_id: str | None  # None: unknown material, A4 assumed
    page_count: int
    frame_count: int  # frames in the file; for non-TIFF images only the first is a page
    pages: tuple[PageReport, ...]
    findings: tuple[Finding, ...]
    pdf: PdfFacts | None = None

    @property
    def material_assumed(self) -> bool:
        return self.material_id is None

    @property
    def blocking(self) -> bool:
        return any(finding.blocking for finding in self.findings)

    @property
    def worst(self) -> Severity | None:
        ranked = sort_findings(list(self.findings))
        return ranked[0].severity if ranked else None

    @property
    def min_effective_dpi(self) -> float | None:
        values = [p.effective_dpi for p in self.pages if p.effective_dpi is not None]
        return min(values) if values else None

    def codes(self) -> set[str]:
        return {finding.code for finding in self.findings}

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file_name,
            "kind": self.kind.value,
            "format": self.format_name,
            "size_bytes": self.size_bytes,
            "extension": self.extension,
            "extension_matches": self.extension_matches,
            "material": self.material_id,
            "material_assumed": self.material_assumed,
            "page_count": self.page_count,
            "frame_count": self.frame_count,
            "min_effective_dpi": (
                None if self.min_effective_dpi is None else round(self.min_effective_dpi, 1)
            ),
            "blocking": self.blocking,
            "pages": [page.to_dict() for page in self.pages],
            "pdf": self.pdf.to_dict() if self.pdf else None,
            "findings": [finding.to_dict() for finding in sort_findings(list(self.findings))],
        }
