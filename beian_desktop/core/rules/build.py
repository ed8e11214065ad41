"""Turn the merged, schema-valid TOML of a pack into typed objects, checking it across files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from beian_desktop.core.errors import RulePackError
from beian_desktop.core.findings import SourceRef, parse_citation
from beian_desktop.core.identity.site_name_rules import SiteNameRules
from beian_desktop.core.rules.conditions import Condition, ConditionError
from beian_desktop.core.rules.facts import FACT_TYPES
from beian_desktop.core.rules.model import (
    Alternative,
    FilingType,
    Industry,
    Level,
    Material,
    PaperFormat,
    Province,
    Region,
    Rule,
    RulePackInfo,
    SubjectKind,
    SubjectType,
    UploadProfile,
)
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text

__all__ = ["RulePack", "build_pack"]

Merged = dict[str, list[tuple[str, Any]]]
T = TypeVar("T")

# Facts always known when resolving (the wizard asks them first); rules reading others must
# say in words when they apply, because the condition may be shown as "only if …".
_ALWAYS_KNOWN = {"subject", "subject_kind", "filing", "province"}
_FILING_PROVINCES_EXPECTED = 31


def _text(value: dict[str, str]) -> Text:
    return Text(value["zh"], value["en"])


def _maybe_text(value: dict[str, str] | None) -> Text | None:
    return _text(value) if value else None


def _check_date(file: str, key: str, value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise RulePackError(file, key, f"'{value}' is not a valid date") from None
    return value


class _Builder:
    def __init__(self, merged: Merged, origin: str) -> None:
        self.merged = merged
        self.origin = origin
        self.pack = RulePack(info=self._info())

    def entries(self, key: str) -> list[tuple[str, Any]]:
        return self.merged.get(key, [])

    def _info(self) -> RulePackInfo:
        if "pack" not in self.merged:
            raise RulePackError(
                self.origin, "pack", "missing: the pack needs [pack] version and date"
            )
        file, table = self.merged["pack"][0]
        date = _check_date(file, "pack.date", table["date"])
        return RulePackInfo(
            version=table["version"], date=date, origin=self.origin, name=_text(table["name"])
        )

    def unique(
        self, key: str, make: Callable[[str, Any], T], ident: Callable[[T], str]
    ) -> dict[str, T]:
        result: dict[str, T] = {}
        for file, raw in self.entries(key):
            item = make(file, raw)
            name = ident(item)
            if name in result:
                raise RulePackError(file, f"{key} ({name})", "defined twice")
            result[name] = item
        return result

    # -- sources ---------------------------------------------------------------------------
    def sources(self) -> None:
        for file, (key, table) in self.entries("source"):
            if key in self.pack.sources:
                raise RulePackError(file, f"source.{key}", "defined twice")
            _check_date(file, f"source.{key}.date", table["date"])
            self.pack.sources[key] = SourceRef(
                key=key,
                title=table["title"],
                title_en=table.get("title_en", ""),
                address=table["address"],
                date=table["date"],
            )

    def refs(
        self, file: str, key: str, text: str | None, checked: str = ""
    ) -> tuple[SourceRef, ...]:
        return parse_citation(text, self.pack.sources, checked=checked, file=file, key=key)

    # -- catalogues ------------------------------------------------------------------------
    def catalogues(self) -> None:
        self.pack.subjects = self.unique("subject", self._subject, lambda s: s.id)
        self.pack.filing_types = self.unique("filing_type", self._filing, lambda f: f.id)
        self.pack.provinces = self.unique("province", self._province, lambda p: p.code)
        self.pack.regions = self.unique("region", self._region, lambda r: r.code)
        self.pack.industries = self.unique("industry", self._industry, lambda i: i.id)
        self.pack.materials = self.unique("material", self._material, lambda m: m.id)
        self.pack.profiles = self.unique("profile", self._profile, lambda p: p.id)
        self.pack.site_names = self._site_names()
        self._check_catalogues()

    def _site_names(self) -> SiteNameRules:
        if "site_names" not in self.merged:
            return SiteNameRules()
        file, table = self.merged["site_names"][0]
        return SiteNameRules.from_table(table, sources=self.pack.sources, file=file)

    def _check_catalogues(self) -> None:
        count = len(self.pack.provinces)
        if count != _FILING_PROVINCES_EXPECTED:
            raise RulePackError(
                self.origin,
                "province",
                f"expected {_FILING_PROVINCES_EXPECTED} provinces, found {count}",
            )
        for what in ("subjects", "filing_types", "materials", "profiles"):
            if not getattr(self.pack, what):
                raise RulePackError(self.origin, what, "the pack defines none")
        defaults = [p.id for p in self.pack.profiles.values() if p.default]
        if len(defaults) != 1:
            raise RulePackError(
                self.origin,
                "profile",
                f"exactly one profile must be default = true (found {defaults})",
            )
        overlap = set(self.pack.regions) & set(self.pack.provinces)
        if overlap:
            raise RulePackError(self.origin, "region", f"codes {sorted(overlap)} are provinces")

    def _subject(self, file: str, raw: dict[str, Any]) -> SubjectType:
        return SubjectType(
            id=raw["id"],
            name=Text(raw["id"], raw["en"]),
            kind=SubjectKind(raw["kind"]),
            miit_id=raw["miit_id"],
            alt_id=raw.get("alt_id"),
            aliases=tuple(raw.get("aliases", ())),
            state=raw.get("state", False),
            certificates=tuple(raw["certificates"]),
            uscc_codes=tuple(raw.get("uscc", ())),
            common=raw.get("common", False),
            description=_maybe_text(raw.get("description")),
            sources=self.refs(file, f"subject ({raw['id']}).source", raw.get("source")),
        )

    def _filing(self, file: str, raw: dict[str, Any]) -> FilingType:
        return FilingType(
            id=raw["id"],
            name=Text(raw["id"], raw["en"]),
            aliases=tuple(raw.get("aliases", ())),
            description=_text(raw["description"]),
            sms_target=_text(raw["sms"]),
            needs_documents=raw.get("documents", True),
            sources=self.refs(file, f"filing_type ({raw['id']}).source", raw["source"]),
        )

    def _province(self, file: str, raw: dict[str, Any]) -> Province:
        return Province(
            code=raw["code"],
            name=_text(raw["name"]),
            full_name=raw["full_name"],
            pinyin=raw["pinyin"],
            abbr=raw["abbr"],
            aliases=tuple(raw.get("aliases", ())),
        )

    def _region(self, file: str, raw: dict[str, Any]) -> Region:
        return Region(code=raw["code"], name=_text(raw["name"]), note=_text(raw["note"]))

    def _industry(self, file: str, raw: dict[str, Any]) -> Industry:
        return Industry(
            id=raw["id"],
            name=Text(raw["id"], raw["en"]),
            description=_text(raw["description"]),
            preapproval=raw["preapproval"],
            licence=_maybe_text(raw.get("licence")),
            authority=_maybe_text(raw.get("authority")),
            keywords=tuple(raw.get("keywords", ())),
            notes=_maybe_text(raw.get("notes")),
            miit_code=raw.get("miit_code"),
            sources=self.refs(file, f"industry ({raw['id']}).source", raw["source"]),
        )

    def _material(self, file: str, raw: dict[str, Any]) -> Material:
        defaults = self.merged.get("material_defaults", [("", {})])[0][1]
        sides = raw.get("sides", 1)
        side_names = tuple(_text(t) for t in raw.get("side_names", ()))
        if side_names and len(side_names) != sides:
            raise RulePackError(
                file,
                f"material ({raw['id']}).side_names",
                f"{len(side_names)} names for {sides} sides",
            )
        side_keywords = tuple(tuple(words) for words in raw.get("side_keywords", ()))
        if side_keywords and len(side_keywords) != sides:
            raise RulePackError(
                file,
                f"material ({raw['id']}).side_keywords",
                f"{len(side_keywords)} keyword lists for {sides} sides",
            )
        return Material(
            id=raw["id"],
            name=_text(raw["name"]),
            description=_text(raw["description"]),
            kind=raw["kind"],
            formats=tuple(PaperFormat(_text(f["name"]), *f["mm"]) for f in raw["formats"]),
            sides=sides,
            side_names=side_names,
            max_pages=raw.get("max_pages", defaults.get("max_pages", 1)),
            colour_required=raw.get("colour", True),
            min_dpi=raw.get("min_dpi", defaults.get("min_dpi", 200)),
            accepted_inputs=tuple(raw.get("inputs", defaults.get("inputs", ["jpeg"]))),
            named_by=raw.get("named_by"),
            name_individual=_maybe_text(raw.get("name_individual")),
            keywords=tuple(raw.get("keywords", ())),
            side_keywords=side_keywords,
        )

    def _profile(self, file: str, raw: dict[str, Any]) -> UploadProfile:
        return UploadProfile(
            id=raw["id"],
            name=_text(raw["name"]),
            formats=tuple(raw["formats"]),
            max_bytes=raw["max_bytes"],
            cap_inclusive=raw["cap_inclusive"],
            min_bytes=raw.get("min_bytes", 0),
            confidence=raw["confidence"],
            default=raw.get("default", False),
            sources=self.refs(file, f"profile ({raw['id']}).source", raw["source"]),
        )

    # -- rules -----------------------------------------------------------------------------
    def rules(self) -> None:
        seen: dict[str, str] = {}
        for file, raw in self.entries("rule"):
            rule = self._rule(file, raw)
            if rule.id in seen:
                raise RulePackError(
                    file, f"rule ({rule.id})", f"id already used in {seen[rule.id]}"
                )
            seen[rule.id] = file
            self.pack.rules.append(rule)

    def _rule(self, file: str, raw: dict[str, Any]) -> Rule:
        key = f"rule ({raw['id']})"
        checked = _check_date(file, f"{key}.checked", raw.get("checked", self.pack.info.date))
        province = raw.get("province")
        if province is not None and province not in self.pack.provinces:
            raise RulePackError(file, f"{key}.province", f"unknown province code '{province}'")
        when = raw.get("when", "").strip()
        condition = self._condition(file, f"{key}.when", when)
        if condition.names() - _ALWAYS_KNOWN and "condition" not in raw:
            raise RulePackError(
                file, f"{key}.condition", "missing: say in words when the rule applies"
            )
        material = raw.get("material")
        if material is not None and material not in self.pack.materials:
            raise RulePackError(file, f"{key}.material", f"unknown material '{material}'")
        scoped = " and ".join(
            filter(
                None, [f"province == '{province}'" if province else "", f"({when})" if when else ""]
            )
        )
        return Rule(
            id=raw["id"],
            effect=raw["effect"],
            when=scoped,
            message=_text(raw["message"]),
            sources=self.refs(file, f"{key}.source", raw["source"], checked),
            checked=checked,
            file=file,
            material=material,
            level=Level(raw.get("level", "mandatory")),
            condition_label=_maybe_text(raw.get("condition")),
            province=province,
            effective=raw.get("effective"),
            disputed=raw.get("disputed", False),
            alternatives=tuple(
                Alternative(_text(a["claim"]), self.refs(file, f"{key}.alternative", a["source"]))
                for a in raw.get("alternative", ())
            ),
            fix=_maybe_text(raw.get("fix")),
            compiled=Condition.compile(scoped),
        )

    def _condition(self, file: str, key: str, when: str) -> Condition:
        try:
            condition = Condition.compile(when)
        except ConditionError as error:
            raise RulePackError(file, key, f"does not parse: {error}") from None
        for name in sorted(condition.names()):
            if name not in FACT_TYPES:
                known = ", ".join(sorted(FACT_TYPES))
                raise RulePackError(file, key, f"unknown fact '{name}' (known: {known})")
        for name, literal in condition.comparisons():
            self._check_literal(file, key, name, literal)
        return condition

    def _check_literal(self, file: str, key: str, name: str, literal: object) -> None:
        kind, domain = FACT_TYPES[name]
        values: Iterable[object] = literal if isinstance(literal, tuple) else (literal,)
        allowed = self._domain(domain)
        for value in values:
            expected = str if kind is tuple else kind
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise RulePackError(
                    file,
                    key,
                    f"'{name}' is compared with {value!r}, which is not a {expected.__name__}",
                )
            if allowed is not None and value not in allowed:
                raise RulePackError(
                    file, key, f"'{value}' is not a known {domain} (compared with '{name}')"
                )

    def _domain(self, domain: str | None) -> set[str] | None:
        pack = self.pack
        domains: dict[str, set[str]] = {
            "subject": set(pack.subjects),
            "subject_kind": {kind.value for kind in SubjectKind},
            "filing": set(pack.filing_types),
            "province": set(pack.provinces),
            "region": set(pack.provinces) | set(pack.regions),
            "industry": set(pack.industries),
        }
        return domains.get(domain) if domain else None


def build_pack(merged: Merged, origin: str) -> RulePack:
    builder = _Builder(merged, origin)
    builder.sources()
    builder.catalogues()
    builder.rules()
    return builder.pack
