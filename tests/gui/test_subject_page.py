"""Page 2 主体与办理项: choices, searchable provinces, and rules that block at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from beian_desktop.core.rules.selection import PackChoice
from beian_desktop.gui.wizard import BeianWizard

from .helpers import LEFT, OFFSCREEN_POPUPS, click_next, new_case, next_button, pick, type_into

HENAN_RULE = "rule:41.nonlocal-individual"
pytestmark = OFFSCREEN_POPUPS


def _individual_in(qtbot: Any, wizard: BeianWizard, province: str, id_province: str) -> Any:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "个人")
    type_into(qtbot, page.province, province)
    type_into(qtbot, page.id_province, id_province)
    return page


def test_nonlocal_individual_in_henan_is_blocked_at_once_with_source_and_fix(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = _individual_in(qtbot, wizard, "河南", "广东")
    case = wizard.session.case
    assert case is not None and (case.province, case.id_province) == ("41", "44")

    cards = [
        c for c in page.findings.important_cards() if c.objectName() == f"finding:{HENAN_RULE}"
    ]
    assert len(cards) == 1
    text = cards[0].text()
    assert "河南管局不受理外省身份证的个人备案" in text
    assert "UCloud" in text and "rule/rule5/henan" in text  # the source
    assert "在身份证签发省份备案" in text  # what to do instead
    assert not next_button(wizard).isEnabled()
    assert "河南管局不受理外省身份证的个人备案" in page.status.text()
    assert "河南管局" in next_button(wizard).toolTip()

    type_into(qtbot, page.province, "广东")  # filing where the ID was issued is fine
    assert not [c for c in page.findings.cards() if c.objectName() == f"finding:{HENAN_RULE}"]
    assert next_button(wizard).isEnabled()


def test_a_disputed_rule_shows_both_sides_and_does_not_block(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = _individual_in(qtbot, wizard, "云南", "广东")
    [card] = [
        c for c in page.findings.cards() if c.objectName() == "finding:rule:53.nonlocal-individual"
    ]
    assert "另一种说法" in card.text() and "UCloud 较新的资料称云南受理" in card.text()
    assert str(card.finding.severity) == "warning"
    assert next_button(wizard).isEnabled()


def test_common_subject_types_come_first_and_all_18_are_reachable(
    qtbot: Any, wizard: BeianWizard, pack_choice: PackChoice
) -> None:
    page = new_case(qtbot, wizard)
    offered = [page.subject.itemData(i) for i in range(page.subject.count())]
    subjects = [s for s in offered if s]  # the separator has no data
    common = [s.id for s in pack_choice.pack.subjects.values() if s.common]
    assert subjects[: len(common)] == common
    assert offered[len(common)] is None  # separator between common and the rest
    assert sorted(subjects) == sorted(pack_choice.pack.subjects) and len(subjects) == 18
    pick(qtbot, page.subject, "国防机构")  # the last one, by keyboard
    assert wizard.session.case is not None and wizard.session.case.subject.type == "国防机构"


@pytest.mark.parametrize("typed", ["广东", "广东省", "guangdong", "Guang Dong", "44", "粤"])
def test_province_is_found_by_name_pinyin_code_or_abbreviation(
    qtbot: Any, wizard: BeianWizard, typed: str
) -> None:
    page = new_case(qtbot, wizard)
    type_into(qtbot, page.province, typed)
    assert page.province.value() == "44" and page.province.currentText() == "广东"
    assert wizard.session.case is not None and wizard.session.case.province == "44"


def test_typing_part_of_a_name_offers_the_matches(qtbot: Any, wizard: BeianWizard) -> None:
    page = new_case(qtbot, wizard)
    line_edit = page.province.lineEdit()
    assert line_edit is not None
    line_edit.setFocus()
    qtbot.keyClicks(line_edit, "guang")
    completer = page.province.completer()
    shown = {
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    }
    assert shown == {"广东", "广西"}
    qtbot.keyClicks(line_edit, "x")  # guangx: only 广西 is left, and leaving the field picks it
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert page.province.value() == "45"


def test_organisation_questions_show_only_for_organisations_and_when_relevant(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "个人")
    assert page.questions.isHidden()
    pick(qtbot, page.subject, "企业")
    assert not page.questions.isHidden()
    owner_is_rep = page.questions.items["icp_owner_is_legal_rep"]
    assert owner_is_rep.isHidden()  # only asked when the two persons differ
    qtbot.mouseClick(page.questions.items["icp_owner_is_principal"].no, LEFT)
    assert not owner_is_rep.isHidden()
    qtbot.mouseClick(page.questions.items["principal_is_legal_rep"].no, LEFT)
    case = wizard.session.case
    assert case is not None
    assert (case.icp_owner_is_principal, case.principal_is_legal_rep) == (False, False)
    letter = wizard.session.checklist().item("authorization-letter")
    assert letter is not None and letter.level.value == "mandatory"
    assert page.questions.items["renamed"].isHidden()
    pick(qtbot, page.filing, "变更主体")
    assert not page.questions.items["renamed"].isHidden()


def test_preapproval_industries_explain_the_licence_and_change_the_checklist(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "企业")
    type_into(qtbot, page.province, "北京")
    news = page.industries.options["新闻"]
    assert "互联网新闻信息服务许可证" in news.details.text()
    assert "网信办" in news.details.text()
    assert wizard.session.checklist().item("preapproval-licence") is None
    news.checkbox.setFocus()
    qtbot.keyClick(news.checkbox, Qt.Key.Key_Space)
    assert wizard.session.case is not None and wizard.session.case.industries == ["新闻"]
    licence = wizard.session.checklist().item("preapproval-licence")
    assert licence is not None and "互联网新闻信息服务许可证" in licence.reasons[0].message.zh


def test_next_explains_what_is_missing_and_goes_on_when_complete(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = new_case(qtbot, wizard)
    assert not next_button(wizard).isEnabled()
    assert page.status.reasons() == ["请选择主办单位性质", "请选择备案省份"]
    pick(qtbot, page.subject, "个人")
    type_into(qtbot, page.province, "广东")
    assert page.status.reasons() == ["请选择身份证签发地"]
    type_into(qtbot, page.id_province, "香港")  # an ID-only region is offered too
    assert wizard.session.case is not None and wizard.session.case.id_province == "81"
    click_next(qtbot, wizard)
    assert wizard.currentId() == 2


def test_the_residence_permit_is_asked_only_where_the_rules_turn_on_it(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "企业")
    permit = page.questions.items["has_residence_permit"]
    type_into(qtbot, page.province, "广东")
    assert permit.isHidden()  # no rule in Guangdong reads it
    type_into(qtbot, page.province, "内蒙古")
    assert not permit.isHidden()  # the legal representative's ID province is not known yet
    case = wizard.session.case
    assert case is not None
    case.principal.id_number = "11010519491231002X"  # issued in Beijing (typed on page 3)
    wizard.session.mark_edited()
    page.questions.refresh(case)
    assert not permit.isHidden()
    qtbot.mouseClick(page.questions.items["principal_is_legal_rep"].yes, LEFT)
    qtbot.mouseClick(permit.yes, LEFT)
    assert case.has_residence_permit is True
    checklist = wizard.session.checklist()
    item = checklist.item("residence-permit")
    assert item is not None and item.level.value == "mandatory"
    assert all(not reason.condition for reason in item.reasons)  # decided, not "if …"
    assert checklist.item("holding-licence-photo") is None

    qtbot.mouseClick(permit.no, LEFT)
    checklist = wizard.session.checklist()
    assert checklist.item("residence-permit") is None
    assert checklist.item("holding-licence-photo") is not None

    qtbot.mouseClick(page.questions.items["principal_is_legal_rep"].no, LEFT)
    assert permit.isHidden()  # the rules ask about the legal representative as principal
    qtbot.mouseClick(page.questions.items["principal_is_legal_rep"].yes, LEFT)
    case.principal.id_number = "150102199003075932"  # issued in Inner Mongolia itself
    wizard.session.mark_edited()
    page.questions.refresh(case)
    assert permit.isHidden()
