"""The case facts rule conditions may read. A fact left as None is unknown (not yet asked)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from beian_desktop.core.rules.conditions import Value

# name -> (type, what the literal must name). The loader rejects rules that read other names
# or compare a fact with a literal of the wrong kind, so a typo in a pack fails at load time.
FACT_TYPES: dict[str, tuple[type, str | None]] = {
    "subject": (str, "subject"),  # 主办单位性质 id, e.g. 企业
    "subject_kind": (str, "subject_kind"),  # individual | organisation
    "filing": (str, "filing"),  # 办理项 id, e.g. 首次备案
    "province": (str, "province"),  # filing province code, e.g. 44
    "id_province": (str, "region"),  # province code of the (principal's) ID card
    "cert_province": (str, "province"),  # registration province of the organisation's USCC
    "industries": (tuple, "industry"),  # content categories the user says the site has
    "keyword_industries": (tuple, "industry"),  # categories whose keywords appear in the names
    "needs_preapproval": (bool, None),  # derived: a chosen industry needs 前置审批
    "unclaimed_preapproval_keywords": (bool, None),  # derived: names hit a 前置审批 keyword
    "site_count": (int, None),  # websites the subject will have after this filing
    "new_site_count": (int, None),  # websites in this order
    "domain_count": (int, None),  # domains the subject will have after this filing
    "age": (int, None),  # age of the youngest responsible person, or the individual
    "id_document": (str, None),  # 居民身份证, 护照, 港澳居民居住证, …
    "principal_is_legal_rep": (bool, None),  # 主体负责人 = 法定代表人
    "icp_owner_is_legal_rep": (bool, None),  # 网站负责人 = 法定代表人
    "icp_owner_is_principal": (bool, None),  # 网站负责人 = 主体负责人
    "foreign_legal_rep": (bool, None),  # legal representative is not a mainland resident
    "has_residence_permit": (bool, None),  # holds a 居住证/暂住证 of the filing province
    "individual_business": (bool, None),  # 个体工商户
    "site_name_matches_subject": (bool, None),  # website name contains the (short) subject name
    "renamed": (bool, None),  # the organisation was renamed (change filings)
}


@dataclass(frozen=True)
class FilingFacts:
    """What the rules need to know about a filing. The Case model produces one of these."""

    subject: str | None = None
    filing: str | None = "首次备案"
    province: str | None = None
    id_province: str | None = None
    cert_province: str | None = None
    industries: tuple[str, ...] = ()
    keyword_industries: tuple[str, ...] = ()
    site_count: int | None = None
    new_site_count: int | None = None
    domain_count: int | None = None
    age: int | None = None
    id_document: str | None = None
    principal_is_legal_rep: bool | None = None
    icp_owner_is_legal_rep: bool | None = None
    icp_owner_is_principal: bool | None = None
    foreign_legal_rep: bool | None = None
    has_residence_permit: bool | None = None
    individual_business: bool | None = None
    site_name_matches_subject: bool | None = None
    renamed: bool | None = None
    extra: dict[str, Value] = field(default_factory=dict)

    def with_(self, **changes: Any) -> FilingFacts:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        data["industries"] = list(self.industries)
        data["keyword_industries"] = list(self.keyword_industries)
        return data
