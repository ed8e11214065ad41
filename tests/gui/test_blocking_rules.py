"""Every blocking rule of the rule pack, shown in the wizard: one test per rule.

For each rule a small search over the answers a user can give (subject, filing, province, the
ID's province and document, the organisation questions, content, an ID number's age, the
websites, the certificate's province) finds answers that make the rule apply. The test then
gives those answers through the widgets of pages 2 and 3 and checks that the rule shows at once
on the page where its last fact was entered — with Next disabled and the reason in the status
line (a disputed rule shows as a warning and does not block).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from stdnum.cn import uscc

from beian_desktop.core.rules import FilingFacts, load_pack
from beian_desktop.core.rules.conditions import Tri
from beian_desktop.core.rules.model import Rule
from beian_desktop.core.rules.resolve import fact_values
from beian_desktop.gui.wizard import BeianWizard

from .helpers import (
    LEFT,
    OFFSCREEN_POPUPS,
    click_next,
    details_page,
    fill,
    new_case,
    next_button,
    pick,
    type_into,
)

pytestmark = OFFSCREEN_POPUPS
PACK = load_pack()
BIRTH = {10: "20160101", 30: "19960101"}  # ages on the tests' dates (2026 and later)
OTHER_PROVINCE = {"11": "44"}  # an ID or a certificate from elsewhere: 11, or 44 for 11


@dataclass(frozen=True)
class Answers:
    """What a user enters that the rules read (None: not entered)."""

    subject: str
    province: str
    filing: str = "首次备案"
    id_province: str | None = None  # individuals: where the ID was issued
    id_document: str = "居民身份证"
    icp_owner_is_principal: bool | None = None
    principal_is_legal_rep: bool | None = None
    foreign_legal_rep: bool | None = None
    industries: tuple[str, ...] = ()
    age: int | None = None  # from an ID number typed on page 3
    new_sites: int = 0
    existing_sites: int = 0
    cert_province: str | None = None  # organisations: the USCC's province, typed on page 3

    @property
    def individual(self) -> bool:
        return self.subject == "个人"

    @property
    def needs_details(self) -> bool:
        return (
            self.age is not None
            or bool(self.new_sites or self.existing_sites or self.cert_province)
            or (not self.individual and self.id_document != "居民身份证")
        )

    def facts(self) -> FilingFacts:
        """The facts case_facts() reads off a case holding these answers."""
        id_province = self.id_province if self.individual else None
        if self.age is not None and not self.individual:
            id_province = self.province
        return FilingFacts(
            subject=self.subject,
            filing=self.filing,
            province=self.province,
            id_province=id_province,
            cert_province=self.cert_province,
            industries=self.industries,
            site_count=self.existing_sites + self.new_sites,
            new_site_count=self.new_sites,
            domain_count=self.existing_sites + self.new_sites,
            age=self.age,
            id_document=self.id_document,
            principal_is_legal_rep=self.principal_is_legal_rep,
            icp_owner_is_legal_rep=None,
            icp_owner_is_principal=self.icp_owner_is_principal,
            foreign_legal_rep=self.foreign_legal_rep,
            individual_business=False if self.cert_province else None,
        )


def _elsewhere(code: str) -> str:
    return OTHER_PROVINCE.get(code, "11")


def _candidates(rule: Rule, province: str) -> Iterator[Answers]:
    filings = [f for f in PACK.filing_types if f"'{f}'" in rule.when] or ["首次备案"]
    for filing, document, industries, age, sites in itertools.product(
        filings, ("居民身份证", "护照"), ((), ("新闻",)), (None, 30, 10), ((0, 0), (6, 0), (2, 40))
    ):
        base = Answers(
            "个人", province, filing, province, document, None, None, None, industries, age, *sites
        )
        yield base
        yield replace(base, id_province=_elsewhere(province))
        for answers in itertools.product((None, True, False), repeat=3):
            organisation = replace(base, subject="企业", id_province=None)
            owner, rep, foreign = answers
            organisation = replace(
                organisation,
                icp_owner_is_principal=owner,
                principal_is_legal_rep=rep,
                foreign_legal_rep=foreign,
            )
            yield organisation
            yield replace(organisation, cert_province=province)
            yield replace(organisation, cert_province=_elsewhere(province))


def answers_for(rule: Rule) -> Answers:
    """Answers that make `rule` apply, preferring ones entered on page 2 alone."""
    province = rule.province or "44"
    candidates = list(_candidates(rule, province))
    for answers in sorted(candidates, key=lambda a: a.needs_details):  # stable: page 2 first
        if rule.compiled.evaluate(fact_values(PACK, answers.facts())) is Tri.TRUE:
            return answers
    raise AssertionError(f"no answers make {rule.id} apply")


BLOCKING = [rule for rule in PACK.rules if rule.effect == "block"]


def _id_number(province: str, age: int) -> str:
    body = f"{province}0101{BIRTH[age]}123"
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(body))
    check = (12 - total % 11) % 11
    return body + ("X" if check == 10 else str(check))


def _uscc(province: str) -> str:
    body = f"91{province}0000MA5DXAMP0"
    return body + uscc.calc_check_digit(body)


def _answer_subject_page(qtbot: Any, wizard: BeianWizard, answers: Answers) -> Any:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, answers.subject)
    pick(qtbot, page.filing, answers.filing)
    type_into(qtbot, page.province, answers.province)
    if answers.individual:
        pick(qtbot, page.id_type, answers.id_document)
        if not page.id_province.isHidden():  # asked until an ID number says it
            type_into(qtbot, page.id_province, answers.id_province or answers.province)
    for key in ("icp_owner_is_principal", "principal_is_legal_rep", "foreign_legal_rep"):
        value = getattr(answers, key)
        if value is not None:
            question = page.questions.items[key]
            qtbot.mouseClick(question.yes if value else question.no, LEFT)
    for industry in answers.industries:
        checkbox = page.industries.options[industry].checkbox
        checkbox.setFocus()
        qtbot.keyClick(checkbox, Qt.Key.Key_Space)
    return page


def _answer_details_page(qtbot: Any, wizard: BeianWizard, answers: Answers) -> Any:
    click_next(qtbot, wizard)
    page = details_page(wizard)
    person = page.principal_form
    if not answers.individual and answers.id_document != "居民身份证":
        pick(qtbot, person.id_type, answers.id_document)
    if answers.age is not None:
        issued = answers.id_province if answers.individual else answers.province
        fill(qtbot, person.id_number, _id_number(issued or answers.province, answers.age))
    if answers.cert_province:
        fill(qtbot, page.subject_form.number, _uscc(answers.cert_province))
    for index in range(answers.new_sites):
        qtbot.mouseClick(page.websites.add_button, LEFT)
        fill(qtbot, page.websites.rows[index].domain, f"site{index}.cn")
    if answers.existing_sites:
        spin = page.websites.existing
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(answers.existing_sites))
    return page


@pytest.mark.parametrize("rule", BLOCKING, ids=[rule.id for rule in BLOCKING])
def test_the_blocking_rule_shows_where_its_facts_are_entered(
    qtbot: Any, wizard: BeianWizard, rule: Rule
) -> None:
    answers = answers_for(rule)
    page = _answer_subject_page(qtbot, wizard, answers)
    findings = page.findings
    if answers.needs_details:
        page = _answer_details_page(qtbot, wizard, answers)
        findings = page.rules
    expected = "warning" if rule.disputed else "blocking"
    cards = [c for c in findings.important_cards() if c.finding.rule_id == rule.id]
    assert len(cards) == 1, (rule.id, answers, page.status.reasons())
    card = cards[0]
    assert str(card.finding.severity) == expected
    assert rule.message.zh in card.text()
    assert any(source.key in {s.key for s in rule.sources} for source in card.finding.sources)
    if rule.fix is not None:
        assert rule.fix.zh in card.text()
    forward = next_button(wizard)
    if not rule.disputed:
        assert rule.message.zh in page.status.reasons()
        assert not forward.isEnabled()
