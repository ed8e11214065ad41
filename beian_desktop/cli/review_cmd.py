"""`beian-desktop review CASE.json`: every finding about a case, grouped, blocking first."""

from __future__ import annotations

import argparse
from itertools import groupby
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.core.case import load_case
from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.review import Review, review
from beian_desktop.core.rules import RulePack, load_pack
from beian_desktop.core.text import Text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "review",
        help="审查案卷 / review a case",
        description="检查案卷中的信息、材料与扫描件，列出阻断问题、警告和提示。"
        " / Check a case's details, materials and scans; list what blocks, warns or advises.",
    )
    parser.add_argument("case", type=Path, help="case.json (or its folder)")
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, out: Output) -> int:
    pack = load_pack(Path(args.rules) if args.rules else None)
    case, folder = load_case(args.case)
    result = review(case, folder, pack)
    if out.json_mode:
        out.json(result.to_dict())
    else:
        print_review(out, pack, result, title=case.subject.full_name)
    return 1 if result.blocking else 0


_HEADINGS = {
    Severity.BLOCKING: Text("阻断问题（必须解决）", "Blocking problems (must be solved)"),
    Severity.WARNING: Text("警告（请处理或明确确认）", "Warnings (fix or accept explicitly)"),
    Severity.INFO: Text("提示", "Notes"),
}


def _topic(pack: RulePack, concerns: str | None) -> Text:
    if concerns is None:
        return Text("备案规则", "Filing rules")
    material = pack.materials.get(concerns)
    if material is not None:
        return Text(f"材料：{material.name.zh}", f"Material: {material.name.en}")
    head = concerns.split(".")[0].split("[")[0]
    labels = {
        "subject": Text("主体信息", "Subject"),
        "principal": Text("主体负责人", "Principal"),
        "icp_owner": Text("网站负责人", "Website owner"),
        "websites": Text("网站", "Websites"),
        "province": Text("备案省份", "Province"),
    }
    return labels.get(head, Text(concerns, concerns))


def print_review(out: Output, pack: RulePack, result: Review, *, title: str = "") -> None:
    out.line(f"{out.t(Text('案卷审查', 'Case review'))}{' — ' + title if title else ''}")
    for severity in (Severity.BLOCKING, Severity.WARNING, Severity.INFO):
        findings = [f for f in result.findings if f.severity is severity]
        if not findings:
            continue
        out.line()
        out.line(f"{out.t(_HEADINGS[severity])} ({len(findings)})")
        _print_grouped(out, pack, result, findings)
    out.line()
    blocking, open_warnings = len(result.blocking), len(result.open_warnings)
    if blocking:
        verdict = Text(
            f"结论：有 {blocking} 个阻断问题，解决后才能打包。",
            f"Verdict: {blocking} blocking problem(s); solve them before packing.",
        )
    elif open_warnings:
        verdict = Text(
            f"结论：可以打包；另有 {open_warnings} 个警告未确认。",
            f"Verdict: ready to pack; {open_warnings} warning(s) not yet accepted.",
        )
    else:
        verdict = Text("结论：可以打包。", "Verdict: ready to pack.")
    out.line(out.t(verdict))


def _print_grouped(out: Output, pack: RulePack, result: Review, findings: list[Finding]) -> None:
    def topic_of(finding: Finding) -> str:
        return out.t(_topic(pack, finding.concerns))

    for topic, group in groupby(sorted(findings, key=topic_of), key=topic_of):
        out.line(f"  {topic}")
        for finding in group:
            out.finding(finding, indent="    ")
            if result.is_accepted(finding):
                out.line(f"        ({out.t(Text('已确认', 'accepted'))})")
