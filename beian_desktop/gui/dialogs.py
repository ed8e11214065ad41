"""The modal questions the app asks (file pickers, messages), behind one small interface.

Pages call `context.dialogs.open_case_file(...)` instead of QFileDialog directly, so tests can
answer with a fake and never block on a modal dialog (the Vorta approach).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Dialogs(Protocol):
    def open_case_file(self, start: str) -> Path | None: ...

    def rule_pack_file(self, start: str) -> Path | None: ...

    def warn(self, title: str, text: str) -> None: ...

    def inform(self, title: str, text: str) -> None: ...


class QtDialogs:
    """The real dialogs, parented to the wizard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def open_case_file(self, start: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("Dialogs", "打开案卷"),
            start,
            QCoreApplication.translate("Dialogs", "案卷文件 (case.json *.json);;所有文件 (*)"),
        )
        return Path(path) if path else None

    def rule_pack_file(self, start: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            QCoreApplication.translate("Dialogs", "导入规则包"),
            start,
            QCoreApplication.translate("Dialogs", "规则包 (*.toml *.zip)"),
        )
        return Path(path) if path else None

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)
