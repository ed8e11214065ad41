"""A list of findings (from the rules or the review): severity icon, message, what to do
instead, both sides of a disputed rule, and the sources. Advice is folded away by default."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from beian_desktop.gui.i18n import labelled, separator, ui_lang
from beian_desktop.gui.widgets import severity as sev
from beian_desktop.gui.widgets.lifetime import clear_layout
from beian_desktop.gui.widgets.messages import MessageLine, rich_label

if TYPE_CHECKING:
    from beian_desktop.core.findings import Finding

ICON_SIZE = 20


class FindingCard(QFrame):
    """One finding, fully explained."""

    def __init__(self, finding: Finding, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName(f"finding:{finding.code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        icon = sev.icon_label(finding.severity, ICON_SIZE, self)
        self.label = rich_label(self._html(lang))
        addresses = [s.address for s in finding.sources if s.address]
        if addresses:
            self.label.setToolTip("\n".join(addresses))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        word = sev.severity_word(finding.severity)
        self.setAccessibleName(labelled(word, finding.message.get(lang)))

    def _html(self, lang: str) -> str:
        finding = self.finding
        colour = sev.colour(finding.severity)
        word = sev.severity_word(finding.severity)
        parts = [
            f'<b style="color:{colour}">{html.escape(word)}</b> '
            f"{html.escape(finding.message.get(lang))}"
        ]
        if finding.fix is not None and finding.fix.label.get(lang):
            parts.append(self.tr("怎么办：") + html.escape(finding.fix.label.get(lang)))
        if finding.disputed and finding.other_view is not None:
            parts.append(self.tr("另一种说法：") + html.escape(finding.other_view.get(lang)))
        if finding.sources:
            sources = separator().join(html.escape(s.label(lang)) for s in finding.sources)
            based_on = self.tr("依据：")
            parts.append(f'<span style="color:#555">{based_on}{sources}</span>')
        return "<br>".join(parts)

    def text(self) -> str:
        """The card's text without markup (for tests and screen readers)."""
        return self.label.text().replace("<br>", "\n")


class FindingList(QWidget):
    """Blocking findings and warnings as cards; advice behind a "show N notes" toggle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._cards: list[FindingCard] = []
        self._key: tuple[object, ...] | None = None
        self.empty = MessageLine("ok", "")
        self.main = QVBoxLayout()
        self.main.setSpacing(6)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._show_advice)
        self.advice_box = QWidget()
        self.advice = QVBoxLayout(self.advice_box)
        self.advice.setContentsMargins(0, 0, 0, 0)
        self.advice_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.main)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advice_box)
        layout.addStretch(1)
        self._retranslate()

    def set_findings(self, findings: Sequence[Finding]) -> None:
        lang = ui_lang()
        key = (lang, *((f.code, f.severity, f.message, f.disputed) for f in findings))
        if key == self._key:
            return
        self._key = key
        self._findings = list(findings)
        self._rebuild(lang)

    def cards(self) -> list[FindingCard]:
        return list(self._cards)

    def important_cards(self) -> list[FindingCard]:
        """Blocking findings and warnings: the cards shown without unfolding the advice."""
        return [card for card in self._cards if str(card.finding.severity) != "info"]

    def _rebuild(self, lang: str) -> None:
        clear_layout(self.main)
        clear_layout(self.advice)
        self._cards = []
        important = [f for f in self._findings if str(f.severity) != "info"]
        advice = [f for f in self._findings if str(f.severity) == "info"]
        for layout, findings in ((self.main, important), (self.advice, advice)):
            for finding in findings:
                card = FindingCard(finding, lang)
                layout.addWidget(card)
                self._cards.append(card)
        self.empty.setVisible(not important)
        self.toggle.setVisible(bool(advice))
        self._retranslate()

    def _show_advice(self, shown: bool) -> None:
        self.advice_box.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)

    def _retranslate(self) -> None:
        count = sum(1 for f in self._findings if str(f.severity) == "info")
        self.toggle.setText(self.tr("另有 %n 条提示", "", count))
        self.empty.set_text(self.tr("没有阻断备案或需要注意的规则。"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._key = None
            self.set_findings(self._findings)
        super().changeEvent(event)
