"""Content categories as checkboxes, each explained in plain words: what it covers, which
licence the 前置审批 needs and who issues it."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from beian_desktop.gui.i18n import separator, ui_lang
from beian_desktop.gui.widgets.lifetime import discard
from beian_desktop.gui.widgets.messages import dim

if TYPE_CHECKING:
    from beian_desktop.core.rules.model import Industry


class IndustryOption(QWidget):
    """One category: a checkbox and, under it, what it means."""

    def __init__(self, industry: Industry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.industry = industry
        self.setObjectName(f"industry:{industry.id}")
        self.checkbox = QCheckBox()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setIndent(24)
        dim(self.details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.details)
        self.retranslate()

    def retranslate(self) -> None:
        lang = ui_lang()
        industry = self.industry
        self.checkbox.setText(industry.name.get(lang))
        lines = [industry.description.get(lang)]
        if industry.licence is not None:
            lines.append(self.tr("需要：%1").replace("%1", industry.licence.get(lang)))
        if industry.authority is not None:
            lines.append(self.tr("审批部门：%1").replace("%1", industry.authority.get(lang)))
        if industry.notes is not None:
            lines.append(industry.notes.get(lang))
        self.details.setText("<br>".join(html.escape(line) for line in lines))
        self.checkbox.setAccessibleDescription(separator().join(lines))


class IndustryList(QWidget):
    """Two groups: categories needing 前置审批, and others some provinces ask papers for.

    Signals:
        toggled(): the user ticked or unticked a category.
    """

    toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options: dict[str, IndustryOption] = {}
        self.preapproval = QGroupBox()
        self.preapproval_intro = QLabel()
        self.preapproval_intro.setWordWrap(True)
        self.other = QGroupBox()
        self.other_intro = QLabel()
        self.other_intro.setWordWrap(True)
        QVBoxLayout(self.preapproval).addWidget(self.preapproval_intro)
        QVBoxLayout(self.other).addWidget(self.other_intro)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preapproval)
        layout.addWidget(self.other)
        self.retranslate()

    def set_industries(self, industries: Iterable[Industry]) -> None:
        for option in self.options.values():
            group = self.preapproval if option.industry.preapproval else self.other
            discard(option, group.layout())
        self.options = {}
        for industry in industries:
            option = IndustryOption(industry)
            option.checkbox.toggled.connect(lambda _on: self.toggled.emit())
            group = self.preapproval if industry.preapproval else self.other
            layout = group.layout()
            assert layout is not None
            layout.addWidget(option)
            self.options[industry.id] = option

    def chosen(self) -> list[str]:
        return [key for key, option in self.options.items() if option.checkbox.isChecked()]

    def set_chosen(self, chosen: Iterable[str]) -> None:
        wanted = set(chosen)
        for key, option in self.options.items():
            option.checkbox.blockSignals(True)
            option.checkbox.setChecked(key in wanted)
            option.checkbox.blockSignals(False)

    def retranslate(self) -> None:
        self.preapproval.setTitle(self.tr("需要前置审批的内容"))
        self.preapproval_intro.setText(
            self.tr(
                "网站若提供以下内容，须先取得主管部门的许可（前置审批），再办理备案。"
                "只勾选网站确实提供的内容。"
            )
        )
        self.other.setTitle(self.tr("其他特殊内容"))
        self.other_intro.setText(self.tr("不需要前置审批，但部分省份会要求额外材料。"))
        for option in self.options.values():
            option.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
