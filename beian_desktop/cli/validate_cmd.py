"""`beian-desktop validate KIND VALUE`: check one ID number, 统一社会信用代码, mobile number,
e-mail address, domain or website name, and say what is wrong and how to fix it.

Exit 0: usable as typed (warnings allowed); 1: blocking findings; 2: usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.core.findings import Severity, sort_findings
from beian_desktop.core.identity import (
    CheckResult,
    IdentityTables,
    bundled_tables,
    check_domain,
    check_email,
    check_mobile,
    check_resident_id,
    check_site_name,
    check_uscc,
)
from beian_desktop.core.rules import load_pack
from beian_desktop.core.text import Text

EXIT_OK, EXIT_INVALID = 0, 1


@dataclass(frozen=True)
class Context:
    """What the options say, resolved against the rule pack."""

    tables: IdentityTables
    subject: str | None = None  # 主办单位性质 id
    province: str | None = None  # two-digit code
    subject_name: str | None = None
    on: dt.date | None = None


Check = Callable[[str, Context], CheckResult]

CHECKS: dict[str, tuple[Text, Check]] = {
    "id": (
        Text("身份证号码", "ID number"),
        lambda v, c: check_resident_id(v, on=c.on, filing_province=c.province, tables=c.tables),
    ),
    "uscc": (
        Text("统一社会信用代码", "unified social credit code"),
        lambda v, c: check_uscc(v, subject=c.subject, filing_province=c.province, tables=c.tables),
    ),
    "phone": (Text("手机号码", "mobile number"), lambda v, c: check_mobile(v)),
    "email": (Text("电子邮箱", "e-mail address"), lambda v, c: check_email(v)),
    "domain": (Text("域名", "domain"), lambda v, c: check_domain(v, tables=c.tables)),
    "site-name": (
        Text("网站名称", "website name"),
        lambda v, c: check_site_name(
            v,
            subject=c.subject,
            province=c.province,
            subject_name=c.subject_name,
            tables=c.tables,
        ),
    ),
}

# Labels of the facts a result decodes, in the order they are printed.
FACT_LABELS: dict[str, Text] = {
    "birth_date": Text("出生日期", "birth date"),
    "age": Text("年龄", "age"),
    "sex": Text("性别", "sex"),
    "province_name": Text("地区", "region"),
    "county": Text("户籍地址码所属", "address code"),
    "residence_permit": Text("港澳台居民居住证", "HK/Macao/Taiwan residence permit"),
    "authority": Text("登记管理部门", "registration authority"),
    "category": Text("机构类别", "category"),
    "suggested_subject": Text("建议主办单位性质", "suggested subject type"),
    "national": Text("国家级登记", "registered nationally"),
    "host": Text("输入的主机名", "host entered"),
    "unicode": Text("中文写法", "Unicode form"),
    "ascii": Text("ASCII 写法", "ASCII form"),
    "public_suffix": Text("公共后缀", "public suffix"),
    "domain": Text("邮箱域名", "mail domain"),
    "han_count": Text("汉字数", "Chinese characters"),
    "pattern": Text("固定格式", "required form"),
    "industries": Text("涉及前置审批行业", "pre-approval industries"),
}
_YES_NO = {True: Text("是", "yes"), False: Text("否", "no")}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "validate",
        help="检查身份证号、信用代码、手机、邮箱、域名或网站名称 / check one identity value",
        description="检查一个值并给出问题与修正建议。"
        " / Check one value; say what is wrong and offer the cleaned value.",
    )
    parser.add_argument("kind", choices=list(CHECKS), metavar="KIND", help=" | ".join(CHECKS))
    parser.add_argument("value", metavar="VALUE", help="要检查的值（含空格时加引号）")
    parser.add_argument("--subject", help="主办单位性质, e.g. 个人, 企业")
    parser.add_argument("--province", help="备案省份: 江苏 / jiangsu / 32")
    parser.add_argument("--subject-name", help="主体全称 (for site names)")
    parser.add_argument(
        "--on", type=_iso_date, metavar="YYYY-MM-DD", help="年龄按此日期计算 (default today)"
    )
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.set_defaults(func=run)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _context(args: argparse.Namespace) -> Context:
    """Resolve --subject / --province with the rule pack (unknown names exit 2)."""
    needs_pack = args.kind in {"id", "uscc", "site-name"} or args.subject or args.province
    if not needs_pack:
        return Context(tables=bundled_tables(), on=args.on)
    pack = load_pack(Path(args.rules) if getattr(args, "rules", None) else None)
    return Context(
        tables=IdentityTables.from_pack(pack),
        subject=pack.find_subject(args.subject).id if args.subject else None,
        province=pack.find_province(args.province).code if args.province else None,
        subject_name=args.subject_name,
        on=args.on,
    )


def run(args: argparse.Namespace, out: Output) -> int:
    context = _context(args)
    what, check = CHECKS[args.kind]
    result = check(args.value, context)
    if out.json_mode:
        out.json({"kind": args.kind, **result.to_dict()})
    else:
        _print(result, what, out)
    return EXIT_OK if result.valid else EXIT_INVALID


def _print(result: CheckResult, what: Text, out: Output) -> None:
    out.line(f"{out.t(what)}: {result.raw}")
    for finding in sort_findings(list(result.findings)):
        out.finding(finding, indent="  ")
    if result.value and result.value != result.raw:
        out.line(f"{out.t(Text('规范值', 'normalised'))}: {result.value}")
    for label, value in _facts(result, out):
        out.line(f"{label}: {value}")
    out.line(_verdict(result, out))


def _facts(result: CheckResult, out: Output) -> list[tuple[str, str]]:
    facts = {name: getattr(result, name) for name in result.facts()}
    shown = []
    for name, label in FACT_LABELS.items():
        text = _show(facts.get(name), out)
        if text:
            shown.append((out.t(label), text))
    return shown


def _show(value: object, out: Output) -> str:
    if value is None or value == () or value is False:
        return ""
    if isinstance(value, bool):
        return out.t(_YES_NO[value])
    if isinstance(value, Text):
        return out.t(value)
    if isinstance(value, Enum) and isinstance(getattr(value, "text", None), Text):
        return out.t(value.text)  # type: ignore[attr-defined]
    if isinstance(value, tuple):
        return "、".join(str(v) for v in value)
    return str(value)


def _verdict(result: CheckResult, out: Output) -> str:
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    blocking, warnings = counts[Severity.BLOCKING], counts[Severity.WARNING]
    if result.valid:
        verdict = Text(
            f"结果：可以使用（{warnings} 项警告）" if warnings else "结果：可以使用",
            f"Result: usable ({warnings} warning(s))" if warnings else "Result: usable",
        )
    elif result.fixable:
        verdict = Text(
            f"结果：不能按原样提交（{blocking} 项阻断），按上面的修正即可",
            f"Result: not as typed ({blocking} blocking); apply the fixes above",
        )
    else:
        verdict = Text(
            f"结果：无效（{blocking} 项阻断）",
            f"Result: invalid ({blocking} blocking)",
        )
    return out.t(verdict)
