"""Website names (网站名称), icp-rules.md §7.1. The word lists and the per-province personal
pattern are rule-pack data (`SiteNameRules`); this module decides what each match means for the
subject at hand.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from beian_desktop.core.findings import Finding, Fix, Severity
from beian_desktop.core.identity.catalogue import Catalogue, blocking, emit, info, warning
from beian_desktop.core.identity.domain import HostError, inspect_host
from beian_desktop.core.identity.result import CheckResult
from beian_desktop.core.identity.site_name_rules import PersonalPattern, SiteNameRules
from beian_desktop.core.identity.tables import IdentityTables, IndustryInfo, bundled_tables
from beian_desktop.core.text import Text

# Subject types that are state organs, for which the state words are allowed. A candidate for a
# `state = true` flag in subjects.toml.
# Tencent (intl) accepts these in names; other providers refuse all symbols: warn, don't block.
TOLERATED_SYMBOLS = frozenset("()（）-· \u3000")


@dataclass(frozen=True, slots=True)
class SiteNameCheck(CheckResult):
    han_count: int = 0
    pattern: Text | None = None  # the province's fixed personal-site form, when it applies
    pattern_ok: bool | None = None
    industries: tuple[str, ...] = ()  # industries needing 前置审批 the name suggests


MESSAGES: Catalogue = {
    "site-name.empty": blocking("未填写网站名称。", "No website name given."),
    "site-name.normalised": info(
        "网站名称中有全角字母数字或首尾空格，已规范为「{value}」。",
        "Full-width letters or digits or surrounding spaces in the name; cleaned to 「{value}」.",
    ),
    "site-name.domain": blocking(
        "网站名称不能是域名或含域名（{domain}）。",
        "A website name may not be or contain a domain ({domain}).",
    ),
    "site-name.digits": blocking(
        "网站名称不能是纯数字。", "A website name may not be digits only."
    ),
    "site-name.latin": blocking(
        "网站名称不能是纯英文（或英文加数字）；至少需要 {min_han} 个汉字。",
        "A website name may not be Latin letters (and digits) only; it needs at least "
        "{min_han} Chinese characters.",
    ),
    "site-name.too-short": blocking(
        "网站名称至少需要 {min_han} 个汉字，现有 {han} 个。",
        "A website name needs at least {min_han} Chinese characters; it has {han}.",
    ),
    "site-name.symbols": blocking(
        "网站名称不能含特殊符号：{symbols}。",
        "A website name may not contain special symbols: {symbols}.",
    ),
    "site-name.symbols-tolerated": warning(
        "网站名称含 {symbols}：个别服务商接受，多数不接受，建议去掉。",
        "The name contains {symbols}: a few providers accept them, most do not; better "
        "remove them.",
    ),
    "site-name.sensitive": blocking(
        "网站名称含敏感词「{words}」，不予备案。",
        "The name contains the sensitive word(s) 「{words}」, which filings refuse.",
    ),
    "site-name.state-words": blocking(
        "非国家机关、事业单位的网站名称不能含「{words}」。",
        "Only state organs and public institutions may use 「{words}」 in a website name.",
    ),
    "site-name.state-words-unit": warning(
        "网站名称含「{words}」：仅国家机关、事业单位可用；若单位名称本身含该词，请以单位全称命名"
        "并准备说明，否则会被退回。",
        "The name contains 「{words}」, reserved to state organs and public institutions; "
        "if the organisation's registered name contains it, use that name and be ready to "
        "explain, otherwise the filing is returned.",
    ),
    "site-name.foreign": warning(
        "网站名称含「{words}」（外国或国际组织名称），可能被认为误导而退回。",
        "The name contains 「{words}」 (foreign or international names), which may be "
        "refused as misleading.",
    ),
    "site-name.personal-banned": blocking(
        "个人网站名称不能含「{words}」。",
        "A personal site's name may not contain 「{words}」.",
    ),
    "site-name.personal-banned-low": warning(
        "个人网站名称含「{words}」：部分管局不接受（来源可信度低），建议换掉。",
        "The personal site's name contains 「{words}」, which some bureaus are reported to "
        "refuse (low-confidence source); better avoid.",
    ),
    "site-name.preapproval": warning(
        "网站名称含「{word}」，提示{industry}，需先取得前置审批{licence}。",
        "The name contains 「{word}」, which suggests {industry_en} that needs a "
        "pre-approval{licence_en} first.",
    ),
    "site-name.industry-keyword": info(
        "网站名称含「{word}」：若网站{industry}，需前置审批{licence}。",
        "The name contains 「{word}」: if the site offers {industry_en}, it needs a "
        "pre-approval{licence_en}.",
    ),
    "site-name.personal-pattern": blocking(
        "{province}个人网站的名称只能是「XX的个人博客」或「XX的个人主页」，例如：{example}。",
        "In {province_en} a personal site may only be named 'XX的个人博客' or 'XX的个人主页', "
        "e.g. {example_en}.",
    ),
    "site-name.personal-pattern-ok": info(
        "名称符合{province}个人网站的固定格式；备注中请写明网站拟发布的内容。",
        "The name follows {province_en}'s fixed form for personal sites; describe the "
        "planned content in the remark.",
    ),
    "site-name.personal-pattern-hint": info(
        "若以个人身份在{province}备案，名称只能是「XX的个人博客」或「XX的个人主页」，例如：{example}。",
        "Filing as an individual in {province_en}, the name must be 'XX的个人博客' or "
        "'XX的个人主页', e.g. {example_en}.",
    ),
}


def check_site_name(
    raw: str,
    *,
    subject: str | None = None,
    province: str | None = None,
    subject_name: str | None = None,
    tables: IdentityTables | None = None,
    rules: SiteNameRules | None = None,
    concerns: str = "site_name",
) -> SiteNameCheck:
    """Check a website name for the subject type `subject` (e.g. 个人, 企业) filing in `province`
    (a two-digit code); `subject_name` is the organisation's registered name, when known."""
    tables = tables or bundled_tables()
    rules = rules or tables.site_names
    return _Judge(raw, subject, province, subject_name, tables, rules, concerns).result()


def is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEO"))


def _clean_name(raw: str) -> str:
    """Drop invisible characters and surrounding spaces, fold full-width letters and digits.

    Chinese punctuation such as （） stays: it is how Chinese names are written.
    """
    kept = (ch for ch in raw if unicodedata.category(ch) != "Cf")
    return "".join(_fold_alnum(ch) for ch in kept).strip()


def _fold_alnum(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 and folded.isascii() and folded.isalnum() else ch


def _found(words: Iterable[str], text: str) -> list[str]:
    folded = text.casefold()
    return [w for w in words if w.casefold() in folded]


class _Judge:
    def __init__(
        self,
        raw: str,
        subject: str | None,
        province: str | None,
        subject_name: str | None,
        tables: IdentityTables,
        rules: SiteNameRules,
        concerns: str,
    ) -> None:
        self.raw, self.name, self.concerns = raw, _clean_name(raw), concerns
        self.tables, self.rules, self.province = tables, rules, province
        self.subject, self.subject_name = subject, subject_name
        info_ = tables.subjects.get(subject or "")
        self.individual: bool | None = info_.individual if info_ else None
        self.pattern = rules.pattern_for(province)
        self.industries: list[str] = []

    # -- plumbing ---------------------------------------------------------------------------
    def _emit(self, key: str, *, severity: Severity | None = None, **values: object) -> Finding:
        sources = self.rules.sources
        return emit(MESSAGES, key, self.concerns, severity=severity, sources=sources, values=values)

    def _province_names(self) -> dict[str, str]:
        name = self.tables.region_name(self.province or "") or Text("该省", "this province")
        return {"province": name.zh, "province_en": name.en}

    # -- the checks -------------------------------------------------------------------------
    def result(self) -> SiteNameCheck:
        findings = self._normalised()
        if not self.name:
            findings.append(self._emit("site-name.empty"))
            return SiteNameCheck(self.raw, self.name, tuple(findings))
        words_text, pattern_findings, pattern_ok = self._pattern()
        findings += [
            *self._form(),
            *pattern_findings,
            *self._words(words_text),
            *self._preapproval(words_text),
        ]
        return SiteNameCheck(
            self.raw,
            self.name,
            tuple(findings),
            han_count=self.han_count,
            pattern=self.pattern.example if self.pattern and self.individual is not False else None,
            pattern_ok=pattern_ok,
            industries=tuple(dict.fromkeys(self.industries)),
        )

    @property
    def han_count(self) -> int:
        return sum(1 for ch in self.name if is_han(ch))

    def _normalised(self) -> list[Finding]:
        if self.name == self.raw or not self.name:
            return []
        fix = Fix("clean-site-name", Text("改为规范写法", "use the cleaned name"), self.name)
        return [emit(MESSAGES, "site-name.normalised", self.concerns, fix=fix, value=self.name)]

    def _form(self) -> list[Finding]:
        """Composition: not a domain, enough 汉字, not digits/Latin only, no symbols."""
        domain = self._domain_in_name()
        if domain:
            return [self._emit("site-name.domain", domain=domain)]
        found = [self._composition()]
        found += self._symbols()
        return [f for f in found if f is not None]

    def _domain_in_name(self) -> str | None:
        for token in self.name.split():
            if "." not in token:
                continue
            try:
                inspect_host(token)
            except HostError:
                continue
            return token
        return None

    def _composition(self) -> Finding | None:
        han, minimum = self.han_count, self.rules.min_han
        compact = self.name.replace(" ", "")
        if han == 0 and compact.isdigit():
            return self._emit("site-name.digits")
        if han == 0 and compact.isascii() and compact.isalnum():
            return self._emit("site-name.latin", min_han=minimum)
        if han < minimum:
            return self._emit("site-name.too-short", min_han=minimum, han=han)
        return None

    def _symbols(self) -> list[Finding]:
        others = [ch for ch in self.name if not (is_han(ch) or (ch.isascii() and ch.isalnum()))]
        unique = list(dict.fromkeys(others))
        hard = [ch for ch in unique if ch not in TOLERATED_SYMBOLS]
        soft = [ch for ch in unique if ch in TOLERATED_SYMBOLS]
        found = []
        if hard:
            found.append(self._emit("site-name.symbols", symbols=_show(hard)))
        if soft:
            found.append(self._emit("site-name.symbols-tolerated", symbols=_show(soft)))
        return found

    def _pattern(self) -> tuple[str, list[Finding], bool | None]:
        """(the text the word lists apply to, findings, whether the fixed form is followed)."""
        pattern = self.pattern
        if pattern is None or self.individual is False:
            return self.name, [], None
        names = {
            **self._province_names(),
            "example": pattern.example.zh,
            "example_en": pattern.example.en,
        }
        if self.individual is None:
            return (
                self.name,
                [self._pattern_finding("site-name.personal-pattern-hint", pattern, names)],
                None,
            )
        free = pattern.free_part(self.name)
        if free is None:
            return (
                self.name,
                [self._pattern_finding("site-name.personal-pattern", pattern, names)],
                False,
            )
        ok = self._pattern_finding("site-name.personal-pattern-ok", pattern, names)
        return free, [ok], True

    def _pattern_finding(
        self, key: str, pattern: PersonalPattern, names: dict[str, str]
    ) -> Finding:
        return emit(MESSAGES, key, self.concerns, sources=pattern.sources, values=names)

    def _words(self, text: str) -> list[Finding]:
        rules, found = self.rules, []
        lists = [
            ("site-name.sensitive", rules.sensitive_words, True),
            ("site-name.foreign", rules.foreign_words, True),
            ("site-name.personal-banned", rules.personal_banned, self.individual is True),
            ("site-name.personal-banned-low", rules.personal_banned_low, self.individual is True),
        ]
        for key, words, applies in lists:
            matched = _found(words, text) if applies else []
            if matched:
                found.append(self._emit(key, words="」「".join(matched)))
        return [*found, *self._state_words(text)]

    def _state_words(self, text: str) -> list[Finding]:
        subject = self.tables.subjects.get(self.subject or "")
        if subject is not None and subject.state:
            return []
        matched = [
            w
            for w in _found(self.rules.state_words, text)
            if not (self.subject_name and w in self.subject_name)
        ]
        if not matched:
            return []
        words = "」「".join(matched)
        if self.individual is False and not self.subject_name:
            return [self._emit("site-name.state-words-unit", words=words)]
        severity = Severity.WARNING if self.subject is None else None
        return [self._emit("site-name.state-words", severity=severity, words=words)]

    def _preapproval(self, text: str) -> list[Finding]:
        """Words that suggest content needing 前置审批, each naming the industry."""
        strict = Severity.BLOCKING if self.individual else None  # individuals cannot get one
        found: list[Finding] = []
        for word in _found(self.rules.preapproval_words, text):
            industry = self._industry_for(word)
            found.append(self._industry_finding("site-name.preapproval", word, industry, strict))
        reported = {w.casefold() for w in self.rules.preapproval_words}
        hint = Severity.WARNING if self.individual else None
        for industry in self._preapproval_industries():
            for word in _found(industry.keywords, text):
                if word.casefold() not in reported:
                    reported.add(word.casefold())
                    found.append(
                        self._industry_finding("site-name.industry-keyword", word, industry, hint)
                    )
        return found

    def _preapproval_industries(self) -> list[IndustryInfo]:
        return [i for i in self.tables.industries if i.preapproval]

    def _industry_for(self, word: str) -> IndustryInfo | None:
        wanted = word.casefold()
        return next(
            (
                i
                for i in self._preapproval_industries()
                if wanted in {k.casefold() for k in i.keywords}
            ),
            None,
        )

    def _industry_finding(
        self, key: str, word: str, industry: IndustryInfo | None, severity: Severity | None
    ) -> Finding:
        name = (
            Text(f"涉及「{industry.name.zh}」", f"{industry.name.en} content")
            if industry
            else Text("可能涉及需前置审批的内容", "content")
        )
        licence = industry.licence if industry else None
        if industry:
            self.industries.append(industry.id)
        return self._emit(
            key,
            severity=severity,
            word=word,
            industry=name.zh,
            industry_en=name.en,
            licence=f"（{licence.zh}）" if licence else "",
            licence_en=f" ({licence.en})" if licence else "",
        )


def _show(chars: list[str]) -> str:
    return " ".join("空格/space" if ch == " " else f"「{ch}」" for ch in chars)
