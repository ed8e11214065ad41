"""The review page's words: group headings (the material, the field, the rules) and the help
offered for each finding, in the UI language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from beian_desktop.gui.i18n import labelled, ui_lang
from beian_desktop.gui.widgets.review_item import RowView

if TYPE_CHECKING:
    from beian_desktop.core.case import Case
    from beian_desktop.core.findings import Finding
    from beian_desktop.core.fixes import Area
    from beian_desktop.core.rules.pack import RulePack
    from beian_desktop.core.text import Text

# The step number the user sees for each area's page (Area values; core.fixes is imported
# when the review runs, not when the page is built).
_STEP = {"subject": 2, "details": 3, "materials": 4}


def _roots() -> dict[str, str]:
    return {
        "subject": QCoreApplication.translate("ReviewPage", "主体"),
        "principal": QCoreApplication.translate("ReviewPage", "主体负责人"),
        "icp_owner": QCoreApplication.translate("ReviewPage", "网站负责人"),
    }


def _fields() -> dict[str, str]:
    return {
        "full_name": QCoreApplication.translate("ReviewPage", "名称"),
        "certificate_number": QCoreApplication.translate("ReviewPage", "证件号码"),
        "certificate_valid_until": QCoreApplication.translate("ReviewPage", "证件有效期"),
        "name": QCoreApplication.translate("ReviewPage", "姓名"),
        "id_number": QCoreApplication.translate("ReviewPage", "证件号码"),
        "id_valid_until": QCoreApplication.translate("ReviewPage", "证件有效期"),
        "phone": QCoreApplication.translate("ReviewPage", "手机号码"),
        "email": QCoreApplication.translate("ReviewPage", "电子邮箱"),
    }


def _site_fields() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("ReviewPage", "网站名称"),
        "domain": QCoreApplication.translate("ReviewPage", "域名"),
        "remark": QCoreApplication.translate("ReviewPage", "备注"),
    }


def group_title(finding: Finding, names: Mapping[str, Text], pack: RulePack) -> str:
    """The heading a finding is listed under."""
    from beian_desktop.core.fixes import field_path

    lang = ui_lang()
    concerns = finding.concerns
    if concerns is None:
        return QCoreApplication.translate("ReviewPage", "备案规则")
    if concerns in names:
        return names[concerns].get(lang)
    if concerns in pack.materials:
        return pack.materials[concerns].name.get(lang)
    path = field_path(concerns)
    if path is None:
        if concerns == "websites":
            return QCoreApplication.translate("ReviewPage", "网站")
        return concerns
    root, index, name = path
    if root == "websites" and index is not None:
        site = QCoreApplication.translate("ReviewPage", "网站 %1").replace("%1", str(index + 1))
        return labelled(site, _site_fields().get(name, name))
    return labelled(_roots().get(root, root), _fields().get(name, name))


def page_name(area: Area) -> int:
    """The wizard page (PageId value) where findings of `area` are fixed."""
    from beian_desktop.gui.wizard import PageId

    pages = {"subject": PageId.SUBJECT, "details": PageId.DETAILS, "materials": PageId.MATERIALS}
    return pages[str(area)]


def _page_tip(area: Area) -> str:
    titles = {
        "subject": QCoreApplication.translate("ReviewPage", "主体与办理项"),
        "details": QCoreApplication.translate("ReviewPage", "信息"),
        "materials": QCoreApplication.translate("ReviewPage", "材料"),
    }
    number = _STEP[str(area)]
    return (
        QCoreApplication.translate("ReviewPage", "回到第 %1 步“%2”修改")
        .replace("%1", str(number))
        .replace("%2", titles[str(area)])
    )


def row_view(finding: Finding, pack: RulePack, case: Case, accepted: bool) -> RowView:
    from beian_desktop.core.fixes import Action, action_for, area_of

    lang = ui_lang()
    action = action_for(finding, pack.materials)
    severity = str(finding.severity)
    fix = finding.fix
    acknowledge = severity == "warning"
    if action == Action.SET_FIELD and fix is not None and fix.value is not None:
        return RowView(
            fix_text=labelled(fix.label.get(lang), fix.value),
            acknowledge=acknowledge,
            accepted=accepted,
        )
    if action == Action.RENAME:
        return RowView(
            fix_text=_rename_text(finding, case), acknowledge=acknowledge, accepted=accepted
        )
    if action == Action.REMOVE_FILE:
        duplicate = finding.code == "material.duplicate-file" and fix is not None
        text = (
            fix.label.get(lang)
            if duplicate and fix is not None
            else QCoreApplication.translate("ReviewPage", "移除这个文件")
        )
        return RowView(fix_text=text, acknowledge=acknowledge, accepted=accepted)
    if action == Action.AUTOMATIC:
        note = QCoreApplication.translate("ReviewPage", "生成材料包时会自动处理，原件保持不变。")
        return RowView(note=note, acknowledge=acknowledge, accepted=accepted)
    area = area_of(finding, pack.materials)
    note = ""
    if fix is not None and fix.kind != "add-file" and fix.label.get(lang):
        note = labelled(QCoreApplication.translate("ReviewPage", "怎么办"), fix.label.get(lang))
    go = severity != "info" or (fix is not None and fix.kind == "add-file")
    return RowView(
        go_text=QCoreApplication.translate("ReviewPage", "去修改") if go else "",
        go_tip=_page_tip(area),
        note=note,
        acknowledge=acknowledge,
        accepted=accepted,
    )


def _rename_text(finding: Finding, case: Case) -> str:
    from beian_desktop.core.fixes import find_file, rename_plan

    stored = find_file(case, finding.concerns, finding.extra.get("sha256"))
    value = finding.fix.value if finding.fix is not None else None
    plan = rename_plan(stored, value) if stored is not None and value else None
    if plan is None:
        return ""
    return QCoreApplication.translate("ReviewPage", "改名为 %1").replace("%1", plan.new_name)
