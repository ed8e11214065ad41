"""resolve(): levels, reasons, unknown facts, blocks, and the requirements command."""

from __future__ import annotations

import json

import pytest

from beian_desktop.core.findings import Severity
from beian_desktop.core.rules import FilingFacts, load_pack
from beian_desktop.core.rules.keywords import keyword_industries
from beian_desktop.core.rules.model import Level
from beian_desktop.core.rules.resolve import answer_matters, resolve


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack()


def _ids(findings) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule_id for f in findings}


def test_enterprise_first_filing_base_set(pack) -> None:  # type: ignore[no-untyped-def]
    checklist = resolve(pack, FilingFacts(subject="企业", province="11", cert_province="11"))
    certificate = checklist.item("subject-certificate")
    assert certificate is not None and certificate.level is Level.MANDATORY
    assert certificate.name.zh == "营业执照"
    assert checklist.item("id-card-principal").level is Level.MANDATORY  # type: ignore[union-attr]
    # Who the website owner is was not said: the owner's ID and the letter stay conditional.
    owner = checklist.item("id-card-icp-owner")
    assert owner is not None and owner.level is Level.CONDITIONAL
    assert owner.reasons[0].condition is not None
    assert not checklist.blocking


def test_known_facts_settle_conditional_items(pack) -> None:  # type: ignore[no-untyped-def]
    facts = FilingFacts(
        subject="企业",
        province="11",
        cert_province="11",
        principal_is_legal_rep=True,
        icp_owner_is_legal_rep=False,
        icp_owner_is_principal=False,
    )
    checklist = resolve(pack, facts)
    assert checklist.item("id-card-icp-owner").level is Level.MANDATORY  # type: ignore[union-attr]
    assert checklist.item("authorization-letter").level is Level.MANDATORY  # type: ignore[union-attr]
    assert checklist.item("legal-rep-id") is None
    same = resolve(pack, facts.with_(icp_owner_is_legal_rep=True, icp_owner_is_principal=True))
    assert same.item("id-card-icp-owner") is None and same.item("authorization-letter") is None


def test_individual_materials_are_named_for_a_person(pack) -> None:  # type: ignore[no-untyped-def]
    checklist = resolve(pack, FilingFacts(subject="个人", province="11", id_province="11"))
    assert checklist.item("subject-certificate") is None
    assert checklist.item("id-card-principal").name.zh == "备案人身份证"  # type: ignore[union-attr]


def test_organisation_outside_its_province_is_blocked(pack) -> None:  # type: ignore[no-untyped-def]
    checklist = resolve(pack, FilingFacts(subject="企业", province="44", cert_province="11"))
    assert "base.org-cross-province" in _ids(checklist.blocking)
    unknown = resolve(pack, FilingFacts(subject="企业", province="44"))
    finding = next(f for f in unknown.findings if f.rule_id == "base.org-cross-province")
    assert finding.severity is Severity.WARNING and finding.extra["conditional"]
    assert finding.message.zh.startswith("如果")


def test_preapproval_names_each_licence(pack) -> None:  # type: ignore[no-untyped-def]
    facts = FilingFacts(
        subject="企业", province="11", cert_province="11", industries=("文化", "新闻")
    )
    item = resolve(pack, facts).item("preapproval-licence")
    assert item is not None and item.level is Level.MANDATORY
    text = item.reasons[0].message.zh
    assert "《网络文化经营许可证》" in text and "《互联网新闻信息服务许可证》" in text
    blocked = resolve(pack, FilingFacts(subject="个人", province="11", industries=("文化",)))
    assert "base.preapproval-individual" in _ids(blocked.blocking)


def test_keywords_suggest_industries_and_the_commitment(pack) -> None:  # type: ignore[no-untyped-def]
    assert "互联网金融" in keyword_industries(pack, ["深圳某某理财服务有限公司"])
    assert "电子公告服务" in keyword_industries(pack, ["张三的技术论坛"])
    hits = keyword_industries(pack, ["某某理财网"])
    checklist = resolve(
        pack,
        FilingFacts(subject="企业", province="44", cert_province="44", keyword_industries=hits),
    )
    assert checklist.item("no-preapproval-commitment") is not None
    assert checklist.item("finance-commitment-guangdong") is not None


def test_filing_types_without_documents_say_so(pack) -> None:  # type: ignore[no-untyped-def]
    checklist = resolve(
        pack, FilingFacts(subject="企业", province="11", filing="变更接入", cert_province="11")
    )
    assert not checklist.items
    assert any(f.code == "filing.no-documents" for f in checklist.findings)


def test_findings_come_blocking_first(pack) -> None:  # type: ignore[no-untyped-def]
    checklist = resolve(pack, FilingFacts(subject="个人", province="41", id_province="44"))
    ranks = [f.severity.rank for f in checklist.findings]
    assert ranks == sorted(ranks) and checklist.findings[0].blocking


def test_checklist_json_round_trips(pack) -> None:  # type: ignore[no-untyped-def]
    checklist = resolve(pack, FilingFacts(subject="个人", province="32", id_province="11"))
    data = json.loads(json.dumps(checklist.to_dict(), ensure_ascii=False))
    assert data["rule_pack"]["date"] == pack.info.date
    assert {i["material"] for i in data["items"]} >= {"authenticity-commitment", "residence-permit"}


# -- the command line: the acceptance examples -------------------------------------
def test_cli_henan_nonlocal_individual_is_blocked(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("requirements", "--subject", "个人", "--province", "河南", "--id-province", "44")
    assert result.returncode == 1, result.stderr
    assert "41.nonlocal-individual" in result.stdout
    assert "河南管局不受理外省身份证的个人备案" in result.stdout
    assert "UCloud" in result.stdout and "rule/rule5/henan" in result.stdout


def test_cli_guangdong_enterprise_lists_the_commitment(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("requirements", "--subject", "企业", "--province", "广东")
    assert result.returncode == 0, result.stderr
    assert "互联网信息服务备案承诺书" in result.stdout


def test_cli_jiangsu_individual(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("requirements", "--subject", "个人", "--province", "江苏")
    assert result.returncode == 0, result.stderr
    assert "ICP备案信息真实性承诺书" in result.stdout
    assert "ICP备案信息真实性责任告知书" in result.stdout
    assert "XX的个人博客" in result.stdout and "XX的个人主页" in result.stdout


def test_cli_json_output(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "requirements", "--subject", "企业", "--province", "44", "--industry", "文化", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "preapproval-licence" in {i["material"] for i in data["items"]}


@pytest.mark.parametrize(
    "args",
    [
        ["--subject", "企业", "--province", "火星"],
        ["--subject", "外星人", "--province", "广东"],
        ["--subject", "企业", "--province", "广东", "--filing", "随便"],
        ["--subject", "企业", "--province", "广东", "--industry", "挖矿"],
        ["--province", "广东"],
    ],
)
def test_cli_usage_errors_exit_2_with_accepted_values(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli("requirements", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


@pytest.mark.parametrize(
    ("facts", "matters"),
    [
        (FilingFacts(subject="企业", province="15"), True),  # ID province not known yet
        (FilingFacts(subject="企业", province="15", id_province="44"), True),
        (FilingFacts(subject="企业", province="15", id_province="15"), False),  # a local ID
        (
            FilingFacts(
                subject="企业", province="15", id_province="44", principal_is_legal_rep=False
            ),
            False,
        ),
        (FilingFacts(subject="企业", province="44", id_province="15"), False),  # no such rule
        (FilingFacts(subject="个人", province="15", id_province="44"), False),
    ],
)
def test_a_question_matters_only_where_an_answer_changes_a_rule(  # type: ignore[no-untyped-def]
    pack, facts: FilingFacts, matters: bool
) -> None:
    assert answer_matters(pack, facts, "has_residence_permit") is matters


def test_the_residence_permit_answer_decides_inner_mongolias_two_items(pack) -> None:  # type: ignore[no-untyped-def]
    base = FilingFacts(subject="企业", province="15", id_province="44", principal_is_legal_rep=True)
    unknown = resolve(pack, base)
    assert unknown.item("residence-permit") is not None
    assert unknown.item("holding-licence-photo") is not None
    holds = resolve(pack, base.with_(has_residence_permit=True))
    assert holds.item("residence-permit").level is Level.MANDATORY  # type: ignore[union-attr]
    assert holds.item("holding-licence-photo") is None
    lacks = resolve(pack, base.with_(has_residence_permit=False))
    assert lacks.item("residence-permit") is None
    assert lacks.item("holding-licence-photo") is not None
