"""How a finding's severity looks: icon, colour and a word for screen readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from beian_desktop.gui.icons import pixmap

if TYPE_CHECKING:
    from beian_desktop.core.findings import Severity

# Dark enough for WCAG AA contrast on a light window background.
COLOURS = {"blocking": "#b3261e", "warning": "#8a5300", "info": "#0b57a4", "ok": "#1e6b2a"}
ICONS = {"blocking": "blocking", "warning": "warning", "info": "info", "ok": "ok"}


def severity_word(severity: Severity | str) -> str:
    """必须解决 / 注意 / 提示, in the UI language."""
    value = str(severity)
    if value == "blocking":
        return QCoreApplication.translate("Severity", "必须解决")
    if value == "warning":
        return QCoreApplication.translate("Severity", "注意")
    return QCoreApplication.translate("Severity", "提示")


def colour(severity: Severity | str) -> str:
    return COLOURS.get(str(severity), COLOURS["info"])


def icon_name(severity: Severity | str) -> str:
    return ICONS.get(str(severity), "info")


def icon_label(severity: Severity | str, size: int, owner: QWidget) -> QLabel:
    """The severity's icon, kept at the top beside a message that may wrap."""
    from PySide6.QtCore import Qt  # not at import: the Qt namespace costs start-up time

    label = QLabel()
    label.setPixmap(pixmap(icon_name(severity), size, owner))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label
