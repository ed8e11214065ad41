"""`beian-desktop convert FILE... --out DIR`: a PDF/A archive copy per input, and upload JPGs.

Each input becomes `<stem>.pdf` in DIR (`<stem>-2.pdf` when two inputs share a stem) and, with
`--upload-profile`, `<stem>.jpg` (`-2`, `-3` for further pages) for the upload portal. Inputs are
never overwritten: when DIR is an input's folder and a name would fall on an input, nothing is
written. One unreadable file does not stop the others; the exit status is 1 if any failed.
The PDF/A dates are the input's modification time, so converting a file again gives the same
bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from beian_desktop.cli.output import Output
from beian_desktop.core.convert import UploadResult, to_upload_jpegs
from beian_desktop.core.errors import BeianError, UnreadableFile
from beian_desktop.core.naming import join_name
from beian_desktop.core.pdfa import FLAVOURS, PdfaMetadata, PdfaReport, to_pdfa
from beian_desktop.core.rules import load_pack
from beian_desktop.core.rules.model import Material, UploadProfile
from beian_desktop.core.text import Text

_ACTIONS = {
    "passthrough": Text("图像数据原样写入", "image data embedded unchanged"),
    "re-encoded": Text("已重新编码", "re-encoded"),
    "kept": Text("已是 PDF/A，原样保留", "already PDF/A, kept as it is"),
    "repaired": Text("已修复为 PDF/A", "repaired to PDF/A"),
    "rasterised": Text("无法修复，已渲染为图像", "could not be repaired; rendered as images"),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "convert",
        help="转换为 PDF/A 存档件与上传用 JPG / convert to PDF/A and upload JPGs",
        description="每个输入文件生成一个 PDF/A 存档件；指定上传规格时另生成上传用 JPG。"
        " / One PDF/A archive copy per input; upload JPGs too when a profile is given.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="files to convert")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    parser.add_argument("--pdfa", choices=FLAVOURS, default="2b", help="PDF/A 版本 (default 2b)")
    parser.add_argument("--upload-profile", metavar="NAME", help="上传规格, e.g. generic, huawei")
    parser.add_argument("--material", help="材料类型, e.g. id-card-principal (页面尺寸与上传)")
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.set_defaults(func=run)


class OutputCollision(BeianError):
    code = "output-collision"

    def __init__(self, name: str) -> None:
        super().__init__(
            Text(
                f"输出文件 {name} 会覆盖输入文件，未做任何转换。",
                f"The output {name} would overwrite an input file; nothing was converted.",
            ),
            Text("请用 --out 指定另一个文件夹。", "Choose another folder with --out."),
        )


class MaterialNeeded(BeianError):
    code = "material-needed"

    def __init__(self) -> None:
        super().__init__(
            Text("生成上传用 JPG 需要指定材料类型。", "Upload JPGs need the material type."),
            Text(
                "请加上 --material，例如 --material id-card-principal。",
                "Add --material, e.g. --material id-card-principal.",
            ),
        )


@dataclass
class Job:
    """One input and what it becomes."""

    source: Path
    stem: str  # output names: <stem>.pdf, <stem>.jpg, <stem>-2.jpg, …
    report: PdfaReport | None = None
    uploads: list[UploadResult] = field(default_factory=list)
    error: BeianError | None = None

    @property
    def pdf(self) -> str:
        return f"{self.stem}.pdf"


def plan(sources: list[Path], out: Path, uploads: bool) -> list[Job]:
    """Output names for each input; raises OutputCollision when one would replace an input."""
    jobs, taken = [], set()
    for source in sources:
        base = join_name([source.stem]) if source.stem else "file"
        stem, number = base, 1
        while stem.casefold() in taken:
            number += 1
            stem = f"{base}-{number}"
        taken.add(stem.casefold())
        jobs.append(Job(source, stem))
    inputs = {source.resolve() for source in sources}
    for job in jobs:
        names = [job.pdf] + ([f"{job.stem}.jpg", f"{job.stem}.png"] if uploads else [])
        clash = next((n for n in names if (out / n).resolve() in inputs), None)
        if clash is not None:
            raise OutputCollision(clash)
    return jobs


def _choices(args: argparse.Namespace) -> tuple[Material | None, UploadProfile | None]:
    if not args.material and not args.upload_profile:
        return None, None
    pack = load_pack(Path(args.rules) if getattr(args, "rules", None) else None)
    material = pack.find_material(args.material) if args.material else None
    profile = pack.find_profile(args.upload_profile) if args.upload_profile else None
    if profile is not None and material is None:
        raise MaterialNeeded()
    return material, profile


def _metadata(source: Path, material: Material | None) -> PdfaMetadata:
    try:
        modified = source.stat().st_mtime
    except OSError as error:
        raise UnreadableFile(detail=f"{type(error).__name__}: {error.strerror}") from None
    stamp = dt.datetime.fromtimestamp(int(modified), tz=dt.UTC)
    title = f"{material.name.zh}-{source.stem}" if material is not None else source.stem
    return PdfaMetadata(title=title, timestamp=stamp)


def _convert(
    job: Job, args: argparse.Namespace, choices: tuple[Material | None, UploadProfile | None]
) -> None:
    material, profile = choices
    try:
        job.report = to_pdfa(
            [job.source],
            args.out / job.pdf,
            args.pdfa,
            metadata=_metadata(job.source, material),
            material=material,
        )
        if profile is not None and material is not None:
            job.uploads = to_upload_jpegs(job.source, material, profile, args.out, job.stem)
    except BeianError as error:
        job.error = error


def run(args: argparse.Namespace, out: Output) -> int:
    choices = _choices(args)
    jobs = plan(list(args.files), args.out, uploads=choices[1] is not None)
    args.out.mkdir(parents=True, exist_ok=True)
    for job in jobs:
        _convert(job, args, choices)
    failed = any(job.error is not None or _blocked(job) for job in jobs)
    if out.json_mode:
        out.json(
            {
                "out": str(args.out),
                "flavour": args.pdfa,
                "ok": not failed,
                "files": [_job_json(job, args.out) for job in jobs],
            }
        )
    else:
        for job in jobs:
            _print_job(out, job, args.out)
    return 1 if failed else 0


def _blocked(job: Job) -> bool:
    return any(upload.blocking for upload in job.uploads)


def _job_json(job: Job, folder: Path) -> dict[str, object]:
    data: dict[str, object] = {
        "input": str(job.source),
        "ok": job.error is None and not _blocked(job),
    }
    if job.error is not None:
        data["error"] = job.error.to_dict()
    if job.report is not None:
        data["pdfa"] = {"path": str(folder / job.pdf), **job.report.to_dict()}
    if job.uploads:
        data["upload"] = [upload.to_dict() for upload in job.uploads]
    return data


def _print_job(out: Output, job: Job, folder: Path) -> None:
    out.line(str(job.source))
    if job.error is not None:
        out.line(f"  [{out.t(Text('失败', 'FAILED'))}] {out.t(job.error.message)}")
        if job.error.hint is not None:
            out.line(f"    → {out.t(job.error.hint)}")
    if job.report is not None:
        report = job.report
        pages = out.t(Text(f"{report.page_count} 页", f"{report.page_count} page(s)"))
        size = f"{report.size_bytes / 1_000_000:.2f} MB"
        out.line(f"  → {folder / job.pdf}  PDF/A-{report.flavour.upper()} · {pages} · {size}")
        for item in report.inputs:
            out.line(f"    {out.t(_ACTIONS.get(item.action, Text(item.action, item.action)))}")
            for note in item.notes:
                out.line(f"    · {out.t(note)}")
            if item.rules:
                out.line(f"    {out.t(Text('规则', 'rules'))}: {', '.join(item.rules[:6])}")
    for upload in job.uploads:
        out.line(f"  → {upload.path}  {out.t(upload.how)}")
        for finding in upload.findings:
            out.finding(finding, indent="    ")
    out.line()
