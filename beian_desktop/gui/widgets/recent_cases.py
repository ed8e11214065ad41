"""The start page's table of recent cases: subject, filing type, province, last change.

Imported when the table is first built, after the first paint (gui/pages/start.py), so it may
name the Qt namespace's values freely.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

FOLDER_ROLE = Qt.ItemDataRole.UserRole  # an item's case folder (str)


class RecentCasesView(QTreeWidget):
    """The recent-cases table. Enter opens the selected case (and is not passed on to the
    dialog, where it would also press Next).

    Signals:
        open_requested(object): the folder (Path) of the case to open.
    """

    open_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("recentCases")
        self.setColumnCount(4)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.itemActivated.connect(self._activated)

    def add_case(self, texts: list[str], folder: Path | None, tooltip: str = "") -> QTreeWidgetItem:
        """A row: the four column texts; without a folder (an unreadable case) it is disabled
        and `tooltip` says why."""
        item = QTreeWidgetItem(texts)
        if folder is None:
            item.setToolTip(0, tooltip)
            item.setDisabled(True)
        else:
            item.setData(0, FOLDER_ROLE, str(folder))
        self.addTopLevelItem(item)
        return item

    def selected_case(self) -> tuple[Path, str] | None:
        """The current row's case folder and subject name; None for no row or an unreadable
        case."""
        item = self.currentItem()
        folder = _folder(item)
        return (folder, item.text(0)) if item is not None and folder is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._activated(self.currentItem(), 0)
            event.accept()
            return
        super().keyPressEvent(event)

    def _activated(self, item: QTreeWidgetItem | None, _column: int) -> None:
        folder = _folder(item)
        if folder is not None:
            self.open_requested.emit(folder)


def _folder(item: QTreeWidgetItem | None) -> Path | None:
    """A row's case folder; None for no row or an unreadable case."""
    folder = item.data(0, FOLDER_ROLE) if item is not None else None
    return Path(folder) if folder else None
