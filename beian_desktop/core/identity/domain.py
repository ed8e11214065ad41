"""Domains of websites: IDNA (the `idna` package) and the registrable domain (`publicsuffixlist`,
whose bundled list is used as is: nothing is fetched).

A filing covers a registrable domain ("example.com") and every subdomain under it; one website
has one domain (icp-rules.md §7.2). So a subdomain, a URL or several domains are findings with
the domain to file offered as the fix.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import idna
from publicsuffixlist import PublicSuffixList

from beian_desktop.core.findings import Finding, Fix
from beian_desktop.core.identity.catalogue import Catalogue, blocking, emit, info
from beian_desktop.core.identity.result import CheckResult
from beian_desktop.core.identity.tables import IdentityTables, bundled_tables
from beian_desktop.core.text import Text

FIX_KIND = "registrable-domain"
_URL_MARKS = re.compile(r"://|[/?#@:\\]")
_LIST_SEPARATORS = re.compile(r"[\s,，;；、|]+")


@dataclass(frozen=True, slots=True)
class Host:
    """A host name in both forms with its place in the public-suffix list."""

    ascii: str  # A-labels: xn--fsqu00a.xn--fiqs8s
    unicode: str  # U-labels: 例子.中国
    suffix: str  # public suffix (ASCII), e.g. com.cn
    registrable: str  # registrable domain (ASCII), e.g. example.com.cn
    shared_suffix: str | None  # a service's suffix the host sits under (github.io), if any

    @property
    def idn(self) -> bool:
        return self.ascii != self.unicode

    def shown(self, ascii_name: str, prefer_unicode: bool) -> str:
        return idna.decode(ascii_name) if prefer_unicode else ascii_name


class HostError(ValueError):
    """Why a text is not a usable host name: a catalogue key plus the values of its message."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values


@lru_cache(maxsize=1)
def _suffix_lists() -> tuple[PublicSuffixList, PublicSuffixList]:
    """(ICANN + private section, ICANN only), built from the list the package ships."""
    return (
        PublicSuffixList(accept_unknown=False),
        PublicSuffixList(accept_unknown=False, only_icann=True),
    )


def to_ascii(host: str) -> str:
    """IDNA 2008 with UTS 46 mapping: folds case, full-width forms and 。 separators."""
    try:
        return str(idna.encode(host, uts46=True).decode("ascii"))
    except idna.IDNAError as error:
        raise HostError("invalid", detail=str(error)) from None


def inspect_host(text: str) -> Host:
    """Parse a bare host name; raises HostError saying what is wrong with it."""
    host = text.strip().rstrip(".。．")
    if not host:
        raise HostError("empty")
    if _is_ip_address(host):
        raise HostError("ip-address", host=host)
    ascii_host = to_ascii(host)
    if "." not in ascii_host:
        raise HostError("no-suffix", host=host)
    full, icann = _suffix_lists()
    suffix = full.publicsuffix(ascii_host)
    if suffix is None:
        raise HostError("unknown-suffix", host=host, suffix=ascii_host.rsplit(".", 1)[1])
    registrable = full.privatesuffix(ascii_host)
    if registrable is None:
        raise HostError("is-suffix", host=host)
    icann_registrable = icann.privatesuffix(ascii_host)
    shared = suffix if icann_registrable != registrable else None
    return Host(ascii_host, idna.decode(ascii_host), suffix, registrable, shared)


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class DomainCheck(CheckResult):
    host: str | None = None  # the host as entered, cleaned (may be a subdomain)
    ascii: str | None = None  # the domain to file, A-labels
    unicode: str | None = None  # the domain to file, U-labels
    idn: bool = False
    public_suffix: str | None = None


HOST_MESSAGES: Catalogue = {
    "empty": blocking("未填写域名。", "No domain given."),
    "invalid": blocking(
        "不是有效的域名：含不允许的字符或格式不对（{detail}）。",
        "Not a valid domain name ({detail}).",
    ),
    "ip-address": blocking(
        "{host} 是 IP 地址；备案填写的是域名。",
        "{host} is an IP address; a filing names a domain.",
    ),
    "no-suffix": blocking(
        "{host} 没有后缀（如 .com、.cn）。",
        "{host} has no suffix such as .com or .cn.",
    ),
    "unknown-suffix": blocking(
        "后缀 .{suffix} 不是已知的域名后缀，请检查拼写。",
        ".{suffix} is not a known domain suffix; check the spelling.",
    ),
    "is-suffix": blocking(
        "{host} 本身是公共后缀，不是可注册的域名。",
        "{host} is itself a public suffix, not a registrable domain.",
    ),
}

MESSAGES: Catalogue = {
    **{f"domain.{key}": message for key, message in HOST_MESSAGES.items()},
    "domain.multiple": blocking(
        "一次只能填一个域名：一个网站对应一个域名（{count} 个：{domains}）。",
        "Enter one domain: one website has one domain ({count} given: {domains}).",
    ),
    "domain.url": blocking(
        "这是网址，不是域名：去掉 http(s)://、端口和路径，只填域名。",
        "This is a web address, not a domain: drop http(s)://, the port and the path.",
    ),
    "domain.fullwidth": blocking(
        "域名中有全角字符或中文句号，应为半角：{shown}。",
        "The domain contains full-width characters or Chinese full stops; use {shown}.",
    ),
    "domain.subdomain": blocking(
        "{host} 是子域名；备案以主域名 {registrable} 为准，子域名随之涵盖。",
        "{host} is a subdomain; the filing is for the registrable domain {registrable}, "
        "which covers its subdomains.",
    ),
    "domain.shared-suffix": blocking(
        "{host} 位于服务商的共享域名 {suffix} 之下，不能用它备案；请使用自己注册的域名。",
        "{host} sits under {suffix}, a domain shared by a service's users; it cannot be "
        "filed. Use a domain registered by you.",
    ),
    "domain.idn": info(
        "中文域名：{unicode} 即 {ascii}（两种写法指同一域名）。",
        "Internationalised domain: {unicode} is {ascii} (two spellings of one domain).",
    ),
}


def check_domain(
    raw: str, *, tables: IdentityTables | None = None, concerns: str = "domain"
) -> DomainCheck:
    """Check the domain of one website and work out the registrable domain to file."""
    tables = tables or bundled_tables()
    text = "".join(ch for ch in raw if unicodedata.category(ch) != "Cf").strip()
    parts = [p for p in _LIST_SEPARATORS.split(text) if p]
    if len(parts) > 1:
        finding = emit(
            MESSAGES, "domain.multiple", concerns, count=len(parts), domains=" ".join(parts)
        )
        return DomainCheck(raw, text, (finding,))
    host = _host_of(text)
    try:
        parsed = inspect_host(host)
    except HostError as error:
        finding = emit(MESSAGES, f"domain.{error.key}", concerns, values=error.values)
        return DomainCheck(raw, host, (finding,))
    return _Judge(text, host, parsed, tables, concerns).result(raw)


def _host_of(text: str) -> str:
    if not _URL_MARKS.search(text):
        return text
    with_scheme = text if "://" in text else "//" + text
    try:
        return urlsplit(with_scheme).hostname or text
    except ValueError:  # malformed port or brackets: let the host check say what is wrong
        return text


class _Judge:
    """Findings for a host that parsed, and the domain to file."""

    def __init__(
        self, text: str, host: str, parsed: Host, tables: IdentityTables, concerns: str
    ) -> None:
        self.text, self.host, self.parsed, self.concerns = text, host, parsed, concerns
        self.tables = tables
        self.prefer_unicode = not host.isascii()
        self.target = parsed.shown(parsed.registrable, self.prefer_unicode)
        self.fix = Fix(FIX_KIND, Text("改为要备案的域名", "use the domain to file"), self.target)

    def _emit(self, key: str, *, fix: bool = True, **values: object) -> Finding:
        sources = (self.tables.cite("H", "filing-rules.yml"), self.tables.cite("U", "guidance9"))
        return emit(
            MESSAGES,
            key,
            self.concerns,
            fix=self.fix if fix else None,
            sources=sources,
            values=values,
        )

    def findings(self) -> list[Finding]:
        parsed, found = self.parsed, []
        entered = self.parsed.shown(parsed.ascii, self.prefer_unicode)
        if self.host != self.text:
            found.append(self._emit("domain.url"))
        if self.host.strip().rstrip(".").lower() != entered:
            found.append(self._emit("domain.fullwidth", shown=entered))
        if parsed.shared_suffix is not None:
            found.append(
                self._emit(
                    "domain.shared-suffix", fix=False, host=entered, suffix=parsed.shared_suffix
                )
            )
        elif parsed.registrable != parsed.ascii:
            found.append(self._emit("domain.subdomain", host=entered, registrable=self.target))
        if parsed.idn:
            found.append(
                emit(
                    MESSAGES,
                    "domain.idn",
                    self.concerns,
                    unicode=idna.decode(parsed.registrable),
                    ascii=parsed.registrable,
                )
            )
        return found

    def result(self, raw: str) -> DomainCheck:
        parsed = self.parsed
        return DomainCheck(
            raw,
            self.target,
            tuple(self.findings()),
            host=self.parsed.shown(parsed.ascii, self.prefer_unicode),
            ascii=parsed.registrable,
            unicode=idna.decode(parsed.registrable),
            idn=parsed.idn,
            public_suffix=parsed.suffix,
        )
