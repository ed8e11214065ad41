"""Printing for the CLI: readable bilingual text, or JSON for scripts."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from beian_desktop.core.errors import BeianError
from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.text import Text

_SEVERITY_LABEL = {
    Severity.BLOCKING: Text("阻断", "BLOCKING"),
    Severity.WARNING: Text("警告", "WARNING"),
    Severity.INFO: Text("提示", "INFO"),
}


@dataclass
class Output:
    lang: str = "zh"
    json_mode: bool = False

    def t(self, text: Text) -> str:
        return text.get(self.lang)

    def line(self, text: str = "") -> None:
        print(text)

    def json(self, payload: Any) -> None:
        print(json.dumps(payload, ensure_ascii=False, indent=2))

    def error(self, error: BeianError) -> None:
        if self.json_mode:
            self.json({"error": error.to_dict()})
        else:
            print(error.user_message(self.lang), file=sys.stderr)

    def finding(self, finding: Finding, indent: str = "") -> None:
        label = self.t(_SEVERITY_LABEL[finding.severity])
        self.line(f"{indent}[{label}] {self.t(finding.message)}")
        if finding.fix is not None:
            value = f" {finding.fix.value}" if finding.fix.value else ""
            self.line(f"{indent}    → {self.t(finding.fix.label)}{value}")
        if finding.rule_id:
            self.line(f"{indent}    {self.t(Text('规则', 'rule'))}: {finding.rule_id}")
        for source in finding.sources:
            self.line(f"{indent}    {self.t(Text('来源', 'source'))}: {source.label(self.lang)}")
        if finding.disputed and finding.other_view is not None:
            self.line(
                f"{indent}    {self.t(Text('另一来源称', 'another source says'))}: "
                f"{self.t(finding.other_view)}"
            )
