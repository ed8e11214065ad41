"""`beian-desktop verify FILE...`: is each PDF valid PDF/A, is each PACKAGE.zip sound?

A PDF without --flavour is checked against the flavour it claims (1b or 2b; anything else: 2b).
A package is checked entry by entry: names, manifest hashes, every PDF/A, every upload JPG
against its profile. Files are dispatched on their content. Exit 1 when anything fails or
cannot be read.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.core.bundle.check import check_package
from beian_desktop.core.errors import BeianError, NotPdf
from beian_desktop.core.findings import Finding, sort_findings
from beian_desktop.core.inspect import FileKind, open_pdf, sniff
from beian_desktop.core.pdfa import FLAVOURS, verify
from beian_desktop.core.rules import RulePack, load_pack
from beian_desktop.core.text import Text

_PASSES = Text("通过", "passes")
_FAILS = Text("不通过", "fails")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "verify",
        help="校验 PDF/A 或材料包 / verify PDF/A files or a package",
        description="按 PDF/A-2b（或 1b）规则校验 PDF（列出 veraPDF 规则编号），"
        "或校验材料包 zip 的文件名、清单哈希、存档 PDF/A 与上传 JPG。"
        " / Check PDFs against PDF/A-2b (or 1b) with veraPDF rule ids, or a package zip: "
        "names, manifest hashes, archive PDF/As and upload JPGs.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="PDF or zip files")
    parser.add_argument(
        "--flavour", choices=FLAVOURS, help="PDF/A 版本 (default: what the file claims, else 2b)"
    )
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.set_defaults(func=run)


@dataclass
class Verdict:
    path: Path
    kind: str  # what was checked: "pdf" (later also "package")
    flavour: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: BeianError | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and not self.findings

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "kind": self.kind,
            "flavour": self.flavour,
            "passed": self.passed,
            "findings": [finding.to_dict() for finding in sort_findings(self.findings)],
            "error": self.error.to_dict() if self.error else None,
        }


def _claimed_flavour(path: Path) -> str:
    with open_pdf(path) as document:
        claimed = document.facts.claimed_pdfa.lower()
    return claimed if claimed in FLAVOURS else "2b"


def _verify_pdf(path: Path, flavour: str | None, pack: RulePack) -> Verdict:
    chosen = flavour or _claimed_flavour(path)
    return Verdict(path, "pdf", chosen, verify(path, chosen))


def _verify_package(path: Path, flavour: str | None, pack: RulePack) -> Verdict:
    """A package's PDFs are checked against the flavour its manifest records."""
    return Verdict(path, "package", None, check_package(path, pack, verify))


_ZIP_MAGIC = b"PK\x03\x04"


def content_kind(path: Path) -> str:
    """What decides the verifier: "pdf", "zip", or the name of another format."""
    sniffed = sniff(path)
    if sniffed.kind is FileKind.PDF:
        return "pdf"
    with path.open("rb") as stream:
        if stream.read(len(_ZIP_MAGIC)) == _ZIP_MAGIC:
            return "zip"
    return sniffed.kind.label if sniffed.kind is not FileKind.UNKNOWN else ""


# One verifier per kind of content.
_VERIFIERS: dict[str, Callable[[Path, str | None, RulePack], Verdict]] = {
    "pdf": _verify_pdf,
    "zip": _verify_package,
}


def verify_file(path: Path, flavour: str | None, pack: RulePack) -> Verdict:
    """Check one file with the verifier for its content; unreadable files give an error."""
    try:
        kind = content_kind(path)
        verifier = _VERIFIERS.get(kind)
        if verifier is None:
            raise NotPdf(kind)
        return verifier(path, flavour, pack)
    except BeianError as error:
        return Verdict(path, "unknown", flavour, error=error)


def run(args: argparse.Namespace, out: Output) -> int:
    pack = load_pack(Path(args.rules) if args.rules else None)
    verdicts = [verify_file(path, args.flavour, pack) for path in args.files]
    if out.json_mode:
        out.json(
            {"passed": all(v.passed for v in verdicts), "files": [v.to_dict() for v in verdicts]}
        )
    else:
        for verdict in verdicts:
            _print(out, verdict)
    return 0 if all(v.passed for v in verdicts) else 1


def _print(out: Output, verdict: Verdict) -> None:
    out.line(str(verdict.path))
    if verdict.error is not None:
        out.line(f"  [{out.t(Text('无法校验', 'NOT CHECKED'))}] {out.t(verdict.error.message)}")
        if verdict.error.hint is not None:
            out.line(f"    → {out.t(verdict.error.hint)}")
    for finding in sort_findings(verdict.findings):
        out.finding(finding, indent="  ")
    if verdict.error is not None:  # nothing was checked: no verdict on PDF/A to give
        out.line()
        return
    result = _PASSES if verdict.passed else _FAILS
    if verdict.kind == "package":
        what = out.t(Text("材料包", "Package"))
    else:
        what = f"PDF/A-{verdict.flavour.upper()}" if verdict.flavour else "PDF/A"
    out.line(f"  {what}: {out.t(result)}")
    out.line()
