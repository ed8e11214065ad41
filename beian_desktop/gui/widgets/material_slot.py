"""A material slot on the materials page: the material's name, whether it is required and why,
and drop zones holding its files (an ID card has one per side: 人像面 / 国徽面).

The page describes each slot as plain data (`SlotView`, `ZoneView`, `CardInfo`); a slot updates
only what changed, so a file arriving rebuilds one card, not the page.

Signals (of FileZone and MaterialSlot):
    file_dropped(object, str, str): a FileRef dropped here, with the zone's material and side.
    card_menu(object, QPoint): a card asks for its context menu.
    card_remove(object): a card asks to be removed (Delete key).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from beian_desktop.gui.drops import FileRef, file_from_mime
from beian_desktop.gui.widgets import severity as sev
from beian_desktop.gui.widgets.file_card import CardInfo, FileCard
from beian_desktop.gui.widgets.flow_layout import FlowLayout
from beian_desktop.gui.widgets.messages import dim

LEVEL_COLOURS = {
    "mandatory": sev.COLOURS["blocking"],
    "conditional": sev.COLOURS["warning"],
    "recommended": sev.COLOURS["info"],
    "extra": "#555555",
    "tray": sev.COLOURS["warning"],
}
_ZONE_LINE = "#b0bec5"  # the dashed outline of a drop zone


class CardBudget:
    """How many new cards one pass may build: a card costs a few milliseconds to build and
    lay out, and a pass that builds fifty stalls the window. The rest wait for the next pass."""

    def __init__(self, cards: int | None = None) -> None:
        self.left = cards  # None: no limit
        self.refused = 0  # cards that had to wait

    def take(self) -> bool:
        if self.left is None:
            return True
        if self.left <= 0:
            self.refused += 1
            return False
        self.left -= 1
        return True


@dataclass(frozen=True)
class ZoneView:
    material: str  # drops.TRAY for the tray
    side: str
    title: str  # the side's name ("人像面"), or "" for a one-sided material
    placeholder: str
    cards: tuple[CardInfo, ...]
    accepts: bool = True  # takes dropped files (the tray's "on their way" zone does not)


@dataclass(frozen=True)
class SlotView:
    material: str
    title: str
    level: str  # mandatory | conditional | recommended | extra | tray
    level_text: str
    why: str
    zones: tuple[ZoneView, ...]
    done: bool = False  # holds what it needs


class CardStrip(QWidget):
    """Cards in wrapping rows, updated in place by key."""

    def __init__(self, zone: FileZone) -> None:
        super().__init__(zone)
        self.zone = zone
        self.flow = FlowLayout(self)
        self.cards: dict[str, FileCard] = {}

    def set_cards(self, infos: tuple[CardInfo, ...], budget: CardBudget) -> None:
        wanted = {info.key for info in infos}
        for key in [k for k in self.cards if k not in wanted]:
            card = self.cards.pop(key)
            self.flow.removeWidget(card)
            card.hide()
            card.deleteLater()
        for info in infos:
            existing = self.cards.get(info.key)
            if existing is None and budget.take():
                card = FileCard(info, self)
                card.menu_requested.connect(self.zone.card_menu)
                card.remove_requested.connect(self.zone.card_remove)
                self.cards[info.key] = card
                self.flow.insert_widget(len(self.cards) - 1, card)
                card.show()
            elif existing is not None and existing.info != info:
                existing.show_info(info)
        self._order([info.key for info in infos if info.key in self.cards])

    def _order(self, keys: list[str]) -> None:
        current = [self.flow.itemAt(i) for i in range(self.flow.count())]
        widgets = [item.widget() if item is not None else None for item in current]
        wanted = [self.cards[k] for k in keys]
        if widgets != wanted:
            for card in wanted:
                self.flow.removeWidget(card)
            for index, card in enumerate(wanted):
                self.flow.insert_widget(index, card)


class FileZone(QFrame):
    file_dropped = Signal(object, str, str)
    card_menu = Signal(object, QPoint)
    card_remove = Signal(object)

    def __init__(self, material: str, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileZone")
        self.material, self.side = material, side
        self.title = QLabel()
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        dim(self.placeholder)
        self.strip = CardStrip(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.strip)
        layout.addWidget(self.placeholder)
        self.setAcceptDrops(True)
        self._accepts = True
        self._hovered = False

    def set_view(self, view: ZoneView, budget: CardBudget) -> None:
        self.title.setVisible(bool(view.title))
        self.title.setText(f"<b>{html.escape(view.title)}</b>")
        self.placeholder.setText(view.placeholder)
        self.placeholder.setVisible(not view.cards)
        self._accepts = view.accepts
        self.setAcceptDrops(view.accepts)
        self.setAccessibleName(view.title or view.placeholder)
        self.strip.set_cards(view.cards, budget)

    def cards(self) -> list[FileCard]:
        return list(self.strip.cards.values())

    def _highlight(self, on: bool) -> None:
        self._hovered = on
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted, not a style sheet: a style sheet would make Qt polish every card inside
        # through the style-sheet engine, several milliseconds each.
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._hovered:
            pen = QPen(QColor(sev.COLOURS["info"]), 2, Qt.PenStyle.SolidLine)
        else:
            pen = QPen(QColor(_ZONE_LINE), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
        painter.end()

    def _wanted(self, ref: FileRef | None) -> bool:
        return (
            self._accepts
            and ref is not None
            and (ref.material, ref.side) != (self.material, self.side)
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._wanted(file_from_mime(event.mimeData())):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._highlight(True)
        else:
            event.ignore()  # files from outside go on to the window, which takes them in

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._wanted(file_from_mime(event.mimeData())):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        ref = file_from_mime(event.mimeData())
        if ref is None or not self._wanted(ref):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.file_dropped.emit(ref, self.material, self.side)


class MaterialSlot(QFrame):
    file_dropped = Signal(object, str, str)
    card_menu = Signal(object, QPoint)
    card_remove = Signal(object)

    def __init__(self, material: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"slot:{material}")
        self.material = material
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dim(self.why)
        self.zone_row = QHBoxLayout()
        self.zone_row.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.why)
        layout.addLayout(self.zone_row)
        self.zones: dict[str, FileZone] = {}
        self.view: SlotView | None = None
        self.complete = True  # every card of `view` is built

    def set_view(self, view: SlotView, budget: CardBudget | None = None) -> None:
        """Show `view`; with a budget, some new cards may be left for the next call."""
        if view == self.view and self.complete:
            return
        budget = budget or CardBudget()
        self.view = view
        mark = " ✓" if view.done else ""
        colour = LEVEL_COLOURS.get(view.level, "#555555")
        self.heading.setText(
            f"<b>{html.escape(view.title)}</b>{mark} "
            f'<span style="color:{colour}">［{html.escape(view.level_text)}］</span>'
        )
        self.why.setText(view.why)
        self.why.setVisible(bool(view.why))
        self.setAccessibleName(f"{view.title}（{view.level_text}）")
        waiting = budget.refused
        for zone_view in view.zones:
            self._zone(zone_view.side).set_view(zone_view, budget)
        self.complete = budget.refused == waiting
        shown = {z.side for z in view.zones}
        for side, zone in self.zones.items():
            zone.setVisible(side in shown)

    def _zone(self, side: str) -> FileZone:
        zone = self.zones.get(side)
        if zone is None:
            zone = FileZone(self.material, side, self)
            zone.file_dropped.connect(self.file_dropped)
            zone.card_menu.connect(self.card_menu)
            zone.card_remove.connect(self.card_remove)
            self.zones[side] = zone
            self.zone_row.addWidget(zone, 1)
        return zone

    def cards(self) -> list[FileCard]:
        return [card for zone in self.zones.values() for card in zone.cards()]
