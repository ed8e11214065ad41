"""Messages the user can dismiss one by one: files that could not be added and why, with what
to do instead.

Signals:
    dismissed(str): the key of the message the user closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from beian_desktop.gui.icons import icon
from beian_desktop.gui.widgets.lifetime import clear_layout
from beian_desktop.gui.widgets.messages import MessageLine


class ProblemList(QWidget):
    dismissed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemList")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._shown: list[tuple[str, str, str]] = []
        self.hide()

    def set_problems(self, problems: list[tuple[str, str, str]]) -> None:
        """(key, kind, text) triples; an empty list hides the list."""
        if problems == self._shown:
            return
        self._shown = list(problems)
        clear_layout(self._layout)
        for key, kind, text in problems:
            self._layout.addWidget(self._row(key, kind, text))
        self.setVisible(bool(problems))

    def _row(self, key: str, kind: str, text: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        line = MessageLine(kind, text)
        close = QToolButton()
        close.setIcon(icon("cancel"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("不再显示这条提示"))
        close.setAccessibleName(self.tr("关闭提示"))
        close.clicked.connect(lambda: self.dismissed.emit(key))
        layout.addWidget(line, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def texts(self) -> list[str]:
        return [text for _key, _kind, text in self._shown]

    def keys(self) -> list[str]:
        return [key for key, _kind, _text in self._shown]
