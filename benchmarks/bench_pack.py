"""Packing overhead: a whole `pack_case` against the sum of its conversions (not a test).

    .venv/bin/python benchmarks/bench_pack.py [--scans 40] [--repeat 3]

For the bundled demo case and for a 40-scan case (A4 300-dpi JPEG scans of letters), the
baseline is the sum of the conversions: each file's inspection and upload JPEGs, each material's
PDF/A, one after another. The contender is the whole pipeline: review (rules, identity checks,
inspections), conversions, cover sheet, manifest and the zip, as `pack_case` runs it: files are
inspected and converted on worker threads (core/parallel.py), the rest follows on one thread.
Target: bundling overhead ≤ 10 % (ratio ≤ 1.10×). Best of N runs, interleaved.

For transparency a second ratio is printed: the pipeline against the same conversions run on
the same worker threads, i.e. what packaging adds on top of parallel conversion.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from common import best_of, big_case, verdict  # noqa: E402
from support.cases import demo_case  # noqa: E402

from beian_desktop.core.atomic import scratch_writes  # noqa: E402
from beian_desktop.core.case import Case  # noqa: E402
from beian_desktop.core.case.store import resolve_file  # noqa: E402
from beian_desktop.core.convert import to_upload_jpeg  # noqa: E402
from beian_desktop.core.inspect import inspect  # noqa: E402
from beian_desktop.core.parallel import Job, run_jobs, worker_count  # noqa: E402
from beian_desktop.core.pdfa import PdfaMetadata, to_pdfa  # noqa: E402
from beian_desktop.core.pipeline.progress import Progress  # noqa: E402
from beian_desktop.core.pipeline.run import pack_case  # noqa: E402
from beian_desktop.core.rules import RulePack, load_pack  # noqa: E402
from beian_desktop.core.rules.model import Material  # noqa: E402

DAY = dt.date(2026, 11, 27)
TARGET = 1.10


def conversions_only(
    case: Case, folder: Path, pack: RulePack, out: Path, *, workers: int = 1
) -> None:
    """What the pipeline converts, as it converts it (work files not forced to disk), without
    review, cover sheet, manifest or zip: one job per file and one per material's PDF/A."""
    with scratch_writes():
        run_jobs(_jobs(case, folder, pack, out), workers=workers)


def _jobs(case: Case, folder: Path, pack: RulePack, out: Path) -> list[Job[object]]:
    profile = pack.default_profile
    jobs: list[Job[object]] = []
    for material_id, files in case.assignments.items():
        material = pack.materials[material_id]
        for number, stored in enumerate(files):
            path = resolve_file(folder, stored)

            def uploads(path: Path = path, material: Material = material, name: str = "") -> None:
                inspection = inspect(path, material, profile)
                for page in range(inspection.page_count):
                    to_upload_jpeg(
                        path,
                        material,
                        profile,
                        out,
                        f"{name}-{page}",
                        page=page,
                        inspection=inspection,
                    )

            jobs.append(Job(partial(uploads, name=f"{material_id}-{number}")))
        sources = [resolve_file(folder, f) for f in files]
        metadata = PdfaMetadata(material_id, dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
        target = out / f"{material_id}.pdf"
        jobs.append(
            Job(partial(to_pdfa, sources, target, "2b", metadata=metadata, material=material))
        )
    return jobs


def measure(
    title: str, case: Case, folder: Path, pack: RulePack, scratch: Path, repeat: int
) -> dict[str, float]:
    def convert(workers: int) -> None:
        out = scratch / "convert"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        conversions_only(case, folder, pack, out, workers=workers)

    runs: list[Stages] = []

    def whole() -> None:
        stages = Stages()
        pack_case(
            case, folder, scratch / "pack", pack=pack, today=DAY, force=True, progress=stages.seen
        )
        runs.append(stages.finish())

    workers = worker_count()
    contenders = {
        "conversions": partial(convert, 1),
        "parallel": partial(convert, workers),
        "pack": whole,
    }
    times = best_of(repeat, contenders)
    ratio = times["pack"] / times["conversions"]
    files = sum(len(f) for f in case.assignments.values())
    print(f"\n{title} ({files} files, {workers} worker threads)")
    print(f"   conversions, one after another  : {times['conversions']:7.3f} s")
    print(f"   conversions on {workers} threads        : {times['parallel']:7.3f} s")
    print(f"   pack_case                       : {times['pack']:7.3f} s")
    print(
        f"   ratio pack / sum of conversions = {ratio:.2f}×  "
        f"(overhead {100 * (ratio - 1):+.0f} %, target ≤ +10 %: {verdict(ratio, TARGET)})"
    )
    extra = times["pack"] - times["parallel"]
    print(
        f"   (pack / parallel conversions = {times['pack'] / times['parallel']:.2f}×: "
        f"packaging adds {1000 * extra:.0f} ms)"
    )
    fastest = min(runs, key=lambda stages: stages.total)
    print(
        "   fastest pack, by its progress reports: review and conversions "
        f"{1000 * fastest.converted:.0f} ms, manifest and cover sheet "
        f"{1000 * (fastest.covered - fastest.converted):.0f} ms, zip "
        f"{1000 * (fastest.total - fastest.covered):.0f} ms"
    )
    return times


class Stages:
    """When a pack's last conversion ended and its zip began (the cover sheet is made in
    between: it lists every converted file's SHA-256), from its progress reports."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.converted = self.covered = self.total = 0.0

    def seen(self, progress: Progress) -> None:
        now = time.perf_counter() - self.start
        if progress.step == "convert":
            self.converted = now
        elif progress.step == "bundle":
            self.covered = now

    def finish(self) -> Stages:
        self.total = time.perf_counter() - self.start
        return self


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pack = load_pack()
    with tempfile.TemporaryDirectory(prefix="bench-pack-") as root_name:
        root = Path(root_name)
        case, folder = demo_case(root)
        demo = measure("1. the demo case", case, folder, pack, root, args.repeat)
        print(f"\nGenerating a {args.scans}-scan case …")
        case, folder = big_case(root, args.scans)
        big = measure(f"2. a {args.scans}-scan case", case, folder, pack, root, args.repeat)
    both = (demo["pack"] + big["pack"]) / (demo["conversions"] + big["conversions"])
    print(
        f"\n(both cases together: pack / sum of conversions = {both:.2f}×; "
        "the target is read per case above)"
    )


if __name__ == "__main__":
    main()
