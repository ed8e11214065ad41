"""What the rules need to know, read off a case: ID province, age, registration province, counts.

Decoding goes through the identity checks, which clean typing slips first, so a number typed with
spaces still tells the rules where the ID was issued.
"""

from __future__ import annotations

import datetime as dt

from beian_desktop.core.case.model import Case, Person
from beian_desktop.core.identity import IdentityTables, check_domain, check_resident_id, check_uscc
from beian_desktop.core.rules.facts import FilingFacts
from beian_desktop.core.rules.keywords import keyword_industries
from beian_desktop.core.rules.pack import RulePack

_INDIVIDUAL_BUSINESS = "92"  # USCC positions 1-2 of a 个体工商户 (GB 32100)


def _is_individual(case: Case, pack: RulePack) -> bool:
    subject = pack.subjects.get(case.subject.type)
    return subject is not None and subject.is_individual


def people(case: Case, pack: RulePack) -> list[Person]:
    """The responsible persons whose details count (one for individuals and shared roles)."""
    if _is_individual(case, pack) or case.icp_owner_is_principal is True:
        return [case.principal]
    return [p for p in (case.principal, case.icp_owner) if not p.is_empty()]


def principal_id_number(case: Case, pack: RulePack) -> str:
    if case.principal.id_number.strip():
        return case.principal.id_number
    return case.subject.certificate_number if _is_individual(case, pack) else ""


def _id_province(case: Case, pack: RulePack, tables: IdentityTables, today: dt.date) -> str | None:
    if case.id_province:
        return case.id_province
    number = principal_id_number(case, pack)
    if not number.strip() or case.principal.id_type not in ("", "居民身份证"):
        return None
    return check_resident_id(number, on=today, tables=tables).province_code


def _youngest_age(case: Case, pack: RulePack, tables: IdentityTables, today: dt.date) -> int | None:
    ages = []
    for person in people(case, pack):
        number = person.id_number or (
            case.subject.certificate_number if _is_individual(case, pack) else ""
        )
        if number.strip():
            age = check_resident_id(number, on=today, tables=tables).age
            if age is not None:
                ages.append(age)
    return min(ages) if ages else None


def _registration(
    case: Case, pack: RulePack, tables: IdentityTables
) -> tuple[str | None, bool | None]:
    """(registration province of the organisation's USCC, is it a 个体工商户); None = unknown."""
    number = case.subject.certificate_number
    if _is_individual(case, pack) or not number.strip():
        return None, None
    result = check_uscc(number, tables=tables)
    province = None if result.national else result.province_code
    return province, result.kind_code == _INDIVIDUAL_BUSINESS


def _domain_count(case: Case, tables: IdentityTables) -> int:
    domains = set()
    for site in case.websites:
        if site.domain.strip():
            result = check_domain(site.domain, tables=tables)
            domains.add(result.value or site.domain.strip().lower())
    return len(domains)


def case_facts(case: Case, pack: RulePack, *, today: dt.date | None = None) -> FilingFacts:
    today = today or dt.date.today()
    tables = IdentityTables.from_pack(pack)
    cert_province, individual_business = _registration(case, pack, tables)
    names = [case.subject.full_name, *(site.name for site in case.websites)]
    new_sites = len(case.websites)
    return FilingFacts(
        subject=case.subject.type or None,
        filing=case.filing_type or None,
        province=case.province or None,
        id_province=_id_province(case, pack, tables, today),
        cert_province=cert_province,
        industries=tuple(case.industries),
        keyword_industries=keyword_industries(pack, [n for n in names if n]),
        site_count=case.existing_sites + new_sites,
        new_site_count=new_sites,
        domain_count=case.existing_sites + _domain_count(case, tables),
        age=_youngest_age(case, pack, tables, today),
        id_document=case.principal.id_type or None,
        principal_is_legal_rep=case.principal_is_legal_rep,
        icp_owner_is_legal_rep=case.icp_owner_is_legal_rep,
        icp_owner_is_principal=case.icp_owner_is_principal,
        foreign_legal_rep=case.foreign_legal_rep,
        has_residence_permit=case.has_residence_permit,
        individual_business=individual_business,
        renamed=case.renamed,
    )
