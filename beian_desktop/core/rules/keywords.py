"""Industry keywords: which content categories a subject or website name hints at.

A hit is a hint, not a verdict: the user either picks the industry (and needs its licence) or
confirms it does not apply (and, as an organisation, signs the 不涉及前置审批 commitment).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from beian_desktop.core.rules.pack import RulePack


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def keyword_hits(pack: RulePack, text: str) -> dict[str, list[str]]:
    """Industry id -> the keywords of that industry found in `text`."""
    folded = _fold(text)
    hits: dict[str, list[str]] = {}
    for industry in pack.industries.values():
        found = [k for k in industry.keywords if _fold(k) in folded]
        if found:
            hits[industry.id] = found
    return hits


def keyword_industries(pack: RulePack, texts: Iterable[str]) -> tuple[str, ...]:
    """Industry ids hinted at by any of the texts, in the pack's order."""
    found: set[str] = set()
    for text in texts:
        found.update(keyword_hits(pack, text))
    return tuple(i for i in pack.industries if i in found)
