"""Review of what the user typed: subject, responsible persons, websites, validity dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from beian_desktop.core.case.facts import people, principal_id_number
from beian_desktop.core.case.model import LONG_TERM, Case, Person
from beian_desktop.core.findings import Finding, Severity, SourceRef
from beian_desktop.core.identity import (
    IdentityTables,
    check_domain,
    check_email,
    check_mobile,
    check_resident_id,
    check_site_name,
    check_uscc,
)
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text

VALIDITY_MARGIN_DAYS = 92  # "valid for more than three months" (icp-rules.md §1.3, §11)
_SITE_FILINGS = ("首次备案", "新增网站", "新增接入")
_VALIDITY_SOURCES = (
    SourceRef(
        key="U", title="UCloud 备案文档", title_en="UCloud ICP filing docs", detail="rule pages"
    ),
)


def _finding(code: str, severity: Severity, zh: str, en: str, concerns: str) -> Finding:
    return Finding(code=code, severity=severity, message=Text(zh, en), concerns=concerns)


def subject_findings(
    case: Case, pack: RulePack, tables: IdentityTables, today: dt.date
) -> list[Finding]:
    found: list[Finding] = []
    subject = pack.subjects.get(case.subject.type)
    if subject is None:
        found.append(
            _finding(
                "case.no-subject-type",
                Severity.BLOCKING,
                "未选择主办单位性质。",
                "No subject type chosen.",
                "subject.type",
            )
        )
    if case.province not in pack.provinces:
        found.append(
            _finding(
                "case.no-province",
                Severity.BLOCKING,
                "未选择备案省份。",
                "No filing province chosen.",
                "province",
            )
        )
    if not case.subject.full_name.strip():
        found.append(
            _finding(
                "case.no-subject-name",
                Severity.BLOCKING,
                "未填写主体全称（须与证件上的名称一致）。",
                "No subject name (it must match the certificate).",
                "subject.full_name",
            )
        )
    if subject is None:
        return found
    number = case.subject.certificate_number
    if subject.is_individual:
        if case.principal.name and case.principal.name != case.subject.full_name:
            found.append(
                _finding(
                    "case.individual-name",
                    Severity.WARNING,
                    f"个人备案的主体全称应为本人姓名（{case.principal.name}）。",
                    "For an individual the subject name is the person's name "
                    f"({case.principal.name}).",
                    "subject.full_name",
                )
            )
    else:
        found.extend(
            check_uscc(
                number, subject=subject.id, tables=tables, concerns="subject.certificate_number"
            ).findings
        )
        found.extend(
            validity_findings(
                case.subject.certificate_valid_until,
                today,
                "subject.certificate_valid_until",
                Text("主体证件", "The certificate"),
            )
        )
    return found


def validity_findings(value: str, today: dt.date, concerns: str, what: Text) -> list[Finding]:
    """Certificates must be valid for more than three months at submission (most provinces)."""
    if value == LONG_TERM:
        return []
    if not value:
        return [
            Finding(
                code="case.validity-missing",
                severity=Severity.WARNING,
                concerns=concerns,
                message=Text(
                    f"未填写{what.zh}的有效期，无法核对是否满三个月。",
                    f"{what.en}'s valid-until date is missing, so the 3-month margin "
                    "cannot be checked.",
                ),
            )
        ]
    try:
        until = dt.date.fromisoformat(value)
    except ValueError:
        return [
            Finding(
                code="case.validity-invalid",
                severity=Severity.BLOCKING,
                concerns=concerns,
                message=Text(
                    f"{what.zh}的有效期“{value}”不是有效日期。",
                    f"{what.en}'s valid-until date '{value}' is not a date.",
                ),
            )
        ]
    if until < today:
        zh, en, code = f"{what.zh}已于 {value} 过期。", f"{what.en} expired on {value}.", "expired"
    elif until < today + dt.timedelta(days=VALIDITY_MARGIN_DAYS):
        zh = f"{what.zh}有效期至 {value}，不足三个月；多数省份要求提交时有效期在三个月以上。"
        en = (
            f"{what.en} is valid until {value}, less than three months away; most provinces "
            "require more than three months at submission."
        )
        code = "short"
    else:
        return []
    return [
        Finding(
            code=f"case.validity-{code}",
            severity=Severity.BLOCKING,
            concerns=concerns,
            message=Text(zh, en),
            sources=_VALIDITY_SOURCES,
        )
    ]


def person_findings(
    case: Case, pack: RulePack, tables: IdentityTables, today: dt.date
) -> list[Finding]:
    found: list[Finding] = []
    roles = [("principal", case.principal, Text("主体负责人", "The principal"))]
    if people(case, pack) != [case.principal]:
        roles.append(("icp_owner", case.icp_owner, Text("网站负责人", "The website owner")))
    for role, person, label in roles:
        found.extend(_one_person(case, pack, tables, today, role, person, label))
    found.extend(_distinct_contacts(case, pack))
    return found


def _one_person(
    case: Case,
    pack: RulePack,
    tables: IdentityTables,
    today: dt.date,
    role: str,
    person: Person,
    label: Text,
) -> list[Finding]:
    found: list[Finding] = []
    if not person.name.strip():
        found.append(
            _finding(
                f"case.{role}.no-name",
                Severity.BLOCKING,
                f"未填写{label.zh}姓名。",
                f"{label.en}'s name is missing.",
                f"{role}.name",
            )
        )
    number = principal_id_number(case, pack) if role == "principal" else person.id_number
    if person.id_type in ("", "居民身份证"):
        found.extend(
            check_resident_id(
                number, on=today, tables=tables, concerns=f"{role}.id_number"
            ).findings
        )
    found.extend(
        validity_findings(
            person.id_valid_until,
            today,
            f"{role}.id_valid_until",
            Text(f"{label.zh}证件", f"{label.en}'s ID"),
        )
    )
    found.extend(check_mobile(person.phone, concerns=f"{role}.phone").findings)
    found.extend(check_email(person.email, concerns=f"{role}.email").findings)
    return found


def _distinct_contacts(case: Case, pack: RulePack) -> Iterable[Finding]:
    """Two different responsible persons must not share a phone or an e-mail (icp-rules §1.4)."""
    if people(case, pack) == [case.principal]:
        return []
    a, b = case.principal, case.icp_owner
    source = (
        SourceRef(
            key="H",
            title="华为云备案知识库",
            title_en="Huawei Cloud ICP knowledge base",
            detail="备案材料咨询",
        ),
    )
    found = []
    for field, zh, en in (("phone", "手机号码", "phone number"), ("email", "邮箱", "e-mail")):
        value_a = getattr(a, field).strip().lower()
        if value_a and value_a == getattr(b, field).strip().lower():
            found.append(
                Finding(
                    code=f"case.shared-{field}",
                    severity=Severity.BLOCKING,
                    concerns=f"icp_owner.{field}",
                    sources=source,
                    message=Text(
                        f"主体负责人与网站负责人不是同一人时，{zh}必须不同。",
                        f"When the principal and the website owner differ, their {en}s "
                        "must differ.",
                    ),
                )
            )
    return found


def website_findings(case: Case, pack: RulePack, tables: IdentityTables) -> list[Finding]:
    found: list[Finding] = []
    if case.filing_type in _SITE_FILINGS and not case.websites:
        found.append(
            _finding(
                "case.no-website",
                Severity.BLOCKING,
                "未填写网站信息（名称和域名）。",
                "No website (name and domain) given.",
                "websites",
            )
        )
    seen: dict[str, int] = {}
    for index, site in enumerate(case.websites):
        found.extend(
            check_site_name(
                site.name,
                subject=case.subject.type or None,
                province=case.province or None,
                subject_name=case.subject.full_name or None,
                tables=tables,
                concerns=f"websites[{index}].name",
            ).findings
        )
        domain = check_domain(site.domain, tables=tables, concerns=f"websites[{index}].domain")
        found.extend(domain.findings)
        key = domain.value.lower()
        if key and key in seen:
            found.append(
                _finding(
                    "case.duplicate-domain",
                    Severity.BLOCKING,
                    f"域名 {key} 重复填写（一个网站对应一个域名）。",
                    f"The domain {key} is listed twice (one site, one domain).",
                    f"websites[{index}].domain",
                )
            )
        seen.setdefault(key, index)
        if not site.remark.strip():
            found.append(
                _finding(
                    "case.no-remark",
                    Severity.WARNING,
                    "未填写网站内容备注：多数管局要求写明网站实际内容。",
                    "No content remark: most bureaus want the site's actual content described.",
                    f"websites[{index}].remark",
                )
            )
    return found
