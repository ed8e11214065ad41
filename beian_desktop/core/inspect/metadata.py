"""Resolution (DPI) and orientation as the file's metadata states them.

Metadata DPI is only reported: effective DPI (pixels over the document's physical size) decides.
Values that cannot describe a real scan — 0, 1, a few dots per inch, millions — count as missing,
and so does a broken EXIF block: Pillow itself substitutes 72 dpi in some of those cases, which
would look like a real value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PIL import Image

MIN_PLAUSIBLE_DPI = 20.0  # below this no scanner or camera setting produces a document image
MAX_PLAUSIBLE_DPI = 10_000.0
CM_PER_INCH = 2.54

_TAG_ORIENTATION = 0x0112
_TAG_X_RESOLUTION = 0x011A
_TAG_Y_RESOLUTION = 0x011B
_TAG_RESOLUTION_UNIT = 0x0128
_UNIT_INCH, _UNIT_CM = 2, 3  # EXIF/TIFF ResolutionUnit; 1 means "no absolute unit"
_TAG_GPS_IFD = 0x8825
_XMP_LOCATION = (b"GPSLatitude", b"GPSLongitude")


@dataclass(frozen=True, slots=True)
class Dpi:
    """Dots per inch along x and y, and where the numbers came from."""

    x: float
    y: float
    source: str  # "jfif", "exif", "tiff", "png", "bmp", "pdf"

    @property
    def value(self) -> float:
        """The resolution that limits legibility: the smaller of the two."""
        return min(self.x, self.y)

    def to_dict(self) -> dict[str, object]:
        return {"x": round(self.x, 2), "y": round(self.y, 2), "source": self.source}


def plausible(value: float) -> bool:
    return math.isfinite(value) and MIN_PLAUSIBLE_DPI <= value <= MAX_PLAUSIBLE_DPI


def _as_float(value: Any) -> float:
    try:
        if isinstance(value, tuple) and len(value) == 2:  # a raw (numerator, denominator)
            return float(value[0]) / float(value[1])
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return math.nan


def _dpi(x: Any, y: Any, per_cm: bool, source: str) -> Dpi | None:
    scale = CM_PER_INCH if per_cm else 1.0
    dpi = Dpi(_as_float(x) * scale, _as_float(y) * scale, source)
    return dpi if plausible(dpi.x) and plausible(dpi.y) else None


def _from_resolution_tags(tags: Mapping[int, Any], source: str) -> Dpi | None:
    unit = tags.get(_TAG_RESOLUTION_UNIT, _UNIT_INCH)  # the TIFF and EXIF default is inches
    if unit not in (_UNIT_INCH, _UNIT_CM) or _TAG_X_RESOLUTION not in tags:
        return None
    x = tags[_TAG_X_RESOLUTION]
    y = tags.get(_TAG_Y_RESOLUTION, x)
    return _dpi(x, y, unit == _UNIT_CM, source)


def _from_jfif(info: Mapping[Any, Any]) -> Dpi | None:
    unit = info.get("jfif_unit")  # 0: aspect ratio only, 1: per inch, 2: per cm
    density = info.get("jfif_density")
    if unit not in (1, 2) or not isinstance(density, tuple) or len(density) != 2:
        return None
    return _dpi(density[0], density[1], unit == 2, "jfif")


def _from_info(info: Mapping[Any, Any], source: str) -> Dpi | None:
    dpi = info.get("dpi")
    if not isinstance(dpi, tuple) or len(dpi) != 2:
        return None
    return _dpi(dpi[0], dpi[1], False, source)


def safe_exif(image: Image.Image) -> Image.Exif | None:
    """The image's EXIF, or None when it is missing or too broken to parse."""
    try:
        return image.getexif()
    except Exception:  # a corrupt EXIF block must not make a good picture unreadable
        return None


def _tiff_tags(image: Image.Image) -> Mapping[int, Any]:
    tags = getattr(image, "tag_v2", None)  # the current frame's IFD
    return tags if isinstance(tags, Mapping) else {}


def metadata_dpi(image: Image.Image) -> Dpi | None:
    """The resolution the file claims for its current frame, or None when absent or implausible."""
    fmt = image.format or ""
    try:
        if fmt == "TIFF":
            return _from_resolution_tags(_tiff_tags(image), "tiff")
        if fmt in ("PNG", "BMP"):
            return _from_info(image.info, fmt.lower())
        if fmt in ("JPEG", "MPO"):
            jfif = _from_jfif(image.info)
            if jfif is not None:  # JFIF describes the JPEG data itself; EXIF describes the camera
                return jfif
        exif = safe_exif(image)
        return _from_resolution_tags(exif, "exif") if exif is not None else None
    except Exception:  # metadata is advisory: a broken tag means "missing", never a failure
        return None


def orientation(image: Image.Image) -> int:
    """EXIF/TIFF/XMP orientation 1–8 of the current frame; 1 when absent or invalid."""
    value: Any = None
    if image.format == "TIFF":
        value = _tiff_tags(image).get(_TAG_ORIENTATION)
    if value is None:
        exif = safe_exif(image)
        value = exif.get(_TAG_ORIENTATION) if exif is not None else None
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def has_location(image: Image.Image) -> bool:
    """Whether the current frame's metadata may record where it was taken (EXIF or XMP GPS):
    personal data that must not travel with an upload copy. Metadata that cannot be read may
    hold a location too, so it counts."""
    xmp = image.info.get("xmp")
    if isinstance(xmp, bytes | str):
        raw = xmp.encode("utf-8", "replace") if isinstance(xmp, str) else xmp
        if any(tag in raw for tag in _XMP_LOCATION):
            return True
    try:
        exif = image.getexif()
        return _TAG_GPS_IFD in exif and bool(exif.get_ifd(_TAG_GPS_IFD))
    except Exception:  # a broken EXIF block (or data after the image) cannot be vouched for
        return True


def swaps_axes(orientation_value: int) -> bool:
    """Orientations 5–8 turn the picture by 90°, so stored width becomes displayed height."""
    return orientation_value >= 5


# The transpose that brings a stored picture upright, per orientation (as ImageOps.exif_transpose).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def upright(image: Image.Image, orientation_value: int) -> Image.Image:
    """`image` turned or flipped to read upright; the same object when it already does."""
    method = _UPRIGHT.get(orientation_value)
    return image if method is None else image.transpose(method)
