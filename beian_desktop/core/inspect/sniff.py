"""Recognise a file's format by its first bytes, never by its name.

The extension is only compared with the content: a mismatch is reported (and a rename offered),
because users rename files freely and upload portals check the extension.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from beian_desktop.core.errors import CorruptFile, EmptyFile, UnreadableFile, UnsupportedFormat

HEAD_BYTES = 1024  # %PDF may follow a little junk; PDF readers look this far
_PDF_MAGIC = b"%PDF-"


class FileKind(StrEnum):
    JPEG = "jpeg"  # also MPO (a JPEG with extra pictures appended)
    PNG = "png"  # also APNG
    TIFF = "tiff"  # also BigTIFF
    BMP = "bmp"
    WEBP = "webp"
    HEIF = "heif"  # HEIC and other ISO-BMFF still-image files
    AVIF = "avif"
    PDF = "pdf"
    GIF = "gif"
    JPEG2000 = "jpeg2000"
    UNKNOWN = "unknown"

    @property
    def supported(self) -> bool:
        return self not in _UNSUPPORTED

    @property
    def is_pdf(self) -> bool:
        return self is FileKind.PDF

    @property
    def label(self) -> str:
        """The name people know the format by."""
        return _LABELS[self]

    @property
    def extensions(self) -> tuple[str, ...]:
        """Extensions that fit this content, the usual one first (with the dot, lower case)."""
        return _EXTENSIONS[self]

    @property
    def pillow_formats(self) -> tuple[str, ...]:
        """Pillow plugin names allowed to open this kind (nothing else is tried)."""
        return _PILLOW_FORMATS[self]


_UNSUPPORTED = {FileKind.GIF, FileKind.JPEG2000, FileKind.UNKNOWN}
_LABELS = {
    FileKind.JPEG: "JPEG",
    FileKind.PNG: "PNG",
    FileKind.TIFF: "TIFF",
    FileKind.BMP: "BMP",
    FileKind.WEBP: "WebP",
    FileKind.HEIF: "HEIC/HEIF",
    FileKind.AVIF: "AVIF",
    FileKind.PDF: "PDF",
    FileKind.GIF: "GIF",
    FileKind.JPEG2000: "JPEG 2000",
    FileKind.UNKNOWN: "unknown",
}
_EXTENSIONS: dict[FileKind, tuple[str, ...]] = {
    FileKind.JPEG: (".jpg", ".jpeg", ".jpe", ".jfif", ".mpo"),
    FileKind.PNG: (".png", ".apng"),
    FileKind.TIFF: (".tif", ".tiff"),
    FileKind.BMP: (".bmp", ".dib"),
    FileKind.WEBP: (".webp",),
    FileKind.HEIF: (".heic", ".heif", ".hif", ".heics", ".heifs"),
    FileKind.AVIF: (".avif",),
    FileKind.PDF: (".pdf",),
    FileKind.GIF: (".gif",),
    FileKind.JPEG2000: (".jp2", ".j2k", ".jpf", ".jpx", ".j2c"),
    FileKind.UNKNOWN: (),
}
_PILLOW_FORMATS: dict[FileKind, tuple[str, ...]] = {
    FileKind.JPEG: ("JPEG", "MPO"),
    FileKind.PNG: ("PNG",),
    FileKind.TIFF: ("TIFF",),
    FileKind.BMP: ("BMP",),
    FileKind.WEBP: ("WEBP",),
    FileKind.HEIF: ("HEIF",),
    FileKind.AVIF: ("AVIF",),
    FileKind.PDF: (),
    FileKind.GIF: (),
    FileKind.JPEG2000: (),
    FileKind.UNKNOWN: (),
}

# ISO-BMFF brands (ISO/IEC 23008-12, 23000-22): which codec the picture inside uses.
_HEVC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_AVIF_BRANDS = {b"avif", b"avis"}
_OTHER_CODEC_BRANDS = {
    b"avci": "AVC/H.264",
    b"vvic": "VVC/H.266",
    b"jpeg": "JPEG",
    b"j2ki": "JPEG 2000",
}
_HEIF_GENERIC_BRANDS = {b"mif1", b"mif2", b"mif3", b"msf1", b"miaf"}
_HEIF_VARIANT_BRANDS = {b"msf1": "image sequence", b"mif3": "compact mif3"}  # as major brand


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What the content is, and how the file's name relates to it."""

    kind: FileKind
    size: int
    extension: str  # as named, lower case, "" when there is none
    codec_hint: str = ""  # for HEIF: the codec named by the file's brand, e.g. "HEVC"

    @property
    def extension_matches(self) -> bool:
        return self.extension in self.kind.extensions

    @property
    def claimed_kind(self) -> FileKind:
        """The kind the extension claims (UNKNOWN when it names no kind we know)."""
        for kind in FileKind:
            if self.extension and self.extension in kind.extensions:
                return kind
        return FileKind.UNKNOWN

    def suggested_name(self, name: str) -> str:
        """`name` with the usual extension for its content (only meaningful on a mismatch)."""
        if not self.kind.extensions:
            return name
        stem = name[: -len(self.extension)] if self.extension else name
        return stem + self.kind.extensions[0]

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "format": self.kind.label,
            "size": self.size,
            "extension": self.extension,
            "extension_matches": self.extension_matches,
            "codec_hint": self.codec_hint,
        }


def _iso_bmff(head: bytes) -> tuple[FileKind, str] | None:
    """HEIF/AVIF from the `ftyp` box: major brand, then compatible brands."""
    if len(head) < 16 or head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[:4], "big")
    end = min(max(box_size, 16), len(head))
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
    if brands[0] in _HEIF_VARIANT_BRANDS:
        return FileKind.HEIF, _HEIF_VARIANT_BRANDS[brands[0]]
    for brand in brands:
        if brand in _AVIF_BRANDS:
            return FileKind.AVIF, "AV1"
        if brand in _HEVC_BRANDS:
            return FileKind.HEIF, "HEVC"
        if brand in _OTHER_CODEC_BRANDS:
            return FileKind.HEIF, _OTHER_CODEC_BRANDS[brand]
    if any(brand in _HEIF_GENERIC_BRANDS for brand in brands):
        return FileKind.HEIF, ""
    return None


def kind_from_bytes(head: bytes) -> tuple[FileKind, str]:
    """The format of a file that starts with `head` (and a codec hint for HEIF)."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG, ""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG, ""
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return FileKind.TIFF, ""
    if head.startswith(b"BM"):
        return FileKind.BMP, ""
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return FileKind.WEBP, ""
    if head.startswith((b"GIF87a", b"GIF89a")):
        return FileKind.GIF, ""
    if head.startswith((b"\x00\x00\x00\x0cjP  \r\n\x87\n", b"\xff\x4f\xff\x51")):
        return FileKind.JPEG2000, ""
    bmff = _iso_bmff(head)
    if bmff is not None:
        return bmff
    if _PDF_MAGIC in head:
        return FileKind.PDF, ""
    return FileKind.UNKNOWN, ""


def sniff(path: Path | str) -> Sniffed:
    """Read the first bytes of `path` and say what it is. Raises EmptyFile / UnreadableFile."""
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, a pipe (would block), a device
            raise UnreadableFile(detail="not a regular file")
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
            size = stream.seek(0, 2)
    except OSError as error:
        raise UnreadableFile(detail=f"{type(error).__name__}: {error.strerror or error}") from None
    if size == 0:
        raise EmptyFile()
    kind, codec = kind_from_bytes(head)
    return Sniffed(kind=kind, size=size, extension=path.suffix.lower(), codec_hint=codec)


def require_supported(sniffed: Sniffed) -> None:
    """Raise the error a user should see when the content is no format the app accepts.

    A file named like a supported format whose header is unrecognisable is reported as damaged
    (a ".pdf" without %PDF), anything else as unsupported (GIF, JPEG 2000, unknown content).
    """
    if sniffed.kind.supported:
        return
    if sniffed.kind is not FileKind.UNKNOWN:
        raise UnsupportedFormat(sniffed.kind.label)
    claimed = sniffed.claimed_kind
    if claimed.supported:
        raise CorruptFile(claimed.label, detail="no recognisable header")
    raise UnsupportedFormat()
