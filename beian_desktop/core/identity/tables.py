"""What the identity checks need from the rule pack: region and subject names, industries,
sources and the website-name rules.

`IdentityTables.from_pack(pack)` adapts a loaded RulePack (the CLI and GUI pass the pack they
use, which may be a newer imported one); `bundled_tables()` does the same for the pack the app
would choose by default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from beian_desktop.core.findings import SourceRef
from beian_desktop.core.identity.site_name_rules import SiteNameRules
from beian_desktop.core.text import Text

if TYPE_CHECKING:  # the rules package may import identity; keep the runtime graph one-way
    from beian_desktop.core.rules.pack import RulePack


@dataclass(frozen=True, slots=True)
class SubjectInfo:
    """A 主办单位性质 as far as the identity checks care."""

    id: str
    name: Text
    individual: bool
    uscc_codes: tuple[str, ...]  # USCC positions 1-2 that suggest it
    state: bool = False  # a state organ (may use 中国 / 国家 … in names)


@dataclass(frozen=True, slots=True)
class IndustryInfo:
    id: str
    name: Text
    preapproval: bool
    keywords: tuple[str, ...]
    licence: Text | None


@dataclass(frozen=True, slots=True)
class RegionInfo:
    """An ID-number region without a filing bureau: 71 台湾, 81 香港, 82 澳门, 83 台湾居住证."""

    name: Text
    note: Text


@dataclass(frozen=True)
class IdentityTables:
    provinces: Mapping[str, Text]  # the 31 filing provinces by two-digit code
    regions: Mapping[str, RegionInfo]
    subjects: Mapping[str, SubjectInfo]
    industries: tuple[IndustryInfo, ...]
    sources: Mapping[str, SourceRef]
    site_names: SiteNameRules

    def region_name(self, code: str) -> Text | None:
        region = self.regions.get(code)
        return self.provinces.get(code) or (region.name if region else None)

    def subject_for_uscc(self, code: str) -> SubjectInfo | None:
        return next((s for s in self.subjects.values() if code in s.uscc_codes), None)

    def cite(self, key: str, detail: str = "") -> SourceRef:
        return replace(self.sources.get(key, SourceRef(key=key)), detail=detail)

    @classmethod
    def from_pack(cls, pack: RulePack) -> IdentityTables:
        return cls(
            provinces={code: p.name for code, p in pack.provinces.items()},
            regions={code: RegionInfo(r.name, r.note) for code, r in pack.regions.items()},
            subjects={
                s.id: SubjectInfo(s.id, s.name, s.is_individual, tuple(s.uscc_codes), s.state)
                for s in pack.subjects.values()
            },
            industries=tuple(
                IndustryInfo(i.id, i.name, i.preapproval, tuple(i.keywords), i.licence)
                for i in pack.industries.values()
            ),
            sources=dict(pack.sources),
            site_names=pack.site_names,
        )


@lru_cache(maxsize=1)
def bundled_tables() -> IdentityTables:
    """The tables of the rule pack in use (loaded and validated once by the pack loader)."""
    from beian_desktop.core.rules.selection import load_pack  # runtime import: rules uses us

    return IdentityTables.from_pack(load_pack())
