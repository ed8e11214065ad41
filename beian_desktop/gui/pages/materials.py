"""Page 4 材料: the checklist as material slots, filled by dropping files anywhere on the window.

* A drop (or 添加文件… / 添加文件夹…) only queues work: `IntakeQueue` walks folders, inspects
  each file, draws its thumbnail and copies it into the case folder in the pool, and hands the
  results on in drop order. Files the inspection refuses (empty, damaged, encrypted,
  unsupported) are listed with the reason and what to do; nothing is added for them.
* Each arriving file goes where `core.classify` says (name keywords, then shape); unsure files
  wait in the 未分类 tray. The user moves files by dragging them between slots or from the
  card's menu (移到… / 设为人像面 / 移除).
* Badges are recomputed for the slot a file is in (`core.badges`), without inspecting again.
* Next stays disabled while a required material is missing, an ID card lacks a side, a file
  is being inspected or waits in the tray.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout

from beian_desktop.gui.drops import TRAY, FileRef
from beian_desktop.gui.i18n import labelled, ui_lang
from beian_desktop.gui.icons import icon
from beian_desktop.gui.intake_queue import IntakeQueue, Pending, look
from beian_desktop.gui.pages import materials_edits as edits
from beian_desktop.gui.pages import materials_views as views
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.pages.materials_problems import Problems
from beian_desktop.gui.widgets.material_slot import CardBudget, MaterialSlot
from beian_desktop.gui.widgets.messages import dim
from beian_desktop.gui.widgets.problem_list import ProblemList

if TYPE_CHECKING:
    from beian_desktop.core.case import StoredFile
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.intake import Expanded, Intake
    from beian_desktop.gui.workers import JobContext

RENDER_INTERVAL_MS = 50  # while files stream in: fresh enough to watch, cheap on the GUI
CARDS_PER_PASS = 4  # new cards built per pass of background results (a few ms each)


class MaterialsPage(BasePage):
    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.state = views.PageState()
        self.queue = IntakeQueue(context.runner, self)
        self.problems = Problems(self)
        self._render_timer = QTimer(self)
        self._render_timer.setObjectName("beian.materials-render")
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_INTERVAL_MS)
        self._render_timer.timeout.connect(self._render_pass)
        self._generation = 0
        self.add_files_button = QPushButton(icon("add-file"), "")
        self.add_files_button.setObjectName("addFiles")
        self.add_folder_button = QPushButton(icon("folder"), "")
        self.add_folder_button.setObjectName("addFolder")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        dim(self.hint)
        self.problem_list = ProblemList()
        self.tray = MaterialSlot(TRAY)
        self.slots: dict[str, MaterialSlot] = {}
        self.slot_layout = QVBoxLayout()
        self._sources: list[views.SlotSource] = []
        self._lay_out()
        self._connect()
        self.retranslate()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.add_folder_button)
        buttons.addWidget(self.hint, 1)
        layout = QVBoxLayout(self.body)
        layout.addLayout(buttons)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.tray)
        layout.addLayout(self.slot_layout)
        layout.addStretch(1)
        self.tray.hide()

    def _connect(self) -> None:
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.problem_list.dismissed.connect(self._dismiss)
        self.queue.queued.connect(lambda _pending: self._render_soon())
        self.queue.arrived.connect(self._arrived)
        self.queue.refused.connect(self._refused)
        self.queue.skipped.connect(self._skipped)
        self.queue.busy_changed.connect(self._busy_changed)
        self._wire(self.tray)
        self.session.about_to_switch.connect(self._forget)
        self.session.files_queued.connect(self._take_queued)

    def _wire(self, slot: MaterialSlot) -> None:
        slot.file_dropped.connect(self.move_file)
        slot.card_menu.connect(self._show_menu)
        slot.card_remove.connect(self.remove)

    def retranslate(self) -> None:
        self.setTitle(self.tr("材料"))
        self.setSubTitle(
            self.tr("把扫描件或照片拖到窗口任意位置（也可以拖入文件夹），程序会放入对应的材料。")
        )
        self.add_files_button.setText(self.tr("添加文件…(&A)"))
        self.add_folder_button.setText(self.tr("添加文件夹…(&F)"))
        self.hint.setText(
            self.tr("文件会复制到案卷中，原件不会被改动。放错了可以拖到别的材料，或右键选择。")
        )
        if self.session.has_case and self.session.ready:
            self._render()

    # -- files arriving ----------------------------------------------------------------------
    def takes_files(self) -> bool:
        """The window passes dropped files here while this page is shown."""
        return self.session.has_case and self.session.folder is not None

    def add_paths(self, paths: list[Path]) -> None:
        folder = self.session.folder
        if folder is None or not paths:
            return
        self.queue.add(paths, folder)

    def _busy_changed(self, _busy: bool) -> None:
        self.refresh()  # at once: "正在检查…" shows as soon as files are dropped
        self._render_soon()

    def _take_queued(self) -> None:
        """Files the app was asked to open (see gui/opening.py), once this page is shown."""
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self and self.takes_files():
            self.add_paths(self.session.take_queued_files())

    def choose_files(self) -> None:
        state = self.context.settings.state
        paths = self.context.dialogs.scan_files(state.last_files_dir)
        if paths:
            state.last_files_dir = str(paths[0].parent)
            self.add_paths(paths)

    def choose_folder(self) -> None:
        state = self.context.settings.state
        folder = self.context.dialogs.scan_folder(state.last_files_dir)
        if folder is not None:
            state.last_files_dir = str(folder)
            self.add_paths([folder])

    def _arrived(self, pending: Pending, intake: Intake) -> None:
        case = self.session.case
        if case is None or intake.stored is None:
            return
        self.state.looks[intake.stored.sha256] = intake
        holder = edits.holder_of(case, self.state, self._sources, intake.stored.sha256)
        if holder is not None:
            name = holder.get(ui_lang()) if holder else self.tr("待归类的文件")
            self.problems.add_duplicate(pending.name, name)
        elif edits.place(case, self.state, self._sources, pending.name, intake):
            self.session.mark_edited()
        self._render_soon()

    def _refused(self, pending: Pending, error: BeianError) -> None:
        self.problems.add_refused(pending.name, error)
        self._render_soon()

    def _skipped(self, found: Expanded) -> None:
        self.problems.add_skipped(found)
        self._render_soon()

    def _dismiss(self, key: str) -> None:
        self.problems.dismiss(key)
        self._show_problems()

    # -- moving and removing -------------------------------------------------------------------
    def stored_file(self, ref: FileRef) -> StoredFile | None:
        case = self.session.case
        return edits.find(case, self.state, self._sources, ref) if case is not None else None

    def move_file(self, ref: FileRef, material: str, side: str) -> None:
        """Put a file under `material` (TRAY: back to the tray) on `side`."""
        case, stored = self.session.case, self.stored_file(ref)
        if case is None or stored is None or (ref.material, ref.side) == (material, side):
            return
        edits.move(case, self.state, stored, ref, material, side)
        self._changed()

    def set_side(self, ref: FileRef, side: str) -> None:
        self.move_file(ref, ref.material, side)

    def remove(self, ref: FileRef) -> None:
        case, stored = self.session.case, self.stored_file(ref)
        if case is None or stored is None:
            return
        unused = edits.remove(case, self.state, stored, ref)
        if unused is not None:
            self._delete_copy(unused)
        self._changed()

    def _delete_copy(self, relative: str) -> None:
        from beian_desktop.core.fixes import delete_copy

        folder = self.session.folder
        if folder is not None:
            self.context.runner.start(
                lambda _context: delete_copy(folder, relative), name="delete-copy"
            )

    # -- the context menu ----------------------------------------------------------------------
    def menu_for(self, ref: FileRef) -> QMenu:
        menu = QMenu(self)
        move_to = menu.addMenu(self.tr("移到…"))
        for source in self._sources:
            material = source.material
            name = source.name.get(ui_lang())
            sides = views.SIDES if material.sides == 2 else ("",)
            for side in sides:
                if (material.id, side) == (ref.material, ref.side):
                    continue
                text = f"{name}（{views.side_name(material, side)}）" if side else name
                action = move_to.addAction(text)
                action.triggered.connect(partial(self.move_file, ref, material.id, side))
        if not ref.in_tray:
            back = move_to.addAction(self.tr("待归类的文件"))
            back.triggered.connect(partial(self.move_file, ref, TRAY, ""))
            self._side_actions(menu, ref)
        menu.addSeparator()
        remove = menu.addAction(icon("remove"), self.tr("移除"))
        remove.triggered.connect(lambda: self.remove(ref))
        return menu

    def _side_actions(self, menu: QMenu, ref: FileRef) -> None:
        source = next((s for s in self._sources if s.material.id == ref.material), None)
        if source is None or source.material.sides != 2:
            return
        for side in views.SIDES:
            if side != ref.side:
                name = views.side_name(source.material, side)
                action = menu.addAction(self.tr("设为%1").replace("%1", name))
                action.triggered.connect(partial(self.set_side, ref, side))

    def _show_menu(self, ref: FileRef, where: QPoint) -> None:
        menu = self.menu_for(ref)
        menu.exec(where)
        menu.deleteLater()

    # -- case -> widgets -----------------------------------------------------------------------
    def _forget(self) -> None:
        """Another case is about to be opened: what is on its way belongs to this one."""
        self.queue.cancel()
        self._generation += 1
        self.state = views.PageState()
        self.problems.clear()

    def load(self) -> None:
        case, pack = self.session.case, self.session.pack
        assert case is not None and pack is not None
        self._sources = views.slot_sources(self.session.checklist(), case, pack)
        self._look_at_stored()
        self._render()
        self._take_queued()

    def _look_at_stored(self) -> None:
        case, folder = self.session.case, self.session.folder
        assert case is not None and folder is not None
        generation = self._generation
        for _material, stored in case.all_files():
            sha = stored.sha256
            if sha in self.state.looks or sha in self.state.checking:
                continue
            self.state.checking.add(sha)

            self.context.runner.start(
                partial(_look_job, folder, stored),
                name="look",
                on_done=partial(self._looked, generation, sha),
                on_failed=partial(self._looked, generation, sha),
            )

    def _looked(self, generation: int, sha: str, result: Intake | BeianError) -> None:
        if generation != self._generation:
            return
        self.state.checking.discard(sha)
        self.state.looks[sha] = result
        self._render_soon()

    def _changed(self) -> None:
        """After the user changed the case here: save, re-check and show it at once."""
        self.session.mark_edited()
        self._render_now()

    def _render_soon(self) -> None:
        """Background results come in bursts (fifty files, one after another): show them
        together, at most every RENDER_INTERVAL_MS, not one pass (and repaint) each."""
        if not self._render_timer.isActive():
            self._render_timer.start()

    def _render_now(self, budget: CardBudget | None = None) -> None:
        self._render_timer.stop()
        case, pack = self.session.case, self.session.pack
        if case is not None and pack is not None:
            self._sources = views.slot_sources(self.session.checklist(), case, pack)
        self._render(budget)
        self.refresh()

    def _render_pass(self) -> None:
        self._render_now(CardBudget(CARDS_PER_PASS))

    def shutdown(self) -> None:
        self._render_timer.stop()
        self.queue.cancel()

    def _render(self, budget: CardBudget | None = None) -> None:
        """Show the case and the page's state; with a budget, cards left over are built by a
        later pass."""
        case = self.session.case
        if case is None or self.session.pack is None:
            return
        budget = budget or CardBudget()
        profile = self.session.profile(self.context.settings.prefs.upload_profile)
        pending = self.queue.pending()
        self.tray.set_view(views.tray_view(pending, self.state, profile), budget)
        self.tray.setVisible(bool(pending or self.state.loose))
        wanted = [s.material.id for s in self._sources]
        for material_id in [m for m in self.slots if m not in wanted]:
            slot = self.slots.pop(material_id)
            self.slot_layout.removeWidget(slot)
            slot.deleteLater()
        for index, source in enumerate(self._sources):
            slot = self.slots.get(source.material.id) or self._new_slot(source.material.id)
            if self.slot_layout.indexOf(slot) != index:
                self.slot_layout.insertWidget(index, slot)
            slot.set_view(views.slot_view(source, case, self.state, profile), budget)
        self._show_problems()
        if budget.refused:
            self._render_soon()

    def _new_slot(self, material_id: str) -> MaterialSlot:
        slot = MaterialSlot(material_id)
        self._wire(slot)
        self.slots[material_id] = slot
        return slot

    def _show_problems(self) -> None:
        self.problem_list.set_problems(self.problems.shown(ui_lang()))

    # -- completeness --------------------------------------------------------------------------
    def busy(self) -> bool:
        """Files on their way, being looked at, or not shown yet."""
        return self.queue.busy or bool(self.state.checking) or self._render_timer.isActive()

    def missing(self) -> list[str]:
        from beian_desktop.core.review.materials import sides_findings

        case, pack = self.session.case, self.session.pack
        if case is None or pack is None:
            return [self.tr("请先在第一步新建或打开案卷")]
        reasons = []
        waiting = len(self.queue.pending()) + len(self.state.checking)
        if self.queue.busy or self.state.checking:
            reasons.append(self.tr("正在检查 %n 个文件…", "", max(waiting, 1)))
        if self.state.loose:
            reasons.append(
                self.tr("%n 个文件尚未归类：请拖到对应的材料，或移除", "", len(self.state.loose))
            )
        lang = ui_lang()
        for source in self._sources:
            if source.level == "mandatory" and not case.assignments.get(source.material.id):
                reasons.append(labelled(self.tr("缺少"), source.name.get(lang)))
        for finding in sides_findings(case, pack, views.pages_of(self.state)):
            reasons.append(finding.message.get(lang))
        if self._unreadable():
            reasons.append(self.tr("有文件无法读取：请移除后重新添加"))
        return reasons

    def _unreadable(self) -> bool:
        from beian_desktop.core.errors import BeianError

        case = self.session.case
        assert case is not None
        looks = self.state.looks
        return any(isinstance(looks.get(f.sha256), BeianError) for _, f in case.all_files())


def _look_job(folder: Path, stored: StoredFile, _context: JobContext) -> Intake:
    from beian_desktop.core.case.store import resolve_file

    return look(resolve_file(folder, stored))
