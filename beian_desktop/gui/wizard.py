"""The wizard window: pages, the case session, autosave, language switch, window state.

How the parts fit:

* `CaseSession` holds the case, its folder and the rule pack; every page gets it (with the task
  runner, the dialogs and the settings) through a `PageContext`.
* `TaskRunner` runs file work in the QThreadPool; `Autosaver` writes the case after edits.
* Each page's `isComplete()` is "nothing in `missing()`"; the page's status line shows the
  reasons and the Next button's tooltip repeats them.
* Closing (`done()`): autosave gets everything onto disk, running tasks are cancelled and
  waited for, and the settings (window geometry, folders, language) are written.

Pages 4-6 (材料, 检查, 导出) plug in the same way: a BasePage subclass, an id in PageId, one
line in `_add_pages()`.
"""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from beian_desktop.gui.autosave import DEFAULT_DELAY_MS, Autosaver
from beian_desktop.gui.dialogs import Dialogs, QtDialogs
from beian_desktop.gui.i18n import LanguageSwitcher, available_languages, ui_lang
from beian_desktop.gui.icons import icon
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.pages.details import DetailsPage
from beian_desktop.gui.pages.start import StartPage
from beian_desktop.gui.pages.subject import SubjectPage
from beian_desktop.gui.session import CaseSession, load_pack_choice
from beian_desktop.gui.settings import Settings, SettingsStore
from beian_desktop.gui.workers import TaskRunner

if TYPE_CHECKING:
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.rules.selection import PackChoice

log = logging.getLogger(__name__)

DEFAULT_SIZE = (980, 720)
LANGUAGE_BUTTON = QWizard.WizardButton.CustomButton1
_QWIZARD = "QWizard"  # Qt's own context: qtbase_zh_CN translates these button texts
_BUTTON_TEXTS = {
    QWizard.WizardButton.BackButton: "< &Back",
    QWizard.WizardButton.NextButton: "&Next >",
    QWizard.WizardButton.FinishButton: "&Finish",
}


class PageId(IntEnum):
    START = 0
    SUBJECT = 1
    DETAILS = 2
    # The next pages: MATERIALS = 3, REVIEW = 4, EXPORT = 5


class BeianWizard(QWizard):
    """The main window. Services are injectable so tests can pass fakes."""

    def __init__(
        self,
        *,
        settings_store: SettingsStore | None = None,
        settings: Settings | None = None,
        dialogs: Dialogs | None = None,
        runner: TaskRunner | None = None,
        languages: LanguageSwitcher | None = None,
        pack: PackChoice | None = None,
        autosave_delay_ms: int = DEFAULT_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("beianWizard")
        self.settings_store = settings_store or SettingsStore()
        self.settings = settings if settings is not None else self.settings_store.load()
        self.languages = languages
        self.runner = runner or TaskRunner(parent=self)
        self.session = CaseSession(self)
        self.autosaver = Autosaver(self.session, self.runner, autosave_delay_ms, self)
        self.autosaver.failed.connect(self._autosave_failed)
        self.context = PageContext(
            self.session, self.runner, dialogs or QtDialogs(self), self.settings
        )
        self._closed = False
        self._set_up_window()
        self._add_pages()
        self.session.case_switched.connect(self._case_switched)
        self.session.edited.connect(self._update_title)
        self.currentIdChanged.connect(self._page_shown)
        self.retranslate()
        if pack is not None:
            self.session.set_pack(pack)
        else:
            # After the first paint: the loader's imports would compete with it for the GIL.
            QTimer.singleShot(0, self, self._load_pack)

    def _set_up_window(self) -> None:
        self.setWindowIcon(icon("app"))
        if self.wizardStyle() != QWizard.WizardStyle.MacStyle:
            self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setButtonLayout(
            [
                LANGUAGE_BUTTON,
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
            ]
        )
        language = self.button(LANGUAGE_BUTTON)
        language.setIcon(icon("language"))
        language.setEnabled("en" in available_languages() and self.languages is not None)
        self.customButtonClicked.connect(self._custom_button)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.toggle_language)
        self.resize(*DEFAULT_SIZE)
        geometry = self.settings.state.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))

    def _add_pages(self) -> None:
        self.pages: dict[PageId, BasePage] = {
            PageId.START: StartPage(self.context),
            PageId.SUBJECT: SubjectPage(self.context),
            PageId.DETAILS: DetailsPage(self.context),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.START)

    def page_of(self, page_id: PageId) -> BasePage:
        return self.pages[page_id]

    # -- the rule pack ---------------------------------------------------------------------
    def _load_pack(self) -> None:
        self.runner.start(
            lambda _context: load_pack_choice(),
            name="load-pack",
            on_done=self.session.set_pack,
            on_failed=self._pack_failed,
        )

    def _pack_failed(self, error: BeianError) -> None:
        start = self.pages[PageId.START]
        assert isinstance(start, StartPage)
        start.show_pack_error(error)

    # -- case ------------------------------------------------------------------------------
    def _case_switched(self) -> None:
        page = self.currentPage()
        if isinstance(page, BasePage):
            page.reload()
        self._update_title()

    def _page_shown(self, page_id: int) -> None:
        """Reload on every visit (Back included): other pages may have changed the case."""
        page = self.page(page_id)
        if isinstance(page, BasePage):
            page.reload()

    def _update_title(self) -> None:
        case = self.session.case
        name = case.subject.full_name.strip() if case is not None else ""
        title = QCoreApplication.translate("BeianWizard", "备案材料助手")
        self.setWindowTitle(f"{name} — {title}" if name else title)

    def _autosave_failed(self, error: BeianError) -> None:
        self.context.dialogs.warn(self.tr("自动保存失败"), error.user_message(ui_lang()))

    # -- language --------------------------------------------------------------------------
    def _custom_button(self, which: int) -> None:
        if which == LANGUAGE_BUTTON.value:
            self.toggle_language()

    def toggle_language(self) -> None:
        self.switch_language("en" if ui_lang() == "zh" else "zh")

    def switch_language(self, lang: str) -> None:
        """Switch live: every widget re-reads its texts on the LanguageChange that follows."""
        if self.languages is None:
            return
        applied = self.languages.apply(lang)
        self.settings.prefs.language = applied
        self.settings_store.save(self.settings)

    def retranslate(self) -> None:
        self._update_title()
        # The language button names the other language, in that language.
        self.setButtonText(LANGUAGE_BUTTON, "English" if ui_lang() == "zh" else "中文")
        language = self.button(LANGUAGE_BUTTON)
        language.setToolTip(self.tr("切换界面语言（Ctrl+Shift+L）"))
        language.setAccessibleDescription(language.toolTip())
        for which, text in _BUTTON_TEXTS.items():
            # QWizard translates its buttons only when built; re-apply on a language change.
            self.setButtonText(which, QCoreApplication.translate(_QWIZARD, text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- closing ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A main window, not a dialog: Escape must not close it (it would end the session).
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Save everything and stop all background work. Safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        self.runner.cancel_all()  # first, so the wait for the last save is short
        self.autosaver.shutdown()
        self.runner.shutdown()
        self.settings.state.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode(
            "ascii"
        )
        self.settings_store.save(self.settings)
        log.info("window closed")


def current_wizard() -> BeianWizard | None:
    """The wizard of this process, if one is open (for the crash handler's context)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, BeianWizard):
            return widget
    return None
