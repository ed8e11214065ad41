"""Identity checks: resident ID numbers, 统一社会信用代码, mobile numbers, e-mail addresses,
domains and website names.

Every check takes what a person typed and returns a typed result (a `CheckResult`) with the
normalised value, the facts decoded from it and a list of findings; bad input never raises.
Checksums come from python-stdnum, IDNA from `idna`, registrable domains from `publicsuffixlist`.
"""

from beian_desktop.core.identity.contact import EmailCheck, PhoneCheck, check_email, check_mobile
from beian_desktop.core.identity.domain import DomainCheck, check_domain
from beian_desktop.core.identity.resident_id import ResidentIdCheck, Sex, check_resident_id
from beian_desktop.core.identity.result import CheckResult
from beian_desktop.core.identity.site_name import SiteNameCheck, check_site_name
from beian_desktop.core.identity.site_name_rules import PersonalPattern, SiteNameRules
from beian_desktop.core.identity.tables import IdentityTables, bundled_tables
from beian_desktop.core.identity.uscc import UsccCheck, check_uscc

__all__ = [
    "CheckResult",
    "DomainCheck",
    "EmailCheck",
    "IdentityTables",
    "PersonalPattern",
    "PhoneCheck",
    "ResidentIdCheck",
    "Sex",
    "SiteNameCheck",
    "SiteNameRules",
    "UsccCheck",
    "bundled_tables",
    "check_domain",
    "check_email",
    "check_mobile",
    "check_resident_id",
    "check_site_name",
    "check_uscc",
]
