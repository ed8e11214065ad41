"""A combo box you can type into: 广东, guangdong, 粤 or 44 all find 广东.

Each choice carries search keys. Typing shows the choices whose keys contain the typed text
(case, width and spacing folded); Enter or leaving the field picks the choice whose key equals
the text, or the only one that contains it. Otherwise the field returns to the current choice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole


def fold(text: str) -> str:
    """Fold case, width and spacing: 'Guang Dong', 'ＧＵＡＮＧＤＯＮＧ' and 'guangdong' match."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_·'")


@dataclass(frozen=True)
class Choice:
    value: str  # what the program stores, e.g. the province code "44"
    label: str  # what the list shows, in the UI language
    keys: tuple[str, ...] = ()  # what people may type besides the label
    tooltip: str = ""


class _KeyCompleter(QCompleter):
    """Matches on the search keys but writes the label, not the keys, into the field."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]


class SearchableCombo(QComboBox):
    """Signals:
    chosen(str): the value of the newly chosen item ("" when none).
    """

    chosen = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        completer = _KeyCompleter(self._model, self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._choices: list[Choice] = []
        self._silent = False
        self.set_placeholder(placeholder)
        self.currentIndexChanged.connect(self._index_changed)
        line_edit = self.lineEdit()
        assert line_edit is not None
        line_edit.editingFinished.connect(self.commit_text)

    def set_placeholder(self, text: str) -> None:
        line_edit = self.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(text)

    def set_choices(self, choices: Iterable[Choice]) -> None:
        """Replace the items, keeping the current value when it is still offered."""
        current = self.value()
        self._choices = list(choices)
        self._silent = True
        try:
            self._model.clear()
            for choice in self._choices:
                item = QStandardItem(choice.label)
                item.setData(choice.value, VALUE_ROLE)
                keys = (choice.label, choice.value, *choice.keys)
                item.setData("|".join(fold(k) for k in keys), SEARCH_ROLE)
                if choice.tooltip:
                    item.setToolTip(choice.tooltip)
                self._model.appendRow(item)
            self._select(current)
        finally:
            self._silent = False

    def choices(self) -> Sequence[Choice]:
        return tuple(self._choices)

    def value(self) -> str:
        index = self.currentIndex()
        if index < 0 or index >= len(self._choices):
            return ""
        return self._choices[index].value

    def set_value(self, value: str) -> None:
        """Select without emitting `chosen` (loading from the case is not an edit)."""
        self._silent = True
        try:
            self._select(value)
        finally:
            self._silent = False

    def _select(self, value: str) -> None:
        index = next((i for i, c in enumerate(self._choices) if c.value == value), -1)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def matches(self, text: str) -> list[Choice]:
        """Choices a typed text stands for: exact key matches, else those containing it."""
        wanted = fold(text)
        if not wanted:
            return []
        exact = [c for c in self._choices if wanted in self._keys(c)]
        if exact:
            return exact
        return [c for c in self._choices if any(wanted in key for key in self._keys(c))]

    @staticmethod
    def _keys(choice: Choice) -> set[str]:
        return {fold(k) for k in (choice.label, choice.value, *choice.keys)}

    def commit_text(self) -> None:
        """Turn what was typed into a choice, or restore the field to the current one."""
        text = self.currentText()
        current = self.currentIndex()
        if current >= 0 and text == self._choices[current].label:
            return
        found = self.matches(text)
        if len(found) == 1:
            index = self._choices.index(found[0])
            if index != current:
                self.setCurrentIndex(index)
            else:
                self.setEditText(found[0].label)
            return
        self.setEditText(self._choices[current].label if current >= 0 else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter picks what was typed; it must not also reach the wizard and press Next.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_text()
            event.accept()
            return
        super().keyPressEvent(event)

    def _index_changed(self, _index: int) -> None:
        if not self._silent:
            self.chosen.emit(self.value())
