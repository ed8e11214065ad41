"""Autosave: debounced, atomic, off the GUI thread; a kill loses at most the last seconds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import NONET_SITE

from beian_desktop.core import atomic
from beian_desktop.core.case import load_case
from beian_desktop.gui.wizard import BeianWizard

from .conftest import FakeDialogs
from .helpers import new_case, pick, start_page

REPO = Path(__file__).resolve().parents[2]


def _case_json(wizard: BeianWizard) -> Path:
    assert wizard.session.folder is not None
    return wizard.session.folder / "case.json"


def _saved_subject(path: Path) -> str | None:
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["subject"]["type"])
    except (OSError, ValueError):
        return None


def test_an_edit_is_written_after_the_debounce_not_before(qtbot: Any, wizard: BeianWizard) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "企业")
    target = _case_json(wizard)
    assert not target.exists()  # debounced: nothing written while the user is still choosing
    assert wizard.autosaver.timer.isActive() and wizard.autosaver.pending

    qtbot.waitUntil(lambda: _saved_subject(target) == "企业", timeout=3000)

    case, folder = load_case(target)  # complete, valid JSON that the core loads
    assert folder == wizard.session.folder and case.subject.type == "企业"
    assert not wizard.autosaver.timer.isActive()
    qtbot.waitUntil(lambda: not wizard.autosaver.pending)


def test_a_failed_write_keeps_the_last_complete_case_and_says_so(
    qtbot: Any, wizard: BeianWizard, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "企业")
    target = _case_json(wizard)
    qtbot.waitUntil(lambda: _saved_subject(target) == "企业", timeout=3000)
    before = target.read_bytes()

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with qtbot.waitSignal(wizard.autosaver.failed, timeout=3000):
        pick(qtbot, page.subject, "个人")

    assert target.read_bytes() == before  # the interrupted write left the old file whole
    assert not list(target.parent.glob(f"{atomic.TEMP_PREFIX}*"))
    assert dialogs.warnings and "无法自动保存" in dialogs.warnings[0][1]
    monkeypatch.undo()
    with qtbot.waitSignal(wizard.autosaver.saved, timeout=3000):
        wizard.autosaver.save_now()  # the next write carries the edit that failed
    assert _saved_subject(target) == "个人"


def test_closing_writes_pending_edits_and_stops_the_timer(qtbot: Any, wizard: BeianWizard) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "事业单位")
    assert wizard.autosaver.timer.isActive()
    wizard.close()
    assert not wizard.autosaver.timer.isActive()
    assert _saved_subject(_case_json(wizard)) == "事业单位"


def test_opening_another_case_saves_the_current_one_first(qtbot: Any, wizard: BeianWizard) -> None:
    page = new_case(qtbot, wizard)
    pick(qtbot, page.subject, "企业")
    first = _case_json(wizard)
    wizard.session.new_case()  # e.g. the user went back and started another case
    qtbot.waitUntil(lambda: _saved_subject(first) == "企业", timeout=3000)


KILLED_APP = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from beian_desktop.gui.wizard import BeianWizard
    from beian_desktop.gui.settings import SettingsStore
    from beian_desktop.core.rules.selection import choose_pack

    app = QApplication([])
    store = SettingsStore()
    wizard = BeianWizard(pack=choose_pack(), settings_store=store, autosave_delay_ms=300)
    wizard.show()
    session = wizard.session
    session.new_case()
    session.case.subject.type = "企业"
    session.mark_edited()
    loop = QEventLoop()
    wizard.autosaver.saved.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    print(session.folder, flush=True)
    session.case.subject.full_name = "最后一秒的修改"
    session.mark_edited()  # still waiting for the debounce when the process dies
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_app_leaves_a_complete_case_losing_only_the_last_edit(
    home: Path, tmp_path: Path
) -> None:
    script = tmp_path / "killed_app.py"
    script.write_text(KILLED_APP, encoding="utf-8")
    path = os.pathsep.join([str(REPO), str(NONET_SITE)])  # and no network, as for the CLI
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path}
    result = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    folder = Path(result.stdout.strip().splitlines()[-1])
    case, _ = load_case(folder)
    assert case.subject.type == "企业"
    assert case.subject.full_name == ""  # the edit inside the debounce window is the only loss


def test_recent_case_summaries_see_autosaved_cases(
    qtbot: Any, make_wizard: Callable[..., BeianWizard]
) -> None:
    first = make_wizard()
    page = new_case(qtbot, first)
    pick(qtbot, page.subject, "企业")
    first.close()
    second = make_wizard()
    recent = start_page(second).recent
    qtbot.waitUntil(lambda: recent.topLevelItemCount() == 1)
    item = recent.topLevelItem(0)
    assert item is not None and item.text(0) == "（未填写名称）" and item.text(1) == "首次备案"
