"""manifest.json: the machine-readable record of a package (the cover sheet shows the same facts).

Personal identity numbers are deliberately absent: the manifest names the subject, the filing
and the files; the scans themselves are the evidence.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

MANIFEST_FORMAT = "beian-desktop-package/1"


@dataclass
class PackagedFile:
    """One file in the package."""

    path: str  # relative to the package's top folder, e.g. "上传/x.jpg"
    role: str  # "upload" | "archive"
    sha256: str
    size: int
    pages: int = 1
    width_px: int | None = None
    height_px: int | None = None
    effective_dpi: float | None = None
    side: str = ""
    how: str = ""  # what the converter did: copied unchanged, re-encoded, rasterised, …
    sources: list[str] = field(default_factory=list)  # SHA-256 of the case files it came from


@dataclass
class PackagedMaterial:
    id: str
    name: str  # as named in the files (Chinese)
    name_en: str
    level: str  # mandatory | conditional | recommended | extra
    rules: list[str] = field(default_factory=list)  # rule ids that asked for it
    reasons: list[str] = field(default_factory=list)  # the reasons, in Chinese
    files: list[PackagedFile] = field(default_factory=list)
    accepted_warnings: list[str] = field(default_factory=list)  # messages the user accepted


@dataclass
class Manifest:
    subject_name: str
    subject_type: str
    filing_type: str
    province_code: str
    province_name: str
    created: str  # YYYY-MM-DD, also in the package name
    app_version: str
    rule_pack_version: str
    rule_pack_date: str
    upload_profile: str
    pdfa_flavour: str
    websites: list[dict[str, str]] = field(default_factory=list)
    materials: list[PackagedMaterial] = field(default_factory=list)
    format: str = MANIFEST_FORMAT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> bytes:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)
        return (text + "\n").encode("utf-8")

    def all_files(self) -> list[PackagedFile]:
        return [f for m in self.materials for f in m.files]

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Manifest:
        materials = [
            PackagedMaterial(**{**m, "files": [PackagedFile(**f) for f in m.get("files", [])]})
            for m in data.get("materials", [])
        ]
        return Manifest(**{**data, "materials": materials})
