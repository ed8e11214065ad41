"""统一社会信用代码: checksum (python-stdnum), decoding, pilot codes, normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from beian_desktop.core.findings import Severity
from beian_desktop.core.identity import check_uscc
from beian_desktop.core.identity.uscc import (
    ALPHABET,
    checksum_holds,
    looks_like_pilot_code,
    well_formed,
)
from beian_desktop.core.identity.uscc_codes import AUTHORITIES

VECTORS = [  # icp-rules.md §8.2
    "914403001922038216",
    "9144030071526726XG",
    "91110000802100433B",
    "91350100M000100Y43",
]
# Early Fujian / Xiamen pilot codes that are legal but fail the check (aarioai/id-rule).
PILOT_CODES = ["91350100M0001TGQXM", "91350211M0000XUF46", "91350203M0001FUE2P"]
DIGITS = "0123456789"


def with_check(body17: str) -> str:
    return body17 + str(stdnum_uscc.calc_check_digit(body17 + "0"))


@pytest.mark.parametrize("code", VECTORS)
def test_reference_vectors_are_valid(code: str) -> None:
    result = check_uscc(code)
    assert result.valid and result.checksum_ok and not result.pilot_code
    assert result.value == code
    assert not [f for f in result.findings if f.severity is not Severity.INFO]


def test_decodes_authority_category_subject_and_province() -> None:
    result = check_uscc("914403001922038216")
    assert result.kind_code == "91"
    assert result.authority is not None and "工商" in result.authority.zh
    assert result.category is not None and result.category.zh == "企业"
    assert result.suggested_subject == "企业"
    assert result.province_code == "44"
    assert result.province_name is not None and result.province_name.zh == "广东"
    assert "uscc.subject-suggestion" in result.codes()


@pytest.mark.parametrize(
    ("kind", "subject", "category"),
    [
        ("91", "企业", "企业"),
        ("92", "企业", "个体工商户"),  # an individual business files as 企业
        ("93", "企业", "农民专业合作社"),
        ("11", "政府机关", "机关"),
        ("12", "事业单位", "事业单位"),
        ("51", "社会团体", "社会团体"),
        ("52", "民办非企业单位", "民办非企业单位"),
        ("53", "基金会", "基金会"),
        ("31", "律师执业机构", "律师执业机构"),
        ("34", "司法鉴定机构", "司法鉴定机构"),
        ("71", "宗教团体", "宗教活动场所"),
        ("N2", "集体经济", "村级集体经济组织"),
        ("A1", "国防机构", "军队事业单位"),
    ],
)
def test_kind_suggests_the_subject_type(kind: str, subject: str, category: str) -> None:
    code = with_check(kind + "440300MA5D00001")
    result = check_uscc(code)
    assert result.valid, result.codes()
    assert result.suggested_subject == subject
    assert result.category is not None and result.category.zh == category


def test_individual_business_note() -> None:
    result = check_uscc(with_check("92440300MA5D00001"))
    suggestion = next(f for f in result.findings if f.code == "uscc.subject-suggestion")
    assert "个体工商户" in suggestion.message.zh


def test_letter_authority_codes_are_accepted_although_stdnum_validate_refuses_them() -> None:
    code = with_check("N2110000MA0000001")
    assert not stdnum_uscc.is_valid(code)  # stdnum wants digits in positions 1-8
    assert check_uscc(code).valid


def test_undecodable_kind_is_a_warning() -> None:
    result = check_uscc(with_check("B1440300MA5D00001"))
    assert "uscc.kind-unknown" in result.codes()
    assert "uscc.subject-unknown" in result.codes()
    assert result.valid


def test_other_category_gives_no_subject_suggestion() -> None:
    result = check_uscc(with_check("19440300MA5D00001"))
    assert result.suggested_subject is None
    assert "uscc.subject-unknown" in result.codes()


def test_chosen_subject_that_differs_from_the_code_is_a_warning() -> None:
    result = check_uscc("914403001922038216", subject="社会团体")
    finding = next(f for f in result.findings if f.code == "uscc.subject-mismatch")
    assert finding.severity is Severity.WARNING
    assert "企业" in finding.message.zh
    assert "uscc.subject-mismatch" not in check_uscc("914403001922038216", subject="企业").codes()


def test_registration_province_must_be_the_filing_province() -> None:
    result = check_uscc("91110000802100433B", filing_province="44")
    finding = next(f for f in result.findings if f.code == "uscc.province-mismatch")
    assert finding.blocking
    assert "北京" in finding.message.zh and "广东" in finding.message.zh
    assert check_uscc("91110000802100433B", filing_province="11").valid


def test_national_registration_has_no_province() -> None:
    result = check_uscc(with_check("11100000000013127"))
    assert result.national and result.province_code is None
    assert "uscc.national" in result.codes()
    assert "uscc.province-mismatch" not in check_uscc(result.value, filing_province="44").codes()


def test_unknown_region_is_a_warning() -> None:
    result = check_uscc(with_check("91990300MA5D00001"))
    assert "uscc.region-unknown" in result.codes()
    assert result.valid


# -- pilot codes -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", PILOT_CODES)
def test_early_pilot_codes_are_a_warning_not_a_rejection(code: str) -> None:
    result = check_uscc(code)
    assert result.checksum_ok is False
    assert result.pilot_code
    assert result.valid
    pilot = next(f for f in result.findings if f.code == "uscc.pilot-code")
    assert pilot.severity is Severity.WARNING


@pytest.mark.parametrize(
    "code",
    [
        "91440100M0001TGQXM",  # M form outside the pilot region: a typo, not a pilot code
        "91350100A0001TGQXM",  # pilot region without the M form
        "914403001922038217",
    ],
)
def test_other_checksum_failures_are_blocking(code: str) -> None:
    result = check_uscc(code)
    assert "uscc.checksum" in result.codes()
    assert not result.valid


# -- normalisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("91 4403 0019 2203 8216", ["uscc.whitespace"]),
        ("914403-001922038216", ["uscc.symbol"]),
        ("９１４４０３００１９２２０３８２１６", ["uscc.fullwidth"]),
        ("9144030071526726xg", ["uscc.lowercase"]),
        ("统一社会信用代码：914403001922038216", ["uscc.symbol"]),
    ],
)
def test_stray_characters(typed: str, codes: list[str]) -> None:
    result = check_uscc(typed)
    stray = [c for c in result.codes() if c in {*codes, "uscc.checksum"}]
    assert stray == codes
    offered = {f.fix.value for f in result.findings if f.fix is not None}
    assert offered == {result.value}
    assert result.checksum_ok


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("9144O3001922O38216", "914403001922038216"),  # O for 0
        ("9I110000802100433B", "91110000802100433B"),  # I for 1
        ("91350100M000100Y4S", None),  # S: repaired to 5 the check fails, so no guess
    ],
)
def test_letters_the_standard_never_uses(typed: str, fixed: str | None) -> None:
    result = check_uscc(typed)
    finding = next(f for f in result.findings if f.code == "uscc.characters")
    assert finding.blocking
    assert (finding.fix.value if finding.fix else None) == fixed


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "uscc.empty"),
        ("440301000012345", "uscc.legacy-regno"),
        ("12345678-9", "uscc.legacy-orgcode"),
        ("9144030019220382", "uscc.length"),
        ("91440A001922038216", "uscc.format"),
    ],
)
def test_malformed_codes(typed: str, code: str) -> None:
    result = check_uscc(typed)
    assert code in result.codes()
    assert not result.valid


def test_every_category_of_the_standard_table_decodes() -> None:
    for authority_code, authority in AUTHORITIES.items():
        for category_code in authority.categories:
            code = with_check(authority_code + category_code + "440300MA5D00001")
            result = check_uscc(code)
            assert result.checksum_ok, code
            assert result.category is not None, code


# -- every single-character change is caught --------------------------------------------------
# MOD 31-3 (weights 3^(i-1) mod 31, all non-zero, 31 prime): a change by d, 0 < |d| <= 30, moves
# the sum by w*d, never 0 mod 31 — every substitution is caught. A swap of neighbours a,b in
# positions 1-17 moves it by -2*w_i*(a-b), also never 0 mod 31.


def substitutions(code: str) -> list[str]:
    return [
        code[:position] + ch + code[position + 1 :]
        for position, original in enumerate(code)
        for ch in ALPHABET
        if ch != original
    ]


@pytest.mark.parametrize("code", VECTORS)
def test_every_substitution_of_a_vector_is_caught(code: str) -> None:
    for variant in substitutions(code):
        result = check_uscc(variant)
        assert result.checksum_ok is not True, variant
        if not well_formed(variant):
            assert not result.valid, variant
            continue
        assert not checksum_holds(variant), variant
        if looks_like_pilot_code(variant):
            assert "uscc.pilot-code" in result.codes(), variant
        else:
            assert not result.valid, variant


valid_codes = st.builds(
    lambda kind, division, subject: with_check(kind + division + subject),
    st.sampled_from(["91", "92", "11", "12", "51", "N1", "A1"]),
    st.text(DIGITS, min_size=6, max_size=6),
    st.text(ALPHABET, min_size=9, max_size=9),
)


@given(valid_codes, st.integers(0, 17), st.sampled_from(ALPHABET))
def test_any_substitution_of_a_valid_code_is_caught(code: str, position: int, ch: str) -> None:
    if ch == code[position]:
        return
    variant = code[:position] + ch + code[position + 1 :]
    result = check_uscc(variant)
    assert result.checksum_ok is not True
    assert not result.valid or result.pilot_code


@given(valid_codes, st.integers(0, 15))
def test_swapping_neighbours_in_the_body_is_caught(code: str, position: int) -> None:
    a, b = code[position], code[position + 1]
    if a == b:
        return
    variant = code[:position] + b + a + code[position + 2 :]
    if well_formed(variant):
        assert not checksum_holds(variant)
    assert check_uscc(variant).checksum_ok is not True


@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    check_uscc(text, subject="企业", filing_province="44").to_dict()
