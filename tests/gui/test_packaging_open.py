"""Double-clicking a file opens it in the app: command-line paths and macOS FileOpen events.

A case (its folder or case.json) opens as if picked on the start page; scans and PDFs start a
new case and wait on the session for page 4.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent

from beian_desktop.core.case import load_case
from beian_desktop.core.resources import resource_path
from beian_desktop.gui.app import parse_args
from beian_desktop.gui.opening import DocumentOpener, file_to_open, sort_paths
from beian_desktop.gui.wizard import BeianWizard, PageId


def _demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "我的案卷"
    shutil.copytree(resource_path("samples", "demo"), folder)
    return folder


def _scans(tmp_path: Path) -> list[Path]:
    demo = resource_path("samples", "demo", "files")
    first = sorted(demo.glob("*.jpg"))[0]
    files = [tmp_path / "营业执照.jpg", tmp_path / "scan.pdf"]
    shutil.copy(first, files[0])
    files[1].write_bytes(b"%PDF-1.4\n%%EOF\n")
    return files


def test_paths_sort_into_one_case_and_files_to_add(tmp_path: Path) -> None:
    case = _demo_copy(tmp_path)
    scans = _scans(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    request = sort_paths([scans[0], case / "case.json", other, scans[1], scans[0], tmp_path / "x"])
    assert request.case == case / "case.json"  # the first case; a second one is left out
    assert request.files == (scans[0], scans[1])  # in order, once, missing ones left out


def test_command_line_takes_paths_and_ignores_macos_serial_numbers() -> None:
    args = parse_args(["--lang", "en", "/a/case.json", "-psn_0_12345", "/b/扫描.jpg"])
    assert args.paths == ["/a/case.json", "/b/扫描.jpg"] and args.lang == "en"
    assert parse_args([]).paths == []


def test_a_case_folder_opens_and_shows_its_first_page(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    folder = _demo_copy(tmp_path)
    DocumentOpener(wizard).open_paths([str(folder)])
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SUBJECT)
    assert wizard.session.folder == folder
    assert wizard.session.case is not None
    assert wizard.session.case.subject.full_name == load_case(folder)[0].subject.full_name


def test_a_case_json_opens_its_case(qtbot: Any, wizard: BeianWizard, tmp_path: Path) -> None:
    folder = _demo_copy(tmp_path)
    DocumentOpener(wizard).open_paths([folder / "case.json"])
    qtbot.waitUntil(lambda: wizard.session.folder == folder)
    assert wizard.session.take_queued_files() == []


def test_a_json_that_is_no_case_says_so(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any
) -> None:
    stray = tmp_path / "package.json"
    stray.write_text('{"name": "not a case"}', encoding="utf-8")
    DocumentOpener(wizard).open_paths([stray])
    qtbot.waitUntil(lambda: bool(dialogs.warnings))
    assert dialogs.warnings[0][0] == "无法打开案卷"
    assert not wizard.session.has_case


def test_scans_start_a_new_case_and_wait_for_page_4(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    scans = _scans(tmp_path)
    queued: list[bool] = []
    wizard.session.files_queued.connect(lambda: queued.append(True))
    DocumentOpener(wizard).open_paths(scans)
    assert wizard.session.has_case and wizard.currentId() == PageId.SUBJECT
    assert queued == [True]
    assert wizard.session.take_queued_files() == scans
    assert wizard.session.take_queued_files() == []  # taken once


def test_scans_join_the_open_case(qtbot: Any, wizard: BeianWizard, tmp_path: Path) -> None:
    folder = _demo_copy(tmp_path)
    opener = DocumentOpener(wizard)
    opener.open_paths([folder])
    qtbot.waitUntil(lambda: wizard.session.folder == folder)
    scans = _scans(tmp_path)
    opener.open_paths(scans[:1])  # a second FileOpen while the app runs (macOS)
    assert wizard.session.folder == folder, "no new case"
    assert wizard.session.take_queued_files() == scans[:1]


def test_requests_wait_for_the_rule_pack(
    qtbot: Any, make_wizard: Callable[..., BeianWizard], tmp_path: Path
) -> None:
    wizard = make_wizard(pack=None)  # loads it in the background, as on a real start
    scans = _scans(tmp_path)
    DocumentOpener(wizard).open_paths(scans)
    qtbot.waitUntil(lambda: wizard.session.has_case, timeout=20_000)
    assert wizard.session.take_queued_files() == scans


def test_file_open_events_name_a_local_file(qapp: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "营业执照.jpg")
    assert file_to_open(QFileOpenEvent(path)) == path
    assert file_to_open(QEvent(QEvent.Type.Show)) is None


# BeianApplication replaces QApplication, so it runs in a process of its own.
_FILE_OPEN_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from beian_desktop.gui.opening import BeianApplication

app = BeianApplication([sys.argv[0]])
got = []
QCoreApplication.postEvent(app, QFileOpenEvent(sys.argv[1]))
app.processEvents()          # before anyone listens: kept
app.listen_for_files(got.extend)
QCoreApplication.postEvent(app, QFileOpenEvent(sys.argv[2]))
app.processEvents()          # while the app runs: passed on at once
print("|".join(got))
"""


def test_macos_file_open_events_reach_the_listener(tmp_path: Path) -> None:
    first, second = str(tmp_path / "case.json"), str(tmp_path / "扫描.jpg")
    result = subprocess.run(
        [sys.executable, "-c", _FILE_OPEN_PROBE, first, second],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{first}|{second}"
