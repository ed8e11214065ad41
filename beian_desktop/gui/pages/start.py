"""Page 1 开始: new case, recent cases, open a case file; the rule pack's version and date."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from beian_desktop.gui.i18n import ui_lang
from beian_desktop.gui.icons import icon
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.widgets.messages import MessageLine, MessageStack

if TYPE_CHECKING:
    from beian_desktop.core.case import Case
    from beian_desktop.core.case.recent import CaseSummary
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.rules import RulePack
    from beian_desktop.core.rules.selection import PackChoice
    from beian_desktop.gui.widgets.recent_cases import RecentCasesView
    from beian_desktop.gui.workers import JobContext


class StartPage(BasePage):
    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self._summaries: list[CaseSummary] = []
        self._opening = False
        self._pack_error: BeianError | None = None
        self.new_button = QPushButton(icon("new"), "")
        self.new_button.setObjectName("newCase")
        self.new_button.clicked.connect(self.new_case)
        self.open_button = QPushButton(icon("open"), "")
        self.open_button.setObjectName("openCase")
        self.open_button.clicked.connect(self.choose_case_file)
        self.current = MessageLine("info", "")
        self.recent_label = QLabel()
        # The table is hidden until the recent cases are listed (once the rule pack has loaded,
        # after the first paint), so it is built then: see `recent`.
        self._recent: RecentCasesView | None = None
        self.recent_empty = QLabel()
        self.recent_empty.setWordWrap(True)
        # Until then the label's mnemonic needs some buddy to be drawn as one (not as "&R"); the
        # hidden table would not take the focus either.
        self.recent_label.setBuddy(self.recent_empty)
        self.pack_box = QGroupBox()
        self.pack_label = QLabel()
        self.pack_label.setObjectName("packInfo")
        self.pack_label.setWordWrap(True)
        self.pack_problems = MessageStack()
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.clicked.connect(self.import_pack)
        self._lay_out()
        self.session.pack_changed.connect(self._pack_changed)
        self.session.case_switched.connect(self.refresh)
        self.retranslate()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        import_row = QHBoxLayout()  # the button at its own width, on the left
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        pack = QVBoxLayout(self.pack_box)
        pack.addWidget(self.pack_label)
        pack.addWidget(self.pack_problems)
        pack.addLayout(import_row)
        layout = QVBoxLayout(self.body)
        layout.addLayout(buttons)
        layout.addWidget(self.current)
        layout.addSpacing(8)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_empty)  # the table goes in above it: `recent`
        layout.addStretch(0)
        layout.addWidget(self.pack_box)
        self._body_layout = layout
        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.import_button)

    @property
    def recent(self) -> RecentCasesView:
        """The recent-cases table, built on first use (a hidden QTreeWidget and its header are a
        few milliseconds the first paint need not wait for)."""
        if self._recent is None:
            from beian_desktop.gui.widgets.recent_cases import RecentCasesView

            view = RecentCasesView()
            view.setVisible(False)
            view.open_requested.connect(self.open_folder)
            view.currentItemChanged.connect(lambda *_: self.refresh())  # what Next would open
            self._body_layout.insertWidget(self._body_layout.indexOf(self.recent_empty), view, 1)
            self.recent_label.setBuddy(view)
            self.setTabOrder(self.open_button, view)
            self.setTabOrder(view, self.import_button)
            self._recent = view
            self._retranslate_recent()
        return self._recent

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("开始"))
        self.setSubTitle(self.tr("新建一个备案案卷，或继续之前的案卷。所有修改都会自动保存。"))
        self.new_button.setText(self.tr("新建案卷(&C)"))
        self.open_button.setText(self.tr("打开案卷文件…(&O)"))
        self.recent_label.setText(self.tr("最近的案卷(&R)（双击或按回车打开）"))
        if self._recent is not None:
            self._retranslate_recent()
        self.recent_empty.setText(self.tr("还没有案卷。点击“新建案卷”开始。"))
        self.pack_box.setTitle(self.tr("规则包"))
        self.import_button.setText(self.tr("导入新规则包…(&I)"))
        self.import_button.setToolTip(
            self.tr("导入更新的规则包文件（.toml 或 .zip）；日期更新的规则包会取代内置规则包。")
        )
        self._show_pack()
        self._fill_recent()
        self._show_current()

    def _retranslate_recent(self) -> None:
        view = self.recent
        view.setHeaderLabels(
            [self.tr("主体"), self.tr("办理项"), self.tr("省份"), self.tr("最后修改")]
        )
        view.setAccessibleName(self.tr("最近的案卷"))

    def missing(self) -> list[str]:
        if self._opening:
            return [self.tr("正在打开案卷…")]
        if not self.session.has_case and self._selected() is None:
            return [self.tr("请新建案卷，或打开一个已有的案卷")]
        return []

    def validatePage(self) -> bool:
        """Next continues the open case; with none open, it opens the selected recent case
        (and moves on once it has loaded)."""
        if self.session.has_case:
            return True
        selected = self._selected()
        if selected is not None:
            self.open_folder(selected[0])
        return False

    def refresh(self) -> None:
        self._show_current()
        super().refresh()

    def reload(self) -> None:
        super().reload()
        self.load_recent()

    # -- the rule pack ---------------------------------------------------------------------
    def _pack_changed(self) -> None:
        self._pack_error = None
        self._show_pack()
        self.load_recent()
        self.refresh()

    def show_pack_error(self, error: BeianError) -> None:
        self._pack_error = error
        self._show_pack()

    def _show_pack(self) -> None:
        lang = ui_lang()
        pack = self.session.pack
        if self._pack_error is not None:
            self.pack_label.setText(self._pack_error.user_message(lang))
        elif pack is None:
            self.pack_label.setText(self.tr("正在读取规则包…"))
        else:
            info = pack.info
            self.pack_label.setText(
                self.tr("%1，版本 %2，规则核对日期 %3。")
                .replace("%1", info.name.get(lang))
                .replace("%2", info.version)
                .replace("%3", info.date)
            )
        problems = [
            ("warning", self.tr("已忽略一个导入的规则包：") + error.user_message(lang))
            for error in self.session.pack_problems
        ]
        self.pack_problems.set_messages(problems)

    def import_pack(self) -> None:
        state = self.context.settings.state
        path = self.context.dialogs.rule_pack_file(state.last_pack_dir)
        if path is None:
            return
        state.last_pack_dir = str(path.parent)

        def job(_context: JobContext) -> tuple[RulePack, PackChoice]:
            from beian_desktop.core.rules.selection import choose_pack, import_pack

            return import_pack(path), choose_pack()

        self.import_button.setEnabled(False)
        self.context.runner.start(
            job, name="import-pack", on_done=self._imported, on_failed=self._import_failed
        )

    def _imported(self, result: tuple[RulePack, PackChoice]) -> None:
        imported, choice = result
        self.import_button.setEnabled(True)
        self.session.set_pack(choice)
        lang = ui_lang()
        used = choice.pack.info
        if (used.version, used.date) == (imported.info.version, imported.info.date):
            text = self.tr("已导入规则包 %1（%2），现在使用它。")
        else:
            text = self.tr("已导入规则包 %1（%2）；它不比当前的规则包新，仍使用 %3（%4）。")
        text = (
            text.replace("%1", imported.info.name.get(lang))
            .replace("%2", imported.info.date)
            .replace("%3", used.name.get(lang))
            .replace("%4", used.date)
        )
        self.context.dialogs.inform(self.tr("导入规则包"), text)

    def _import_failed(self, error: BeianError) -> None:
        self.import_button.setEnabled(True)
        self.context.dialogs.warn(self.tr("无法导入规则包"), error.user_message(ui_lang()))

    # -- cases -----------------------------------------------------------------------------
    def new_case(self) -> None:
        if not self.session.ready:
            return
        self.session.new_case()
        self._advance()

    def choose_case_file(self) -> None:
        state = self.context.settings.state
        path = self.context.dialogs.open_case_file(state.last_case_dir)
        if path is not None:
            state.last_case_dir = str(path.parent)
            self.open_folder(path.parent if path.is_file() else path)

    def open_folder(self, folder: Path) -> None:
        if self._opening or not self.session.ready:
            return

        def job(_context: JobContext) -> tuple[Case, Path]:
            from beian_desktop.core.case import load_case

            return load_case(folder)

        self._opening = True
        self.refresh()
        self.context.runner.start(
            job, name="open-case", on_done=self._opened, on_failed=self._open_failed
        )

    def _opened(self, result: tuple[Case, Path]) -> None:
        from beian_desktop.core.case.store import cases_root
        from beian_desktop.gui.case_lock import CaseInUse

        case, folder = result
        self._opening = False
        try:
            self.session.open_case(case, folder)
        except CaseInUse as error:
            self._open_failed(error)
            return
        if folder.parent.resolve() != cases_root().resolve():
            self.context.settings.state.remember_case(folder)
        self._advance()

    def _open_failed(self, error: BeianError) -> None:
        self._opening = False
        self.refresh()
        self.context.dialogs.warn(self.tr("无法打开案卷"), error.user_message(ui_lang()))

    def _advance(self) -> None:
        self.refresh()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _show_current(self) -> None:
        case, selected = self.session.case, self._selected()
        self.current.setVisible(case is not None or selected is not None)
        if case is not None:
            name = case.subject.full_name.strip() or self.tr("新案卷（尚未填写主体名称）")
            self.current.set_text(self.tr("当前案卷：%1。点击“下一步”继续。").replace("%1", name))
        elif selected is not None:
            self.current.set_text(
                self.tr("已选中最近的案卷：%1。点击“下一步”打开它。").replace("%1", selected[1])
            )

    # -- recent cases ----------------------------------------------------------------------
    def _selected(self) -> tuple[Path, str] | None:
        """The recent case selected in the table (its folder and subject), if it can be opened."""
        if self._recent is None or self._recent.isHidden():
            return None
        return self._recent.selected_case()

    def load_recent(self) -> None:
        if not self.session.ready:
            return
        extra = [Path(p) for p in self.context.settings.state.recent_cases]

        def job(_context: JobContext) -> list[CaseSummary]:
            from beian_desktop.core.case.recent import list_cases

            return list_cases(extra=extra)

        self.context.runner.start(job, name="recent-cases", on_done=self._recent_loaded)

    def _recent_loaded(self, summaries: list[CaseSummary]) -> None:
        self._summaries = summaries
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_empty.setVisible(not self._summaries)
        if not self._summaries and self._recent is None:
            return  # nothing to list: the table need not exist yet
        view = self.recent
        view.clear()
        for summary in self._summaries:
            self._add_row(view, summary)
        first = view.topLevelItem(0)
        if first is not None:
            view.setCurrentItem(first)
        view.setVisible(bool(self._summaries))
        self.refresh()

    def _add_row(self, view: RecentCasesView, summary: CaseSummary) -> None:
        lang = ui_lang()
        pack = self.session.pack
        modified = summary.modified.strftime("%Y-%m-%d %H:%M")
        if not summary.readable:
            problem = summary.problem.get(lang) if summary.problem else ""
            view.add_case([self.tr("（无法读取）"), "", "", modified], None, problem)
            return
        filing, province = summary.filing_type, summary.province
        if pack is not None:
            if filing in pack.filing_types:
                filing = pack.filing_types[filing].name.get(lang)
            if province in pack.provinces:
                province = pack.provinces[province].name.get(lang)
        name = summary.subject_name or self.tr("（未填写名称）")
        view.add_case([name, filing, province, modified], summary.folder)
