"""Website names: every rule of icp-rules.md §7.1, with the word lists from site_names.toml."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

from beian_desktop.core.errors import RulePackError
from beian_desktop.core.findings import Severity, SourceRef
from beian_desktop.core.identity import (
    SiteNameRules,
    check_site_name,
)

SITE_NAMES_TOML = REPO / "resources" / "rules" / "site_names.toml"
JIANGSU, BEIJING = "32", "11"


@pytest.fixture(scope="module")
def rules() -> SiteNameRules:
    return SiteNameRules.from_table(tomllib.loads(SITE_NAMES_TOML.read_text("utf-8"))["site_names"])


def severities(result: object) -> dict[str, Severity]:
    return {f.code: f.severity for f in result.findings}  # type: ignore[attr-defined]


# -- the rules as data -------------------------------------------------------------------------


def test_rules_load_from_the_toml_table(rules: SiteNameRules) -> None:
    assert rules.min_han == 3
    assert {"中国", "中华", "中央", "人民", "人大", "国家", "全国"} <= set(rules.state_words)
    assert {"论坛", "在线", "社区", "交流", "博客"} <= set(rules.preapproval_words)
    assert "个人空间" in rules.personal_banned and "官网" in rules.personal_banned_low
    pattern = rules.pattern_for(JIANGSU)
    assert pattern is not None and rules.pattern_for(BEIJING) is None
    assert pattern.free_part("张三的个人博客") == "张三"
    assert pattern.free_part("张三的个人主页") == "张三"
    assert pattern.free_part("张三的博客") is None
    assert [s.key for s in rules.sources] == ["U", "Q", "H", "X", "BKZ"]


def test_from_table_accepts_the_whole_document_and_resolves_sources() -> None:
    document = tomllib.loads(SITE_NAMES_TOML.read_text("utf-8"))
    known = {
        key: SourceRef(key=key, title=f"title {key}") for key in ["U", "Q", "H", "X", "BKZ", "T17"]
    }
    rules = SiteNameRules.from_table(document, sources=known)
    assert rules.sources[0].title == "title U" and rules.sources[0].detail == "problem/problem2"


def test_from_table_refuses_an_unknown_source_naming_the_key() -> None:
    table = {"source": "NOPE", "state_words": ["中国"]}
    with pytest.raises(RulePackError) as caught:
        SiteNameRules.from_table(table, sources={"U": SourceRef("U")})
    assert caught.value.key == "site_names.source"


def test_from_table_refuses_a_broken_regex_naming_the_key() -> None:
    table = {
        "personal_pattern": [
            {
                "province": "32",
                "regex": "(unclosed",
                "example": {"zh": "x", "en": "x"},
                "source": "U",
            }
        ]
    }
    with pytest.raises(RulePackError) as caught:
        SiteNameRules.from_table(table)
    assert caught.value.key == "site_names.personal_pattern[0].regex"
    assert caught.value.file == "site_names.toml"


def test_empty_table_gives_defaults() -> None:
    rules = SiteNameRules.from_table({})
    assert rules.min_han == 3 and rules.state_words == () and rules.personal_patterns == ()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("示例科技官网", None),
        ("网站", "site-name.too-short"),
        ("12345678", "site-name.digits"),
        ("MyBlog", "site-name.latin"),
        ("example.com", "site-name.domain"),
        ("示例科技example.com", "site-name.domain"),
        ("示例科技#官网", "site-name.symbols"),
    ],
)
def test_form_rules(name: str, code: str | None) -> None:
    result = check_site_name(name, subject="企业")
    if code is None:
        assert result.valid
    else:
        assert code in result.codes()
        assert severities(result)[code] is Severity.BLOCKING


def test_min_han_comes_from_the_rules(rules: SiteNameRules) -> None:
    strict = dataclasses.replace(rules, min_han=5)
    assert (
        "site-name.too-short" in check_site_name("好的网站", subject="企业", rules=strict).codes()
    )
    assert check_site_name("好的网站", subject="企业", rules=rules).valid


def test_brackets_hyphen_and_middle_dot_only_warn() -> None:
    result = check_site_name("科技（深圳）官网", subject="企业")
    assert severities(result) == {"site-name.symbols-tolerated": Severity.WARNING}
    assert result.value == "科技（深圳）官网"  # Chinese brackets are kept as written


def test_full_width_letters_and_edge_spaces_are_cleaned_with_a_fix() -> None:
    result = check_site_name(" ＡＢＣ科技官网 ", subject="企业")
    finding = next(f for f in result.findings if f.code == "site-name.normalised")
    assert finding.fix is not None and finding.fix.value == "ABC科技官网"
    assert result.han_count == 4


# -- words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word", ["反腐", "赌博", "廉政", "色情", "纪检", "监察", "信访", "维权", "投诉"]
)
def test_sensitive_words_block_everyone(word: str) -> None:
    for subject in ["企业", "个人", "政府机关"]:
        result = check_site_name(f"网上{word}之家", subject=subject)
        assert severities(result)["site-name.sensitive"] is Severity.BLOCKING


@pytest.mark.parametrize("word", ["中国", "中华", "中央", "人民", "人大", "国家", "全国"])
def test_state_words_block_individuals(word: str) -> None:
    result = check_site_name(f"{word}美食笔记", subject="个人")
    assert severities(result)["site-name.state-words"] is Severity.BLOCKING


def test_state_words_are_allowed_for_state_organs() -> None:
    for subject in ["政府机关", "事业单位", "国防机构", "群众性团体组织"]:
        assert (
            "site-name.state-words" not in check_site_name("人民医院官网", subject=subject).codes()
        )


def test_state_words_for_a_company_depend_on_its_registered_name() -> None:
    unknown = check_site_name("中国科技官网", subject="企业")
    assert severities(unknown)["site-name.state-words-unit"] is Severity.WARNING
    own = check_site_name("中国科技官网", subject="企业", subject_name="中国科技有限公司")
    assert not {"site-name.state-words", "site-name.state-words-unit"} & set(own.codes())
    other = check_site_name("中国科技官网", subject="企业", subject_name="深圳科技有限公司")
    assert severities(other)["site-name.state-words"] is Severity.BLOCKING


def test_state_words_without_a_subject_type_warn() -> None:
    result = check_site_name("中国美食笔记")
    assert severities(result)["site-name.state-words"] is Severity.WARNING


def test_foreign_names_warn() -> None:
    result = check_site_name("美国留学笔记", subject="企业")
    assert severities(result)["site-name.foreign"] is Severity.WARNING
    assert result.valid


@pytest.mark.parametrize("word", ["个人空间", "爱好者", "导航", "工作室", "平台", "网站", "资讯"])
def test_personal_banned_words_block_individuals_only(word: str) -> None:
    personal = check_site_name(f"张三{word}", subject="个人", province=BEIJING)
    assert severities(personal)["site-name.personal-banned"] is Severity.BLOCKING
    company = check_site_name(f"张三{word}", subject="企业", province=BEIJING)
    assert "site-name.personal-banned" not in company.codes()


def test_low_confidence_personal_words_only_warn() -> None:
    result = check_site_name("张三的设计笔记", subject="个人", province=BEIJING)
    assert severities(result) == {"site-name.personal-banned-low": Severity.WARNING}
    assert (
        "site-name.personal-banned-low"
        not in check_site_name("张三设计官网", subject="企业").codes()
    )


def test_preapproval_words_name_the_industry() -> None:
    result = check_site_name("科技论坛官网", subject="企业")
    finding = next(f for f in result.findings if f.code == "site-name.preapproval")
    assert finding.severity is Severity.WARNING
    assert "电子公告服务" in finding.message.zh
    assert result.industries == ("电子公告服务",)


def test_preapproval_words_block_individuals_who_cannot_obtain_one() -> None:
    result = check_site_name("张三的在线笔记", subject="个人", province=BEIJING)
    assert severities(result)["site-name.preapproval"] is Severity.BLOCKING


def test_latin_preapproval_words_match_without_case() -> None:
    result = check_site_name("张三的bbs小站", subject="企业")
    assert "site-name.preapproval" in result.codes()


def test_industry_keywords_of_the_pack_are_advice() -> None:
    result = check_site_name("星光理财官网", subject="企业")
    finding = next(f for f in result.findings if f.code == "site-name.industry-keyword")
    assert finding.severity is Severity.INFO
    assert "互联网金融" in finding.message.zh
    assert "互联网金融" in result.industries
    personal = check_site_name("张三的理财笔记", subject="个人", province=BEIJING)
    assert severities(personal)["site-name.industry-keyword"] is Severity.WARNING


# -- the Jiangsu personal pattern ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["张三的个人博客", "张三的个人主页", "欧阳小明的个人博客"])
def test_jiangsu_individual_with_the_fixed_form(name: str) -> None:
    result = check_site_name(name, subject="个人", province=JIANGSU)
    assert result.valid, result.codes()
    assert result.pattern_ok is True
    assert result.codes() == ["site-name.personal-pattern-ok"]


@pytest.mark.parametrize("name", ["张三的技术笔记", "张三的博客", "个人博客张三"])
def test_jiangsu_individual_must_use_the_fixed_form(name: str) -> None:
    result = check_site_name(name, subject="个人", province=JIANGSU)
    finding = next(f for f in result.findings if f.code == "site-name.personal-pattern")
    assert finding.blocking
    assert "XX的个人博客" in finding.message.zh and "张三的个人博客" in finding.message.zh
    assert result.pattern_ok is False
    assert result.pattern is not None and "张三的个人主页" in result.pattern.zh
    assert any(s.key == "U" for s in finding.sources)


def test_word_lists_apply_to_the_chosen_part_of_the_fixed_form() -> None:
    assert check_site_name("张三的个人博客", subject="个人", province=BEIJING).codes() != []
    bad = check_site_name("中国的个人博客", subject="个人", province=JIANGSU)
    assert "site-name.state-words" in bad.codes()
    assert "site-name.personal-banned" not in bad.codes()  # 博客 is part of the fixed form


def test_jiangsu_hint_without_a_subject_type_and_nothing_for_organisations() -> None:
    hint = check_site_name("张三的技术笔记", province=JIANGSU)
    assert hint.codes() == ["site-name.personal-pattern-hint"]
    assert hint.valid
    company = check_site_name("星光科技官网", subject="企业", province=JIANGSU)
    assert company.codes() == [] and company.pattern is None


def test_pattern_is_data(rules: SiteNameRules) -> None:
    moved = dataclasses.replace(
        rules,
        personal_patterns=tuple(
            dataclasses.replace(p, province=BEIJING) for p in rules.personal_patterns
        ),
    )
    result = check_site_name("张三的技术笔记", subject="个人", province=BEIJING, rules=moved)
    assert "site-name.personal-pattern" in result.codes()
    assert check_site_name("张三的技术笔记", subject="个人", province=JIANGSU, rules=moved).valid


@given(st.text(max_size=30), st.sampled_from([None, "个人", "企业", "政府机关"]))
def test_never_raises(text: str, subject: str | None) -> None:
    check_site_name(text, subject=subject, province=JIANGSU).to_dict()
