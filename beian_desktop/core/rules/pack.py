"""The loaded rule pack with lookups that accept what people type (北京 / 北京市 / beijing / 11)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from beian_desktop.core.errors import UnknownValue
from beian_desktop.core.findings import SourceRef
from beian_desktop.core.identity.site_name_rules import SiteNameRules
from beian_desktop.core.rules.model import (
    FilingType,
    Industry,
    Material,
    Province,
    Region,
    Rule,
    RulePackInfo,
    SubjectType,
    UploadProfile,
)
from beian_desktop.core.text import Text

_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


def _key(text: str) -> str:
    """Fold case, width and spacing so 'Bei Jing', 'ＢＥＩＪＩＮＧ' and 'beijing' compare equal."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_·")


@dataclass(slots=True)
class RulePack:
    info: RulePackInfo
    subjects: dict[str, SubjectType] = field(default_factory=dict)
    filing_types: dict[str, FilingType] = field(default_factory=dict)
    provinces: dict[str, Province] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)
    materials: dict[str, Material] = field(default_factory=dict)
    profiles: dict[str, UploadProfile] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    site_names: SiteNameRules = field(default_factory=SiteNameRules)

    # -- lookups -----------------------------------------------------------------------------
    def find_province(self, text: str) -> Province:
        wanted = _key(text)
        if wanted.isdigit() and len(wanted) == 6 and wanted.endswith("0000"):
            wanted = wanted[:2]
        for province in self.provinces.values():
            if wanted in self._province_keys(province):
                return province
        accepted = [f"{p.name.zh}/{p.pinyin}/{p.code}" for p in self.provinces.values()]
        raise UnknownValue(Text("省份", "province"), text, accepted)

    @staticmethod
    def _province_keys(province: Province) -> set[str]:
        short = province.name.zh
        names = {
            province.code,
            short,
            province.full_name,
            province.pinyin,
            province.name.en,
            province.abbr,
            *province.aliases,
        }
        names.update(province.full_name.removesuffix(s) for s in _PROVINCE_SUFFIXES)
        return {_key(name) for name in names} | {_key(short + s) for s in ("省", "市")}

    def find_subject(self, text: str) -> SubjectType:
        wanted = _key(text)
        for subject in self.subjects.values():
            keys = {subject.id, subject.name.en, str(subject.miit_id), *subject.aliases}
            if wanted in {_key(k) for k in keys}:
                return subject
        accepted = [s.id for s in self.subjects.values()]
        raise UnknownValue(Text("主办单位性质", "subject type"), text, accepted)

    def find_filing(self, text: str) -> FilingType:
        wanted = _key(text)
        for filing in self.filing_types.values():
            if wanted in {_key(k) for k in (filing.id, filing.name.en, *filing.aliases)}:
                return filing
        accepted = [f.id for f in self.filing_types.values()]
        raise UnknownValue(Text("办理项", "filing type"), text, accepted)

    def find_industry(self, text: str) -> Industry:
        wanted = _key(text)
        for industry in self.industries.values():
            if wanted in {_key(k) for k in (industry.id, industry.name.en)}:
                return industry
        accepted = [i.id for i in self.industries.values()]
        raise UnknownValue(Text("行业", "industry"), text, accepted)

    def find_material(self, text: str) -> Material:
        wanted = _key(text)
        for material in self.materials.values():
            if wanted in {_key(k) for k in (material.id, material.name.zh, material.name.en)}:
                return material
        raise UnknownValue(Text("材料", "material"), text, list(self.materials))

    def find_profile(self, text: str) -> UploadProfile:
        wanted = _key(text)
        for profile in self.profiles.values():
            if wanted in {_key(k) for k in (profile.id, profile.name.zh, profile.name.en)}:
                return profile
        raise UnknownValue(Text("上传规格", "upload profile"), text, list(self.profiles))

    @property
    def default_profile(self) -> UploadProfile:
        return next(p for p in self.profiles.values() if p.default)

    def region_name(self, code: str) -> Text | None:
        """Name of a province or ID-only region by its two-digit code."""
        if code in self.provinces:
            return self.provinces[code].name
        region = self.regions.get(code)
        return region.name if region else None
