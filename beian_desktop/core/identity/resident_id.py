"""18-digit resident ID numbers (公民身份号码, GB 11643-1999), incl. the residence permits of
Hong Kong, Macao and Taiwan residents, which use the same format with prefixes 81 / 82 / 83.

python-stdnum (`stdnum.cn.ric`) computes the check digit and parses the birth date. Its
`validate()` is not used as a whole: it also requires the six-digit address code to have existed
in the birth year, which refuses genuine numbers of people born before their county's code was
created (the reference's vector 440524188001010014), and it knows no 83 prefix. The rest —
future birth dates, age, sex, province, normalisation — is added here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from stdnum import numdb
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

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
from beian_desktop.core.text import Text

ID_LENGTH = 18
LEGACY_LENGTH = 15
OLDEST_PLAUSIBLE_AGE = 120
# Residence permits for Hong Kong, Macao and Taiwan residents (2018 State Council measure).
PERMIT_PREFIXES = frozenset({"81", "82", "83"})
# Letters that are digits mistyped or misread; kept only when the checksum then holds.
DIGIT_LOOKALIKES = {"O": "0", "D": "0", "Q": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8"}
WHAT = Text("身份证号码", "ID number")
FIX_KIND = "clean-id"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"

    @property
    def text(self) -> Text:
        return Text("男", "male") if self is Sex.MALE else Text("女", "female")


@dataclass(frozen=True, slots=True)
class ResidentIdCheck(CheckResult):
    checksum_ok: bool | None = None
    birth_date: dt.date | None = None
    age: int | None = None
    sex: Sex | None = None
    province_code: str | None = None
    province_name: Text | None = None
    county: str | None = None  # from python-stdnum's historical division list, when known
    residence_permit: bool = False  # 港澳台居民居住证
    legacy_15: bool = False


MESSAGES: Catalogue = {
    "id.empty": blocking("未填写身份证号码。", "No ID number given."),
    "id.legacy-15": blocking(
        "这是 15 位的第一代身份证号码，备案不受理；请使用第二代身份证上的 18 位号码"
        "（按规则推算通常为 {likely}，请以证件为准）。",
        "This is a 15-digit first-generation ID number, which filings do not accept; use the "
        "18-digit number on the second-generation card (by the conversion rule usually "
        "{likely}; go by the card).",
    ),
    "id.length": blocking(
        "身份证号码应为 18 位，现为 {count} 位。",
        "An ID number has 18 characters; this one has {count}.",
    ),
    "id.letters": blocking(
        "身份证号码中有字母 {letters}：前 17 位只能是数字，仅第 18 位可为 X。{hint}",
        "The ID number contains the letters {letters}: the first 17 characters are digits and "
        "only the 18th may be X. {hint_en}",
    ),
    "id.format": blocking(
        "身份证号码格式不对：前 17 位须为数字，第 18 位为数字或 X。",
        "The ID number is malformed: 17 digits followed by a digit or X.",
    ),
    "id.checksum": blocking(
        "身份证号码校验码不符：号码中至少有一位输错或顺序颠倒，请对照证件逐位核对。",
        "The ID number's check digit does not match: at least one digit is wrong or two are "
        "swapped; compare it with the card digit by digit.",
    ),
    "id.birth-date": blocking(
        "身份证号码第 7–14 位 {digits} 不是有效的出生日期。",
        "Characters 7–14 of the ID number ({digits}) are not a valid birth date.",
    ),
    "id.birth-future": blocking(
        "身份证号码中的出生日期 {date} 晚于今天（{today}）。",
        "The birth date in the ID number, {date}, is after today ({today}).",
    ),
    "id.age-implausible": warning(
        "身份证号码中的出生日期 {date} 对应 {age} 岁，请核对号码。",
        "The birth date in the ID number, {date}, means an age of {age}; check the number.",
    ),
    "id.province-unknown": blocking(
        "身份证号码前两位 {code} 不是任何省份或港澳台地区的代码。",
        "The first two digits of the ID number, {code}, are no province's or region's code.",
    ),
    "id.region": info(
        "号码前两位 {code}：{region}，{note}。",
        "Prefix {code}: {region_en}, {note_en}.",
    ),
    "id.address-unknown": info(
        "地址码 {code} 不在 python-stdnum 的历史行政区划表中；校验码正确时多为表中缺漏，"
        "仍请核对前 6 位。",
        "Address code {code} is not in python-stdnum's historical division list; with a "
        "correct check digit the list is more likely incomplete, but check the first six "
        "digits.",
    ),
    "id.other-province": info(
        "身份证签发地为{id_province}，备案省份为{province}：个人异地备案各省要求不同，"
        "见备案清单中的省份规则。",
        "The ID was issued in {id_province_en}; the filing is in {province_en}. Provinces "
        "treat non-local individuals differently; see the province rules in the checklist.",
    ),
}


def check_resident_id(
    raw: str,
    *,
    on: dt.date | None = None,
    filing_province: str | None = None,
    tables: IdentityTables | None = None,
    concerns: str = "id_number",
) -> ResidentIdCheck:
    """Check an 18-digit resident ID number or residence-permit number.

    `on` is the date ages are computed for (default today); `filing_province` a two-digit code.
    """
    tables = tables or bundled_tables()
    cleaned = clean_code(raw)
    number = cleaned.value
    repaired = _repair_letters(number)
    findings = stray_findings(
        cleaned,
        prefix="id",
        concerns=concerns,
        what=WHAT,
        fix_kind=FIX_KIND,
        value=repaired,
    )
    if repaired is not None:
        findings.append(_letters_finding(number, repaired, concerns))
        number = repaired
    elif (shape := _shape_problem(number, concerns)) is not None:
        legacy = shape.code == "id.legacy-15"
        return ResidentIdCheck(raw, number, (*findings, shape), legacy_15=legacy)
    decoded = _Decoder(number, on or dt.date.today(), tables, concerns)
    findings += decoded.findings()
    if filing_province and decoded.province_code not in (None, filing_province):
        findings.append(
            _other_province(decoded.province_code or "", filing_province, tables, concerns)
        )
    return ResidentIdCheck(
        raw,
        number,
        tuple(findings),
        checksum_ok=decoded.checksum_ok,
        birth_date=decoded.birth_date,
        age=decoded.age,
        sex=decoded.sex,
        province_code=decoded.province_code,
        province_name=decoded.province_name,
        county=decoded.county,
        residence_permit=decoded.province_code in PERMIT_PREFIXES,
    )


def _well_formed(number: str) -> bool:
    return (
        len(number) == ID_LENGTH
        and number[:17].isdigit()
        and (number[17].isdigit() or number[17] == "X")
    )


def checksum_holds(number: str) -> bool:
    """The check digit matches (python-stdnum's MOD 11-2); `number` must be well formed."""
    return bool(ric.calc_check_digit(number) == number[17])


def _repair_letters(number: str) -> str | None:
    """The number with look-alike letters read as digits, if that makes a valid number."""
    if len(number) != ID_LENGTH or _well_formed(number):
        return None
    body = repair_lookalikes(number[:17], DIGIT_LOOKALIKES, str.isdigit)
    if body is None:
        return None
    candidate = body + number[17]
    return candidate if _well_formed(candidate) and checksum_holds(candidate) else None


def _shape_problem(number: str, concerns: str) -> Finding | None:
    """Why the number cannot be decoded at all (empty, 15 digits, length, letters), if so."""
    if not number:
        return emit(MESSAGES, "id.empty", concerns)
    if len(number) == LEGACY_LENGTH and number.isdigit():
        return emit(MESSAGES, "id.legacy-15", concerns, likely=_upgrade_legacy(number))
    if len(number) != ID_LENGTH:
        return emit(MESSAGES, "id.length", concerns, count=len(number))
    if _well_formed(number):
        return None
    if any(ch.isalpha() for ch in number[:17]):
        return _letters_finding(number, None, concerns)
    return emit(MESSAGES, "id.format", concerns)


def _letters_finding(number: str, repaired: str | None, concerns: str) -> Finding:
    letters = "".join(dict.fromkeys(ch for ch in number[:17] if ch.isalpha()))
    if repaired is None:
        hint = Text("请对照证件重新输入。", "Re-type it from the card.")
        return emit(
            MESSAGES, "id.letters", concerns, letters=letters, hint=hint.zh, hint_en=hint.en
        )
    hint = Text(
        "把字母当作形近的数字后校验码正确，应为下面的号码。",
        "Read as the digits they resemble, the check digit matches: the number below.",
    )
    fix = Fix(kind=FIX_KIND, label=CLEAN_FIX_LABEL, value=repaired)
    return emit(
        MESSAGES, "id.letters", concerns, fix=fix, letters=letters, hint=hint.zh, hint_en=hint.en
    )


def _upgrade_legacy(number: str) -> str:
    """The 18-digit form a 15-digit number is usually upgraded to: century 19 plus a check digit."""
    body = number[:6] + "19" + number[6:]
    return body + str(ric.calc_check_digit(body + "0"))


class _Decoder:
    """The facts in a well-formed 18-digit number, and the findings they lead to."""

    def __init__(self, number: str, today: dt.date, tables: IdentityTables, concerns: str) -> None:
        self.number, self.today, self.tables, self.concerns = number, today, tables, concerns
        self.checksum_ok = checksum_holds(number)
        self.birth_date = _birth_date(number)
        self.age = _age(self.birth_date, today) if self.birth_date else None
        self.sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
        code = number[:2]
        self.province_name = tables.region_name(code)
        self.province_code = code if self.province_name else None
        self.county = _county(number[:6])

    def findings(self) -> list[Finding]:
        found = [self._checksum(), *self._birth(), *self._place()]
        return [f for f in found if f is not None]

    def _emit(self, key: str, **values: object) -> Finding:
        sources = (self.tables.cite("GB11643"),)
        return emit(MESSAGES, key, self.concerns, sources=sources, values=values)

    def _checksum(self) -> Finding | None:
        return None if self.checksum_ok else self._emit("id.checksum")

    def _birth(self) -> list[Finding]:
        if self.birth_date is None:
            return [self._emit("id.birth-date", digits=self.number[6:14])]
        if self.birth_date > self.today:
            return [self._emit("id.birth-future", date=self.birth_date, today=self.today)]
        if self.age is not None and self.age > OLDEST_PLAUSIBLE_AGE:
            return [self._emit("id.age-implausible", date=self.birth_date, age=self.age)]
        return []

    def _place(self) -> list[Finding]:
        code = self.number[:2]
        if self.province_name is None:
            return [self._emit("id.province-unknown", code=code)]
        region = self.tables.regions.get(code)
        if region is not None:
            return [
                emit(
                    MESSAGES,
                    "id.region",
                    self.concerns,
                    code=code,
                    region=region.name.zh,
                    region_en=region.name.en,
                    note=region.note.zh,
                    note_en=region.note.en,
                )
            ]
        if self.county is None:
            return [emit(MESSAGES, "id.address-unknown", self.concerns, code=self.number[:6])]
        return []


def _birth_date(number: str) -> dt.date | None:
    try:
        date: dt.date = ric.get_birth_date(number)
    except ValidationError:
        return None
    return date


def _age(birth: dt.date, today: dt.date) -> int:
    before_birthday = (today.month, today.day) < (birth.month, birth.day)
    return today.year - birth.year - before_birthday


def _county(address_code: str) -> str | None:
    """County name(s) for a six-digit address code; names of a code's periods joined by '/'."""
    found = {
        k: v for _part, props in numdb.get("cn/loc").info(address_code) for k, v in props.items()
    }
    raw = found.get("county")
    if not raw:
        return None
    names = [entry.rpartition("]")[2] for entry in str(raw).split(",")]
    return "/".join(dict.fromkeys(names))


def _other_province(
    id_province: str, filing_province: str, tables: IdentityTables, concerns: str
) -> Finding:
    id_name = tables.region_name(id_province) or Text(id_province, id_province)
    filing_name = tables.region_name(filing_province) or Text(filing_province, filing_province)
    return emit(
        MESSAGES,
        "id.other-province",
        concerns,
        id_province=id_name.zh,
        id_province_en=id_name.en,
        province=filing_name.zh,
        province_en=filing_name.en,
    )
