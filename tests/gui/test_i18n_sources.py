"""What lupdate cannot see is never translated: a `self.tr(...)` or `translate(...)` inside an
f-string is invisible to it (and so to test_every_ui_string_has_an_english_translation)."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[2] / "beian_desktop" / "gui"
CALLS = ("tr(", "translate(")


def _f_strings(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
    return [
        (token.start[0], token.string)
        for token in tokens
        if token.type == tokenize.STRING and token.string.lstrip("rbRB")[:1] in "fF"
    ]


@pytest.mark.parametrize("path", sorted(GUI.rglob("*.py")), ids=lambda p: p.name)
def test_no_translated_text_hides_in_an_f_string(path: Path) -> None:
    hidden = [
        f"{path.name}:{line}" for line, text in _f_strings(path) if any(c in text for c in CALLS)
    ]
    assert not hidden, f"lupdate cannot see these tr()/translate() calls: {hidden}"
