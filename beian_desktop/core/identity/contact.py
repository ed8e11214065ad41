"""Contact details of the responsible persons: mainland mobile numbers and e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from beian_desktop.core.findings import Finding, Fix
from beian_desktop.core.identity.catalogue import Catalogue, blocking, emit, warning
from beian_desktop.core.identity.domain import HOST_MESSAGES, Host, HostError, inspect_host
from beian_desktop.core.identity.normalise import (
    CLEAN_FIX_LABEL,
    Cleaned,
    clean_code,
    stray_findings,
)
from beian_desktop.core.identity.result import CheckResult
from beian_desktop.core.text import Text

# -- mobile numbers ------------------------------------------------------------------------------

MOBILE = re.compile(r"1[3-9][0-9]{9}")
MOBILE_LENGTH = 11
COUNTRY_PREFIXES = ("+86", "0086")  # a bare 86 counts only in front of 11 digits
PHONE_WHAT = Text("手机号码", "mobile number")


@dataclass(frozen=True, slots=True)
class PhoneCheck(CheckResult):
    country_code: bool = False  # +86 / 0086 / 86 was typed in front


PHONE_MESSAGES: Catalogue = {
    "phone.empty": blocking("未填写手机号码。", "No mobile number given."),
    "phone.country-code": blocking(
        "手机号码只填 11 位，不加国家代码 {prefix}。",
        "Enter the 11-digit number without the country code {prefix}.",
    ),
    "phone.not-mainland": blocking(
        "这不是中国大陆的手机号码；备案短信核验需要大陆手机号码（11 位，1 开头）。",
        "This is not a mainland China mobile number; the filing's SMS verification needs a "
        "mainland number (11 digits starting with 1).",
    ),
    "phone.landline": blocking(
        "这像是固定电话号码；此处须填手机号码（11 位，1 开头）。",
        "This looks like a landline number; a mobile number (11 digits starting with 1) is "
        "needed here.",
    ),
    "phone.length": blocking(
        "手机号码应为 11 位数字，现为 {count} 位。",
        "A mobile number has 11 digits; this one has {count}.",
    ),
    "phone.format": blocking(
        "不是有效的手机号码：应为 11 位数字，以 13–19 开头。",
        "Not a valid mobile number: 11 digits starting with 13-19.",
    ),
}


def _phone_char(ch: str) -> bool:
    """Digits and + belong to a phone number; letters are kept so they are refused, not dropped."""
    return ch.isascii() and (ch.isalnum() or ch == "+")


def check_mobile(raw: str, *, concerns: str = "phone") -> PhoneCheck:
    """Check a mainland mobile number; +86 / 0086, spaces and hyphens are cleaned and reported."""
    cleaned = clean_code(raw, keep=_phone_char, upper=False)
    number, prefix = _strip_country_code(cleaned.value)
    offered = number if MOBILE.fullmatch(number) else cleaned.value
    findings = stray_findings(
        cleaned,
        prefix="phone",
        concerns=concerns,
        what=PHONE_WHAT,
        fix_kind="clean-phone",
        value=offered,
    )
    if prefix:
        fix = Fix("clean-phone", CLEAN_FIX_LABEL, offered)
        findings.append(
            emit(PHONE_MESSAGES, "phone.country-code", concerns, fix=fix, prefix=prefix)
        )
    problem = _number_problem(number)
    if problem is not None:
        findings.append(emit(PHONE_MESSAGES, problem, concerns, count=len(number)))
    return PhoneCheck(raw, number, tuple(findings), country_code=bool(prefix))


def _strip_country_code(value: str) -> tuple[str, str]:
    """(number, the country code typed) for +86 / 0086 / 86 in front of a mainland number."""
    for prefix in COUNTRY_PREFIXES:
        if value.startswith(prefix):
            return value[len(prefix) :], prefix
    if value.startswith("86") and len(value) == MOBILE_LENGTH + 2:
        return value[2:], "86"
    return value, ""


def _number_problem(number: str) -> str | None:
    """The catalogue key of what is wrong with a cleaned number without country code."""
    checks = (
        (not number, "phone.empty"),
        (number.startswith(("+", "00")), "phone.not-mainland"),
        (number.startswith("0"), "phone.landline"),
        (number.isdigit() and len(number) != MOBILE_LENGTH, "phone.length"),
        (not MOBILE.fullmatch(number), "phone.format"),
    )
    return next((key for failed, key in checks if failed), None)


# -- e-mail --------------------------------------------------------------------------------------

# RFC 5322 dot-atom for the local part; quoted local parts are legal but no filing form takes them.
LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
LOCAL_PART_MAX = 64
EMAIL_WHAT = Text("电子邮箱", "e-mail address")
# Mail providers most used in China; a domain one typo away from one of them is likely that one.
COMMON_MAIL_DOMAINS = (
    "qq.com",
    "vip.qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "aliyun.com",
    "139.com",
    "189.cn",
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
)


@dataclass(frozen=True, slots=True)
class EmailCheck(CheckResult):
    local: str | None = None
    domain: str | None = None  # as entered (U-labels for a Chinese domain)
    domain_ascii: str | None = None
    idn: bool = False


EMAIL_MESSAGES: Catalogue = {
    **{f"email.domain-{key}": message for key, message in HOST_MESSAGES.items()},
    "email.format": blocking(
        "不是有效的电子邮箱：应为 名称@域名，且只有一个 @。",
        "Not a valid e-mail address: name@domain with exactly one @.",
    ),
    "email.local-part": blocking(
        "邮箱 @ 前的部分不合规：只能用字母、数字和 . _ - + 等符号，点号不能在首尾或相连。",
        "The part before @ is malformed: letters, digits and . _ - + only, no dot at either "
        "end or two in a row.",
    ),
    "email.local-length": blocking(
        "邮箱 @ 前的部分超过 64 个字符。",
        "The part before @ is longer than 64 characters.",
    ),
    "email.local-non-ascii": warning(
        "邮箱 @ 前含中文或其他非英文字符，许多系统无法投递，建议改用英文邮箱。",
        "The part before @ has non-Latin characters; many systems cannot deliver to it. "
        "Prefer an all-Latin address.",
    ),
    "email.domain-spelling": blocking(
        "邮箱域名中有中文句号或不规范字符，应为 {shown}。",
        "The e-mail domain has Chinese full stops or unusual characters; use {shown}.",
    ),
    "email.domain-typo": warning(
        "邮箱域名 {domain} 与常用邮箱 {likely} 只差一个字符，是否输错？",
        "The domain {domain} is one character away from the common provider {likely}; a typo?",
    ),
}


def check_email(raw: str, *, concerns: str = "email") -> EmailCheck:
    """Check an e-mail address: syntax of the local part, IDNA and a known suffix for the domain."""
    cleaned = clean_code(raw, keep=lambda _ch: True, upper=False)
    value = cleaned.value
    if value.count("@") != 1 or value.startswith("@") or value.endswith("@"):
        findings = [*_email_strays(cleaned, value, concerns)]
        findings.append(emit(EMAIL_MESSAGES, "email.format", concerns))
        return EmailCheck(raw, value, tuple(findings))
    local, domain = value.split("@")
    return _EmailJudge(raw, local, domain, concerns).result(cleaned)


def _email_strays(cleaned: Cleaned, offered: str, concerns: str) -> list[Finding]:
    return stray_findings(
        cleaned,
        prefix="email",
        concerns=concerns,
        what=EMAIL_WHAT,
        fix_kind="clean-email",
        value=offered,
    )


class _EmailJudge:
    def __init__(self, raw: str, local: str, domain: str, concerns: str) -> None:
        self.raw, self.local, self.domain, self.concerns = raw, local, domain, concerns
        self.host: Host | None = None
        self.host_error: HostError | None = None
        try:
            self.host = inspect_host(domain)
        except HostError as error:
            self.host_error = error
        shown = domain.lower()
        if self.host is not None:
            shown = self.host.unicode if not domain.isascii() else self.host.ascii
        self.shown_domain = shown
        self.likely = _likely_provider(self.host.ascii if self.host else domain.lower())
        self.fixed = f"{local}@{shown}"

    def _emit(self, key: str, fix_value: str | None = None, **values: object) -> Finding:
        return self._emit_with(key, fix_value, values)

    def _emit_with(self, key: str, fix_value: str | None, values: Mapping[str, object]) -> Finding:
        fix = Fix("clean-email", CLEAN_FIX_LABEL, fix_value) if fix_value else None
        return emit(EMAIL_MESSAGES, key, self.concerns, fix=fix, values=values)

    def local_findings(self) -> list[Finding]:
        local = self.local
        if len(local) > LOCAL_PART_MAX:
            return [self._emit("email.local-length")]
        if not local.isascii():
            return [self._emit("email.local-non-ascii")]
        return [] if LOCAL_PART.fullmatch(local) else [self._emit("email.local-part")]

    def domain_findings(self) -> list[Finding]:
        likely_fix = f"{self.local}@{self.likely}" if self.likely else None
        if self.host_error is not None:
            key = f"email.domain-{self.host_error.key}"
            return [self._emit_with(key, likely_fix, self.host_error.values)]
        found = []
        if self.shown_domain != self.domain.lower():
            found.append(self._emit("email.domain-spelling", self.fixed, shown=self.shown_domain))
        if self.likely:
            found.append(
                self._emit("email.domain-typo", likely_fix, domain=self.domain, likely=self.likely)
            )
        return found

    def result(self, cleaned: Cleaned) -> EmailCheck:
        findings = [
            *_email_strays(cleaned, self.fixed, self.concerns),
            *self.local_findings(),
            *self.domain_findings(),
        ]
        host = self.host
        return EmailCheck(
            self.raw,
            self.fixed,
            tuple(findings),
            local=self.local,
            domain=self.shown_domain,
            domain_ascii=host.ascii if host else None,
            idn=bool(host and host.idn),
        )


def _likely_provider(domain: str) -> str | None:
    if domain in COMMON_MAIL_DOMAINS:
        return None
    return next((known for known in COMMON_MAIL_DOMAINS if _one_edit_apart(domain, known)), None)


def _one_edit_apart(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
