"""When an input may go to the upload system byte for byte, untouched.

Re-encoding a JPEG always loses a little, so a file that already meets every limit is copied:
a baseline JPEG (or, where the profile takes PNG, an 8-bit PNG) that reads upright without EXIF,
in sRGB (or grey), within the profile's size window, without a recorded location. The reasons a
file does not qualify are returned by name, for logs and tests.
"""

from __future__ import annotations

import struct
from pathlib import Path

from beian_desktop.core.convert.colour import is_srgb, read_profile
from beian_desktop.core.inspect import FileKind, FrameInfo
from beian_desktop.core.rules.model import UploadProfile

# Frame types (SOFn) readers everywhere decode: baseline and extended sequential Huffman DCT.
# Progressive, arithmetic-coded, lossless and hierarchical JPEGs are re-encoded.
_SEQUENTIAL_SOF = {0xC0, 0xC1}
_ANY_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RSTn carry no length
_PNG_IHDR_DEPTH = 24  # offset of the bit-depth byte: signature 8 + length 4 + "IHDR" 4 + w, h
_UPLOAD_NAMES = {FileKind.JPEG: ("jpeg", "jpg"), FileKind.PNG: ("png",)}


def jpeg_frame_type(path: Path) -> int | None:
    """The SOFn marker's second byte (0xC0 baseline, 0xC2 progressive, …), or None when the
    marker segments do not lead to one. Reads segment headers only."""
    with path.open("rb") as handle:
        if handle.read(2) != b"\xff\xd8":
            return None
        while True:
            byte = handle.read(1)
            while byte == b"\xff":  # fill bytes before a marker
                byte = handle.read(1)
            if not byte:
                return None
            marker = byte[0]
            if marker in _ANY_SOF:
                return marker
            if marker == 0xDA or marker == 0xD9:  # scan data or end before any frame header
                return None
            if marker in _STANDALONE:
                continue
            length = handle.read(2)
            if len(length) != 2 or struct.unpack(">H", length)[0] < 2:
                return None
            handle.seek(struct.unpack(">H", length)[0] - 2, 1)
            if handle.read(1) != b"\xff":
                return None


def png_bit_depth(path: Path) -> int:
    with path.open("rb") as handle:
        header = handle.read(_PNG_IHDR_DEPTH + 1)
    return header[_PNG_IHDR_DEPTH] if len(header) > _PNG_IHDR_DEPTH else 0


def copy_blockers(
    path: Path,
    kind: FileKind,
    pillow_format: str,
    frames: int,
    info: FrameInfo,
    size: int,
    profile: UploadProfile,
) -> list[str]:
    """Why the file cannot be uploaded as it is (empty: it can)."""
    accepted = {name.lower() for name in profile.formats}
    if kind not in _UPLOAD_NAMES or not accepted & set(_UPLOAD_NAMES[kind]):
        return ["format"]
    blockers = []
    if frames != 1 or pillow_format not in ("JPEG", "PNG"):
        blockers.append("frames")  # MPO depth maps, APNG animation: more than the picture
    if kind is FileKind.JPEG and jpeg_frame_type(path) not in _SEQUENTIAL_SOF:
        blockers.append("not-baseline")
    if kind is FileKind.PNG and png_bit_depth(path) != 8:
        blockers.append("bit-depth")
    if info.orientation != 1:
        blockers.append("orientation")
    if info.mode not in ("RGB", "L") or info.alpha:
        blockers.append("mode")
    if info.mode == "RGB" and not _srgb_or_none(info.icc_profile):
        blockers.append("colour-profile")
    if info.location:
        blockers.append("location")
    if not profile.accepts_size(size):
        blockers.append("size")
    return blockers


def _srgb_or_none(icc: bytes | None) -> bool:
    if icc is None:
        return True
    profile = read_profile(icc)
    return profile is not None and is_srgb(profile)
