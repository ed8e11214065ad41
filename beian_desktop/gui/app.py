"""The desktop app's entry point: QApplication set-up, logging, crash handler, translators.

    beian-desktop-gui [--lang zh|en|auto] [--no-crash-dialog] [--smoke-test] [PATH ...]

PATHs are what a double-click or "Open with" hands over: a case (case.json or its folder)
opens; scans and PDFs start a new case and wait for page 4 (gui/opening.py; macOS sends
FileOpen events instead, routed the same way). --smoke-test checks, offscreen and in a
throw-away profile, what a packaged build tends to lose, then exits (gui/smoke.py).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from beian_desktop import APP_NAME, APP_NAME_ZH, __version__

if TYPE_CHECKING:
    from beian_desktop.gui.crash import RingBufferHandler
    from beian_desktop.gui.opening import BeianApplication
    from beian_desktop.gui.wizard import BeianWizard

log = logging.getLogger("beian_desktop.gui")

ORGANISATION = "Beian Desktop"
# The installed .desktop file's name (packaging/appinfo.py APP_ID): Wayland and GNOME find the
# window's icon and launcher by it.
DESKTOP_FILE = "io.github.beiandesktop.BeianDesktop"
LOG_BYTES, LOG_BACKUPS = 1_000_000, 3


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="beian-desktop-gui", description=APP_NAME_ZH)
    parser.add_argument("--lang", choices=("zh", "en", "auto"), help="界面语言 / UI language")
    parser.add_argument(
        "--no-crash-dialog", action="store_true", help="log unexpected errors only (CI)"
    )
    parser.add_argument(
        "--smoke-test", action="store_true", help="check rules, languages, fonts, icons, packing"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="案卷或要添加的扫描件 / a case, or scans to add"
    )
    # macOS before 10.9 passed a process serial number to apps started by Finder.
    return parser.parse_args([arg for arg in argv if not arg.startswith("-psn_")])


class RedactingFilter(logging.Filter):
    """Masks personal data in every record before any handler writes it (defence in depth:
    the code logs codes and counts, never what the user typed)."""

    def filter(self, record: logging.LogRecord) -> bool:
        from beian_desktop.gui.crash import redact

        record.msg = redact(record.getMessage())
        record.args = ()
        return True


def configure_logging(ring: RingBufferHandler) -> None:
    """App loggers -> the crash report's ring buffer now; the log file once the window is up."""
    logger = logging.getLogger("beian_desktop")
    logger.setLevel(logging.INFO)
    ring.addFilter(RedactingFilter())
    logger.addHandler(ring)


def add_log_file(ring: RingBufferHandler) -> None:
    """A rotating file in user_log_dir(), starting with what the ring buffer holds so far.
    Added after the first paint: opening it (and importing logging.handlers) is start-up time
    the user would wait for."""
    from logging.handlers import RotatingFileHandler

    from beian_desktop.core.paths import user_log_dir
    from beian_desktop.gui.crash import LOG_FORMAT

    try:
        folder = user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / "app.log", maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return  # no log file (read-only profile): the ring buffer still feeds crash reports
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactingFilter())
    if handler.stream is not None:  # what was logged before the file existed comes first
        handler.stream.writelines(line + "\n" for line in ring.lines())
    logging.getLogger("beian_desktop").addHandler(handler)


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("beian_desktop.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def create_application(argv: Sequence[str]) -> BeianApplication:
    from beian_desktop.gui.icons import icon
    from beian_desktop.gui.opening import BeianApplication

    # HiDPI: Qt 6 scales by itself and passes fractional factors (125 %, 150 %) through —
    # Qt.HighDpiScaleFactorRoundingPolicy.PassThrough is its default, and the environment's
    # QT_SCALE_FACTOR_ROUNDING_POLICY overrides any setting made here. So it is not set: naming
    # the value would build the Python types of every enum in the Qt namespace, some 15 ms
    # before the first window (gui/wizard.py, "Start-up").
    app = BeianApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(icon("app"))
    ensure_chinese_font()
    return app


def ensure_chinese_font() -> None:
    """Use the bundled WenQuanYi Micro Hei when the system has no font for Chinese text, so a
    bare Linux desktop shows 中文 rather than empty boxes. Returns quietly if it cannot."""
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return
    from beian_desktop.core.resources import resource_path

    if QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc"))) < 0:
        log.warning("the bundled Chinese font could not be loaded")


def crash_context() -> dict[str, str]:
    """What the crash report says about the app's state: codes, never case content."""
    from beian_desktop.gui.i18n import ui_lang
    from beian_desktop.gui.wizard import current_wizard

    context = {"ui language": ui_lang()}
    wizard = current_wizard()
    if wizard is not None:
        pack = wizard.session.pack
        if pack is not None:
            context["rule pack"] = f"{pack.info.version} ({pack.info.date})"
        context["page"] = str(wizard.currentId())
    return context


def build_main_window(**services: object) -> BeianWizard:
    """The first window the user sees (the wizard on its start page)."""
    from beian_desktop.gui.wizard import BeianWizard

    return BeianWizard(**services)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        from beian_desktop.gui.smoke import smoke_environment

        with smoke_environment():
            return _run(args)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    if not _has_display():
        print(
            "没有图形显示，无法打开窗口。请在桌面会话中运行，"
            "或使用命令行子命令（beian-desktop --help）。\n"
            "No display to open a window on. Run it in a desktop session, or use the command line "
            "(beian-desktop --help).",
            file=sys.stderr,
        )
        return 2
    from beian_desktop.gui.crash import CrashHandler, RingBufferHandler, show_crash_dialog
    from beian_desktop.gui.i18n import LanguageSwitcher, choose_language
    from beian_desktop.gui.opening import DocumentOpener
    from beian_desktop.gui.settings import SettingsStore

    ring = RingBufferHandler()
    configure_logging(ring)
    _route_qt_messages()
    app = create_application([])
    store = SettingsStore()
    settings = store.load()
    languages = LanguageSwitcher(app)
    languages.apply(choose_language(args.lang or settings.prefs.language))
    show = None if args.no_crash_dialog or args.smoke_test else show_crash_dialog
    crash = CrashHandler(ring, show, crash_context)
    crash.install()
    log.info("starting %s", __version__)
    wizard = build_main_window(settings_store=store, settings=settings, languages=languages)
    if not args.smoke_test:
        opener = DocumentOpener(wizard)
        opener.open_paths(args.paths)
        app.listen_for_files(opener.open_paths)
        wizard.after_first_paint(lambda: add_log_file(ring))
    else:
        add_log_file(ring)
    wizard.show()
    try:
        if args.smoke_test:
            from beian_desktop.gui.smoke import run_smoke_test

            return run_smoke_test(wizard, languages, crash.reports)
        return app.exec()
    finally:
        crash.uninstall()
