"""Inspection cost, against baselines measured in the same run (not a test).

    .venv/bin/python benchmarks/bench_inspect.py [--scans 40] [--repeat 3]

1. 40 A4 300-dpi JPEG scans: `inspect()` on each, against a full Pillow decode
   (`Image.open(p).load()`) of the same files. Target: ≤ 0.5×.
2. A 600-dpi A3 JPEG: peak RSS (VmHWM, Linux) of a fresh process that inspects it, against one
   that fully decodes it with Pillow. Target: ≤ 150 MB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from common import best_of, child_peak_mb, make_scans  # noqa: E402
from support.synth import PAPER, Page, draw_page  # noqa: E402

from beian_desktop.core.inspect import inspect  # noqa: E402

RSS_TARGET_MB = 150
RATIO_TARGET = 0.5

# Runs in a fresh interpreter (common.child_peak_mb adds `peak()`).
_CHILD = """
import json, sys
from pathlib import Path

from beian_desktop.core.inspect import inspect
from PIL import Image
imported = peak()
if sys.argv[1] == "inspect":
    inspect(Path(sys.argv[2]))
else:
    with Image.open(sys.argv[2]) as image:
        image.load()
print(json.dumps({"imported": imported, "peak": peak()}))
"""


def full_decode(paths: list[Path]) -> None:
    from PIL import Image

    for path in paths:
        with Image.open(path) as image:
            image.load()


def inspect_all(paths: list[Path]) -> None:
    for path in paths:
        inspect(path)


def bench_scans(folder: Path, count: int, repeat: int) -> None:
    print(f"Generating {count} A4 300-dpi JPEG scans …", flush=True)
    scans = make_scans(folder, count)
    size_mb = sum(p.stat().st_size for p in scans) / 1e6
    inspect_all(scans[:2])  # imports and first-use setup are not what is measured
    full_decode(scans[:2])
    times = best_of(
        repeat,
        {"decode": lambda: full_decode(scans), "inspect": lambda: inspect_all(scans)},
        warm_up=False,
    )
    decode_s, inspect_s = times["decode"], times["inspect"]
    ratio = inspect_s / decode_s
    verdict = "meets" if ratio <= RATIO_TARGET else "MISSES"
    print(f"\n1. {count} A4 300-dpi JPEG scans ({size_mb:.1f} MB), best of {repeat} runs")
    print(f"   Pillow full decode : {decode_s:7.3f} s ({decode_s / count * 1e3:5.1f} ms/scan)")
    print(f"   inspect()          : {inspect_s:7.3f} s ({inspect_s / count * 1e3:5.1f} ms/scan)")
    print(f"   ratio inspect / decode = {ratio:.2f}×  (target ≤ {RATIO_TARGET}×: {verdict})")


def bench_rss(folder: Path) -> None:
    print("\nGenerating a 600-dpi A3 JPEG …", flush=True)
    width, height = PAPER["a3"]
    big = folder / "a3-600dpi.jpg"
    page = draw_page(Page(width, height, 600, seal=True))
    page.save(big, "JPEG", quality=85, dpi=(600, 600))
    megapixels = page.width * page.height / 1e6
    del page
    inspected = child_peak_mb(_CHILD, "inspect", str(big))
    decoded = child_peak_mb(_CHILD, "decode", str(big))
    peak = inspected["peak"]
    verdict = "meets" if peak <= RSS_TARGET_MB else "MISSES"
    print(f"\n2. 600-dpi A3 JPEG ({megapixels:.1f} Mpx, {big.stat().st_size / 1e6:.1f} MB)")
    print(f"   after imports      : {inspected['imported']:7.1f} MB")
    print(f"   peak, inspect()    : {peak:7.1f} MB  (target ≤ {RSS_TARGET_MB} MB: {verdict})")
    print(f"   peak, full decode  : {decoded['peak']:7.1f} MB")
    print(f"   ratio inspect / full decode = {peak / decoded['peak']:.2f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scans", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-inspect-") as tmp:
        bench_scans(Path(tmp), args.scans, args.repeat)
        bench_rss(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
