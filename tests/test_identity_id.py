"""Resident ID numbers: checksum (python-stdnum), decoding, normalisation, typo detection."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from beian_desktop.core.findings import Severity
from beian_desktop.core.identity import Sex, check_resident_id
from beian_desktop.core.identity.resident_id import checksum_holds

VECTORS = ["11010519491231002X", "440524188001010014"]  # icp-rules.md §8.1
ON = dt.date(2026, 1, 1)


def with_check_digit(body17: str) -> str:
    return body17 + str(ric.calc_check_digit(body17 + "0"))


@pytest.mark.parametrize("number", VECTORS)
def test_reference_vectors_are_valid(number: str) -> None:
    result = check_resident_id(number, on=ON)
    assert result.valid and result.checksum_ok
    assert result.value == number


def test_decodes_birth_age_sex_and_province() -> None:
    result = check_resident_id("11010519491231002X", on=dt.date(2025, 12, 30))
    assert result.birth_date == dt.date(1949, 12, 31)
    assert result.age == 75  # the birthday is tomorrow
    assert check_resident_id("11010519491231002X", on=dt.date(2025, 12, 31)).age == 76
    assert result.sex is Sex.FEMALE  # sequence 002: even
    assert result.province_code == "11"
    assert result.province_name is not None and result.province_name.zh == "北京"
    assert result.county == "朝阳区"
    assert result.findings == ()


def test_vector_born_1880_is_valid_but_the_age_is_questioned() -> None:
    result = check_resident_id("440524188001010014", on=ON)
    assert result.valid
    assert result.sex is Sex.MALE
    assert result.province_name is not None and result.province_name.zh == "广东"
    assert result.codes() == ["id.age-implausible"]
    assert result.findings[0].severity is Severity.WARNING


def test_age_defaults_to_today() -> None:
    result = check_resident_id("11010519491231002X")
    today = dt.date.today()
    expected = today.year - 1949 - ((today.month, today.day) < (12, 31))
    assert result.age == expected


# -- normalisation ---------------------------------------------------------------------------

CLEAN = "11010519491231002X"


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("1101 0519 4912 3100 2X", ["id.whitespace"]),
        ("110105\u300019491231002X", ["id.whitespace"]),  # full-width space
        ("110105\u00a019491231002X", ["id.whitespace"]),  # no-break space from Word
        ("110105\t19491231002X", ["id.whitespace"]),
        ("110105-19491231-002X", ["id.symbol"]),
        ("110105.1949.1231.002X", ["id.symbol"]),
        ("110105—19491231—002X", ["id.symbol"]),  # em dash
        ("110105·19491231·002X", ["id.symbol"]),
        ("身份证号：11010519491231002X", ["id.symbol"]),
        ("１１０１０５１９４９１２３１００２Ｘ", ["id.fullwidth"]),
        ("110105１９４９1231002X", ["id.fullwidth"]),
        ("11010519491231002x", ["id.lowercase"]),
        ("１１０１０５１９４９１２３１００２ｘ", ["id.fullwidth", "id.lowercase"]),
        ("\u200b11010519491231002X", ["id.invisible"]),
        ("11010519491231002X\ufeff", ["id.invisible"]),
        (" 11010519491231002X ", ["id.edge-space"]),
        ("1101 0519-4912.3100 2x", ["id.whitespace", "id.symbol", "id.lowercase"]),
    ],
)
def test_stray_characters_are_reported_each_offering_the_cleaned_number(
    typed: str, codes: list[str]
) -> None:
    result = check_resident_id(typed, on=ON)
    assert result.codes() == codes
    assert result.value == CLEAN
    assert result.checksum_ok
    for finding in result.findings:
        assert finding.fix is not None
        assert finding.fix.kind == "clean-id"
        assert finding.fix.value == CLEAN
        assert finding.concerns == "id_number"
    assert result.fixable


def test_spaces_and_symbols_block_but_lower_case_and_edges_only_warn() -> None:
    assert not check_resident_id("1101 0519 4912 3100 2X", on=ON).valid
    assert not check_resident_id("110105-19491231-002X", on=ON).valid
    assert check_resident_id("11010519491231002x", on=ON).valid
    assert check_resident_id(" 11010519491231002X ", on=ON).valid


def test_acceptance_example_offers_the_cleaned_number() -> None:
    result = check_resident_id("1101 0519 4912 3100 2X")
    whitespace = next(f for f in result.findings if f.code == "id.whitespace")
    assert whitespace.blocking
    assert whitespace.fix is not None and whitespace.fix.value == "11010519491231002X"


def test_stray_message_names_the_characters() -> None:
    result = check_resident_id("110105/19491231/002X", on=ON)
    assert "「/」" in result.findings[0].message.zh


def test_letters_that_look_like_digits_are_fixed_when_the_checksum_then_holds() -> None:
    result = check_resident_id("11O1O519491231OO2X", on=ON)
    assert result.codes() == ["id.letters"]
    assert result.findings[0].fix is not None
    assert result.findings[0].fix.value == CLEAN
    assert result.value == CLEAN and result.birth_date == dt.date(1949, 12, 31)


def test_letters_without_a_checksum_that_holds_get_no_fix() -> None:
    result = check_resident_id("11010519491231AB2X", on=ON)
    assert result.codes() == ["id.letters"]
    assert result.findings[0].fix is None
    assert not result.valid and not result.fixable


def test_lookalike_repair_is_offered_in_the_stray_fix_too() -> None:
    result = check_resident_id("1101 0519 4912 31OO 2X", on=ON)
    assert result.codes() == ["id.whitespace", "id.letters"]
    assert all(f.fix is not None and f.fix.value == CLEAN for f in result.findings)


# -- shape problems ------------------------------------------------------------------------


def test_fifteen_digit_legacy_number_is_refused_with_the_likely_new_number() -> None:
    result = check_resident_id("110105491231002", on=ON)
    assert result.legacy_15
    assert result.codes() == ["id.legacy-15"]
    assert result.findings[0].blocking
    assert "11010519491231002X" in result.findings[0].message.zh
    assert result.findings[0].fix is None  # a guess is shown, never applied


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "id.empty"),
        ("   ", "id.empty"),
        ("1101051949123100", "id.length"),
        ("11010519491231002XX", "id.length"),
        ("11010519491231002Y", "id.format"),
        ("1101051949123100X2", "id.letters"),  # X only as the check character
    ],
)
def test_malformed_numbers(typed: str, code: str) -> None:
    result = check_resident_id(typed, on=ON)
    assert code in result.codes()
    assert not result.valid


def test_wrong_check_digit_is_blocking_without_suggesting_a_check_digit() -> None:
    result = check_resident_id("110105194912310021", on=ON)
    assert result.codes() == ["id.checksum"]
    assert result.checksum_ok is False
    assert result.findings[0].fix is None
    assert result.findings[0].sources[0].key == "GB11643"


def test_invalid_birth_date() -> None:
    number = with_check_digit("11010519490231002")  # 31 February
    result = check_resident_id(number, on=ON)
    assert result.codes() == ["id.birth-date"]
    assert result.birth_date is None and result.age is None


def test_birth_date_in_the_future() -> None:
    number = with_check_digit("11010520300101002")
    result = check_resident_id(number, on=ON)
    assert result.codes() == ["id.birth-future"]
    assert not result.valid


# -- provinces and regions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "name", "permit"),
    [
        ("810000", "香港", True),
        ("820000", "澳门", True),
        ("830000", "台湾（居住证）", True),
        ("710000", "台湾", False),
    ],
)
def test_region_prefixes(prefix: str, name: str, permit: bool) -> None:
    number = with_check_digit(prefix + "19900101001")
    result = check_resident_id(number, on=ON)
    assert result.valid
    assert result.province_code == prefix[:2]
    assert result.province_name is not None and result.province_name.zh == name
    assert result.residence_permit is permit
    assert result.codes() == ["id.region"]
    assert result.findings[0].severity is Severity.INFO


@pytest.mark.parametrize("prefix", ["99", "00", "80", "72", "24"])
def test_unknown_province_prefix_is_reported(prefix: str) -> None:
    number = with_check_digit(prefix + "010519491231002")
    result = check_resident_id(number, on=ON)
    assert "id.province-unknown" in result.codes()
    assert result.province_code is None
    assert not result.valid


def test_address_code_missing_from_the_historical_list_is_only_advice() -> None:
    number = with_check_digit("11999919491231002")
    result = check_resident_id(number, on=ON)
    assert result.valid
    assert result.codes() == ["id.address-unknown"]


def test_other_filing_province_is_mentioned() -> None:
    result = check_resident_id("440524188001010014", on=ON, filing_province="41")
    assert "id.other-province" in result.codes()
    message = next(f for f in result.findings if f.code == "id.other-province").message
    assert "广东" in message.zh and "河南" in message.zh
    assert check_resident_id(CLEAN, on=ON, filing_province="11").findings == ()


# -- every single-character change is caught --------------------------------------------------
# MOD 11-2 (weights 2^(18-i) mod 11, all non-zero, 11 prime): changing one character by d,
# 0 < |d| <= 10, changes the sum by w*d, never 0 mod 11. So every substitution is caught; and a
# swap of neighbours a,b in positions 1-17 changes it by (a-b)*w_(i+1), also never 0 mod 11.

DIGITS = "0123456789"


def substitutions(number: str) -> list[str]:
    variants = []
    for position, original in enumerate(number):
        allowed = DIGITS + "X" if position == 17 else DIGITS
        variants += [
            number[:position] + ch + number[position + 1 :] for ch in allowed if ch != original
        ]
    return variants


@pytest.mark.parametrize("number", VECTORS)
def test_every_substitution_of_a_vector_is_caught(number: str) -> None:
    for variant in substitutions(number):
        assert not checksum_holds(variant), variant
        result = check_resident_id(variant, on=ON)
        assert not result.valid, variant
        assert "id.checksum" in result.codes(), variant


valid_ids = st.builds(
    lambda prefix, rest: with_check_digit(prefix + rest),
    st.sampled_from(["11", "31", "32", "44", "65", "81", "82", "83"]),
    st.text(DIGITS, min_size=15, max_size=15),
)


@given(valid_ids, st.integers(0, 17), st.sampled_from(DIGITS + "X"))
def test_any_substitution_of_a_valid_id_is_caught(number: str, position: int, ch: str) -> None:
    if ch == number[position] or (ch == "X" and position != 17):
        return
    variant = number[:position] + ch + number[position + 1 :]
    result = check_resident_id(variant, on=ON)
    assert result.checksum_ok is False
    assert not result.valid


@given(valid_ids, st.integers(0, 15))
def test_swapping_neighbours_in_the_body_is_caught(number: str, position: int) -> None:
    a, b = number[position], number[position + 1]
    if a == b:
        return
    variant = number[:position] + b + a + number[position + 2 :]
    assert not checksum_holds(variant)
    assert not check_resident_id(variant, on=ON).valid


@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    result = check_resident_id(text, on=ON)
    assert isinstance(result.valid, bool)
    result.to_dict()
