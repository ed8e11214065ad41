"""The websites of the filing: rows of name, domain and content remark, added and removed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from beian_desktop.gui.i18n import plain
from beian_desktop.gui.icons import icon
from beian_desktop.gui.widgets.lifetime import discard
from beian_desktop.gui.widgets.messages import MessageStack
from beian_desktop.gui.widgets.validated_field import ValidatedField

if TYPE_CHECKING:
    from beian_desktop.core.case import Website
    from beian_desktop.core.findings import Finding

MAX_EXISTING_SITES = 999


class WebsiteRow(QFrame):
    """One website. Signals: edited(), remove_requested(object) (this row)."""

    edited = Signal()
    remove_requested = Signal(object)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.index = index
        self.setObjectName(f"website{index}")
        self.name = ValidatedField(f"websites[{index}].name")
        self.domain = ValidatedField(f"websites[{index}].domain")
        self.remark = ValidatedField(f"websites[{index}].remark")
        self.remove = QPushButton(icon("remove"), "")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(3)]
        for label, field in zip(self.labels, (self.name, self.domain, self.remark), strict=True):
            label.setBuddy(field.editor)
            self.form.addRow(label, field)
            field.edited.connect(self.edited.emit)
        layout = QHBoxLayout(self)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.remove)
        self.retranslate()

    def fields(self) -> dict[str, ValidatedField]:
        return {f.objectName(): f for f in (self.name, self.domain, self.remark)}

    def field_labels(self) -> dict[str, str]:
        number = self.index + 1
        prefix = self.tr("网站 %1").replace("%1", str(number))
        return {
            key: f"{prefix} · {plain(label.text())}"
            for key, label in zip(self.fields(), self.labels, strict=True)
        }

    def load(self, site: Website) -> None:
        self.name.set_text(site.name)
        self.domain.set_text(site.domain)
        self.remark.set_text(site.remark)

    def store(self, site: Website) -> None:
        site.name = self.name.text()
        site.domain = self.domain.text()
        site.remark = self.remark.text()

    def retranslate(self) -> None:
        texts = (self.tr("网站名称"), self.tr("域名"), self.tr("内容备注"))
        site = self.tr("网站 %1").replace("%1", str(self.index + 1))
        fields = (self.name, self.domain, self.remark)
        for label, field, text in zip(self.labels, fields, texts, strict=True):
            label.setText(text)
            field.set_accessible_name(f"{site} {text}")
        self.domain.line_edit.setPlaceholderText(self.tr("例如 example.cn（不带 http:// 和 www）"))
        self.remark.line_edit.setPlaceholderText(self.tr("网站实际提供的内容，如“公司产品介绍”"))
        self.remove.setText(self.tr("删除"))
        self.remove.setAccessibleName(self.tr("删除网站 %1").replace("%1", str(self.index + 1)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class WebsiteList(QGroupBox):
    """Signals:
    changed(): a site was added, removed or edited, or the existing-site count changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("websites")
        self.rows: list[WebsiteRow] = []
        self.messages = MessageStack()
        self.rows_box = QVBoxLayout()
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("addWebsite")
        self.add_button.clicked.connect(self.add_site)
        self.existing = QSpinBox()
        self.existing.setRange(0, MAX_EXISTING_SITES)
        self.existing.valueChanged.connect(lambda _value: self.changed.emit())
        self.existing_label = QLabel()
        self.existing_label.setBuddy(self.existing)
        existing_row = QHBoxLayout()
        existing_row.addWidget(self.existing_label)
        existing_row.addWidget(self.existing)
        existing_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(existing_row)
        layout.addWidget(self.messages)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.add_button)
        self._sites: list[Website] = []
        self.retranslate()

    def load(self, sites: list[Website], existing: int) -> None:
        """Show the case's list; rows edit the Website objects in place."""
        self._sites = sites
        self.existing.blockSignals(True)
        self.existing.setValue(existing)
        self.existing.blockSignals(False)
        self._rebuild()

    def existing_count(self) -> int:
        return self.existing.value()

    def add_site(self) -> None:
        from beian_desktop.core.case import Website

        self._sites.append(Website())
        self._rebuild()
        self.rows[-1].name.setFocus()
        self.changed.emit()

    def _remove(self, row: WebsiteRow) -> None:
        del self._sites[row.index]
        self._rebuild()
        self.changed.emit()

    def _row_edited(self, row: WebsiteRow) -> None:
        row.store(self._sites[row.index])
        self.changed.emit()

    def _rebuild(self) -> None:
        for row in self.rows:
            discard(row, self.rows_box)
        self.rows = []
        for index, site in enumerate(self._sites):
            row = WebsiteRow(index)
            row.load(site)
            row.edited.connect(lambda row=row: self._row_edited(row))
            row.remove_requested.connect(self._remove)
            self.rows_box.addWidget(row)
            self.rows.append(row)

    def fields(self) -> dict[str, ValidatedField]:
        return {key: field for row in self.rows for key, field in row.fields().items()}

    def field_labels(self) -> dict[str, str]:
        labels = {"websites": self.title()}
        for row in self.rows:
            labels.update(row.field_labels())
        return labels

    def set_list_findings(self, findings: Sequence[Finding], lang: str) -> None:
        self.messages.set_messages([(str(f.severity), f.message.get(lang)) for f in findings])

    def retranslate(self) -> None:
        self.setTitle(self.tr("网站"))
        self.add_button.setText(self.tr("添加网站(&A)"))
        self.existing_label.setText(self.tr("该主体已备案的网站数(&E)"))
        self.existing.setAccessibleName(plain(self.existing_label.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
