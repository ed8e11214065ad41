"""pack_case: review → convert → bundle. One zip, atomically, or nothing at the final path.

Conversions write into a work folder inside the output folder (named so a later run recognises
and removes what a killed run left); the zip is written to a temporary file and renamed. A
cancel or an error at any point removes the work folder and leaves no zip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from beian_desktop import __version__
from beian_desktop.core.atomic import TEMP_PREFIX, scratch_writes
from beian_desktop.core.bundle.cover import write_cover_sheet
from beian_desktop.core.bundle.manifest import Manifest, PackagedFile, PackagedMaterial
from beian_desktop.core.bundle.zipwriter import ZipEntry, write_zip
from beian_desktop.core.case.model import Case, StoredFile
from beian_desktop.core.case.store import resolve_file
from beian_desktop.core.convert.upload import UploadResult, to_upload_jpeg
from beian_desktop.core.errors import BeianError
from beian_desktop.core.findings import Finding
from beian_desktop.core.inspect import Inspection
from beian_desktop.core.pdfa.convert import to_pdfa
from beian_desktop.core.pdfa.model import PdfaMetadata, PdfaReport
from beian_desktop.core.pipeline.plan import (
    ARCHIVE_DIR,
    UPLOAD_DIR,
    MaterialPlan,
    PackagePlan,
    make_plan,
)
from beian_desktop.core.pipeline.progress import CancelToken, Progress, ProgressCallback
from beian_desktop.core.review import Review, review, upload_profile
from beian_desktop.core.review.materials import file_label, inspection_key
from beian_desktop.core.rules.model import UploadProfile
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text

COVER_NAME = "材料清单.pdf"
MANIFEST_NAME = "manifest.json"


class Blocked(BeianError):
    """The review found blocking problems: nothing is packed."""

    code = "blocked"

    def __init__(self, result: Review) -> None:
        self.review = result
        count = len(result.blocking)
        super().__init__(
            Text(
                f"有 {count} 个阻断问题，未生成材料包。",
                f"{count} blocking problem(s); no package made.",
            ),
            Text(
                "按提示解决后重试（beian-desktop review 列出全部问题）。",
                "Solve them and try again (beian-desktop review lists them all).",
            ),
        )


class PackageExists(BeianError):
    code = "package-exists"

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            Text(f"材料包已存在：{path.name}", f"The package already exists: {path.name}"),
            Text(
                "如要覆盖，请使用 --force（或在界面中确认覆盖）。",
                "To replace it, use --force (or confirm in the app).",
            ),
        )


@dataclass
class PackResult:
    zip_path: Path
    manifest: Manifest
    review: Review
    findings: list[Finding]  # from the converters: what they changed or could not achieve


@dataclass
class _Run:
    case: Case
    folder: Path
    pack: RulePack
    plan: PackagePlan
    profile: UploadProfile
    flavour: str
    work: Path
    review: Review
    progress: ProgressCallback | None
    cancel: CancelToken
    files_done: int = 0

    def report(self, step: str, index: int, total: int, current: str) -> None:
        self.cancel.check()
        if self.progress is not None:
            self.progress(Progress(step, index, total, current))


def pack_case(
    case: Case,
    folder: Path,
    out_dir: Path,
    *,
    pack: RulePack,
    profile: str | None = None,
    flavour: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PackResult:
    """Make `<主体全称>-<办理项>-备案材料-<YYYYMMDD>.zip` in `out_dir` from the case."""
    day = today or dt.date.today()
    chosen = pack.find_profile(profile) if profile else upload_profile(case, pack)
    cancel = cancel or CancelToken()
    result = review(
        case,
        folder,
        pack,
        today=day,
        profile=chosen,
        on_file=lambda i, n, name: _tick(progress, cancel, "review", i, n, name),
    )
    if result.blocking:
        raise Blocked(result)
    plan = make_plan(case, pack, result, day)
    target = out_dir / plan.zip_name
    if target.exists() and not force:
        raise PackageExists(target)
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out_dir)
    work = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}work-", dir=out_dir))
    try:
        run = _Run(
            case,
            folder,
            pack,
            plan,
            chosen,
            flavour or case.pdfa_flavour or "2b",
            work,
            result,
            progress,
            cancel,
        )
        with scratch_writes():  # the work folder's files are deleted after use
            manifest, findings = _convert_all(run)
            entries = _entries(run, manifest)
        run.report("bundle", 1, 1, plan.zip_name)
        write_zip(
            entries,
            target,
            timestamp=plan.timestamp.replace(tzinfo=None),
            overwrite=force,
            on_entry=lambda *_: cancel.check(),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return PackResult(target, manifest, result, findings)


def _tick(
    progress: ProgressCallback | None,
    cancel: CancelToken,
    step: str,
    index: int,
    total: int,
    current: str,
) -> None:
    cancel.check()
    if progress is not None:
        progress(Progress(step, index, total, current))


def _remove_leftovers(out_dir: Path) -> None:
    """Work folders and partial zips of a killed run (ours only: they carry our prefix)."""
    for leftover in out_dir.glob(f"{TEMP_PREFIX}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _convert_all(run: _Run) -> tuple[Manifest, list[Finding]]:
    (run.work / UPLOAD_DIR).mkdir()
    (run.work / ARCHIVE_DIR).mkdir()
    materials: list[PackagedMaterial] = []
    findings: list[Finding] = []
    for material_plan in run.plan.materials:
        uploads = _uploads(run, material_plan)
        archive = _archive(run, material_plan)
        findings.extend(f for u in uploads for f in u.findings)
        materials.append(_packaged(run, material_plan, uploads, archive))
    return _manifest(run, materials), findings


def _uploads(run: _Run, plan: MaterialPlan) -> list[UploadResult]:
    """One upload JPEG per page of each file, named -2, -3 … (or by side for ID cards)."""
    jobs: list[tuple[StoredFile, int, Inspection | None]] = []
    for stored in plan.files:
        inspection = run.review.inspections.get(inspection_key(plan.material.id, stored))
        pages = inspection.page_count if inspection is not None else 1
        jobs.extend((stored, page, inspection) for page in range(pages))
    by_side = plan.material.sides == 2 and all(s.side for s in plan.files) and len(jobs) == 2
    results = []
    done_files: set[str] = set()
    for index, (stored, page, inspection) in enumerate(jobs, 1):
        if stored.sha256 not in done_files:
            done_files.add(stored.sha256)
            run.files_done += 1
            run.report("convert", run.files_done, run.plan.file_count, file_label(stored))
        side = plan.side_name(stored) if by_side else ""
        name = run.plan.upload_name(
            plan, 1 if by_side else index, 1 if by_side else len(jobs), side
        ).removesuffix(".jpg")
        results.append(
            to_upload_jpeg(
                resolve_file(run.folder, stored),
                plan.material,
                run.profile,
                run.work / UPLOAD_DIR,
                name,
                page=page,
                inspection=inspection,
            )
        )
    return results


def _archive(run: _Run, plan: MaterialPlan) -> PdfaReport:
    out = run.work / ARCHIVE_DIR / run.plan.archive_name(plan)
    metadata = PdfaMetadata.for_material(
        run.plan.subject_name, run.plan.filing, plan.name.zh, run.plan.timestamp
    )
    sources = [resolve_file(run.folder, stored) for stored in plan.files]
    run.cancel.check()
    return to_pdfa(sources, out, run.flavour, metadata=metadata, material=plan.material)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _packaged(
    run: _Run, plan: MaterialPlan, uploads: list[UploadResult], archive: PdfaReport
) -> PackagedMaterial:
    sources = [f.sha256 for f in plan.files]
    files = [
        PackagedFile(
            path=f"{UPLOAD_DIR}/{u.path.name}",
            role="upload",
            sha256=u.sha256,
            size=u.size_bytes,
            pages=1,
            width_px=u.width,
            height_px=u.height,
            effective_dpi=None if u.effective_dpi is None else round(u.effective_dpi, 1),
            how=u.how.zh,
            sources=sources,
        )
        for u in uploads
    ]
    archive_path = run.work / ARCHIVE_DIR / archive.output
    dpis = [p.effective_dpi for i in archive.inputs for p in i.pages if p.effective_dpi]
    files.append(
        PackagedFile(
            path=f"{ARCHIVE_DIR}/{archive.output}",
            role="archive",
            sha256=_sha256(archive_path),
            size=archive.size_bytes,
            pages=archive.page_count,
            effective_dpi=round(min(dpis), 1) if dpis else None,
            how="；".join(f"{i.file}: {i.action}" for i in archive.inputs),
            sources=sources,
        )
    )
    accepted = [f.message.zh for f in run.review.accepted_for(plan.material.id)]
    return PackagedMaterial(
        id=plan.material.id,
        name=plan.name.zh,
        name_en=plan.name.en,
        level=plan.level,
        rules=plan.rules,
        reasons=plan.reasons,
        files=files,
        accepted_warnings=accepted,
    )


def _manifest(run: _Run, materials: list[PackagedMaterial]) -> Manifest:
    case, pack = run.case, run.pack
    province = pack.provinces.get(case.province)
    return Manifest(
        subject_name=case.subject.full_name,
        subject_type=case.subject.type,
        filing_type=case.filing_type,
        province_code=case.province,
        province_name=province.name.zh if province else case.province,
        created=run.plan.day.isoformat(),
        app_version=__version__,
        rule_pack_version=pack.info.version,
        rule_pack_date=pack.info.date,
        upload_profile=run.profile.id,
        pdfa_flavour=run.flavour,
        websites=[{"name": w.name, "domain": w.domain} for w in case.websites],
        materials=materials,
    )


def _entries(run: _Run, manifest: Manifest) -> list[ZipEntry]:
    top = run.plan.top
    cover = run.work / COVER_NAME
    write_cover_sheet(manifest, cover, flavour=run.flavour)
    entries = [
        ZipEntry(f"{top}/{COVER_NAME}", source=cover),
        ZipEntry(f"{top}/{MANIFEST_NAME}", data=manifest.to_json()),
    ]
    for file in manifest.all_files():
        entries.append(ZipEntry(f"{top}/{file.path}", source=run.work / file.path))
    return entries
