"""PDF/A: conversion of scans and PDFs, the deterministic writer, and verification.

Public API (the packaging pipeline and the CLI call these):

- `to_pdfa(inputs, out, flavour="2b", *, metadata, material=None, limits=None) -> PdfaReport`:
  pictures and PDFs, in page order, as one PDF/A file (atomic, deterministic for a timestamp)
- `verify(pdf, flavour="2b", *, limits=None) -> list[Finding]`: veraPDF rule ids from pikepdf's
  validator plus byte checks; no findings means the file passes
- `byte_problems(path, flavour) -> list[Finding]`: the byte checks alone
- `PdfaMetadata` (`for_material(subject, filing_type, material_name, timestamp)`), `PdfaReport`,
  `InputOutcome`, `PageOutcome`; actions PASSTHROUGH, REENCODED, KEPT, REPAIRED, RASTERISED
- `save_pdfa(pdf, target, flavour, timestamp)`: the writer every PDF/A of the app goes through
"""

from beian_desktop.core.pdfa.convert import to_pdfa
from beian_desktop.core.pdfa.model import (
    FLAVOURS,
    KEPT,
    PASSTHROUGH,
    RASTERISED,
    REENCODED,
    REPAIRED,
    InputOutcome,
    PageOutcome,
    PdfaMetadata,
    PdfaReport,
    check_flavour,
)
from beian_desktop.core.pdfa.save import save_pdfa
from beian_desktop.core.pdfa.verify import byte_problems, verify

__all__ = [
    "FLAVOURS",
    "KEPT",
    "PASSTHROUGH",
    "RASTERISED",
    "REENCODED",
    "REPAIRED",
    "InputOutcome",
    "PageOutcome",
    "PdfaMetadata",
    "PdfaReport",
    "byte_problems",
    "check_flavour",
    "save_pdfa",
    "to_pdfa",
    "verify",
]
