"""pack_case: review → convert → bundle. One zip, atomically, or nothing at the final path.

Conversions write into a work folder inside the output folder (named so a later run recognises
and removes what a killed run left); the zip is written to a temporary file and renamed. A
cancel or an error at any point removes the work folder and leaves no zip.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from beian_desktop import __version__
from beian_desktop.core.atomic import TEMP_PREFIX, scratch_writes
from beian_desktop.core.bundle.cover import write_cover_sheet
from beian_desktop.core.bundle.manifest import Manifest, PackagedMaterial
from beian_desktop.core.bundle.zipwriter import ZipEntry, write_zip
from beian_desktop.core.case.model import Case
from beian_desktop.core.errors import BeianError, OutputNotWritable
from beian_desktop.core.findings import Finding
from beian_desktop.core.inspect.cache import InspectionCache
from beian_desktop.core.pipeline.convert import Conversion, convert_all
from beian_desktop.core.pipeline.plan import make_plan
from beian_desktop.core.pipeline.progress import CancelToken, Progress, ProgressCallback
from beian_desktop.core.review import Review, review, upload_profile
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
    cache: InspectionCache | None = None,
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
        cache=cache,
    )
    if result.blocking:
        raise Blocked(result)
    plan = make_plan(case, pack, result, day)
    target = out_dir / plan.zip_name
    if target.exists() and not force:
        raise PackageExists(target)
    with _writing_to(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(out_dir)
        work = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}work-", dir=out_dir))
        conversion = Conversion(
            case, folder, plan, result, chosen, flavour or case.pdfa_flavour or "2b", work
        )
        try:
            with scratch_writes():  # the work folder's files are deleted after use
                materials, findings = convert_all(conversion, cancel, progress)
                manifest = _manifest(conversion, pack, materials)
                entries = _entries(conversion, manifest)
            _tick(progress, cancel, "bundle", 1, 1, plan.zip_name)
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


@contextmanager
def _writing_to(out_dir: Path) -> Iterator[None]:
    """A failure to write in the output folder (no permission, disk full, not a folder)
    becomes a message the user can act on; other OSErrors are left alone."""
    try:
        yield
    except OSError as error:
        named = [Path(os.fsdecode(n)) for n in (error.filename, error.filename2) if n]
        if named and not any(_within(path, out_dir) for path in named):
            raise
        raise OutputNotWritable(out_dir, error) from error


def _within(path: Path, folder: Path) -> bool:
    return path.absolute().is_relative_to(folder.absolute())


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


def _manifest(
    conversion: Conversion, pack: RulePack, materials: list[PackagedMaterial]
) -> Manifest:
    case = conversion.case
    province = pack.provinces.get(case.province)
    return Manifest(
        subject_name=case.subject.full_name,
        subject_type=case.subject.type,
        filing_type=case.filing_type,
        province_code=case.province,
        province_name=province.name.zh if province else case.province,
        created=conversion.plan.day.isoformat(),
        app_version=__version__,
        rule_pack_version=pack.info.version,
        rule_pack_date=pack.info.date,
        upload_profile=conversion.profile.id,
        pdfa_flavour=conversion.flavour,
        websites=[{"name": w.name, "domain": w.domain} for w in case.websites],
        materials=materials,
    )


def _entries(conversion: Conversion, manifest: Manifest) -> list[ZipEntry]:
    top = conversion.plan.top
    cover = conversion.work / COVER_NAME
    write_cover_sheet(manifest, cover, flavour=conversion.flavour)
    entries = [
        ZipEntry(f"{top}/{COVER_NAME}", source=cover),
        ZipEntry(f"{top}/{MANIFEST_NAME}", data=manifest.to_json()),
    ]
    for file in manifest.all_files():
        entries.append(ZipEntry(f"{top}/{file.path}", source=conversion.work / file.path))
    return entries
