"""What a PDF page draws: images with the size they are shown at, fonts, text operators.

The graphics state (q/Q/cm) is followed through the page's content stream and the Form XObjects it
draws, with a depth limit and a visited set: hostile files nest forms deeply or in cycles.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pikepdf

from beian_desktop.core.inspect.physical import MM_PER_PT

_OPERATORS = "q Q cm Do Tj TJ ' \""
_TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
_FORM_DEPTH = 4  # Form XObjects nest; cycles exist in the wild (pdf.js operator_list_cycle)
_STATE_STACK = 256
_BILEVEL_FILTERS = {"/CCITTFaxDecode", "/JBIG2Decode"}
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FontInfo:
    name: str
    subtype: str
    embedded: bool

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "subtype": self.subtype, "embedded": self.embedded}


@dataclass(frozen=True, slots=True)
class PlacedImage:
    """An image XObject as drawn on a page: its pixels and the size it is shown at."""

    width_px: int
    height_px: int
    width_pt: float  # length of the image's x axis on the page
    height_pt: float
    bilevel: bool  # 1 bit per pixel, an image mask, CCITT or JBIG2
    filters: tuple[str, ...]

    @property
    def area_pt(self) -> float:
        return self.width_pt * self.height_pt

    @property
    def dpi(self) -> float:
        """Pixels per inch as placed; the smaller axis counts."""
        if self.width_pt <= 0 or self.height_pt <= 0:
            return 0.0
        return min(self.width_px / (self.width_pt / 72), self.height_px / (self.height_pt / 72))

    def to_dict(self) -> dict[str, object]:
        return {
            "width_px": self.width_px,
            "height_px": self.height_px,
            "shown_mm": [round(self.width_pt * MM_PER_PT, 1), round(self.height_pt * MM_PER_PT, 1)],
            "dpi": round(self.dpi, 1),
            "bilevel": self.bilevel,
            "filters": list(self.filters),
        }


@dataclass(slots=True)
class ContentWalk:
    """What drawing one page's content does: images placed, fonts used, text shown."""

    images: list[PlacedImage] = field(default_factory=list)
    fonts: dict[str, FontInfo] = field(default_factory=dict)
    text_operators: int = 0
    content_error: bool = False
    seen_forms: set[tuple[int, int]] = field(default_factory=set)


def _number(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def _font_info(font: pikepdf.Object) -> FontInfo:
    subtype = str(font.get("/Subtype", "?"))
    name = str(font.get("/BaseFont", "?")).lstrip("/")
    if subtype == "/Type3":  # glyphs are drawn by content streams inside the PDF
        return FontInfo(name, subtype, True)
    holder = font
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        holder = descendants[0] if isinstance(descendants, pikepdf.Array) and descendants else font
    descriptor = holder.get("/FontDescriptor")
    embedded = isinstance(descriptor, pikepdf.Dictionary) and any(
        key in descriptor for key in _FONT_FILES
    )
    return FontInfo(name, subtype, embedded)


def _collect_fonts(resources: pikepdf.Object, walk: ContentWalk) -> None:
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(fonts, pikepdf.Dictionary):
        return
    for key in list(fonts.keys()):  # a pikepdf.Dictionary's keys, as names
        font = fonts[key]
        if isinstance(font, pikepdf.Dictionary):
            info = _font_info(font)
            walk.fonts.setdefault(f"{info.name}/{info.subtype}/{info.embedded}", info)


def _placed_image(xobject: pikepdf.Object, ctm: pikepdf.Matrix) -> PlacedImage:
    filters = xobject.get("/Filter")
    names = (
        tuple(str(f) for f in filters)
        if isinstance(filters, pikepdf.Array)
        else ((str(filters),) if filters is not None else ())
    )
    bilevel = (
        bool(xobject.get("/ImageMask", False))
        or int(xobject.get("/BitsPerComponent", 8)) == 1
        or any(name in _BILEVEL_FILTERS for name in names)
    )
    return PlacedImage(
        width_px=int(xobject.get("/Width", 0)),
        height_px=int(xobject.get("/Height", 0)),
        width_pt=(ctm.a**2 + ctm.b**2) ** 0.5,  # the unit square's x axis, transformed
        height_pt=(ctm.c**2 + ctm.d**2) ** 0.5,
        bilevel=bilevel,
        filters=names,
    )


def _walk_content(
    owner: pikepdf.Object | pikepdf.Page,
    resources: pikepdf.Object,
    ctm: pikepdf.Matrix,
    depth: int,
    walk: ContentWalk,
) -> None:
    """Follow the graphics state through a content stream, recording what is drawn and where."""
    try:
        _collect_fonts(resources, walk)
        _follow(owner, resources, ctm, depth, walk)
    except Exception:  # damaged content, missing jbig2dec, nesting: what was read still counts
        log.debug("content stream not fully read", exc_info=True)
        walk.content_error = True


def _follow(
    owner: pikepdf.Object | pikepdf.Page,
    resources: pikepdf.Object,
    ctm: pikepdf.Matrix,
    depth: int,
    walk: ContentWalk,
) -> None:
    instructions = pikepdf.parse_content_stream(owner, _OPERATORS)
    stack: list[pikepdf.Matrix] = []
    for instruction in instructions:
        operator = str(instruction.operator)
        operands = instruction.operands
        if operator == "q" and len(stack) < _STATE_STACK:
            stack.append(ctm)
        elif operator == "Q" and stack:
            ctm = stack.pop()
        elif operator == "cm" and len(operands) == 6:
            ctm = pikepdf.Matrix(*(_number(v) for v in operands)) @ ctm
        elif operator in _TEXT_OPERATORS:
            walk.text_operators += 1
        elif operator == "Do" and operands:
            _draw_xobject(resources, operands[0], ctm, depth, walk)


def _draw_xobject(
    resources: pikepdf.Object, name: object, ctm: pikepdf.Matrix, depth: int, walk: ContentWalk
) -> None:
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(xobjects, pikepdf.Dictionary) or str(name) not in xobjects:
        return
    xobject = xobjects[str(name)]
    if not isinstance(xobject, pikepdf.Stream):
        return
    subtype = xobject.get("/Subtype")
    if subtype == pikepdf.Name.Image:
        walk.images.append(_placed_image(xobject, ctm))
    elif subtype == pikepdf.Name.Form and depth < _FORM_DEPTH:
        key = xobject.objgen
        if key in walk.seen_forms and key != (0, 0):
            return  # drawn before on this page (or a cycle): its images are already counted
        walk.seen_forms.add(key)
        matrix = xobject.get("/Matrix")
        form_ctm = ctm
        if isinstance(matrix, pikepdf.Array) and len(matrix) == 6:
            form_ctm = pikepdf.Matrix(*(_number(v) for v in matrix)) @ ctm
        form_resources = xobject.get("/Resources", resources)
        _walk_content(xobject, form_resources, form_ctm, depth + 1, walk)


def walk_page(page: pikepdf.Page) -> ContentWalk:
    """Follow a page's content streams (and the forms they draw) with the graphics state."""
    walk = ContentWalk()
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    _walk_content(page, resources, pikepdf.Matrix(), 0, walk)
    return walk
