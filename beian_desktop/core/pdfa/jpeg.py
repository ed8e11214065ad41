"""JPEG structure, read from the markers without decoding a pixel.

Passing a JPEG into a PDF byte for byte (DCTDecode) is only safe when every PDF reader can
decode it: 8-bit, Huffman-coded baseline, extended or progressive (SOF0/1/2), 1, 3 or 4
components, and complete. Completeness is checked on the structure: the entropy-coded data may
contain no marker but RSTn, and the last scan must end in EOI. That catches truncated files and
scans cut short (libjpeg would decode them as grey bands) at the cost of a byte search, where a
decode would cost more than the whole conversion; `inspect()` decodes every file it accepts.
A single-picture JPEG file whose last bytes are EOI (`ends_at_eoi`) skips the search: a
truncated file does not end that way, and pictures appended to a first one (MPO, gain maps)
make it a multi-picture file, which is searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SOI, EOI, SOS, DHT, DQT, DRI = 0xD8, 0xD9, 0xDA, 0xC4, 0xDB, 0xDD
APP0, APP2, APP14, COM = 0xE0, 0xE2, 0xEE, 0xFE
_DECODING_APPS = {APP0, APP2, APP14}  # JFIF, ICC profile, Adobe colour transform
PASSABLE_SOF = {0xC0, 0xC1, 0xC2}  # Huffman baseline, extended sequential, progressive
_ANY_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RSTn carry no length
# In entropy-coded data 0xFF is followed by 0x00 (stuffing), RSTn or fill bytes; anything else
# is a marker and ends the scan.
_MARKER_IN_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_RESTART = re.compile(rb"\xff[\xd0-\xd7]")


@dataclass(frozen=True, slots=True)
class Segment:
    marker: int
    start: int  # offset of the 0xFF
    end: int  # offset just past the segment (for SOS: past its header, not its data)

    def body(self, data: bytes) -> bytes:
        return data[self.start + 4 : self.end]


@dataclass(frozen=True, slots=True)
class JpegLayout:
    """What a JPEG's markers say, and where its data ends."""

    sof: int
    precision: int
    width: int
    height: int
    components: int
    adobe_transform: int | None  # APP14 "Adobe" transform flag; None without that marker
    end: int  # offset just past EOI: bytes after it (MPO pictures, junk) are not the image

    @property
    def passable(self) -> bool:
        """DCTDecode in every PDF reader takes it as it is."""
        return (
            self.sof in PASSABLE_SOF
            and self.precision == 8
            and self.components in (1, 3, 4)
            and self.width > 0
            and self.height > 0
        )


def header_segments(data: bytes, start: int = 0) -> list[Segment] | None:
    """The marker segments from SOI at `start` up to and including the first SOS header, or
    None when the structure is broken."""
    if data[start : start + 2] != b"\xff\xd8":
        return None
    segments, offset = [], start + 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte before a marker
            offset += 1
            continue
        if marker in _STANDALONE:
            offset += 2
            continue
        length = int.from_bytes(data[offset + 2 : offset + 4], "big")
        end = offset + 2 + length
        if length < 2 or end > len(data):
            return None
        segments.append(Segment(marker, offset, end))
        if marker == SOS:
            return segments
        if marker == EOI:
            return None
        offset = end
    return None


def scan_end(data: bytes, offset: int) -> int | None:
    """Offset just past EOI for scan data starting at `offset`; between the scans of a
    progressive JPEG only table and scan headers may appear. None when the data is incomplete."""
    while True:
        found = _MARKER_IN_SCAN.search(data, offset)
        if found is None:
            return None
        marker = data[found.start() + 1]
        if marker == EOI:
            return found.start() + 2
        if marker not in (SOS, DHT, DQT, DRI) and not 0xE0 <= marker <= 0xFE:
            return None  # e.g. a second SOI: the scan was cut short
        if found.start() + 4 > len(data):
            return None
        length = int.from_bytes(data[found.start() + 2 : found.start() + 4], "big")
        offset = found.start() + 2 + length
        if length < 2 or offset > len(data):
            return None


def has_restarts(data: bytes, start: int, end: int) -> bool:
    """Whether the entropy-coded data between `start` and `end` holds RSTn markers."""
    return _RESTART.search(data, start, end) is not None


def _adobe_transform(data: bytes, segments: list[Segment]) -> int | None:
    for segment in segments:
        body = segment.body(data)
        if segment.marker == APP14 and body.startswith(b"Adobe") and len(body) >= 12:
            return body[11]
    return None


def layout(data: bytes, *, ends_at_eoi: bool = False) -> JpegLayout | None:
    """The layout of a complete JPEG, or None when it is broken or incomplete.

    `ends_at_eoi`: the data is one picture, so EOI as its last two bytes ends its last scan.
    """
    segments = header_segments(data)
    if segments is None:
        return None
    sof = next((s for s in segments if s.marker in _ANY_SOF), None)
    if sof is None or sof.end - sof.start < 10:
        return None
    body = sof.body(data)
    if ends_at_eoi and data.endswith(b"\xff\xd9"):
        end: int | None = len(data)
    else:
        end = scan_end(data, segments[-1].end)
    if end is None:
        return None
    return JpegLayout(
        sof=sof.marker,
        precision=body[0],
        height=int.from_bytes(body[1:3], "big"),
        width=int.from_bytes(body[3:5], "big"),
        components=body[5],
        adobe_transform=_adobe_transform(data, segments),
        end=end,
    )


def without_metadata(data: bytes) -> bytes:
    """`data` without its descriptive segments (EXIF and XMP in APP1, IPTC in APP13, comments,
    other APPn): they may record where a photo was taken. Segments that affect decoding (JFIF,
    ICC, Adobe) stay; the compressed picture is not touched."""
    segments = header_segments(data)
    if segments is None:
        return data
    dropped = [
        s
        for s in segments
        if (APP0 <= s.marker <= 0xEF or s.marker == COM) and s.marker not in _DECODING_APPS
    ]
    if not dropped:
        return data
    parts, offset = [], 0
    for segment in dropped:
        parts.append(data[offset : segment.start])
        offset = segment.end
    parts.append(data[offset:])
    return b"".join(parts)
