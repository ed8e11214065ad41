"""Driving the wizard the way a person does: clicks, typing, the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget, QWizard

from beian_desktop.core.case import Case
from beian_desktop.gui.pages.details import DetailsPage
from beian_desktop.gui.pages.start import StartPage
from beian_desktop.gui.pages.subject import SubjectPage
from beian_desktop.gui.widgets.search_combo import SearchableCombo
from beian_desktop.gui.widgets.validated_field import ValidatedField
from beian_desktop.gui.wizard import BeianWizard, PageId

LEFT = Qt.MouseButton.LeftButton

# The completer's popup asks the window system to raise it and grab the keyboard; the offscreen
# platform cannot and says so (a qWarning). Harmless, and only in modules that open popups.
OFFSCREEN_POPUPS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def next_button(wizard: BeianWizard) -> Any:
    return wizard.button(QWizard.WizardButton.NextButton)


def finish_button(wizard: BeianWizard) -> Any:
    return wizard.button(QWizard.WizardButton.FinishButton)


def click_next(qtbot: Any, wizard: BeianWizard) -> None:
    button = next_button(wizard)
    assert button.isEnabled(), wizard.currentPage().status.reasons()  # type: ignore[union-attr]
    qtbot.mouseClick(button, LEFT)


def click_box(qtbot: Any, box: QWidget) -> None:
    """Click a check box on its indicator (its middle may be empty space in a wide layout)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def start_page(wizard: BeianWizard) -> StartPage:
    page = wizard.page_of(PageId.START)
    assert isinstance(page, StartPage)
    return page


def subject_page(wizard: BeianWizard) -> SubjectPage:
    page = wizard.page_of(PageId.SUBJECT)
    assert isinstance(page, SubjectPage)
    return page


def details_page(wizard: BeianWizard) -> DetailsPage:
    page = wizard.page_of(PageId.DETAILS)
    assert isinstance(page, DetailsPage)
    return page


def new_case(qtbot: Any, wizard: BeianWizard) -> SubjectPage:
    qtbot.mouseClick(start_page(wizard).new_button, LEFT)
    assert wizard.currentId() == PageId.SUBJECT
    return subject_page(wizard)


def pick(qtbot: Any, combo: QComboBox, data: str) -> None:
    """Choose an item with the keyboard (Home, then Down), as a person would."""
    wanted = combo.findData(data)
    assert wanted >= 0, f"{data!r} is not offered"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentIndex() != wanted:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"stuck before reaching {data!r}"


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type `text`: ASCII as key presses, Chinese as an input method commits it (QTest's key
    events cannot carry non-ASCII characters)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_into(qtbot: Any, combo: SearchableCombo, text: str) -> None:
    """Type into a searchable combo and press Enter."""
    line_edit = combo.lineEdit()
    assert line_edit is not None
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    type_text(qtbot, line_edit, text)
    popup = combo.completer().popup()
    if popup is not None and popup.isVisible():
        popup.hide()  # Enter on the field itself, not on a suggestion
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def fill(qtbot: Any, field: ValidatedField, text: str) -> None:
    """Replace a field's text by typing."""
    field.line_edit.setFocus()
    field.line_edit.selectAll()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Backspace)
    type_text(qtbot, field.line_edit, text)


def fill_demo_enterprise(qtbot: Any, page: DetailsPage) -> None:
    """Type the demo enterprise's details (fictitious, checksum-valid) like a person would."""
    form = page.subject_form
    fill(qtbot, form.full_name, "深圳市示例科技有限公司")
    fill(qtbot, form.number, "91440300MA5DXAMPXK")
    qtbot.mouseClick(form.valid_until.long_term, Qt.MouseButton.LeftButton)
    person = page.principal_form
    fill(qtbot, person.name, "张示例")
    fill(qtbot, person.id_number, "440305199003071201")
    qtbot.mouseClick(person.valid_until.long_term, Qt.MouseButton.LeftButton)
    fill(qtbot, person.phone, "13800000001")
    fill(qtbot, person.email, "demo@example.com")
    qtbot.mouseClick(page.websites.add_button, Qt.MouseButton.LeftButton)
    site = page.websites.rows[0]
    fill(qtbot, site.name, "示例科技官网")
    fill(qtbot, site.domain, "example.cn")
    fill(qtbot, site.remark, "公司产品介绍")


def messages(field: ValidatedField) -> list[str]:
    return [text for _kind, text in field.shown_messages()]


# -- drag and drop -------------------------------------------------------------------------------


def drag_event(cls: Any, pos: QPoint, mime: QMimeData, action: Qt.DropAction) -> Any:
    """A drag event at `pos`. PySide6 6.12 wants QPointF (QPoint is deprecated there); 6.11 has
    only the QPoint constructor for DragEnter/DragMove and raises TypeError for QPointF."""
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    try:
        return cls(QPointF(pos), action, mime, buttons, modifiers)
    except TypeError:
        return cls(pos, action, mime, buttons, modifiers)


def send_drag(
    target: QWidget, mime: QMimeData, action: Qt.DropAction = Qt.DropAction.CopyAction
) -> list[bool]:
    """Enter, move and drop on `target` as a real drag does; whether each was accepted. Qt
    passes an unaccepted DragEnter up to the parents, so any widget of the window will do.
    The caller keeps `mime` alive: the events do not own it."""
    pos = target.rect().center()
    accepted = []
    for cls in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        event = drag_event(cls, pos, mime, action)
        QApplication.sendEvent(target, event)
        accepted.append(event.isAccepted())
    return accepted


def drop_files(target: QWidget, paths: list[Path]) -> list[bool]:
    """Drop files and folders from a file manager on `target`."""
    mime = QMimeData()  # referenced until the drop is over (the events do not own it)
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return send_drag(target, mime)


# -- getting somewhere quickly ---------------------------------------------------------------------


def open_case_at(wizard: BeianWizard, case: Case, folder: Path, page_id: PageId) -> None:
    """Open `case` and go forward to `page_id` (pages 2-3 already tested by typing)."""
    wizard.session.open_case(case, folder)
    while wizard.currentId() < page_id:
        wizard.next()
    assert wizard.currentId() == page_id
