"""Picture files (JPEG, PNG, TIFF, HEIC, …) as PDF/A pages: passthrough where possible.

Per page, in order of preference:
1. JPEG data embedded as it is: a baseline/progressive grey or RGB JPEG file, or the JPEG
   strips of a TIFF page joined into one (see tiff.py); CCITT G4 of a single-strip TIFF page.
   EXIF rotations become the page's /Rotate; flips cannot, so flipped pages are re-encoded.
2. Decoded, turned upright, brought to 8-bit sRGB on white (colour.py), and encoded: G4 for
   bilevel, JPEG when the source was lossy already, Flate otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from beian_desktop.core.inspect import (
    FrameInfo,
    Limits,
    RasterFile,
    Sniffed,
    decode_boundary,
    open_image,
    upright,
)
from beian_desktop.core.pdfa import encode, jpeg, tiff
from beian_desktop.core.pdfa.colour import profile_fits, to_srgb
from beian_desktop.core.pdfa.encode import EncodedImage
from beian_desktop.core.pdfa.geometry import image_page_size
from beian_desktop.core.pdfa.model import PASSTHROUGH, REENCODED, InputOutcome, PageOutcome
from beian_desktop.core.pdfa.pages import ImagePages
from beian_desktop.core.rules.model import PaperFormat
from beian_desktop.core.text import Text

ROTATION = {1: 0, 3: 180, 6: 90, 8: 270}  # EXIF orientation → clockwise /Rotate
_LOSSY_FORMATS = {"JPEG", "MPO", "HEIF", "AVIF", "WEBP"}
_JPEG_IN_TIFF = {6, 7}  # old-style and new-style JPEG compression

NOTE_ALPHA = Text("透明区域已按白纸合成。", "Transparent areas were composited on white paper.")
NOTE_DEPTH = Text("16 位图像已降为 8 位。", "The 16-bit image was reduced to 8 bits.")
NOTE_CMYK = Text("CMYK 颜色已转换为 sRGB。", "CMYK colours were converted to sRGB.")
NOTE_ICC = Text(
    "内嵌颜色配置文件不适用于此 PDF/A 版本，颜色已转换为 sRGB。",
    "The embedded colour profile does not suit this PDF/A version; colours were converted to sRGB.",
)
NOTE_FLIP = Text(
    "图像按 EXIF 方向信息翻转后重新编码。",
    "The picture was flipped upright per its EXIF orientation.",
)
NOTE_LOCATION = Text(
    "照片中的拍摄位置等元数据未写入存档件（图像数据未改动）。",
    "Metadata recording where the photo was taken was left out (the image data is unchanged).",
)
NOTE_ROTATE = Text(
    "EXIF 方向信息以页面旋转实现，图像数据未改动。",
    "The EXIF orientation was applied as a page rotation; the image data is unchanged.",
)


@dataclass(frozen=True, slots=True)
class Target:
    """What every page of one conversion shares."""

    flavour: str
    formats: Sequence[PaperFormat]
    material_known: bool
    limits: Limits
    passthrough: bool = True  # False on the cautious second attempt: decode everything


def _jpeg_file(raster: RasterFile, info: FrameInfo, flavour: str) -> EncodedImage | None:
    if raster.pillow_format not in ("JPEG", "MPO") or info.index != 0:
        return None
    if info.mode not in ("L", "RGB") or (info.icc_profile and not _fits(info, flavour)):
        return None
    with decode_boundary(raster.kind.label, raster.path):
        data = raster.path.read_bytes()
    found = jpeg.layout(data, ends_at_eoi=raster.pillow_format == "JPEG")
    if found is None or not found.passable or found.components != len(info.mode):
        return None
    channels = len(info.mode)
    picture = jpeg.without_metadata(data[: found.end]) if info.location else data[: found.end]
    return EncodedImage(
        picture,
        found.width,
        found.height,
        channels,
        8,
        "/DCTDecode",
        "jpeg-passthrough",
        icc=info.icc_profile,
    )


def _fits(info: FrameInfo, flavour: str) -> bool:
    return profile_fits(info.icc_profile, len(info.mode), flavour)


def _tiff_strips(raster: RasterFile, info: FrameInfo, flavour: str) -> EncodedImage | None:
    tags = raster.tiff_tags(info.index)
    if not tags:
        return None
    width, height = info.width, info.height  # as stored: the strips are coded so
    found = tiff.g4_strip(raster.path, tags, width, height)
    if found is None and (not info.icc_profile or _fits(info, flavour)):
        joined = tiff.joined_jpeg(raster.path, tags, width, height)
        if joined is not None and info.icc_profile:
            joined = replace(joined, icc=info.icc_profile)
        found = joined
    return found


def passthrough(raster: RasterFile, info: FrameInfo, flavour: str) -> EncodedImage | None:
    """The page's compressed data, usable as it is, or None."""
    if info.orientation not in ROTATION:
        return None  # a flip: the pixels must be transposed
    return _jpeg_file(raster, info, flavour) or _tiff_strips(raster, info, flavour)


def _lossy(raster: RasterFile, index: int) -> bool:
    if raster.pillow_format == "TIFF":
        return raster.tiff_tags(index).get(tiff.COMPRESSION) in _JPEG_IN_TIFF
    return raster.pillow_format in _LOSSY_FORMATS


def _notes(image: Image.Image, info: FrameInfo, flavour: str) -> list[Text]:
    notes = []
    if info.alpha:
        notes.append(NOTE_ALPHA)
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        notes.append(NOTE_DEPTH)
    if image.mode == "CMYK":
        notes.append(NOTE_CMYK)
    elif info.icc_profile and image.mode == "RGB" and not _fits(info, flavour):
        notes.append(NOTE_ICC)
    if info.orientation not in ROTATION:
        notes.append(NOTE_FLIP)
    return notes


def decoded_upright(raster: RasterFile, info: FrameInfo) -> Image.Image:
    """The decoded page, turned upright."""
    image = raster.load(info.index)
    return upright(image, raster.orientation_after_load(info.index))


def reencode(
    raster: RasterFile, info: FrameInfo, target: Target
) -> tuple[EncodedImage, list[Text]]:
    """Decode the page, turn it upright, and encode it for PDF/A."""
    image = decoded_upright(raster, info)
    notes = _notes(image, info, target.flavour)
    if image.mode == "1" and not info.alpha:
        return encode.g4(image), notes
    pixels = to_srgb(image, info.icc_profile)
    if _lossy(raster, info.index):
        return encode.jpeg(pixels), notes
    return encode.flate(pixels), notes


def _page(
    raster: RasterFile, info: FrameInfo, target: Target, pages: ImagePages
) -> tuple[PageOutcome, list[Text]]:
    width_px, height_px = info.upright_size
    size = image_page_size(width_px, height_px, info.dpi, target.formats, target.material_known)
    found = passthrough(raster, info, target.flavour) if target.passthrough else None
    rotate, notes = 0, []
    if found is not None:
        rotate = ROTATION[info.orientation]
        notes = [NOTE_ROTATE] if rotate else []
        if info.location and found.encoding == "jpeg-passthrough":
            notes.append(NOTE_LOCATION)
    else:
        found, notes = reencode(raster, info, target)
    pages.add(found, size.width_pt, size.height_pt, rotate)
    outcome = PageOutcome(
        info.index,
        size.width_pt,
        size.height_pt,
        found.encoding,
        size.effective_dpi,
        size.basis,
        rotate,
    )
    return outcome, notes


def add_picture(path: Path, sniffed: Sniffed, target: Target, pages: ImagePages) -> InputOutcome:
    """Append every page of a picture file; raises InputFileError when it cannot be read."""
    outcomes: list[PageOutcome] = []
    notes: list[Text] = []
    with open_image(path, limits=target.limits, sniffed=sniffed) as raster:
        for index in range(raster.page_count):
            outcome, page_notes = _page(raster, raster.frame_info(index), target, pages)
            outcomes.append(outcome)
            notes += [note for note in page_notes if note not in notes]
        label = raster.kind.label
    whole = all(page.encoding.endswith("passthrough") for page in outcomes)
    action = PASSTHROUGH if whole else REENCODED
    return InputOutcome(path.name, label, action, tuple(outcomes), tuple(notes))
