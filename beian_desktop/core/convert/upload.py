"""Upload copies: one JPEG per page that the filing portals accept.

    results = to_upload_jpegs(path, material, profile, out_dir, "某公司-首次备案-营业执照")
    for result in results:
        result.path, result.how, result.effective_dpi, result.findings

Each page (a picture, a TIFF page, a PDF page — an ID card's front and back pages become two
images) is written atomically under `base_name + suffix(page, pages) + ".jpg"`. A file that
already meets every limit is copied byte for byte; any other page is decoded through the inspect
layer, turned upright, converted to sRGB (or kept grey), stripped of metadata and encoded by the
quality/scale search in `jpeg_search`, which never goes under the material's DPI floor. What
could not be met is said in the result's findings. The original is only read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from beian_desktop.core.atomic import atomic_write_bytes, copy_or_link
from beian_desktop.core.convert import upload_findings as say
from beian_desktop.core.convert.colour import Prepared, prepare
from beian_desktop.core.convert.geometry import PageGeometry
from beian_desktop.core.convert.jpeg_search import Encoder, Outcome, search
from beian_desktop.core.convert.passthrough import copy_blockers
from beian_desktop.core.convert.pdf_pages import RenderedPage, rendered_pages
from beian_desktop.core.findings import Finding
from beian_desktop.core.inspect import (
    ColourClass,
    FileKind,
    FormatChoice,
    Inspection,
    Limits,
    PageReport,
    RasterFile,
    decode_boundary,
    inspect,
    open_image,
    sniff,
    upright,
)
from beian_desktop.core.rules.model import Material, UploadProfile
from beian_desktop.core.text import Text

Suffix = Callable[[int, int], str]
_EXTENSIONS = {"jpeg": ".jpg", "png": ".png"}
_FORBIDDEN_IN_NAMES = ("/", "\\", "\0")


def page_suffix(page: int, pages: int) -> str:
    """The default: nothing for the first page, then "-2", "-3", … (the package's convention)."""
    return "" if page == 0 else f"-{page + 1}"


@dataclass(frozen=True, slots=True)
class UploadResult:
    """One upload image and how it came about."""

    path: Path
    page: int  # 0-based page or frame of the source
    method: str  # "copied" | "re-encoded" | "downscaled"
    rendered: bool  # made from a PDF page
    how: Text  # e.g. "downscaled to 2480×3508, q=75"
    format: str  # "jpeg" | "png" (a PNG only when copied unchanged)
    width: int
    height: int
    effective_dpi: float | None  # against `paper`
    paper: FormatChoice
    size_bytes: int
    sha256: str
    quality: int | None  # None when copied
    scale: float  # output pixels per pixel of the decoded (or rendered) page
    findings: tuple[Finding, ...]
    colour_converted_from: str | None = None  # the ICC profile converted to sRGB, if any

    @property
    def blocking(self) -> bool:
        return any(finding.blocking for finding in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "page": self.page,
            "method": self.method,
            "rendered": self.rendered,
            "how": self.how.to_dict(),
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "effective_dpi": None if self.effective_dpi is None else round(self.effective_dpi, 1),
            "paper": self.paper.to_dict(),
            "size_bytes": self.size_bytes,
            "sha256": self.sha256,
            "quality": self.quality,
            "scale": round(self.scale, 4),
            "colour_converted_from": self.colour_converted_from,
            "blocking": self.blocking,
            "findings": [finding.to_dict() for finding in self.findings],
        }


@dataclass(frozen=True, slots=True)
class _Job:
    """What every page of one conversion shares."""

    material: Material
    profile: UploadProfile
    out_dir: Path
    base_name: str
    suffix: Suffix
    source: Path
    pages: int  # in the source, for names and messages
    label: str  # the format's name, for errors
    max_pixels: int

    def boundary(self) -> AbstractContextManager[None]:
        """Library failures while decoding, converting or encoding become typed errors
        (MemoryError on a huge page: `TooLarge`), as everywhere in the inspect layer."""
        return decode_boundary(self.label, self.source, max_pixels=self.max_pixels)

    def target(self, page: int, extension: str) -> Path:
        name = f"{self.base_name}{self.suffix(page, self.pages)}{extension}"
        if not name.strip(". ") or any(c in name for c in _FORBIDDEN_IN_NAMES):
            raise ValueError(f"not a file name: {name!r}")
        target = self.out_dir / name
        if target.resolve() == self.source.resolve():
            raise ValueError("the upload copy would overwrite its original")
        return target


def to_upload_jpegs(
    source: Path | str,
    material: Material,
    profile: UploadProfile,
    out_dir: Path | str,
    base_name: str,
    *,
    suffix: Suffix = page_suffix,
    pages: Sequence[int] | None = None,
    inspection: Inspection | None = None,
    limits: Limits | None = None,
) -> list[UploadResult]:
    """Upload images for the pages of `source` (all, or the 0-based `pages`), each named
    `base_name + suffix(page, page_count)` plus ".jpg" (".png" for a PNG copied unchanged) in
    `out_dir`.

    `inspection`: the file's inspection against `material`, when the caller has it already.
    Raises the inspect layer's `InputFileError`s for files that cannot be read, `ValueError`
    for a name that is not a plain file name (or would replace the source).
    """
    source, limits = Path(source), limits or Limits()
    if inspection is None or inspection.material_id != material.id:
        inspection = inspect(source, material, profile, limits=limits)
    count = len(inspection.pages)
    chosen = list(range(count)) if pages is None else list(pages)
    if any(not 0 <= page < count for page in chosen):
        raise IndexError(f"pages {chosen} of {count}")
    sniffed = sniff(source)
    job = _Job(
        material,
        profile,
        Path(out_dir),
        base_name,
        suffix,
        source,
        count,
        sniffed.kind.label,
        limits.max_pixels,
    )
    for page in chosen:  # every name is checked before anything is written
        job.target(page, _EXTENSIONS["jpeg"])
    if sniffed.kind is FileKind.PDF:
        rendered = rendered_pages(source, inspection, material, chosen, limits, sniffed)
        return [_from_rendered(job, page, inspection.pages[page.index]) for page in rendered]
    with open_image(source, limits=limits, sniffed=sniffed) as raster:
        return [_from_raster(job, raster, inspection.pages[page]) for page in chosen]


def to_upload_jpeg(
    source: Path | str,
    material: Material,
    profile: UploadProfile,
    out_dir: Path | str,
    name: str,
    *,
    page: int = 0,
    inspection: Inspection | None = None,
    limits: Limits | None = None,
) -> UploadResult:
    """The upload image of one page of `source` (the first by default), named `name` plus
    ".jpg" (".png" for a PNG copied unchanged) in `out_dir`."""
    (result,) = to_upload_jpegs(
        source,
        material,
        profile,
        out_dir,
        name,
        suffix=lambda _page, _pages: "",
        pages=[page],
        inspection=inspection,
        limits=limits,
    )
    return result


# -- pictures --------------------------------------------------------------------------------


def _from_raster(job: _Job, raster: RasterFile, report: PageReport) -> UploadResult:
    info = raster.frame_info(report.index)
    geometry = PageGeometry(info.upright_size, report.paper, report.effective_dpi, False)
    findings = _resolution_findings(job, report.index, geometry)
    blockers = copy_blockers(
        job.source,
        raster.kind,
        raster.pillow_format,
        raster.frame_count,
        info,
        raster.sniffed.size,
        job.profile,
    )
    if not blockers:
        return _copied(job, raster.kind, report, geometry, findings)
    if info.location:
        findings.append(say.location_removed(job.material.id, report.index, job.pages))
    with job.boundary():
        prepared = prepare(raster.load(report.index), grey=_may_be_grey(job, report))
    turn = raster.orientation_after_load(report.index)
    return _encoded(job, report.index, geometry, prepared, turn, findings)


def _copied(
    job: _Job, kind: FileKind, report: PageReport, geometry: PageGeometry, findings: list[Finding]
) -> UploadResult:
    fmt = "png" if kind is FileKind.PNG else "jpeg"
    target = job.target(report.index, _EXTENSIONS[fmt])
    copy_or_link(job.source, target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    width, height = geometry.full_size
    return UploadResult(
        path=target,
        page=report.index,
        method="copied",
        rendered=False,
        how=Text("原样复制", "copied unchanged"),
        format=fmt,
        width=width,
        height=height,
        effective_dpi=geometry.full_dpi,
        paper=geometry.paper,
        size_bytes=target.stat().st_size,
        sha256=digest,
        quality=None,
        scale=1.0,
        findings=tuple(findings),
    )


# -- PDF pages -------------------------------------------------------------------------------


def _from_rendered(job: _Job, page: RenderedPage, report: PageReport) -> UploadResult:
    geometry = page.geometry
    findings = _resolution_findings(job, page.index, geometry)
    with job.boundary():
        prepared = prepare(page.image, grey=_may_be_grey(job, report))
    return _encoded(job, page.index, geometry, prepared, 1, findings, page.dpi)


# -- encoding --------------------------------------------------------------------------------


def _may_be_grey(job: _Job, report: PageReport) -> bool:
    """RGB pixels that are grey become an "L" JPEG only where colour is not required; a grey
    page where colour is required keeps its RGB (inspection reports the problem)."""
    grey = report.colour in (ColourClass.GREYSCALE, ColourClass.BILEVEL)
    return grey and not job.material.colour_required


def _resolution_findings(job: _Job, page: int, geometry: PageGeometry) -> list[Finding]:
    required = job.material.min_dpi
    if geometry.below(required) and geometry.full_dpi is not None:
        return [say.below_dpi_floor(job.material.id, page, job.pages, geometry.full_dpi, required)]
    return []


def _encoded(
    job: _Job,
    page: int,
    geometry: PageGeometry,
    prepared: Prepared,
    orientation: int,
    findings: list[Finding],
    rendered_dpi: float | None = None,
) -> UploadResult:
    """Search, write and describe the JPEG of one prepared page (in its stored orientation)."""
    pages, concerns = job.pages, job.material.id
    if prepared.unconverted:
        findings.append(say.colours_unconverted(concerns, page, pages, prepared.unconverted))
    floor = geometry.floor_size(job.material.min_dpi)  # upright
    encoder = Encoder(
        prepared.image,
        lambda image: upright(image, orientation),
        lambda size: round(geometry.dpi_of(size) or 0),
    )
    with job.boundary():
        outcome = search(
            encoder, _turned(floor, orientation), job.profile.byte_budget, job.profile.min_bytes
        )
    encoder.release()
    findings += _outcome_findings(job, page, geometry, outcome, floor)
    best = outcome.best
    target = job.target(page, ".jpg")
    atomic_write_bytes(target, best.data)
    width, height = best.size
    return UploadResult(
        path=target,
        page=page,
        method="re-encoded" if best.full_size else "downscaled",
        rendered=rendered_dpi is not None,
        how=_how(best.full_size, best.size, best.quality, page, rendered_dpi),
        format="jpeg",
        width=width,
        height=height,
        effective_dpi=geometry.dpi_of(best.size),
        paper=geometry.paper,
        size_bytes=best.length,
        sha256=hashlib.sha256(best.data).hexdigest(),
        quality=best.quality,
        scale=max(best.size) / max(geometry.full_size),
        findings=tuple(findings),
        colour_converted_from=prepared.converted_from,
    )


def _turned(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """An upright size in the stored picture's orientation (EXIF 5–8 turn it by 90°)."""
    return (size[1], size[0]) if orientation >= 5 else size


def _outcome_findings(
    job: _Job,
    page: int,
    geometry: PageGeometry,
    outcome: Outcome,
    floor: tuple[int, int],
) -> list[Finding]:
    """What the search could not achieve: the cap above the floor, or the minimum size."""
    concerns, pages, best = job.material.id, job.pages, outcome.best
    found = []
    if not outcome.fits:
        floor_dpi = geometry.dpi_of(floor) or 0.0
        found.append(
            say.cap_unreachable(
                concerns,
                page,
                pages,
                job.profile,
                best.length,
                floor_dpi,
                floor,
                best.quality,
                below_floor=geometry.below(job.material.min_dpi),
            )
        )
    elif not outcome.big_enough:
        found.append(
            say.under_min_bytes(concerns, page, pages, job.profile, best.length, best.quality)
        )
    return found


def _how(
    full: bool, size: tuple[int, int], quality: int, page: int, rendered_dpi: float | None
) -> Text:
    width, height = size
    if full:
        done = Text(f"重新编码（质量 {quality}）", f"re-encoded q={quality}")
    else:
        done = Text(
            f"缩小到 {width}×{height}（质量 {quality}）",
            f"downscaled to {width}×{height}, q={quality}",
        )
    if rendered_dpi is None:
        return done
    rendered = Text(
        f"由 PDF 第 {page + 1} 页以 {rendered_dpi:.0f} dpi 渲染，",
        f"rendered from PDF page {page + 1} at {rendered_dpi:.0f} dpi,",
    )
    return rendered + done
