"""Unexpected errors: a crash dialog with "Copy details", and logs that hold no personal data.

The app logs codes and counts, never names, ID numbers, phone numbers or file names of the
user's documents. As a second line of defence everything that leaves the process through the
crash report (the exception's message, the traceback, the recent log lines) passes `redact()`,
which masks long digit runs, Chinese text, e-mail addresses, document file names and the home
folder.
"""

from __future__ import annotations

import collections
import logging
import re
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QThread, Signal, qVersion

from beian_desktop import APP_NAME, __version__

log = logging.getLogger(__name__)

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
RING_CAPACITY = 200
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_DIGITS = re.compile(r"\d[\d\s-]{4,}[\dXx]")  # ID numbers, phones, USCC-like runs
_CODES = re.compile(r"\b[0-9A-Z]{15,18}\b")  # USCC / ID numbers with letters
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DOCUMENT = re.compile(
    r"[^\s/\\'\"]+\.(jpe?g|png|pdf|tiff?|heic|heif|bmp|webp|gif|zip|json)\b", re.IGNORECASE
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_HOME = re.compile(r"(/home/|/Users/|[A-Za-z]:\\Users\\)[^/\\\s]+")  # anyone's home folder


def redact(text: str) -> str:
    """Mask what could be personal data in a log line or an error message."""
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    text = _HOME.sub("~", text)
    text = _EMAIL.sub("<email>", text)
    text = _DOCUMENT.sub(lambda m: f"<file.{m.group(1).lower()}>", text)
    text = _CODES.sub("<code>", text)
    text = _DIGITS.sub("<number>", text)
    return _HAN.sub(lambda m: f"<zh×{len(m.group(0))}>", text)


class RingBufferHandler(logging.Handler):
    """Keeps the last log lines in memory (redacted) for the crash report."""

    def __init__(self, capacity: int = RING_CAPACITY) -> None:
        super().__init__(logging.DEBUG)
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(LOG_FORMAT, "%H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._lines.append(redact(self.format(record)))
        except Exception:  # a logging handler must never raise
            self.handleError(record)

    def lines(self) -> list[str]:
        return list(self._lines)


def format_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return redact(text)


def environment_lines(extra: dict[str, str] | None = None) -> list[str]:
    import platform  # only when a report is made: it is slow to import

    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} ({sys.platform})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"OS {platform.platform()}",
    ]
    lines += [f"{key}: {value}" for key, value in (extra or {}).items()]
    return lines


@dataclass(frozen=True)
class CrashReport:
    summary: str  # the exception's type: safe to show as the headline
    details: str  # what "Copy details" copies


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_lines: list[str],
    extra: dict[str, str] | None = None,
) -> CrashReport:
    parts = [
        *environment_lines(extra),
        "",
        format_exception(exc_type, exc, tb).rstrip(),
        "",
        "Recent log lines:",
        *(log_lines or ["(none)"]),
    ]
    return CrashReport(summary=exc_type.__name__, details="\n".join(parts))


def show_crash_dialog(report: CrashReport) -> None:
    from beian_desktop.gui.crash_dialog import CrashDialog  # built only when needed

    CrashDialog(report).exec()


class _Bridge(QObject):
    """Carries a report from any thread to the GUI thread (queued signal)."""

    crashed = Signal(object)


class CrashHandler:
    """sys.excepthook / threading.excepthook: log the error, then show the crash dialog once
    at a time. `show` is injectable (tests; --no-crash-dialog passes None: log only)."""

    def __init__(
        self,
        ring: RingBufferHandler,
        show: Callable[[CrashReport], None] | None = show_crash_dialog,
        context: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        self.ring = ring
        self.show = show
        self.context = context or dict
        self.reports: list[CrashReport] = []
        self._showing = False
        self._bridge = _Bridge()
        self._bridge.crashed.connect(self._present)
        self._previous: tuple[object, object] | None = None

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            report = build_report(exc_type, exc, tb, self.ring.lines(), self._context())
            log.critical("unhandled %s\n%s", exc_type.__name__, format_exception(exc_type, exc, tb))
            self.reports.append(report)
        except Exception:  # the handler must survive anything, even a broken Qt
            sys.__excepthook__(exc_type, exc, tb)
            return
        if QThread.currentThread() is self._bridge.thread():
            self._present(report)
        else:
            self._bridge.crashed.emit(report)

    def _context(self) -> dict[str, str]:
        try:
            return self.context()
        except Exception:
            return {}

    def _present(self, report: CrashReport) -> None:
        if self.show is None or self._showing:
            return
        self._showing = True
        try:
            self.show(report)
        except Exception:
            sys.stderr.write(report.details + "\n")
        finally:
            self._showing = False
