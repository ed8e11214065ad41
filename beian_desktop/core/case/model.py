"""The case: who files what, where, with which files. Plain data, JSON-serialisable.

Everything the user typed is kept as typed (checks report problems and offer cleaned values;
they never rewrite the user's input behind their back).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 2
LONG_TERM = "长期"  # "valid indefinitely", as printed on long-term ID cards and licences


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass
class Person:
    """A responsible person (主体负责人 or 网站负责人)."""

    name: str = ""
    id_type: str = "居民身份证"
    id_number: str = ""
    id_valid_until: str = ""  # ISO date or 长期
    phone: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.id_number or self.phone or self.email)


@dataclass
class Subject:
    """The filing subject (主办单位 / the individual)."""

    type: str = ""  # subject type id from the rule pack, e.g. 企业
    full_name: str = ""  # 主体全称: as on the certificate
    certificate_type: str = ""
    certificate_number: str = ""  # USCC for organisations, ID number for individuals
    certificate_valid_until: str = ""  # ISO date or 长期
    province: str = ""  # address province code
    city: str = ""
    address: str = ""


@dataclass
class Website:
    name: str = ""
    domain: str = ""
    remark: str = ""  # what the site actually contains (备注)


@dataclass
class StoredFile:
    """One file assigned to a material: normally a copy kept in the case folder, so moving or
    deleting the original loses nothing (and the original is never touched)."""

    path: str  # relative to the case folder (files/<sha256>.<ext> for imported copies), or absolute
    sha256: str
    size: int
    original_name: str  # the name the user knows it by (shown, not used for paths)
    original_path: str = ""  # where it came from, for reference only
    side: str = ""  # "front" / "back" for two-sided materials
    added_at: str = field(default_factory=now_iso)


@dataclass
class Event:
    at: str
    kind: str  # created, saved, file-added, file-removed, file-moved, packed, migrated, …
    detail: str = ""


@dataclass
class Case:
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    schema_version: int = SCHEMA_VERSION
    created_at: str = field(default_factory=now_iso)
    subject: Subject = field(default_factory=Subject)
    principal: Person = field(default_factory=Person)  # 主体负责人
    icp_owner: Person = field(default_factory=Person)  # 网站负责人
    icp_owner_is_principal: bool | None = None
    principal_is_legal_rep: bool | None = None
    icp_owner_is_legal_rep: bool | None = None
    foreign_legal_rep: bool | None = None  # the legal representative is not a mainland resident
    # The legal representative holds a residence permit of the filing province (read by the
    # rules where their ID was issued elsewhere, e.g. Inner Mongolia). Since format 2.
    has_residence_permit: bool | None = None
    renamed: bool | None = None  # change filings: the organisation was renamed
    filing_type: str = "首次备案"
    province: str = ""  # filing province code
    id_province: str = ""  # override; normally read from the principal's ID number
    industries: list[str] = field(default_factory=list)
    websites: list[Website] = field(default_factory=list)
    existing_sites: int = 0  # websites the subject already has filed
    assignments: dict[str, list[StoredFile]] = field(default_factory=dict)
    upload_profile: str = ""  # empty: the rule pack's default
    pdfa_flavour: str = "2b"
    accepted_warnings: list[str] = field(default_factory=list)  # finding codes the user accepted
    history: list[Event] = field(default_factory=list)

    def record(self, kind: str, detail: str = "") -> None:
        self.history.append(Event(now_iso(), kind, detail))

    def all_files(self) -> list[tuple[str, StoredFile]]:
        return [(material, f) for material, files in self.assignments.items() for f in files]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Case:
        """Build from a validated, current-version dict (see store.py for migration)."""
        case = Case(**{f.name: data[f.name] for f in fields(Case) if f.name in data})
        case.subject = Subject(**data.get("subject", {}))
        case.principal = Person(**data.get("principal", {}))
        case.icp_owner = Person(**data.get("icp_owner", {}))
        case.websites = [Website(**w) for w in data.get("websites", [])]
        case.assignments = {
            material: [StoredFile(**f) for f in files]
            for material, files in data.get("assignments", {}).items()
        }
        case.history = [Event(**e) for e in data.get("history", [])]
        case.industries = list(data.get("industries", []))
        case.accepted_warnings = list(data.get("accepted_warnings", []))
        return case
