"""Mainland mobile numbers and e-mail addresses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beian_desktop.core.findings import Severity
from beian_desktop.core.identity import check_email, check_mobile

# -- mobile numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["13800138000", "19912345678", "15000000000", "17012345678"])
def test_valid_mobile_numbers(number: str) -> None:
    result = check_mobile(number)
    assert result.valid and result.findings == ()
    assert result.value == number


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("138 0013 8000", ["phone.whitespace"]),
        ("138-0013-8000", ["phone.symbol"]),
        ("１３８００１３８０００", ["phone.fullwidth"]),
        ("+86 13800138000", ["phone.whitespace", "phone.country-code"]),
        ("+8613800138000", ["phone.country-code"]),
        ("0086 138 0013 8000", ["phone.whitespace", "phone.country-code"]),
        ("8613800138000", ["phone.country-code"]),
        ("(+86) 138-0013-8000", ["phone.whitespace", "phone.symbol", "phone.country-code"]),
        (
            "＋８６ １３８００１３８０００",
            ["phone.fullwidth", "phone.whitespace", "phone.country-code"],
        ),
    ],
)
def test_mobile_numbers_are_cleaned_with_the_value_offered(typed: str, codes: list[str]) -> None:
    result = check_mobile(typed)
    assert result.codes() == codes
    assert result.value == "13800138000"
    assert all(f.fix is not None and f.fix.value == "13800138000" for f in result.findings)
    assert all(f.fix is not None and f.fix.kind == "clean-phone" for f in result.findings)
    assert not result.valid and result.fixable


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "phone.empty"),
        ("010-12345678", "phone.landline"),
        ("02012345678", "phone.landline"),
        ("+852 6123 4567", "phone.not-mainland"),
        ("001 415 555 0100", "phone.not-mainland"),
        ("1380013800", "phone.length"),
        ("138001380000", "phone.length"),
        ("12800138000", "phone.format"),
        ("138OO138000", "phone.format"),  # letters are refused, not silently dropped
    ],
)
def test_invalid_mobile_numbers(typed: str, code: str) -> None:
    result = check_mobile(typed)
    assert code in result.codes()
    assert not result.valid


def test_country_code_is_recorded() -> None:
    assert check_mobile("+86 13800138000").country_code
    assert not check_mobile("13800138000").country_code


@given(st.text(max_size=30))
def test_mobile_never_raises(text: str) -> None:
    check_mobile(text).to_dict()


# -- e-mail ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    ["zhang@example.com", "zhang.san+icp@example.com.cn", "12345@qq.com", "zhang@例子.中国"],
)
def test_valid_addresses(address: str) -> None:
    result = check_email(address)
    assert result.valid and result.findings == ()


def test_domain_case_is_folded_silently_and_idn_is_decoded() -> None:
    assert check_email("Zhang.San@QQ.COM").value == "Zhang.San@qq.com"
    result = check_email("zhang@例子.中国")
    assert result.idn and result.domain_ascii == "xn--fsqu00a.xn--fiqs8s"
    assert result.domain == "例子.中国"


@pytest.mark.parametrize(
    ("typed", "code", "fixed"),
    [
        ("zhang＠example.com", "email.fullwidth", "zhang@example.com"),
        ("zhang @example.com", "email.whitespace", "zhang@example.com"),
        ("zhang@例子。中国", "email.domain-spelling", "zhang@例子.中国"),
        ("zhang@qq.con", "email.domain-unknown-suffix", "zhang@qq.com"),
    ],
)
def test_fixable_addresses(typed: str, code: str, fixed: str) -> None:
    result = check_email(typed)
    finding = next(f for f in result.findings if f.code == code)
    assert finding.blocking
    assert finding.fix is not None and finding.fix.value == fixed


@pytest.mark.parametrize(("typed", "likely"), [("a@gmial.com", "gmail.com"), ("a@qq.cm", "qq.com")])
def test_likely_typo_of_a_common_provider_is_a_warning(typed: str, likely: str) -> None:
    result = check_email(typed)
    finding = next(f for f in result.findings if f.code == "email.domain-typo")
    assert finding.severity is Severity.WARNING
    assert finding.fix is not None and finding.fix.value.endswith("@" + likely)
    assert result.valid


def test_common_providers_are_not_typos_of_each_other() -> None:
    for domain in ["qq.com", "163.com", "126.com", "139.com", "189.cn", "sina.cn", "sina.com"]:
        assert check_email(f"a@{domain}").findings == ()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("zhang", "email.format"),
        ("zhang@", "email.format"),
        ("@example.com", "email.format"),
        ("a@b@example.com", "email.format"),
        (".zhang@example.com", "email.local-part"),
        ("zhang..san@example.com", "email.local-part"),
        ("zh ang@example.com", "email.whitespace"),
        ("x" * 65 + "@example.com", "email.local-length"),
        ("zhang@localhost", "email.domain-no-suffix"),
        ("zhang@1.2.3.4", "email.domain-ip-address"),
        ("zhang@exa_mple.com", "email.domain-invalid"),
    ],
)
def test_invalid_addresses(typed: str, code: str) -> None:
    result = check_email(typed)
    assert code in result.codes()
    assert not result.valid


def test_non_latin_local_part_is_a_warning() -> None:
    result = check_email("张三@example.com")
    assert result.codes() == ["email.local-non-ascii"]
    assert result.valid


@given(st.text(max_size=40))
def test_email_never_raises(text: str) -> None:
    check_email(text).to_dict()
