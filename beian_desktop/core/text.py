"""Bilingual user-facing text. Every message the core produces for people carries both languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Lang = Literal["zh", "en"]


@dataclass(frozen=True, slots=True)
class Text:
    """One message in Simplified Chinese (primary) and English."""

    zh: str
    en: str

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def format(self, **values: Any) -> Text:
        return Text(self.zh.format(**values), self.en.format(**values))

    def __add__(self, other: Text) -> Text:
        return Text(self.zh + other.zh, self.en + " " + other.en)

    def to_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}

    def __str__(self) -> str:
        return self.zh
