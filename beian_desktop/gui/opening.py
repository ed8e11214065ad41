"""Files the app is asked to open: command-line paths and macOS FileOpen events.

How a double-click reaches the app: on Linux and Windows the file manager starts it with the
paths on the command line (the .desktop file's `%F`, the installer's `"%1"`); on macOS, Finder
sends FileOpen events instead — on start and while the app runs — and the command line stays
empty. Both end in `DocumentOpener.open_paths()`:

* a case — a folder holding case.json, or a .json file — opens as if picked on the start page
  (`StartPage.open_folder`, which reports a file that is no case);
* scans and PDFs start a new case, unless a case is open (or being opened by the same request),
  and wait on the session for page 4 (材料): `CaseSession.queue_files()`.

Requests wait until the rule pack has loaded: the start page needs it to open a case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from beian_desktop.gui.wizard import BeianWizard

log = logging.getLogger(__name__)

CASE_SUFFIX = ".json"


@dataclass(frozen=True)
class OpenRequest:
    case: Path | None  # the case to open: a case folder or its .json file
    files: tuple[Path, ...]  # files to add to the case


def sort_paths(paths: Iterable[Path]) -> OpenRequest:
    """The first case among `paths` and the files to add, in the order given. One window
    shows one case, so further cases are left out (and logged)."""
    case: Path | None = None
    files: list[Path] = []
    for path in paths:
        if path.is_dir() or path.suffix.lower() == CASE_SUFFIX:
            if case is None:
                case = path
            else:
                log.info("more than one case to open; only the first is opened")
        elif path.is_file():
            files.append(path)
        else:
            log.info("a path to open does not exist; left out")
    return OpenRequest(case, tuple(dict.fromkeys(files)))


class DocumentOpener(QObject):
    """Routes open requests into the wizard, once its rule pack is there."""

    def __init__(self, wizard: BeianWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._waiting: list[Path] = []
        wizard.session.pack_changed.connect(self._flush)

    def open_paths(self, paths: Iterable[str | Path]) -> None:
        self._waiting.extend(Path(path).expanduser().absolute() for path in paths if path)
        self._flush()

    def _flush(self) -> None:
        if not self._waiting or not self._wizard.session.ready:
            return
        request = sort_paths(self._waiting)
        self._waiting = []
        self._route(request)

    def _route(self, request: OpenRequest) -> None:
        from beian_desktop.gui.pages.start import StartPage
        from beian_desktop.gui.wizard import PageId

        start = self._wizard.page_of(PageId.START)
        assert isinstance(start, StartPage)
        session = self._wizard.session
        if request.case is not None:
            start.open_folder(request.case)
        elif request.files and not session.has_case:
            start.new_case()
        if request.files:
            session.queue_files(list(request.files))


class BeianApplication(QApplication):
    """The app's QApplication: passes macOS FileOpen events (Finder double-click, "Open With",
    a drop on the Dock icon) to a listener. Events that come before the window has a listener
    (macOS sends the first ones while the app starts) are kept for it."""

    def __init__(self, argv: Sequence[str]) -> None:
        super().__init__(list(argv))
        self._early: list[str] = []
        self._listener: Callable[[list[str]], None] | None = None

    def listen_for_files(self, listener: Callable[[list[str]], None]) -> None:
        self._listener = listener
        early, self._early = self._early, []
        if early:
            listener(early)

    def event(self, event: QEvent) -> bool:
        path = file_to_open(event)
        if path is None:
            return super().event(event)
        if self._listener is not None:
            self._listener([path])
        else:
            self._early.append(path)
        return True


def file_to_open(event: QEvent) -> str | None:
    """The local path a FileOpen event asks for (None for other events and for URLs)."""
    if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
        return None
    return event.file() or None
