"""Verify any PDF against PDF/A-2b or 1b: pikepdf's validator plus checks of the raw bytes.

pikepdf.pdfa reports veraPDF rule ids but trusts qpdf for the byte syntax (reference/pdfa.md
§1, rules marked W); a file written by anything else needs those checked too: the header, the
binary comment after it, and nothing after the last %%EOF but one end-of-line.
"""

from __future__ import annotations

import mmap
import re
from pathlib import Path

from pikepdf import pdfa

from beian_desktop.core.errors import NotPdf
from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.inspect import FileKind, Limits, sniff
from beian_desktop.core.pdfa.model import check_flavour
from beian_desktop.core.text import Text

_HEADER = {
    "1b": re.compile(rb"%PDF-1\.\d(\r\n|\r|\n)"),
    "2b": re.compile(rb"%PDF-1\.[0-7](\r\n|\r|\n)"),
}
_FIRST_LINE = re.compile(rb"[^\r\n]*(\r\n|\r|\n)")
_COMMENT = re.compile(rb"%([^\r\n]*)")
_EOLS = (b"", b"\n", b"\r\n", b"\r")
_PART = {"1b": "ISO_19005_1", "2b": "ISO_19005_2"}

# Subject areas of the clauses (ISO 19005-1 and -2 number them differently), longest first.
_AREAS = {
    "1b": [
        ("6.1", Text("文件结构", "file structure")),
        ("6.2", Text("图形与颜色", "graphics and colour")),
        ("6.3", Text("字体", "fonts")),
        ("6.4", Text("透明度", "transparency")),
        ("6.5", Text("注释", "annotations")),
        ("6.6", Text("动作", "actions")),
        ("6.7", Text("元数据", "metadata")),
        ("6.8", Text("逻辑结构", "logical structure")),
        ("6.9", Text("交互式表单", "interactive forms")),
    ],
    "2b": [
        ("6.2.11", Text("字体", "fonts")),
        ("6.1", Text("文件结构", "file structure")),
        ("6.2", Text("图形与颜色", "graphics and colour")),
        ("6.3", Text("注释", "annotations")),
        ("6.4", Text("交互式表单", "interactive forms")),
        ("6.5", Text("动作", "actions")),
        ("6.6", Text("元数据", "metadata")),
        ("6.7", Text("逻辑结构", "logical structure")),
        ("6.8", Text("嵌入文件", "embedded files")),
        ("6.9", Text("可选内容", "optional content")),
        ("6.10", Text("替代显示", "alternate presentations")),
        ("6.11", Text("文档要求", "document requirements")),
    ],
}
_UNCHECKED = Text("验证器不支持的结构", "a construct the validator does not check")


def _area(rule: str, flavour: str) -> Text:
    clause = rule.partition(":")[2].partition("-")[0].split(".")
    for prefix, area in _AREAS[flavour]:
        if clause[: prefix.count(".") + 1] == prefix.split("."):
            return area
    return _UNCHECKED


def _rule_finding(finding: pdfa.Finding, flavour: str) -> Finding:
    name = f"PDF/A-{flavour.upper()}"
    where = f" [{finding.where}]" if finding.where else ""
    if finding.kind == "violation":
        area = _area(finding.rule, flavour)
        message = Text(
            f"不符合 {name}（{area.zh}）：规则 {finding.rule} — {finding.message}{where}",
            f"Not {name} ({area.en}): rule {finding.rule} — {finding.message}{where}",
        )
        severity = Severity.BLOCKING
    else:
        message = Text(
            f"未能确认符合 {name}（{_UNCHECKED.zh}）：{finding.rule} — {finding.message}{where}",
            f"{name} not confirmed ({_UNCHECKED.en}): {finding.rule} — {finding.message}{where}",
        )
        severity = Severity.WARNING
    return Finding("pdfa.rule", severity, message, rule_id=finding.rule)


def _byte_finding(flavour: str, rule: str, zh: str, en: str) -> Finding:
    rule_id = f"{_PART[flavour]}:{rule}"
    message = Text(
        f"不符合 PDF/A（文件结构）：规则 {rule_id} — {zh}", f"Not PDF/A: rule {rule_id} — {en}"
    )
    return Finding("pdfa.bytes", Severity.BLOCKING, message, rule_id=rule_id)


def byte_problems(path: Path, flavour: str) -> list[Finding]:
    """The byte-level rules pikepdf leaves to the writer: header, binary comment, end of file."""
    flavour = check_flavour(flavour)
    problems = []
    with path.open("rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
        header = _HEADER[flavour].match(data, 0)
        if header is None:
            problems.append(
                _byte_finding(
                    flavour,
                    "6.1.2-1",
                    "文件不以 %PDF-1.n 开头。",
                    "the file does not start with %PDF-1.n.",
                )
            )
        first_line = header or _FIRST_LINE.match(data, 0)
        comment = _COMMENT.match(data, first_line.end()) if first_line else None
        if comment is None or sum(byte > 127 for byte in comment[1][:64]) < 4:
            problems.append(
                _byte_finding(
                    flavour,
                    "6.1.2-2",
                    "文件头后缺少含至少 4 个二进制字节的注释行。",
                    "the header is not followed by a comment of at least 4 binary bytes.",
                )
            )
        last = data.rfind(b"%%EOF")
        if last < 0 or data[last + 5 :] not in _EOLS:
            problems.append(
                _byte_finding(
                    flavour,
                    "6.1.3-3",
                    "最后的 %%EOF 之后还有数据。",
                    "there is data after the last %%EOF.",
                )
            )
    return problems


def verify(pdf: Path, flavour: str = "2b", *, limits: Limits | None = None) -> list[Finding]:
    """Findings that keep `pdf` from being PDF/A-`flavour`; an empty list means it passes.

    Violations are blocking; constructs pikepdf's validator does not check are warnings (the
    file is not confirmed). Raises `NotPdf` for other content, `InputFileError`s when the file
    cannot be read.
    """
    flavour = check_flavour(flavour)
    sniffed = sniff(pdf)
    (limits or Limits()).check_bytes(sniffed.size)
    if sniffed.kind is not FileKind.PDF:
        raise NotPdf(sniffed.kind.label if sniffed.kind is not FileKind.UNKNOWN else "")
    findings = byte_problems(pdf, flavour)
    report = pdfa.validate_written(pdf, flavour)
    findings += [_rule_finding(finding, flavour) for finding in report.findings]
    return findings
