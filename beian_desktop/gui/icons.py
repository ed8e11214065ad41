"""The app's SVG icons (resources/icons), sharp at any scale factor."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QWidget

from beian_desktop.core.resources import resource_path

NAMES = (
    "app",
    "ok",
    "warning",
    "blocking",
    "info",
    "add",
    "remove",
    "open",
    "new",
    "import",
    "language",
    "fix",
    "add-file",
    "folder",
    "export",
    "copy",
    "cancel",
    "check",
)


@cache
def icon(name: str) -> QIcon:
    """An icon by name (see NAMES); SVG, so Qt renders it for the screen's pixel ratio."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def pixmap(name: str, size: int, widget: QWidget | None = None) -> QPixmap:
    """A pixmap for a QLabel, rendered at the widget's device pixel ratio."""
    ratio = widget.devicePixelRatioF() if widget is not None else 1.0
    return _rendered(name, size, ratio)


@cache
def _rendered(name: str, size: int, ratio: float) -> QPixmap:
    # Rendering an SVG takes about a millisecond; status lines ask for the same few often.
    return icon(name).pixmap(QSize(size, size), ratio)
