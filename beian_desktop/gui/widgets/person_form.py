"""Forms for the subject and a responsible person, each field validated live.

A form owns ValidatedFields keyed by the finding `concerns` the review uses ("principal.phone",
"subject.certificate_number"), so the page can route each finding to its field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from beian_desktop.gui.glossary import document_name
from beian_desktop.gui.i18n import plain
from beian_desktop.gui.widgets.inputs import ValidUntilEdit
from beian_desktop.gui.widgets.validated_field import ValidatedField

if TYPE_CHECKING:
    from beian_desktop.core.case import Person, Subject


class _Form(QGroupBox):
    """Signals:
    edited(str): the key of the field the user changed.
    """

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.fields: dict[str, ValidatedField] = {}
        self.labels: dict[str, QLabel] = {}

    def _add(self, key: str, editor: QWidget | None = None) -> ValidatedField:
        field = ValidatedField(key, editor)
        label = QLabel()
        label.setBuddy(field.editor)
        self.form.addRow(label, field)
        self.fields[key] = field
        self.labels[key] = label
        field.edited.connect(lambda: self.edited.emit(key))
        return field

    def _add_combo(self, key: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(key)
        label = QLabel()
        label.setBuddy(combo)
        self.form.addRow(label, combo)
        self.labels[key] = label
        combo.activated.connect(lambda _index: self.edited.emit(key))
        return combo

    def _name(self, key: str, text: str) -> None:
        self.labels[key].setText(text)
        field = self.fields.get(key)
        if field is not None:
            editor = field.editor
            if isinstance(editor, ValidUntilEdit):
                editor.set_accessible_name(plain(text))
            else:
                field.set_accessible_name(plain(text))

    def field_labels(self) -> dict[str, str]:
        return {key: plain(label.text()) for key, label in self.labels.items()}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Overridden."""


def _fill_documents(combo: QComboBox, names: Sequence[str], current: str) -> None:
    combo.clear()
    for name in names:
        combo.addItem(document_name(name), name)
    combo.setCurrentIndex(max(0, combo.findData(current)))


class SubjectForm(_Form):
    """An organisation: 主体全称, certificate type and number, valid-until date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subjectForm")
        self.full_name = self._add("subject.full_name")
        self.certificate_type = self._add_combo("subject.certificate_type")
        self.number = self._add("subject.certificate_number")
        self.valid_until = ValidUntilEdit()
        self._add("subject.certificate_valid_until", self.valid_until)
        self.valid_until.changed.connect(self.fields["subject.certificate_valid_until"].mark_edited)
        self.retranslate()

    def load(self, subject: Subject, certificates: Sequence[str]) -> None:
        self.full_name.set_text(subject.full_name)
        _fill_documents(self.certificate_type, certificates, subject.certificate_type)
        self.number.set_text(subject.certificate_number)
        self.valid_until.set_value(subject.certificate_valid_until)

    def store(self, subject: Subject) -> None:
        subject.full_name = self.full_name.text()
        subject.certificate_type = self.certificate_type.currentData() or ""
        subject.certificate_number = self.number.text()
        subject.certificate_valid_until = self.valid_until.value()

    def retranslate(self) -> None:
        self.setTitle(self.tr("主体"))
        self._name("subject.full_name", self.tr("主体全称(&M)"))
        self._name("subject.certificate_type", self.tr("证件类型"))
        self._name("subject.certificate_number", self.tr("证件号码(&C)"))
        self._name("subject.certificate_valid_until", self.tr("有效期至"))
        self.full_name.line_edit.setPlaceholderText(self.tr("与证件上的名称完全一致"))
        self.number.line_edit.setPlaceholderText(self.tr("18 位统一社会信用代码"))


class PersonForm(_Form):
    """A responsible person (or, for an individual filing, the person filing)."""

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.setObjectName(f"{role}Form")
        self.individual = False
        self.name = self._add(f"{role}.name")
        self.id_type = self._add_combo(f"{role}.id_type")
        self.id_number = self._add(f"{role}.id_number")
        self.valid_until = ValidUntilEdit()
        self._add(f"{role}.id_valid_until", self.valid_until)
        self.valid_until.changed.connect(self.fields[f"{role}.id_valid_until"].mark_edited)
        self.phone = self._add(f"{role}.phone")
        self.email = self._add(f"{role}.email")
        self.retranslate()

    def set_individual(self, individual: bool) -> None:
        """An individual's ID type is chosen on page 2, so the row is hidden here."""
        self.individual = individual
        self.form.setRowVisible(self.id_type, not individual)
        self.retranslate()

    def load(self, person: Person, id_types: Sequence[str]) -> None:
        self.name.set_text(person.name)
        _fill_documents(self.id_type, id_types, person.id_type)
        self.id_number.set_text(person.id_number)
        self.valid_until.set_value(person.id_valid_until)
        self.phone.set_text(person.phone)
        self.email.set_text(person.email)

    def store(self, person: Person) -> None:
        person.name = self.name.text()
        if not self.individual:
            person.id_type = self.id_type.currentData() or person.id_type
        person.id_number = self.id_number.text()
        person.id_valid_until = self.valid_until.value()
        person.phone = self.phone.text()
        person.email = self.email.text()

    def retranslate(self) -> None:
        if self.individual:
            self.setTitle(self.tr("备案人（本人）"))
        elif self.role == "principal":
            self.setTitle(self.tr("主体负责人"))
        else:
            self.setTitle(self.tr("网站负责人"))
        self._name(f"{self.role}.name", self.tr("姓名"))
        self._name(f"{self.role}.id_type", self.tr("证件类型"))
        self._name(f"{self.role}.id_number", self.tr("证件号码"))
        self._name(f"{self.role}.id_valid_until", self.tr("证件有效期至"))
        self._name(f"{self.role}.phone", self.tr("手机号码"))
        self._name(f"{self.role}.email", self.tr("电子邮箱"))
        self.id_number.line_edit.setPlaceholderText(self.tr("18 位身份证号码"))
        self.phone.line_edit.setPlaceholderText(self.tr("11 位手机号码"))
