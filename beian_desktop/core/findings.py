"""Findings: what the rules, the identity checks and the inspections say about a case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from beian_desktop.core.errors import RulePackError
from beian_desktop.core.text import Text


class Severity(StrEnum):
    BLOCKING = "blocking"  # the filing will be refused as it stands
    WARNING = "warning"  # likely rejection or a risk; the user may accept it explicitly
    INFO = "info"  # advice

    @property
    def rank(self) -> int:
        return {"blocking": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a rule comes from: a key of the rule pack's source table plus a detail (page, path)."""

    key: str
    title: str = ""
    title_en: str = ""
    detail: str = ""
    address: str = ""
    date: str = ""  # when the source itself was written or snapshotted
    checked: str = ""  # when the fact was last checked against it

    def label(self, lang: str = "zh") -> str:
        title = self.title_en if lang == "en" and self.title_en else self.title
        parts = [title or self.key]
        if self.detail:
            parts.append(self.detail)
        if self.date:
            parts.append(f"({self.date})")
        return " ".join(parts)

    def to_dict(self) -> dict[str, str]:
        return {
            "key": self.key,
            "title": self.title,
            "title_en": self.title_en,
            "detail": self.detail,
            "address": self.address,
            "date": self.date,
            "checked": self.checked,
        }


def parse_citation(
    text: str | None,
    known: Mapping[str, SourceRef] | None = None,
    *,
    checked: str = "",
    file: str = "",
    key: str = "source",
) -> tuple[SourceRef, ...]:
    """SourceRefs for a rule-pack citation "KEY:detail; KEY2". With `known` (the pack's source
    table) each key is resolved, and an unknown key is a RulePackError naming file and key."""
    refs: list[SourceRef] = []
    for part in (text or "").split(";"):
        name, _, detail = part.strip().partition(":")
        name, detail = name.strip(), detail.strip()
        if not name:
            continue
        if known is None:
            refs.append(SourceRef(key=name, detail=detail, checked=checked))
            continue
        base = known.get(name)
        if base is None:
            listed = ", ".join(sorted(known))
            raise RulePackError(file, key, f"unknown source '{name}' (known: {listed})")
        refs.append(replace(base, detail=detail, checked=checked))
    return tuple(refs)


@dataclass(frozen=True, slots=True)
class Fix:
    """A correction the app can apply: clean an ID number, rotate, convert, compress, rename."""

    kind: str
    label: Text
    value: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "label": self.label.to_dict(), "value": self.value}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable machine id, e.g. "id.checksum" or "rule:41.nonlocal-individual"
    severity: Severity
    message: Text
    concerns: str | None = None  # the field or material id this is about
    fix: Fix | None = None
    rule_id: str | None = None
    sources: tuple[SourceRef, ...] = ()
    disputed: bool = False
    other_view: Text | None = None  # for disputed rules: what the other source says
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.BLOCKING

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message.to_dict(),
            "concerns": self.concerns,
            "fix": self.fix.to_dict() if self.fix else None,
            "rule_id": self.rule_id,
            "sources": [s.to_dict() for s in self.sources],
            "disputed": self.disputed,
            "other_view": self.other_view.to_dict() if self.other_view else None,
            **({"extra": self.extra} if self.extra else {}),
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Blocking first, then warnings, then advice; stable within a severity."""
    return sorted(findings, key=lambda f: f.severity.rank)
