"""What every wizard page shares: the services it works with, a scrolling body, and a status
line saying why Next is disabled.

A page lists what stands in the way in `missing()` (translated, specific: "主体全称：未填写…").
`refresh()` recomputes it, updates the status line and the Next button's tooltip, and tells
QWizard through `completeChanged`; `isComplete()` is simply "nothing missing".

Pages re-read their texts in `retranslate()` (called at construction and on LanguageChange) and
reload their widgets from the case in `load()` (called when the page is entered and when
another case is opened); edits go straight into `session.case`, then `session.mark_edited()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from beian_desktop.gui.i18n import separator
from beian_desktop.gui.widgets.messages import MessageLine

if TYPE_CHECKING:
    from beian_desktop.gui.dialogs import Dialogs
    from beian_desktop.gui.session import CaseSession
    from beian_desktop.gui.settings import Settings
    from beian_desktop.gui.workers import TaskRunner


@dataclass
class PageContext:
    """The services a page works with (injected, so tests can pass fakes)."""

    session: CaseSession
    runner: TaskRunner
    dialogs: Dialogs
    settings: Settings


class BasePage(QWizardPage):
    """A page with a scrolling body and the "why can't I go on" status line under it."""

    def __init__(self, context: PageContext, *, scroll: bool = True) -> None:
        super().__init__()
        self.context = context
        self.session = context.session
        self._missing: list[str] = []
        self._told = False  # completeChanged emitted at least once
        self._loading = False
        self.body = QWidget()
        self.status = StatusLine()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(self.body)
            outer.addWidget(area, 1)
        else:
            outer.addWidget(self.body, 1)
        outer.addWidget(self.status)

    # -- completeness ----------------------------------------------------------------------
    def missing(self) -> list[str]:
        """What must change before Next is enabled; overridden by each page."""
        return []

    def refresh(self) -> None:
        before = self._missing
        self._missing = self.missing() if self.session.ready else [self.tr("正在读取规则包…")]
        self.status.show_missing(self._missing)
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
                wizard.button(which).setToolTip("\n".join(self._missing))
        if bool(self._missing) != bool(before) or not self._told:
            # QWizard re-evaluates all its buttons on this signal (a few milliseconds): only
            # when completeness changed, since pages refresh on every background result.
            self._told = True
            self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._missing

    def missing_now(self) -> list[str]:
        return list(self._missing)

    # -- case <-> widgets ------------------------------------------------------------------
    def initializePage(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Fill the widgets from the case without treating it as an edit."""
        if not (self.session.ready and self.session.has_case):
            self.refresh()
            return
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        self.refresh()

    def load(self) -> None:
        """Overridden: copy the case's values into the widgets."""

    def edited(self) -> None:
        """Call after changing the case: autosave, then re-check this page."""
        if self._loading:
            return
        self.session.mark_edited()
        self.refresh()

    @property
    def loading(self) -> bool:
        return self._loading

    # -- files dropped on the window -----------------------------------------------------------
    def takes_files(self) -> bool:
        """Whether files dropped anywhere on the window go to this page now."""
        return False

    def add_paths(self, paths: list[Path]) -> None:
        """Overridden by pages that take files: queue them (never read them here)."""

    def shutdown(self) -> None:
        """Overridden: stop the page's timers and work; the window is closing."""

    # -- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Overridden: set every visible text (title, labels, placeholders, accessible names)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)


SHOWN_REASONS = 3  # more would push the page's content away; the tooltip lists them all


class StatusLine(QWidget):
    """Under the page: "还不能继续：…" with each reason, or a quiet "可以继续"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStatus")
        self.line = MessageLine("ok", "")
        self.line.setObjectName("pageStatusLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.line)
        self._reasons: list[str] = []

    def show_missing(self, reasons: list[str]) -> None:
        self._reasons = list(reasons)
        self.setToolTip("\n".join(reasons))
        if not reasons:
            self.line.set_kind("ok")
            self.line.set_text(self.tr("可以继续。"))
            return
        shown = separator().join(r.rstrip("。.；; ") for r in reasons[:SHOWN_REASONS])
        text = self.tr("还不能继续：") + shown
        if len(reasons) > SHOWN_REASONS:
            text += self.tr("……共 %1 项（鼠标停在这里可看全部）").replace("%1", str(len(reasons)))
        self.line.set_kind("blocking")
        self.line.set_text(text)

    def reasons(self) -> list[str]:
        return list(self._reasons)

    def text(self) -> str:
        return self.line.text()
