"""Colour for PDF/A pages: which embedded ICC profiles may stay, and conversion to sRGB.

An image's own profile may go into the PDF as an ICCBased colour space when veraPDF's rules
accept it (reference/pdfa.md rows 22–23): a real ICC header, an input device class, a colour
space matching the pixels and version 2 for PDF/A-1 (up to 4 for PDF/A-2). Anything else is
converted to sRGB with LittleCMS (Pillow ImageCms) and written as DeviceRGB/DeviceGray, which
the sRGB OutputIntent describes.
"""

from __future__ import annotations

import io
import logging
from functools import cache

from PIL import Image, ImageCms

from beian_desktop.core.inspect import to_l_or_rgb

log = logging.getLogger(__name__)

_HEADER = 128
_INPUT_CLASSES = {b"prtr", b"mntr", b"scnr", b"spac"}
_SPACE_CHANNELS = {b"GRAY": 1, b"RGB ": 3, b"CMYK": 4}
_MAX_VERSION = {"1b": 2, "2b": 4}


def profile_fits(profile: bytes | None, channels: int, flavour: str) -> bool:
    """True when `profile` may describe `channels`-channel pixels in a PDF/A-`flavour` file."""
    if profile is None or len(profile) < _HEADER or profile[36:40] != b"acsp":
        return False
    if int.from_bytes(profile[0:4], "big") != len(profile):
        return False
    return (
        profile[12:16] in _INPUT_CLASSES
        and _SPACE_CHANNELS.get(profile[16:20]) == channels
        and 2 <= profile[8] <= _MAX_VERSION[flavour]
    )


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _through_profile(image: Image.Image, profile: bytes | None) -> Image.Image | None:
    """`image` converted from its `profile` to sRGB, or None when LittleCMS cannot use it."""
    if profile is None:
        return None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(image, source, _srgb(), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as error:
        log.info("ICC conversion failed (%s); converting without the profile", error)
        return None
    return converted if isinstance(converted, Image.Image) else None


def to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """An 8-bit "L" or "RGB" image in sRGB terms, alpha composited on white.

    Colour pixels with a usable profile go through LittleCMS. CMYK without one uses Pillow's
    plain conversion (no CMYK profile ships with the app); its decoder has already undone the
    inverted channels of Adobe CMYK JPEGs. Grey stays grey: grey profiles are close to sRGB's
    tone curve, and RGB would make the page three times larger.
    """
    if image.mode == "CMYK":
        converted = _through_profile(image, profile) if _space(profile) == 4 else None
        return converted or image.convert("RGB")
    flat = to_l_or_rgb(image)
    if flat.mode == "RGB" and _space(profile) == 3:
        return _through_profile(flat, profile) or flat
    return flat


def _space(profile: bytes | None) -> int:
    """Channels of the profile's colour space (0 when it is no profile we know)."""
    if profile is None or len(profile) < _HEADER:
        return 0
    return _SPACE_CHANNELS.get(profile[16:20], 0)
