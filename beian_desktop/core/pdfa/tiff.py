"""TIFF pages whose compressed data can go into the PDF as it is: CCITT G4 and JPEG.

- G4 in one strip is exactly a PDF CCITTFaxDecode stream (K = -1). Several strips cannot be
  joined (each restarts from a white reference line); those pages are re-encoded, losslessly.
- JPEG-compressed TIFFs (compression 7) store each strip as a small JPEG whose tables may sit in
  the shared JPEGTables tag. Strips of whole MCU rows, sharing one set of tables, join into one
  baseline JPEG without decoding: each strip becomes a restart interval (DRI/RSTn reset the DC
  prediction exactly as a new strip does). A single strip is the simple case of the same join.

Anything unusual (tiles, planar data, odd bit depths, fill order, CMYK, strips with different
tables or restart markers of their own) returns None, and the caller decodes and re-encodes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beian_desktop.core.pdfa import jpeg
from beian_desktop.core.pdfa.encode import EncodedImage, ccitt_parms

IMAGE_WIDTH, IMAGE_LENGTH, ORIENTATION = 256, 257, 274
COMPRESSION, PHOTOMETRIC, FILL_ORDER, STRIP_OFFSETS = 259, 262, 266, 273
ROWS_PER_STRIP, STRIP_BYTE_COUNTS, PLANAR, T6_OPTIONS = 278, 279, 284, 293
BITS, SAMPLES, TILE_WIDTH, JPEG_TABLES = 258, 277, 322, 347
G4, JPEG_COMPRESSION = 4, 7
WHITE_IS_ZERO, BLACK_IS_ZERO, RGB, YCBCR = 0, 1, 2, 6
_SOF = {0xC0, 0xC1}  # sequential Huffman: strips of progressive JPEG cannot become intervals
_TABLES = {jpeg.DQT, jpeg.DHT}
_MAX_INTERVAL = 0xFFFF


def _strips(path: Path, tags: Mapping[int, Any]) -> list[bytes] | None:
    offsets, counts = tags.get(STRIP_OFFSETS), tags.get(STRIP_BYTE_COUNTS)
    if not isinstance(offsets, tuple) or not isinstance(counts, tuple):
        return None
    if not offsets or len(offsets) != len(counts):
        return None
    size = path.stat().st_size
    if any(o < 0 or c <= 0 or o + c > size for o, c in zip(offsets, counts, strict=True)):
        return None
    strips = []
    with path.open("rb") as stream:
        for offset, count in zip(offsets, counts, strict=True):
            stream.seek(offset)
            strips.append(stream.read(count))
    return strips


def _plain_layout(tags: Mapping[int, Any], bits: tuple[int, ...]) -> bool:
    """Stored in strips, chunky, with the default bit order and the given bits per sample."""
    return (
        TILE_WIDTH not in tags
        and tags.get(PLANAR, 1) == 1
        and tags.get(FILL_ORDER, 1) == 1
        and tuple(tags.get(BITS, ())) == bits
    )


def g4_strip(path: Path, tags: Mapping[int, Any], width: int, height: int) -> EncodedImage | None:
    """The page's G4 data as a CCITTFaxDecode stream, when it is one strip of plain G4."""
    photometric = tags.get(PHOTOMETRIC)
    if (
        tags.get(COMPRESSION) != G4
        or not _plain_layout(tags, (1,))
        or tags.get(T6_OPTIONS, 0) != 0  # "uncompressed mode" runs: not in PDF's decoder
        or photometric not in (WHITE_IS_ZERO, BLACK_IS_ZERO)
    ):
        return None
    strips = _strips(path, tags)
    if strips is None or len(strips) != 1:
        return None
    parms = ccitt_parms(width, height, black_is_1=photometric == BLACK_IS_ZERO)
    return EncodedImage(
        strips[0], width, height, 1, 1, "/CCITTFaxDecode", "ccitt-g4-passthrough", parms
    )


# -- JPEG strips -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Strip:
    tables: bytes  # DQT/DHT segments in the strip itself
    sof_marker: int  # SOF0 or SOF1
    sof: bytes  # the SOF segment body
    sos: bytes  # the SOS segment, whole
    scan: bytes  # entropy-coded data


def _parse_strip(data: bytes) -> _Strip | None:
    segments = jpeg.header_segments(data)
    if segments is None:
        return None
    sofs = [s for s in segments if s.marker in _SOF]
    others = [s for s in segments if s.marker not in _SOF | _TABLES | {jpeg.SOS}]
    if len(sofs) != 1 or any(0xC0 <= s.marker <= 0xCF or s.marker == jpeg.DRI for s in others):
        return None
    end = jpeg.scan_end(data, segments[-1].end)
    if end is None or jpeg.has_restarts(data, segments[-1].end, end):
        return None  # incomplete, or has restart intervals of its own
    tables = b"".join(data[s.start : s.end] for s in segments if s.marker in _TABLES)
    sos = segments[-1]
    scan = data[sos.end : end - 2]
    return _Strip(tables, sofs[0].marker, sofs[0].body(data), data[sos.start : sos.end], scan)


def _shared_tables(tags: Mapping[int, Any]) -> bytes | None:
    """DQT/DHT segments of the JPEGTables tag (b"" when there is none)."""
    tables = tags.get(JPEG_TABLES)
    if tables is None:
        return b""
    if not isinstance(tables, bytes):
        return None
    tables = tables.removesuffix(b"\xff\xd9")  # an abbreviated JPEG: SOI, tables, EOI
    segments = jpeg.header_segments(tables + b"\xff\xda\x00\x02")  # a stub SOS ends the walk
    if segments is None or any(s.marker not in _TABLES | {jpeg.SOS} for s in segments):
        return None
    return b"".join(tables[s.start : s.end] for s in segments[:-1])


def _mcu(sof: bytes) -> tuple[int, int]:
    """MCU width and height in pixels from an SOF body (one component: 8 × 8)."""
    count = sof[5]
    if count == 1:
        return 8, 8
    factors = [sof[6 + 3 * i + 1] for i in range(count)]
    return 8 * max(f >> 4 for f in factors), 8 * max(f & 15 for f in factors)


def _same_shape(first: bytes, other: bytes, rows: int, width: int) -> bool:
    """The strips' SOF bodies differ only in their height, which is `rows`."""
    return (
        other[0] == 8
        and int.from_bytes(other[1:3], "big") == rows
        and int.from_bytes(other[3:5], "big") == width
        and other[5:] == first[5:]
    )


def _restart_interval(parsed: Sequence[_Strip], rows: int, width: int, height: int) -> int | None:
    mcu_w, mcu_h = _mcu(parsed[0].sof)
    if len(parsed) > 1 and rows % mcu_h:
        return None  # a strip ending inside an MCU row would leave padding rows in the join
    heights = [rows] * (len(parsed) - 1) + [height - rows * (len(parsed) - 1)]
    if heights[-1] <= 0 or not all(
        _same_shape(parsed[0].sof, strip.sof, h, width)
        for strip, h in zip(parsed, heights, strict=True)
    ):
        return None
    if len(parsed) == 1:
        return 0  # nothing to join: no restart interval needed
    interval = -(-width // mcu_w) * (rows // mcu_h)
    return interval if 0 < interval <= _MAX_INTERVAL else None


def _segment(marker: int, body: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(body) + 2).to_bytes(2, "big") + body


def _adobe(transform: int) -> bytes:
    """APP14 "Adobe": tells every decoder whether the three channels are YCbCr (1) or RGB (0)."""
    return _segment(jpeg.APP14, b"Adobe\x00\x64\x00\x00\x00\x00" + bytes((transform,)))


def _join(parsed: Sequence[_Strip], shared: bytes, interval: int, height: int, rgb: bool) -> bytes:
    first = parsed[0]
    sof = first.sof[:1] + height.to_bytes(2, "big") + first.sof[3:]
    head = [b"\xff\xd8", _adobe(0 if rgb else 1) if first.sof[5] == 3 else b""]
    head += [shared, first.tables, _segment(first.sof_marker, sof)]
    if len(parsed) > 1:
        head.append(_segment(jpeg.DRI, interval.to_bytes(2, "big")))
    body = [first.sos]
    for index, strip in enumerate(parsed):
        if index:
            body.append(bytes((0xFF, 0xD0 + (index - 1) % 8)))
        body.append(strip.scan)
    return b"".join(head + body) + b"\xff\xd9"


def joined_jpeg(
    path: Path, tags: Mapping[int, Any], width: int, height: int
) -> EncodedImage | None:
    """The page's JPEG strips as one baseline JPEG, or None when they cannot be joined."""
    photometric, samples = tags.get(PHOTOMETRIC), tags.get(SAMPLES, 1)
    colour = samples == 3 and photometric in (RGB, YCBCR)
    grey = samples == 1 and photometric == BLACK_IS_ZERO
    if tags.get(COMPRESSION) != JPEG_COMPRESSION or not (colour or grey):
        return None
    if not _plain_layout(tags, (8,) * samples):
        return None
    shared, strips = _shared_tables(tags), _strips(path, tags)
    if shared is None or strips is None:
        return None
    parsed = [_parse_strip(strip) for strip in strips]
    valid = [strip for strip in parsed if strip is not None]
    if len(valid) != len(parsed) or any(s.tables not in (b"", valid[0].tables) for s in valid):
        return None
    first = valid[0]
    if any(s.sos != first.sos or s.sof_marker != first.sof_marker for s in valid):
        return None
    if first.sof[5] != samples:
        return None
    rows = int(tags.get(ROWS_PER_STRIP, height))
    interval = _restart_interval(valid, min(rows, height), width, height)
    if interval is None:
        return None
    data = _join(valid, shared, interval, height, rgb=photometric == RGB)
    parms = {"/ColorTransform": 0 if photometric == RGB else 1} if colour else None
    return EncodedImage(data, width, height, samples, 8, "/DCTDecode", "jpeg-passthrough", parms)
