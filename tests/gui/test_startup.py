"""Start-up: the work deferred past the first paint still happens, painted or not."""

from __future__ import annotations

import os
import subprocess
import sys

from beian_desktop.gui.wizard import BeianWizard


def test_a_window_that_never_paints_still_finishes_starting(  # type: ignore[no-untyped-def]
    qtbot, dialogs, languages, settings_store
) -> None:
    """Started minimised (never painted), pages 2-6 and the rule pack arrive all the same."""
    wizard = BeianWizard(dialogs=dialogs, languages=languages, settings_store=settings_store)
    qtbot.addWidget(wizard)  # never shown
    assert len(wizard.pages) == 1
    qtbot.waitUntil(lambda: len(wizard.pages) == 6, timeout=5_000)
    qtbot.waitUntil(lambda: wizard.session.ready, timeout=10_000)


_FIRST_PAINT_PROBE = """
import sys
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizardPage

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWizardPage):
            print("Qt namespace built before first paint:", "Qt" in vars(QtCore), flush=True)
            QTimer.singleShot(0, lambda: [w.close() for w in QApplication.topLevelWidgets()])
            watched.removeEventFilter(self)
        return False

real_exec = QApplication.exec
def exec_watched(*args):
    app = QApplication.instance()
    app._probe = FirstPaint()
    app.installEventFilter(app._probe)
    return real_exec()
QApplication.exec = exec_watched
from beian_desktop.gui.app import main
sys.exit(main(["--no-crash-dialog"]))
"""


def test_the_qt_namespace_is_not_built_before_the_first_paint() -> None:
    """Touching PySide6's `Qt` namespace builds ~90 enum types (~16 ms of start-up); the first
    page must paint without it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Qt namespace built before first paint: False" in result.stdout, (
        result.stdout + result.stderr
    )
