"""Writing PDF/A: pikepdf.pdfa.save, made deterministic.

pikepdf's preparation stamps xmp:MetadataDate with the current time, so the same document saved
twice differs. We prepare, pin that date to the caller's timestamp, then save without a second
preparation; pikepdf still validates the bytes it wrote and refuses to leave a failing file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pikepdf import pdfa


def save_pdfa(
    pdf: pikepdf.Pdf, target: Path | BinaryIO, flavour: str, timestamp: dt.datetime
) -> pdfa.Report:
    """Prepare `pdf` for PDF/A-`flavour`, save it to `target`, and return pikepdf's report.

    Raises pikepdf.pdfa.PdfaError when the written file does not pass (nothing is left at
    `target` then).
    """
    pdfa.prepare(pdf, flavour)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["xmp:MetadataDate"] = timestamp.isoformat()
    return pdfa.save(pdf, target, flavour, repair=False, deterministic_id=True)
