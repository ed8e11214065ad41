"""Typed errors. Each carries a stable code, a bilingual message and what to do next.

Core code raises these; the CLI and the GUI turn them into a message at one boundary and
never show a traceback (the log keeps it).
"""

from __future__ import annotations

from beian_desktop.core.text import Text


class BeianError(Exception):
    """Base of every error a user may see."""

    code = "error"

    def __init__(self, message: Text, hint: Text | None = None, *, detail: str = "") -> None:
        super().__init__(message.en)
        self.message = message
        self.hint = hint
        self.detail = detail  # technical detail for logs and "copy details", never personal data

    def user_message(self, lang: str = "zh") -> str:
        text = self.message.get(lang)
        if self.hint is not None:
            text += "\n→ " + self.hint.get(lang)
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message.to_dict(),
            "hint": self.hint.to_dict() if self.hint else None,
            "detail": self.detail,
        }


class RulePackError(BeianError):
    """A broken rule pack (built-in or user-supplied): names the file, the key and the problem."""

    code = "rule-pack"

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file, self.key, self.problem = file, key, problem
        super().__init__(
            Text(
                f"规则包有误：{file}，键 {key}：{problem}",
                f"Rule pack error: {file}, key {key}: {problem}",
            ),
            Text(
                "请恢复内置规则包或改正该文件后重试。",
                "Restore the built-in rule pack or correct that file, then try again.",
            ),
        )

    def one_line(self) -> str:
        return f"{self.file}: {self.key}: {self.problem}"


class UnknownValue(BeianError):
    """A name the user typed (province, subject type, filing type, …) matches nothing known."""

    code = "unknown-value"

    def __init__(self, what: Text, value: str, accepted: list[str]) -> None:
        self.what, self.value, self.accepted = what, value, accepted
        shown = "、".join(accepted)
        super().__init__(
            Text(f"未知的{what.zh}：“{value}”", f"Unknown {what.en}: '{value}'"),
            Text(f"可选：{shown}", f"Accepted: {', '.join(accepted)}"),
        )
