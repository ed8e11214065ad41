"""The modal questions the app asks (file pickers, messages) and what it asks of the desktop
(open a folder, the clipboard), behind one small interface.

Pages call `context.dialogs.open_case_file(...)` instead of QFileDialog directly, so tests can
answer with a fake, never block on a modal dialog and never open a file manager (the Vorta
approach).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The Qt dialog classes (and QUrl) are imported when used: importing them builds their Python
# types and enums, which would only delay the first window.

SCAN_PATTERNS = "*.jpg *.jpeg *.png *.tif *.tiff *.pdf *.heic *.heif *.webp *.bmp"


class Dialogs(Protocol):
    def open_case_file(self, start: str) -> Path | None: ...

    def rule_pack_file(self, start: str) -> Path | None: ...

    def scan_files(self, start: str) -> list[Path]: ...

    def scan_folder(self, start: str) -> Path | None: ...

    def export_folder(self, start: str) -> Path | None: ...

    def warn(self, title: str, text: str) -> None: ...

    def inform(self, title: str, text: str) -> None: ...

    def confirm(self, title: str, text: str) -> bool: ...

    def open_folder(self, folder: Path) -> None: ...

    def copy_text(self, text: str) -> None: ...


class QtDialogs:
    """The real dialogs, parented to the wizard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def open_case_file(self, start: str) -> Path | None:
        return self._one_file(
            QCoreApplication.translate("Dialogs", "打开案卷"),
            start,
            QCoreApplication.translate("Dialogs", "案卷文件 (case.json *.json);;所有文件 (*)"),
        )

    def rule_pack_file(self, start: str) -> Path | None:
        return self._one_file(
            QCoreApplication.translate("Dialogs", "导入规则包"),
            start,
            QCoreApplication.translate("Dialogs", "规则包 (*.toml *.zip)"),
        )

    def _one_file(self, title: str, start: str, filters: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.parent, title, start, filters)
        return Path(path) if path else None

    def scan_files(self, start: str) -> list[Path]:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self.parent,
            QCoreApplication.translate("Dialogs", "添加扫描件"),
            start,
            QCoreApplication.translate("Dialogs", "扫描件和照片")
            + f" ({SCAN_PATTERNS});;"
            + QCoreApplication.translate("Dialogs", "所有文件")
            + " (*)",
        )
        return [Path(p) for p in paths]

    def scan_folder(self, start: str) -> Path | None:
        return self._folder(QCoreApplication.translate("Dialogs", "添加文件夹中的扫描件"), start)

    def export_folder(self, start: str) -> Path | None:
        return self._folder(QCoreApplication.translate("Dialogs", "保存材料包的文件夹"), start)

    def _folder(self, title: str, start: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self.parent, title, start)
        return Path(path) if path else None

    def warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent, title, text)

    def inform(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_folder(self, folder: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def copy_text(self, text: str) -> None:
        from PySide6.QtGui import QGuiApplication

        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)
