"""Page 5 检查: every finding of `core.review.review()`, grouped by what it concerns, blocking
first, with one-click fixes where there are any.

* The review runs in the pool on a snapshot of the case (it inspects every file), on every
  visit and after every fix; a result that an edit has overtaken is dropped.
* Help per finding comes from `core.fixes.action_for`: a cleaned value applied to the field; the
  case's copy renamed to the right extension; a duplicate or unusable file removed (the copy
  deleted in the pool); conversion, compression and turning upright left to packing, which does
  them anyway (the case keeps the original); otherwise "去修改" leads back to page 2, 3 or 4.
* Each warning needs an explicit acknowledgement (kept in `case.accepted_warnings` by
  `finding_key`). Next stays disabled while the review runs, anything blocks, or a warning is
  not acknowledged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from beian_desktop.core.pipeline.progress import Progress
from beian_desktop.gui.i18n import ui_lang
from beian_desktop.gui.icons import icon
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.pages.review_texts import group_title, page_name, row_view
from beian_desktop.gui.widgets.lifetime import clear_layout
from beian_desktop.gui.widgets.messages import MessageLine
from beian_desktop.gui.widgets.review_item import FindingGroup, FindingRow

if TYPE_CHECKING:
    from beian_desktop.core.case import Case
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.findings import Finding
    from beian_desktop.core.fixes import RenamePlan
    from beian_desktop.core.review import Review
    from beian_desktop.gui.workers import JobContext, Task

SEVERITY_RANK = {"blocking": 0, "warning": 1, "info": 2}


class ReviewPage(BasePage):
    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.result: Review | None = None
        self._task: Task | None = None
        self._generation = 0
        self._failure: BeianError | None = None
        self.summary = MessageLine("info", "")
        self.summary.setObjectName("reviewSummary")
        self.progress = QLabel()
        self.rerun_button = QPushButton(icon("check"), "")
        self.rerun_button.clicked.connect(self.run_review)
        self.show_advice = QCheckBox()
        self.show_advice.toggled.connect(lambda _on: self._show())
        self.groups = QVBoxLayout()
        self.groups.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.rerun_button)
        layout = QVBoxLayout(self.body)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.show_advice)
        layout.addLayout(self.groups)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("检查"))
        self.setSubTitle(
            self.tr("逐项核对材料和信息。能自动修正的点一下即可；注意事项需要你逐条确认。")
        )
        self.rerun_button.setText(self.tr("重新检查(&R)"))
        self._show()

    # -- running the review --------------------------------------------------------------------
    def load(self) -> None:
        self.run_review()

    def run_review(self) -> None:
        from beian_desktop.gui.autosave import snapshot

        case, folder, pack = self.session.case, self.session.folder, self.session.pack
        if case is None or folder is None or pack is None:
            return
        if self._task is not None:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        copy = snapshot(case)
        profile = self.session.profile(self.context.settings.prefs.upload_profile)
        cache = self.session.inspections

        def job(context: JobContext) -> Review:
            from beian_desktop.core.review import review

            def on_file(index: int, total: int, name: str) -> None:
                context.token.check()
                context.report(Progress("review", index, total, name))

            return review(copy, folder, pack, profile=profile, on_file=on_file, cache=cache)

        self.result, self._failure = None, None
        self._task = self.context.runner.start(
            job,
            name="review",
            on_done=lambda result: self._reviewed(generation, result),
            on_failed=lambda error: self._review_failed(generation, error),
            on_progress=lambda progress: self._progressed(generation, progress),
        )
        self._show()
        self.refresh()

    def _progressed(self, generation: int, progress: Progress) -> None:
        if generation == self._generation:
            text = self.tr("正在检查第 %1 / %2 个文件：%3")
            self.progress.setText(
                text.replace("%1", str(progress.index))
                .replace("%2", str(progress.total))
                .replace("%3", progress.current)
            )

    def _reviewed(self, generation: int, result: Review) -> None:
        if generation != self._generation:
            return
        self._task, self.result = None, result
        self._show()
        self.refresh()

    def _review_failed(self, generation: int, error: BeianError) -> None:
        if generation != self._generation:
            return
        self._task, self._failure = None, error
        self._show()
        self.refresh()

    @property
    def running(self) -> bool:
        return self._task is not None

    # -- showing the findings ------------------------------------------------------------------
    def _show(self) -> None:
        clear_layout(self.groups)
        self.progress.setVisible(self.running)
        result = self.result
        if result is None:
            self._show_waiting()
            return
        advice = [f for f in result.findings if str(f.severity) == "info"]
        self.show_advice.setText(self.tr("显示提示（%n 条）", "", len(advice)))
        self.show_advice.setVisible(bool(advice))
        shown = [f for f in result.findings if str(f.severity) != "info" or self._advice_on()]
        for title, findings in self._grouped(shown):
            rows = [self._row(f) for f in findings]
            self.groups.addWidget(FindingGroup(title, rows))
        self._show_summary(result)

    def _advice_on(self) -> bool:
        return self.show_advice.isChecked()

    def _show_waiting(self) -> None:
        self.show_advice.hide()
        if self._failure is not None:
            self.summary.set_kind("blocking")
            self.summary.set_text(self._failure.user_message(ui_lang()))
        else:
            self.summary.set_kind("info")
            self.summary.set_text(self.tr("正在检查材料和信息…"))

    def _show_summary(self, result: Review) -> None:
        blocking, open_warnings = len(result.blocking), len(result.open_warnings)
        if blocking:
            self.summary.set_kind("blocking")
            self.summary.set_text(self.tr("有 %n 个问题必须解决。", "", blocking))
        elif open_warnings:
            self.summary.set_kind("warning")
            self.summary.set_text(
                self.tr("没有阻断问题；还有 %n 条注意事项待确认。", "", open_warnings)
            )
        else:
            case = self.session.case
            materials = sum(1 for files in case.assignments.values() if files) if case else 0
            text = self.tr("检查通过：%1 份材料、%2 个文件都符合要求，可以生成材料包。")
            self.summary.set_kind("ok")
            self.summary.set_text(
                text.replace("%1", str(materials)).replace("%2", str(len(result.inspections)))
            )

    def _grouped(self, findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
        """Groups by what the findings concern; the group with the worst finding first."""
        assert self.session.pack is not None and self.result is not None
        names = {i.material.id: i.name for i in self.result.checklist.items}
        groups: dict[str, list[Finding]] = {}
        for finding in findings:
            title = group_title(finding, names, self.session.pack)
            groups.setdefault(title, []).append(finding)
        for members in groups.values():
            members.sort(key=lambda f: SEVERITY_RANK[str(f.severity)])
        return sorted(groups.items(), key=lambda item: SEVERITY_RANK[str(item[1][0].severity)])

    def _row(self, finding: Finding) -> FindingRow:
        assert self.session.pack is not None and self.result is not None
        case = self.session.case
        assert case is not None
        view = row_view(finding, self.session.pack, case, self.result.is_accepted(finding))
        row = FindingRow(finding, view, ui_lang())
        row.fix_clicked.connect(self.apply_fix)
        row.go_clicked.connect(self.go_to)
        row.accepted.connect(self.accept_warning)
        return row

    def rows(self) -> list[FindingRow]:
        found = []
        for index in range(self.groups.count()):
            item = self.groups.itemAt(index)
            group = item.widget() if item is not None else None
            if isinstance(group, FindingGroup):
                found.extend(group.rows)
        return found

    # -- acting on findings --------------------------------------------------------------------
    def accept_warning(self, finding: Finding, accepted: bool) -> None:
        from beian_desktop.core.review import finding_key

        case = self.session.case
        if case is None:
            return
        key = finding_key(finding)
        keys = [k for k in case.accepted_warnings if k != key]
        case.accepted_warnings = [*keys, key] if accepted else keys
        if self.result is not None:
            self.result.accepted = frozenset(case.accepted_warnings)
            self._show_summary(self.result)
        self.edited()

    def apply_fix(self, finding: Finding) -> None:
        from beian_desktop.core.fixes import Action, action_for

        case, pack = self.session.case, self.session.pack
        if case is None or pack is None:
            return
        action = action_for(finding, pack.materials)
        if action == Action.SET_FIELD:
            self._set_field(case, finding)
        elif action == Action.RENAME:
            self._rename(case, finding)
        elif action == Action.REMOVE_FILE:
            self._remove(case, finding)

    def _set_field(self, case: Case, finding: Finding) -> None:
        from beian_desktop.core.fixes import set_field

        assert finding.fix is not None and finding.fix.value is not None
        individual = self.session.is_individual()
        if set_field(case, finding.concerns, finding.fix.value, individual=individual):
            self._edited_case()

    def _rename(self, case: Case, finding: Finding) -> None:
        from beian_desktop.core.fixes import find_file, rename_copy, rename_plan

        stored = find_file(case, finding.concerns, finding.extra.get("sha256"))
        folder = self.session.folder
        value = finding.fix.value if finding.fix is not None else None
        plan = rename_plan(stored, value) if stored is not None and value else None
        if plan is None or folder is None:
            return
        self.context.runner.start(
            lambda _context: rename_copy(folder, plan),
            name="rename-copy",
            on_done=lambda _result: self._renamed(plan),
            on_failed=self._fix_failed,
        )

    def _renamed(self, plan: RenamePlan) -> None:
        from beian_desktop.core.fixes import apply_rename

        case = self.session.case
        if case is not None and apply_rename(case, plan):
            self._edited_case()

    def _remove(self, case: Case, finding: Finding) -> None:
        from beian_desktop.core.fixes import delete_copy, find_file, unassign

        stored = find_file(case, finding.concerns, finding.extra.get("sha256"))
        folder = self.session.folder
        if stored is None or finding.concerns is None or folder is None:
            return
        unused = unassign(case, finding.concerns, stored)
        if unused is not None:
            self.context.runner.start(lambda _c: delete_copy(folder, unused), name="delete-copy")
        self._edited_case()

    def _fix_failed(self, error: BeianError) -> None:
        self.context.dialogs.warn(self.tr("无法修正"), error.user_message(ui_lang()))

    def _edited_case(self) -> None:
        self.session.mark_edited()
        self.run_review()

    def go_to(self, finding: Finding) -> None:
        from beian_desktop.core.fixes import area_of

        assert self.session.pack is not None
        wizard = self.wizard()
        go_back_to = getattr(wizard, "go_back_to", None)
        if go_back_to is not None:
            go_back_to(page_name(area_of(finding, self.session.pack.materials)))

    # -- completeness --------------------------------------------------------------------------
    def missing(self) -> list[str]:
        if self.session.case is None:
            return [self.tr("请先在第一步新建或打开案卷")]
        if self._failure is not None:
            return [self._failure.user_message(ui_lang())]
        result = self.result
        if result is None:
            return [self.tr("正在检查…")]
        lang = ui_lang()
        reasons = [f.message.get(lang) for f in result.blocking]
        if result.open_warnings:
            reasons.append(self.tr("还有 %n 条注意事项未确认", "", len(result.open_warnings)))
        return reasons
