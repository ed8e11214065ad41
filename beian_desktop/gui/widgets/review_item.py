"""Rows of the review page: one finding with what can be done about it, grouped by what it
concerns.

A row shows the severity, the message, the sources, and one of: a one-click fix button, a
"去修改" button leading to the page where it is fixed, a note that packing handles it; warnings
also get a checkbox to accept them explicitly.

Signals (FindingRow):
    fix_clicked(object): the Finding whose fix the user applies.
    go_clicked(object): the Finding whose page the user wants to visit.
    accepted(object, bool): the Finding (a warning) accepted or not.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beian_desktop.gui.i18n import labelled, separator
from beian_desktop.gui.icons import icon
from beian_desktop.gui.widgets import severity as sev
from beian_desktop.gui.widgets.messages import dim, rich_label

if TYPE_CHECKING:
    from beian_desktop.core.findings import Finding

ICON_SIZE = 18


@dataclass(frozen=True)
class RowView:
    """How to offer help for one finding (texts already in the UI language)."""

    fix_text: str = ""  # a one-click fix button
    go_text: str = ""  # a button to the page where it is fixed
    go_tip: str = ""
    note: str = ""  # e.g. "packing converts it"
    acknowledge: bool = False  # a warning: offer the checkbox
    accepted: bool = False


class FindingRow(QFrame):
    fix_clicked = Signal(object)
    go_clicked = Signal(object)
    accepted = Signal(object, bool)

    def __init__(self, finding: Finding, view: RowView, lang: str) -> None:
        super().__init__()
        self.finding = finding
        self.setObjectName(f"review:{finding.code}")
        icon_label = sev.icon_label(finding.severity, ICON_SIZE, self)
        self.message = rich_label(self._html(lang))
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.message)
        self.fix_button = self._button(view.fix_text, "fix", self.fix_clicked)
        self.go_button = self._button(view.go_text, "open", self.go_clicked, view.go_tip)
        self.note = QLabel(view.note)
        self.note.setWordWrap(True)
        dim(self.note)
        self.note.setVisible(bool(view.note))
        text.addWidget(self.note)
        self.acknowledge = QCheckBox(self.tr("我已了解，仍按现状提交"))
        self.acknowledge.setChecked(view.accepted)
        self.acknowledge.setVisible(view.acknowledge)
        self.acknowledge.toggled.connect(lambda on: self.accepted.emit(self.finding, on))
        text.addWidget(self.acknowledge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.go_button)
        buttons.addStretch(1)
        text.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(icon_label)
        layout.addLayout(text, 1)
        word = sev.severity_word(finding.severity)
        self.setAccessibleName(labelled(word, finding.message.get(lang)))

    def _button(
        self, text: str, icon_name: str, signal: SignalInstance, tip: str = ""
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setVisible(bool(text))
        button.setToolTip(tip)
        button.clicked.connect(lambda: signal.emit(self.finding))
        return button

    def _html(self, lang: str) -> str:
        finding = self.finding
        word = sev.severity_word(finding.severity)
        colour = sev.colour(finding.severity)
        parts = [
            f'<b style="color:{colour}">{html.escape(word)}</b> '
            f"{html.escape(finding.message.get(lang))}"
        ]
        if finding.disputed and finding.other_view is not None:
            other = self.tr("另一种说法：") + finding.other_view.get(lang)
            parts.append(html.escape(other))
        if finding.sources:
            cited = separator().join(s.label(lang) for s in finding.sources)
            sources = labelled(self.tr("依据"), cited)  # not inside the f-string: lupdate
            parts.append(f'<span style="color:#555">{html.escape(sources)}</span>')
        return "<br>".join(parts)

    def text(self) -> str:
        return self.accessibleName()


class FindingGroup(QFrame):
    """The findings about one material, one field or the rules, under a heading."""

    def __init__(self, title: str, rows: list[FindingRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = title
        heading = QLabel(f"<b>{html.escape(title)}</b>")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(heading)
        for row in rows:
            layout.addWidget(row)
        self.rows = rows
        self.setAccessibleName(title)
