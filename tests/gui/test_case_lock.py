"""One window per case: a second window is told the case is open elsewhere and changes nothing;
closing the first (or its crash) frees the case."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from beian_desktop.core.case import Case, save_case
from beian_desktop.gui.case_lock import CaseInUse, CaseLock
from beian_desktop.gui.session import CaseSession
from beian_desktop.gui.wizard import BeianWizard, PageId

from .conftest import FakeDialogs
from .helpers import LEFT, start_page


def _saved_case(folder: Path, name: str = "丁科技有限公司") -> Path:
    case = Case()
    case.subject.full_name = name
    folder.mkdir(parents=True)
    save_case(case, folder)
    return folder


def test_a_second_session_cannot_open_the_same_case(tmp_path: Path) -> None:
    folder = tmp_path / "案卷"
    first, second = CaseSession(), CaseSession()
    first.open_case(Case(), folder)
    with pytest.raises(CaseInUse) as raised:
        second.open_case(Case(), folder)
    assert raised.value.process == os.getpid()
    message = raised.value.message.zh
    assert "已在另一个窗口中打开" in message and folder.name in message
    assert second.case is None and second.folder is None

    first.open_case(first.case or Case(), folder)  # the same case again keeps its lock
    with pytest.raises(CaseInUse):
        second.open_case(Case(), folder / ".." / "案卷")  # however the path is spelt
    first.open_case(Case(), tmp_path / "另一个")  # switching frees the first one
    second.open_case(Case(), folder)
    assert second.folder == folder
    first.close_case()
    second.close_case()


def test_the_lock_of_a_killed_window_is_taken_over(tmp_path: Path) -> None:
    folder = tmp_path / "案卷"
    holder = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from beian_desktop.gui.case_lock import CaseLock
        lock = CaseLock(Path({str(folder)!r}))
        lock.acquire()
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        with pytest.raises(CaseInUse) as raised:
            CaseLock(folder).acquire()
        assert raised.value.process == child.pid
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    lock = CaseLock(folder)
    lock.acquire()  # the dead process's lock is stale
    lock.release()


def test_the_start_page_says_the_case_is_open_elsewhere_and_stays(
    qtbot: Any,
    make_wizard: Callable[..., BeianWizard],
    dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    folder = _saved_case(tmp_path / "u盘" / "丁")
    elsewhere = CaseSession()
    elsewhere.open_case(Case(), folder)
    wizard = make_wizard()
    dialogs.case_files.append(folder / "case.json")
    qtbot.mouseClick(start_page(wizard).open_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialogs.warnings))
    title, text = dialogs.warnings[-1]
    assert title == "无法打开案卷" and "已在另一个窗口中打开" in text and "在那个窗口中继续" in text
    assert wizard.session.case is None and wizard.currentId() == PageId.START
    assert wizard.settings.state.recent_cases == []

    elsewhere.close_case()
    dialogs.case_files.append(folder / "case.json")
    qtbot.mouseClick(start_page(wizard).open_button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SUBJECT)
    assert wizard.session.folder == folder


def test_closing_the_window_frees_its_case(
    qtbot: Any, make_wizard: Callable[..., BeianWizard], tmp_path: Path
) -> None:
    folder = _saved_case(tmp_path / "戊")
    wizard = make_wizard()
    wizard.session.open_case(Case(), folder)
    with pytest.raises(CaseInUse):
        CaseLock(folder).acquire()
    wizard.close()
    lock = CaseLock(folder)
    lock.acquire()
    lock.release()


def test_a_data_folder_without_room_for_locks_does_not_stop_a_case_opening(
    home: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (home / "data").mkdir(parents=True, exist_ok=True)
    (home / "data" / "locks").write_text("a file where the locks folder should be")
    session = CaseSession()
    session.open_case(Case(), tmp_path / "案卷")
    assert session.folder == tmp_path / "案卷"
    assert any("no case lock" in r.getMessage() for r in caplog.records)


def test_a_cli_pack_leaves_the_history_of_a_case_open_in_the_app_alone(
    cli: Any, tmp_path: Path
) -> None:
    """The window's next autosave would overwrite the entry: the CLI says so and leaves it."""
    from support.cases import demo_case

    _case, folder = demo_case(tmp_path)
    before = (folder / "case.json").read_bytes()
    window = CaseLock(folder)
    window.acquire()
    try:
        result = cli("pack", str(folder), "--out", str(tmp_path / "out"))
    finally:
        window.release()
    assert result.returncode == 0, result.stderr
    assert "案卷正在桌面程序中打开" in result.stderr
    assert (folder / "case.json").read_bytes() == before
    assert list((tmp_path / "out").glob("*.zip"))

    again = cli("pack", str(folder), "--out", str(tmp_path / "out"), "--force")
    assert again.returncode == 0 and "桌面程序" not in again.stderr
    assert b'"packed"' in (folder / "case.json").read_bytes()
