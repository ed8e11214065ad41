"""Writing PDF/A: pikepdf.pdfa.save, made deterministic.

pikepdf's preparation stamps xmp:MetadataDate with the current time, so the same document saved
twice differs. We prepare, pin that date to the caller's timestamp, then save without a second
preparation; pikepdf still validates the bytes it wrote and refuses to leave a failing file.

The trailer /ID must not be random either. By default qpdf derives it from an MD5 of the whole
output (deterministic_id), which costs a pass over every byte — noticeable for 50 MB of scans.
A caller that already knows a content digest passes it as `document_id`: it becomes the first
/ID string, and qpdf's fixed second string (static_id) keeps the file stable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pikepdf import pdfa


def save_pdfa(
    pdf: pikepdf.Pdf,
    target: Path | BinaryIO,
    flavour: str,
    timestamp: dt.datetime,
    *,
    document_id: bytes | None = None,
) -> pdfa.Report:
    """Prepare `pdf` for PDF/A-`flavour`, save it to `target`, and return pikepdf's report.

    `document_id` (16 bytes, derived from the content by the caller) replaces the MD5 of the
    output as the file identifier. Raises pikepdf.pdfa.PdfaError when the written file does
    not pass (nothing is left at `target` then).
    """
    pdfa.prepare(pdf, flavour)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["xmp:MetadataDate"] = timestamp.isoformat()
    if document_id is None:
        return pdfa.save(pdf, target, flavour, repair=False, deterministic_id=True)
    identifier = pikepdf.String(document_id)
    pdf.trailer.ID = pikepdf.Array([identifier, identifier])
    return pdfa.save(pdf, target, flavour, repair=False, static_id=True)
