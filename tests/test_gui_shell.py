"""The GUI entry point: the wizard is the main window; no display gives a message, not a crash;
the real `main()` starts, loads the rule pack and closes cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from beian_desktop.core.rules.selection import choose_pack
from beian_desktop.gui.app import build_main_window
from beian_desktop.gui.settings import SettingsStore
from beian_desktop.gui.wizard import BeianWizard, PageId


def test_main_window_is_the_wizard_showing_the_rule_pack_date(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(
        pack=choose_pack(), settings_store=SettingsStore(tmp_path / "settings.json")
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert isinstance(window, BeianWizard) and window.currentId() == PageId.START
    assert window.windowTitle() == "备案材料助手"
    assert "2026-11-27" in window.page_of(PageId.START).pack_label.text()  # type: ignore[attr-defined]
    assert not window.windowIcon().isNull()


def test_no_display_gives_a_message_not_a_crash() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    result = subprocess.run(
        [sys.executable, "-m", "beian_desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "No display" in result.stderr and "Traceback" not in result.stderr


def test_the_app_starts_loads_and_closes(tmp_path: Path) -> None:
    env = {**os.environ, "BEIAN_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    code = "import sys; from beian_desktop.gui.app import main; sys.exit(main(['--smoke-test']))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "pack loaded=True window shown=True" in result.stdout
    log = (tmp_path / "logs" / "app.log").read_text(encoding="utf-8")
    assert "starting" in log and "window closed" in log
    assert (tmp_path / "config" / "settings.json").is_file()
