"""The package's conversions: an upload JPEG per page and a PDF/A per material, side by side.

Every output's name is fixed by the plan before anything runs, and results are gathered in
the plan's order, so the package is the same however the threads interleave.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from beian_desktop.core.bundle.manifest import PackagedFile, PackagedMaterial
from beian_desktop.core.case.model import Case, StoredFile
from beian_desktop.core.case.store import resolve_file
from beian_desktop.core.convert.upload import UploadResult, to_upload_jpeg
from beian_desktop.core.findings import Finding
from beian_desktop.core.inspect import Inspection
from beian_desktop.core.parallel import Job, run_jobs
from beian_desktop.core.pdfa.convert import to_pdfa
from beian_desktop.core.pdfa.model import PdfaMetadata, PdfaReport
from beian_desktop.core.pipeline.plan import ARCHIVE_DIR, UPLOAD_DIR, MaterialPlan, PackagePlan
from beian_desktop.core.pipeline.progress import CancelToken, Progress, ProgressCallback
from beian_desktop.core.review import Review
from beian_desktop.core.review.materials import file_label, inspection_key
from beian_desktop.core.rules.model import UploadProfile

# Resampling a page this big takes hundreds of megabytes: such pages are converted one at a time.
HEAVY_PIXELS = 24_000_000


@dataclass(frozen=True)
class Conversion:
    """What to convert and where the results go (a work folder with 上传/ and 存档/)."""

    case: Case
    folder: Path
    plan: PackagePlan
    review: Review
    profile: UploadProfile
    flavour: str
    work: Path


@dataclass(frozen=True)
class _Archive:
    report: PdfaReport
    sha256: str


@dataclass
class _MaterialJobs:
    plan: MaterialPlan
    uploads: list[Job[UploadResult]]
    labels: list[str]  # the source file of each upload, for progress
    archive: Job[_Archive]


def convert_all(
    conversion: Conversion,
    cancel: CancelToken,
    progress: ProgressCallback | None = None,
) -> tuple[list[PackagedMaterial], list[Finding]]:
    """Convert every material of the plan; progress counts output files as they are done.
    Also returns what the converters found (what they changed or could not achieve)."""
    (conversion.work / UPLOAD_DIR).mkdir()
    (conversion.work / ARCHIVE_DIR).mkdir()
    per_material = [_jobs(conversion, plan, cancel) for plan in conversion.plan.materials]
    jobs: list[Job[UploadResult | _Archive]] = []
    labels: list[str] = []
    for item in per_material:
        jobs += [*item.uploads, item.archive]
        labels += [*item.labels, f"{item.plan.name.zh} PDF/A"]  # shown in （） by the GUI
    results = run_jobs(jobs, check=cancel.check, on_done=_reporter(labels, progress))
    materials, findings, position = [], [], 0
    for item in per_material:
        uploads = results[position : position + len(item.uploads)]
        archive = results[position + len(item.uploads)]
        position += len(item.uploads) + 1
        assert isinstance(archive, _Archive)
        upload_results = [u for u in uploads if isinstance(u, UploadResult)]
        materials.append(_packaged(conversion, item.plan, upload_results, archive))
        findings += [f for u in upload_results for f in u.findings]
    return materials, findings


def _reporter(labels: list[str], progress: ProgressCallback | None) -> Callable[[int], None]:
    done = 0

    def report(index: int) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(Progress("convert", done, len(labels), labels[index]))

    return report


def _jobs(conversion: Conversion, plan: MaterialPlan, cancel: CancelToken) -> _MaterialJobs:
    """One upload JPEG per page of each file, named -2, -3 … (or by side for ID cards), and
    the material's PDF/A."""
    pages: list[tuple[StoredFile, int, Inspection | None]] = []
    for stored in plan.files:
        inspection = conversion.review.inspections.get(inspection_key(plan.material.id, stored))
        count = inspection.page_count if inspection is not None else 1
        pages.extend((stored, page, inspection) for page in range(count))
    by_side = plan.material.sides == 2 and all(s.side for s in plan.files) and len(pages) == 2
    uploads = []
    for index, (stored, page, inspection) in enumerate(pages, 1):
        side = plan.side_name(stored) if by_side else ""
        name = conversion.plan.upload_name(
            plan, 1 if by_side else index, 1 if by_side else len(pages), side
        ).removesuffix(".jpg")
        uploads.append(_upload_job(conversion, plan, stored, page, inspection, name, cancel))
    return _MaterialJobs(
        plan,
        uploads,
        [file_label(stored) for stored, _, _ in pages],
        Job(lambda: _archive(conversion, plan, cancel)),
    )


def _upload_job(
    conversion: Conversion,
    plan: MaterialPlan,
    stored: StoredFile,
    page: int,
    inspection: Inspection | None,
    name: str,
    cancel: CancelToken,
) -> Job[UploadResult]:
    def run() -> UploadResult:
        cancel.check()
        return to_upload_jpeg(
            resolve_file(conversion.folder, stored),
            plan.material,
            conversion.profile,
            conversion.work / UPLOAD_DIR,
            name,
            page=page,
            inspection=inspection,
        )

    return Job(run, heavy=_pixels(inspection, page) > HEAVY_PIXELS)


def _pixels(inspection: Inspection | None, page: int) -> int:
    if inspection is None or page >= len(inspection.pages):
        return HEAVY_PIXELS + 1  # unknown: assume the worst
    report = inspection.pages[page]
    return (report.width_px or 0) * (report.height_px or 0)


def _archive(conversion: Conversion, plan: MaterialPlan, cancel: CancelToken) -> _Archive:
    cancel.check()
    out = conversion.work / ARCHIVE_DIR / conversion.plan.archive_name(plan)
    metadata = PdfaMetadata.for_material(
        conversion.plan.subject_name,
        conversion.plan.filing,
        plan.name.zh,
        conversion.plan.timestamp,
    )
    sources = [resolve_file(conversion.folder, stored) for stored in plan.files]
    report = to_pdfa(sources, out, conversion.flavour, metadata=metadata, material=plan.material)
    with out.open("rb") as written:
        digest = hashlib.file_digest(written, "sha256").hexdigest()
    return _Archive(report, digest)


def _packaged(
    conversion: Conversion, plan: MaterialPlan, uploads: list[UploadResult], archive: _Archive
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
    report = archive.report
    dpis = [p.effective_dpi for i in report.inputs for p in i.pages if p.effective_dpi]
    files.append(
        PackagedFile(
            path=f"{ARCHIVE_DIR}/{report.output}",
            role="archive",
            sha256=archive.sha256,
            size=report.size_bytes,
            pages=report.page_count,
            effective_dpi=round(min(dpis), 1) if dpis else None,
            how="；".join(f"{i.file}: {i.action}" for i in report.inputs),
            sources=sources,
        )
    )
    accepted = [f.message.zh for f in conversion.review.accepted_for(plan.material.id)]
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
