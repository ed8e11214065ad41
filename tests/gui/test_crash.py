"""The crash handler: copyable details with versions and recent log lines, no personal data."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from beian_desktop import __version__
from beian_desktop.gui.crash import (
    CrashHandler,
    CrashReport,
    RingBufferHandler,
    build_report,
    redact,
)
from beian_desktop.gui.crash_dialog import CrashDialog

from .helpers import LEFT

NAME, ID_NUMBER, PHONE, EMAIL = "张三", "11010519491231002X", "13800138000", "zhang@example.cn"
DOCUMENT = "/home/someone/扫描/张三身份证正面.jpg"


@pytest.fixture
def ring() -> Iterator[RingBufferHandler]:
    handler = RingBufferHandler(capacity=5)
    logger = logging.getLogger("beian_desktop.test-crash")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)


def _raise_with_personal_data() -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise ValueError(f"bad {ID_NUMBER} for {NAME} ({PHONE}, {EMAIL}) in {DOCUMENT}")
    except ValueError:
        return sys.exc_info()  # type: ignore[return-value]


def _assert_no_personal_data(text: str) -> None:
    for secret in (NAME, ID_NUMBER, PHONE, EMAIL, "张三身份证正面", "someone"):
        assert secret not in text, secret


def test_the_report_has_versions_traceback_and_log_lines_but_no_personal_data(
    ring: RingBufferHandler,
) -> None:
    log = logging.getLogger("beian_desktop.test-crash")
    log.info("case opened (files=%d)", 3)
    log.info("careless line about %s %s", NAME, ID_NUMBER)  # redacted on the way in
    exc_type, exc, tb = _raise_with_personal_data()

    report = build_report(exc_type, exc, tb, ring.lines(), {"page": "2"})

    assert report.summary == "ValueError"
    details = report.details
    assert f"Beian Desktop {__version__}" in details
    assert "Qt 6." in details and "PySide6 6." in details and "OS " in details
    assert "page: 2" in details
    assert "Traceback" in details and "_raise_with_personal_data" in details
    assert "case opened (files=3)" in details
    _assert_no_personal_data(details)


def test_the_ring_buffer_keeps_only_the_last_lines(ring: RingBufferHandler) -> None:
    log = logging.getLogger("beian_desktop.test-crash")
    for index in range(8):
        log.info("line %d", index)
    assert [line.rsplit(" ", 1)[-1] for line in ring.lines()] == ["3", "4", "5", "6", "7"]


def test_redact_masks_numbers_text_addresses_and_file_names() -> None:
    masked = redact(f"{NAME} {ID_NUMBER} {PHONE} {EMAIL} {DOCUMENT} code=case-file n=3")
    _assert_no_personal_data(masked)
    assert "code=case-file n=3" in masked and "<file.jpg>" in masked


def test_copy_details_puts_the_report_on_the_clipboard(qtbot: Any) -> None:
    report = CrashReport("ValueError", "Beian Desktop 0.1.0\nTraceback …")
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.details.toPlainText() == report.details
    qtbot.mouseClick(dialog.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == report.details
    assert dialog.copy_button.text() == "已复制"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_or_a_thread_reaches_the_dialog_once_each(
    qtbot: Any, ring: RingBufferHandler
) -> None:
    shown: list[CrashReport] = []
    handler = CrashHandler(ring, shown.append, lambda: {"page": "0"})
    handler.install()
    try:

        def slot() -> None:
            raise RuntimeError(f"boom {ID_NUMBER}")

        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: len(shown) == 1)
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 2)  # carried to the GUI thread by a signal
    finally:
        handler.uninstall()
    assert [r.summary for r in shown] == ["RuntimeError", "ZeroDivisionError"]
    assert "page: 0" in shown[0].details
    _assert_no_personal_data(shown[0].details)
    assert sys.excepthook is not handler.handle
