"""Bring a decoded frame to what upload systems show correctly: 8-bit sRGB or grey, on white.

Upload portals and reviewers' browsers ignore most embedded colour profiles, so colours are
converted to sRGB here (an Adobe RGB or Display P3 picture would otherwise look dull, a CMYK one
wrong) and the output carries no profile. Grey stays grey, colour stays colour: a grey scan is
never dressed up as colour, and a colour scan is never reduced to grey.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageChops, ImageCms

from beian_desktop.core.inspect import to_l_or_rgb

log = logging.getLogger(__name__)

# HEIF nclx colour primaries (ITU-T H.273) that mean sRGB's: 1 = BT.709, 2 = unspecified.
_SRGB_PRIMARIES = {1, 2}
# A profile whose transform to sRGB moves no test colour by more than this is sRGB already.
_SAME_AS_SRGB = 2
_TEST_LEVELS = (0, 64, 128, 192, 255)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A frame ready for resizing and encoding, in its stored orientation."""

    image: Image.Image  # "L" or "RGB", 8-bit, sRGB, no alpha
    converted_from: str | None  # the profile's description when an ICC conversion ran
    unconverted: str | None  # a colour space that could not be converted (kept as stored)


@functools.cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def read_profile(icc: bytes | None) -> ImageCms.ImageCmsProfile | None:
    """The embedded ICC profile, or None when there is none or it cannot be parsed."""
    if not icc:
        return None
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError, ValueError, TypeError):
        log.info("unreadable ICC profile ignored")
        return None


def describe(profile: ImageCms.ImageCmsProfile) -> str:
    try:
        return ImageCms.getProfileDescription(profile).strip() or "ICC"
    except ImageCms.PyCMSError:
        return "ICC"


@functools.cache
def _test_pattern() -> Image.Image:
    levels = _TEST_LEVELS
    colours = [(r, g, b) for r in levels for g in levels for b in levels]
    pattern = Image.new("RGB", (len(colours), 1))
    pattern.putdata(colours)
    return pattern


def is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    """Whether an RGB profile renders like sRGB (by transforming test colours, so any variant —
    'sRGB IEC61966-2.1', 'sRGB built-in', a camera's own copy — is recognised by what it does)."""
    if profile.profile.xcolor_space.strip() != "RGB":
        return False
    try:
        moved = ImageCms.profileToProfile(_test_pattern(), profile, _srgb(), outputMode="RGB")
    except ImageCms.PyCMSError:
        return False
    if moved is None:  # only with inPlace=True; keeps the type checker honest
        return False
    extrema = ImageChops.difference(moved, _test_pattern()).getextrema()
    return all(int(high) <= _SAME_AS_SRGB for _, high in extrema)  # type: ignore[misc]


def _to_srgb(image: Image.Image, profile: ImageCms.ImageCmsProfile) -> Image.Image | None:
    """`image` ("RGB" or "CMYK") converted from `profile` to sRGB; None when LittleCMS refuses
    (a profile for another colour space than the pixels', a broken table)."""
    try:
        converted = ImageCms.profileToProfile(
            image,
            profile,
            _srgb(),
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGB",
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
    except ImageCms.PyCMSError:
        log.info("ICC conversion refused; colours kept as stored")
        return None
    return converted


def _nclx_gamut(info: Mapping[Any, Any]) -> str | None:
    """A HEIF's colour primaries when they are not sRGB's and no ICC profile says more."""
    nclx = info.get("nclx_profile")
    if not isinstance(nclx, dict) or info.get("icc_profile"):
        return None
    primaries = nclx.get("color_primaries")
    if not isinstance(primaries, int) or primaries in _SRGB_PRIMARIES:
        return None
    return f"nclx primaries {primaries}"


def prepare(image: Image.Image, *, grey: bool) -> Prepared:
    """`image` as 8-bit sRGB "RGB", or "L" when it is grey already or `grey` asks for it.

    `grey`: the pixels are grey (measured) and the material does not require colour, so an RGB
    copy of grey pixels may become a smaller "L" JPEG. Alpha is composited on white and 16-bit
    data reduced by `to_l_or_rgb`; CMYK (Adobe-inverted files are already un-inverted by the
    decoder) goes through its embedded profile when there is one.
    """
    icc = image.info.get("icc_profile")
    profile = read_profile(icc)
    unconverted = "unreadable ICC profile" if icc and profile is None else _nclx_gamut(image.info)
    if image.mode == "CMYK":
        flat, converted_from = _cmyk_to_rgb(image, profile)
    else:
        flat, converted_from = to_l_or_rgb(image), None
        if flat.mode == "RGB" and profile is not None and not is_srgb(profile):
            result = _to_srgb(flat, profile)
            if result is None:
                unconverted = describe(profile)
            else:
                flat, converted_from = result, describe(profile)
    if grey and flat.mode == "RGB":
        flat = flat.convert("L")
    return Prepared(flat, converted_from, unconverted)


def _cmyk_to_rgb(
    image: Image.Image, profile: ImageCms.ImageCmsProfile | None
) -> tuple[Image.Image, str | None]:
    """CMYK through its own profile when it has one; else Pillow's plain conversion, which is
    what the CMYK values of office scanners and Photoshop's defaults approximately mean."""
    if profile is not None and profile.profile.xcolor_space.strip() == "CMYK":
        converted = _to_srgb(image, profile)
        if converted is not None:
            return converted, describe(profile)
    return image.convert("RGB"), None
