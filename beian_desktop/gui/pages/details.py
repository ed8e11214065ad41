"""Page 3 信息: subject name and certificate, the responsible people, websites and domains.

Every field is checked as the user types, by the same code the review uses
(`core.review.fields`: the identity checks plus validity dates and contacts). Each finding goes
to the field it concerns, in the user's language and coloured by severity, with a one-click
button when it offers a cleaned value. Rules that start to block because of what was typed
(an ID from another province, an under-age person) show at the top. Next stays disabled while a
blocking finding remains, and the status line names the field.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from beian_desktop.gui.glossary import RESIDENT_ID_DOCUMENTS
from beian_desktop.gui.i18n import labelled, ui_lang
from beian_desktop.gui.pages.base import BasePage, PageContext
from beian_desktop.gui.widgets.finding_list import FindingList
from beian_desktop.gui.widgets.messages import MessageLine
from beian_desktop.gui.widgets.person_form import PersonForm, SubjectForm
from beian_desktop.gui.widgets.website_list import WebsiteList

if TYPE_CHECKING:
    from beian_desktop.core.case import Case
    from beian_desktop.core.findings import Finding
    from beian_desktop.gui.widgets.validated_field import ValidatedField

PERSON_DOCUMENTS_FROM = "个人"  # the subject type whose certificates are the personal documents
_DUPLICATE_FOR_INDIVIDUALS = {"case.principal.no-name"}  # same field as 未填写主体全称


class DetailsPage(BasePage):
    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.rules_box = QGroupBox()
        self.rules = FindingList()
        self.rules.setObjectName("detailsRuleFindings")
        QVBoxLayout(self.rules_box).addWidget(self.rules)
        self.subject_form = SubjectForm()
        self.principal_form = PersonForm("principal")
        self.owner_note = MessageLine("info", "")
        self.owner_form = PersonForm("icp_owner")
        self.websites = WebsiteList()
        self._findings: list[Finding] = []
        layout = QVBoxLayout(self.body)
        for widget in (
            self.rules_box,
            self.subject_form,
            self.principal_form,
            self.owner_note,
            self.owner_form,
            self.websites,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.subject_form.edited.connect(self._subject_edited)
        self.principal_form.edited.connect(lambda key: self._person_edited(self.principal_form))
        self.owner_form.edited.connect(lambda key: self._person_edited(self.owner_form))
        self.websites.changed.connect(self._sites_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("信息"))
        self.setSubTitle(
            self.tr("按证件原样填写。每一项都会立即检查；有可自动修正的问题时，点按钮即可改正。")
        )
        self.rules_box.setTitle(self.tr("因填写的信息而适用的规则"))
        self.owner_note.set_text(self.tr("网站负责人即主体负责人（第 2 步已选择），无需另填。"))

    # -- case -> widgets -------------------------------------------------------------------
    def load(self) -> None:
        case, pack = self.session.case, self.session.pack
        assert case is not None and pack is not None
        individual = self.session.is_individual()
        subject = pack.subjects.get(case.subject.type)
        self.subject_form.setVisible(not individual)
        if not individual:
            self.subject_form.load(case.subject, subject.certificates if subject else ())
        if individual:
            self._fill_principal_from_subject(case)
        people = pack.subjects.get(PERSON_DOCUMENTS_FROM)
        documents = people.certificates if people else ("居民身份证",)
        self.principal_form.set_individual(individual)
        self.principal_form.load(case.principal, documents)
        self.owner_form.load(case.icp_owner, documents)
        self._show_owner()
        self.websites.load(case.websites, case.existing_sites)

    @staticmethod
    def _fill_principal_from_subject(case: Case) -> None:
        """An individual's case may carry the person only in `subject` (e.g. made by the CLI)."""
        person = case.principal
        person.name = person.name or case.subject.full_name
        person.id_number = person.id_number or case.subject.certificate_number
        person.id_valid_until = person.id_valid_until or case.subject.certificate_valid_until

    def _owner_separate(self) -> bool:
        case = self.session.case
        return (
            self.session.is_organisation()
            and case is not None
            and (case.icp_owner_is_principal is not True)
        )

    def _show_owner(self) -> None:
        separate = self._owner_separate()
        self.owner_form.setVisible(separate)
        self.owner_note.setVisible(self.session.is_organisation() and not separate)

    # -- widgets -> case -------------------------------------------------------------------
    def _subject_edited(self, _key: str) -> None:
        assert self.session.case is not None
        self.subject_form.store(self.session.case.subject)
        self.edited()

    def _person_edited(self, form: PersonForm) -> None:
        case = self.session.case
        assert case is not None
        person = case.principal if form is self.principal_form else case.icp_owner
        form.store(person)
        if form is self.principal_form and self.session.is_individual():
            self._mirror_individual(case)
        self.edited()

    def _mirror_individual(self, case: Case) -> None:
        """For an individual, the subject is the person: keep both in step."""
        from beian_desktop.core.identity import check_resident_id

        person = case.principal
        case.subject.full_name = person.name
        case.subject.certificate_number = person.id_number
        case.subject.certificate_valid_until = person.id_valid_until
        case.subject.certificate_type = person.id_type
        if case.id_province and person.id_type in RESIDENT_ID_DOCUMENTS:
            # The province chosen on page 2 stood in for an unknown number; a valid number
            # now says where the ID was issued.
            result = check_resident_id(person.id_number, tables=self.session.tables())
            if result.checksum_ok and result.province_code:
                case.id_province = ""

    def _sites_changed(self) -> None:
        assert self.session.case is not None
        self.session.case.existing_sites = self.websites.existing_count()
        self.edited()

    # -- findings --------------------------------------------------------------------------
    def _fields(self) -> dict[str, ValidatedField]:
        fields: dict[str, ValidatedField] = {}
        if self.session.is_individual():
            fields["subject.full_name"] = self.principal_form.name
        else:
            fields.update(self.subject_form.fields)
        fields.update(self.principal_form.fields)
        if self._owner_separate():
            fields.update(self.owner_form.fields)
        fields.update(self.websites.fields())
        return fields

    def _labels(self) -> dict[str, str]:
        labels: dict[str, str] = {}
        forms = (self.subject_form, self.principal_form, self.owner_form)
        for form in forms:
            labels.update({k: f"{form.title()} · {v}" for k, v in form.field_labels().items()})
        if self.session.is_individual():
            labels["subject.full_name"] = labels["principal.name"]
        labels.update(self.websites.field_labels())
        return labels

    def refresh(self) -> None:
        if self.session.ready and self.session.has_case:
            self._show_findings()
        super().refresh()

    def _show_findings(self) -> None:
        found = self.session.field_findings()
        if self.session.is_individual():
            found = [f for f in found if f.code not in _DUPLICATE_FOR_INDIVIDUALS]
        self._findings = found
        fields = self._fields()
        per_field: dict[int, list[Finding]] = defaultdict(list)
        for finding in found:
            field = fields.get(finding.concerns or "")
            if field is not None:
                per_field[id(field)].append(finding)
        for field in {id(f): f for f in fields.values()}.values():
            field.set_findings(per_field.get(id(field), []))
        self.websites.set_list_findings([f for f in found if f.concerns == "websites"], ui_lang())
        important = [f for f in self.session.checklist().findings if str(f.severity) != "info"]
        self.rules.set_findings(important)
        self.rules_box.setVisible(bool(important))
        self._show_owner()

    def missing(self) -> list[str]:
        case = self.session.case
        if case is None:
            return [self.tr("请先在第一步新建或打开案卷")]
        lang, labels = ui_lang(), self._labels()
        reasons = [f.message.get(lang) for f in self.session.checklist().blocking]
        owner_needed = self._owner_separate() and case.icp_owner_is_principal is False
        if owner_needed and case.icp_owner.is_empty():
            reasons.append(self.tr("请填写网站负责人的信息"))
        for finding in self._findings:
            if finding.blocking:
                label = labels.get(finding.concerns or "")
                message = finding.message.get(lang)
                reasons.append(labelled(label, message) if label else message)
        return reasons
