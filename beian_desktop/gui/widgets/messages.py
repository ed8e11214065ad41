"""A line of feedback: a severity icon next to word-wrapped text in the severity's colour."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from beian_desktop.gui.i18n import labelled
from beian_desktop.gui.icons import pixmap
from beian_desktop.gui.widgets import severity as sev
from beian_desktop.gui.widgets.lifetime import clear_layout

ICON_SIZE = 16


def escaped(text: str) -> str:
    """Plain text for a rich-text label, as html.escape() makes it between tags. Not html
    itself: importing it loads its 2,000 named entities, before the first paint."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def set_by_name(target: QObject, name: str, keys: str) -> None:
    """Set the enum or flags property `name` by the names of its values ("AlignTop",
    "AlignLeft|AlignTop"), as a .ui file does. For widgets built before the first paint: naming
    the value as `Qt.AlignmentFlag.AlignTop` would first build the Python types of all the
    enums in PySide6's Qt namespace (some 15 ms; gui/wizard.py, "Start-up")."""
    if not target.setProperty(name, keys):
        raise ValueError(f"{type(target).__name__}.{name} cannot be set to {keys!r}")


def rich_label(text: str) -> QLabel:
    """Wrapped rich text the user can select and copy (a finding's message)."""
    from PySide6.QtCore import Qt  # not at import: the Qt namespace costs start-up time

    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def dim(label: QLabel) -> None:
    """Secondary text (explanations under an option) in the palette's quieter colour."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)


class MessageLine(QWidget):
    """One message: icon + text. `kind` is blocking / warning / info / ok."""

    def __init__(self, kind: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.icon = QLabel()
        set_by_name(self.icon, "alignment", "AlignTop")
        self.icon.setFixedWidth(ICON_SIZE + 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        set_by_name(self.label, "textInteractionFlags", "TextSelectableByMouse")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self.set_kind(kind)
        self.set_text(text)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.icon.setPixmap(pixmap(sev.icon_name(kind), ICON_SIZE, self))

    def set_text(self, text: str) -> None:
        self.label.setText(f'<span style="color:{sev.colour(self.kind)}">{escaped(text)}</span>')
        self.setAccessibleName(labelled(sev.severity_word(self.kind), text))

    def text(self) -> str:
        return self.accessibleName()


class MessageStack(QWidget):
    """Several MessageLines, rebuilt when the messages change (not on every keystroke)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._shown: list[tuple[str, str]] = []
        self.hide()

    def set_messages(self, messages: list[tuple[str, str]]) -> None:
        """(kind, text) pairs; an empty list hides the stack."""
        if messages == self._shown:
            return
        self._shown = list(messages)
        clear_layout(self._layout)
        for kind, text in messages:
            self._layout.addWidget(MessageLine(kind, text))
        self.setVisible(bool(messages))

    def messages(self) -> list[tuple[str, str]]:
        return list(self._shown)
