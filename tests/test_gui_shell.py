"""The GUI entry point opens a window offscreen (the wizard replaces it in a later issue)."""

from __future__ import annotations

import os
import subprocess
import sys

from beian_desktop.gui.app import build_main_window


def test_main_window_shows_rule_pack_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "2026-11-27" in window.text()
    assert window.windowTitle() == "备案材料助手"


def test_no_display_gives_a_message_not_a_crash() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "beian_desktop"], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "No display" in result.stderr and "Traceback" not in result.stderr
