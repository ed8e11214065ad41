"""`beian-desktop check FILE...`: inspect scans and photos before they go into a filing.

Exit 1 when any file has a blocking problem, including a file that cannot be read at all; every
file gets its own verdict, so one broken file does not hide the others.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.core.errors import InputFileError
from beian_desktop.core.findings import sort_findings
from beian_desktop.core.inspect import Inspection, PageReport, inspect
from beian_desktop.core.rules import load_pack
from beian_desktop.core.rules.model import Material, UploadProfile
from beian_desktop.core.text import Text

_COLOUR = {
    "colour": Text("彩色", "colour"),
    "greyscale": Text("灰度", "greyscale"),
    "bilevel": Text("黑白", "black-and-white"),
}
_VERDICT_OK = Text("可以使用", "usable")
_VERDICT_WARN = Text("可以使用，但请先看警告", "usable, but read the warnings")
_VERDICT_BLOCKED = Text("不能使用", "not usable")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="检查扫描件或照片 / inspect scans and photos",
        description="检查文件格式、页数、有效分辨率、颜色、空白、曝光与模糊，以及上传大小。"
        " / Format, pages, effective DPI, colour, blank pages, exposure, blur and upload size.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="files to inspect")
    parser.add_argument("--material", help="材料类型, e.g. id-card-principal, subject-certificate")
    parser.add_argument("--profile", help="上传规格 / upload profile, e.g. generic, huawei")
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.set_defaults(func=run)


def _choices(args: argparse.Namespace) -> tuple[Material | None, UploadProfile | None]:
    if not args.material and not args.profile:
        return None, None  # no rule pack needed
    pack = load_pack(Path(args.rules) if getattr(args, "rules", None) else None)
    material = pack.find_material(args.material) if args.material else None
    profile = pack.find_profile(args.profile) if args.profile else None
    return material, profile


def run(args: argparse.Namespace, out: Output) -> int:
    material, profile = _choices(args)
    results: list[tuple[Path, Inspection | InputFileError]] = []
    for path in args.files:
        try:
            results.append((path, inspect(path, material, profile)))
        except InputFileError as error:
            results.append((path, error))
    blocked = any(isinstance(r, InputFileError) or r.blocking for _, r in results)
    if out.json_mode:
        out.json(
            {
                "material": material.id if material else None,
                "profile": profile.id if profile else None,
                "blocking": blocked,
                "files": [_file_json(path, result) for path, result in results],
            }
        )
    else:
        for path, result in results:
            _print_file(out, path, result)
    return 1 if blocked else 0


def _file_json(path: Path, result: Inspection | InputFileError) -> dict[str, object]:
    if isinstance(result, InputFileError):
        return {"path": str(path), "ok": False, "blocking": True, "error": result.to_dict()}
    return {
        "path": str(path),
        "ok": not result.blocking,
        "blocking": result.blocking,
        "inspection": result.to_dict(),
    }


def _print_file(out: Output, path: Path, result: Inspection | InputFileError) -> None:
    out.line(str(path))
    if isinstance(result, InputFileError):
        out.line(f"  [{out.t(Text('无法使用', 'UNUSABLE'))}] {out.t(result.message)}")
        if result.hint is not None:
            out.line(f"    → {out.t(result.hint)}")
        out.line(f"  {out.t(Text('结论', 'Verdict'))}: {out.t(_VERDICT_BLOCKED)}")
        out.line()
        return
    out.line(f"  {_summary(out, result)}")
    for page in result.pages[:1] if len(result.pages) == 1 else result.pages:
        out.line(f"  {_page_line(out, page, len(result.pages) > 1)}")
    for finding in sort_findings(list(result.findings)):
        out.finding(finding, indent="  ")
    verdict = (
        _VERDICT_BLOCKED
        if result.blocking
        else _VERDICT_WARN
        if any(f.severity.value == "warning" for f in result.findings)
        else _VERDICT_OK
    )
    out.line(f"  {out.t(Text('结论', 'Verdict'))}: {out.t(verdict)}")
    out.line()


def _summary(out: Output, result: Inspection) -> str:
    size = f"{result.size_bytes / 1_000_000:.2f} MB"
    pages = out.t(Text(f"{result.page_count} 页", f"{result.page_count} page(s)"))
    return f"{result.format_name} · {pages} · {size}"


def _page_line(out: Output, page: PageReport, numbered: bool) -> str:
    parts = []
    if numbered:
        parts.append(out.t(Text(f"第 {page.index + 1} 页", f"page {page.index + 1}")))
    if page.width_px is not None and page.height_px is not None:
        parts.append(f"{page.width_px}×{page.height_px} px")
    if page.effective_dpi is not None:
        paper = out.t(page.paper.format.name)
        parts.append(out.t(Text("有效", "effective")) + f" {page.effective_dpi:.0f} dpi ({paper})")
    if page.metadata_dpi is not None and page.page_size_mm is None:
        parts.append(out.t(Text("标注", "metadata")) + f" {page.metadata_dpi.value:.0f} dpi")
    if page.colour is not None:
        parts.append(out.t(_COLOUR[page.colour.value]))
    return " · ".join(parts)
