"""Cleaning numbers people type or paste: ID numbers, 统一社会信用代码, phone numbers.

Numbers arrive from Word, WeChat and PDFs with full-width digits, spaces, hyphens, dots and
invisible characters. The bureau refuses them as typed (the seed article names ID numbers with
spaces or symbols as a top rejection cause), so each kind of stray character becomes its own
finding, and every one of them offers the same, fully cleaned value.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from beian_desktop.core.findings import Finding, Fix
from beian_desktop.core.identity.catalogue import Catalogue, blocking, emit, join_en, join_zh
from beian_desktop.core.identity.catalogue import warning as warn
from beian_desktop.core.text import Text


class Stray(StrEnum):
    """A kind of character that does not belong in a number; the value is the finding's suffix."""

    INVISIBLE = "invisible"  # zero-width spaces, direction marks: pasted along, never seen
    FULLWIDTH = "fullwidth"  # １２３Ｘ typed with a Chinese input method
    WHITESPACE = "whitespace"  # spaces inside the number
    EDGE_SPACE = "edge-space"  # spaces before or after it
    SYMBOL = "symbol"  # - . / ( ) · and anything else that is not part of the number
    LOWERCASE = "lowercase"  # x instead of X


@dataclass(frozen=True, slots=True)
class Cleaned:
    raw: str
    value: str
    strays: tuple[tuple[Stray, tuple[str, ...]], ...]  # kind -> offending characters, in order

    @property
    def changed(self) -> bool:
        return bool(self.strays)

    def characters(self, kind: Stray) -> tuple[str, ...]:
        return next((chars for k, chars in self.strays if k is kind), ())


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_blank(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf" or unicodedata.normalize("NFKC", ch).isspace()


def clean_code(
    raw: str, keep: Callable[[str], bool] = _is_ascii_alnum, *, upper: bool = True
) -> Cleaned:
    """Fold full-width forms, drop spaces, symbols and invisible characters, upper-case letters.

    `keep` says which (already folded) characters belong to the value.
    """
    meaningful = [i for i, ch in enumerate(raw) if not _is_blank(ch)]
    first, last = (meaningful[0], meaningful[-1]) if meaningful else (len(raw), -1)
    found: dict[Stray, list[str]] = {}
    out: list[str] = []

    def note(kind: Stray, ch: str) -> None:
        seen = found.setdefault(kind, [])
        if ch not in seen:
            seen.append(ch)

    for index, ch in enumerate(raw):
        if unicodedata.category(ch) == "Cf":
            note(Stray.INVISIBLE, ch)
            continue
        folded = unicodedata.normalize("NFKC", ch)
        for part in folded:
            if part.isspace():
                note(Stray.WHITESPACE if first < index < last else Stray.EDGE_SPACE, ch)
            elif not keep(part):
                note(Stray.SYMBOL, ch)
            else:
                if folded != ch:
                    note(Stray.FULLWIDTH, ch)
                if upper and part.islower():
                    note(Stray.LOWERCASE, part)
                out.append(part.upper() if upper else part)
    strays = tuple((kind, tuple(found[kind])) for kind in Stray if kind in found)
    return Cleaned(raw=raw, value="".join(out), strays=strays)


MAX_SHOWN = 6


def show_characters(kind: Stray, chars: Iterable[str]) -> str:
    """Characters as a person can recognise them in a message; invisible ones by code point."""
    if kind is Stray.INVISIBLE:
        return " ".join(f"U+{ord(ch):04X}" for ch in chars)
    names = {" ": "空格/space", "\u3000": "全角空格/full-width space", "\t": "Tab"}
    shown = list(chars)
    more = "…" if len(shown) > MAX_SHOWN else ""
    return "".join(names.get(ch, f"「{ch}」") for ch in shown[:MAX_SHOWN]) + more


STRAY_MESSAGES: Catalogue = {
    Stray.INVISIBLE: blocking(
        "{what}中夹有看不见的字符（{chars}），多为复制粘贴带入，系统会判为号码有误。",
        "The {what_en} contains invisible characters ({chars}), usually pasted along; "
        "the system treats the number as wrong.",
    ),
    Stray.FULLWIDTH: blocking(
        "{what}中有全角字符 {chars}，须用半角（英文输入法）数字和字母。",
        "The {what_en} contains full-width characters {chars}; use half-width digits and letters.",
    ),
    Stray.WHITESPACE: blocking(
        "{what}中间有空格，号码中不得有空格（常见退回原因）。",
        "The {what_en} has spaces inside it; it must contain none (a common reason for rejection).",
    ),
    Stray.EDGE_SPACE: warn(
        "{what}前后有空格，提交前应删除。",
        "The {what_en} has spaces before or after it; remove them before submitting.",
    ),
    Stray.SYMBOL: blocking(
        "{what}中有多余的符号 {chars}，号码只能由数字和字母组成（常见退回原因）。",
        "The {what_en} contains extra symbols {chars}; it may only contain digits and "
        "letters (a common reason for rejection).",
    ),
    Stray.LOWERCASE: warn(
        "{what}中的字母应大写（{chars} → {upper}）。",
        "Letters in the {what_en} should be upper case ({chars} → {upper}).",
    ),
}

CLEAN_FIX_LABEL = Text("改为规范写法", "use the cleaned value")


def stray_findings(
    cleaned: Cleaned,
    *,
    prefix: str,
    concerns: str,
    what: Text,
    fix_kind: str,
    value: str | None = None,
) -> list[Finding]:
    """One finding per kind of stray character, each offering the fully cleaned value
    (`value` when the caller cleaned further, e.g. letters that stood for digits)."""
    offered = value or cleaned.value
    if not offered:
        return []
    fix = Fix(kind=fix_kind, label=CLEAN_FIX_LABEL, value=offered)
    return [
        emit(
            STRAY_MESSAGES,
            kind,
            concerns,
            as_code=f"{prefix}.{kind.value}",
            fix=fix,
            what=what.zh,
            what_en=what.en,
            chars=show_characters(kind, chars),
            upper="".join(chars).upper(),
        )
        for kind, chars in cleaned.strays
    ]


def repair_lookalikes(
    value: str, table: Mapping[str, str], accept: Callable[[str], bool]
) -> str | None:
    """Replace letters that look like digits (O→0, I→1 …) and keep the result only if `accept`
    passes it: a checksum that then holds is strong evidence the guess is right."""
    candidate = "".join(table.get(ch, ch) for ch in value)
    if candidate != value and accept(candidate):
        return candidate
    return None


__all__ = [
    "CLEAN_FIX_LABEL",
    "Cleaned",
    "Stray",
    "clean_code",
    "join_en",
    "join_zh",
    "repair_lookalikes",
    "show_characters",
    "stray_findings",
]
