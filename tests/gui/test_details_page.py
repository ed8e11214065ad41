"""Page 3 信息: live validation under each field, one-click fixes, websites, and Next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from beian_desktop.gui.pages.details import DetailsPage
from beian_desktop.gui.wizard import BeianWizard, PageId

from .helpers import (
    LEFT,
    OFFSCREEN_POPUPS,
    click_next,
    details_page,
    fill,
    messages,
    new_case,
    next_button,
    pick,
    type_into,
)

pytestmark = OFFSCREEN_POPUPS

SPACED_ID = "1101 0519 4912 3100 2X"
CLEAN_ID = "11010519491231002X"  # valid checksum, issued in 北京 (11)
GUANGDONG_ID = "440305199003071201"


def _to_details(qtbot: Any, wizard: BeianWizard, subject: str, province: str) -> DetailsPage:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, subject)
    type_into(qtbot, page.province, province)
    if subject == "个人" and not wizard.session.case.id_province:  # type: ignore[union-attr]
        type_into(qtbot, page.id_province, province)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.DETAILS
    return details_page(wizard)


def test_an_id_typed_with_spaces_shows_the_finding_and_one_click_fixes_it(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = _to_details(qtbot, wizard, "企业", "北京")
    field = page.principal_form.id_number
    fill(qtbot, field, SPACED_ID)

    assert any("空格" in text for text in messages(field))
    assert field.shown_messages()[0][0] == "blocking"
    assert not field.fix_button.isHidden()
    assert CLEAN_ID in field.fix_button.text()
    assert any("证件号码" in r and "空格" in r for r in page.status.reasons())

    qtbot.mouseClick(field.fix_button, LEFT)

    assert field.text() == CLEAN_ID
    assert wizard.session.case is not None and wizard.session.case.principal.id_number == CLEAN_ID
    assert not any("空格" in text for text in messages(field))
    assert field.fix_button.isHidden()


def test_empty_fields_stay_quiet_until_visited_but_the_status_names_them(
    qtbot: Any, wizard: BeianWizard
) -> None:
    page = _to_details(qtbot, wizard, "企业", "北京")
    name = page.subject_form.full_name
    assert messages(name) == []  # not touched yet
    assert "主体 · 主体全称：未填写主体全称（须与证件上的名称一致）" in page.status.text()
    name.line_edit.setFocus()
    page.subject_form.number.line_edit.setFocus()  # leave the name field empty
    assert messages(name) == ["未填写主体全称（须与证件上的名称一致）。"]


def test_an_individual_fills_everything_and_can_go_on(qtbot: Any, wizard: BeianWizard) -> None:
    page = _to_details(qtbot, wizard, "个人", "广东")
    person = page.principal_form
    assert page.subject_form.isHidden() and person.id_type.isHidden()
    assert person.title() == "备案人（本人）"
    fill(qtbot, person.name, "张示例")
    fill(qtbot, person.id_number, GUANGDONG_ID)
    qtbot.mouseClick(person.valid_until.long_term, LEFT)
    fill(qtbot, person.phone, "13800000001")
    fill(qtbot, person.email, "demo@example.com")
    qtbot.mouseClick(page.websites.add_button, LEFT)
    row = page.websites.rows[0]
    fill(qtbot, row.name, "张示例的技术笔记")
    fill(qtbot, row.domain, "zhangshili.cn")
    fill(qtbot, row.remark, "个人技术博客")

    assert page.status.reasons() == [], page.status.reasons()
    assert next_button(wizard).isEnabled()
    case = wizard.session.case
    assert case is not None
    assert (case.subject.full_name, case.subject.certificate_number) == ("张示例", GUANGDONG_ID)
    assert case.principal.id_valid_until == "长期"
    assert [(s.name, s.domain) for s in case.websites] == [("张示例的技术笔记", "zhangshili.cn")]


def test_websites_are_added_removed_and_checked(qtbot: Any, wizard: BeianWizard) -> None:
    page = _to_details(qtbot, wizard, "企业", "北京")
    assert any("未填写网站信息" in text for _kind, text in page.websites.messages.messages())
    for _ in range(2):
        qtbot.mouseClick(page.websites.add_button, LEFT)
    fill(qtbot, page.websites.rows[0].domain, "first.cn")
    fill(qtbot, page.websites.rows[1].domain, "https://www.example.com/about")
    second = page.websites.rows[1].domain
    assert not second.fix_button.isHidden()
    qtbot.mouseClick(second.fix_button, LEFT)
    assert second.text() == "example.com"

    qtbot.mouseClick(page.websites.rows[0].remove, LEFT)

    case = wizard.session.case
    assert case is not None and [s.domain for s in case.websites] == ["example.com"]
    assert [r.objectName() for r in page.websites.rows] == ["website0"]
    assert page.websites.rows[0].domain.text() == "example.com"


def test_an_id_typed_here_can_make_a_rule_block(qtbot: Any, wizard: BeianWizard) -> None:
    """The ID province chosen on page 2 stood in for the number; the number decides."""
    page = _to_details(qtbot, wizard, "个人", "河南")  # page 2: ID "issued in 河南"
    assert not [c for c in page.rules.cards() if c.finding.blocking]
    fill(qtbot, page.principal_form.id_number, GUANGDONG_ID)

    case = wizard.session.case
    assert case is not None and case.id_province == ""
    blocking = [c for c in page.rules.important_cards() if c.finding.blocking]
    assert [c.finding.rule_id for c in blocking] == ["41.nonlocal-individual"]
    assert not page.rules_box.isHidden()
    assert page.status.reasons()[0] == "河南管局不受理外省身份证的个人备案"  # rules first

    qtbot.mouseClick(wizard.button(wizard.WizardButton.BackButton), LEFT)
    subject = wizard.page_of(PageId.SUBJECT)
    assert "广东（根据身份证号码）" in subject.id_decoded.text()  # type: ignore[attr-defined]


def test_a_separate_website_owner_is_asked_for(qtbot: Any, wizard: BeianWizard) -> None:
    subject = new_case(qtbot, wizard)
    pick(qtbot, subject.subject, "企业")
    type_into(qtbot, subject.province, "北京")
    qtbot.mouseClick(subject.questions.items["icp_owner_is_principal"].no, LEFT)
    click_next(qtbot, wizard)
    page = details_page(wizard)
    assert not page.owner_form.isHidden() and page.owner_note.isHidden()
    assert "请填写网站负责人的信息" in page.status.reasons()
    qtbot.keyClick(page.owner_form.name.line_edit, Qt.Key.Key_A)
    assert "请填写网站负责人的信息" not in page.status.reasons()
    assert any(r.startswith("网站负责人 · 证件号码") for r in page.status.reasons())
