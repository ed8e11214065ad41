"""Message catalogues: each check keeps its findings' codes, severities and texts in one table.

A check names a code and the values to fill in; the table decides how serious it is and what it
says. That keeps the wording in one place per check and the check functions short.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from beian_desktop.core.findings import Finding, Fix, Severity, SourceRef
from beian_desktop.core.text import Text


@dataclass(frozen=True, slots=True)
class Message:
    severity: Severity
    text: Text  # str.format template over the values the check passes


Catalogue = Mapping[str, Message]


def blocking(zh: str, en: str) -> Message:
    return Message(Severity.BLOCKING, Text(zh, en))


def warning(zh: str, en: str) -> Message:
    return Message(Severity.WARNING, Text(zh, en))


def info(zh: str, en: str) -> Message:
    return Message(Severity.INFO, Text(zh, en))


def emit(
    catalogue: Catalogue,
    key: str,
    concerns: str,
    *,
    as_code: str | None = None,
    fix: Fix | None = None,
    sources: tuple[SourceRef, ...] = (),
    severity: Severity | None = None,
    extra: dict[str, object] | None = None,
    values: Mapping[str, object] | None = None,
    **more: Any,
) -> Finding:
    """The finding `key` of `catalogue` (reported as `as_code` when given), its message filled
    with `values` and the further keywords `more`."""
    message = catalogue[key]
    return Finding(
        code=as_code or key,
        severity=severity or message.severity,
        message=message.text.format(**{**(values or {}), **more}),
        concerns=concerns,
        fix=fix,
        sources=sources,
        extra=extra or {},
    )


def join_zh(items: list[str] | tuple[str, ...]) -> str:
    return "、".join(items)


def join_en(items: list[str] | tuple[str, ...]) -> str:
    return ", ".join(items)
