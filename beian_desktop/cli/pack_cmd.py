"""`beian-desktop pack CASE.json --out DIR`: review, convert and write the submission zip."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.cli.review_cmd import print_review
from beian_desktop.core.case import Case, load_case, save_case
from beian_desktop.core.errors import BeianError
from beian_desktop.core.naming import package_name
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
    parser.add_argument(
        "case",
        type=Path,
        nargs="+",
        help="case.json (or its folder); several for a batch, each packed in turn",
    )
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
    if len(args.case) == 1:
        return _pack_one(args, out, pack, args.case[0])
    return _pack_batch(args, out, pack, args.case)


def _pack_one(args: argparse.Namespace, out: Output, pack: RulePack, path: Path) -> int:
    case, folder = load_case(path)
    try:
        result = _pack(args, out, pack, case, folder)
    except Blocked as blocked:
        if out.json_mode:
            out.json({"packed": False, "review": blocked.review.to_dict()})
        else:
            print_review(out, pack, blocked.review, title=case.subject.full_name)
            out.line(out.t(blocked.message))
        return 1
    _print_result(out, pack, result)
    return 0


def _pack(
    args: argparse.Namespace, out: Output, pack: RulePack, case: Case, folder: Path
) -> PackResult:
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
    _record_packed(folder, result)
    return result


def _pack_batch(args: argparse.Namespace, out: Output, pack: RulePack, paths: list[Path]) -> int:
    """Each case in turn; one that cannot be packed is reported and the next one goes on."""
    outcomes: list[dict[str, object]] = []
    made: set[str] = set()  # package names written by this batch: --force must not replace them
    for path in paths:
        outcome: dict[str, object] = {"case": str(path)}
        try:
            case, folder = load_case(path)
            outcome["subject"] = case.subject.full_name
            name = package_name(case.subject.full_name, case.filing_type, dt.date.today())
            if args.force and name in made:  # without --force, pack_case refuses it anyway
                raise SamePackageTwice(name)
            result = _pack(args, out, pack, case, folder)
            made.add(name)
        except Blocked as blocked:
            outcome |= {"packed": False, "blocking": [f.to_dict() for f in blocked.review.blocking]}
            _say(out, path, blocked.message, [out.t(f.message) for f in blocked.review.blocking])
        except BeianError as error:
            outcome |= {"packed": False, "error": error.to_dict()}
            _say(out, path, error.message, [out.t(error.hint)] if error.hint else [])
        else:
            outcome |= {"packed": True, "zip": str(result.zip_path)}
            _say(out, path, Text("已生成", "packed"), [str(result.zip_path)])
        outcomes.append(outcome)
    packed = sum(1 for o in outcomes if o["packed"])
    failed = len(outcomes) - packed
    if out.json_mode:
        out.json({"packed": packed, "failed": failed, "cases": outcomes})
    else:
        out.line()
        summary = Text(
            f"共 {len(outcomes)} 个案卷：已生成 {packed} 个，未生成 {failed} 个。",
            f"{len(outcomes)} cases: {packed} packed, {failed} not.",
        )
        out.line(out.t(summary))
    return 0 if failed == 0 else 1


class SamePackageTwice(BeianError):
    code = "same-package-twice"

    def __init__(self, name: str) -> None:
        super().__init__(
            Text(
                f"本批中已有案卷生成了同名材料包：{name}.zip（同一主体、同一办理项）",
                f"Another case in this batch already made {name}.zip (same subject and filing)",
            ),
            Text(
                "未覆盖它。请检查是否重复列出了同一个案卷。",
                "It was not replaced. Check whether the same case was listed twice.",
            ),
        )


def _say(out: Output, path: Path, headline: Text, details: list[str]) -> None:
    if out.json_mode:
        return
    out.line(f"{path}: {out.t(headline)}")
    for detail in details:
        out.line(f"    {detail}")


def _record_packed(folder: Path, result: PackResult) -> None:
    """Note the package in the case's history, except for the read-only bundled samples.

    Under the app's case lock, and on the case as it is now on disk: a window that has the
    case open would overwrite the entry with its next autosave, and one that edited it while
    this pack ran must not lose those edits."""
    if folder.resolve().is_relative_to(resources_dir().resolve()):
        return
    with _app_lock(folder) as free:
        if not free:
            print(
                "（案卷正在桌面程序中打开，打包记录未写入案卷历史 / "
                "the case is open in the app; its history was not updated）",
                file=sys.stderr,
            )
            return
        try:
            case, _folder = load_case(folder)
            case.record("packed", result.zip_path.name)
            save_case(case, folder)
        except (OSError, BeianError) as error:  # read-only, or changed meanwhile: the zip stands
            reason = error.strerror if isinstance(error, OSError) else error.message.en
            print(f"（未能更新案卷历史 / case history not updated: {reason}）", file=sys.stderr)


@contextmanager
def _app_lock(folder: Path) -> Iterator[bool]:
    """The desktop app's lock on the case, held for the block; yields False when a window
    has the case open. Without Qt's core library (a trimmed server install) there is no
    window to guard against, and the block runs unlocked."""
    try:
        from beian_desktop.gui.case_lock import CaseInUse, CaseLock
    except ImportError:
        yield True
        return
    lock = CaseLock(folder)
    try:
        lock.acquire()
    except CaseInUse:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


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
