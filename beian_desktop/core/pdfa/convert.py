"""`to_pdfa(inputs, out, flavour, metadata=…)`: scans and PDFs as one PDF/A archive file.

The inputs' pages go into one document in order (all files of one material: ID card front and
back, the pages of a letter). The document is written by `save_pdfa`, which validates the bytes
before they reach `out` and writes atomically. Should validation refuse it anyway — a passed-
through JPEG or a kept page that pikepdf's check judged differently from its validator — the
conversion runs once more in a cautious mode: every picture decoded and re-encoded in sRGB,
every PDF rendered. The originals are only ever read.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

import pikepdf
from pikepdf import pdfa

from beian_desktop.core.atomic import copy_or_link
from beian_desktop.core.errors import PdfaFailed
from beian_desktop.core.inspect import (
    A4,
    FileKind,
    Limits,
    Sniffed,
    decode_boundary,
    open_pdf,
    sniff,
)
from beian_desktop.core.pdfa.model import (
    KEPT,
    InputOutcome,
    PdfaMetadata,
    PdfaReport,
    check_flavour,
)
from beian_desktop.core.pdfa.pages import ImagePages
from beian_desktop.core.pdfa.pdfinput import NOTE_KEPT, add_pdf, page_outcomes, valid_as_is
from beian_desktop.core.pdfa.raster import Target, add_picture
from beian_desktop.core.pdfa.save import save_pdfa
from beian_desktop.core.rules.model import Material
from beian_desktop.core.text import Text

log = logging.getLogger(__name__)
_SAMPLE = 64 * 1024

NOTE_CAUTIOUS = Text(
    "首次生成未通过 PDF/A 校验，已改为全部重新编码后生成。",
    "The first attempt did not pass PDF/A validation; every page was re-encoded instead.",
)
NOTE_UNTOUCHED = Text(
    "文件已是合格的 PDF/A，原样复制，标题等元数据未改动。",
    "The file is valid PDF/A already and was copied unchanged, including its title and dates.",
)


def _write_metadata(pdf: pikepdf.Pdf, metadata: PdfaMetadata) -> None:
    """Title, author, creator tool and dates, in XMP and (by pikepdf) the Info dictionary."""
    stamp = metadata.aware_timestamp.isoformat()
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = metadata.title
        if metadata.author:
            meta["dc:creator"] = [metadata.author]
        meta["xmp:CreatorTool"] = metadata.creator_tool
        meta["xmp:CreateDate"] = stamp
        meta["xmp:ModifyDate"] = stamp


def document_id(sources: list[Path], flavour: str, metadata: PdfaMetadata) -> bytes:
    """A file identifier derived from what the document is made of, cheaply: each input's size
    and its first and last 64 KiB (compressed data differs there between any two scans), the
    flavour and the metadata. Same inputs, same identifier; no pass over every byte."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{flavour}\0{metadata}".encode())
    for source in sources:
        with source.open("rb") as stream:
            size = stream.seek(0, 2)
            stream.seek(0)
            head = stream.read(_SAMPLE)
            stream.seek(max(size - _SAMPLE, 0))
            digest.update(size.to_bytes(8, "big") + head + stream.read(_SAMPLE))
    return digest.digest()


def _build(
    sources: list[tuple[Path, Sniffed]], out: Path, target: Target, metadata: PdfaMetadata
) -> tuple[InputOutcome, ...]:
    with ExitStack() as stack:  # PDF sources stay open: pikepdf copies their streams on save
        pdf = stack.enter_context(pikepdf.new())
        pages = ImagePages(pdf)
        outcomes = []
        for source, sniffed in sources:
            if sniffed.kind is FileKind.PDF:
                outcomes.append(add_pdf(source, sniffed, target, pages, stack))
            else:
                outcomes.append(add_picture(source, sniffed, target, pages))
        _write_metadata(pdf, metadata)
        with decode_boundary():
            identifier = document_id([path for path, _ in sources], target.flavour, metadata)
        save_pdfa(pdf, out, target.flavour, metadata.aware_timestamp, document_id=identifier)
    return tuple(outcomes)


def _refuse_inputs_as_output(sources: list[Path], out: Path) -> None:
    resolved = out.resolve()
    if any(source.resolve() == resolved for source in sources):
        raise ValueError(f"the output {out.name} would overwrite an input")


def _kept_whole(
    source: Path, sniffed: Sniffed, out: Path, flavour: str, limits: Limits
) -> PdfaReport | None:
    """One PDF that passes as it is: copied byte for byte ("passes untouched")."""
    if sniffed.kind is not FileKind.PDF:
        return None
    with open_pdf(source, limits=limits, sniffed=sniffed) as document:
        if not valid_as_is(source, flavour):
            return None
        outcomes = page_outcomes(document, "pdf-page")
    copy_or_link(source, out)
    outcome = InputOutcome(source.name, "PDF", KEPT, outcomes, (NOTE_KEPT, NOTE_UNTOUCHED))
    return PdfaReport(out.name, flavour, out.stat().st_size, (outcome,))


def to_pdfa(
    inputs: Sequence[Path | str],
    out: Path,
    flavour: str = "2b",
    *,
    metadata: PdfaMetadata,
    material: Material | None = None,
    limits: Limits | None = None,
) -> PdfaReport:
    """Convert `inputs` (pictures and PDFs, in page order) into one PDF/A file at `out`.

    `material` gives the physical size for pages whose DPI metadata is not credible (A4 when
    None). Raises `InputFileError` subclasses for inputs that cannot be read (`EncryptedPdf` for
    password-protected PDFs), `PdfaFailed` when no valid PDF/A could be made, ValueError for an
    unknown flavour, no inputs, or `out` naming one of the inputs.
    """
    flavour = check_flavour(flavour)
    sources = [Path(path) for path in inputs]
    if not sources:
        raise ValueError("to_pdfa needs at least one input")
    out = Path(out)
    _refuse_inputs_as_output(sources, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    limits = limits or Limits()
    sniffed = [(source, sniff(source)) for source in sources]  # unreadable inputs fail first
    if len(sniffed) == 1:
        kept = _kept_whole(*sniffed[0], out, flavour, limits)
        if kept is not None:
            return kept
    formats = material.formats if material is not None else (A4,)
    target = Target(flavour, formats, material is not None, limits)
    notes: tuple[Text, ...] = ()
    try:
        outcomes = _build(sniffed, out, target, metadata)
    except pdfa.PdfaError as error:
        log.info("PDF/A validation refused the first attempt:\n%s", error.report.summary())
        cautious = Target(flavour, formats, material is not None, limits, passthrough=False)
        try:
            outcomes = _build(sniffed, out, cautious, metadata)
        except pdfa.PdfaError as again:
            raise PdfaFailed(again.report.summary()) from None
        notes = (NOTE_CAUTIOUS,)
    return PdfaReport(out.name, flavour, out.stat().st_size, outcomes, notes)
