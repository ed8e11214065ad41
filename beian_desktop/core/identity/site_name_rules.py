"""The website-name rules as data: the `[site_names]` table of the rule pack (site_names.toml).

The word lists and the per-province personal-site pattern change with the bureaus' practice, so
they live in the pack (schema: rulepack.schema.json `$defs.site_names`), not in code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from beian_desktop.core.errors import RulePackError
from beian_desktop.core.findings import SourceRef, parse_citation
from beian_desktop.core.text import Text

DEFAULT_MIN_HAN = 3
_WORD_LISTS = (
    "state_words",
    "sensitive_words",
    "personal_banned",
    "personal_banned_low",
    "preapproval_words",
    "foreign_words",
)


@dataclass(frozen=True, slots=True)
class PersonalPattern:
    """The only name form a province allows individuals (Jiangsu: XX的个人博客 / XX的个人主页)."""

    province: str
    regex: re.Pattern[str]
    example: Text
    sources: tuple[SourceRef, ...]

    def free_part(self, name: str) -> str | None:
        """The part the person chose (the group named `name`), '' if the pattern has none;
        None when the name does not follow the pattern."""
        match = self.regex.fullmatch(name)
        if match is None:
            return None
        return match.groupdict().get("name") or ""


@dataclass(frozen=True, slots=True)
class SiteNameRules:
    min_han: int = DEFAULT_MIN_HAN
    state_words: tuple[str, ...] = ()  # banned for units that are not state organs
    sensitive_words: tuple[str, ...] = ()  # banned for everyone
    personal_banned: tuple[str, ...] = ()  # banned in personal sites' names
    personal_banned_low: tuple[str, ...] = ()  # reported banned by a low-confidence source
    preapproval_words: tuple[str, ...] = ()  # suggest content that needs 前置审批
    foreign_words: tuple[str, ...] = ()  # foreign countries / international bodies: may mislead
    personal_patterns: tuple[PersonalPattern, ...] = ()
    sources: tuple[SourceRef, ...] = ()

    @classmethod
    def from_table(
        cls,
        table: Mapping[str, Any],
        *,
        sources: Mapping[str, SourceRef] | None = None,
        file: str = "site_names.toml",
    ) -> SiteNameRules:
        """Build from the `[site_names]` table (already schema-valid). With `sources` (the
        pack's source table) citations are resolved and an unknown key is a RulePackError."""
        if isinstance(table.get("site_names"), Mapping):
            table = table["site_names"]
        words = {name: tuple(table.get(name, ())) for name in _WORD_LISTS}
        patterns = tuple(
            _pattern(raw, index, sources, file)
            for index, raw in enumerate(table.get("personal_pattern", ()))
        )
        return cls(
            min_han=int(table.get("min_han", DEFAULT_MIN_HAN)),
            personal_patterns=patterns,
            sources=parse_citation(
                table.get("source", ""), sources, file=file, key="site_names.source"
            ),
            **words,
        )

    def pattern_for(self, province: str | None) -> PersonalPattern | None:
        return next((p for p in self.personal_patterns if p.province == province), None)


def _pattern(
    raw: Mapping[str, Any], index: int, sources: Mapping[str, SourceRef] | None, file: str
) -> PersonalPattern:
    key = f"site_names.personal_pattern[{index}]"
    try:
        regex = re.compile(raw["regex"])
    except re.error as error:
        raise RulePackError(file, f"{key}.regex", f"not a valid regular expression: {error}") from (
            None
        )
    example = raw["example"]
    return PersonalPattern(
        province=raw["province"],
        regex=regex,
        example=Text(example["zh"], example["en"]),
        sources=parse_citation(raw["source"], sources, file=file, key=f"{key}.source"),
    )
