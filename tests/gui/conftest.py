"""GUI test fixtures: a private home per test, the wizard with fake dialogs, and a guard that
fails any test leaving work in the thread pool or one of the app's timers running.

(tests/gui is a package, so this conftest does not clash with tests/conftest.py.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from beian_desktop.core.rules.selection import PackChoice, choose_pack
from beian_desktop.gui.i18n import LanguageSwitcher
from beian_desktop.gui.settings import SettingsStore
from beian_desktop.gui.wizard import BeianWizard

POOL_WAIT_MS = 5_000
APP_TIMER_PREFIX = "beian."  # objectName of every QTimer the app starts


class FakeDialogs:
    """Answers the app's modal questions from queues and records its messages and what it
    asked of the desktop (nothing is opened, the clipboard is not touched)."""

    def __init__(self) -> None:
        self.case_files: list[Path] = []
        self.pack_files: list[Path] = []
        self.scan_file_picks: list[list[Path]] = []
        self.scan_folders: list[Path] = []
        self.export_folders: list[Path] = []
        self.confirmations: list[bool] = []
        self.warnings: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.questions: list[tuple[str, str]] = []
        self.opened_folders: list[Path] = []
        self.copied: list[str] = []

    def open_case_file(self, start: str) -> Path | None:
        return self.case_files.pop(0) if self.case_files else None

    def rule_pack_file(self, start: str) -> Path | None:
        return self.pack_files.pop(0) if self.pack_files else None

    def scan_files(self, start: str) -> list[Path]:
        return self.scan_file_picks.pop(0) if self.scan_file_picks else []

    def scan_folder(self, start: str) -> Path | None:
        return self.scan_folders.pop(0) if self.scan_folders else None

    def export_folder(self, start: str) -> Path | None:
        return self.export_folders.pop(0) if self.export_folders else None

    def warn(self, title: str, text: str) -> None:
        self.warnings.append((title, text))

    def inform(self, title: str, text: str) -> None:
        self.infos.append((title, text))

    def confirm(self, title: str, text: str) -> bool:
        self.questions.append((title, text))
        return self.confirmations.pop(0) if self.confirmations else False

    def open_folder(self, folder: Path) -> None:
        self.opened_folders.append(folder)

    def copy_text(self, text: str) -> None:
        self.copied.append(text)


def app_timers() -> list[QTimer]:
    roots: list[QObject] = [QApplication.instance(), *QApplication.topLevelWidgets()]
    return [
        timer
        for root in roots
        for timer in root.findChildren(QTimer)
        if timer.objectName().startswith(APP_TIMER_PREFIX)
    ]


@pytest.fixture(autouse=True)
def no_leftover_work(qapp: QApplication) -> Iterator[None]:
    """Runs after pytest-qt has closed the test's widgets (its teardown hook comes first)."""
    yield
    pool = QThreadPool.globalInstance()
    idle = pool.waitForDone(POOL_WAIT_MS)
    assert idle and pool.activeThreadCount() == 0, "the test left work running in the pool"
    running = [timer.objectName() for timer in app_timers() if timer.isActive()]
    assert not running, f"the test left app timers running: {running}"
    # pytest-qt closed the test's widgets with deleteLater(), which only an event loop carries
    # out; without this, every closed wizard would live on into the following tests.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Cases, settings, logs and imported packs of this test only."""
    folder = tmp_path / "home"
    monkeypatch.setenv("BEIAN_DESKTOP_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def pack_choice() -> PackChoice:
    return choose_pack()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp)
    switcher.apply("zh")
    yield switcher
    switcher.apply("zh")


@pytest.fixture
def settings_store(home: Path) -> SettingsStore:
    return SettingsStore(home / "config" / "settings.json")


@pytest.fixture
def make_wizard(
    qtbot: Any,
    dialogs: FakeDialogs,
    languages: LanguageSwitcher,
    pack_choice: PackChoice,
    settings_store: SettingsStore,
) -> Callable[..., BeianWizard]:
    def make(**services: Any) -> BeianWizard:
        services.setdefault("pack", pack_choice)
        services.setdefault("dialogs", dialogs)
        services.setdefault("languages", languages)
        services.setdefault("settings_store", settings_store)
        services.setdefault("autosave_delay_ms", 200)
        wizard = BeianWizard(**services)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


@pytest.fixture
def wizard(make_wizard: Callable[..., BeianWizard]) -> BeianWizard:
    return make_wizard()
