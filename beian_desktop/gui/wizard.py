"""The wizard window: pages, the case session, autosave, language switch, window state.

How the parts fit:

* `CaseSession` holds the case, its folder and the rule pack; every page gets it (with the task
  runner, the dialogs and the settings) through a `PageContext`.
* `TaskRunner` runs file work in the QThreadPool; `Autosaver` writes the case after edits.
* Each page's `isComplete()` is "nothing in `missing()`"; the page's status line shows the
  reasons and the Next button's tooltip repeats them.
* Closing (`done()`): autosave gets everything onto disk, running tasks are cancelled and
  waited for, and the settings (window geometry, folders, language) are written.
* Files dropped anywhere on the window go to the current page when it takes files (page 4,
  材料); elsewhere the drop is refused.

Start-up: only the start page is built before the window first paints. Pages 2-6 (their modules
and some hundred widgets), the rule pack's loading, the keyboard shortcut and whatever the app
hands to `after_first_paint()` (the log file) follow right after the first paint; the window
appears about as fast as a bare QWizard. `page_of()` and `next()` build the pages at once if
they are asked for earlier. Two rules keep that path short:

* Modules needed only later are imported where they are used (or under TYPE_CHECKING): each
  import costs its execution plus PySide6's scan of the module's source for `__feature__` use.
* Nothing on it names a value of PySide6's `Qt` namespace (`Qt.AlignmentFlag...`): the first
  access to `PySide6.QtCore.Qt` builds the Python types of all its ~90 enums, some 15 ms.
  Code that runs before the first paint sets such values by name (`set_by_name()` in
  gui/widgets/messages.py) or leaves them to a layout; later code imports `Qt` where it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from beian_desktop.gui.autosave import DEFAULT_DELAY_MS, Autosaver
from beian_desktop.gui.dialogs import Dialogs, QtDialogs
from beian_desktop.gui.i18n import LanguageSwitcher, available_languages, ui_lang
from beian_desktop.gui.icons import icon
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.pages.start import StartPage
from beian_desktop.gui.session import CaseSession, load_pack_choice
from beian_desktop.gui.settings import Settings, SettingsStore
from beian_desktop.gui.workers import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent

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
    MATERIALS = 3
    REVIEW = 4
    EXPORT = 5


# The pages built after the first paint: module and class, in wizard order.
LATER_PAGES = {
    PageId.SUBJECT: ("beian_desktop.gui.pages.subject", "SubjectPage"),
    PageId.DETAILS: ("beian_desktop.gui.pages.details", "DetailsPage"),
    PageId.MATERIALS: ("beian_desktop.gui.pages.materials", "MaterialsPage"),
    PageId.REVIEW: ("beian_desktop.gui.pages.review", "ReviewPage"),
    PageId.EXPORT: ("beian_desktop.gui.pages.export", "ExportPage"),
}


class _FirstPaint(QObject):
    """Calls `then` once, right after the watched widget's first paint — or after a second if
    no paint comes (a window started minimised never paints, and must still finish starting)."""

    FALLBACK_MS = 1000

    def __init__(self, watched: QWidget, owner: QObject, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._owner = owner  # the timer's context: no call once it is gone
        self._watched = watched
        self._then: Callable[[], None] | None = then
        watched.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._owner, self._fire)  # after this paint has finished
        return False

    def _fire(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None
        self._watched.removeEventFilter(self)
        then()


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
        self._load_pack_later = pack is None
        if pack is not None:
            self.session.set_pack(pack)
        # After the first paint: building the other pages and the loader's imports would only
        # delay it (the loader competes for the GIL).
        self._after_paint: list[Callable[[], None]] | None = []  # None once painted
        _FirstPaint(self.pages[PageId.START], self, self._after_first_paint)

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
        self.setAcceptDrops(True)  # files dropped anywhere; the current page decides
        self.resize(*DEFAULT_SIZE)
        geometry = self.settings.state.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))

    def _add_pages(self) -> None:
        start = StartPage(self.context)
        self.pages: dict[PageId, BasePage] = {PageId.START: start}
        self.setPage(PageId.START, start)
        self.setStartId(PageId.START)

    def after_first_paint(self, then: Callable[[], None]) -> None:
        """Run `then` right after the window's first paint (soon, if that has passed): start-up
        work the user need not wait for. Not at all if the window closes before it paints."""
        if self._after_paint is None:
            QTimer.singleShot(0, self, then)
        else:
            self._after_paint.append(then)

    def _after_first_paint(self) -> None:
        waiting, self._after_paint = self._after_paint or [], None
        if self._closed:
            return
        from PySide6.QtGui import QKeySequence, QShortcut  # no key reaches an unpainted window

        QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.toggle_language)
        self.build_pages()
        if self._load_pack_later:
            self._load_pack_later = False
            self._load_pack()
        for then in waiting:
            then()

    def build_pages(self) -> None:
        """Build pages 2-6 (once). They read the session when shown, so building them after
        the pack or a case arrived is fine."""
        if len(self.pages) > 1:
            return
        import importlib

        for page_id, (module_name, class_name) in LATER_PAGES.items():
            page_class = getattr(importlib.import_module(module_name), class_name)
            page: BasePage = page_class(self.context)
            self.pages[page_id] = page
            self.setPage(page_id, page)
        self._update_buttons()

    def page_of(self, page_id: PageId) -> BasePage:
        if page_id not in self.pages:
            self.build_pages()
        return self.pages[page_id]

    def next(self) -> None:
        self.build_pages()
        super().next()

    def nextId(self) -> int:
        # Before pages 2-6 exist, the start page still leads somewhere (so QWizard shows Next,
        # not Finish).
        if self.currentId() == PageId.START and len(self.pages) == 1:
            return int(PageId.SUBJECT)
        return super().nextId()

    def go_back_to(self, page_id: int) -> None:
        """Return to an earlier page (the review's 去修改); Next leads back here again."""
        while self.currentId() != page_id and page_id in self.visitedIds()[:-1]:
            self.back()

    def _update_buttons(self) -> None:
        page = self.currentPage()
        if isinstance(page, BasePage):
            page.refresh()

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

    # -- files dropped on the window --------------------------------------------------------
    def _file_page(self) -> BasePage | None:
        page = self.currentPage()
        return page if isinstance(page, BasePage) and page.takes_files() else None

    def _offer(self, event: QDragMoveEvent) -> None:
        from PySide6.QtCore import Qt

        from beian_desktop.gui.drops import carries_files

        if self._file_page() is not None and carries_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._offer(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._offer(event)

    def dropEvent(self, event: QDropEvent) -> None:
        from PySide6.QtCore import Qt

        from beian_desktop.gui.drops import carries_files, paths_from_mime

        page = self._file_page()
        mime = event.mimeData()
        if page is None or not carries_files(mime):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        page.add_paths(paths_from_mime(mime))  # only queues: the pool reads the files

    # -- closing ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

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
        for page in self.pages.values():
            page.shutdown()
        self.runner.cancel_all()  # first, so the wait for the last save is short
        self.autosaver.shutdown()
        self.runner.shutdown()
        self.session.close_case()  # after the last save: another window may open it now
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
