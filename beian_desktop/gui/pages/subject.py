"""Page 2 主体与办理项: subject type, filing type, province, the ID's province (individuals),
the yes / no questions the rules read (organisations) and content needing 前置审批.

Every change re-runs resolve(pack, case_facts(case)) (a few milliseconds), so a rule that
blocks the filing shows at once in the panel on the right, with its source and what to do
instead; Next stays disabled while one does, and the status line says which.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from beian_desktop.gui.glossary import RESIDENT_ID_DOCUMENTS, document_name
from beian_desktop.gui.i18n import plain, ui_lang
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.pages.subject_questions import OrganisationQuestions
from beian_desktop.gui.widgets.finding_list import FindingList
from beian_desktop.gui.widgets.industry_list import IndustryList
from beian_desktop.gui.widgets.messages import MessageLine, dim
from beian_desktop.gui.widgets.search_combo import Choice, SearchableCombo

ROW_ID_TYPE, ROW_ID_PROVINCE = 3, 4  # rows of the form shown only for individuals


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class SubjectPage(BasePage):
    def __init__(self, context: PageContext) -> None:
        super().__init__(context, scroll=False)
        self.subject = QComboBox()
        self.subject.setObjectName("subjectType")
        self.subject_about = QLabel()
        self.filing = QComboBox()
        self.filing.setObjectName("filingType")
        self.filing_about = QLabel()
        self.province = SearchableCombo()
        self.province.setObjectName("province")
        self.id_type = QComboBox()
        self.id_type.setObjectName("idType")
        self.id_province = SearchableCombo()
        self.id_province.setObjectName("idProvince")
        self.id_decoded = MessageLine("info", "")
        self.questions = OrganisationQuestions(self.session.answer_matters)
        self.industries = IndustryList()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.findings = FindingList()
        self.findings.setObjectName("ruleFindings")
        self.form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        self._lay_out()
        self._connect()
        self.session.pack_changed.connect(self._fill_choices)
        self.retranslate()

    def _lay_out(self) -> None:
        for label in (self.subject_about, self.filing_about):
            label.setWordWrap(True)
            dim(label)
        self._row("subject", self.subject, self.subject_about)
        self._row("filing", self.filing, self.filing_about)
        self._row("province", self.province)
        self._row("id_type", self.id_type)
        self._row("id_province", self.id_province, self.id_decoded)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(self.form)
        column.addWidget(self.questions)
        column.addWidget(self.industries)
        column.addStretch(1)
        self.rules_box = QGroupBox()
        right = QVBoxLayout(self.rules_box)
        right.addWidget(self.summary)
        right.addWidget(_scroll(self.findings), 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_scroll(left))
        splitter.addWidget(self.rules_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 400])
        QHBoxLayout(self.body).addWidget(splitter)
        self.setTabOrder(self.subject, self.filing)
        self.setTabOrder(self.filing, self.province)
        self.setTabOrder(self.province, self.id_type)
        self.setTabOrder(self.id_type, self.id_province)

    def _row(self, key: str, field: QWidget, under: QWidget | None = None) -> None:
        label = QLabel()
        label.setBuddy(field)
        self._labels[key] = label
        if under is None:
            self.form.addRow(label, field)
            return
        box = QWidget()
        stack = QVBoxLayout(box)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(field)
        stack.addWidget(under)
        self.form.addRow(label, box)

    def _connect(self) -> None:
        self.subject.activated.connect(self._subject_chosen)
        self.filing.activated.connect(self._filing_chosen)
        self.province.chosen.connect(self._province_chosen)
        self.id_type.activated.connect(self._id_type_chosen)
        self.id_province.chosen.connect(self._id_province_chosen)
        self.questions.answered.connect(self._answered)
        self.industries.toggled.connect(self._industries_toggled)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("主体与办理项"))
        self.setSubTitle(self.tr("谁来备案、办理什么、在哪个省。右侧会立即显示适用的规则。"))
        texts = {
            "subject": self.tr("主办单位性质(&S)"),
            "filing": self.tr("办理项(&F)"),
            "province": self.tr("备案省份(&P)"),
            "id_type": self.tr("证件类型(&D)"),
            "id_province": self.tr("身份证签发地(&I)"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        for key, widget in (
            ("subject", self.subject),
            ("filing", self.filing),
            ("province", self.province),
            ("id_type", self.id_type),
            ("id_province", self.id_province),
        ):
            widget.setAccessibleName(plain(texts[key]))
        self.subject.setPlaceholderText(self.tr("请选择"))
        self.province.set_placeholder(self.tr("输入省名、拼音或代码，如 广东 / guangdong / 44"))
        self.id_province.set_placeholder(self.tr("身份证号码前两位所属的省份"))
        self.rules_box.setTitle(self.tr("适用的规则"))
        self._fill_choices()

    def _fill_choices(self) -> None:
        pack = self.session.pack
        if pack is None:
            return
        lang = ui_lang()
        self._fill_subjects(lang)
        self.filing.clear()
        for filing in pack.filing_types.values():
            self.filing.addItem(filing.name.get(lang), filing.id)
        provinces = [
            Choice(
                p.code,
                p.name.get(lang),
                (p.name.zh, p.name.en, p.full_name, p.pinyin, p.abbr, *p.aliases),
            )
            for p in pack.provinces.values()
        ]
        self.province.set_choices(provinces)
        regions = [
            Choice(r.code, r.name.get(lang), (r.name.zh, r.name.en), r.note.get(lang))
            for r in pack.regions.values()
        ]
        self.id_province.set_choices([*provinces, *regions])
        self.industries.set_industries(pack.industries.values())
        if self.session.has_case:
            self.reload()

    def _fill_subjects(self, lang: str) -> None:
        pack = self.session.pack
        assert pack is not None
        self.subject.clear()
        common = [s for s in pack.subjects.values() if s.common]
        others = [s for s in pack.subjects.values() if not s.common]
        for group in (common, others):
            if group is others and common and others:
                self.subject.insertSeparator(self.subject.count())
            for subject in group:
                self.subject.addItem(subject.name.get(lang), subject.id)
                about = subject.description.get(lang) if subject.description else ""
                self.subject.setItemData(
                    self.subject.count() - 1, about, Qt.ItemDataRole.ToolTipRole
                )

    # -- case -> widgets -------------------------------------------------------------------
    def load(self) -> None:
        case = self.session.case
        assert case is not None
        self.subject.setCurrentIndex(self.subject.findData(case.subject.type))
        self.filing.setCurrentIndex(self.filing.findData(case.filing_type))
        self.province.set_value(case.province)
        self._fill_id_types()
        self.id_province.set_value(case.id_province)
        self.questions.load(case, self.session.is_organisation())
        self.industries.set_chosen(case.industries)
        self._show_descriptions()
        self._show_id_rows()

    def _fill_id_types(self) -> None:
        case, pack = self.session.case, self.session.pack
        assert case is not None and pack is not None
        subject = pack.subjects.get(case.subject.type)
        self.id_type.clear()
        if subject is None or not subject.is_individual:
            return
        for name in subject.certificates:
            self.id_type.addItem(document_name(name), name)
        self.id_type.setCurrentIndex(max(0, self.id_type.findData(case.principal.id_type)))

    def _show_descriptions(self) -> None:
        lang, pack, case = ui_lang(), self.session.pack, self.session.case
        assert pack is not None and case is not None
        subject = pack.subjects.get(case.subject.type)
        about = subject.description.get(lang) if subject and subject.description else ""
        self.subject_about.setText(about)
        self.subject_about.setVisible(bool(about))
        filing = pack.filing_types.get(case.filing_type)
        self.filing_about.setText(filing.description.get(lang) if filing else "")

    def decoded_id_province(self) -> str | None:
        """The province code read off the individual's ID number, when it is a valid one."""
        from beian_desktop.core.case.facts import principal_id_number
        from beian_desktop.core.identity import check_resident_id

        case, pack = self.session.case, self.session.pack
        assert case is not None and pack is not None
        number = principal_id_number(case, pack)
        if not number.strip() or case.principal.id_type not in RESIDENT_ID_DOCUMENTS:
            return None
        result = check_resident_id(number, tables=self.session.tables())
        return result.province_code if result.checksum_ok else None

    def _needs_id_province(self) -> bool:
        case = self.session.case
        return (
            case is not None
            and self.session.is_individual()
            and case.principal.id_type in RESIDENT_ID_DOCUMENTS
        )

    def _show_id_rows(self) -> None:
        individual = self.session.is_individual()
        self.form.setRowVisible(ROW_ID_TYPE, individual)
        needs = self._needs_id_province()
        self.form.setRowVisible(ROW_ID_PROVINCE, needs)
        case, pack = self.session.case, self.session.pack
        decoded = self.decoded_id_province() if needs else None
        use_number = decoded is not None and case is not None and not case.id_province
        self.id_province.setVisible(not use_number)
        self.id_decoded.setVisible(use_number)
        if use_number and pack is not None and decoded is not None:
            name = pack.region_name(decoded)
            shown = name.get(ui_lang()) if name else decoded
            self.id_decoded.set_text(self.tr("%1（根据身份证号码）").replace("%1", shown))

    # -- widgets -> case -------------------------------------------------------------------
    def _subject_chosen(self, index: int) -> None:
        case, pack = self.session.case, self.session.pack
        assert case is not None and pack is not None
        case.subject.type = self.subject.itemData(index) or ""
        subject = pack.subjects.get(case.subject.type)
        if subject is not None:
            if case.subject.certificate_type not in subject.certificates:
                case.subject.certificate_type = subject.certificates[0]
            if subject.is_individual and case.principal.id_type not in subject.certificates:
                case.principal.id_type = subject.certificates[0]
        self._fill_id_types()
        self.questions.load(case, self.session.is_organisation())
        self._show_descriptions()
        self._show_id_rows()
        self.edited()

    def _filing_chosen(self, index: int) -> None:
        assert self.session.case is not None
        self.session.case.filing_type = self.filing.itemData(index) or ""
        self.questions.load(self.session.case, self.session.is_organisation())
        self._show_descriptions()
        self.edited()

    def _province_chosen(self, code: str) -> None:
        assert self.session.case is not None
        self.session.case.province = code
        self.edited()
        self.questions.refresh(self.session.case)

    def _id_type_chosen(self, index: int) -> None:
        case = self.session.case
        assert case is not None
        case.principal.id_type = self.id_type.itemData(index) or ""
        case.subject.certificate_type = case.principal.id_type
        self._show_id_rows()
        self.edited()

    def _id_province_chosen(self, code: str) -> None:
        assert self.session.case is not None
        self.session.case.id_province = code
        self._show_id_rows()
        self.edited()
        self.questions.refresh(self.session.case)

    def _answered(self) -> None:
        assert self.session.case is not None
        self.questions.store(self.session.case)
        self.edited()

    def _industries_toggled(self) -> None:
        assert self.session.case is not None
        self.session.case.industries = self.industries.chosen()
        self.edited()

    # -- what stands in the way ------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.ready and self.session.has_case:
            self._show_rules()
        super().refresh()

    def _show_rules(self) -> None:
        case = self.session.case
        assert case is not None
        chosen = bool(case.subject.type and case.province)
        self.findings.setVisible(chosen)
        if not chosen:  # every rule would read "if …": wait for the two answers that matter
            self.findings.set_findings([])
            self.summary.setText(self.tr("选择主办单位性质和备案省份后，这里会列出适用的规则。"))
            return
        checklist = self.session.checklist()
        self.findings.set_findings(checklist.findings)
        needed = len(checklist.items)
        maybe = sum(1 for item in checklist.items if item.level.value != "mandatory")
        if needed:
            text = self.tr("按目前的选择，需要准备 %1 项材料（其中 %2 项视情况而定）。")
            text = text.replace("%1", str(needed)).replace("%2", str(maybe))
        else:
            text = self.tr("按目前的选择，无需上传材料。")
        self.summary.setText(text)

    def missing(self) -> list[str]:
        case = self.session.case
        if case is None:
            return [self.tr("请先在第一步新建或打开案卷")]
        reasons = []
        if not case.subject.type:
            reasons.append(self.tr("请选择主办单位性质"))
        if not case.province:
            reasons.append(self.tr("请选择备案省份"))
        if self._needs_id_province() and not case.id_province and not self.decoded_id_province():
            reasons.append(self.tr("请选择身份证签发地"))
        lang = ui_lang()
        reasons += [f.message.get(lang) for f in self.session.checklist().blocking]
        return reasons
