"""Bring any Pillow image mode to 8-bit "L" or "RGB" on white, for analysis and for converters.

Transparent areas become white paper (dropping alpha without compositing would turn them black),
16-bit grey is scaled rather than clipped (Pillow's "I;16" → "L" clips at 255), and 32-bit integer
or float data is stretched to its own range.
"""

from __future__ import annotations

from PIL import Image

_GREY_MODES = {"1", "L"}
_ALPHA_MODES = {"LA", "La", "PA", "RGBA", "RGBa"}
_SIXTEEN_BIT = {"I;16", "I;16B", "I;16L", "I;16N"}
_WHITE = 255


def has_alpha(image: Image.Image) -> bool:
    return image.mode in _ALPHA_MODES or "transparency" in image.info


def flatten_on_white(image: Image.Image) -> Image.Image:
    """Composite an image with alpha (or palette/colour-key transparency) onto white."""
    rgba = image.convert("RGBA") if image.mode != "RGBA" else image
    background = Image.new("RGBA", rgba.size, (_WHITE, _WHITE, _WHITE, _WHITE))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _stretch_to_l(image: Image.Image, low: float, high: float) -> Image.Image:
    if high <= low:
        return Image.new("L", image.size, 0)
    scale = 255.0 / (high - low)
    offset = -low * scale
    return image.point(lambda v: v * scale + offset).convert("L")  # a linear map, run in C


def _wide_grey_to_l(image: Image.Image) -> Image.Image:
    if image.mode in _SIXTEEN_BIT:
        return _stretch_to_l(image.convert("I"), 0, 65535)
    wide = image if image.mode in ("I", "F") else image.convert("F")
    low, high = wide.getextrema()
    if isinstance(low, tuple) or isinstance(high, tuple):  # not reachable for one band
        return wide.convert("L")
    return _stretch_to_l(wide, float(low), float(high))


def to_l_or_rgb(image: Image.Image) -> Image.Image:
    """An 8-bit "L" or "RGB" version of `image` (the same object when it already is one)."""
    mode = image.mode
    if mode in ("L", "RGB") and "transparency" not in image.info:
        return image
    if mode == "1":
        return image.convert("L")
    if has_alpha(image):
        flat = flatten_on_white(image)
        return flat.convert("L") if mode in ("LA", "La") else flat
    if mode in _SIXTEEN_BIT or mode in ("I", "F"):
        return _wide_grey_to_l(image)
    if mode == "P":
        return image.convert("RGB")
    return image.convert("RGB")  # CMYK (Adobe inversion already undone by the decoder), LAB, …


def shrink(image: Image.Image, long_side: int) -> Image.Image:
    """A box-filtered copy whose longer side is at most `long_side` (no enlargement)."""
    width, height = image.size
    longest = max(width, height)
    if longest <= long_side:
        return image
    factor = long_side / longest
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return image.resize(size, Image.Resampling.BOX)
