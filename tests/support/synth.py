"""Deterministic synthetic inputs for the inspection, PDF/A and upload tests.

Every file is drawn by code (no binary fixtures): the same bytes on every run with the pinned
library versions, except encrypted PDFs (their keys are salted at random). A page carries
orientation marks — a solid square in the top-left corner and a bar along the top edge — so any
of the eight EXIF orientations applied wrongly shows up when a test looks at `corner_marks()`.

One `Synth` serves the whole run (the `synth` fixture of tests/conftest.py); files are cached on
disk, so everything that asks for the same input shares the work:

    path = synth.scan("a4", 300)            # 300-dpi A4 JPEG with JFIF 300 dpi
"""

from __future__ import annotations

import io
import math
import random
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageStat

MM_PER_INCH = 25.4
PAPER = {  # width × height in mm, portrait as a person reads it
    "id-card": (85.6, 54.0),  # landscape by nature (ISO/IEC 7810 ID-1)
    "a4": (210.0, 297.0),
    "a3": (297.0, 420.0),
}
WHITE = (255, 255, 255)
BEIGE = (243, 233, 206)  # business-licence paper
INK = (25, 25, 30)
SEAL_RED = (205, 35, 40)
PT_PER_MM = 72 / MM_PER_INCH


def _slug(value: object) -> str:
    return "".join(c for c in str(value) if c.isalnum() or c == ".")


def px(mm: float, dpi: float) -> int:
    return round(mm * dpi / MM_PER_INCH)


@dataclass(frozen=True)
class Page:
    """What to draw: physical size, resolution and look."""

    width_mm: float
    height_mm: float
    dpi: float
    background: tuple[int, int, int] = WHITE
    ink: tuple[int, int, int] = INK
    seal: bool = False
    text: bool = True
    blur: float = 0.0  # Gaussian radius in mm (a phone photo out of focus)

    @property
    def size(self) -> tuple[int, int]:
        return px(self.width_mm, self.dpi), px(self.height_mm, self.dpi)


def _font(size_px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=max(6, size_px))


# Orientation marks, as shares of the page's short side (so probes work at every size and dpi).
MARK_MARGIN, MARK_SIDE, MARK_BAR = 0.05, 0.12, 0.03


def _draw_marks(draw: ImageDraw.ImageDraw, page: Page, unit: float) -> None:
    width, height = page.size
    short = min(width, height)
    margin, side = round(short * MARK_MARGIN), round(short * MARK_SIDE)
    draw.rectangle((margin, margin, margin + side, margin + side), fill=page.ink)
    bar = max(2, round(short * MARK_BAR))
    draw.rectangle((margin + side, margin, width * 3 // 4, margin + bar), fill=page.ink)
    line = max(1, round(0.4 * unit))
    draw.rectangle(
        (margin // 2, margin // 2, width - margin // 2, height - margin // 2),
        outline=page.ink,
        width=line,
    )


def _draw_text(draw: ImageDraw.ImageDraw, page: Page, unit: float) -> None:
    width, height = page.size
    rng = random.Random(f"{page.width_mm}x{page.height_mm}")  # same words for every dpi
    font = _font(round(3.0 * unit))  # ~ 10 pt type
    x0 = max(round(8 * unit), round(min(width, height) * 0.2))  # clear of the mark probes
    y = round(8 * unit) + round(min(width, height) * 0.15)
    line_height = round(6 * unit)
    while y < height - 2 * line_height:
        words = [
            "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
            for _ in range(24)
        ]
        text = " ".join(words)
        draw.text((x0, y), text, fill=page.ink, font=font)
        y += line_height


def _draw_seal(draw: ImageDraw.ImageDraw, page: Page, unit: float) -> None:
    width, height = page.size
    diameter = min(40 * unit, min(width, height) * 0.3)
    cx, cy = width * 0.72, height * 0.78
    r = diameter / 2
    ring = max(2, round(1.2 * unit))
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=SEAL_RED, width=ring)
    star = [
        (cx + r * 0.35 * math.cos(math.radians(a)), cy - r * 0.35 * math.sin(math.radians(a)))
        for a in range(90, 810, 144)
    ]
    draw.polygon(star, fill=SEAL_RED)


def draw_page(page: Page) -> Image.Image:
    """An upright RGB document page: frame, orientation marks, lines of text, optional seal."""
    image = Image.new("RGB", page.size, page.background)
    draw = ImageDraw.Draw(image)
    unit = page.dpi / MM_PER_INCH  # pixels per mm
    _draw_marks(draw, page, unit)
    if page.text:
        _draw_text(draw, page, unit)
    if page.seal:
        _draw_seal(draw, page, unit)
    if page.blur:
        image = image.filter(ImageFilter.GaussianBlur(page.blur * unit))
    return image


def corner_marks(image: Image.Image) -> dict[str, bool]:
    """Which orientation marks are dark in an upright-looking image (all True = reads upright)."""
    grey = image.convert("L")
    width, height = grey.size
    short = min(width, height)
    square = round(short * (MARK_MARGIN + MARK_SIDE / 2))
    bar = round(short * (MARK_MARGIN + MARK_BAR / 2))
    probe = {  # inside the square, on the top bar, and where a turned or flipped mark would be
        "square": (square, square),
        "top_bar": (width // 2, bar),
        "no_left_bar": (bar, height // 2),
        "no_right_square": (width - square, square),
    }
    dark = {name: _is_dark(grey, xy) for name, xy in probe.items()}
    return {
        "square": dark["square"],
        "top_bar": dark["top_bar"],
        "no_left_bar": not dark["no_left_bar"],
        "no_right_square": not dark["no_right_square"],
    }


def _is_dark(grey: Image.Image, xy: tuple[int, int]) -> bool:
    x, y = xy
    box = grey.crop((max(0, x - 2), max(0, y - 2), x + 3, y + 3))
    return ImageStat.Stat(box).mean[0] < 100


# Stored pixels for EXIF orientation o: applying ImageOps.exif_transpose gives the upright page.
_STORE_FOR_ORIENTATION: dict[int, Image.Transpose | None] = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def stored_for_orientation(upright: Image.Image, orientation: int) -> Image.Image:
    method = _STORE_FOR_ORIENTATION[orientation]
    return upright if method is None else upright.transpose(method)


def exif_bytes(orientation: int | None = None, dpi: float | None = None) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if dpi is not None:
        exif[0x011A] = dpi
        exif[0x011B] = dpi
        exif[0x0128] = 2
    return exif.tobytes()


def png_rgb16(image: Image.Image) -> bytes:
    """A 16-bit-per-channel RGB PNG (Pillow cannot write one; it reads it back as 8-bit)."""
    rgb = image.convert("RGB")
    width, height = rgb.size
    raw = bytearray()
    data = rgb.tobytes()
    for row in range(height):
        raw.append(0)
        for value in data[row * width * 3 : (row + 1) * width * 3]:
            raw += struct.pack(">H", value * 257)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    phys = struct.pack(">IIB", round(300 / 0.0254), round(300 / 0.0254), 1)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"pHYs", phys)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 6))
        + chunk(b"IEND", b"")
    )


class Synth:
    """Makes (and caches) synthetic inputs in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    @classmethod
    def shared(cls, tmp_path_factory: Any) -> Synth:
        return cls(tmp_path_factory.getbasetemp() / "synth")

    def _cached(self, name: str, write: Callable[[Path], None]) -> Path:
        path = self.folder / name
        if not path.exists():
            partial = path.with_name(path.name + ".part")
            write(partial)
            partial.replace(path)  # atomic: a concurrent reader never sees half a file
        return path

    # -- raster scans --------------------------------------------------------------------

    def page(self, paper: str = "a4", dpi: float = 300, **look: Any) -> Image.Image:
        width, height = PAPER[paper]
        return draw_page(Page(width, height, dpi, **look))

    def scan(
        self,
        paper: str = "a4",
        dpi: int = 300,
        *,
        metadata_dpi: int | str | None = "same",
        quality: int = 80,
        **look: Any,
    ) -> Path:
        """An RGB JPEG scan: grey content unless `seal=True` or a coloured `background`/`ink`.

        `metadata_dpi`: "same" (JFIF says the true dpi), another number, or None (no density).
        """
        meta = dpi if metadata_dpi == "same" else metadata_dpi
        tag = "-".join(f"{k}{_slug(v)}" for k, v in sorted(look.items()))
        name = f"scan-{paper}-{dpi}dpi-meta{meta}-q{quality}{'-' + tag if tag else ''}.jpg"

        def write(path: Path) -> None:
            image = self.page(paper, dpi, **look)
            options: dict[str, Any] = {"quality": quality}
            if meta is not None:
                options["dpi"] = (meta, meta)
            image.save(path, "JPEG", **options)

        return self._cached(name, write)

    def grey_as_rgb(self) -> Path:
        """A greyscale scan stored as an RGB JPEG (R = G = B)."""

        def write(path: Path) -> None:
            self.page("a4", 150).convert("L").convert("RGB").save(path, "JPEG", dpi=(150, 150))

        return self._cached("grey-as-rgb.jpg", write)

    def beige_with_seal(self) -> Path:
        """Black text on beige paper with a small red seal: a colour document."""
        return self.scan("a4", 150, background=BEIGE, seal=True)

    def white_with_seal(self) -> Path:
        return self.scan("a4", 150, seal=True)

    def blank(self) -> Path:
        return self.scan("a4", 100, text=False, ink=WHITE)

    def underexposed(self) -> Path:
        return self.scan("a4", 100, background=(62, 60, 56), ink=(12, 12, 12))

    def washed_out(self) -> Path:
        return self.scan("a4", 100, ink=(190, 190, 190))

    def blurred(self, mm: float = 0.75) -> Path:
        """An A4 scan at 150 dpi blurred by a Gaussian of `mm` millimetres (out of focus)."""
        return self.scan("a4", 150, blur=mm, seal=True)

    def orientation(self, value: int) -> Path:
        """A 150-dpi A4 JPEG whose stored pixels need EXIF orientation `value` to read upright."""

        def write(path: Path) -> None:
            stored = stored_for_orientation(self.page("a4", 100), value)
            stored.save(path, "JPEG", quality=80, dpi=(100, 100), exif=exif_bytes(value))

        return self._cached(f"orientation-{value}.jpg", write)

    def cmyk_adobe_jpeg(self) -> Path:
        """A CMYK JPEG with the Adobe APP14 marker (inverted channels, as Photoshop writes)."""

        def write(path: Path) -> None:
            self.page("a4", 100, seal=True).convert("CMYK").save(path, "JPEG", dpi=(100, 100))

        return self._cached("cmyk-adobe.jpg", write)

    def rgba_png(self) -> Path:
        """Content on a transparent background (transparent areas must read as white paper)."""

        def write(path: Path) -> None:
            page = self.page("a4", 100, seal=True)
            alpha = page.convert("L").point(lambda v: 0 if v > 250 else 255)
            rgba = page.copy()
            rgba.putalpha(alpha)
            rgba.save(path, "PNG", dpi=(100, 100))

        return self._cached("rgba.png", write)

    def png16_grey(self) -> Path:
        def write(path: Path) -> None:
            grey = self.page("a4", 100).convert("L")
            wide = grey.point(lambda v: v * 257, mode="I").convert("I;16")
            wide.save(path, "PNG", dpi=(100, 100))

        return self._cached("grey16.png", write)

    def png16_rgb(self) -> Path:
        def write(path: Path) -> None:
            path.write_bytes(png_rgb16(self.page("id-card", 300, seal=True)))

        return self._cached("rgb16.png", write)

    def palette_trns_png(self) -> Path:
        """A palette PNG (white, ink, seal red, two greys) whose white is transparent (tRNS)."""

        def write(path: Path) -> None:
            colours = [WHITE, INK, SEAL_RED, (128, 128, 128), (200, 200, 200)]
            palette = Image.new("P", (1, 1))
            palette.putpalette([channel for colour in colours for channel in colour])
            page = self.page("a4", 100, seal=True)
            indexed = page.quantize(palette=palette, dither=Image.Dither.NONE)
            indexed.save(path, "PNG", transparency=0, dpi=(100, 100))

        return self._cached("palette-trns.png", write)

    def tiff_colour_jpeg(self, pages: int = 3) -> Path:
        """A multi-page colour TIFF with JPEG compression (pages differ: 1 has the seal)."""

        def write(path: Path) -> None:
            frames = [self.page("a4", 150, seal=(i == 0)) for i in range(pages)]
            frames[0].save(
                path,
                "TIFF",
                save_all=True,
                append_images=frames[1:],
                compression="jpeg",
                quality=75,
                dpi=(150, 150),
            )

        return self._cached(f"colour-jpeg-{pages}p.tif", write)

    def tiff_g4(self, pages: int = 5, dpi: int = 200) -> Path:
        """A multi-page bilevel TIFF with CCITT G4 compression."""

        def write(path: Path) -> None:
            page = self.page("a4", dpi).convert("L").point(lambda v: 255 if v > 128 else 0)
            frames = [page.convert("1")] * pages
            frames[0].save(
                path,
                "TIFF",
                save_all=True,
                append_images=frames[1:],
                compression="group4",
                dpi=(dpi, dpi),
            )

        return self._cached(f"g4-{pages}p-{dpi}dpi.tif", write)

    def heic(self) -> Path:
        """A phone-style HEIC photo of an ID card with EXIF orientation 6."""

        def write(path: Path) -> None:
            import pillow_heif

            pillow_heif.register_heif_opener()
            upright = self.page("id-card", 400, seal=True)
            stored = stored_for_orientation(upright, 6)
            stored.save(path, "HEIF", quality=60, exif=exif_bytes(6))

        return self._cached("photo.heic", write)

    def renamed(self, source: Path, new_name: str) -> Path:
        """A copy of `source` under another name (e.g. a JPEG named .png)."""
        return self._cached(new_name, lambda path: path.write_bytes(source.read_bytes()))

    # -- PDFs -----------------------------------------------------------------------------

    def _pdf(self, name: str, build: Callable[[pikepdf.Pdf], None], **save: Any) -> Path:
        def write(path: Path) -> None:
            with pikepdf.new() as pdf:
                build(pdf)
                pdf.save(path, deterministic_id="encryption" not in save, **save)

        return self._cached(name, write)

    def scanner_pdf(self, paper: str = "a4", dpi: int = 200, pages: int = 1) -> Path:
        """A PDF like a scanner writes: each page one JPEG image at `dpi`, page = paper size."""

        def build(pdf: pikepdf.Pdf) -> None:
            jpeg = io.BytesIO()
            image = self.page(paper, dpi, seal=True)
            image.save(jpeg, "JPEG", quality=75)
            width_mm, height_mm = PAPER[paper]
            for _ in range(pages):
                add_image_page(pdf, jpeg.getvalue(), image.size, width_mm, height_mm)

        return self._pdf(f"scanner-{paper}-{dpi}dpi-{pages}p.pdf", build)

    def text_pdf(self, *, javascript: bool = False) -> Path:
        """A born-digital text page with a non-embedded font (and JavaScript when asked)."""

        def build(pdf: pikepdf.Pdf) -> None:
            add_text_page(pdf)
            if javascript:
                action = pdf.make_indirect(
                    pikepdf.Dictionary(
                        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1);")
                    )
                )
                pdf.Root.OpenAction = action
                pdf.Root.Names = pikepdf.Dictionary(
                    JavaScript=pikepdf.Dictionary(
                        Names=pikepdf.Array([pikepdf.String("a"), action])
                    )
                )

        name = f"text{'-js' if javascript else ''}.pdf"
        return self._pdf(name, build)

    def encrypted_pdf(self, user_password: str = "secret") -> Path:
        """An encrypted scanner PDF; `user_password=""` opens without asking (owner-only)."""

        def build(pdf: pikepdf.Pdf) -> None:
            with pikepdf.open(self.scanner_pdf("id-card", 300)) as source:
                pdf.pages.extend(source.pages)

        encryption = pikepdf.Encryption(user=user_password, owner="owner-secret", R=6)
        tag = "user" if user_password else "empty-user"
        return self._pdf(f"encrypted-{tag}.pdf", build, encryption=encryption)


def add_image_page(
    pdf: pikepdf.Pdf, jpeg: bytes, size: tuple[int, int], width_mm: float, height_mm: float
) -> None:
    """Append a page of `width_mm` × `height_mm` showing one RGB JPEG across the whole page."""
    width_pt, height_pt = width_mm * PT_PER_MM, height_mm * PT_PER_MM
    image = pikepdf.Stream(pdf, jpeg)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height = size
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
    image.Filter = pikepdf.Name.DCTDecode
    content = f"q {width_pt:.3f} 0 0 {height_pt:.3f} 0 0 cm /Im0 Do Q".encode()
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array([0, 0, round(width_pt, 3), round(height_pt, 3)]),
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))


def add_text_page(pdf: pikepdf.Pdf) -> None:
    """Append an A4 text page set in Helvetica and Arial, neither embedded."""
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name.Arial,
        Flags=32,
        FontBBox=pikepdf.Array([-665, -325, 2000, 1006]),
        ItalicAngle=0,
        Ascent=905,
        Descent=-212,
        CapHeight=716,
        StemV=80,
    )
    arial = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name.Arial,
        FirstChar=32,
        LastChar=32,
        Widths=pikepdf.Array([278]),
        FontDescriptor=descriptor,
    )
    content = b"BT /F1 24 Tf 72 760 Td (Commitment letter) Tj ET BT /F2 12 Tf 72 720 Td (x) Tj ET"
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array([0, 0, 595.276, 841.89]),
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font, F2=arial)),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))
