"""What goes into a PDF/A conversion besides the files, and the report that comes out of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from beian_desktop import __version__
from beian_desktop.core.text import Text

CREATOR_TOOL = f"Beian Desktop {__version__}"
FLAVOURS = ("2b", "1b")

# What happened to an input, as a whole:
PASSTHROUGH = "passthrough"  # every page embedded as its compressed data was (JPEG, CCITT G4)
REENCODED = "re-encoded"  # at least one page decoded and encoded again
KEPT = "kept"  # a PDF that already passed PDF/A validation: its pages are unchanged
REPAIRED = "repaired"  # a PDF whose pages pass once the forbidden parts are removed
RASTERISED = "rasterised"  # a PDF whose pages could not pass: rendered at 300 dpi


def check_flavour(flavour: str) -> str:
    """The canonical flavour name ("2b" or "1b"); ValueError for anything else."""
    canonical = flavour.strip().lower()
    if canonical not in FLAVOURS:
        raise ValueError(f"PDF/A flavour must be one of {FLAVOURS}, not {flavour!r}")
    return canonical


@dataclass(frozen=True, slots=True)
class PdfaMetadata:
    """Document metadata, written to both XMP and the Info dictionary.

    `timestamp` becomes the creation, modification and metadata dates: the same inputs with the
    same timestamp give the same bytes. A naive timestamp is taken as UTC.
    """

    title: str
    timestamp: dt.datetime
    author: str | None = None  # dc:creator / Info Author, e.g. the subject's full name
    creator_tool: str = CREATOR_TOOL

    @classmethod
    def for_material(
        cls,
        subject_name: str,
        filing_type: str,
        material_name: str,
        timestamp: dt.datetime,
    ) -> PdfaMetadata:
        """Title 主体全称-办理项-材料名, the subject as author."""
        title = "-".join(part for part in (subject_name, filing_type, material_name) if part)
        return cls(title=title, timestamp=timestamp, author=subject_name or None)

    @property
    def aware_timestamp(self) -> dt.datetime:
        stamp = self.timestamp
        return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """One page of the output and where it came from."""

    source_page: int  # 0-based page or frame of the input
    width_pt: float  # as displayed
    height_pt: float
    encoding: str  # "jpeg-passthrough", "ccitt-g4", "flate", "pdf-page", "rendered-jpeg", …
    effective_dpi: float | None  # None for a PDF page without a picture
    size_basis: str | None = None  # images: "metadata", "material" or "a4"
    rotate: int = 0  # /Rotate given to the page (EXIF rotations of passthrough pictures)

    def to_dict(self) -> dict[str, object]:
        return {
            "source_page": self.source_page,
            "width_pt": round(self.width_pt, 2),
            "height_pt": round(self.height_pt, 2),
            "encoding": self.encoding,
            "effective_dpi": None if self.effective_dpi is None else round(self.effective_dpi, 1),
            "size_basis": self.size_basis,
            "rotate": self.rotate,
        }


@dataclass(frozen=True, slots=True)
class InputOutcome:
    """What was done with one input file."""

    file: str  # the name only (reports may be shown or logged)
    format: str  # e.g. "JPEG", "PDF"
    action: str  # PASSTHROUGH, REENCODED, KEPT, REPAIRED or RASTERISED
    pages: tuple[PageOutcome, ...]
    notes: tuple[Text, ...] = ()  # what changed and why, for the user
    rules: tuple[str, ...] = ()  # PDFs: the PDF/A rules that made repair or rendering necessary

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "format": self.format,
            "action": self.action,
            "pages": [page.to_dict() for page in self.pages],
            "notes": [note.to_dict() for note in self.notes],
            "rules": list(self.rules),
        }


@dataclass(frozen=True, slots=True)
class PdfaReport:
    """The result of `to_pdfa`: per input what was done, and the output file."""

    output: str  # the file's name
    flavour: str
    size_bytes: int
    inputs: tuple[InputOutcome, ...]
    notes: tuple[Text, ...] = field(default=())

    @property
    def page_count(self) -> int:
        return sum(len(item.pages) for item in self.inputs)

    def to_dict(self) -> dict[str, object]:
        return {
            "output": self.output,
            "flavour": self.flavour,
            "size_bytes": self.size_bytes,
            "page_count": self.page_count,
            "inputs": [item.to_dict() for item in self.inputs],
            "notes": [note.to_dict() for note in self.notes],
        }
