"""Upload-image cost, against a baseline measured in the same run (not a test).

    .venv/bin/python benchmarks/bench_upload.py [--repeat 3]

A 600-dpi A3 colour JPEG (a phone photo or scan far over every cap) through `to_upload_jpeg`
with the generic profile (< 3 MB, 200-dpi floor), against a plain Pillow decode and save at
quality 85 of the same file (which does not even meet the cap). Prints the time ratio and the
peak RSS (VmHWM, Linux) of a fresh process doing each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from common import best_of, child_peak_mb  # noqa: E402
from support.synth import PAPER, Page, draw_page  # noqa: E402

from beian_desktop.core.convert import to_upload_jpeg  # noqa: E402
from beian_desktop.core.rules import load_pack  # noqa: E402

MATERIAL, PROFILE = "subject-certificate", "generic"

# Runs in a fresh interpreter (common.child_peak_mb adds `peak()`).
_CHILD = """
import json, sys
from pathlib import Path

from beian_desktop.core.convert import to_upload_jpeg
from beian_desktop.core.rules import load_pack
from PIL import Image
pack = load_pack()
material, profile = pack.materials["subject-certificate"], pack.profiles["generic"]
imported = peak()
source, out = Path(sys.argv[2]), Path(sys.argv[3])
if sys.argv[1] == "upload":
    to_upload_jpeg(source, material, profile, out, "x")
else:
    with Image.open(source) as image:
        image.save(out / "baseline.jpg", "JPEG", quality=85)
print(json.dumps({"imported": imported, "peak": peak()}))
"""


def make_a3(folder: Path) -> Path:
    width, height = PAPER["a3"]
    path = folder / "a3-600dpi.jpg"
    draw_page(Page(width, height, 600, seal=True)).save(path, "JPEG", quality=85, dpi=(600, 600))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pack = load_pack()
    material, profile = pack.materials[MATERIAL], pack.profiles[PROFILE]
    with tempfile.TemporaryDirectory(prefix="bench-upload-") as tmp:
        folder = Path(tmp)
        print("Generating a 600-dpi A3 colour JPEG …", flush=True)
        source = make_a3(folder)
        source_mb = source.stat().st_size / 1e6

        def upload() -> None:
            to_upload_jpeg(source, material, profile, folder, "upload")

        def baseline() -> None:
            from PIL import Image

            with Image.open(source) as image:
                image.save(folder / "baseline.jpg", "JPEG", quality=85)

        upload()  # imports and first-use setup are not what is measured
        times = best_of(args.repeat, {"upload": upload, "baseline": baseline}, warm_up=False)
        upload_s, baseline_s = times["upload"], times["baseline"]
        result = to_upload_jpeg(source, material, profile, folder, "upload")
        plain = (folder / "baseline.jpg").stat().st_size
        upload_rss = child_peak_mb(_CHILD, "upload", str(source), str(folder))
        baseline_rss = child_peak_mb(_CHILD, "baseline", str(source), str(folder))

    print(
        f"\n600-dpi A3 colour JPEG ({source_mb:.1f} MB), {PROFILE} profile "
        f"(< {profile.max_bytes:,} B), best of {args.repeat} runs"
    )
    print(
        f"   to_upload_jpeg          : {upload_s:6.2f} s → {result.how.en}, "
        f"{result.size_bytes:,} B, {result.effective_dpi or 0:.0f} dpi"
    )
    print(
        f"   Pillow decode + q85 save: {baseline_s:6.2f} s → {plain:,} B "
        f"({'within' if profile.accepts_size(plain) else 'OVER'} the cap)"
    )
    print(f"   ratio upload / baseline = {upload_s / baseline_s:.2f}×")
    print(
        f"   peak RSS, to_upload_jpeg: {upload_rss['peak']:7.1f} MB "
        f"(after imports {upload_rss['imported']:.1f} MB)"
    )
    print(f"   peak RSS, Pillow baseline: {baseline_rss['peak']:6.1f} MB")
    print(f"   ratio = {upload_rss['peak'] / baseline_rss['peak']:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
