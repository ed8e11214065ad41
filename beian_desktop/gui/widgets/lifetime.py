"""Removing widgets that are rebuilt (finding cards, website rows, messages)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def discard(widget: QWidget, layout: QLayout | None = None) -> None:
    """Take `widget` out of `layout` and out of sight now; delete it when control returns to
    the event loop. Never at once: it may be the sender of the signal being handled (a row's
    own remove button), and deleting it there would pull the object from under Qt."""
    if layout is not None:
        layout.removeWidget(widget)
    widget.hide()
    widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    """Discard every widget in `layout`."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            discard(widget)
