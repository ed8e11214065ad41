"""Inspect-layer helpers added for the upload converter: GPS detection, rendering at a DPI."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from support.synth import Synth, px

from beian_desktop.core.inspect import open_image, open_pdfium, render_page_at_dpi
from beian_desktop.core.inspect.metadata import has_location


def _with_gps(path: Path) -> Path:
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (39.0, 54.0, 27.0)})
    Image.new("RGB", (32, 32), "white").save(path, "JPEG", exif=exif.tobytes())
    return path


def test_exif_gps_is_a_location(tmp_path: Path) -> None:
    with Image.open(_with_gps(tmp_path / "gps.jpg")) as image:
        assert has_location(image)
    with open_image(tmp_path / "gps.jpg") as raster:
        assert raster.frame_info(0).location


def test_xmp_gps_is_a_location(tmp_path: Path) -> None:
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>39,54N</exif:GPSLatitude>'
    Image.new("RGB", (32, 32)).save(tmp_path / "xmp.jpg", "JPEG", xmp=xmp + b"</x:xmpmeta>")
    with Image.open(tmp_path / "xmp.jpg") as image:
        assert has_location(image)


def test_plain_scan_has_no_location(synth: Synth) -> None:
    with open_image(synth.orientation(6)) as raster:  # EXIF, but no GPS
        assert not raster.frame_info(0).location


def test_render_page_at_dpi_has_no_analysis_cap(synth: Synth) -> None:
    with open_pdfium(synth.scanner_pdf("a4", 200)) as document:
        image = render_page_at_dpi(document, 0, 400)  # beyond render_page's 288-dpi cap
    assert image.mode == "RGB"
    assert image.size == pytest.approx((px(210, 400), px(297, 400)), abs=1)


def test_unreadable_metadata_may_hold_a_location(tmp_path: Path) -> None:
    class BrokenExif(Image.Image):
        def getexif(self) -> Image.Exif:
            raise OSError("unrecognized data stream contents")

    broken = BrokenExif()
    broken.info = {}
    assert has_location(broken)
