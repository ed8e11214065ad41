"""Walk pages 1 → 3 for an enterprise the way a person does: clicks, typing, the keyboard.
(tests/gui/test_walk_export.py goes on to the exported package.)"""

from __future__ import annotations

from typing import Any

from beian_desktop.core.case import load_case
from beian_desktop.gui.wizard import BeianWizard, PageId

from .helpers import (
    LEFT,
    OFFSCREEN_POPUPS,
    click_next,
    details_page,
    fill_demo_enterprise,
    new_case,
    next_button,
    pick,
    type_into,
)

pytestmark = OFFSCREEN_POPUPS


def test_an_enterprise_walks_from_the_start_page_to_a_complete_details_page(
    qtbot: Any, wizard: BeianWizard
) -> None:
    subject = new_case(qtbot, wizard)
    pick(qtbot, subject.subject, "企业")
    type_into(qtbot, subject.province, "guangdong")
    for question in ("icp_owner_is_principal", "principal_is_legal_rep"):
        qtbot.mouseClick(subject.questions.items[question].yes, LEFT)
    assert next_button(wizard).isEnabled()
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.DETAILS

    page = details_page(wizard)
    assert page.owner_form.isHidden() and not page.owner_note.isHidden()
    fill_demo_enterprise(qtbot, page)

    assert page.status.reasons() == [], page.status.reasons()
    assert "深圳市示例科技有限公司" in wizard.windowTitle()
    folder = wizard.session.folder
    assert folder is not None

    assert next_button(wizard).isEnabled()
    wizard.close()  # closing saves the case

    assert not wizard.isVisible()
    case, _ = load_case(folder)
    assert case.subject.certificate_number == "91440300MA5DXAMPXK"
    assert case.principal.id_valid_until == "长期"
    assert [(s.name, s.domain, s.remark) for s in case.websites] == [
        ("示例科技官网", "example.cn", "公司产品介绍")
    ]
