"""`beian-desktop requirements`: the checklist for a filing, from the rule pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.core.errors import UnknownValue
from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.rules import FilingFacts, RulePack, load_pack
from beian_desktop.core.rules.keywords import keyword_industries
from beian_desktop.core.rules.model import Level
from beian_desktop.core.rules.resolve import Checklist, ChecklistItem, resolve
from beian_desktop.core.text import Text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "requirements",
        help="列出备案所需材料 / list the materials a filing needs",
        description="按主办单位性质、省份、办理项和行业列出所需材料、依据与阻断问题。"
        " / The materials, the rule behind each, and anything that blocks the filing.",
    )
    parser.add_argument("--subject", required=True, help="主办单位性质, e.g. 企业, 个人")
    parser.add_argument("--province", required=True, help="备案省份: 广东 / guangdong / 44")
    parser.add_argument("--filing", default="首次备案", help="办理项 (default 首次备案)")
    parser.add_argument("--industry", action="append", default=[], help="行业 (repeatable)")
    parser.add_argument("--id-province", help="身份证签发省份 (code or name), e.g. 44")
    parser.add_argument("--cert-province", help="单位证件登记省份 (default: the filing province)")
    parser.add_argument("--sites", type=int, help="网站总数 (after this filing)")
    parser.add_argument("--new-sites", type=int, help="本次提交的网站数")
    parser.add_argument("--domains", type=int, help="域名总数")
    parser.add_argument("--age", type=int, help="最年轻负责人的年龄")
    parser.add_argument("--id-document", help="证件类型, e.g. 居民身份证, 护照")
    parser.add_argument("--site-name", action="append", default=[], help="网站名称 (keywords)")
    parser.add_argument("--subject-name", help="主体全称 (keywords)")
    _add_tristate(parser, "principal-legal-rep", "主体负责人是法定代表人")
    _add_tristate(parser, "owner-legal-rep", "网站负责人是法定代表人")
    _add_tristate(parser, "owner-is-principal", "网站负责人即主体负责人")
    _add_tristate(parser, "residence-permit", "持有备案省份居住证")
    _add_tristate(parser, "foreign-legal-rep", "法定代表人不是大陆居民")
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.set_defaults(func=run)


def _add_tristate(parser: argparse.ArgumentParser, name: str, label: str) -> None:
    """--X / --no-X; absent means unknown, which keeps dependent items conditional."""
    parser.add_argument(
        f"--{name}",
        dest=name.replace("-", "_"),
        action=argparse.BooleanOptionalAction,
        default=None,
        help=label,
    )


def facts_from_args(pack: RulePack, args: argparse.Namespace) -> FilingFacts:
    subject = pack.find_subject(args.subject)
    province = pack.find_province(args.province)
    names = [*args.site_name, *([args.subject_name] if args.subject_name else [])]
    cert_province = pack.find_province(args.cert_province).code if args.cert_province else None
    if cert_province is None and not subject.is_individual:
        cert_province = province.code  # an organisation files where it is registered, unless told
    return FilingFacts(
        subject=subject.id,
        filing=pack.find_filing(args.filing).id,
        province=province.code,
        id_province=_region_code(pack, args.id_province),
        cert_province=cert_province,
        industries=tuple(pack.find_industry(i).id for i in args.industry),
        keyword_industries=keyword_industries(pack, names),
        site_count=args.sites,
        new_site_count=args.new_sites,
        domain_count=args.domains,
        age=args.age,
        id_document=args.id_document,
        principal_is_legal_rep=args.principal_legal_rep,
        icp_owner_is_legal_rep=args.owner_legal_rep,
        icp_owner_is_principal=args.owner_is_principal,
        has_residence_permit=args.residence_permit,
        foreign_legal_rep=args.foreign_legal_rep,
    )


def _region_code(pack: RulePack, text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    if stripped[:2] in pack.regions and (len(stripped) == 2 or stripped[2:].strip("0") == ""):
        return stripped[:2]
    for region in pack.regions.values():
        if stripped in (region.name.zh, region.name.en):
            return region.code
    try:
        return pack.find_province(stripped).code
    except UnknownValue as error:
        regions = [f"{r.name.zh}/{r.code}" for r in pack.regions.values()]
        raise UnknownValue(
            Text("身份证签发地", "ID-card region"), text, error.accepted + regions
        ) from None


def run(args: argparse.Namespace, out: Output) -> int:
    pack = load_pack(Path(args.rules) if args.rules else None)
    checklist = resolve(pack, facts_from_args(pack, args))
    if out.json_mode:
        out.json(checklist.to_dict())
    else:
        print_checklist(out, pack, checklist)
    return 1 if checklist.blocking else 0


_SECTIONS = (
    (Level.MANDATORY, Text("必需材料", "Required materials")),
    (Level.CONDITIONAL, Text("视情况需要的材料", "Materials needed if a condition holds")),
    (Level.RECOMMENDED, Text("建议准备的材料", "Recommended materials")),
)


def print_checklist(out: Output, pack: RulePack, checklist: Checklist) -> None:
    facts = checklist.facts
    subject = pack.subjects[facts.subject or ""]
    province = pack.provinces[facts.province or ""]
    filing = pack.filing_types[facts.filing or ""]
    title = Text("备案材料清单", "Filing checklist")
    out.line(
        f"{out.t(title)} — {out.t(subject.name)} · {out.t(province.name)} · {out.t(filing.name)}"
    )
    out.line(f"{out.t(Text('规则包', 'Rule pack'))} {pack.info.version} ({pack.info.date})")
    _print_findings(
        out,
        Text("阻断问题", "Blocking problems"),
        [f for f in checklist.findings if f.severity is Severity.BLOCKING],
    )
    for level, heading in _SECTIONS:
        items = [i for i in checklist.items if i.level is level]
        if items:
            out.line()
            out.line(f"{out.t(heading)} ({len(items)})")
            for number, item in enumerate(items, 1):
                _print_item(out, number, item)
    settled = [f for f in checklist.findings if not f.extra.get("conditional")]
    _print_findings(
        out, Text("警告", "Warnings"), [f for f in settled if f.severity is Severity.WARNING]
    )
    _print_findings(
        out,
        Text("可能适用（取决于尚未提供的信息）", "May apply (depends on facts not given yet)"),
        [f for f in checklist.findings if f.extra.get("conditional")],
    )
    _print_findings(out, Text("提示", "Notes"), [f for f in settled if f.severity is Severity.INFO])


def _print_findings(out: Output, heading: Text, findings: list[Finding]) -> None:
    if not findings:
        return
    out.line()
    out.line(f"{out.t(heading)} ({len(findings)})")
    for finding in findings:
        out.finding(finding, indent="  ")


def _print_item(out: Output, number: int, item: ChecklistItem) -> None:
    material = item.material
    specs = []
    if material.sides == 2:
        specs.append(out.t(Text("正反面各一张", "front and back as separate images")))
    if material.colour_required:
        specs.append(out.t(Text("彩色", "colour")))
    if material.min_dpi:
        specs.append(f"≥ {material.min_dpi} dpi")
    out.line(f"  {number}. {out.t(item.name)}  [{', '.join(specs)}]")
    for reason in item.reasons:
        prefix = ""
        if reason.condition is not None:
            prefix = out.t(Text(f"若{reason.condition.zh}：", f"If {reason.condition.en}: "))
        out.line(f"     - {prefix}{out.t(reason.message)}")
        sources = "; ".join(s.label(out.lang) for s in reason.sources)
        out.line(f"       {out.t(Text('规则', 'rule'))} {reason.rule_id} · {sources}")
        if reason.effective:
            out.line(f"       {out.t(Text('生效日期', 'in force since'))} {reason.effective}")
        for alternative in reason.alternatives:
            out.line(
                f"       {out.t(Text('另一来源称', 'another source says'))}: "
                f"{out.t(alternative.claim)}"
            )
