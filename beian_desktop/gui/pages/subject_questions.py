"""The yes / no questions the rules read about an organisation's responsible persons.

Unanswered questions stay unknown (None): the rules that depend on them then show as "if …"
instead of guessing. Each question is shown only when it can matter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from beian_desktop.gui.widgets.inputs import YesNoQuestion

if TYPE_CHECKING:
    from beian_desktop.core.case import Case

RENAME_FILINGS = ("变更备案", "变更主体")  # where the rules ask whether the subject was renamed
KEYS = (
    "icp_owner_is_principal",
    "principal_is_legal_rep",
    "icp_owner_is_legal_rep",
    "foreign_legal_rep",
    "has_residence_permit",
    "renamed",
)
# Asked only where some rule's outcome turns on the answer (Inner Mongolia, for a legal
# representative whose ID was issued elsewhere): the rule pack decides, not this file.
ASKED_WHERE_IT_MATTERS = ("has_residence_permit",)


class OrganisationQuestions(QGroupBox):
    """Signals:
    answered(): the user answered one of the questions.
    """

    answered = Signal()

    def __init__(
        self, matters: Callable[[str], bool] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("organisationQuestions")
        self._matters = matters or (lambda _name: True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.items = {key: YesNoQuestion(key) for key in KEYS}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for question in self.items.values():
            question.answered.connect(self.answered.emit)
            layout.addWidget(question)
        self.retranslate()

    def load(self, case: Case, organisation: bool) -> None:
        self.setVisible(organisation)
        for key, question in self.items.items():
            question.set_value(getattr(case, key))
        self._show_relevant(case)

    def store(self, case: Case) -> None:
        for key, question in self.items.items():
            if not question.isHidden():
                setattr(case, key, question.value())
        if case.icp_owner_is_principal is True:
            # One person: whether the website owner is the legal representative follows.
            case.icp_owner_is_legal_rep = case.principal_is_legal_rep
        self._show_relevant(case)

    def _show_relevant(self, case: Case) -> None:
        self.items["icp_owner_is_legal_rep"].setHidden(case.icp_owner_is_principal is not False)
        self.items["renamed"].setHidden(case.filing_type not in RENAME_FILINGS)
        for key in ASKED_WHERE_IT_MATTERS:
            self.items[key].setHidden(not self._matters(key))

    def refresh(self, case: Case) -> None:
        """Show the questions that matter now (after the province or the ID changed)."""
        self._show_relevant(case)

    def retranslate(self) -> None:
        self.setTitle(self.tr("负责人"))
        self.intro.setText(
            self.tr("这些回答决定是否需要授权书等材料；不确定的可以先不答，规则会显示为“如果…”。")
        )
        texts = {
            "icp_owner_is_principal": (
                self.tr("网站负责人和主体负责人是同一个人吗？"),
                self.tr("主体负责人通常是法定代表人；网站负责人可以是单位的其他员工。"),
            ),
            "principal_is_legal_rep": (
                self.tr("主体负责人是单位的法定代表人吗？"),
                self.tr("法定代表人是营业执照等证件上登记的负责人。"),
            ),
            "icp_owner_is_legal_rep": (self.tr("网站负责人是法定代表人吗？"), ""),
            "foreign_legal_rep": (
                self.tr("法定代表人是境外人士（不是中国大陆居民）吗？"),
                self.tr("包括港澳台居民和外国人。"),
            ),
            "has_residence_permit": (
                self.tr("法定代表人持有备案省份的居住证（或暂住证）吗？"),
                self.tr("其身份证不是备案省份签发时，有的省份据此决定提交居住证还是手持证件照。"),
            ),
            "renamed": (self.tr("单位改过名称吗？"), self.tr("更名须提交变更函。")),
        }
        for key, (question, hint) in texts.items():
            self.items[key].set_question(question, hint)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
