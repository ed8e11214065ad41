"""Inspection numbers for deterministic synthetic inputs (tests/support/synth.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from support.synth import PAPER, Synth, corner_marks, px

from beian_desktop.core.errors import EncryptedPdf, TooLarge
from beian_desktop.core.findings import Severity
from beian_desktop.core.inspect import (
    ColourClass,
    FileKind,
    Inspection,
    Limits,
    inspect,
    open_image,
    to_l_or_rgb,
    upright,
)

MATERIAL_FOR_PAPER = {
    "id-card": "id-card-principal",
    "a4": "authorization-letter",
    "a3": "subject-certificate",
}


def finding(inspection: Inspection, code: str):  # type: ignore[no-untyped-def]
    found = [f for f in inspection.findings if f.code == code]
    assert found, f"no {code} in {sorted(inspection.codes())}"
    return found[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- resolution --------------------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [300, 150])
@pytest.mark.parametrize("paper", ["id-card", "a4", "a3"])
def test_scan_of_each_material_size(synth: Synth, materials, paper: str, dpi: int) -> None:  # type: ignore[no-untyped-def]
    path = synth.scan(paper, dpi, seal=True)
    before = sha(path)
    result = inspect(path, materials[MATERIAL_FOR_PAPER[paper]])
    page = result.pages[0]
    width_mm, height_mm = PAPER[paper]
    assert (result.kind, result.page_count, result.frame_count) == (FileKind.JPEG, 1, 1)
    assert (page.width_px, page.height_px) == (px(width_mm, dpi), px(height_mm, dpi))
    assert page.metadata_dpi is not None and page.metadata_dpi.value == dpi
    assert page.metadata_dpi.source == "jfif"
    assert page.effective_dpi == pytest.approx(dpi, abs=1)
    assert {page.paper.format.long_mm, page.paper.format.short_mm} == {width_mm, height_mm}
    assert page.colour is ColourClass.COLOUR
    assert result.blocking is (dpi < 200)
    assert ("inspect.dpi-low" in result.codes()) is (dpi < 200)
    assert sha(path) == before
    json.dumps(result.to_dict())


def test_a3_licence_told_from_a4_by_metadata(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    """正本 (A3) and 副本 (A4) have the same shape; the metadata's physical size decides."""
    licence = materials["subject-certificate"]
    a3 = inspect(synth.scan("a3", 150, seal=True), licence).pages[0]
    a4 = inspect(synth.scan("a4", 150, seal=True), licence).pages[0]
    assert (a3.paper.format.long_mm, a3.paper.basis) == (420, "size")
    assert (a4.paper.format.long_mm, a4.paper.basis) == (297, "size")
    assert a4.paper.format.height_mm > a4.paper.format.width_mm  # the portrait A4 format
    no_meta = inspect(synth.scan("a4", 300, metadata_dpi=None, seal=True), licence).pages[0]
    assert no_meta.paper.format.long_mm == 420  # the pack's default when pixels can't tell
    assert no_meta.effective_dpi == pytest.approx(300 * 297 / 420, abs=1)


def test_72_dpi_metadata_with_300_dpi_pixels_passes_and_says_so(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(
        synth.scan("a4", 300, metadata_dpi=72, seal=True), materials["authorization-letter"]
    )
    page = result.pages[0]
    assert page.metadata_dpi is not None and page.metadata_dpi.value == 72
    assert page.effective_dpi == pytest.approx(300, abs=1)
    assert not result.blocking and "inspect.dpi-low" not in result.codes()
    note = finding(result, "inspect.dpi-metadata")
    assert note.severity is Severity.INFO
    assert "72" in note.message.zh and "300" in note.message.zh
    assert "72" in note.message.en and "300" in note.message.en


def test_missing_metadata_dpi_is_reported_as_missing(synth: Synth) -> None:
    result = inspect(synth.scan("a4", 300, metadata_dpi=None))
    assert result.pages[0].metadata_dpi is None
    assert result.pages[0].effective_dpi == pytest.approx(300, abs=1)
    assert "inspect.material-assumed" in result.codes()


def test_unknown_material_assumes_a4_and_only_warns(synth: Synth) -> None:
    result = inspect(synth.scan("a4", 150, seal=True))
    assert result.material_assumed and result.pages[0].paper.format.long_mm == 297
    assert finding(result, "inspect.dpi-low").severity is Severity.WARNING
    assert not result.blocking


# -- colour ------------------------------------------------------------------------------------


def test_grey_saved_as_rgb_is_greyscale(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(synth.grey_as_rgb(), materials["authorization-letter"])
    page = result.pages[0]
    assert page.mode == "RGB" and page.colour is ColourClass.GREYSCALE
    assert page.pixels is not None and page.pixels.chromatic_fraction == 0
    assert finding(result, "inspect.colour-required").severity is Severity.BLOCKING


def test_beige_licence_with_small_red_seal_is_colour(synth: Synth) -> None:
    stats = inspect(synth.beige_with_seal()).pages[0].pixels
    assert stats is not None and stats.colour is ColourClass.COLOUR
    assert stats.median_chroma >= 18  # the paper's tint alone
    assert 0.0005 <= stats.chromatic_fraction < 0.05  # the seal: a small share of the page


def test_white_page_with_small_red_seal_is_colour(synth: Synth) -> None:
    stats = inspect(synth.white_with_seal()).pages[0].pixels
    assert stats is not None and stats.colour is ColourClass.COLOUR
    assert stats.median_chroma < 18  # white paper: the seal alone decides
    assert 0.0005 <= stats.chromatic_fraction < 0.05


def test_same_page_without_seal_is_greyscale(synth: Synth) -> None:
    stats = inspect(synth.scan("a4", 150)).pages[0].pixels
    assert stats is not None and stats.colour is ColourClass.GREYSCALE


# -- orientation -------------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation(synth: Synth, orientation: int) -> None:
    path = synth.orientation(orientation)
    result = inspect(path)
    page = result.pages[0]
    assert page.orientation == orientation
    assert (page.width_px, page.height_px) == (px(210, 100), px(297, 100))  # upright: portrait
    assert ("inspect.rotated" in result.codes()) is (orientation != 1)
    if orientation != 1:
        fix = finding(result, "inspect.rotated").fix
        assert fix is not None and fix.kind == "rotate"
    with open_image(path) as raster:
        stored = raster.load(0)
        assert all(corner_marks(upright(stored, orientation)).values())
        assert all(corner_marks(stored).values()) is (orientation == 1)  # mistakes are visible


def test_invalid_orientation_is_ignored(synth: Synth, tmp_path: Path) -> None:
    from PIL import Image
    from support.synth import exif_bytes

    path = tmp_path / "orientation-0.jpg"
    with Image.open(synth.orientation(1)) as image:
        image.save(path, "JPEG", exif=exif_bytes(9))
    assert inspect(path).pages[0].orientation == 1


# -- modes and containers ----------------------------------------------------------------------


def test_cmyk_adobe_jpeg_reads_right_way_round(synth: Synth) -> None:
    path = synth.cmyk_adobe_jpeg()
    page = inspect(path).pages[0]
    assert page.mode == "CMYK" and page.colour is ColourClass.COLOUR
    assert page.pixels is not None and page.pixels.paper_luma >= 240  # inverted would be black
    with open_image(path) as raster:
        image = raster.load(0)
        assert "adobe" in image.info  # the APP14 marker
        assert all(corner_marks(to_l_or_rgb(image)).values())


def test_rgba_png_reads_as_white_paper(synth: Synth) -> None:
    path = synth.rgba_png()
    page = inspect(path).pages[0]
    assert page.mode == "RGBA" and page.colour is ColourClass.COLOUR
    assert page.pixels is not None and page.pixels.paper_luma == 255
    assert page.metadata_dpi is not None and page.metadata_dpi.source == "png"
    assert page.metadata_dpi.value == pytest.approx(100, abs=0.01)
    with open_image(path) as raster:
        assert raster.frame_info(0).alpha


def test_16_bit_grey_png_is_scaled_not_clipped(synth: Synth) -> None:
    page = inspect(synth.png16_grey()).pages[0]
    assert page.mode == "I;16" and page.colour is ColourClass.GREYSCALE
    assert page.pixels is not None and page.pixels.paper_luma >= 250
    assert page.pixels.content_fraction > 0.05  # text survives the reduction to 8 bits


def test_16_bit_rgb_png(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(synth.png16_rgb(), materials["id-card-principal"])
    page = result.pages[0]
    assert page.mode == "RGB" and page.colour is ColourClass.COLOUR  # Pillow hands over 8 bits
    assert page.metadata_dpi is not None and page.metadata_dpi.value == pytest.approx(300, abs=0.1)
    assert page.effective_dpi == pytest.approx(300, abs=1) and not result.blocking


def test_palette_png_with_transparency(synth: Synth) -> None:
    path = synth.palette_trns_png()
    page = inspect(path).pages[0]
    assert page.mode == "P" and page.colour is ColourClass.COLOUR
    assert page.pixels is not None and page.pixels.paper_luma == 255
    with open_image(path) as raster:
        assert raster.frame_info(0).alpha


def test_multipage_colour_jpeg_tiff(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(synth.tiff_colour_jpeg(), materials["subject-certificate"])
    assert (result.kind, result.page_count, result.frame_count) == (FileKind.TIFF, 3, 3)
    assert [p.colour for p in result.pages] == [
        ColourClass.COLOUR,
        ColourClass.GREYSCALE,
        ColourClass.GREYSCALE,
    ]
    for page in result.pages:
        assert page.metadata_dpi is not None and page.metadata_dpi.source == "tiff"
        assert page.metadata_dpi.value == 150
        assert page.effective_dpi == pytest.approx(150, abs=1)
    pages_low = {f.extra["page"] for f in result.findings if f.code == "inspect.dpi-low"}
    assert pages_low == {0, 1, 2}


def test_multipage_g4_tiff_is_bilevel(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(synth.tiff_g4(), materials["authorization-letter"])
    assert result.page_count == 5
    for page in result.pages:
        assert page.mode == "1" and page.colour is ColourClass.BILEVEL
        assert page.effective_dpi == pytest.approx(200, abs=1)
    assert finding(result, "inspect.colour-required").severity is Severity.BLOCKING
    assert "inspect.too-many-pages" in result.codes()  # a letter has at most 2 pages


def test_pages_are_decoded_one_after_another(synth: Synth) -> None:
    with open_image(synth.tiff_colour_jpeg()) as raster:
        decoded = [(info.index, image.size, image.mode) for info, image in raster.pages()]
    assert decoded == [(i, (1240, 1754), "RGB") for i in range(3)]


def test_only_the_first_pages_are_analysed(synth: Synth) -> None:
    result = inspect(synth.tiff_g4(), limits=Limits(analysed_pages=2))
    assert len(result.pages) == 5
    assert [p.pixels is not None for p in result.pages] == [True, True, False, False, False]


def test_heic_photo(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    path = synth.heic()
    result = inspect(path, materials["id-card-principal"])
    page = result.pages[0]
    assert result.kind is FileKind.HEIF and result.format_name == "HEIC/HEIF"
    assert page.width_px is not None and page.height_px is not None
    assert page.width_px > page.height_px  # the card reads landscape once upright
    assert page.effective_dpi == pytest.approx(400, abs=2)
    assert page.colour is ColourClass.COLOUR and not result.blocking
    with open_image(path) as raster:
        info = raster.frame_info(0)
        assert all(corner_marks(upright(raster.load(0), info.orientation)).values())


# -- PDFs --------------------------------------------------------------------------------------


def test_scanner_pdf(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(synth.scanner_pdf("a4", 200), materials["authorization-letter"])
    page = result.pages[0]
    assert (result.kind, result.page_count) == (FileKind.PDF, 1)
    assert page.page_size_mm == pytest.approx((210, 297), abs=0.1)
    assert len(page.images) == 1 and not page.has_text
    assert page.effective_dpi == pytest.approx(200, abs=1)
    assert page.colour is ColourClass.COLOUR
    assert result.pdf is not None
    assert (result.pdf.encrypted, result.pdf.javascript, result.pdf.claimed_pdfa) == (
        False,
        False,
        "",
    )
    assert not result.blocking


def test_id_card_scanned_to_pdf(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    page = inspect(synth.scanner_pdf("id-card", 300), materials["id-card-principal"]).pages[0]
    assert page.effective_dpi == pytest.approx(300, abs=1)


def test_pdf_with_fonts_not_embedded(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(synth.text_pdf(), materials["authorization-letter"])
    page = result.pages[0]
    assert page.has_text and not page.images and page.effective_dpi is None
    assert {(f.name, f.embedded) for f in page.fonts} == {("Helvetica", False), ("Arial", False)}
    assert finding(result, "pdf.fonts-not-embedded").severity is Severity.WARNING
    assert finding(result, "pdf.no-scan").severity is Severity.WARNING  # a letter must be signed


def test_pdf_with_javascript(synth: Synth) -> None:
    result = inspect(synth.text_pdf(javascript=True))
    assert result.pdf is not None and result.pdf.javascript
    assert "pdf.javascript" in result.codes()


def test_password_protected_pdf_is_refused(synth: Synth) -> None:
    with pytest.raises(EncryptedPdf) as caught:
        inspect(synth.encrypted_pdf("secret"))
    assert caught.value.code == "pdf-encrypted"
    assert "密码" in caught.value.message.zh and "password" in caught.value.message.en


def test_pdf_encrypted_with_empty_password_is_accepted_with_a_warning(synth: Synth) -> None:
    result = inspect(synth.encrypted_pdf(""))
    assert result.pdf is not None and result.pdf.encrypted
    assert finding(result, "pdf.encrypted-open").severity is Severity.WARNING
    assert result.pages[0].effective_dpi is not None


def test_pdf_image_pixel_limit(synth: Synth) -> None:
    with pytest.raises(TooLarge) as caught:
        inspect(synth.scanner_pdf("a4", 200), limits=Limits(max_pixels=1_000_000))
    assert (caught.value.limit, caught.value.value) == ("pixels", 1654 * 2339)


def test_pdf_page_limit(synth: Synth) -> None:
    with pytest.raises(TooLarge) as caught:
        inspect(synth.scanner_pdf("id-card", 150, pages=3), limits=Limits(max_pages=2))
    assert (caught.value.limit, caught.value.value, caught.value.maximum) == ("pages", 3, 2)


# -- exposure, blank, blur ---------------------------------------------------------------------


def test_blurred_scan_is_flagged(synth: Synth) -> None:
    blurred = inspect(synth.blurred(0.75))
    sharp = inspect(synth.scan("a4", 150, seal=True))
    assert blurred.pages[0].pixels is not None and sharp.pages[0].pixels is not None
    assert blurred.pages[0].pixels.sharpness is not None
    assert blurred.pages[0].pixels.sharpness < 0.53 <= (sharp.pages[0].pixels.sharpness or 0)
    assert finding(blurred, "inspect.blurry").severity is Severity.WARNING
    assert "inspect.blurry" not in sharp.codes()


@pytest.mark.parametrize(
    ("make", "code"),
    [
        ("blank", "inspect.blank"),
        ("underexposed", "inspect.too-dark"),
        ("washed_out", "inspect.too-bright"),
    ],
)
def test_exposure_problems(synth: Synth, make: str, code: str) -> None:
    result = inspect(getattr(synth, make)())
    assert finding(result, code).severity is Severity.WARNING
    exposure = {"inspect.blank", "inspect.too-dark", "inspect.too-bright", "inspect.blurry"}
    assert result.codes() & exposure == {code}


def test_good_scan_has_no_exposure_findings(synth: Synth, materials) -> None:  # type: ignore[no-untyped-def]
    result = inspect(synth.scan("a4", 300, seal=True), materials["authorization-letter"])
    assert result.codes() == set()


# -- names, upload profiles, limits ------------------------------------------------------------


def test_wrong_extension_is_accepted_with_a_rename(synth: Synth) -> None:
    path = synth.renamed(synth.scan("id-card", 300, seal=True), "card.png")
    result = inspect(path)
    assert result.kind is FileKind.JPEG and not result.extension_matches
    mismatch = finding(result, "inspect.extension-mismatch")
    assert mismatch.severity is Severity.WARNING
    assert mismatch.fix is not None and (mismatch.fix.kind, mismatch.fix.value) == (
        "rename",
        "card.jpg",
    )


def test_missing_extension_is_an_info(synth: Synth) -> None:
    result = inspect(synth.renamed(synth.scan("id-card", 300, seal=True), "card"))
    missing = finding(result, "inspect.extension-missing")
    assert missing.severity is Severity.INFO and missing.fix is not None
    assert missing.fix.value == "card.jpg"


def test_upload_profile_size_cap_and_format(synth: Synth, profiles) -> None:  # type: ignore[no-untyped-def]
    tiff = inspect(synth.tiff_colour_jpeg(), profile=profiles["generic"])
    assert tiff.size_bytes > 3_000_000
    over = finding(tiff, "inspect.over-size-cap")
    assert over.fix is not None and over.fix.kind == "compress"
    assert finding(tiff, "inspect.upload-format").fix is not None
    heic = inspect(synth.heic(), profile=profiles["huawei"])
    assert "inspect.upload-format" in heic.codes() and "inspect.over-size-cap" not in heic.codes()
    jpeg = inspect(synth.scan("id-card", 300, seal=True), profile=profiles["generic"])
    assert not {"inspect.upload-format", "inspect.over-size-cap"} & jpeg.codes()


def test_pixel_limit(synth: Synth) -> None:
    with pytest.raises(TooLarge) as caught:
        inspect(synth.scan("a4", 300), limits=Limits(max_pixels=1_000_000))
    error = caught.value
    assert (error.limit, error.value, error.maximum) == ("pixels", 2480 * 3508, 1_000_000)
    assert "8,699,840" in error.message.zh and "1,000,000" in error.message.en


def test_byte_limit(synth: Synth) -> None:
    path = synth.scan("id-card", 150)
    with pytest.raises(TooLarge) as caught:
        inspect(path, limits=Limits(max_bytes=1000))
    assert (caught.value.limit, caught.value.value) == ("bytes", path.stat().st_size)


def test_tiff_page_limit(synth: Synth) -> None:
    with pytest.raises(TooLarge) as caught:
        inspect(synth.tiff_g4(), limits=Limits(max_pages=3))
    assert (caught.value.limit, caught.value.value, caught.value.maximum) == ("pages", 5, 3)


def test_large_jpeg_is_analysed_on_a_reduced_decode(synth: Synth) -> None:
    path = synth.scan("a3", 300)
    with open_image(path) as raster:
        reduced = raster.reduced(0)
        assert max(reduced.image.size) <= 800 and reduced.scale < 0.2
        assert raster.load(0).size == (3508, 4961)  # a full decode afterwards still works
