"""Open PDFs with pikepdf and read what matters for a filing; claims are reported, never trusted.

    with open_pdf(path) as doc:
        doc.facts            # encryption, claimed PDF/A, JavaScript, XFA, attachments, signatures
        doc.page(0)          # size, rotation, placed images with their DPI, fonts, text

Encryption: a PDF that needs a password raises `EncryptedPdf`. One encrypted with an *empty* user
password opens in every reader without asking; it is accepted, and `facts.encrypted` tells the
converter (PDF/A forbids encryption, so the archive copy drops it and with it the author's
restrictions — the inspection warns about that).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pikepdf

from beian_desktop.core.errors import NoPages, UnsupportedFormat
from beian_desktop.core.inspect.boundary import decode_boundary
from beian_desktop.core.inspect.limits import Limits
from beian_desktop.core.inspect.pdf_content import FontInfo, PlacedImage, walk_page
from beian_desktop.core.inspect.physical import MM_PER_PT
from beian_desktop.core.inspect.sniff import FileKind, Sniffed, require_supported, sniff

_ACTION_CHAIN = 32

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PageFacts:
    index: int
    width_pt: float  # as displayed: /Rotate applied
    height_pt: float
    rotate: int
    images: tuple[PlacedImage, ...]
    fonts: tuple[FontInfo, ...]
    text_operators: int
    content_error: bool  # the content stream could not be parsed completely

    @property
    def size_mm(self) -> tuple[float, float]:
        return self.width_pt * MM_PER_PT, self.height_pt * MM_PER_PT

    @property
    def main_image(self) -> PlacedImage | None:
        """The image shown largest: on a scanned page, the scan."""
        return max(self.images, key=lambda image: image.area_pt, default=None)

    @property
    def image_coverage(self) -> float:
        main = self.main_image
        page_area = self.width_pt * self.height_pt
        return 0.0 if main is None or page_area <= 0 else min(1.0, main.area_pt / page_area)


@dataclass(frozen=True, slots=True)
class PdfFacts:
    page_count: int
    encrypted: bool  # opened with the empty password
    restricted: bool  # the author forbade printing, copying or changing
    claimed_pdfa: str  # e.g. "2B" as the XMP claims it; "" when none. Never trusted.
    javascript: bool
    xfa: bool
    attachments: bool
    signed: bool
    repairs: int  # qpdf warnings while reading: > 0 means the file is damaged

    def to_dict(self) -> dict[str, object]:
        return {
            "page_count": self.page_count,
            "encrypted": self.encrypted,
            "restricted": self.restricted,
            "claimed_pdfa": self.claimed_pdfa,
            "javascript": self.javascript,
            "xfa": self.xfa,
            "attachments": self.attachments,
            "signed": self.signed,
            "repairs": self.repairs,
        }


def _is_javascript(action: object) -> bool:
    for _ in range(_ACTION_CHAIN):  # /Next chains can loop
        if not isinstance(action, pikepdf.Dictionary):
            return False
        if action.get("/S") == pikepdf.Name.JavaScript or "/JS" in action:
            return True
        action = action.get("/Next")
    return False


def _has_javascript(pdf: pikepdf.Pdf, pages: int) -> bool:
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        return True
    triggers: list[object] = [root.get("/OpenAction")]
    triggers += _additional_actions(root)
    for page in pdf.pages[:pages]:
        triggers += _additional_actions(page.obj)
        annotations = page.obj.get("/Annots")
        if isinstance(annotations, pikepdf.Array):
            for annotation in annotations:
                if isinstance(annotation, pikepdf.Dictionary):
                    triggers.append(annotation.get("/A"))
                    triggers += _additional_actions(annotation)
    return any(_is_javascript(action) for action in triggers)


def _additional_actions(holder: pikepdf.Object) -> list[object]:
    actions = holder.get("/AA")
    return list(actions.values()) if isinstance(actions, pikepdf.Dictionary) else []


def _claimed_pdfa(pdf: pikepdf.Pdf) -> str:
    meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    part = str(meta.get("pdfaid:part", "") or "")
    conformance = str(meta.get("pdfaid:conformance", "") or "")
    return f"{part}{conformance.upper()}" if part else ""


def _restricted(pdf: pikepdf.Pdf) -> bool:
    allow = pdf.allow
    return not (allow.print_highres and allow.extract and allow.modify_other)


class PdfDocument:
    """An opened PDF. Create it with `open_pdf()`; read-only; not for use across threads."""

    def __init__(self, path: Path, sniffed: Sniffed, pdf: pikepdf.Pdf, limits: Limits) -> None:
        self.path, self.sniffed, self.pdf, self.limits = path, sniffed, pdf, limits
        self.page_count = len(pdf.pages)
        if self.page_count == 0:
            raise NoPages("PDF")
        limits.check_pages(self.page_count)
        self.facts = self._facts()

    def _facts(self) -> PdfFacts:
        pdf, root = self.pdf, self.pdf.Root
        acroform = root.get("/AcroForm")
        names = root.get("/Names")
        return PdfFacts(
            page_count=self.page_count,
            encrypted=pdf.is_encrypted,
            restricted=pdf.is_encrypted and self._quietly(lambda: _restricted(pdf), False),
            claimed_pdfa=self._quietly(lambda: _claimed_pdfa(pdf), ""),
            javascript=self._quietly(
                lambda: _has_javascript(pdf, self.limits.analysed_pages), False
            ),
            xfa=isinstance(acroform, pikepdf.Dictionary) and "/XFA" in acroform,
            attachments=isinstance(names, pikepdf.Dictionary) and "/EmbeddedFiles" in names,
            signed=isinstance(acroform, pikepdf.Dictionary)
            and int(acroform.get("/SigFlags", 0)) & 1 == 1,
            repairs=len(pdf.get_warnings()),
        )

    @staticmethod
    def _quietly(read: Callable[[], T], fallback: T) -> T:
        """Optional facts: a damaged corner of the file must not make the whole file unusable."""
        try:
            return read()
        except (pikepdf.PdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return fallback

    def rewritten(self) -> bytes:
        """The document as qpdf rewrites it: repaired, and decrypted when it was encrypted with
        an empty password. For renderers that refuse the original; the file is not touched."""
        buffer = io.BytesIO()
        with decode_boundary("PDF", self.path):
            self.pdf.save(buffer)
        return buffer.getvalue()

    def page(self, index: int) -> PageFacts:
        with decode_boundary("PDF", self.path):
            page = self.pdf.pages[index]
            box = page.cropbox
            width = abs(float(box[2]) - float(box[0]))
            height = abs(float(box[3]) - float(box[1]))
            user_unit = float(page.obj.get("/UserUnit", 1))
            rotate = page.rotation % 360
            if rotate in (90, 270):
                width, height = height, width
            walk = walk_page(page)
            for image in walk.images:  # renderers decode images whole: a bomb stops here
                if image.width_px * image.height_px > self.limits.max_pixels:
                    self.limits.check_pixels(image.width_px, image.height_px)
            scale = user_unit if user_unit > 0 else 1.0
            return PageFacts(
                index=index,
                width_pt=width * scale,
                height_pt=height * scale,
                rotate=rotate,
                images=tuple(_scaled(image, scale) for image in walk.images),
                fonts=tuple(walk.fonts.values()),
                text_operators=walk.text_operators,
                content_error=walk.content_error,
            )


def _scaled(image: PlacedImage, scale: float) -> PlacedImage:
    if scale == 1.0:
        return image
    return PlacedImage(
        image.width_px,
        image.height_px,
        image.width_pt * scale,
        image.height_pt * scale,
        image.bilevel,
        image.filters,
    )


@contextmanager
def open_pdf(
    path: Path | str, *, limits: Limits | None = None, sniffed: Sniffed | None = None
) -> Iterator[PdfDocument]:
    """Open a PDF read-only; raises `EncryptedPdf`, `CorruptFile`, `NoPages` or `TooLarge`."""
    path = Path(path)
    limits = limits or Limits()
    sniffed = sniffed or sniff(path)
    limits.check_bytes(sniffed.size)
    require_supported(sniffed)
    if sniffed.kind is not FileKind.PDF:
        raise UnsupportedFormat(sniffed.kind.label)  # a picture: use open_image()
    with decode_boundary("PDF", path):
        pdf = pikepdf.open(path, password="")
    try:
        with decode_boundary("PDF", path):
            document = PdfDocument(path, sniffed, pdf, limits)
        yield document
    finally:
        pdf.close()
