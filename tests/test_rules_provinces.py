"""Province rules (icp-rules.md §4) and the catalogues, exercised through resolve().

Table-driven: each row names a province, a case, the rule that must fire and what it must do.
The case starts from a fully settled, unremarkable filing (everything known, nothing unusual) so
that each row changes only the facts its rule is about.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.rules import FilingFacts, RulePack, load_pack
from beian_desktop.core.rules.model import Level
from beian_desktop.core.rules.resolve import Checklist, Reason, resolve

M, C, R = Level.MANDATORY, Level.CONDITIONAL, Level.RECOMMENDED


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def case(province: str, subject: str, **changes: Any) -> FilingFacts:
    """A first filing with every fact known and nothing that would trigger a special rule."""
    settled: dict[str, Any] = {
        "subject": subject,
        "province": province,
        "id_province": province,
        "age": 30,
        "id_document": "居民身份证",
        "site_count": 1,
        "new_site_count": 1,
        "domain_count": 1,
        "has_residence_permit": False,
        "individual_business": False,
        "renamed": False,
    }
    if subject != "个人":
        settled |= {
            "cert_province": province,
            "principal_is_legal_rep": True,
            "icp_owner_is_legal_rep": True,
            "icp_owner_is_principal": True,
            "foreign_legal_rep": False,
            "site_name_matches_subject": True,
        }
    return FilingFacts(**(settled | changes))


def finding_of(checklist: Checklist, rule_id: str) -> Finding | None:
    return next((f for f in checklist.findings if f.rule_id == rule_id), None)


def reason_of(checklist: Checklist, rule_id: str) -> tuple[str, Reason] | None:
    for item in checklist.items:
        for reason in item.reasons:
            if reason.rule_id == rule_id:
                return item.material.id, reason
    return None


_SEVERITY = {"block": Severity.BLOCKING, "warn": Severity.WARNING, "advise": Severity.INFO}

# (province, subject, fact changes, rule id, expected)
# expected: "block" | "warn" | "advise" (a definite finding), "absent" (the rule stays silent),
# or (material id, level) for a required material.
PROVINCE_CASES: list[tuple[str, str, dict[str, Any], str, Any]] = [
    # 北京
    ("11", "个人", {"id_province": "44"}, "11.nonlocal-individual", "advise"),
    ("11", "企业", {"principal_is_legal_rep": False}, "11.legal-rep-id", ("legal-rep-id", M)),
    ("11", "律师执业机构", {}, "11.law-firm-licence", ("law-firm-licence-pages", M)),
    ("11", "企业", {}, "11.law-firm-licence", "absent"),
    # 天津
    ("12", "政府机关", {}, "12.gov-office-approval", ("gov-office-approval", M)),
    ("12", "企业", {}, "12.gov-office-approval", "absent"),
    ("12", "个人", {"age": 17}, "12.minor-individual", "block"),
    ("12", "企业", {}, "12.electronic-verification", "advise"),
    # 河北
    ("13", "个人", {"id_document": "护照"}, "13.foreigner-individual", "block"),
    ("13", "个人", {"age": 17}, "13.minor-individual", "block"),
    ("13", "企业", {"foreign_legal_rep": True}, "13.foreign-legal-rep", "block"),
    (
        "13",
        "企业",
        {
            "foreign_legal_rep": True,
            "principal_is_legal_rep": False,
            "icp_owner_is_legal_rep": False,
        },
        "13.foreign-legal-rep",
        "absent",
    ),
    # 山西
    ("14", "个人", {"id_province": "44"}, "14.nonlocal-individual", "block"),
    ("14", "个人", {}, "14.nonlocal-individual", "absent"),
    ("14", "企业", {"new_site_count": 4}, "14.domains-per-order", "block"),
    ("14", "企业", {"new_site_count": 3}, "14.domains-per-order", "absent"),
    ("14", "企业", {"foreign_legal_rep": True}, "14.foreign-legal-rep", "block"),
    # 内蒙古
    (
        "15",
        "企业",
        {"id_province": "11", "has_residence_permit": False},
        "15.legal-rep-holding-photo",
        ("holding-licence-photo", M),
    ),
    (
        "15",
        "企业",
        {"id_province": "11", "has_residence_permit": True},
        "15.legal-rep-permit",
        ("residence-permit", M),
    ),
    ("15", "事业单位", {}, "15.staffing-approval", ("staffing-approval", M)),
    ("15", "医疗机构", {}, "15.medical-advertising", ("industry-licence", M)),
    # 辽宁
    (
        "21",
        "企业",
        {
            "keyword_industries": ("互联网金融",),
            "icp_owner_is_legal_rep": False,
            "icp_owner_is_principal": False,
        },
        "21.finance-names-legal-rep",
        "warn",
    ),
    ("21", "企业", {"foreign_legal_rep": True}, "21.foreign-legal-rep", "block"),
    ("21", "个人", {"id_province": "11"}, "21.nonlocal-individual", "advise"),
    # 吉林
    ("22", "个人", {"id_province": "11"}, "22.nonlocal-permit", ("residence-permit", M)),
    ("22", "企业", {"principal_is_legal_rep": False}, "22.principal-legal-rep", "warn"),
    # 黑龙江
    ("23", "个人", {"id_province": "22"}, "23.nonlocal-individual", "block"),
    ("23", "个人", {}, "23.personal-content", "advise"),
    ("23", "政府机关", {}, "23.staffing-approval", ("staffing-approval", M)),
    # 上海: an ID not starting with 310 needs a Shanghai permit (or 户口簿)
    ("31", "个人", {"id_province": "32"}, "31.nonlocal-permit", ("residence-permit", M)),
    ("31", "个人", {"id_province": "81"}, "31.nonlocal-permit", ("residence-permit", M)),
    ("31", "个人", {}, "31.nonlocal-permit", "absent"),
    ("31", "企业", {}, "31.commitment", ("commitment-shanghai", M)),
    ("31", "个人", {}, "31.commitment", ("commitment-shanghai", M)),
    ("31", "企业", {"site_count": 30}, "31.construction-plan", ("construction-plan", M)),
    ("31", "企业", {"site_count": 29}, "31.construction-plan", "absent"),
    (
        "31",
        "企业",
        {"icp_owner_is_legal_rep": False, "icp_owner_is_principal": False},
        "31.authorization-template",
        ("authorization-letter", M),
    ),
    # 浙江
    ("33", "企业", {}, "33.verification-form-per-domain", ("verification-form", M)),
    ("33", "个人", {"age": 17}, "33.minor-individual", "block"),
    (
        "33",
        "企业",
        {"keyword_industries": ("互联网金融",)},
        "33.finance-commitment",
        ("no-preapproval-commitment", M),
    ),
    # 安徽
    ("34", "个人", {"id_province": "41"}, "34.nonlocal-permit", ("residence-permit", M)),
    (
        "34",
        "企业",
        {
            "principal_is_legal_rep": False,
            "icp_owner_is_principal": False,
            "icp_owner_is_legal_rep": False,
        },
        "34.principal-equals-owner",
        "block",
    ),
    (
        "34",
        "企业",
        {"principal_is_legal_rep": False, "icp_owner_is_legal_rep": False},
        "34.principal-equals-owner",
        "absent",
    ),
    # 福建
    ("35", "个人", {"id_document": "港澳居民居住证"}, "35.owner-resident-id", "block"),
    ("35", "企业", {"age": 17}, "35.minor", "block"),
    ("35", "企业", {"industries": ("食品经营",)}, "35.food-licence", ("industry-licence", M)),
    ("35", "个人", {"id_province": "11"}, "35.nonlocal-permit", ("residence-permit", M)),
    # 江西
    ("36", "个人", {"id_province": "44"}, "36.nonlocal-individual", "block"),
    ("36", "事业单位", {}, "36.staffing-approval", ("staffing-approval", M)),
    ("36", "事业单位", {}, "36.gov-domain-review", ("gov-domain-review-form", M)),
    ("36", "企业", {"site_count": 8}, "36.site-limit", "warn"),
    ("36", "个人", {"site_count": 5}, "36.site-limit", "warn"),
    (
        "36",
        "企业",
        {"site_count": 15, "new_site_count": 2},
        "36.one-domain-per-filing",
        "block",
    ),
    ("36", "企业", {"foreign_legal_rep": True}, "36.foreign-legal-rep", "block"),
    # 山东
    (
        "37",
        "企业",
        {"keyword_industries": ("危险化学品",)},
        "37.hazardous-chemicals",
        ("industry-licence", M),
    ),
    ("37", "个人", {"id_province": "11"}, "37.nonlocal-permit", ("residence-permit", M)),
    ("37", "企业", {"foreign_legal_rep": True}, "37.foreign-legal-rep", "block"),
    # 河南 (finished file)
    ("41", "个人", {"id_province": "44"}, "41.nonlocal-individual", "block"),
    ("41", "企业", {"new_site_count": 6}, "41.domains-per-order", "block"),
    ("41", "企业", {"site_count": 21}, "41.construction-plan", ("construction-plan", M)),
    # 湖北
    ("42", "企业", {"new_site_count": 2}, "42.one-site-per-order", "block"),
    ("42", "企业", {}, "42.one-site-per-order", "absent"),
    (
        "42",
        "企业",
        {"industries": ("电子商务",)},
        "42.ecommerce-statement",
        ("ecommerce-statement", M),
    ),
    ("42", "个人", {"id_province": "11"}, "42.nonlocal-permit", ("residence-permit", M)),
    # 湖南
    ("43", "企业", {"new_site_count": 2}, "43.one-site-per-order", "block"),
    (
        "43",
        "企业",
        {"filing": "新增网站", "site_count": 3},
        "43.construction-plan",
        ("construction-plan", M),
    ),
    ("43", "企业", {"filing": "新增网站", "site_count": 2}, "43.construction-plan", "absent"),
    ("43", "个人", {"age": 17}, "43.minor-individual", "block"),
    ("43", "个人", {"id_province": "11"}, "43.nonlocal-individual", "advise"),
    # 广东 (finished file)
    ("44", "个人", {"age": 15}, "44.minor", "block"),
    ("44", "企业", {"domain_count": 31}, "44.domain-threshold-org", ("construction-plan", M)),
    ("44", "个人", {"id_province": "41"}, "44.nonlocal-permit", ("residence-permit", M)),
    # 广西
    ("45", "企业", {"foreign_legal_rep": True}, "45.foreign-legal-rep", "block"),
    ("45", "企业", {"foreign_legal_rep": True}, "45.foreign-legal-rep-id", ("legal-rep-id", M)),
    ("45", "事业单位", {}, "45.superior-unit", "advise"),
    # 海南
    ("46", "个人", {"new_site_count": 2}, "46.personal-one-domain", "block"),
    ("46", "个人", {"filing": "新增网站", "new_site_count": 2}, "46.personal-one-domain", "absent"),
    ("46", "企业", {}, "46.licence-seal", "advise"),
    # 重庆
    ("50", "个人", {"id_province": "51"}, "50.nonlocal-individual", "block"),
    ("50", "企业", {"site_count": 40}, "50.construction-plan-35", ("construction-plan", M)),
    ("50", "个人", {}, "50.personal-content", "advise"),
    # 四川
    (
        "51",
        "企业",
        {"site_name_matches_subject": False},
        "51.site-name-statement",
        ("site-name-statement", M),
    ),
    ("51", "企业", {}, "51.site-name-statement", "absent"),
    ("51", "个人", {"domain_count": 5}, "51.individual-domains-plan", ("construction-plan", M)),
    (
        "51",
        "企业",
        {
            "principal_is_legal_rep": False,
            "icp_owner_is_principal": False,
            "icp_owner_is_legal_rep": False,
        },
        "51.principal-equals-owner",
        "block",
    ),
    ("51", "个人", {"id_province": "50"}, "51.nonlocal-permit", ("residence-permit", M)),
    # 贵州
    ("52", "企业", {"foreign_legal_rep": True}, "52.foreign-legal-rep", "block"),
    ("52", "个人", {"id_province": "53"}, "52.nonlocal-permit", ("residence-permit", M)),
    # 云南
    ("53", "政府机关", {}, "53.staffing-approval", ("staffing-approval", M)),
    # 西藏
    ("54", "个人", {"id_province": "51"}, "54.nonlocal-individual", "block"),
    (
        "54",
        "企业",
        {"keyword_industries": ("互联网金融",)},
        "54.finance-commitment",
        ("no-preapproval-commitment", M),
    ),
    # 陕西
    ("61", "企业", {"domain_count": 5}, "61.domain-certificates", ("domain-certificate", M)),
    ("61", "企业", {"site_count": 31}, "61.enterprise-site-limit", "block"),
    ("61", "个人", {}, "61.personal-content", "warn"),
    # 甘肃
    ("62", "个人", {"id_province": "61"}, "62.nonlocal-individual", "block"),
    ("62", "个人", {}, "62.backdrop-photo", "advise"),
    # 青海
    ("63", "个人", {"id_province": "62"}, "63.nonlocal-individual", "block"),
    ("63", "企业", {"filing": "变更备案"}, "63.change-full-images", "advise"),
    # 宁夏
    ("64", "个人", {"id_province": "65"}, "64.nonlocal-individual", "block"),
    ("64", "企业", {"site_count": 6}, "64.construction-plan", ("construction-plan", M)),
    ("64", "医疗机构", {}, "64.no-art-commitment", ("no-art-commitment", C)),
    # 新疆
    ("65", "个人", {"id_province": "11"}, "65.nonlocal-individual", "block"),
    ("65", "企业", {}, "65.party-building-proof", ("party-building-proof", M)),
    ("65", "企业", {"filing": "新增网站"}, "65.party-building-proof", ("party-building-proof", M)),
    ("65", "企业", {"filing": "变更备案"}, "65.party-building-proof", "absent"),
    # 江苏 (finished file)
    ("32", "个人", {"filing": "变更主体"}, "32.no-change-subject", "block"),
    ("32", "个人", {"age": 17}, "32.minor-proof", ("job-income-proof", M)),
    ("32", "个人", {"id_province": "11"}, "32.nonlocal-permit", ("residence-permit", M)),
]


def _case_id(row: tuple[str, str, dict[str, Any], str, Any]) -> str:
    _province, subject, changes, rule_id, expected = row
    shown = expected if isinstance(expected, str) else f"{expected[0]}:{expected[1].value}"
    facts = ",".join(f"{k}={v}" for k, v in changes.items())
    return f"{rule_id}[{subject}|{facts}]->{shown}"


@pytest.mark.parametrize(
    ("province", "subject", "changes", "rule_id", "expected"),
    PROVINCE_CASES,
    ids=[_case_id(row) for row in PROVINCE_CASES],
)
def test_province_rule(
    pack: RulePack,
    province: str,
    subject: str,
    changes: dict[str, Any],
    rule_id: str,
    expected: Any,
) -> None:
    assert rule_id.split(".")[0] == province
    checklist = resolve(pack, case(province, subject, **changes))
    finding = finding_of(checklist, rule_id)
    reason = reason_of(checklist, rule_id)
    if expected == "absent":
        assert finding is None and reason is None
    elif isinstance(expected, str):
        assert finding is not None, f"{rule_id} did not fire"
        assert finding.severity is _SEVERITY[expected]
        assert not finding.extra.get("conditional")
        assert finding.sources, "every rule cites a source"
        if expected == "block":
            assert finding.fix is not None, "a refusal says what to do instead"
    else:
        material, level = expected
        assert reason is not None, f"{rule_id} did not require anything"
        assert reason[0] == material
        assert reason[1].level is level
        assert reason[1].sources


# -- coverage of the provinces --------------------------------------------------------------
def test_table_covers_every_province(pack: RulePack) -> None:
    assert {row[0] for row in PROVINCE_CASES} == set(pack.provinces)


def test_every_province_has_rules_of_its_own(pack: RulePack) -> None:
    own = {rule.province for rule in pack.rules if rule.province}
    assert own == set(pack.provinces)


def test_province_rules_live_in_their_own_file(pack: RulePack) -> None:
    for rule in pack.rules:
        if rule.province is None:
            continue
        province = pack.provinces[rule.province]
        assert Path(rule.file).name == f"{province.code}-{province.pinyin}.toml", rule.id
        assert rule.id.startswith(f"{province.code}."), rule.id
        assert rule.checked == "2026-11-27"


def test_nonlocal_individual_policy_is_stated_everywhere(pack: RulePack) -> None:
    """Every bureau says something about an individual with an ID from elsewhere."""
    silent = []
    for code in pack.provinces:
        other = "11" if code != "11" else "12"
        checklist = resolve(pack, case(code, "个人", id_province=other))
        said = [
            r.id
            for r in pack.rules
            if r.province == code
            and (finding_of(checklist, r.id) or reason_of(checklist, r.id))
            and "id_province" in r.compiled.names()
        ]
        if not said:
            silent.append(code)
    assert not silent


@pytest.mark.parametrize("subject", ["个人", "企业"])
def test_a_bare_first_filing_is_never_refused_outright(pack: RulePack, subject: str) -> None:
    """With only subject and province known, nothing is blocking yet: unknowns are 'if …'."""
    for code in pack.provinces:
        checklist = resolve(pack, FilingFacts(subject=subject, province=code))
        assert not checklist.blocking, (code, [f.rule_id for f in checklist.blocking])


def test_a_settled_ordinary_filing_passes_everywhere(pack: RulePack) -> None:
    for code in pack.provinces:
        for subject in ("个人", "企业"):
            checklist = resolve(pack, case(code, subject))
            assert not checklist.blocking, (code, subject, [f.rule_id for f in checklist.blocking])


# -- disputed rules: both sides shown, never a hard block -----------------------------------
# (province, subject, fact changes, rule id, material or None for a finding, other source key)
DISPUTED_CASES: list[tuple[str, str, dict[str, Any], str, str | None, str]] = [
    ("15", "个人", {"id_province": "11"}, "15.nonlocal-individual", "residence-permit", "H"),
    ("33", "个人", {"id_province": "11"}, "33.nonlocal-permit", "residence-permit", "U"),
    ("45", "个人", {"id_province": "11"}, "45.nonlocal-individual", None, "U"),
    ("53", "个人", {"id_province": "11"}, "53.nonlocal-individual", None, "U"),
    ("61", "个人", {"id_province": "11"}, "61.nonlocal-individual", None, "H"),
    ("50", "企业", {"site_count": 6}, "50.site-threshold-plan", "construction-plan", "U"),
    ("50", "个人", {"site_count": 3}, "50.site-threshold-guarantee", "guarantee-letter", "U"),
]


def test_disputed_table_lists_every_disputed_rule(pack: RulePack) -> None:
    assert {r.id for r in pack.rules if r.disputed} == {row[3] for row in DISPUTED_CASES}


@pytest.mark.parametrize(
    ("province", "subject", "changes", "rule_id", "material", "other_source"),
    DISPUTED_CASES,
    ids=[row[3] for row in DISPUTED_CASES],
)
def test_disputed_rule_shows_both_sides(
    pack: RulePack,
    province: str,
    subject: str,
    changes: dict[str, Any],
    rule_id: str,
    material: str | None,
    other_source: str,
) -> None:
    checklist = resolve(pack, case(province, subject, **changes))
    if material is None:
        finding = finding_of(checklist, rule_id)
        assert finding is not None
        assert finding.disputed and not finding.blocking
        assert finding.severity is Severity.WARNING
        assert finding.other_view is not None and finding.other_view.zh and finding.other_view.en
        assert other_source in {s.key for s in finding.sources}
        assert len({s.key for s in finding.sources}) >= 2
    else:
        found = reason_of(checklist, rule_id)
        assert found is not None and found[0] == material
        reason = found[1]
        assert reason.disputed and reason.level is C
        assert reason.alternatives
        assert other_source in {s.key for a in reason.alternatives for s in a.sources}
        assert all(a.claim.zh and a.claim.en for a in reason.alternatives)


def test_chongqing_agrees_above_35_sites(pack: RulePack) -> None:
    item = resolve(pack, case("50", "企业", site_count=36)).item("construction-plan")
    assert item is not None and item.level is M
    assert {r.rule_id for r in item.reasons} >= {
        "50.site-threshold-plan",
        "50.construction-plan-35",
    }


# -- subject types ---------------------------------------------------------------------------
# subject -> the certificate the checklist names (None: a person, no certificate)
SUBJECT_CERTIFICATES: dict[str, str | None] = {
    "企业": "营业执照",
    "个人": None,
    "政府机关": "统一社会信用代码证书",
    "事业单位": "事业单位法人证书",
    "社会团体": "社会团体法人登记证书",
    "民办非企业单位": "民办非企业单位登记证书",
    "基金会": "基金会法人登记证书",
    "律师执业机构": "律师事务所执业许可证",
    "外国在华文化中心": "外国在华文化中心登记证",
    "群众性团体组织": "统一社会信用代码证书",
    "司法鉴定机构": "司法鉴定许可证",
    "宗教团体": "宗教活动场所登记证",
    "境外机构": "境外机构证件",
    "医疗机构": "医疗机构执业许可证",
    "公证机构": "公证机构执业证",
    "集体经济": "农村集体经济组织登记证",
    "仲裁机构": "仲裁委员会登记证",
    "国防机构": "部队代号",
}


def test_subject_table_covers_every_subject_type(pack: RulePack) -> None:
    assert set(SUBJECT_CERTIFICATES) == set(pack.subjects)


@pytest.mark.parametrize(("subject", "certificate"), SUBJECT_CERTIFICATES.items())
def test_subject_type_first_filing(pack: RulePack, subject: str, certificate: str | None) -> None:
    checklist = resolve(pack, case("11", subject))
    assert not checklist.blocking
    principal = checklist.item("id-card-principal")
    assert principal is not None and principal.level is M
    document = checklist.item("subject-certificate")
    if certificate is None:
        assert document is None
        assert principal.name.zh == "备案人身份证"
    else:
        assert document is not None and document.level is M
        assert document.name.zh == certificate
        assert principal.name.zh == "主体负责人身份证"


# -- filing types ----------------------------------------------------------------------------
# filing type -> whether it takes documents
FILING_TYPES: dict[str, bool] = {
    "首次备案": True,
    "新增网站": True,
    "新增接入": True,
    "变更备案": True,
    "变更主体": True,
    "变更网站": True,
    "变更接入": False,
    "注销主体": False,
    "注销网站": False,
    "取消接入": False,
}


def test_filing_table_covers_every_filing_type(pack: RulePack) -> None:
    assert set(FILING_TYPES) == set(pack.filing_types)
    assert {f.id for f in pack.filing_types.values() if f.needs_documents} == {
        f for f, documents in FILING_TYPES.items() if documents
    }


@pytest.mark.parametrize(("filing", "documents"), FILING_TYPES.items())
@pytest.mark.parametrize("subject", ["企业", "个人"])
def test_filing_type_resolves(pack: RulePack, filing: str, documents: bool, subject: str) -> None:
    checklist = resolve(pack, case("11", subject, filing=filing))
    notes = [f for f in checklist.findings if f.code == "filing.no-documents"]
    if documents:
        assert checklist.items and not notes
    else:
        assert not checklist.items
        assert len(notes) == 1 and filing in notes[0].message.zh


@pytest.mark.parametrize("province", ["11", "32", "44", "50", "65"])
def test_every_filing_type_resolves_in_a_province(pack: RulePack, province: str) -> None:
    for filing in FILING_TYPES:
        for subject in SUBJECT_CERTIFICATES:
            resolve(pack, case(province, subject, filing=filing))


# -- 前置审批 industries -----------------------------------------------------------------------
# industry -> text its licence (or, lacking one, its approving authority) is named by
PREAPPROVAL: dict[str, str] = {
    "新闻": "《互联网新闻信息服务许可证》",
    "出版": "《网络出版服务许可证》",
    "教育": "省级教育厅",
    "校外培训": "《民办学校办学许可证》",
    "医疗保健": "省级卫生健康委",
    "药品和医疗器械": "《互联网药品信息服务资格证书》",
    "电子公告服务": "省通信管理局",
    "文化": "《网络文化经营许可证》",
    "广播电影电视节目": "《信息网络传播视听节目许可证》",
    "网络预约车": "《网络预约出租汽车经营许可证》",
    "互联网金融": "主管部门批准文件",
    "宗教": "《互联网宗教信息服务许可证》",
}


def test_preapproval_table_covers_every_such_industry(pack: RulePack) -> None:
    assert set(PREAPPROVAL) == {i.id for i in pack.industries.values() if i.preapproval}


@pytest.mark.parametrize(("industry", "named"), PREAPPROVAL.items())
def test_preapproval_industry_names_its_licence(pack: RulePack, industry: str, named: str) -> None:
    checklist = resolve(pack, case("11", "企业", industries=(industry,)))
    item = checklist.item("preapproval-licence")
    assert item is not None and item.level is M
    reason = next(r for r in item.reasons if r.rule_id == "base.preapproval")
    assert industry in reason.message.zh and named in reason.message.zh
    assert pack.industries[industry].name.en in reason.message.en
    person = resolve(pack, case("11", "个人", industries=(industry,)))
    assert "base.preapproval-individual" in {f.rule_id for f in person.blocking}


# -- the three acceptance cases ------------------------------------------------------
def test_henan_refuses_an_individual_from_guangdong(pack: RulePack) -> None:
    checklist = resolve(pack, FilingFacts(subject="个人", province="41", id_province="44"))
    finding = next(f for f in checklist.blocking if f.rule_id == "41.nonlocal-individual")
    assert "河南管局不受理外省身份证的个人备案" in finding.message.zh
    assert finding.sources[0].key == "U" and "henan" in finding.sources[0].detail
    assert finding.sources[0].title and finding.sources[0].checked


def test_guangdong_enterprise_lists_the_commitment(pack: RulePack) -> None:
    checklist = resolve(pack, FilingFacts(subject="企业", province="44"))
    item = checklist.item("commitment-guangdong")
    assert item is not None and item.level is M
    assert item.name.zh == "互联网信息服务备案承诺书"
    assert not checklist.blocking


def test_jiangsu_individual_commitments_and_site_name_pattern(pack: RulePack) -> None:
    checklist = resolve(pack, FilingFacts(subject="个人", province="32"))
    commitment = checklist.item("authenticity-commitment")
    notice = checklist.item("responsibility-notice")
    assert commitment is not None and commitment.level is M
    assert commitment.name.zh == "ICP备案信息真实性承诺书"
    assert notice is not None and notice.level is M
    assert notice.name.zh == "ICP备案信息真实性责任告知书"
    pattern = finding_of(checklist, "32.personal-site-name")
    assert pattern is not None
    assert "XX的个人博客" in pattern.message.zh and "XX的个人主页" in pattern.message.zh
    assert not checklist.blocking
