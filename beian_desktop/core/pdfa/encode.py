"""Encoded images, ready to become PDF image XObjects: passthrough or freshly encoded.

Encodings (never JPEG 2000 or LZW): DCT for photos and for what was JPEG before (quality 90),
Flate with PNG predictors for lossless greyscale and colour (Pillow's PNG encoder chooses the
filters; its IDAT data is a valid FlateDecode stream), CCITT G4 for bilevel pages.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import Image, TiffImagePlugin

JPEG_QUALITY = 90
_BIG_STRIP = 2**31 - 1  # asks libtiff for one strip per page
_TAG_STRIP_OFFSETS, _TAG_STRIP_BYTES, _TAG_PHOTOMETRIC = 273, 279, 262
_BLACK_IS_ZERO = 1

Parms = dict[str, int | bool]


@dataclass(frozen=True, slots=True)
class EncodedImage:
    """Compressed pixels plus what the PDF image dictionary needs to decode them."""

    data: bytes
    width: int
    height: int
    channels: int  # 1 (grey or bilevel) or 3 (RGB)
    bits: int  # 1 or 8
    filter: str  # "/DCTDecode", "/FlateDecode" or "/CCITTFaxDecode"
    encoding: str  # for the report: "jpeg-passthrough", "jpeg", "flate", "ccitt-g4", …
    parms: Parms | None = None
    icc: bytes | None = None  # an ICCBased profile that fits; None: DeviceGray / DeviceRGB

    @property
    def passthrough(self) -> bool:
        return self.encoding.endswith("passthrough")


def jpeg(image: Image.Image, quality: int = JPEG_QUALITY) -> EncodedImage:
    """An "L" or "RGB" image as a baseline JPEG."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return EncodedImage(
        buffer.getvalue(), image.width, image.height, _channels(image), 8, "/DCTDecode", "jpeg"
    )


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, offset = [], 8
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunks.append((kind, data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return chunks


def flate(image: Image.Image) -> EncodedImage:
    """An "L" or "RGB" image, lossless: the zlib stream of a PNG, with its row predictors."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    idat = b"".join(body for kind, body in _png_chunks(buffer.getvalue()) if kind == b"IDAT")
    channels = _channels(image)
    parms: Parms = {
        "/Predictor": 15,
        "/Colors": channels,
        "/BitsPerComponent": 8,
        "/Columns": image.width,
    }
    return EncodedImage(
        idat, image.width, image.height, channels, 8, "/FlateDecode", "flate", parms
    )


def ccitt_parms(width: int, height: int, black_is_1: bool) -> Parms:
    return {"/K": -1, "/Columns": width, "/Rows": height, "/BlackIs1": black_is_1}


def g4(image: Image.Image) -> EncodedImage:
    """A bilevel ("1") image as CCITT Group 4, encoded by libtiff in a single strip."""
    buffer = io.BytesIO()
    image.save(buffer, "TIFF", compression="group4", strip_size=_BIG_STRIP)
    data = buffer.getvalue()
    with TiffImagePlugin.TiffImageFile(io.BytesIO(data)) as written:
        tags = written.tag_v2
        offset, size = tags[_TAG_STRIP_OFFSETS][0], tags[_TAG_STRIP_BYTES][0]
        black_is_1 = tags.get(_TAG_PHOTOMETRIC) == _BLACK_IS_ZERO
    return EncodedImage(
        data[offset : offset + size],
        image.width,
        image.height,
        1,
        1,
        "/CCITTFaxDecode",
        "ccitt-g4",
        ccitt_parms(image.width, image.height, black_is_1),
    )


def _channels(image: Image.Image) -> int:
    if image.mode not in ("L", "RGB"):
        raise ValueError(f"expected an L or RGB image, got {image.mode}")
    return 1 if image.mode == "L" else 3
