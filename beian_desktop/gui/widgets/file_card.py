"""One file on the materials page: thumbnail, name, badges (green / amber / red), a note.

A card can be dragged to another slot (it carries the page's own MIME type, see drops.py),
and offers a context menu (the page builds it: 移到… / 设为正面 / 移除). While the file is being
inspected the card says so instead of showing badges.

Signals:
    menu_requested(object, QPoint): the card's FileRef and where to open the menu (global).
    remove_requested(object): the FileRef (Delete key).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QDrag, QImage, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from beian_desktop.gui.drops import FileRef, file_mime
from beian_desktop.gui.widgets import severity as sev

if TYPE_CHECKING:
    from beian_desktop.core.intake import Thumbnail

CARD_WIDTH = 136
THUMB_SIZE = 88
LEVEL_KINDS = {"good": "ok", "fair": "warning", "bad": "blocking"}
LEVEL_MARKS = {"good": "✓", "fair": "!", "bad": "✗"}  # the level without relying on colour


@dataclass(frozen=True)
class BadgeView:
    level: str  # good | fair | bad
    text: str
    detail: str


@dataclass(frozen=True)
class CardInfo:
    """What a card shows, already in the UI language."""

    ref: FileRef
    key: str
    name: str
    busy: bool = False
    badges: tuple[BadgeView, ...] = ()
    note: str = ""
    note_kind: str = "info"
    movable: bool = True
    thumbnail: Thumbnail | None = field(default=None, compare=False)
    thumbnail_id: str = ""  # compared instead of the pixels


def to_pixmap(thumbnail: Thumbnail) -> QPixmap:
    image = QImage(
        thumbnail.rgb,
        thumbnail.width,
        thumbnail.height,
        thumbnail.width * 3,
        QImage.Format.Format_RGB888,
    )
    return QPixmap.fromImage(image.copy())  # copy: the QImage only borrows the bytes


class FileCard(QFrame):
    menu_requested = Signal(object, QPoint)
    remove_requested = Signal(object)

    def __init__(self, info: CardInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(CARD_WIDTH)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB_SIZE + 32, THUMB_SIZE)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setWordWrap(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(3)
        for widget in (self.thumb, self.name, self.status, self.note):
            layout.addWidget(widget)
        self._press: QPoint | None = None
        self._pixmap_id = ""
        self.info = info
        self.show_info(info)

    @property
    def ref(self) -> FileRef:
        return self.info.ref

    def show_info(self, info: CardInfo) -> None:
        self.info = info
        metrics = self.name.fontMetrics()
        self.name.setText(metrics.elidedText(info.name, Qt.TextElideMode.ElideMiddle, 122))
        self.name.setToolTip(info.name)
        if info.thumbnail is not None and info.thumbnail_id != self._pixmap_id:
            self._pixmap_id = info.thumbnail_id
            pixmap = to_pixmap(info.thumbnail)
            self.thumb.setPixmap(
                pixmap.scaled(
                    self.thumb.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self._show_status(info)
        self.note.setVisible(bool(info.note))
        if info.note:
            colour = sev.colour(info.note_kind)
            self.note.setText(f'<span style="color:{colour}">{html.escape(info.note)}</span>')
        self.setAccessibleName(self.accessible_text())
        self.setCursor(
            Qt.CursorShape.OpenHandCursor if info.movable else Qt.CursorShape.ArrowCursor
        )

    def _show_status(self, info: CardInfo) -> None:
        if info.busy:
            self.status.setText(html.escape(self.tr("正在检查…")))
            self.status.setToolTip("")
            return
        spans = [
            f'<span style="color:{sev.colour(LEVEL_KINDS[b.level])}">'
            f"{LEVEL_MARKS[b.level]}&nbsp;{html.escape(b.text)}</span>"
            for b in info.badges
        ]
        self.status.setText(" ".join(spans))
        self.status.setToolTip("\n".join(b.detail for b in info.badges))

    def accessible_text(self) -> str:
        info = self.info
        parts = [info.name]
        parts.append(self.tr("正在检查") if info.busy else " ".join(b.text for b in info.badges))
        if info.note:
            parts.append(info.note)
        return "，".join(p for p in parts if p)

    def badge_texts(self) -> list[str]:
        return [b.text for b in self.info.badges]

    # -- moving -------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.info.movable:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._press
        if start is not None and (
            (event.position().toPoint() - start).manhattanLength()
            >= QApplication.startDragDistance()
        ):
            self._press = None
            self.start_drag()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def start_drag(self) -> None:
        drag = QDrag(self)
        drag.setMimeData(file_mime(self.ref))  # the drag owns it from here
        pixmap = self.thumb.pixmap()
        if pixmap is not None and not pixmap.isNull():
            drag.setPixmap(pixmap.scaledToWidth(64, Qt.TransformationMode.SmoothTransformation))
        drag.exec(Qt.DropAction.MoveAction)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_requested.emit(self.ref, event.globalPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.info.movable:
            self.remove_requested.emit(self.ref)
            event.accept()
            return
        super().keyPressEvent(event)
