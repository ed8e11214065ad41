"""`beian-desktop pack CASE.json --out DIR`: review, convert and write the submission zip."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.cli.review_cmd import print_review
from beian_desktop.core.case import Case, load_case, save_case
from beian_desktop.core.pipeline.progress import Progress
from beian_desktop.core.pipeline.run import Blocked, PackResult, pack_case
from beian_desktop.core.resources import resources_dir
from beian_desktop.core.rules import RulePack, load_pack
from beian_desktop.core.text import Text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "pack",
        help="生成备案材料包 / make the submission package",
        description="审查案卷，生成上传用 JPG 和 PDF/A 存档，打包为一个 zip。"
        " / Review the case, make upload JPGs and PDF/A archive copies, and write one zip.",
    )
    parser.add_argument("case", type=Path, help="case.json (or its folder)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--profile", help="upload profile (default: the case's, or generic)")
    parser.add_argument("--pdfa", choices=("2b", "1b"), help="PDF/A flavour (default 2b)")
    parser.add_argument("--force", action="store_true", help="replace an existing package")
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.set_defaults(func=run)


def _progress(out: Output) -> Callable[[Progress], None]:
    def show(progress: Progress) -> None:
        if not out.json_mode:
            print(
                f"[{out.t(progress.label)} {progress.index}/{progress.total}] {progress.current}",
                file=sys.stderr,
                flush=True,
            )

    return show


def run(args: argparse.Namespace, out: Output) -> int:
    pack = load_pack(Path(args.rules) if args.rules else None)
    case, folder = load_case(args.case)
    try:
        result = pack_case(
            case,
            folder,
            args.out,
            pack=pack,
            profile=args.profile,
            flavour=args.pdfa,
            force=args.force,
            progress=_progress(out),
        )
    except Blocked as blocked:
        if out.json_mode:
            out.json({"packed": False, "review": blocked.review.to_dict()})
        else:
            print_review(out, pack, blocked.review, title=case.subject.full_name)
            out.line(out.t(blocked.message))
        return 1
    _record_packed(case, folder, result)
    _print_result(out, pack, result)
    return 0


def _record_packed(case: Case, folder: Path, result: PackResult) -> None:
    """Note the package in the case's history, except for the read-only bundled samples."""
    if folder.resolve().is_relative_to(resources_dir().resolve()):
        return
    case.record("packed", result.zip_path.name)
    try:
        save_case(case, folder)
    except OSError as error:  # a read-only case folder: the package is made all the same
        print(f"（未能更新案卷历史 / case history not updated: {error.strerror}）", file=sys.stderr)


def _print_result(out: Output, pack: RulePack, result: PackResult) -> None:
    if out.json_mode:
        out.json(
            {
                "packed": True,
                "zip": str(result.zip_path),
                "manifest": result.manifest.to_dict(),
                "findings": [f.to_dict() for f in result.findings],
            }
        )
        return
    out.line(out.t(Text(f"已生成材料包：{result.zip_path}", f"Package written: {result.zip_path}")))
    for material in result.manifest.materials:
        out.line(f"  {material.name}")
        for file in material.files:
            dpi = f", {file.effective_dpi:.0f} dpi" if file.effective_dpi else ""
            out.line(f"    {file.path}  ({file.size:,} B, {file.pages} p{dpi})")
    for finding in result.findings:
        out.finding(finding, indent="  ")
