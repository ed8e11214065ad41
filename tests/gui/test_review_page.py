"""Page 5 检查: the review runs in the pool; findings grouped, blocking first; one-click fixes
(clean an ID number, rename the case's copy, remove a duplicate); warnings acknowledged one by
one; 去修改 leads back to the page that fixes it; Next only when nothing blocks."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from support.cases import demo_case, sha256
from support.synth import Synth

from beian_desktop.core.case import Case
from beian_desktop.core.case.store import add_file
from beian_desktop.core.review import finding_key
from beian_desktop.gui.pages.review import ReviewPage
from beian_desktop.gui.widgets.review_item import FindingRow
from beian_desktop.gui.wizard import BeianWizard, PageId

from .helpers import LEFT, click_box, next_button, open_case_at

WAIT_MS = 20_000


def at_review(qtbot: Any, wizard: BeianWizard, case: Case, folder: Path) -> ReviewPage:
    open_case_at(wizard, case, folder, PageId.REVIEW)
    page = wizard.page_of(PageId.REVIEW)
    assert isinstance(page, ReviewPage)
    settle(qtbot, page)
    return page


def settle(qtbot: Any, page: ReviewPage) -> None:
    """The review is done and its rows are on screen (Qt shows widgets added to a visible
    layout by a queued event, so they appear one event-loop turn after the result)."""
    qtbot.waitUntil(lambda: not page.running and page.result is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all(r.isVisible() for r in page.rows()), timeout=WAIT_MS)


def row(page: ReviewPage, code: str) -> FindingRow:
    found = [r for r in page.rows() if r.finding.code == code]
    assert len(found) == 1, [r.finding.code for r in page.rows()]
    return found[0]


def codes(page: ReviewPage) -> list[str]:
    assert page.result is not None
    return [f.code for f in page.result.findings]


def test_the_demo_case_passes_and_notes_are_folded_away(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    page = at_review(qtbot, wizard, *demo_case(tmp_path))
    assert page.summary.kind == "ok" and "4 个文件" in page.summary.text()
    assert page.rows() == [] and next_button(wizard).isEnabled()
    click_box(qtbot, page.show_advice)
    titles = [g.title for g in _groups(page)]
    assert "备案规则" in titles and "域名证书" in titles
    assert all(str(r.finding.severity) == "info" for r in page.rows())


def _groups(page: ReviewPage) -> list[Any]:
    items = (page.groups.itemAt(i) for i in range(page.groups.count()))
    return [item.widget() for item in items if item is not None]


def test_an_id_number_is_cleaned_with_one_click(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    case, folder = demo_case(tmp_path)
    case.principal.id_number = "11010519491231002x"  # lower-case x: a warning with a fix
    page = at_review(qtbot, wizard, case, folder)
    fix = row(page, "id.lowercase")
    assert fix.fix_button.text() == "改为规范写法：11010519491231002X"
    assert _groups(page)[0].title == "主体负责人：证件号码"
    assert not next_button(wizard).isEnabled()
    assert "还有 1 条注意事项未确认" in page.status.reasons()

    qtbot.mouseClick(fix.fix_button, LEFT)
    settle(qtbot, page)

    assert case.principal.id_number == "11010519491231002X"
    assert "id.lowercase" not in codes(page) and next_button(wizard).isEnabled()


def test_each_warning_needs_its_own_acknowledgement(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    case, folder = demo_case(tmp_path)
    case.websites[0].remark = ""
    page = at_review(qtbot, wizard, case, folder)
    warning = row(page, "case.no-remark")
    assert warning.go_button.isVisible() and warning.acknowledge.isVisible()
    assert not next_button(wizard).isEnabled()

    click_box(qtbot, warning.acknowledge)

    assert case.accepted_warnings == [finding_key(warning.finding)]
    assert next_button(wizard).isEnabled() and page.summary.kind == "ok"
    page.run_review()  # a new review remembers it
    settle(qtbot, page)
    assert row(page, "case.no-remark").acknowledge.isChecked()
    click_box(qtbot, row(page, "case.no-remark").acknowledge)
    assert case.accepted_warnings == [] and not next_button(wizard).isEnabled()


def test_a_blocking_problem_leads_back_to_the_page_that_fixes_it(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    case, folder = demo_case(tmp_path)
    case.assignments["id-card-principal"] = [
        f for f in case.assignments["id-card-principal"] if f.side == "front"
    ]
    page = at_review(qtbot, wizard, case, folder)
    one_side = row(page, "material.one-side")
    assert page.summary.kind == "blocking" and not next_button(wizard).isEnabled()
    assert any("国徽面" in reason for reason in page.status.reasons())
    assert "第 4 步" in one_side.go_button.toolTip()

    qtbot.mouseClick(one_side.go_button, LEFT)

    assert wizard.currentId() == PageId.MATERIALS


def test_a_duplicate_is_removed_and_its_shared_copy_kept(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    case, folder = demo_case(tmp_path)
    licence = case.assignments["subject-certificate"][0]
    add_file(case, folder, "subject-certificate", folder / licence.path)
    page = at_review(qtbot, wizard, case, folder)
    duplicate = row(page, "material.duplicate-file")
    assert duplicate.fix_button.text() == "移除重复的文件"

    qtbot.mouseClick(duplicate.fix_button, LEFT)
    settle(qtbot, page)

    assert case.assignments["subject-certificate"] == [licence]
    assert (folder / licence.path).is_file() and next_button(wizard).isEnabled()


def test_a_wrong_extension_is_fixed_on_the_case_copy(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, synth: Synth
) -> None:
    case, folder = demo_case(tmp_path)
    original = tmp_path / "承诺书扫描.jpg"
    synth.page("a4", 200, seal=True).save(original, "PNG")  # PNG content, JPEG name
    before = sha256(original)
    add_file(case, folder, "authenticity-commitment", original)
    page = at_review(qtbot, wizard, case, folder)
    rename = row(page, "inspect.extension-mismatch")
    assert rename.fix_button.text() == "改名为 承诺书扫描.png"

    qtbot.mouseClick(rename.fix_button, LEFT)
    qtbot.waitUntil(lambda: "inspect.extension-mismatch" not in codes(page), timeout=WAIT_MS)

    stored = case.assignments["authenticity-commitment"][0]
    assert stored.original_name == "承诺书扫描.png" and stored.path.endswith(".png")
    assert (folder / stored.path).is_file() and sha256(original) == before
    shutil.rmtree(folder / "files")  # (only so nothing of this case lingers)


def test_a_turned_photo_is_left_to_packing_and_the_original_kept(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, synth: Synth
) -> None:
    case, folder = demo_case(tmp_path)
    turned = synth.orientation(6)  # EXIF: stored turned by 90°
    before = sha256(turned)
    add_file(case, folder, "authenticity-commitment", turned)
    page = at_review(qtbot, wizard, case, folder)
    click_box(qtbot, page.show_advice)
    rotated = row(page, "inspect.rotated")
    assert rotated.fix_button.isHidden() and rotated.go_button.isHidden()
    assert "自动处理" in rotated.note.text() and "原件保持不变" in rotated.note.text()
    assert sha256(turned) == before
