"""The desktop app's entry point (a plain window until the wizard lands)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from beian_desktop import APP_NAME, APP_NAME_ZH


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build_main_window():  # type: ignore[no-untyped-def]
    """The first window the user sees, with the rule pack's date so they know how current it is."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from beian_desktop.core.rules import load_pack

    pack = load_pack()
    window = QLabel(
        f"<h2>{APP_NAME_ZH}</h2><p>{APP_NAME}</p>"
        f"<p>规则包 / rule pack {pack.info.version} ({pack.info.date})</p>"
    )
    window.setAlignment(Qt.AlignmentFlag.AlignCenter)
    window.setWindowTitle(APP_NAME_ZH)
    window.resize(640, 400)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    if not _has_display():
        print(
            "没有图形显示，无法打开窗口。请在桌面会话中运行，"
            "或使用命令行子命令（beian-desktop --help）。\n"
            "No display to open a window on. Run it in a desktop session, or use the command line "
            "(beian-desktop --help).",
            file=sys.stderr,
        )
        return 2
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    window = build_main_window()
    window.show()
    return app.exec()
