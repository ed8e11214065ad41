"""Page 6 导出: where the package goes, for which upload system, and making it.

* The folder is remembered (`settings.state.last_export_dir`); the upload profile and the
  PDF/A flavour (2b by default, 1b on request) are the case's, the profile's default the
  user's preference.
* `core.pipeline.run.pack_case` runs in the pool on a snapshot of the case, reporting
  "file n of m"; Cancel stops it at the next file and nothing is left behind (the pipeline
  writes the zip atomically). An existing package is replaced only after the user confirms.
* At the end: open the folder (through the Dialogs seam), copy the path, a summary; the export
  is recorded in the case's history (and autosaved).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from beian_desktop.gui.i18n import ui_lang
from beian_desktop.gui.icons import icon
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.pages.export_texts import progress_fraction, progress_text, summary_text
from beian_desktop.gui.widgets.messages import MessageLine, dim

if TYPE_CHECKING:
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.pipeline.progress import Progress
    from beian_desktop.core.pipeline.run import PackResult
    from beian_desktop.gui.workers import JobContext, Task

FLAVOURS = ("2b", "1b")
PROGRESS_STEPS = 1000


class ExportPage(BasePage):
    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.result: PackResult | None = None
        self._task: Task | None = None
        self._outcome: tuple[str, str] | None = None  # (kind, text) of the last attempt
        self.folder = QLineEdit()
        self.folder.setObjectName("exportFolder")
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton(icon("open"), "")
        self.choose_button.clicked.connect(self.choose_folder)
        self.profile = QComboBox()
        self.profile.setObjectName("uploadProfile")
        self.profile.activated.connect(self._profile_chosen)
        self.profile_about = QLabel()
        self.profile_about.setWordWrap(True)
        dim(self.profile_about)
        self.flavours = QButtonGroup(self)
        self.flavour_buttons = {flavour: QRadioButton() for flavour in FLAVOURS}
        for index, flavour in enumerate(FLAVOURS):
            self.flavours.addButton(self.flavour_buttons[flavour], index)
        self.flavours.idClicked.connect(self._flavour_chosen)
        self.export_button = QPushButton(icon("export"), "")
        self.export_button.setObjectName("exportPackage")
        self.export_button.clicked.connect(lambda: self.export())
        self.cancel_button = QPushButton(icon("cancel"), "")
        self.cancel_button.clicked.connect(self.cancel)
        self.bar = QProgressBar()
        self.bar.setRange(0, PROGRESS_STEPS)
        self.progress = QLabel()
        self.outcome = MessageLine("ok", "")
        self.outcome.setObjectName("exportOutcome")
        self.path = QLabel()
        self.path.setWordWrap(True)
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(icon("folder"), "")
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button = QPushButton(icon("copy"), "")
        self.copy_button.clicked.connect(self.copy_path)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(3)]
        self.form_labels[0].setBuddy(self.choose_button)
        self.form_labels[1].setBuddy(self.profile)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        flavour_box = QVBoxLayout()
        for button in self.flavour_buttons.values():
            flavour_box.addWidget(button)
        profile_box = QVBoxLayout()
        profile_box.addWidget(self.profile)
        profile_box.addWidget(self.profile_about)
        for label, row in zip(
            self.form_labels, (folder_row, profile_box, flavour_box), strict=True
        ):
            self.form.addRow(label, row)
        run_row = QHBoxLayout()
        run_row.addWidget(self.export_button)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(1)
        done_row = QHBoxLayout()
        done_row.addWidget(self.open_button)
        done_row.addWidget(self.copy_button)
        done_row.addStretch(1)
        self.done_box = QWidget()
        done = QVBoxLayout(self.done_box)
        done.setContentsMargins(0, 0, 0, 0)
        done.addWidget(self.path)
        done.addLayout(done_row)
        done.addWidget(self.summary)
        layout = QVBoxLayout(self.body)
        layout.addLayout(self.form)
        layout.addSpacing(8)
        layout.addLayout(run_row)
        layout.addWidget(self.bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.done_box)
        layout.addStretch(1)
        self._show_state()

    def retranslate(self) -> None:
        self.setTitle(self.tr("导出"))
        self.setSubTitle(self.tr("生成上传用的材料包（zip）：上传件、PDF/A 存档和材料清单。"))
        labels = (self.tr("保存到(&S)"), self.tr("上传系统(&U)"), self.tr("存档格式"))
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.choose_button.setText(self.tr("选择…(&B)"))
        self.flavour_buttons["2b"].setText(self.tr("PDF/A-2b（推荐）"))
        self.flavour_buttons["1b"].setText(self.tr("PDF/A-1b（仅在对方明确要求时）"))
        self.export_button.setText(self.tr("生成材料包(&G)"))
        self.cancel_button.setText(self.tr("取消(&C)"))
        self.open_button.setText(self.tr("打开文件夹(&O)"))
        self.copy_button.setText(self.tr("复制路径(&P)"))
        self.folder.setAccessibleName(self.tr("保存到"))
        self.profile.setAccessibleName(self.tr("上传系统"))
        if self.session.has_case and self.session.ready:
            self._fill_profiles()
            self._show_result()

    # -- choices -------------------------------------------------------------------------------
    def load(self) -> None:
        if not self.running:  # a package made before going back may not match the case now
            self.result, self._outcome = None, None
            self._show_state()
        self.folder.setText(self._default_folder())
        self._fill_profiles()
        case = self.session.case
        assert case is not None
        flavour = case.pdfa_flavour if case.pdfa_flavour in FLAVOURS else FLAVOURS[0]
        self.flavour_buttons[flavour].setChecked(True)

    def _default_folder(self) -> str:
        remembered = self.context.settings.state.last_export_dir
        if remembered:
            return remembered
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return QStandardPaths.writableLocation(documents) or str(Path.home())

    def _fill_profiles(self) -> None:
        pack = self.session.pack
        assert pack is not None
        lang = ui_lang()
        chosen = self.session.profile(self.context.settings.prefs.upload_profile)
        self.profile.clear()
        for profile in pack.profiles.values():
            self.profile.addItem(profile.name.get(lang), profile.id)
        self.profile.setCurrentIndex(self.profile.findData(chosen.id))
        self._describe_profile()

    def _describe_profile(self) -> None:
        pack = self.session.pack
        profile = pack.profiles.get(self.profile.currentData()) if pack is not None else None
        if profile is None:
            self.profile_about.clear()
            return
        formats = "/".join(f.upper() for f in profile.formats)
        text = self.tr("上传件为 %1，每个文件不超过 %2 MB；超过的会自动压缩。")
        self.profile_about.setText(
            text.replace("%1", formats).replace("%2", f"{profile.max_bytes / 1_000_000:g}")
        )

    def _profile_chosen(self, _index: int) -> None:
        case = self.session.case
        profile_id = self.profile.currentData()
        if case is None or not isinstance(profile_id, str):
            return
        case.upload_profile = profile_id
        self.context.settings.prefs.upload_profile = profile_id  # the default for next time
        self._describe_profile()
        self.edited()

    def _flavour_chosen(self, index: int) -> None:
        case = self.session.case
        if case is not None:
            case.pdfa_flavour = FLAVOURS[index]
            self.edited()

    def choose_folder(self) -> None:
        chosen = self.context.dialogs.export_folder(self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))
            self.context.settings.state.last_export_dir = str(chosen)

    # -- making the package --------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None

    def export(self, *, force: bool = False) -> None:
        from beian_desktop.gui.autosave import snapshot

        case, folder, pack = self.session.case, self.session.folder, self.session.pack
        if case is None or folder is None or pack is None or self.running:
            return
        out_dir = Path(self.folder.text())
        copy = snapshot(case)
        profile = self.session.profile(self.context.settings.prefs.upload_profile).id
        flavour = case.pdfa_flavour if case.pdfa_flavour in FLAVOURS else FLAVOURS[0]
        cache = self.session.inspections  # the review page's: nothing is decoded twice

        def job(context: JobContext) -> PackResult:
            from beian_desktop.core.pipeline.run import pack_case

            return pack_case(
                copy,
                folder,
                out_dir,
                pack=pack,
                profile=profile,
                flavour=flavour,
                force=force,
                progress=context.report,
                cancel=context.token,
                cache=cache,
            )

        self.result, self._outcome = None, None
        self.bar.setValue(0)
        self.progress.setText(self.tr("正在准备…"))
        self._task = self.context.runner.start(
            job,
            name="pack",
            on_done=self._packed,
            on_failed=self._failed,
            on_progress=self._progressed,
            on_cancelled=self._cancelled,
        )
        self._show_state()
        self.refresh()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setText(self.tr("正在取消…"))

    def _progressed(self, progress: Progress) -> None:
        self.bar.setValue(round(progress_fraction(progress) * PROGRESS_STEPS))
        self.progress.setText(progress_text(progress))

    def _packed(self, result: PackResult) -> None:
        self._task, self.result = None, result
        self.context.settings.state.last_export_dir = str(result.zip_path.parent)
        case = self.session.case
        if case is not None:
            case.record("packed", result.zip_path.name)
        self._outcome = ("ok", self.tr("材料包已生成。"))
        self._finish()
        self.edited()  # the history entry: autosaved

    def _failed(self, error: BeianError) -> None:
        from beian_desktop.core.pipeline.run import Blocked, PackageExists

        self._task = None
        if isinstance(error, PackageExists):
            question = self.tr("%1 已存在。要用新生成的材料包替换它吗？")
            if self.context.dialogs.confirm(
                self.tr("替换材料包"), question.replace("%1", error.path.name)
            ):
                self.export(force=True)
                return
            self._outcome = ("info", self.tr("未替换已有的材料包。"))
        elif isinstance(error, Blocked):
            self._outcome = (
                "blocking",
                error.message.get(ui_lang()) + self.tr("请回到“检查”一步。"),
            )
        else:
            self._outcome = ("blocking", error.user_message(ui_lang()))
        self._finish()

    def _cancelled(self) -> None:
        self._task = None
        self._outcome = ("info", self.tr("已取消，没有留下任何文件。"))
        self._finish()

    def _finish(self) -> None:
        self.cancel_button.setEnabled(True)
        self._show_state()
        self.refresh()

    # -- after -----------------------------------------------------------------------------------
    def open_folder(self) -> None:
        if self.result is not None:
            self.context.dialogs.open_folder(self.result.zip_path.parent)

    def copy_path(self) -> None:
        if self.result is not None:
            self.context.dialogs.copy_text(str(self.result.zip_path))
            self._outcome = ("ok", self.tr("路径已复制。"))
            self._show_state()

    def _show_state(self) -> None:
        running = self.running
        for widget in (self.choose_button, self.profile, self.export_button):
            widget.setEnabled(not running)
        for button in self.flavour_buttons.values():
            button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.bar.setVisible(running)
        self.progress.setVisible(running)
        self.outcome.setVisible(self._outcome is not None)
        if self._outcome is not None:
            self.outcome.set_kind(self._outcome[0])
            self.outcome.set_text(self._outcome[1])
        self._show_result()

    def _show_result(self) -> None:
        result = self.result
        self.done_box.setVisible(result is not None)
        if result is not None:
            self.path.setText(str(result.zip_path))
            self.summary.setText(summary_text(result))

    def missing(self) -> list[str]:
        if self.session.case is None:
            return [self.tr("请先在第一步新建或打开案卷")]
        if self.running:
            return [self.tr("正在生成材料包…")]
        if self.result is None:
            return [self.tr("点击“生成材料包”，生成要上传的文件")]
        return []
