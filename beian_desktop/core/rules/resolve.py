"""resolve(facts) -> Checklist: which materials a filing needs, why, and what blocks it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from beian_desktop.core.findings import Finding, Fix, Severity, SourceRef, sort_findings
from beian_desktop.core.rules.conditions import Tri, Value
from beian_desktop.core.rules.facts import FilingFacts
from beian_desktop.core.rules.model import Alternative, Level, Material, Rule, RulePackInfo
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text


class HasFacts(Protocol):
    def filing_facts(self) -> FilingFacts: ...


@dataclass(frozen=True)
class Reason:
    """Why a material is on the list: one rule, in words, with its sources."""

    rule_id: str
    message: Text
    level: Level
    sources: tuple[SourceRef, ...]
    condition: Text | None = None  # set when the rule applies only if this holds
    effective: str | None = None
    disputed: bool = False
    alternatives: tuple[Alternative, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "message": self.message.to_dict(),
            "level": self.level.value,
            "condition": self.condition.to_dict() if self.condition else None,
            "effective": self.effective,
            "sources": [s.to_dict() for s in self.sources],
            "disputed": self.disputed,
            "alternatives": [
                {"claim": a.claim.to_dict(), "sources": [s.to_dict() for s in a.sources]}
                for a in self.alternatives
            ],
        }


@dataclass
class ChecklistItem:
    material: Material
    name: Text  # what to call it for this case (营业执照 for an enterprise's certificate)
    reasons: list[Reason] = field(default_factory=list)

    @property
    def level(self) -> Level:
        return min((r.level for r in self.reasons), key=lambda level: level.rank)

    def to_dict(self) -> dict[str, Any]:
        return {
            "material": self.material.id,
            "name": self.name.to_dict(),
            "level": self.level.value,
            "sides": self.material.sides,
            "colour_required": self.material.colour_required,
            "min_dpi": self.material.min_dpi,
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class Checklist:
    facts: FilingFacts
    pack: RulePackInfo
    items: list[ChecklistItem]
    findings: list[Finding]

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    def item(self, material_id: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.material.id == material_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_pack": {"version": self.pack.version, "date": self.pack.date},
            "facts": self.facts.to_dict(),
            "items": [i.to_dict() for i in self.items],
            "findings": [f.to_dict() for f in self.findings],
            "blocking": bool(self.blocking),
        }


def fact_values(pack: RulePack, facts: FilingFacts) -> dict[str, Value]:
    """The flat fact mapping conditions read, with the derived facts filled in."""
    values: dict[str, Value] = {k: v for k, v in facts.to_dict().items() if k != "extra"}
    values["industries"] = tuple(facts.industries)
    values["keyword_industries"] = tuple(facts.keyword_industries)
    values.update(facts.extra)
    subject = pack.subjects.get(facts.subject or "")
    values["subject_kind"] = subject.kind.value if subject else None
    if subject is not None and subject.is_individual:
        values["icp_owner_is_principal"] = True  # the person is both (icp-rules.md §1.4)
    chosen = [pack.industries[i] for i in facts.industries if i in pack.industries]
    values["needs_preapproval"] = any(i.preapproval for i in chosen)
    values["unclaimed_preapproval_keywords"] = any(
        pack.industries[i].preapproval
        for i in facts.keyword_industries
        if i in pack.industries and i not in facts.industries
    )
    return values


def answer_matters(pack: RulePack, facts: FilingFacts, name: str) -> bool:
    """Whether answering yes or no to the fact `name` would change some rule's outcome for
    this filing: the test for showing a question only when it can matter."""
    values = fact_values(pack, facts)
    answers = ({**values, name: True}, {**values, name: False})
    return any(
        rule.compiled.evaluate(answers[0]) != rule.compiled.evaluate(answers[1])
        for rule in pack.rules
        if name in rule.compiled.names()
    )


def resolve(pack: RulePack, case: FilingFacts | HasFacts) -> Checklist:
    facts = case if isinstance(case, FilingFacts) else case.filing_facts()
    values = fact_values(pack, facts)
    items: dict[str, ChecklistItem] = {}
    findings: list[Finding] = []
    filing = pack.filing_types.get(facts.filing or "")
    takes_documents = filing is None or filing.needs_documents
    for rule in pack.rules:
        if rule.effect == "require" and not takes_documents:
            continue  # e.g. 变更接入: nothing is uploaded, whatever else holds
        truth = rule.compiled.evaluate(values)
        if truth is Tri.FALSE:
            continue
        if rule.effect == "require" and rule.material is not None:
            item = items.get(rule.material) or _new_item(pack, rule.material, facts)
            items[rule.material] = item
            item.reasons.append(_reason(pack, rule, truth, facts))
        else:
            findings.append(_finding(rule, truth))
    findings.extend(_filing_type_notes(pack, facts))
    ordered = sorted(items.values(), key=lambda i: (i.level.rank, _material_order(pack, i)))
    return Checklist(facts, pack.info, ordered, sort_findings(findings))


def _material_order(pack: RulePack, item: ChecklistItem) -> int:
    return list(pack.materials).index(item.material.id)


def _new_item(pack: RulePack, material_id: str, facts: FilingFacts) -> ChecklistItem:
    material = pack.materials[material_id]
    name = material.name
    subject = pack.subjects.get(facts.subject or "")
    if material.named_by == "subject_certificate" and subject is not None:
        certificate = subject.certificates[0]
        name = Text(certificate, f"{material.name.en} ({certificate})")
    elif material.name_individual is not None and subject is not None and subject.is_individual:
        name = material.name_individual
    return ChecklistItem(material, name)


def _reason(pack: RulePack, rule: Rule, truth: Tri, facts: FilingFacts) -> Reason:
    level = rule.level if truth is Tri.TRUE else Level.CONDITIONAL
    if rule.disputed and level is Level.MANDATORY:
        level = Level.CONDITIONAL  # sources disagree: show both sides rather than insist
    message = rule.message
    if rule.id == "base.preapproval" and facts.industries:
        message = message + _licence_list(pack, facts)
    return Reason(
        rule_id=rule.id,
        message=message,
        level=level,
        sources=rule.sources,
        condition=rule.condition_label
        if truth is Tri.UNKNOWN or rule.level is Level.CONDITIONAL
        else None,
        effective=rule.effective,
        disputed=rule.disputed,
        alternatives=rule.alternatives,
    )


def _licence_list(pack: RulePack, facts: FilingFacts) -> Text:
    lines_zh, lines_en = [], []
    for industry_id in facts.industries:
        industry = pack.industries.get(industry_id)
        if industry is None or not industry.preapproval:
            continue
        licence = industry.licence or Text("主管部门批准文件", "the authority's approval")
        authority = industry.authority or Text("主管部门", "the authority")
        lines_zh.append(f"{industry.name.zh}：{licence.zh}（{authority.zh}）")
        lines_en.append(f"{industry.name.en}: {licence.en} ({authority.en})")
    if not lines_zh:
        return Text("", "")
    return Text("——" + "；".join(lines_zh), "— " + "; ".join(lines_en))


_EFFECT_SEVERITY = {"block": Severity.BLOCKING, "warn": Severity.WARNING, "advise": Severity.INFO}
_UNKNOWN_SEVERITY = {"block": Severity.WARNING, "warn": Severity.INFO, "advise": Severity.INFO}


def _finding(rule: Rule, truth: Tri) -> Finding:
    table = _EFFECT_SEVERITY if truth is Tri.TRUE else _UNKNOWN_SEVERITY
    severity = table[rule.effect]
    if rule.disputed and severity is Severity.BLOCKING:
        severity = Severity.WARNING  # a disputed refusal is a risk to weigh, not a verdict
    message = rule.message
    if truth is Tri.UNKNOWN and rule.condition_label is not None:
        message = (
            Text(f"如果{rule.condition_label.zh}：", f"If {rule.condition_label.en}: ") + message
        )
    other = None
    if rule.alternatives:
        other = Text(
            "；".join(a.claim.zh for a in rule.alternatives),
            "; ".join(a.claim.en for a in rule.alternatives),
        )
    return Finding(
        code=f"rule:{rule.id}",
        severity=severity,
        message=message,
        rule_id=rule.id,
        sources=rule.sources + tuple(s for a in rule.alternatives for s in a.sources),
        disputed=rule.disputed,
        other_view=other,
        fix=Fix("instead", rule.fix) if rule.fix else None,
        extra={
            **({"effective": rule.effective} if rule.effective else {}),
            **({"conditional": True} if truth is Tri.UNKNOWN else {}),
        },
    )


def _filing_type_notes(pack: RulePack, facts: FilingFacts) -> list[Finding]:
    filing = pack.filing_types.get(facts.filing or "")
    if filing is None or filing.needs_documents:
        return []
    return [
        Finding(
            code="filing.no-documents",
            severity=Severity.INFO,
            message=Text(
                f"“{filing.id}”无需上传材料：{filing.description.zh}",
                f"'{filing.name.en}' needs no documents: {filing.description.en}",
            ),
            sources=filing.sources,
        )
    ]
