"""An input with live validation under it and a one-click fix ("改为规范写法：…").

The page computes findings (identity checks via the review) and hands each field those that
concern it; the field shows them in the user's language, coloured by severity. A finding that
offers a cleaned value (`Fix.value`) gets a button that puts it into the field.

"Missing" messages stay hidden until the user has been in the field or typed something, so an
empty form is not a wall of red; the page's status line still lists everything missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from beian_desktop.gui.i18n import labelled, ui_lang
from beian_desktop.gui.icons import icon
from beian_desktop.gui.widgets.messages import MessageStack

if TYPE_CHECKING:
    from beian_desktop.core.findings import Finding


class ValidatedField(QWidget):
    """A QLineEdit (or another editor) + fix button + messages.

    Signals:
        edited(): the user changed the value (typing or applying a fix).
    """

    edited = Signal()

    def __init__(
        self, name: str, editor: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.editor = editor or QLineEdit()
        self.touched = False
        self._findings: list[Finding] = []
        self._fix_value: str | None = None
        self.fix_button = QPushButton()
        self.fix_button.setIcon(icon("fix"))
        self.fix_button.hide()
        self.fix_button.clicked.connect(self.apply_fix)
        self.messages = MessageStack()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.editor, 1)
        row.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(row)
        layout.addWidget(self.messages)
        if isinstance(self.editor, QLineEdit):
            self.editor.textEdited.connect(self._typed)
            self.editor.editingFinished.connect(self._left)
        self.setFocusProxy(self.editor)
        self.editor.installEventFilter(self)

    # -- value (line edits) --------------------------------------------------------------------
    @property
    def line_edit(self) -> QLineEdit:
        assert isinstance(self.editor, QLineEdit)
        return self.editor

    def text(self) -> str:
        return self.line_edit.text()

    def set_text(self, text: str) -> None:
        """Load a value (not an edit: no signal)."""
        if self.line_edit.text() != text:
            self.line_edit.setText(text)

    def set_accessible_name(self, name: str) -> None:
        self.editor.setAccessibleName(name)

    def mark_edited(self) -> None:
        """For editors that are not line edits: the page calls this on their change signal."""
        self.touched = True
        self.edited.emit()

    def _typed(self, _text: str) -> None:
        self.mark_edited()

    def _left(self) -> None:
        if not self.touched:
            self.touched = True
            self._render()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusOut and not self.touched:
            self.touched = True
            self._render()
        return super().eventFilter(watched, event)

    # -- findings ------------------------------------------------------------------------------
    def set_findings(self, findings: Sequence[Finding]) -> None:
        self._findings = list(findings)
        self._render()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def shown_messages(self) -> list[tuple[str, str]]:
        return self.messages.messages()

    def _has_value(self) -> bool:
        return isinstance(self.editor, QLineEdit) and bool(self.editor.text().strip())

    def _render(self) -> None:
        lang = ui_lang()
        show = self.touched or self._has_value()
        shown = self._findings if show else []
        self.messages.set_messages([(str(f.severity), f.message.get(lang)) for f in shown])
        self.editor.setAccessibleDescription(" ".join(f.message.get(lang) for f in shown))
        self._fix_value = self._offered_fix(shown)
        if self._fix_value is None:
            self.fix_button.hide()
            return
        label = next(f.fix.label.get(lang) for f in shown if f.fix and f.fix.value)
        label = label[:1].upper() + label[1:]  # the core's English labels start in lower case
        self.fix_button.setText(labelled(label, self._fix_value))
        self.fix_button.setAccessibleName(self.tr("应用建议的值：%1").replace("%1", label))
        self.fix_button.show()

    def _offered_fix(self, findings: Sequence[Finding]) -> str | None:
        if not isinstance(self.editor, QLineEdit):
            return None
        for finding in findings:
            if finding.fix is not None and finding.fix.value and finding.fix.value != self.text():
                return finding.fix.value
        return None

    def apply_fix(self) -> None:
        """Put the cleaned value into the field: one click, as an edit the user made."""
        if self._fix_value is None:
            return
        self.line_edit.setText(self._fix_value)
        self.line_edit.setFocus()
        self.mark_edited()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
