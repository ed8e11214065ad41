"""A TIFF with an Orientation tag: Pillow turns it on load; nothing may turn it a second time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pytest
from conftest import CORPUS
from PIL import Image

from beian_desktop.core.convert import to_upload_jpeg
from beian_desktop.core.inspect import inspect, open_image
from beian_desktop.core.pdfa import PdfaMetadata, to_pdfa, verify
from beian_desktop.core.rules import load_pack

ROTATED = CORPUS / "images" / "pillow__g4_orientation_6.tif"  # 88×590 stored, tag 6
UPRIGHT = (590, 88)


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack()


def test_inspection_reports_the_upright_size() -> None:
    with open_image(ROTATED) as raster:
        info = raster.frame_info(0)
        assert (info.width, info.height, info.orientation) == (88, 590, 6)
        assert info.upright_size == UPRIGHT
        assert raster.load(0).size == UPRIGHT and raster.orientation_after_load(0) == 1
    page = inspect(ROTATED).pages[0]
    assert (page.width_px, page.height_px) == UPRIGHT


def test_upload_copy_is_upright_once(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    result = to_upload_jpeg(
        ROTATED, pack.materials["domain-certificate"], pack.profiles["generic"], tmp_path, "x"
    )
    assert (result.width, result.height) == UPRIGHT
    with Image.open(result.path) as written:
        assert written.size == UPRIGHT


def test_pdfa_page_is_upright_once(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.pdf"
    to_pdfa(
        [ROTATED],
        out,
        "2b",
        metadata=PdfaMetadata("x", dt.datetime(2026, 11, 27)),
        material=pack.materials["domain-certificate"],
    )
    assert verify(out, "2b") == []
    with pikepdf.open(out) as pdf:
        page = pdf.pages[0]
        width, height = float(page.mediabox[2]), float(page.mediabox[3])
        if int(page.obj.get("/Rotate", 0)) % 180:
            width, height = height, width
    assert width > height  # displayed landscape, as the page really is
