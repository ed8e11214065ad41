"""统一社会信用代码 (unified social credit code, GB 32100-2015).

python-stdnum (`stdnum.cn.uscc`) computes the check character. Its `validate()` is not used as a
whole because it requires positions 1-8 to be digits, which refuses the standard's letter codes
for the registration authority (A 军队, N 农业, Y 其他); the structure is checked here from the
standard's layout instead. Decoding positions 1-2 suggests the 主办单位性质, positions 3-4 give the
province of registration.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdnum.cn import uscc as stdnum_uscc

from beian_desktop.core.findings import Finding, Fix
from beian_desktop.core.identity.catalogue import Catalogue, blocking, emit, info, warning
from beian_desktop.core.identity.normalise import (
    CLEAN_FIX_LABEL,
    clean_code,
    repair_lookalikes,
    stray_findings,
)
from beian_desktop.core.identity.result import CheckResult
from beian_desktop.core.identity.tables import IdentityTables, bundled_tables
from beian_desktop.core.identity.uscc_codes import (
    NATIONAL_DIVISION_PREFIX,
    PILOT_MARKER,
    PILOT_REGIONS,
    decode_kind,
)
from beian_desktop.core.text import Text

USCC_LENGTH = 18
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: 31 symbols, no I O Z S V
NEVER_USED = {"I": "1", "O": "0", "Z": "2", "S": "5", "V": "U"}  # and what they usually were
REGISTRATION_NUMBER_LENGTH = 15  # 工商注册号, digits only
ORGANISATION_CODE_LENGTH = 9  # 组织机构代码 (8 + check character)
LEGACY_LENGTHS = {
    REGISTRATION_NUMBER_LENGTH: "uscc.legacy-regno",
    ORGANISATION_CODE_LENGTH: "uscc.legacy-orgcode",
}
WHAT = Text("统一社会信用代码", "unified social credit code")
FIX_KIND = "clean-uscc"


@dataclass(frozen=True, slots=True)
class UsccCheck(CheckResult):
    checksum_ok: bool | None = None
    pilot_code: bool = False  # early pilot code that breaks the check: warned, not refused
    kind_code: str | None = None  # positions 1-2
    authority: Text | None = None
    category: Text | None = None
    suggested_subject: str | None = None  # 主办单位性质 id
    province_code: str | None = None  # registration province (positions 3-4)
    province_name: Text | None = None
    national: bool = False  # registered by a national authority (positions 3-4 = 10)


MESSAGES: Catalogue = {
    "uscc.empty": blocking("未填写统一社会信用代码。", "No unified social credit code given."),
    "uscc.legacy-regno": blocking(
        "这是 15 位的旧工商注册号；请填写营业执照上的 18 位统一社会信用代码。",
        "This is an old 15-digit business registration number; enter the 18-character "
        "unified social credit code from the licence.",
    ),
    "uscc.legacy-orgcode": blocking(
        "这是 9 位的组织机构代码；请填写证书上的 18 位统一社会信用代码"
        "（第 9–17 位即组织机构代码）。",
        "This is a 9-character organisation code; enter the 18-character unified social "
        "credit code (positions 9-17 contain the organisation code).",
    ),
    "uscc.length": blocking(
        "统一社会信用代码应为 18 位，现为 {count} 位。",
        "A unified social credit code has 18 characters; this one has {count}.",
    ),
    "uscc.characters": blocking(
        "统一社会信用代码不使用字母 {letters}{hint}",
        "Unified social credit codes never use the letters {letters}{hint_en}",
    ),
    "uscc.format": blocking(
        "统一社会信用代码第 3–8 位（登记管理机关行政区划码）应全为数字。",
        "Positions 3-8 of the code (the registering authority's division code) must be digits.",
    ),
    "uscc.checksum": blocking(
        "统一社会信用代码校验位不符：至少有一位输错，请对照营业执照（或登记证书）逐位核对。",
        "The code's check character does not match: at least one character is wrong; compare "
        "it with the licence or certificate character by character.",
    ),
    "uscc.pilot-code": warning(
        "校验位不符，但该代码具有福建早期试点代码的特征（第 3–4 位 35、第 9 位 M），"
        "这类合法代码不符合国家标准的校验规则。请对照证书确认无误后再提交。",
        "The check character does not match, but the code looks like an early Fujian pilot "
        "code (positions 3-4 = 35, position 9 = M); such codes are legal yet fail the "
        "standard's check. Confirm it against the certificate before submitting.",
    ),
    "uscc.kind": info(
        "登记管理部门：{authority}；机构类别：{category}。",
        "Registration authority: {authority_en}; category: {category_en}.",
    ),
    "uscc.kind-unknown": warning(
        "代码前两位 {code} 不在国家标准的登记管理部门/机构类别表中，请核对。",
        "Positions 1-2, {code}, are not in the standard's authority/category table; check them.",
    ),
    "uscc.subject-suggestion": info(
        "按代码前两位 {code}，主办单位性质应选「{subject}」。{note}",
        "By positions 1-2 ({code}) the subject type is {subject_en}. {note_en}",
    ),
    "uscc.subject-unknown": info(
        "无法从代码前两位 {code} 判断主办单位性质，请按证书种类选择。",
        "Positions 1-2 ({code}) do not tell the subject type; choose it by the certificate.",
    ),
    "uscc.subject-mismatch": warning(
        "所选主办单位性质为「{chosen}」，而代码前两位 {code} 对应「{subject}」，请核对。",
        "The chosen subject type is {chosen_en}, but positions 1-2 ({code}) point to "
        "{subject_en}; check which is right.",
    ),
    "uscc.national": info(
        "第 3–8 位 {division}：由国家级登记管理机关登记。",
        "Positions 3-8, {division}: registered by a national authority.",
    ),
    "uscc.region": info(
        "登记地：{province}（第 3–4 位 {code}）。",
        "Registered in {province_en} (positions 3-4 = {code}).",
    ),
    "uscc.region-unknown": warning(
        "代码第 3–4 位 {code} 不是任何省份的代码，请核对。",
        "Positions 3-4, {code}, are no province's code; check them.",
    ),
    "uscc.province-mismatch": blocking(
        "该单位登记于{registered}，而备案省份为{province}：单位须在证件登记地所在省份备案。",
        "The organisation is registered in {registered_en} but the filing is in "
        "{province_en}: organisations file in the province that registered them.",
    ),
}

# Extra words for categories whose subject type is not obvious.
KIND_NOTES = {
    "92": Text(
        "个体工商户（有字号者）按「企业」备案。",
        "Individual businesses (with a trade name) file as enterprises.",
    ),
    "93": Text("农民专业合作社按「企业」备案。", "Farmers' cooperatives file as enterprises."),
}


def check_uscc(
    raw: str,
    *,
    subject: str | None = None,
    filing_province: str | None = None,
    tables: IdentityTables | None = None,
    concerns: str = "uscc",
) -> UsccCheck:
    """Check a 统一社会信用代码; `subject` is a 主办单位性质 id, `filing_province` a code."""
    tables = tables or bundled_tables()
    cleaned = clean_code(raw)
    code = cleaned.value
    repaired = _repair_letters(code)
    findings = stray_findings(
        cleaned, prefix="uscc", concerns=concerns, what=WHAT, fix_kind=FIX_KIND, value=repaired
    )
    if repaired is not None:
        findings.append(_characters_finding(code, repaired, concerns))
        code = repaired
    elif (shape := _shape_problem(code, concerns)) is not None:
        return UsccCheck(raw, code, (*findings, shape))
    decoder = _Decoder(code, tables, concerns)
    findings += decoder.findings(subject, filing_province)
    return decoder.result(raw, findings)


def well_formed(code: str) -> bool:
    """Length, alphabet and digits where the standard wants them (positions 3-8)."""
    return len(code) == USCC_LENGTH and all(ch in ALPHABET for ch in code) and code[2:8].isdigit()


def checksum_holds(code: str) -> bool:
    """The check character matches (python-stdnum's MOD 31-3); `code` must be well formed."""
    return bool(stdnum_uscc.calc_check_digit(code) == code[17])


def looks_like_pilot_code(code: str) -> bool:
    """Plausible early pilot code: a pilot region and the pilot form of the 主体标识码.

    Only these fail the check legitimately; any other failure is treated as a typo.
    """
    return code[2:4] in PILOT_REGIONS and code[8] == PILOT_MARKER


def _repair_letters(code: str) -> str | None:
    """The code with letters the standard never uses read as what they usually were
    (I→1, O→0 …), if that gives a well-formed code whose check character matches."""
    if len(code) != USCC_LENGTH:
        return None
    return repair_lookalikes(code, NEVER_USED, lambda c: well_formed(c) and checksum_holds(c))


def _shape_problem(code: str, concerns: str) -> Finding | None:
    if not code:
        return emit(MESSAGES, "uscc.empty", concerns)
    legacy = LEGACY_LENGTHS.get(len(code))
    if legacy and (code.isdigit() or len(code) == ORGANISATION_CODE_LENGTH):
        return emit(MESSAGES, legacy, concerns)
    if len(code) != USCC_LENGTH:
        return emit(MESSAGES, "uscc.length", concerns, count=len(code))
    if any(ch not in ALPHABET for ch in code):
        return _characters_finding(code, None, concerns)
    if not code[2:8].isdigit():
        return emit(MESSAGES, "uscc.format", concerns)
    return None


def _characters_finding(code: str, repaired: str | None, concerns: str) -> Finding:
    bad = "".join(dict.fromkeys(ch for ch in code if ch not in ALPHABET))
    usual = [f"{ch}→{NEVER_USED[ch]}" for ch in bad if ch in NEVER_USED]
    if repaired is not None:
        hint = Text(
            f"（{'、'.join(usual)} 后校验位正确，应为下面的代码）。",
            f" ({', '.join(usual)} makes the check character match: the code below).",
        )
        fix = Fix(kind=FIX_KIND, label=CLEAN_FIX_LABEL, value=repaired)
        return emit(
            MESSAGES,
            "uscc.characters",
            concerns,
            fix=fix,
            letters=bad,
            hint=hint.zh,
            hint_en=hint.en,
        )
    hint = Text(
        f"；常见为误输（{'、'.join(usual)}），请对照证书核对。" if usual else "，请对照证书核对。",
        f"; often a typo ({', '.join(usual)}); check the certificate."
        if usual
        else "; check the certificate.",
    )
    return emit(MESSAGES, "uscc.characters", concerns, letters=bad, hint=hint.zh, hint_en=hint.en)


class _Decoder:
    """Facts in a well-formed code and the findings they lead to."""

    def __init__(self, code: str, tables: IdentityTables, concerns: str) -> None:
        self.code, self.tables, self.concerns = code, tables, concerns
        self.checksum_ok = checksum_holds(code)
        self.pilot = not self.checksum_ok and looks_like_pilot_code(code)
        self.kind_code = code[:2]
        self.authority, self.category = decode_kind(self.kind_code)
        suggestion = tables.subject_for_uscc(self.kind_code)
        self.subject = suggestion.id if suggestion else None
        self.subject_name = suggestion.name if suggestion else None
        self.national = code[2:4] == NATIONAL_DIVISION_PREFIX
        self.province_name = None if self.national else tables.provinces.get(code[2:4])
        self.province_code = code[2:4] if self.province_name else None

    def _emit(self, key: str, **values: object) -> Finding:
        sources = (self.tables.cite("GB32100"),)
        return emit(MESSAGES, key, self.concerns, sources=sources, values=values)

    def findings(self, subject: str | None, filing_province: str | None) -> list[Finding]:
        found = [
            self._checksum(),
            self._kind(),
            self._subject(subject),
            self._region(),
            self._province_mismatch(filing_province),
        ]
        return [f for f in found if f is not None]

    def _checksum(self) -> Finding | None:
        if self.checksum_ok:
            return None
        return self._emit("uscc.pilot-code" if self.pilot else "uscc.checksum")

    def _kind(self) -> Finding:
        if self.authority is None or self.category is None:
            return self._emit("uscc.kind-unknown", code=self.kind_code)
        return self._emit(
            "uscc.kind",
            authority=self.authority.zh,
            authority_en=self.authority.en,
            category=self.category.zh,
            category_en=self.category.en,
        )

    def _subject(self, chosen: str | None) -> Finding:
        code = self.kind_code
        if self.subject_name is None:
            return emit(MESSAGES, "uscc.subject-unknown", self.concerns, code=code)
        names = {"subject": self.subject_name.zh, "subject_en": self.subject_name.en}
        if chosen is not None and chosen != self.subject:
            chosen_name = self.tables.subjects.get(chosen)
            chosen_en = chosen_name.name.en if chosen_name else chosen
            return emit(
                MESSAGES,
                "uscc.subject-mismatch",
                self.concerns,
                code=code,
                chosen=chosen,
                chosen_en=chosen_en,
                values=names,
            )
        note = KIND_NOTES.get(code, Text("", ""))
        return emit(
            MESSAGES,
            "uscc.subject-suggestion",
            self.concerns,
            code=code,
            note=note.zh,
            note_en=note.en,
            values=names,
        )

    def _region(self) -> Finding:
        code = self.code[2:4]
        if self.national:
            return self._emit("uscc.national", division=self.code[2:8])
        if self.province_name is None:
            return self._emit("uscc.region-unknown", code=code)
        return self._emit(
            "uscc.region",
            code=code,
            province=self.province_name.zh,
            province_en=self.province_name.en,
        )

    def _province_mismatch(self, filing_province: str | None) -> Finding | None:
        if not filing_province or self.province_name is None:
            return None
        if filing_province == self.province_code:
            return None
        filing = self.tables.provinces.get(filing_province, Text(filing_province, filing_province))
        return emit(
            MESSAGES,
            "uscc.province-mismatch",
            self.concerns,
            sources=(self.tables.cite("A", "limits"),),
            registered=self.province_name.zh,
            registered_en=self.province_name.en,
            province=filing.zh,
            province_en=filing.en,
        )

    def result(self, raw: str, findings: list[Finding]) -> UsccCheck:
        return UsccCheck(
            raw,
            self.code,
            tuple(findings),
            checksum_ok=self.checksum_ok,
            pilot_code=self.pilot,
            kind_code=self.kind_code,
            authority=self.authority,
            category=self.category,
            suggested_subject=self.subject,
            province_code=self.province_code,
            province_name=self.province_name,
            national=self.national,
        )
