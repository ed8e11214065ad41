"""The crash dialog: what went wrong, that the case is saved, and the details to copy."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beian_desktop.core.paths import user_log_dir
from beian_desktop.gui.crash import CrashReport


class CrashDialog(QDialog):
    """Tells the user something went wrong, that the case is saved, and offers the details."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("程序出错"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "程序遇到了意外错误（%1）。案卷已自动保存，可以继续使用；"
                "如果问题反复出现，请点击“复制详情”，把内容附在问题报告中。"
                "详情不含姓名、证件号码等个人信息。"
            ).replace("%1", report.summary)
        )
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(report.details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("错误详情"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("复制详情(&C)"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        logs = QPushButton(self.tr("打开日志文件夹(&L)"))
        logs.clicked.connect(self._open_logs)
        buttons.addButton(logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report.details)
        self.copy_button.setText(self.tr("已复制"))

    def _open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(user_log_dir())))
