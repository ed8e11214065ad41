"""The common shape of every identity check's result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from enum import Enum

from beian_desktop.core.findings import Finding, sort_findings
from beian_desktop.core.text import Text

_BASE_FIELDS = ("raw", "value", "findings")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What a check says about one value. Checks never raise on bad input: they say so here."""

    raw: str  # as typed
    value: str  # normalised (cleaned) form; what the app would store after the user's fixes
    findings: tuple[Finding, ...]

    @property
    def valid(self) -> bool:
        """The value as typed can be submitted (warnings may remain)."""
        return not any(f.blocking for f in self.findings)

    @property
    def fixable(self) -> bool:
        """Every blocking finding offers a fix: applying them gives a value that can be used."""
        return all(f.fix is not None and f.fix.value for f in self.findings if f.blocking)

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def has(self, code: str) -> bool:
        return code in self.codes()

    def facts(self) -> dict[str, object]:
        """What the check decoded from the value (subclasses' own fields), JSON-ready."""
        return {
            f.name: _plain(getattr(self, f.name))
            for f in fields(self)
            if f.name not in _BASE_FIELDS
        }

    def to_dict(self) -> dict[str, object]:
        return {
            "raw": self.raw,
            "value": self.value,
            "valid": self.valid,
            "fixable": self.fixable,
            "facts": self.facts(),
            "findings": [f.to_dict() for f in sort_findings(list(self.findings))],
        }


def _plain(value: object) -> object:
    if isinstance(value, Text):
        return value.to_dict()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
