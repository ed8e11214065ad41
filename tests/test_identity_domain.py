"""Website domains: IDNA, the registrable domain, one domain per website."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from publicsuffixlist import PublicSuffixList

from beian_desktop.core.identity import check_domain


@pytest.mark.parametrize("domain", ["example.com", "example.com.cn", "example.cn", "abc.gov.cn"])
def test_registrable_domains_are_valid(domain: str) -> None:
    result = check_domain(domain)
    assert result.valid and result.findings == ()
    assert result.value == result.ascii == domain
    assert not result.idn


def test_upper_case_is_folded_without_a_finding() -> None:
    result = check_domain("Example.COM")
    assert result.valid and result.value == "example.com"


@pytest.mark.parametrize(
    ("typed", "registrable"),
    [
        ("www.example.com", "example.com"),
        ("bbs.shop.example.com.cn", "example.com.cn"),
        ("www.abc.gov.cn", "abc.gov.cn"),
    ],
)
def test_subdomain_offers_the_registrable_domain(typed: str, registrable: str) -> None:
    result = check_domain(typed)
    assert result.codes() == ["domain.subdomain"]
    finding = result.findings[0]
    assert finding.blocking
    assert finding.fix is not None and finding.fix.value == registrable
    assert finding.fix.kind == "registrable-domain"
    assert result.value == registrable and result.host == typed
    assert {s.key for s in finding.sources} == {"H", "U"}


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("https://example.com", ["domain.url"]),
        ("http://example.com/", ["domain.url"]),
        ("example.com/index.html", ["domain.url"]),
        ("example.com:8080", ["domain.url"]),
        ("https://www.example.com/path?q=1#top", ["domain.url", "domain.subdomain"]),
    ],
)
def test_urls_offer_the_host(typed: str, codes: list[str]) -> None:
    result = check_domain(typed)
    assert result.codes() == codes
    assert all(f.fix is not None and f.fix.value == "example.com" for f in result.findings)
    assert result.fixable


def test_chinese_domain_is_accepted_and_shown_in_both_forms() -> None:
    result = check_domain("例子.中国")
    assert result.valid
    assert result.idn
    assert result.value == result.unicode == "例子.中国"
    assert result.ascii == "xn--fsqu00a.xn--fiqs8s"
    idn = next(f for f in result.findings if f.code == "domain.idn")
    assert "例子.中国" in idn.message.zh and "xn--fsqu00a.xn--fiqs8s" in idn.message.zh


def test_punycode_input_stays_punycode_but_is_known_as_idn() -> None:
    result = check_domain("xn--fsqu00a.xn--fiqs8s")
    assert result.valid and result.idn
    assert result.value == "xn--fsqu00a.xn--fiqs8s"
    assert result.unicode == "例子.中国"


def test_chinese_subdomain_offers_the_chinese_registrable_domain() -> None:
    result = check_domain("https://www.例子.中国/关于")
    assert result.value == "例子.中国"
    assert {f.fix.value for f in result.findings if f.fix} == {"例子.中国"}


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("例子。中国", "例子.中国"),
        ("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"),
        ("example。com", "example.com"),
    ],
)
def test_full_width_forms_and_chinese_full_stops(typed: str, fixed: str) -> None:
    result = check_domain(typed)
    finding = next(f for f in result.findings if f.code == "domain.fullwidth")
    assert finding.blocking
    assert finding.fix is not None and finding.fix.value == fixed


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "domain.empty"),
        ("a.com b.com", "domain.multiple"),
        ("a.com,b.com", "domain.multiple"),
        ("a.com、b.cn", "domain.multiple"),
        ("1.2.3.4", "domain.ip-address"),
        ("http://[::1]/", "domain.ip-address"),
        ("localhost", "domain.no-suffix"),
        ("example.notatld", "domain.unknown-suffix"),
        ("example.con", "domain.unknown-suffix"),
        ("com.cn", "domain.is-suffix"),
        ("exa_mple.com", "domain.invalid"),
        ("-example.com", "domain.invalid"),
        ("a..com", "domain.invalid"),
        ("x" * 64 + ".com", "domain.invalid"),
    ],
)
def test_invalid_domains(typed: str, code: str) -> None:
    result = check_domain(typed)
    assert result.codes() == [code]
    assert not result.valid


def test_subdomain_of_a_shared_service_domain_cannot_be_filed() -> None:
    result = check_domain("zhangsan.github.io")
    assert result.codes() == ["domain.shared-suffix"]
    assert result.findings[0].fix is None
    assert not result.valid


@given(st.text(max_size=60))
def test_never_raises(text: str) -> None:
    check_domain(text).to_dict()


_SUFFIXES = PublicSuffixList()


@given(st.from_regex(r"[a-z][a-z0-9]{0,10}\.(com|cn|net|com\.cn|中国)", fullmatch=True))
def test_generated_registrable_domains_are_valid(domain: str) -> None:
    assume(not _SUFFIXES.is_public(domain))  # bj.cn, com.cn … are suffixes, not domains
    result = check_domain(domain)
    assert result.valid, result.codes()
    assert result.unicode == domain
