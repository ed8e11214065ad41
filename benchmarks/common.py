"""What every benchmark shares: interleaved best-of timing and peak memory of a fresh process.

Peak memory is the kernel's VmHWM of a child interpreter (Linux), not ru_maxrss, which keeps the
parent's high-water mark across fork and exec.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

REPO = Path(__file__).resolve().parent.parent

# Prepended to each child's code: `peak()` is the process's high-water mark in KiB.
_PEAK = """
import re as _re
from pathlib import Path as _Path

def peak():
    return int(_re.search(r"VmHWM:\\s+(\\d+)", _Path("/proc/self/status").read_text())[1])
"""


def best_of(
    repeat: int, contenders: dict[str, Callable[[], object]], *, warm_up: bool = True
) -> dict[str, float]:
    """Each contender's best time, runs interleaved so background load hits all alike (after
    one untimed warm-up run each: imports and first use are not what is measured)."""
    for work in contenders.values() if warm_up else ():
        work()
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(repeat):
        for name, work in contenders.items():
            start = time.perf_counter()
            work()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def child_peak_mb(code: str, *args: str) -> dict[str, Any]:
    """Run `code` in a fresh interpreter; it prints a JSON object of KiB values (use `peak()`),
    returned here in MB. Non-numeric values pass through unchanged."""
    output = subprocess.run(
        [sys.executable, "-c", _PEAK + code, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    values = json.loads(output)
    return {k: v / 1024 if isinstance(v, int | float) else v for k, v in values.items()}


def verdict(value: float, target: float) -> str:
    return "meets" if value <= target else "MISSES"


def make_scans(folder: Path, count: int, page: Image.Image | None = None) -> list[Path]:
    """Distinct A4 300-dpi colour JPEG scans (a number drawn on each: no two are duplicates),
    of `page` or of a clean drawn page."""
    from PIL import ImageDraw
    from support.synth import PAPER, Page, draw_page  # tests/ is on sys.path in every bench

    if page is None:
        width, height = PAPER["a4"]
        page = draw_page(Page(width, height, 300, seal=True))
    paths = []
    for index in range(count):
        scan = page.copy()
        ImageDraw.Draw(scan).text((200, 3300), f"scan {index:03d}", fill=(0, 0, 0))
        path = folder / f"scan-{index:03d}.jpg"
        scan.save(path, "JPEG", quality=85, dpi=(300, 300))
        paths.append(path)
    return paths


# Materials that take several A4 pages, to spread a big case as an agency's would.
MANY_PAGE_MATERIALS = ("construction-plan", "preapproval-licence", "law-firm-licence-pages")


def big_case(root: Path, scans: int) -> tuple[Any, Path]:
    """The demo case plus `scans` distinct A4 300-dpi scans spread over several materials: a
    case that passes the review, as an agency's larger filings do."""
    from support.cases import demo_case
    from support.synth import Synth

    from beian_desktop.core.case.store import add_file

    case, folder = demo_case(root, "big")
    synth = Synth(root / "synth")
    for index in range(scans):
        material = MANY_PAGE_MATERIALS[index % len(MANY_PAGE_MATERIALS)]
        source = synth.scan("a4", 300, quality=55 + index % 45, seal=True)  # distinct bytes
        add_file(case, folder, material, source)
    return case, folder
