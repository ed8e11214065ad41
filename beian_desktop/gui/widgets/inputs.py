"""Small inputs the forms share: a valid-until date (or 长期) and a yes / no question."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from beian_desktop.gui.i18n import labelled

LONG_TERM = "长期"  # as printed on the documents (same value as core.case.model.LONG_TERM)
_UNSET = QDate(1900, 1, 1)  # QDateEdit cannot be empty: its minimum stands for "not given"


class ValidUntilEdit(QWidget):
    """A date, 长期 (valid indefinitely) or nothing yet. Value: ISO date, "长期" or "".

    Signals:
        changed(): the user changed the value.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(_UNSET)
        self.date.setSpecialValueText(" ")  # shown for the minimum date: "not given yet"
        self.date.setDate(_UNSET)
        self.long_term = QCheckBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 1)
        layout.addWidget(self.long_term)
        self.setFocusProxy(self.date)
        self._loading = False
        self.date.dateChanged.connect(self._edited)
        self.long_term.toggled.connect(self._long_term_toggled)
        self.retranslate()

    def value(self) -> str:
        if self.long_term.isChecked():
            return LONG_TERM
        date = self.date.date()
        return "" if date == _UNSET else date.toString(Qt.DateFormat.ISODate)

    def set_value(self, value: str) -> None:
        self._loading = True
        try:
            self.long_term.setChecked(value == LONG_TERM)
            parsed = QDate.fromString(value, Qt.DateFormat.ISODate)
            self.date.setDate(parsed if parsed.isValid() else _UNSET)
            self.date.setEnabled(value != LONG_TERM)
        finally:
            self._loading = False

    def set_accessible_name(self, name: str) -> None:
        self.date.setAccessibleName(name)
        self.long_term.setAccessibleName(labelled(name, self.long_term.text().replace("&", "")))

    def _long_term_toggled(self, checked: bool) -> None:
        self.date.setEnabled(not checked)
        self._edited()

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def retranslate(self) -> None:
        self.long_term.setText(self.tr("长期有效"))
        self.date.setToolTip(self.tr("证件上印的有效期截止日期"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class YesNoQuestion(QWidget):
    """A question with 是 / 否 and no answer at first (None: the rules treat it as unknown).

    Signals:
        answered(): the user picked an answer.
    """

    answered = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.yes = QRadioButton()
        self.no = QRadioButton()
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        self.group.buttonClicked.connect(lambda _button: self.answered.emit())
        self.retranslate()

    def set_question(self, text: str, hint: str = "") -> None:
        self.question.setText(text)
        self.question.setToolTip(hint)
        self._name_buttons()

    def _name_buttons(self) -> None:
        text = self.question.text()
        self.yes.setAccessibleName(f"{text} {self.yes.text()}")
        self.no.setAccessibleName(f"{text} {self.no.text()}")

    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: bool | None) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot go back to "no answer"
        self.yes.setChecked(value is True)
        self.no.setChecked(value is False)
        self.group.setExclusive(True)

    def retranslate(self) -> None:
        self.yes.setText(self.tr("是"))
        self.no.setText(self.tr("否"))
        self._name_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
