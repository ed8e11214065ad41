"""The materials page's list of files that could not be added, and why (dismissable)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from beian_desktop.gui.i18n import labelled

if TYPE_CHECKING:
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.intake import Expanded

EXAMPLES = 3  # unsupported files named in the message; the rest are counted


@dataclass
class Problem:
    key: str
    kind: str  # blocking | warning | info
    render: Callable[[str], str]  # UI language -> text, so a language switch re-renders it


class Problems(QObject):
    """A QObject only to translate (lupdate finds plurals in `self.tr` calls alone)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Problem] = []
        self._numbers = itertools.count(1)

    def _add(self, prefix: str, kind: str, render: Callable[[str], str]) -> None:
        self._items.append(Problem(f"{prefix}:{next(self._numbers)}", kind, render))

    def add_refused(self, name: str, error: BeianError) -> None:
        def render(lang: str) -> str:
            text = labelled(name, error.message.get(lang))
            if error.hint is not None:
                text += ("" if lang == "zh" else " ") + labelled(
                    self.tr("怎么办"), error.hint.get(lang)
                )
            return text

        self._add("refused", "blocking", render)

    def add_duplicate(self, name: str, holder: str) -> None:
        def render(_lang: str) -> str:
            text = self.tr("%1 与“%2”中的文件内容相同，没有重复添加。")
            return text.replace("%1", name).replace("%2", holder)

        self._add("duplicate", "info", render)

    def add_skipped(self, found: Expanded) -> None:
        names = "、".join(p.name for p in found.unsupported[:EXAMPLES])
        unsupported, over = len(found.unsupported), found.over_limit

        def render(lang: str) -> str:
            from beian_desktop.core.intake import MAX_FILES

            parts = []
            if unsupported:
                parts.append(
                    self.tr(
                        "文件夹中有 %n 个文件不是扫描件或照片，已跳过（如 %1）。",
                        "",
                        unsupported,
                    ).replace("%1", names)
                    + self.tr("可用的格式：JPG、PNG、TIFF、PDF、HEIC、WebP、BMP。")
                )
            if over:
                parts.append(
                    self.tr("一次最多加入 %1 个文件，另有 %n 个未加入。", "", over).replace(
                        "%1", str(MAX_FILES)
                    )
                )
            return ("" if lang == "zh" else " ").join(parts)

        self._add("skipped", "warning", render)

    def dismiss(self, key: str) -> None:
        self._items = [p for p in self._items if p.key != key]

    def clear(self) -> None:
        self._items.clear()

    def shown(self, lang: str) -> list[tuple[str, str, str]]:
        return [(p.key, p.kind, p.render(lang)) for p in self._items]
