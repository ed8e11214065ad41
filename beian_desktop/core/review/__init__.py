"""review(case) -> Review: everything that stands between a case and an accepted filing.

The checklist (rules), what the user typed (identity checks, validity dates, contacts, websites),
the files (missing, extra, one-sided, duplicated, changed) and every file's inspection. Each
finding has a severity, a bilingual message, what it concerns and a fix when one exists.
Warnings the user accepted explicitly stay listed but no longer count as open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beian_desktop.core.case.facts import case_facts
from beian_desktop.core.case.model import Case
from beian_desktop.core.findings import Finding, Severity, sort_findings
from beian_desktop.core.identity import IdentityTables
from beian_desktop.core.inspect import Inspection
from beian_desktop.core.inspect.cache import InspectionCache
from beian_desktop.core.review import fields, materials
from beian_desktop.core.rules.model import UploadProfile
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.rules.resolve import Checklist, resolve

Progress = Callable[[int, int, str], None]


def finding_key(finding: Finding) -> str:
    """Stable identity of a finding, for remembering that the user accepted it."""
    sha = str(finding.extra.get("sha256", ""))[:16]
    return "|".join((finding.code, finding.concerns or "", sha))


@dataclass
class Review:
    checklist: Checklist
    findings: list[Finding]
    inspections: dict[str, Inspection] = field(default_factory=dict)
    accepted: frozenset[str] = frozenset()

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def open_warnings(self) -> list[Finding]:
        return [
            f
            for f in self.findings
            if f.severity is Severity.WARNING and finding_key(f) not in self.accepted
        ]

    def is_accepted(self, finding: Finding) -> bool:
        return finding_key(finding) in self.accepted

    def accepted_for(self, material_id: str) -> list[Finding]:
        return [f for f in self.findings if f.concerns == material_id and self.is_accepted(f)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "blocking": bool(self.blocking),
            "checklist": self.checklist.to_dict(),
            "findings": [
                {**f.to_dict(), "key": finding_key(f), "accepted": self.is_accepted(f)}
                for f in self.findings
            ],
            "inspections": {k: v.to_dict() for k, v in self.inspections.items()},
        }


def upload_profile(case: Case, pack: RulePack) -> UploadProfile:
    return pack.profiles.get(case.upload_profile) or pack.default_profile


def review(
    case: Case,
    folder: Path,
    pack: RulePack,
    *,
    today: dt.date | None = None,
    profile: UploadProfile | None = None,
    on_file: Progress | None = None,
    cache: InspectionCache | None = None,
) -> Review:
    """Every finding about the case. `cache` (the desktop app's) remembers inspections
    between reviews of the same files."""
    today = today or dt.date.today()
    profile = profile or upload_profile(case, pack)
    tables = IdentityTables.from_pack(pack)
    checklist = resolve(pack, case_facts(case, pack, today=today))
    inspected, inspections = materials.inspection_findings(
        case, folder, pack, profile, on_file, cache
    )
    pages = {key.split("/", 1)[1]: i.page_count for key, i in inspections.items()}
    found = [
        *checklist.findings,
        *fields.subject_findings(case, pack, tables, today),
        *fields.person_findings(case, pack, tables, today),
        *fields.website_findings(case, pack, tables),
        *materials.missing_findings(case, checklist),
        *materials.extra_findings(case, checklist, pack),
        *materials.sides_findings(case, pack, pages),
        *materials.duplicate_findings(case),
        *materials.changed_file_findings(case, folder),
        *inspected,
    ]
    return Review(checklist, sort_findings(found), inspections, frozenset(case.accepted_warnings))
